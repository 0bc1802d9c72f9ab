"""The journal entry form in Chromium at a phone (360 px) and a desktop (1366 px) width, with and
without JavaScript (issue 7 item 9): each row has ONE account control, a text box with the chart as
suggestions (<datalist>); the server reads a code, "1101 — Kas" or a name. Live totals follow the
one Rupiah grammar. Screenshots: test-results/entry-form-<js|nojs>-<w>x<h>.png.

Marked `browser` (deselected unless CI=true):
`CI=true .venv/bin/python -m pytest tests/ledger/test_browser_entry.py -q`.
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

from ledger.charts import default_chart
from ledger.models import Book, BookKind, JournalEntry, Member
from lms import roles
from tests.browser.conftest import CHROMIUM_ARGS, VIEWPORTS, screenshot, sign_in
from tests.conftest import PASSWORD

# serialized_rollback: every transactional test restores the migrations' data, so none of them
# flushes with post_migrate (which would recreate rows the next restore inserts again).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def chromium():
    import os

    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _book(trainee):
    book = Book.objects.create(
        owner=trainee,
        title="Buku latihan ponsel",
        kind=BookKind.PRACTICE,
        chart=default_chart(),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji",
    )
    Member.objects.create(book=book, number="A001", name="Siti Aminah")
    return book


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_one_account_control_per_row_posts_by_code_or_name(chromium, live_server, make_user, size, javascript):
    trainee = make_user(roles.TRAINEE)
    book = _book(trainee)
    context = chromium.new_context(viewport=VIEWPORTS[size], locale="id-ID", java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in(page, live_server, trainee.email, PASSWORD)
        page.goto(f"{live_server.url}/buku/{book.pk}/jurnal/baru/")

        rows = page.locator("fieldset.entry-line")
        assert rows.count() == 4
        for i in range(4):
            row = rows.nth(i)
            # one control for the account: a text box with the chart's suggestions, no select
            assert row.locator("input.account-input[list=account-options]").count() == 1
            assert row.locator("select.account-select, input.account-search").count() == 0
        assert page.locator("#account-options option").count() > 20
        # Nothing sticks out sideways, and four rows no longer take screens on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        rows_height = (
            rows.nth(3).bounding_box()["y"] + rows.nth(3).bounding_box()["height"] - rows.nth(0).bounding_box()["y"]
        )
        assert rows_height < 2 * VIEWPORTS[size]["height"], rows_height
        screenshot(page, f"entry-form-{'js' if javascript else 'nojs'}")

        page.fill("input[name=date]", "2026-03-05")
        page.fill("input[name=description]", "Penjualan tunai kepada bukan anggota")
        page.fill("#id_lines-0-account", "kas")
        page.fill("#id_lines-0-debit", "1.250.000")
        page.fill("#id_lines-1-account", "penjualan non")
        page.fill("#id_lines-1-credit", "1.000.000")
        if javascript:
            page.locator("#id_lines-1-account").dispatch_event("change")
            expect(page.locator("#id_lines-1-account")).to_have_value("4102 — Penjualan Non-Anggota")
            expect(page.locator("#total-diff")).to_have_text("Rp 250.000")
            page.fill("#id_lines-1-credit", "1.250.000")
            expect(page.locator("#total-diff")).to_have_text("Rp 0")
            # the browser reads amounts with the server's grammar: "2.50" is not an amount
            page.fill("#id_lines-2-debit", "2.50")
            expect(page.locator("#total-debit")).to_have_text("?")
            page.fill("#id_lines-2-debit", "")
        else:
            page.fill("#id_lines-1-credit", "1.250.000")

        page.click("button[name=post]")
        page.wait_for_url(f"**/buku/{book.pk}/jurnal/1/")
        entry = JournalEntry.objects.get(book=book)
        assert sorted((line.account.code, line.side, line.amount) for line in entry.lines.all()) == [
            ("1101", "D", 1250000),
            ("4102", "C", 1250000),
        ]
    finally:
        context.close()


def test_an_account_that_fits_several_names_is_explained_on_its_row(chromium, live_server, make_user):
    trainee = make_user(roles.TRAINEE)
    book = _book(trainee)
    context = chromium.new_context(viewport=VIEWPORTS["phone"], locale="id-ID", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, trainee.email, PASSWORD)
        page.goto(f"{live_server.url}/buku/{book.pk}/jurnal/baru/")
        page.fill("input[name=description]", "Uji akun")
        page.fill("#id_lines-0-account", "piutang")
        page.fill("#id_lines-0-debit", "1.000")
        page.fill("#id_lines-1-account", "tidak ada akun begini")
        page.fill("#id_lines-1-credit", "1.000")
        page.click("button[name=post]")
        page.wait_for_load_state()
        expect(page.locator("#row-0 .errors")).to_contain_text("Ada beberapa akun yang cocok dengan “piutang”")
        expect(page.locator("#row-1 .errors")).to_contain_text("tidak ada di bagan buku ini")
        # what was typed stays in the box
        expect(page.locator("#id_lines-0-account")).to_have_value("piutang")
        assert not JournalEntry.objects.filter(book=book).exists()
    finally:
        context.close()
