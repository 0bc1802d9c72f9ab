"""Models of the courses app: the page tree, cohorts and their people, progress and completion (quizzes live in the `quizzes` app)."""

from .cohorts import Attendance, Cohort, Enrollment, Session, generate_enrolment_code
from .pages import CourseEditorGroup, CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import Completion, LessonProgress

__all__ = [
    "Attendance",
    "Cohort",
    "Completion",
    "CourseEditorGroup",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "Session",
    "generate_enrolment_code",
]
