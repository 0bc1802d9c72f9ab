"""Fixtures for ledger tests: the seeded default chart, books, members, an exercise."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger.models import Book, BookKind, ChartTemplate, Member

D = Decimal


@pytest.fixture
def chart(db):
    """The default cooperative chart seeded by the data migration."""
    return ChartTemplate.get_default()


@pytest.fixture
def book(trainee, chart):
    """A 2026 practice book of the trainee with three members (A001..A003)."""
    book = Book.objects.create(
        owner=trainee,
        title="Buku latihan uji",
        kind=BookKind.PRACTICE,
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji Sejahtera",
    )
    for number, name in [("A001", "Siti Aminah"), ("A002", "Budi Santoso"), ("A003", "Dewi Lestari")]:
        Member.objects.create(book=book, number=number, name=name)
    return book


@pytest.fixture
def post(trainee):
    """post(book, [LineInput...], date=..., description=..., voucher=...) → posted entry (by the trainee)."""
    from ledger.services import post_journal_entry

    def _post(book, lines, *, date=dt.date(2026, 1, 10), description="Transaksi uji", voucher="", user=None):
        return post_journal_entry(
            book=book, user=user or trainee, date=date, description=description, voucher=voucher, lines=lines
        )

    return _post
