"""Benchmark: the ledger's trial balance (neraca saldo) at 100 and 10,000 entries.

Usage (from the project root):

    .venv/bin/python bench/ledger_trial_balance.py            # throw-away SQLite database
    DATABASE_URL=postgres://... .venv/bin/python bench/ledger_trial_balance.py --keep

Without DATABASE_URL it migrates a temporary SQLite file and deletes it afterwards. It builds one
book per size (entries of 2-4 lines over the whole chart, members on sub-ledger lines), then
reports the number of SQL queries and the median time of `ledger.reports.trial_balance` (and of
the other statements) over several runs. With DATABASE_URL it writes into that database: use a
scratch one (books are owned by a bench user and deleted at the end unless --keep).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> str | None:
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        # A private directory (mkdtemp) rather than mktemp's guessable free name (bandit B306).
        tmp = str(Path(tempfile.mkdtemp(prefix="sinau-bench-")) / "db.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return tmp


def build_book(owner, entries: int, seed: int = 7):
    """A book with `entries` balanced entries inserted in bulk (the posting rules are tested elsewhere)."""
    from django.db import transaction

    from ledger.models import Account, Book, BookKind, ChartTemplate, JournalEntry, JournalLine, Member, writing_journal

    rng = random.Random(seed)  # nosec B311  # repeatable bench data, not a secret
    chart = ChartTemplate.get_default()
    accounts = list(Account.objects.filter(chart=chart, is_postable=True))
    plain = [a for a in accounts if not a.member_subledger]
    member_accounts = [a for a in accounts if a.member_subledger]
    with transaction.atomic(), writing_journal():
        book = Book.objects.create(
            owner=owner,
            title=f"Bench {entries}",
            kind=BookKind.PRACTICE,
            chart=chart,
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
        )
        members = Member.objects.bulk_create(
            [Member(book=book, number=f"{i:04d}", name=f"Anggota {i}") for i in range(1, 51)]
        )
        if any(m.pk is None for m in members):
            members = list(Member.objects.filter(book=book))
        JournalEntry.objects.bulk_create(
            [
                JournalEntry(
                    book=book,
                    number=n,
                    date=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                    description=f"Transaksi {n}",
                    created_by=owner,
                )
                for n in range(1, entries + 1)
            ],
            batch_size=1000,
        )
        ids = list(JournalEntry.objects.filter(book=book).order_by("number").values_list("pk", flat=True))
        lines = []
        for entry_id in ids:
            amount = Decimal(rng.randrange(1, 5_000_000))
            if rng.random() < 0.3:
                member_account = rng.choice(member_accounts)
                lines.append(
                    JournalLine(entry_id=entry_id, account=rng.choice(plain), side="D", amount=amount, order=0)
                )
                lines.append(
                    JournalLine(
                        entry_id=entry_id,
                        account=member_account,
                        side="C",
                        amount=amount,
                        member=rng.choice(members),
                        order=1,
                    )
                )
            else:
                split = (amount / 2).quantize(Decimal("0.01"))
                lines.append(
                    JournalLine(entry_id=entry_id, account=rng.choice(plain), side="D", amount=amount, order=0)
                )
                lines.append(JournalLine(entry_id=entry_id, account=rng.choice(plain), side="C", amount=split, order=1))
                lines.append(
                    JournalLine(entry_id=entry_id, account=rng.choice(plain), side="C", amount=amount - split, order=2)
                )
        JournalLine.objects.bulk_create(lines, batch_size=2000)
    return book, len(lines)


def measure(func, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
        queries = len(ctx.captured_queries)
    return statistics.median(times) * 1000, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,10000", help="comma-separated entry counts (default 100,10000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement; the median is reported")
    parser.add_argument("--keep", action="store_true", help="keep the bench books and user")
    args = parser.parse_args()
    tmp = setup_django()

    from django.contrib.auth import get_user_model
    from django.db import connection

    from ledger import reports

    user, _ = get_user_model().objects.get_or_create(email="bench-ledger@example.test", defaults={"full_name": "Bench"})
    print(f"database: {connection.vendor}")
    print(f"{'entries':>8} {'lines':>7} {'report':<22} {'queries':>7} {'median ms':>10}")
    books = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            build_start = time.perf_counter()
            book, line_count = build_book(user, size)
            books.append(book)
            build_ms = (time.perf_counter() - build_start) * 1000
            checks = {
                "trial_balance": lambda book=book: reports.trial_balance(book),
                "income_statement": lambda book=book: reports.income_statement(book),
                "financial_position": lambda book=book: reports.financial_position(book),
            }
            for name, func in checks.items():
                ms, queries = measure(func, args.repeat)
                print(f"{size:>8} {line_count:>7} {name:<22} {queries:>7} {ms:>10.1f}")
            tb = reports.trial_balance(book)
            if not tb.is_balanced:  # an explicit check: `python -O` drops asserts (bandit B101)
                raise SystemExit("trial balance must balance")
            print(f"{'':>8} {'':>7} (built in {build_ms:.0f} ms; balanced: {tb.total_debit} = {tb.total_credit})")
    finally:
        if not args.keep:
            for book in books:
                book.delete()
            if tmp is None:
                user.delete()
        if tmp:
            shutil.rmtree(Path(tmp).parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
