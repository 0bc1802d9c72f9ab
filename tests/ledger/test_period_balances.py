"""Per-month account totals are kept as entries post, and the trial balance read from them equals
the one summed from every line, on any date."""

import datetime as dt
import random
from decimal import Decimal

import pytest

from ledger import reports
from ledger.models import AccountPeriodBalance, JournalEntry
from ledger.selectors import account_balances, period_account_balances
from ledger.services import LineInput, close_period, rebuild_period_balances, reverse_journal_entry

pytestmark = pytest.mark.django_db

DATES = [
    None,
    dt.date(2025, 12, 31),  # before anything
    dt.date(2026, 1, 9),  # mid-month
    dt.date(2026, 1, 31),  # a month's last day
    dt.date(2026, 2, 28),
    dt.date(2026, 3, 1),  # a month's first day
    dt.date(2026, 6, 15),
    dt.date(2026, 12, 31),
]


def assert_same_as_lines(book):
    for end in DATES:
        from_lines = {k: v for k, v in account_balances(book=book, end=end).items() if v != (0, 0)}
        from_months = {k: v for k, v in period_account_balances(book=book, end=end).items() if v != (0, 0)}
        assert from_months == from_lines, end


def test_every_post_reversal_and_closing_keeps_the_monthly_totals(worked_book, trainee, post):
    assert_same_as_lines(worked_book)
    rng = random.Random(3)
    for i in range(25):
        amount = rng.randrange(1, 900_000)
        post(
            worked_book,
            [
                LineInput.dr("1101", amount),
                LineInput.cr("4101", amount, "A002"),
                LineInput.dr("5102", 7),
                LineInput.cr("1101", 7),
            ],
            date=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300)),
            description=f"Acak {i}",
        )
    entry = JournalEntry.objects.filter(book=worked_book).order_by("number")[3]
    reverse_journal_entry(entry=entry, user=trainee, date=dt.date(2026, 3, 1), reason="salah akun")
    close_period(book=worked_book, user=trainee, date=dt.date(2026, 6, 30))
    assert_same_as_lines(worked_book)
    # At most one row per account and month, whatever the number of entries.
    months = AccountPeriodBalance.objects.filter(book=worked_book)
    assert months.count() == months.values("account_id", "month").distinct().count()


def test_the_trial_balance_reads_the_monthly_totals(worked_book, django_assert_num_queries):
    expected = {row.code: (row.debit, row.credit) for row in reports.trial_balance(worked_book).rows}
    assert expected and reports.trial_balance(worked_book).is_balanced
    with django_assert_num_queries(2):
        reports.trial_balance(worked_book)
    with django_assert_num_queries(2):  # a month's last day: whole months only
        reports.trial_balance(worked_book, as_of=dt.date(2026, 1, 31))
    with django_assert_num_queries(3):  # mid-month: plus that month's lines
        mid = reports.trial_balance(worked_book, as_of=dt.date(2026, 1, 9))
    assert mid.is_balanced


def test_rebuilding_gives_the_same_totals(worked_book):
    before = {
        (r.account_id, r.month): (r.debit, r.credit) for r in AccountPeriodBalance.objects.filter(book=worked_book)
    }
    AccountPeriodBalance.objects.filter(book=worked_book).update(debit=Decimal("1"))  # corrupted
    assert rebuild_period_balances(book=worked_book) == len(before)
    assert rebuild_period_balances(book=worked_book) == len(before)  # idempotent
    after = {
        (r.account_id, r.month): (r.debit, r.credit) for r in AccountPeriodBalance.objects.filter(book=worked_book)
    }
    assert after == before


def test_a_refused_entry_leaves_the_totals_alone(worked_book, post):
    from ledger.exceptions import LedgerValidationError

    before = list(
        AccountPeriodBalance.objects.filter(book=worked_book).values_list("account_id", "month", "debit", "credit")
    )
    with pytest.raises(LedgerValidationError):
        post(worked_book, [LineInput.dr("1101", 100), LineInput.cr("4101", 90)])
    after = list(
        AccountPeriodBalance.objects.filter(book=worked_book).values_list("account_id", "month", "debit", "credit")
    )
    assert after == before
