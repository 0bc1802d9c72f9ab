"""PostgreSQL keeps the journal append-only in the database (issue 9, item 3): raw SQL that
bypasses the ORM cannot change or delete posted entries and lines; deleting a whole book (or its
owner, or the user who recorded an entry) still works."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from ledger.models import Book, JournalEntry, JournalLine
from ledger.services import LineInput, post_journal_entry

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.fixture
def posted(book, trainee):
    return post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran modal",
        lines=[LineInput.dr("1101", 1000), LineInput.cr("3103", 1000)],
    )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE ledger_journalline SET amount = 1 WHERE entry_id = %s",
        "DELETE FROM ledger_journalline WHERE entry_id = %s",
        "UPDATE ledger_journalentry SET description = 'diubah' WHERE id = %s",
        "UPDATE ledger_journalentry SET created_by_id = NULL, description = 'x' WHERE id = %s",
        "DELETE FROM ledger_journalentry WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_posted_rows(posted, sql):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [posted.pk])
    posted.refresh_from_db()
    assert posted.description == "Setoran modal"
    assert sorted(str(x.amount) for x in posted.lines.all()) == ["1000.00", "1000.00"]


def test_an_insert_outside_the_services_is_still_possible_for_new_rows_only(posted):
    # Appending is what the journal is for; the trigger refuses only UPDATE and DELETE.
    assert JournalLine.objects.filter(entry=posted).count() == 2


def test_deleting_the_recording_user_keeps_the_entry(book, trainee, make_user, posted):
    from lms import roles

    helper = make_user(roles.INSTRUCTOR)
    entry = post_journal_entry(
        book=book,
        user=helper,
        date=dt.date(2026, 1, 6),
        description="Dicontohkan narasumber",
        lines=[LineInput.dr("1101", 5), LineInput.cr("3103", 5)],
    )
    helper.delete()
    entry.refresh_from_db()
    assert entry.created_by is None and entry.description == "Dicontohkan narasumber"


def test_deleting_a_book_or_its_owner_deletes_its_journal(book, trainee, posted, make_user):
    book.delete()
    assert not JournalEntry.objects.exists() and not JournalLine.objects.exists()
    from ledger.models import BookKind

    other = Book.objects.create(
        owner=trainee,
        title="Buku kedua",
        kind=BookKind.PRACTICE,
        chart=posted.book.chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    post_journal_entry(
        book=other,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Lagi",
        lines=[LineInput.dr("1101", 7), LineInput.cr("3103", 7)],
    )
    trainee.delete()
    assert not JournalEntry.objects.exists() and not JournalLine.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_permission_to_delete_ends_with_the_books_deletion(book, trainee):
    entry = post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran",
        lines=[LineInput.dr("1101", 9), LineInput.cr("3103", 9)],
    )
    other = Book.objects.create(
        owner=trainee,
        title="Lain",
        kind="practice",
        chart=book.chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    kept = post_journal_entry(
        book=other,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Tetap",
        lines=[LineInput.dr("1101", 3), LineInput.cr("3103", 3)],
    )
    book.delete()  # its own transaction (autocommit): SET LOCAL ends with it
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()
    with pytest.raises(IntegrityError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM ledger_journalline WHERE entry_id = %s", [kept.pk])
    assert JournalLine.objects.filter(entry=kept).count() == 2
