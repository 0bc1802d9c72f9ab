"""Submitting one attempt from several requests at once, and starting from two tabs at once
(PostgreSQL: real row locks; deselected on SQLite, run in CI)."""

import pytest

from quizzes.models import AttemptState, QuizAttempt, QuizGrade
from quizzes.services import start_attempt, submit_attempt
from tests.ledger.test_concurrency import run_at_once
from tests.quizzes.test_attempts import form, right_form

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def quiz(course_with_bank, make_quiz):
    return make_quiz(course_with_bank.module, questions=list(course_with_bank.questions.values()))


def test_simultaneous_submits_count_once(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    fields = right_form(attempt)
    results = run_at_once(5, lambda i: submit_attempt(attempt=attempt, user=trainee, data=form(**fields)))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(r.finished_now for r in results) == 1
    assert sum(r.already_finished for r in results) == 4
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.score == 100
    assert QuizGrade.objects.get(user=trainee, quiz=quiz).attempts == 1


def test_simultaneous_starts_make_one_attempt(quiz, trainee):
    results = run_at_once(4, lambda i: start_attempt(user=trainee, quiz=quiz))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len({r.pk for r in results}) == 1
    assert QuizAttempt.objects.filter(user=trainee, quiz=quiz).count() == 1
