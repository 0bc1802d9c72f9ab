"""Passing the required quizzes feeds the course's completion rule (through courses.activities)."""

import pytest
from django.utils import timezone

from courses.models import Completion, LessonProgress
from courses.services import evaluate_completion
from quizzes.models import QuizAttempt


def finish_lessons(user, tree):
    for lesson in tree.lessons:
        LessonProgress.objects.get_or_create(user=user, lesson=lesson)


def finished_attempt(user, quiz, *, passed):
    return QuizAttempt.objects.create(
        user=user, quiz=quiz, score=80 if passed else 40, passed=passed, finished_at=timezone.now()
    )


@pytest.mark.django_db
def test_required_quizzes_must_be_passed(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(1,), quizzes=1)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    finish_lessons(trainee, tree)
    assert evaluate_completion(enrollment=enrollment) is None
    finished_attempt(trainee, tree.quizzes[0], passed=False)
    assert evaluate_completion(enrollment=enrollment) is None
    finished_attempt(trainee, tree.quizzes[0], passed=True)
    completion = evaluate_completion(enrollment=enrollment)
    assert completion is not None
    assert completion.snapshot["required_quizzes"] == 1
    assert completion.snapshot["quizzes_passed"] == 1
    assert Completion.objects.filter(enrollment=enrollment).exists()


@pytest.mark.django_db
def test_quizzes_can_be_left_out_of_the_rule(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(1,), quizzes=1, require_quizzes=False)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    finish_lessons(trainee, tree)
    assert evaluate_completion(enrollment=enrollment) is not None
