"""The pages trainees use, without JavaScript (plain posts) and with it (JSON autosave): each role's
access, right answers kept out of the page until review allows, and a fixed query count to submit."""

import datetime as dt
import json
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lms import roles
from quizzes.models import AttemptState, QuizAttempt
from quizzes.selectors import attempt_answers
from quizzes.services import start_attempt, submit_attempt
from tests.quizzes.test_attempts import by_kind, form, right_form


@pytest.fixture
def quiz(course_with_bank, make_quiz):
    return make_quiz(course_with_bank.module, questions=list(course_with_bank.questions.values()), pass_mark=60)


def attempt_url(attempt, name="attempt"):
    return reverse(f"quizzes:{name}", args=[attempt.pk])


@pytest.mark.django_db
def test_trainee_takes_a_quiz_without_javascript(quiz, trainee, client_for):
    client = client_for(trainee)
    page = client.get(quiz.url)
    assert page.status_code == 200
    assert "Mulai mengerjakan" in page.content.decode()
    started = client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(user=trainee, quiz=quiz)
    assert started.status_code == 302 and started["Location"] == attempt_url(attempt)
    shown = client.get(attempt_url(attempt))
    assert shown.status_code == 200
    html = shown.content.decode()
    assert 'name="soal" value="8"' in html and "Simpan jawaban" in html
    assert "<script>" not in html.replace("<script src=", "")  # no inline script (CSP)
    fields = right_form(attempt)
    saved = client.post(attempt_url(attempt), {**fields, "action": "save-3"})
    assert saved.status_code == 302 and saved["Location"].endswith("#soal-3")
    to_summary = client.post(attempt_url(attempt), {"soal": [], "action": "review"})
    assert to_summary["Location"] == attempt_url(attempt, "confirm")
    summary = client.get(attempt_url(attempt, "confirm"))
    assert "Semua soal sudah dijawab" in summary.content.decode()
    sent = client.post(attempt_url(attempt), {"action": "submit"})
    assert sent["Location"] == attempt_url(attempt, "review")
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED and attempt.score == 100
    review = client.get(attempt_url(attempt, "review"))
    assert review.status_code == 200 and "100" in review.content.decode()
    again = client.post(attempt_url(attempt), {"action": "submit"})  # the back button, a second tab
    assert again["Location"] == attempt_url(attempt, "review")
    assert QuizAttempt.objects.filter(user=trainee, quiz=quiz).count() == 1


@pytest.mark.django_db
def test_bad_input_is_shown_on_the_question_with_status_200(quiz, trainee, client_for):
    attempt = start_attempt(user=trainee, quiz=quiz)
    numeric = by_kind(attempt)["numeric"]
    p = numeric.position
    response = client_for(trainee).post(attempt_url(attempt), {"soal": [p], f"q{p}": "sejuta", "action": "save"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "harus berupa angka" in html and 'aria-invalid="true"' in html
    assert f"Soal nomor {p} perlu diperiksa" in html  # the page-level message names the question
    assert 'value="sejuta"' in html


@pytest.mark.django_db
def test_autosave_answers_json(quiz, trainee, client_for):
    attempt = start_attempt(user=trainee, quiz=quiz)
    tf = by_kind(attempt)["truefalse"]
    client = client_for(trainee)
    response = client.post(
        attempt_url(attempt),
        {"soal": [tf.position], f"q{tf.position}": "true", "action": "save"},
        HTTP_ACCEPT="application/json",
    )
    body = json.loads(response.content)
    assert response.status_code == 200 and body["saved"] == 1 and body["finished"] is False
    submit_attempt(attempt=attempt, user=trainee)
    refused = client.post(attempt_url(attempt), {"action": "save"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 409 and json.loads(refused.content)["finished"] is True


@pytest.mark.django_db
def test_right_answers_never_reach_the_page_before_review_allows(course_with_bank, make_quiz, trainee, client_for):
    quiz = make_quiz(
        course_with_bank.module,
        questions=list(course_with_bank.questions.values()),
        review_answers="after_close",
        review_feedback="never",
        closes_at=timezone.now() + dt.timedelta(days=2),
    )
    attempt = start_attempt(user=trainee, quiz=quiz)
    client = client_for(trainee)
    forbidden = [
        "jawaban benar",
        "Rapat Anggota Tahunan",
        "1.350.000",
        'mengawasi"',
        "Pembahasan soal",
        "Bagus!",
        "umpan Rapat",
    ]
    html = client.get(attempt_url(attempt)).content.decode()
    for text in ["jawaban benar", "Rapat Anggota Tahunan", "Pembahasan soal", "Bagus!", "Pelajari lagi", "correct"]:
        assert text not in html, text
    submit_attempt(attempt=attempt, user=trainee)  # nothing answered: nothing of the key is the trainee's own
    review = client.get(attempt_url(attempt, "review")).content.decode()
    for text in forbidden:
        assert text not in review, text
    assert "setelah kuis ditutup" in review
    # After the close the same page shows them.
    quiz.closes_at = timezone.now() - dt.timedelta(minutes=1)
    quiz.save()
    review = client.get(attempt_url(attempt, "review")).content.decode()
    assert "Jawaban yang benar" in review and "Pembahasan soal" in review


@pytest.mark.django_db
def test_score_hidden_when_review_says_never(course_with_bank, make_quiz, trainee, client_for):
    quiz = make_quiz(
        course_with_bank.module,
        questions=[course_with_bank.questions["truefalse"]],
        review_score="never",
        review_answers="never",
    )
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1="true"))
    client = client_for(trainee)
    review = client.get(attempt_url(attempt, "review")).content.decode()
    assert "Nilai tidak ditampilkan" in review and "badge-ok" not in review
    page = client.get(quiz.url).content.decode()
    assert "Nilai Anda" not in page


@pytest.mark.django_db
def test_attempt_pages_of_another_trainee_are_404(quiz, trainee, make_user, course_with_bank, enrol, client_for):
    attempt = start_attempt(user=trainee, quiz=quiz)
    other = make_user(roles.TRAINEE)
    enrol(other, course_with_bank.cohort)
    client = client_for(other)
    for name in ("attempt", "confirm", "review"):
        assert client.get(attempt_url(attempt, name)).status_code == 404, name
    assert client.post(attempt_url(attempt), {"action": "submit"}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS
    assert client.get(reverse("quizzes:attempt", args=[987654])).status_code == 404


@pytest.mark.django_db
def test_staff_see_attempts_of_their_course_only(quiz, trainee, make_user, course_with_bank, client_for):
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(**right_form(attempt)))
    teacher = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(teacher)
    stranger = make_user(roles.INSTRUCTOR)
    officer = make_user(roles.OFFICER)
    admin = make_user(roles.ADMIN)
    url = attempt_url(attempt, "review")
    for user, status in ((teacher, 200), (officer, 200), (admin, 200), (stranger, 404), (None, 302)):
        response = client_for(user).get(url)
        assert response.status_code == status, user
    html = client_for(teacher).get(url).content.decode()
    assert "Jawaban yang benar" in html  # staff always see the key
    assert client_for(teacher).get(attempt_url(attempt)).status_code == 404  # the form is the trainee's


@pytest.mark.django_db
def test_an_instructor_of_another_cohort_of_the_course_does_not_see_the_attempt(
    quiz, trainee, make_user, make_cohort, course_with_bank, client_for
):
    """Attempts are scoped as gradebooks are: by cohort (the course's authors see every cohort)."""
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(**right_form(attempt)))
    assert attempt.cohort_id == course_with_bank.cohort.pk
    other_teacher = make_user(roles.INSTRUCTOR)
    make_cohort(course_with_bank.course, sessions=0, instructors=[other_teacher])
    author = make_user(roles.INSTRUCTOR)
    course_with_bank.course.instructors.add(author)
    course_with_bank.course.save()  # a parental many-to-many is written when the page is saved
    url = attempt_url(attempt, "review")
    assert client_for(other_teacher).get(url).status_code == 404
    assert client_for(author).get(url).status_code == 200


@pytest.mark.django_db
def test_start_is_post_only_and_for_enrolled_trainees(quiz, make_user, client_for):
    url = reverse("quizzes:start", args=[quiz.pk])
    outsider = make_user(roles.TRAINEE)
    assert client_for(outsider).get(url).status_code == 405
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(None).post(url).status_code == 302


@pytest.mark.django_db
def test_quiz_page_for_each_role(quiz, trainee, make_user, course_with_bank, client_for):
    teacher = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(teacher)
    outsider = make_user(roles.TRAINEE)
    assert client_for(trainee).get(quiz.url).status_code == 200
    staff_page = client_for(teacher).get(quiz.url)
    assert staff_page.status_code == 200
    assert reverse("quizzes:gradebook", args=[course_with_bank.cohort.pk]) in staff_page.content.decode()
    assert client_for(outsider).get(quiz.url).status_code == 403
    assert client_for(None).get(quiz.url).status_code == 302


@pytest.mark.django_db
def test_time_up_page_redirects_to_the_result(course_with_bank, make_quiz, trainee, client_for):
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], time_limit_minutes=1)
    attempt = start_attempt(user=trainee, quiz=quiz, now=timezone.now() - dt.timedelta(minutes=3))
    client = client_for(trainee)
    response = client.get(attempt_url(attempt))
    assert response["Location"] == attempt_url(attempt, "review")
    late = client.post(attempt_url(attempt), {"soal": [1], "q1": "true", "action": "submit"})
    assert late["Location"] == attempt_url(attempt, "review")
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.score == 0


def _attempt_with(course_with_bank, make_question, make_quiz, trainee, count):
    questions = [make_question(course_with_bank.category, "single") for _ in range(count)]
    quiz = make_quiz(course_with_bank.module, questions=questions)
    return start_attempt(user=trainee, quiz=quiz)


# Session and user (2); the attempt (1); saving: savepoint, claim, answers with their versions (3);
# finishing: one UPDATE of the answers (responses and grades, executemany), one of the attempt
# (state and totals) (2); the quiz grade: one upsert, the first attempt's scores being known (1);
# the savepoint's release (1). Was 26 before the answers' two bulk_updates and the attempt's
# reload were folded; 21 until the course completion check of a pass (the enrolment and eleven
# queries of courses) became a task sent after the commit (courses.tasks.evaluate_completion_soon:
# a class submitting at once does not wait for it; tests/quizzes/test_completion.py holds it).
SUBMIT_QUERIES = 10


# Session and user (2); the quiz page (1); the enrolment with its day's release date (1); the
# trainee's attempts at the quiz (1); schedule and override (2); the questions' current versions
# (1); savepoint, the attempt, its answers in one INSERT, release (4). Was 14 while the course and
# the day were read as whole pages and the enrolment apart (quizzes.services._enrollment_for).
START_QUERIES = 12


@pytest.mark.django_db
def test_starting_a_20_question_attempt_runs_a_fixed_number_of_queries(
    course_with_bank, make_question, make_quiz, trainee, client_for, django_assert_num_queries
):
    client = client_for(trainee)
    for count in (5, 20):
        questions = [make_question(course_with_bank.category, "single") for _ in range(count)]
        quiz = make_quiz(course_with_bank.module, questions=questions)
        client.get(reverse("dashboard"))
        with django_assert_num_queries(START_QUERIES):
            response = client.post(reverse("quizzes:start", args=[quiz.pk]))
        attempt = QuizAttempt.objects.get(user=trainee, quiz=quiz)
        assert response.status_code == 302 and response["Location"] == attempt_url(attempt)
        assert [a.question_id for a in attempt_answers(attempt)] == [q.pk for q in questions]


@pytest.mark.django_db
def test_submitting_a_20_question_attempt_runs_a_fixed_number_of_queries(
    course_with_bank, make_question, make_quiz, trainee, client_for, django_assert_num_queries
):
    client = client_for(trainee)
    for count in (5, 20):
        attempt = _attempt_with(course_with_bank, make_question, make_quiz, trainee, count)
        fields = right_form(attempt)
        client.get(attempt_url(attempt))
        with django_assert_num_queries(SUBMIT_QUERIES):
            response = client.post(attempt_url(attempt), {**fields, "action": "submit"})
        assert response.status_code == 302
        attempt.refresh_from_db()
        assert attempt.score == 100 and len(attempt_answers(attempt)) == count


@pytest.mark.django_db
def test_shu_task_shows_its_percentages_as_written(quiz, trainee, client_for):
    # Whole percentages read "40", not Decimal's exponent form "4E+1"; fractions keep the comma.
    attempt = start_attempt(user=trainee, quiz=quiz)
    html = client_for(trainee).get(attempt_url(attempt)).content.decode()
    assert "E+" not in html
    for percent in ("40", "25", "20", "2,5"):
        assert f'<td class="num">{percent}</td>' in html


@pytest.mark.django_db
def test_the_form_keeps_each_questions_html_per_version_layout_answer_and_language(quiz, trainee, client_for):
    # quizzes.fragments keeps each question's rendered HTML; what is served must be what a fresh
    # render gives, follow the saved answer and the language, and never show a right answer.
    from quizzes.fragments import forget_rendered

    client = client_for(trainee)
    attempt = start_attempt(user=trainee, quiz=quiz)
    url = attempt_url(attempt)

    def page():
        # Without what differs on every request anyway: the masked CSRF token and the seconds left.
        html = client.get(url).content.decode()
        return re.sub(r'(csrfmiddlewaretoken" value|data-seconds-left)="[^"]*"', r"\1", html)

    forget_rendered()
    fresh = page()
    kept = page()
    assert kept == fresh
    answers = by_kind(attempt)
    single = answers["single"]
    right = next(c["id"] for c in single.version.spec["data"]["choices"] if c["correct"])
    assert "is-right" not in kept and "jawaban benar" not in kept
    client.post(url, {"soal": [str(single.position)], f"q{single.position}": right, "action": "save"})
    page()  # shows "Jawaban tersimpan." once
    saved = page()
    assert f'value="{right}" checked' in saved and f'value="{right}" checked' not in kept
    forget_rendered()
    assert page() == saved
    client.cookies["sinau_language"] = "en"
    try:
        english = page()
    finally:
        # The request left English active in this thread; the next test's services speak Indonesian.
        translation.activate(settings.LANGUAGE_CODE)
    assert ">Question 1 <" in english and ">Soal 1 <" not in english
    assert ">Soal 1 <" in saved
