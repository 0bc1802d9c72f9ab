"""A venture's own books: who may use them, and KPI reports pre-filled from a worked book."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incubator import services
from incubator.books import kpi_figures_from_book, open_venture_book
from incubator.models import KpiReport, KpiSource
from ledger import access
from ledger.models import BookKind
from ledger.services import LineInput, post_journal_entry

from .conftest import figures

pytestmark = pytest.mark.django_db


def months(today):
    this = today.replace(day=1)
    last = (this - dt.timedelta(days=1)).replace(day=1)
    before = (last - dt.timedelta(days=1)).replace(day=1)
    return before, last, this


@pytest.fixture
def worked_book(venture, contact, today):
    """Opening capital and stock the month before; in the reported month a sale, its cost, equipment
    bought and depreciation; one more sale in the current month that must not count."""
    before, last, this = months(today)
    book = open_venture_book(venture=venture, by=contact)
    entries = [
        (
            before.replace(day=2),
            "Modal penyertaan",
            [LineInput.dr("1101", "10.000.000"), LineInput.cr("3103", "10.000.000")],
        ),
        (
            before.replace(day=3),
            "Beli persediaan",
            [LineInput.dr("1105", "2.000.000"), LineInput.cr("1101", "2.000.000")],
        ),
        (last.replace(day=5), "Penjualan", [LineInput.dr("1101", "3.000.000"), LineInput.cr("4102", "3.000.000")]),
        (last.replace(day=5), "HPP penjualan", [LineInput.dr("5108", "1.200.000"), LineInput.cr("1105", "1.200.000")]),
        (last.replace(day=10), "Beli etalase", [LineInput.dr("1201", "2.000.000"), LineInput.cr("1101", "2.000.000")]),
        (last.replace(day=28), "Penyusutan", [LineInput.dr("5105", "500.000"), LineInput.cr("1202", "500.000")]),
        (this, "Penjualan bulan ini", [LineInput.dr("1101", "1.000.000"), LineInput.cr("4102", "1.000.000")]),
    ]
    for date, description, lines in entries:
        post_journal_entry(book=book, user=contact, date=date, description=description, lines=lines)
    return book


def test_open_book_once_for_the_venture(venture, contact, officer):
    book = open_venture_book(venture=venture, by=officer)
    assert book.kind == BookKind.VENTURE and book.owner == contact and book.cooperative_name == venture.name
    assert open_venture_book(venture=venture, by=contact).pk == book.pk
    venture.refresh_from_db()
    assert venture.book_id == book.pk


def test_book_period_runs_to_the_end_of_the_wib_year(venture, contact, clock_at):
    """At 00.30 WIB on 1 January it is still 31 December in UTC (the server's date): the book must
    take entries of the new WIB year."""
    clock_at(dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC))
    venture.entry_date = dt.date(2026, 6, 1)
    venture.save(update_fields=["entry_date"])
    book = open_venture_book(venture=venture, by=contact)
    assert (book.period_start, book.period_end) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31))


def test_book_needs_a_contact(programme, officer, today):
    lonely = services.create_venture(
        programme=programme, name="Tanpa Kontak", kind="mikro", entry_date=today, by=officer
    )
    with pytest.raises(ValidationError):
        open_venture_book(venture=lonely, by=officer)


def test_book_access(venture, contact, other_contact, officer, trainee, instructor, make_user):
    from lms import roles

    second = make_user(roles.VENTURE_CONTACT)
    venture.contacts.add(second)
    book = open_venture_book(venture=venture, by=contact)
    assert access.may_edit_book(contact, book) and access.may_edit_book(second, book)
    assert access.may_view_book(officer, book) and not access.may_edit_book(officer, book)
    for outsider in (other_contact, trainee, instructor):
        assert not access.may_view_book(outsider, book)


def test_book_pages_per_role(client_for, venture, contact, other_contact, officer, trainee):
    client = client_for(contact)
    response = client.post(reverse("incubator:open_book", args=[venture.pk]))
    venture.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == reverse("ledger:book_detail", args=[venture.book_id])
    url = reverse("ledger:book_detail", args=[venture.book_id])
    assert client_for(contact).get(url).status_code == 200
    assert client_for(officer).get(url).status_code == 200
    assert client_for(other_contact).get(url).status_code == 404
    assert client_for(trainee).get(url).status_code == 404
    assert client_for(other_contact).post(reverse("incubator:open_book", args=[venture.pk])).status_code == 404


def test_figures_from_worked_book(worked_book, today):
    _before, last, _this = months(today)
    result = kpi_figures_from_book(worked_book, last)
    assert result.figures == {
        "omzet": Decimal("3000000.00"),
        "shu": Decimal("1300000.00"),
        "assets": Decimal("11300000.00"),
    }
    links = {link["key"]: link["url"] for link in result.links}
    assert (
        links["omzet"]
        == reverse("ledger:report", args=[worked_book.pk, "hasil-usaha"])
        + f"?dari={last.isoformat()}&sampai={(_this - dt.timedelta(days=1)).isoformat()}"
    )
    assert "posisi-keuangan" in links["assets"]


def test_kpi_form_prefilled_from_book_and_differences_flagged(client_for, venture, contact, worked_book, today):
    _before, last, _this = months(today)
    client = client_for(contact)
    url = reverse("incubator:kpi_report", args=[venture.pk])
    page = client.get(url, {"bulan": f"{last:%Y-%m}"}).content.decode()
    assert "dari pembukuan" in page and 'value="3.000.000"' in page and 'value="11.300.000"' in page
    assert 'value="1.300.000"' in page
    client.post(url, {**figures(omzet="3.000.000", shu="1.300.000", assets="11.300.000"), "period": f"{last:%Y-%m}"})
    report = KpiReport.objects.get(period=last)
    assert report.source == KpiSource.BOOK and report.book_differences == {}
    client.post(url, {**figures(omzet="3.500.000", shu="1.300.000", assets="11.300.000"), "period": f"{last:%Y-%m}"})
    report.refresh_from_db()
    assert report.book_differences == {"omzet": "3000000.00"}
    html = client.get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "beda dengan pembukuan" in html
    assert reverse("ledger:report", args=[worked_book.pk, "jurnal-umum"]) in html
