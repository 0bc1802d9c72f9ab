"""Wide tables at a phone (360 px) and a desktop (1366 px) width (issue 7 item 9): the trial
balance and a lesson's journal example re-flow into one card per row below 480 px (every cell led
by its column's name), so the page never scrolls sideways; on a desktop they stay tables.
Screenshots: test-results/trial-balance-<w>x<h>.png, journal-example-<w>x<h>.png."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from playwright.sync_api import expect

from ledger.charts import default_chart
from ledger.models import Book, BookKind, Member
from ledger.services import LineInput, post_journal_entry
from lms import roles
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FITS = "document.documentElement.scrollWidth <= window.innerWidth + 1"


def _cell_display(page, selector):
    return page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).display")


def test_trial_balance_reflows_on_a_phone_and_stays_a_table_on_a_desktop(sized_page, live_server, make_user):
    page = sized_page
    trainee = make_user(roles.TRAINEE)
    book = Book.objects.create(
        owner=trainee,
        title="Buku neraca saldo",
        kind=BookKind.PRACTICE,
        chart=default_chart(),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Konsumen Guyub Rukun, Kelurahan Kranggan, Kota Mojokerto",
    )
    Member.objects.create(book=book, number="A001", name="Siti Aminah")
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran simpanan",
        lines=[
            LineInput("1101", debit=Decimal("1250000000")),
            LineInput("3101", credit=Decimal("500000"), member_number="A001"),
            LineInput("3103", credit=Decimal("1249500000")),
        ],
    )
    sign_in(page, live_server, trainee.email, PASSWORD)
    page.goto(live_server.url + reverse("ledger:report", args=[book.pk, "neraca-saldo"]))
    expect(page.locator("table.reflow").first).to_be_visible()
    assert page.evaluate(FITS)
    box = page.locator(".table-scroll").first
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "no sideways scrolling inside the box"
    display = _cell_display(page, "table.reflow tbody td")
    if page.viewport_name == "phone":
        assert display == "flex"
        first_money = page.locator("table.reflow tbody td.num:not(.reflow-empty)").first
        label = first_money.evaluate("el => getComputedStyle(el, '::before').content")
        assert label.strip('"') in ("Debit", "Kredit")
    else:
        assert display == "table-cell"
    screenshot(page, "trial-balance")


def test_journal_example_reflows_on_a_phone(sized_page, live_server):
    page = sized_page
    value = {
        "caption": "Contoh: penjualan tunai kepada anggota dan harga pokoknya",
        "lines": [
            {"account_code": "1101", "account_name": "Kas", "debit": Decimal("2500000"), "credit": None, "memo": ""},
            {
                "account_code": "4101",
                "account_name": "Partisipasi Bruto Anggota",
                "debit": None,
                "credit": Decimal("2500000"),
                "memo": "Siti Aminah (A001)",
            },
            {
                "account_code": "5101",
                "account_name": "Beban Pokok Penjualan Anggota",
                "debit": Decimal("1750000"),
                "credit": None,
                "memo": "",
            },
            {
                "account_code": "1105",
                "account_name": "Persediaan Barang Dagangan",
                "debit": None,
                "credit": Decimal("1750000"),
                "memo": "",
            },
        ],
        "total_debit": Decimal("4250000"),
        "total_credit": Decimal("4250000"),
    }
    html = render_to_string("courses/blocks/journal_example.html", {"value": value})
    page.goto(live_server.url + "/static/lms/css/sinau.css")  # same origin for the stylesheet
    page.set_content(
        '<!doctype html><html lang="id"><head><meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="{live_server.url}/static/lms/css/sinau.css"></head>'
        f"<body><main>{html}</main></body></html>",
        wait_until="load",
    )
    assert page.evaluate(FITS)
    display = _cell_display(page, "table.reflow tbody td")
    if page.viewport_name == "phone":
        assert display == "flex"
        expect(page.locator("table.reflow tbody tr").first).to_contain_text("Kas")
        assert page.locator(".table-scroll").evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    else:
        assert display == "table-cell"
    screenshot(page, "journal-example")
