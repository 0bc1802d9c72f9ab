"""Fixtures for the ledger's web tests: a supervisor relation registered in the test, books of
several owners, the entry form's POST data."""

import datetime as dt

import pytest

from ledger import access
from ledger.models import Book, BookKind, Member

LINE_FIELDS = ("account", "debit", "credit", "member", "memo")


def entry_post(
    rows, *, date="2026-01-10", description="Transaksi uji", voucher="BKM-01", nonce="n1", count=None, **extra
):
    """POST data of the journal entry form: rows = [{"account": "1101", "debit": "1.000.000"}, ...]."""
    count = count or max(4, len(rows))
    data = {"date": date, "description": description, "voucher": voucher, "nonce": nonce, "line_count": str(count)}
    for index in range(count):
        row = rows[index] if index < len(rows) else {}
        for name in LINE_FIELDS:
            data[f"lines-{index}-{name}"] = row.get(name, "")
    data.update(extra)
    return data


@pytest.fixture
def make_book(chart):
    """make_book(owner, title=..., archived=False) → a 2026 practice book with members A001..A003."""

    def factory(owner, *, title="Buku uji", archived=False):
        book = Book.objects.create(
            owner=owner,
            title=title,
            kind=BookKind.PRACTICE,
            chart=chart,
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
            cooperative_name="Koperasi Uji Sejahtera",
            archived=archived,
        )
        for number, name in [("A001", "Siti Aminah"), ("A002", "Budi Santoso"), ("A003", "Dewi Lestari")]:
            Member.objects.create(book=book, number=number, name=name)
        return book

    return factory


@pytest.fixture
def supervises():
    """supervises({(viewer_pk, owner_pk), ...}) registers a supervisor function standing in for the
    courses relation "viewer instructs a cohort in which owner is enrolled"; removed after the test."""
    pairs: set = set()

    def relation(viewer, owner):
        return (viewer.pk, owner.pk) in pairs

    def owners(viewer):
        # The listing side of the same relation, as a query like courses' Enrollment subquery.
        from django.contrib.auth import get_user_model

        wanted = [owner for v, owner in pairs if v == viewer.pk]
        return get_user_model().objects.filter(pk__in=wanted).values("pk")

    access.register_book_supervisor(relation)
    access.register_supervised_owners(owners)

    def add(*new_pairs):
        pairs.update(new_pairs)

    yield add
    access.unregister_book_supervisor(relation)
    access.unregister_supervised_owners(owners)
