"""Regrade after an instructor corrects a question: a preview that changes nothing, then the change."""

import pytest
from django.urls import reverse

from courses.models import Completion
from lms import roles
from quizzes.models import QuizGrade
from quizzes.selectors import attempt_answers
from quizzes.services import apply_regrade, record_question_version, regrade_preview, start_attempt, submit_attempt
from tests.quizzes.test_attempts import form


@pytest.fixture
def wrong_key(course_with_bank, make_question, make_quiz, trainee):
    """A quiz of one single-choice question whose key marks the wrong option; the trainee chose the
    option that is really right and failed."""
    question = make_question(
        course_with_bank.category, "single", choices=[("Rapat Anggota", False), ("Pengurus", True), ("Pengawas", False)]
    )
    quiz = make_quiz(course_with_bank.module, questions=[question], pass_mark=60)
    ids = {c["text"]: c["id"] for c in question.current_version.spec["data"]["choices"]}
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1=ids["Rapat Anggota"]))
    return question, quiz, attempt


def correct_the_key(question):
    raw = question.answer.raw_data
    for item in raw[0]["value"]["choices"]:
        item["value"]["correct"] = item["value"]["text"] == "Rapat Anggota"
    question.answer = raw
    question.save()
    return record_question_version(question=question)


@pytest.mark.django_db
def test_preview_shows_what_changes_and_writes_nothing(wrong_key):
    question, quiz, attempt = wrong_key
    correct_the_key(question)
    plan = regrade_preview(quiz=quiz)
    assert plan.attempts == 1 and plan.updated_questions == {question.pk: (1, 2)}
    [change] = plan.changes
    assert (change.old_score, change.new_score, change.old_passed, change.new_passed) == (0, 100, False, True)
    assert change.positions == [1]
    attempt.refresh_from_db()
    assert attempt.score == 0 and not attempt.passed and attempt.regraded_at is None
    assert attempt_answers(attempt)[0].version.number == 1


@pytest.mark.django_db
def test_regrade_moves_answers_to_the_new_version_and_completes_the_course(
    wrong_key, trainee, course_with_bank, django_capture_on_commit_callbacks
):
    from courses.models import LessonProgress

    question, quiz, attempt = wrong_key
    for lesson in course_with_bank.tree.lessons:
        LessonProgress.objects.create(user=trainee, lesson=lesson)
    assert not Completion.objects.exists()
    correct_the_key(question)
    with django_capture_on_commit_callbacks(execute=True):  # the completion check runs after the commit
        plan = apply_regrade(quiz=quiz, user=None)
    assert plan.affected == 1
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed and attempt.regraded_at is not None
    answer = attempt_answers(attempt)[0]
    assert answer.version.number == 2 and answer.fraction == 1
    assert QuizGrade.objects.get(user=trainee, quiz=quiz).passed
    assert Completion.objects.filter(enrollment=course_with_bank.enrollment).exists()
    assert regrade_preview(quiz=quiz).changes == []  # a second regrade has nothing to do


@pytest.mark.django_db
def test_regrade_screen_for_each_role(wrong_key, course_with_bank, make_user, client_for, trainee):
    question, quiz, attempt = wrong_key
    correct_the_key(question)
    url = reverse("quizzes:regrade", args=[quiz.pk])
    teacher = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(teacher)
    for user, status in (
        (teacher, 200),
        (make_user(roles.ADMIN), 200),
        (make_user(roles.OFFICER), 403),
        (make_user(roles.INSTRUCTOR), 403),
        (trainee, 403),
    ):
        assert client_for(user).get(url).status_code == status, user
    assert client_for(trainee).post(url).status_code == 403
    attempt.refresh_from_db()
    assert attempt.score == 0
    client = client_for(teacher)
    preview = client.get(url).content.decode()
    assert "menjadi lulus" in preview
    assert client.post(url).status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
