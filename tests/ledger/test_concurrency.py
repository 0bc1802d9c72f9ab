"""Posting to one book from many requests at once (PostgreSQL: real row locks; run in CI).

The service locks the book row before numbering, so simultaneous posts get distinct numbers
1..n, and posts that carry the same client_token (a double submit reaching two web processes)
produce one entry. SQLite serialises writers by locking the whole file, which these threads
would only hit as "database is locked"; the tests are deselected there (tests/conftest.py).
"""

import datetime as dt
import threading

import pytest
from django.db import connection

from ledger.models import JournalEntry
from ledger.services import LineInput, post_journal_entry

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def run_at_once(count, work):
    barrier = threading.Barrier(count)
    results, lock = [], threading.Lock()

    def target(index):
        try:
            barrier.wait()
            outcome = work(index)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome = exc
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def lines(amount):
    return [LineInput(account_code="1101", debit=amount), LineInput(account_code="3103", credit=amount)]


def test_simultaneous_posts_get_distinct_consecutive_numbers(book, trainee):
    results = run_at_once(
        6,
        lambda i: post_journal_entry(
            book=book, user=trainee, date=dt.date(2026, 2, 1), description=f"Setoran {i}", lines=lines(1000 + i)
        ),
    )
    assert all(isinstance(r, JournalEntry) for r in results), results
    assert sorted(JournalEntry.objects.filter(book=book).values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_simultaneous_double_submit_posts_once(book, trainee):
    results = run_at_once(
        4,
        lambda i: post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 2, 1),
            description="Setoran modal penyertaan",
            lines=lines(500_000),
            client_token="sama",
        ),
    )
    assert all(isinstance(r, JournalEntry) for r in results), results
    assert {r.pk for r in results} == {JournalEntry.objects.get(book=book).pk}
