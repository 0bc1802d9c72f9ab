"""A class of 31 posting journal entries at the same instant (issue 9, item 1): every trainee gets
an answer, no "database is locked". Runs on SQLite (the embedded default: WAL, busy timeout,
BEGIN IMMEDIATE; the test database is a file, as in production) and on PostgreSQL (CI)."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from ledger.models import JournalEntry
from lms import roles
from tests.threads import run_at_once

from .fixtures_ui import entry_post, make_book  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLASS_SIZE = 31


def test_sqlite_is_configured_for_concurrent_writers():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000
    assert connection.transaction_mode == "IMMEDIATE"


def test_a_class_of_31_posts_at_once_and_everyone_gets_an_answer(make_user, make_book):  # noqa: F811
    clients, books = [], []
    for n in range(CLASS_SIZE):
        trainee = make_user(roles.TRAINEE)
        books.append(make_book(trainee))
        client = Client()
        client.force_login(trainee)
        clients.append(client)

    def poster(n):
        data = entry_post(
            [{"account": "1101", "debit": f"1.{n:03d}.000"}, {"account": "3103", "credit": f"1.{n:03d}.000"}],
            nonce=f"kelas-{n}",
        )
        return lambda: clients[n].post(reverse("ledger:entry_create", args=[books[n].pk]), data)

    outcomes = run_at_once([poster(n) for n in range(CLASS_SIZE)])
    statuses = [getattr(outcome, "status_code", repr(outcome)) for outcome in outcomes]
    assert statuses == [302] * CLASS_SIZE, statuses
    assert JournalEntry.objects.filter(book__in=books).count() == CLASS_SIZE


def test_a_double_submit_reaching_two_processes_posts_once(make_user, make_book):  # noqa: F811
    trainee = make_user(roles.TRAINEE)
    book = make_book(trainee)
    data = entry_post([{"account": "1101", "debit": "500.000"}, {"account": "3103", "credit": "500.000"}], nonce="sama")
    clients = []
    for _ in range(4):
        client = Client()
        client.force_login(trainee)
        clients.append(client)
    url = reverse("ledger:entry_create", args=[book.pk])
    outcomes = run_at_once([lambda c=c: c.post(url, data) for c in clients])
    assert [getattr(o, "status_code", repr(o)) for o in outcomes] == [302] * 4
    assert JournalEntry.objects.filter(book=book).count() == 1
