"""Who may take or see a quiz: built on the courses app's public services and permissions."""

from dataclasses import dataclass

from courses.models import CoursePage, Enrollment, ModulePage
from courses.services import active_enrollment_for
from lms.permissions import can


@dataclass
class QuizAccess:
    course: CoursePage
    module: ModulePage | None
    enrollment: Enrollment | None  # the trainee's active enrolment in the course
    teaches: bool  # instructor of the course, officer or admin (sees the quiz, never takes it)

    @property
    def allowed(self) -> bool:
        return self.enrollment is not None or self.teaches


def course_and_module_of(quiz) -> tuple[CoursePage, ModulePage | None]:
    """The course and the day above a quiz, by tree path (one query each)."""
    step = CoursePage.steplen
    module = ModulePage.objects.filter(path=quiz.path[:-step]).first()
    course = CoursePage.objects.get(path=quiz.path[: step * (quiz.depth - 2)])
    return course, module


def quiz_access(*, user, quiz) -> QuizAccess:
    course, module = course_and_module_of(quiz)
    if not user.is_authenticated:
        return QuizAccess(course=course, module=module, enrollment=None, teaches=False)
    enrollment = active_enrollment_for(user=user, course_id=course.pk)
    teaches = enrollment is None and can(user, "courses.view_course_content", course)
    return QuizAccess(course=course, module=module, enrollment=enrollment, teaches=teaches)
