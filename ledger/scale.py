"""Scale data for the benchmarks (`manage.py load_scale_data`): practice books of N entries.

Entries of two lines, every one through cash (1101) as a cooperative's entries mostly are, spread
over a year; bulk-inserted (posting itself is tested elsewhere), then the per-month balances are
rebuilt as posting would have kept them. Idempotent: a book that exists (by owner and title) is
left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from . import services
from .models import Account, Book, BookKind, ChartTemplate, JournalEntry, JournalLine, writing_journal

YEAR = 2026


def book_title(entries: int) -> str:
    return f"Skala: buku {entries} jurnal"


@transaction.atomic
def load_book(*, owner, entries: int, seed: int = 11) -> tuple[Book, bool]:
    existing = Book.objects.filter(owner=owner, title=book_title(entries)).first()
    if existing is not None:
        return existing, False
    rng = random.Random(seed)  # noqa: S311  # nosec B311  # repeatable bench data, not a secret
    chart = ChartTemplate.get_default()
    cash = Account.objects.get(chart=chart, code="1101")
    others = list(Account.objects.filter(chart=chart, is_postable=True, member_subledger="").exclude(pk=cash.pk))
    book = Book.objects.create(
        owner=owner,
        title=book_title(entries),
        kind=BookKind.PRACTICE,
        chart=chart,
        period_start=dt.date(YEAR, 1, 1),
        period_end=dt.date(YEAR, 12, 31),
    )
    with writing_journal():  # the one door for bulk journal rows (benchmark data)
        JournalEntry.objects.bulk_create(
            [
                JournalEntry(
                    book=book,
                    number=number,
                    date=dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                    description=f"Transaksi {number}",
                    created_by=owner,
                )
                for number in range(1, entries + 1)
            ],
            batch_size=1000,
        )
        lines = []
        for entry_id in JournalEntry.objects.filter(book=book).order_by("number").values_list("pk", flat=True):
            amount = Decimal(rng.randrange(1, 5_000_000))
            cash_side, other_side = ("D", "C") if rng.random() < 0.5 else ("C", "D")
            lines.append(JournalLine(entry_id=entry_id, account=cash, side=cash_side, amount=amount, order=0))
            lines.append(
                JournalLine(entry_id=entry_id, account=rng.choice(others), side=other_side, amount=amount, order=1)
            )
        JournalLine.objects.bulk_create(lines, batch_size=2000)
    services.rebuild_period_balances(book=book)
    return book, True


def load(*, owner, sizes, stdout=None) -> list[Book]:
    books = []
    for size in sizes:
        book, created = load_book(owner=owner, entries=size)
        if stdout is not None:
            stdout.write(f"  buku {size} jurnal: {'dibuat' if created else 'sudah ada'} (/buku/{book.pk}/)")
        books.append(book)
    return books
