"""Money is exact on SQLite and PostgreSQL alike (issue 9, item 2): every allowed amount and every
total a book can reach reads back to the sen, at the limits, and one sen more is refused.

SQLite keeps decimals as floats (~15.9 significant digits); Sinau caps a line at Rp 1 triliun and a
book's debit side below Rp 10 triliun (15 significant digits with sen) and sums money as whole sen
(ledger.amounts.MoneySum)."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger import reports
from ledger.amounts import MAX_AMOUNT, MAX_BOOK_TOTAL
from ledger.exceptions import LedgerValidationError
from ledger.forms import parse_amount
from ledger.models import AccountPeriodBalance, JournalEntry, JournalLine
from ledger.selectors import account_balances, entry_totals, period_account_balances
from ledger.services import LineInput, post_journal_entry

pytestmark = pytest.mark.django_db

D = Decimal
# Nine large amounts with awkward sen, spread over months and accounts, then what is left up to the
# book's limit: the debit side ends exactly at MAX_BOOK_TOTAL.
AMOUNTS = [
    D("999999999999.99"),
    D("987654321098.77"),
    D("999999999999.01"),
    D("999999999999.96"),
    D("999999999999.34"),
    D("999999999999.99"),
    D("876543210987.65"),
    D("999999999999.97"),
    D("999999999999.93"),
    D("999999999999.99"),
]
AMOUNTS.append(MAX_BOOK_TOTAL - sum(AMOUNTS) - D("0.03"))
AMOUNTS.append(D("0.03"))


def test_limits_are_exact_sizes():
    assert MAX_AMOUNT == D("1000000000000")
    assert MAX_BOOK_TOTAL == D("9999999999999.99")  # 15 significant digits
    assert all(D("0.01") <= a <= MAX_AMOUNT for a in AMOUNTS)
    assert sum(AMOUNTS) == MAX_BOOK_TOTAL


def test_a_book_filled_to_the_limit_reads_back_to_the_sen(book, trainee):
    pairs = [("1101", "3103"), ("1102", "3103"), ("1101", "2101")]
    expected: dict[str, D] = {}
    for n, amount in enumerate(AMOUNTS):
        debit_code, credit_code = pairs[n % len(pairs)]
        member = "A001" if credit_code == "2101" else None
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 1 + n % 4, 1 + n),
            description=f"Setoran besar {n}",
            lines=[LineInput.dr(debit_code, amount), LineInput.cr(credit_code, amount, member_number=member)],
        )
        expected[debit_code] = expected.get(debit_code, D(0)) + amount
        expected[credit_code] = expected.get(credit_code, D(0)) - amount

    # Each stored amount as posted.
    stored = list(JournalLine.objects.filter(entry__book=book, side="D").order_by("entry__number"))
    assert [line.amount for line in stored] == AMOUNTS
    assert [entry_totals(e) for e in JournalEntry.objects.filter(book=book).order_by("number")] == AMOUNTS

    # Trial balance from the monthly totals, and summed from every line (a mid-month date).
    trial = reports.trial_balance(book)
    assert trial.total_debit == trial.total_credit == MAX_BOOK_TOTAL
    assert {row.code: row.debit - row.credit for row in trial.rows} == expected
    from_lines = account_balances(book=book)
    assert {k: d - c for k, (d, c) in from_lines.items() if d - c} == {
        a.pk: v for a in book.chart.accounts.all() for k, v in expected.items() if a.code == k
    }
    mid = period_account_balances(book=book, end=dt.date(2026, 4, 15))
    assert sum(d for d, c in mid.values()) == sum(
        a for n, a in enumerate(AMOUNTS) if dt.date(2026, 1 + n % 4, 1 + n) <= dt.date(2026, 4, 15)
    )
    assert sum(row.debit for row in AccountPeriodBalance.objects.filter(book=book)) == MAX_BOOK_TOTAL

    # The general ledger of the cash account: totals and closing balance to the sen.
    ledger = reports.general_ledger(book, "1101")
    assert ledger.total_debit == expected["1101"]
    assert ledger.closing_balance == expected["1101"]

    # One sen more is refused with a message, and nothing is written.
    with pytest.raises(LedgerValidationError) as refused:
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 5, 1),
            description="Satu sen lagi",
            lines=[LineInput.dr("1101", "0,01"), LineInput.cr("3103", "0,01")],
        )
    assert "batas jumlah" in str(refused.value.errors["__all__"][0])
    assert JournalEntry.objects.filter(book=book).count() == len(AMOUNTS)


def test_an_amount_above_one_triliun_is_refused_by_the_service_and_the_form(book, trainee):
    for too_big in (MAX_AMOUNT + D("0.01"), D("12345678901234.56")):
        with pytest.raises(LedgerValidationError) as refused:
            post_journal_entry(
                book=book,
                user=trainee,
                date=dt.date(2026, 1, 2),
                description="Terlalu besar",
                lines=[LineInput.dr("1101", too_big), LineInput.cr("3103", too_big)],
            )
        assert "terlalu besar" in str(refused.value.errors["lines"][0]["debit"][0]).lower()
        from django import forms

        with pytest.raises(forms.ValidationError):
            parse_amount(f"{too_big:,.2f}".replace(",", "#").replace(".", ",").replace("#", "."))
    assert not JournalEntry.objects.filter(book=book).exists()
    # The largest allowed amount is accepted as typed.
    assert parse_amount("1.000.000.000.000") == MAX_AMOUNT


def test_many_sen_on_top_of_a_huge_balance_add_up_exactly(book, trainee):
    """Adding floats near Rp 10 triliun loses up to 0.001 a step; MoneySum adds whole sen."""
    big = [MAX_AMOUNT] * 9 + [MAX_AMOUNT - D("10.00") - D("0.01")]
    for n, amount in enumerate(big):
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 1, 2),
            description=f"Besar {n}",
            lines=[LineInput.dr("1101", amount), LineInput.cr("3103", amount)],
        )
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 3),
        description="Seribu sen",
        lines=[LineInput.dr("1101", "0,01") for _ in range(1000)] + [LineInput.cr("3103", "10")],
    )
    cash = next(a for a in book.chart.accounts.all() if a.code == "1101")
    debit, credit = account_balances(book=book, end=dt.date(2026, 1, 3))[cash.pk]
    assert debit == MAX_BOOK_TOTAL
    assert reports.general_ledger(book, "1101").total_debit == MAX_BOOK_TOTAL
    assert reports.trial_balance(book, dt.date(2026, 1, 3)).total_debit == MAX_BOOK_TOTAL
