"""Passing the required quizzes feeds the course's completion rule (through courses.activities),
by each quiz's grading method; the outline ticks a passed quiz."""

import pytest

from courses.models import Completion, LessonProgress
from courses.selectors import course_outline
from courses.services import evaluate_completion
from quizzes.services import start_attempt, submit_attempt
from tests.quizzes.test_attempts import form


def finish_lessons(user, tree):
    for lesson in tree.lessons:
        LessonProgress.objects.get_or_create(user=user, lesson=lesson)


def take(quiz, user, value):
    attempt = start_attempt(user=user, quiz=quiz)
    return submit_attempt(attempt=attempt, user=user, data=form(soal=[1], q1=value)).attempt


def take_and_commit(quiz, user, value, capture):
    """`take`, then what runs when its transaction commits (the completion check of a pass)."""
    with capture(execute=True):
        return take(quiz, user, value)


@pytest.fixture
def setup(course_with_bank, make_quiz, trainee):
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]])
    finish_lessons(trainee, course_with_bank.tree)
    return course_with_bank, quiz


@pytest.mark.django_db
def test_required_quizzes_must_be_passed(setup, trainee, django_capture_on_commit_callbacks):
    bank, quiz = setup
    assert evaluate_completion(enrollment=bank.enrollment) is None
    assert not take_and_commit(quiz, trainee, "false", django_capture_on_commit_callbacks).passed
    assert not Completion.objects.exists()
    assert not course_outline(course=bank.course, user=trainee).items[-1].done
    # The passing attempt completes the course once its transaction commits.
    assert take_and_commit(quiz, trainee, "true", django_capture_on_commit_callbacks).passed
    completion = Completion.objects.get(enrollment=bank.enrollment)
    assert completion.snapshot["required_quizzes"] == 1 and completion.snapshot["quizzes_passed"] == 1
    item = next(i for i in course_outline(course=bank.course, user=trainee).items if i.kind == "quiz")
    assert item.done and item.page.pk == quiz.pk


@pytest.mark.django_db
def test_the_grading_method_decides_the_pass(setup, trainee, django_capture_on_commit_callbacks):
    bank, quiz = setup
    quiz.grading_method = "last"
    quiz.save()
    take_and_commit(quiz, trainee, "true", django_capture_on_commit_callbacks)
    take_and_commit(
        quiz, trainee, "false", django_capture_on_commit_callbacks
    )  # the last attempt counts: not passed any more
    assert evaluate_completion(enrollment=bank.enrollment) is not None  # completion was recorded on the pass
    assert Completion.objects.count() == 1  # and is never taken back


@pytest.mark.django_db
def test_quizzes_can_be_left_out_of_the_rule(course_with_bank, make_quiz, trainee):
    make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]])
    course = course_with_bank.course
    course.require_quizzes = False
    course.save()
    finish_lessons(trainee, course_with_bank.tree)
    assert evaluate_completion(enrollment=course_with_bank.enrollment) is not None


@pytest.mark.django_db
def test_an_optional_quiz_is_not_required(course_with_bank, make_quiz, trainee):
    make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], is_required=False)
    finish_lessons(trainee, course_with_bank.tree)
    completion = evaluate_completion(enrollment=course_with_bank.enrollment)
    assert completion is not None and completion.snapshot["required_quizzes"] == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_pass_completes_the_course_after_the_response_not_inside_the_request(setup, trainee):
    # Embedded default (eager Celery): the completion check of a pass is kept until the server has
    # sent the response (request_finished), so the trainee's submit does not wait for it.
    from django.core.signals import request_finished, request_started

    bank, _quiz = setup
    request_started.send(sender=None)
    try:
        assert take(_quiz, trainee, "true").passed  # committed (no test transaction around it)
        assert not Completion.objects.exists()
    finally:
        request_finished.send(sender=None)
    assert Completion.objects.filter(enrollment=bank.enrollment).count() == 1


@pytest.mark.django_db
def test_the_completion_task_records_once_however_often_it_runs(setup, trainee, django_capture_on_commit_callbacks):
    from courses.signals import course_completed
    from courses.tasks import evaluate_completion_of

    bank, quiz = setup
    announced = []

    def receiver(sender, enrollment, completion, **kwargs):
        announced.append(completion.pk)

    course_completed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            take(quiz, trainee, "true")  # its own check after the commit
            assert evaluate_completion_of(trainee.pk, bank.enrollment.cohort_id) == "completed"  # a retry
        assert evaluate_completion_of(trainee.pk, bank.enrollment.cohort_id) == "completed"
    finally:
        course_completed.disconnect(receiver)
    assert Completion.objects.filter(enrollment=bank.enrollment).count() == 1
    assert len(announced) == 1
    assert evaluate_completion_of(trainee.pk, 0) == "not_enrolled"
