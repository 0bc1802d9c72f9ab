"""Object permissions of the quiz engine (django-rules, autodiscovered), built on courses' rules."""

import rules

from courses.rules import is_course_instructor, runs_cohort
from lms.permissions import is_admin, is_instructor, is_officer


def _course_of(obj):
    """The course above a quiz (or an attempt's quiz), by tree path."""
    from courses.models import CoursePage

    from .models import QuizAttempt

    quiz = obj.quiz if isinstance(obj, QuizAttempt) else obj
    return CoursePage.objects.filter(path=quiz.path[: CoursePage.steplen * (quiz.depth - 2)]).first()


@rules.predicate
def owns_attempt(user, attempt):
    return attempt is not None and user.is_authenticated and attempt.user_id == user.pk


@rules.predicate
def instructs_course_of(user, obj):
    if obj is None or not user.is_authenticated:
        return False
    return is_course_instructor(user, _course_of(obj))


# An attempt: its trainee, admins and officers, and the instructors of the quiz's course.
rules.add_perm("quizzes.view_attempt", owns_attempt | is_admin | is_officer | (is_instructor & instructs_course_of))
# A cohort's gradebook, item statistics and learning-gain report (same people as the roster).
rules.add_perm("quizzes.view_gradebook", runs_cohort)
# Regrading changes trainees' scores: admins and the course's instructors only.
rules.add_perm("quizzes.regrade_quiz", is_admin | (is_instructor & instructs_course_of))
