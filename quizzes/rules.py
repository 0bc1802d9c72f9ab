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


@rules.predicate
def instructs_attempt(user, attempt):
    """The course's own instructors (its authors), or those who teach the attempt's cohort, as the
    gradebook is scoped; an attempt without a cohort falls back to the course's instructors."""
    if attempt is None or not user.is_authenticated:
        return False
    if attempt.cohort_id is None:
        return instructs_course_of(user, attempt)
    from courses.models import CoursePage

    course = _course_of(attempt)
    return attempt.cohort.instructors.filter(pk=user.pk).exists() or (
        course is not None
        and CoursePage.instructors.through.objects.filter(coursepage_id=course.pk, user_id=user.pk).exists()
    )


# An attempt: its trainee, admins and officers, and the instructors of its cohort (or the course's
# authors) — an instructor of another cohort of the same course sees neither its gradebook nor its attempts.
rules.add_perm("quizzes.view_attempt", owns_attempt | is_admin | is_officer | (is_instructor & instructs_attempt))
# A cohort's gradebook, item statistics and learning-gain report (same people as the roster).
rules.add_perm("quizzes.view_gradebook", runs_cohort)
# Regrading changes trainees' scores: admins and the course's instructors only.
rules.add_perm("quizzes.regrade_quiz", is_admin | (is_instructor & instructs_course_of))
