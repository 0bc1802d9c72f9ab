"""The journal entry form with JavaScript on a phone: accounts found by code or by name, live
totals, and a stale account never kept when the search text matches nothing.

Headless Chromium through Playwright against the live server (marked `browser`: deselected unless
CI=true; run with `CI=true .venv/bin/python -m pytest tests/ledger/test_browser_entry.py -q`).
"""

import datetime as dt
import os

import pytest
from playwright.sync_api import expect, sync_playwright

from ledger.models import Book, BookKind, ChartTemplate, JournalEntry, Member
from lms import roles
from tests.conftest import PASSWORD

# serialized_rollback: every transactional test restores the migrations' data, so none of them
# flushes with post_migrate (which would recreate rows the next restore inserts again).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def page(live_server):
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 380, "height": 800}, locale="id-ID")
        context.set_default_timeout(10_000)
        yield context.new_page()
        context.close()
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def test_trainee_posts_an_entry_picking_accounts_by_name(page, live_server, make_user):
    trainee = make_user(roles.TRAINEE)
    book = Book.objects.create(
        owner=trainee,
        title="Buku latihan ponsel",
        kind=BookKind.PRACTICE,
        chart=ChartTemplate.get_default(),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji",
    )
    Member.objects.create(book=book, number="A001", name="Siti Aminah")

    page.goto(f"{live_server.url}/akun/login/")
    page.fill("#id_login", trainee.email)
    page.fill("#id_password", PASSWORD)
    page.click("form.form-login [type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/buku/{book.pk}/jurnal/baru/")

    page.fill("input[name=date]", "2026-03-05")
    page.fill("input[name=description]", "Penjualan tunai kepada bukan anggota")
    searches = page.locator("input.account-search")
    searches.nth(0).fill("kas")
    searches.nth(0).dispatch_event("change")
    expect(page.locator("#id_lines-0-account")).to_have_value("1101")
    searches.nth(1).fill("penjualan non")
    searches.nth(1).dispatch_event("change")
    expect(page.locator("#id_lines-1-account")).to_have_value("4102")

    # Text that names no account clears the select instead of keeping the previous pick.
    searches.nth(2).fill("1102")
    searches.nth(2).dispatch_event("change")
    expect(page.locator("#id_lines-2-account")).to_have_value("1102")
    searches.nth(2).fill("tidak ada akun begini")
    searches.nth(2).dispatch_event("change")
    expect(page.locator("#id_lines-2-account")).to_have_value("")

    page.fill("#id_lines-0-debit", "1.250.000")
    page.fill("#id_lines-1-credit", "1.000.000")
    expect(page.locator("#total-diff")).to_have_text("Rp 250.000")
    page.fill("#id_lines-1-credit", "1.250.000")
    expect(page.locator("#total-diff")).to_have_text("Rp 0")

    page.click("button[name=post]")
    page.wait_for_url(f"**/buku/{book.pk}/jurnal/1/")
    entry = JournalEntry.objects.get(book=book)
    assert sorted((line.account.code, line.side, line.amount) for line in entry.lines.all()) == [
        ("1101", "D", 1250000),
        ("4102", "C", 1250000),
    ]
