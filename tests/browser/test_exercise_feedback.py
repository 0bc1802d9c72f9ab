"""After "Periksa jawaban" a trainee lands on the result, at phone and desktop width (issue 7 item 4).

The check form posts to "#hasil": the page opens scrolled to the result, which has keyboard focus,
and each transaction says what is right and what must be fixed. Screenshots:
test-results/exercise-result-<w>x<h>.png.
"""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ledger import demo
from ledger.services import LineInput, post_journal_entry, start_exercise_book
from lms import roles
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_check_lands_on_the_result_with_focus(sized_page, live_server, make_user):
    page = sized_page
    trainee = make_user(roles.TRAINEE)
    demo.load_exercises()
    book = start_exercise_book(owner=trainee, exercise=demo_exercise())
    # Transaction 1 right on the cash side, the member's simpanan wajib line missing.
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran anggota baru",
        voucher="1",
        lines=[
            LineInput("1101", debit="550.000"),
            LineInput("3101", credit="550.000", member_number="A010"),
        ],
    )
    sign_in(page, live_server, trainee.email, PASSWORD)
    page.goto(live_server.url + reverse("ledger:exercise_detail", args=[book.exercise.slug]))
    with page.expect_navigation():
        page.get_by_role("button", name="Periksa jawaban").click()
    assert page.url.endswith("#hasil")
    result = page.locator("#hasil")
    expect(result).to_be_focused()
    box = result.bounding_box()
    height = page.viewport_size["height"]
    assert 0 <= box["y"] < height / 2, "the result starts in the upper half of the screen"
    expect(result).to_contain_text("Sudah benar:")
    expect(result).to_contain_text("Akun 1101 Kas di sisi debit, Rp 550.000: benar.")
    expect(result).to_contain_text("belum ada baris kredit untuk akun 3102 Simpanan Wajib")
    assert result.inner_text().count("dari") >= 1 and page.locator("#hasil .score").count() == 1
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, "exercise-result")


def demo_exercise():
    from ledger.models import LedgerExercise

    return LedgerExercise.objects.get(slug="setoran-simpanan-anggota")
