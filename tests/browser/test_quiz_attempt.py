"""A trainee takes a quiz in Chromium at phone and desktop width (issue 11): the script autosaves
each change (it used to post to ".../[object RadioNodeList]" because the form's buttons are named
"action" and shadow form.action), says which questions need a look, and submits on its own when
the time runs out; the result page follows."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from quizzes.models import AttemptState, QuizAttempt
from quizzes.selectors import attempt_answers
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD
from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 (fixtures)
from tests.quizzes.conftest import (  # noqa: F401 (fixtures)
    course_with_bank,
    make_category,
    make_question,
    make_quiz,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def quiz(course_with_bank, make_quiz):  # noqa: F811
    bank = course_with_bank.questions
    return make_quiz(
        course_with_bank.module,
        questions=[bank["truefalse"], bank["numeric"], bank["shu"]],
        pass_mark=60,
        time_limit_minutes=20,
    )


def _answers(attempt):
    return {a.version.spec["kind"]: a.response for a in attempt_answers(attempt)}


def test_autosave_and_the_automatic_submit_when_time_runs_out(sized_page, live_server, quiz, trainee):
    page = sized_page
    sign_in(page, live_server, trainee.email, PASSWORD)
    page.goto(live_server.url + quiz.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Mulai mengerjakan").click()
    attempt = QuizAttempt.objects.get(user=trainee, quiz=quiz)
    status = page.locator("#autosave-status")

    # A change is saved without pressing any button.
    page.get_by_label("Benar", exact=True).first.check()
    expect(status).to_contain_text("Tersimpan")
    assert _answers(attempt)["truefalse"] not in (None, "", {})

    # Text that is not a number is kept, and the status names the question to look at.
    numeric = page.locator("[name=q2]")
    numeric.fill("sejuta")
    numeric.blur()
    expect(status).to_contain_text("periksa soal nomor 2")
    assert "sejuta" in str(_answers(attempt)["numeric"])
    screenshot(page, f"quiz-attempt-autosave-{page.viewport_name}")

    # Two seconds before the deadline (the server's clock decides): the page submits on its own
    # with what was saved and lands on the result.
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + dt.timedelta(seconds=2))
    page.reload()
    page.wait_for_url(f"**/kuis/percobaan/{attempt.pk}/hasil/", timeout=15_000)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.FINISHED
    expect(page.locator("main")).to_contain_text("Hasil percobaan")
    screenshot(page, f"quiz-attempt-result-{page.viewport_name}")


def test_the_instructors_reports_fit_a_phone(sized_page, live_server, quiz, trainee, course_with_bank, make_user):  # noqa: F811
    """The gradebook and a quiz's report scroll their wide tables inside the table, not the page:
    the link column's visually hidden heading (position: absolute) used to escape the scroller
    and widen the whole page at 360 px."""
    from django.urls import reverse

    from lms import roles
    from quizzes.services import start_attempt, submit_attempt

    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee)
    teacher = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(teacher)
    page = sized_page
    sign_in(page, live_server, teacher.email, PASSWORD)
    width = page.viewport_size["width"]
    for name, url in (
        ("gradebook", reverse("quizzes:gradebook", args=[course_with_bank.cohort.pk])),
        ("quiz-report", reverse("quizzes:quiz_report", args=[course_with_bank.cohort.pk, quiz.pk])),
    ):
        response = page.goto(live_server.url + url)
        assert response.status == 200
        screenshot(page, f"{name}-{page.viewport_name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
