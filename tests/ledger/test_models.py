"""Model invariants: the seeded chart, immutable posted entries, a book's chart fixed once it has entries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ledger.charts import DEFAULT_ACCOUNTS, seed_default_chart
from ledger.exceptions import LedgerImmutableError
from ledger.models import Account, ChartTemplate, JournalEntry, JournalLine, writing_journal


def _create_entry(**fields):
    with writing_journal():
        return JournalEntry.objects.create(**fields)


def _raw_entry(book, number=1):
    kas = book.chart.accounts.get(code="1101")
    modal = book.chart.accounts.get(code="3103")
    with writing_journal():
        entry = JournalEntry.objects.create(book=book, number=number, date=dt.date(2026, 1, 5), description="Uji")
        JournalLine.objects.bulk_create(
            [
                JournalLine(entry=entry, account=kas, side="D", amount=Decimal("100"), order=0),
                JournalLine(entry=entry, account=modal, side="C", amount=Decimal("100"), order=1),
            ]
        )
    return entry


def test_default_chart_is_seeded_with_the_table(chart):
    assert chart.is_default
    assert chart.name == "Bagan Akun Koperasi (Sinau)"
    codes = list(chart.accounts.values_list("code", flat=True))
    assert codes == [row[0] for row in DEFAULT_ACCOUNTS]
    kas = chart.accounts.get(code="1101")
    assert (kas.group, kas.normal_side, kas.is_postable, kas.parent.code) == ("aset", "debit", True, "1100")
    assert chart.accounts.get(code="1103").member_subledger == "piutang"
    assert chart.accounts.get(code="3101").group == "ekuitas"
    assert chart.accounts.get(code="3102").member_subledger == "simpanan"
    assert not chart.accounts.get(code="1000").is_postable
    akum = chart.accounts.get(code="1202")
    assert akum.normal_side == "credit" and akum.is_contra
    assert not kas.is_contra


def test_seed_is_idempotent(chart):
    again = seed_default_chart()
    assert again.pk == chart.pk
    assert ChartTemplate.objects.filter(slug=chart.slug).count() == 1
    assert Account.objects.filter(chart=chart).count() == len(DEFAULT_ACCOUNTS)


def test_account_code_unique_per_chart(chart):
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(chart=chart, code="1101", name="Kas lagi", group="aset", normal_side="debit")


def test_posted_entry_cannot_be_changed_or_deleted(book):
    entry = _raw_entry(book)
    entry.description = "Diubah"
    with pytest.raises(LedgerImmutableError):
        entry.save()
    with pytest.raises(LedgerImmutableError):
        entry.delete()
    with pytest.raises(LedgerImmutableError):
        JournalEntry.objects.filter(pk=entry.pk).update(description="x")
    with pytest.raises(LedgerImmutableError):
        JournalEntry.objects.filter(pk=entry.pk).delete()
    line = entry.lines.first()
    line.amount = Decimal("5")
    with pytest.raises(LedgerImmutableError):
        line.save()
    with pytest.raises(LedgerImmutableError):
        line.delete()
    with pytest.raises(LedgerImmutableError):
        JournalLine.objects.filter(entry=entry).update(amount=Decimal("1"))
    with pytest.raises(LedgerImmutableError):
        JournalLine(entry=entry, account=line.account, side="D", amount=Decimal("1")).save()
    entry.refresh_from_db()
    assert entry.description == "Uji"
    assert [line.amount for line in entry.lines.all()] == [Decimal("100.00"), Decimal("100.00")]


def test_database_refuses_non_positive_amounts(book):
    entry = _raw_entry(book)
    kas = book.chart.accounts.get(code="1101")
    with pytest.raises(IntegrityError), transaction.atomic(), writing_journal():
        JournalLine.objects.bulk_create([JournalLine(entry=entry, account=kas, side="D", amount=Decimal("0"))])


def test_book_chart_cannot_change_once_it_has_entries(book, chart):
    other = ChartTemplate.objects.create(name="Bagan lain", slug="bagan-lain")
    book.chart = other
    book.save()  # no entries yet: allowed
    book.chart = chart
    book.save()
    _raw_entry(book)
    book.refresh_from_db()
    book.chart = other
    with pytest.raises(ValidationError):
        book.save()


def test_deleting_a_book_deletes_its_entries(book):
    entry = _raw_entry(book)
    reversal = _create_entry(book=book, number=2, date=dt.date(2026, 1, 6), description="Balik", reverses=entry)
    assert entry.is_reversed and not reversal.is_reversed
    book.delete()
    assert not JournalEntry.objects.exists()
    assert not JournalLine.objects.exists()


def test_deleting_the_owner_deletes_books_and_entries(book, trainee, instructor):
    entry = _raw_entry(book)
    # An entry recorded by someone else (e.g. an instructor demonstrating) survives their deletion.
    other = _create_entry(book=book, number=2, date=dt.date(2026, 1, 6), description="Demo", created_by=instructor)
    instructor.delete()
    other.refresh_from_db()
    assert other.created_by is None
    _create_entry(
        book=book, number=3, date=dt.date(2026, 1, 7), description="Sendiri", created_by=trainee, reverses=entry
    )
    trainee.delete()  # the collector uses the base manager, so the immutable queryset does not block it
    assert not JournalEntry.objects.exists() and not JournalLine.objects.exists()


def test_bulk_paths_cannot_add_or_rewrite_lines_of_a_posted_entry(book):
    """Issue 9, item 3: bulk_create adding lines, or rewriting them with update_conflicts."""
    entry = _raw_entry(book)
    kas = book.chart.accounts.get(code="1101")
    line = entry.lines.get(side="D")
    with pytest.raises(LedgerImmutableError):
        JournalLine.objects.bulk_create([JournalLine(entry=entry, account=kas, side="D", amount=Decimal("5"))])
    with pytest.raises(LedgerImmutableError), writing_journal():
        JournalLine.objects.bulk_create(
            [JournalLine(pk=line.pk, entry=entry, account=kas, side="D", amount=Decimal("1"))],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["amount"],
        )
    with pytest.raises(LedgerImmutableError), writing_journal():
        JournalLine.objects.bulk_create(
            [JournalLine(pk=line.pk, entry=entry, account=kas, side="D", amount=Decimal("1"))], ignore_conflicts=True
        )
    line.amount = Decimal("1")
    with pytest.raises(LedgerImmutableError):
        JournalLine.objects.bulk_update([line], ["amount"])
    with pytest.raises(LedgerImmutableError):
        JournalLine.objects.update_or_create(pk=line.pk, defaults={"amount": Decimal("1")})
    with pytest.raises(LedgerImmutableError):
        JournalEntry.objects.bulk_create([JournalEntry(book=book, number=9, date=dt.date(2026, 1, 5), description="x")])
    with pytest.raises(LedgerImmutableError):
        JournalEntry.objects.create(book=book, number=9, date=dt.date(2026, 1, 5), description="Tanpa layanan")
    entry.description = "Diubah"
    with pytest.raises(LedgerImmutableError), writing_journal():
        entry.save()
    assert [x.amount for x in entry.lines.order_by("order")] == [Decimal("100.00"), Decimal("100.00")]
    assert JournalEntry.objects.filter(book=book).count() == 1


def test_an_audit_event_reads_in_wib():
    """17.30 UTC on 31 December 2026 is 00.30 WIB on 1 January 2027: the admin and shell see WIB."""
    from ledger.models import AuditAction, LedgerAuditEvent

    event = LedgerAuditEvent(at=dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC), action=AuditAction.BOOK_CREATED)
    assert str(event).startswith("2027-01-01 00:30 ")
