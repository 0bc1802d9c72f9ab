"""Models of the courses app: the page tree, cohorts and their people, progress and completion."""

from .cohorts import Attendance, Cohort, Enrollment, Session, generate_enrolment_code
from .pages import CourseEditorGroup, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from .progress import Completion, LessonProgress, QuizAttempt

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
    "QuizAttempt",
    "QuizPage",
    "Session",
    "generate_enrolment_code",
]
