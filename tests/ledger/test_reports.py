"""Report figures on the worked example (docs/ledger.md), and fixed query counts."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger import reports
from ledger.models import EntryKind
from ledger.services import LineInput, close_period, create_practice_book, reverse_journal_entry

D = Decimal
END = dt.date(2026, 12, 31)


def test_trial_balance(worked_book, django_assert_num_queries):
    with django_assert_num_queries(2):
        tb = reports.trial_balance(worked_book)
    got = {row.code: (row.debit, row.credit) for row in tb.rows}
    assert got == {
        "1101": (D("5450000"), 0),
        "1102": (D("1600000"), 0),
        "1103": (D("1500000"), 0),
        "1105": (D("3800000"), 0),
        "1201": (D("2400000"), 0),
        "1202": (0, D("200000")),
        "2101": (0, D("300000")),
        "2201": (0, D("10000000")),
        "3101": (0, D("3000000")),
        "3102": (0, D("1000000")),
        "4101": (0, D("2000000")),
        "4103": (0, D("50000")),
        "4102": (0, D("1000000")),
        "5101": (D("1500000"), 0),
        "5108": (D("700000"), 0),
        "5102": (D("400000"), 0),
        "5105": (D("200000"), 0),
    }
    assert [row.code for row in tb.rows] == list(got)  # chart order
    assert tb.total_debit == tb.total_credit == D("17550000")
    assert tb.is_balanced
    assert tb.balance_of("1202") == D("-200000")


def test_trial_balance_as_of(worked_book):
    tb = reports.trial_balance(worked_book, as_of=dt.date(2026, 1, 3))
    assert {row.code: row.debit - row.credit for row in tb.rows} == {
        "1101": D("4000000"),
        "3101": D("-3000000"),
        "3102": D("-1000000"),
    }
    full = reports.trial_balance(worked_book, as_of=dt.date(2026, 1, 3), include_zero=True)
    from ledger.charts import DEFAULT_ACCOUNTS

    assert len(full.rows) == sum(1 for account in DEFAULT_ACCOUNTS if account[4])  # every postable account


def test_income_statement_separates_member_income(worked_book):
    phu = reports.income_statement(worked_book)
    assert phu.title == "Laporan Perhitungan Hasil Usaha"
    assert [(line.code, line.amount) for line in phu.member_revenue.lines] == [
        ("4101", D("2000000")),
        ("4103", D("50000")),
    ]
    assert phu.member_revenue.total == D("2050000")
    assert [(line.code, line.amount) for line in phu.member_cost.lines] == [("5101", D("1500000"))]
    assert [(line.code, line.amount) for line in phu.non_member_revenue.lines] == [("4102", D("1000000"))]
    assert [(line.code, line.amount) for line in phu.non_member_cost.lines] == [("5108", D("700000"))]
    assert phu.other_revenue.lines == [] and phu.tax.lines == []
    assert [(line.code, line.amount) for line in phu.expenses.lines] == [("5102", D("400000")), ("5105", D("200000"))]
    # Members' net participation apart from non-members' gross profit.
    assert (phu.member_margin, phu.non_member_margin) == (D("550000"), D("300000"))
    assert (phu.total_revenue, phu.total_expenses, phu.shu) == (D("3050000"), D("2800000"), D("250000"))
    assert phu.shu_before_tax == phu.shu_after_tax == D("250000")
    assert reports.income_statement(worked_book, title="Laporan Laba Rugi").title == "Laporan Laba Rugi"
    first_quarter = reports.income_statement(worked_book, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert first_quarter.shu == D("3000000") - D("2200000")


def test_shu_after_tax_and_the_members_part(worked_book, post):
    """The worked example with the final 0,5% tax on its Rp 3.050.000 turnover (PP 55/2022)."""
    from ledger.services import LineInput
    from ledger.shu import members_shu_part

    post(
        worked_book,
        [LineInput.dr("5201", "15.250"), LineInput.cr("2109", "15.250")],
        date=END,
        description="PPh final 0,5% x Rp 3.050.000",
    )
    phu = reports.income_statement(worked_book)
    assert [(line.code, line.amount) for line in phu.tax.lines] == [("5201", D("15250"))]
    assert (phu.shu_before_tax, phu.shu_after_tax) == (D("250000"), D("234750"))
    part = members_shu_part(phu)
    # Rp 234.750 x 550.000 / (550.000 + 300.000) = Rp 151.897,06 -> Rp 151.897.
    assert (part.amount, part.non_member_amount) == (D("151897"), D("82853"))
    assert part.ratio == D("550000") / D("850000")
    assert "Rp 234.750" in part.explanation() and "Rp 151.897" in part.explanation()
    # Closing puts SHU after tax into 3106 and leaves the statement of financial position balanced.
    from ledger.services import close_period

    close_period(book=worked_book, user=worked_book.owner, date=END)
    assert reports.trial_balance(worked_book).balance_of("3106") == D("-234750")
    assert reports.financial_position(worked_book).is_balanced


def test_members_part_when_there_is_nothing_to_share(worked_book, post):
    from ledger.services import LineInput
    from ledger.shu import members_shu_part

    post(worked_book, [LineInput.dr("5102", "1.000.000"), LineInput.cr("1101", "1.000.000")], date=END)
    phu = reports.income_statement(worked_book)
    assert phu.shu < 0
    part = members_shu_part(phu)
    assert part.amount == 0 and "tidak ada SHU yang dibagi" in part.explanation()


def test_financial_position_balances_with_current_shu(worked_book):
    fp = reports.financial_position(worked_book)
    assert fp.as_of == END
    assert fp.total_assets == D("14550000")
    assert [(line.code, line.amount, line.is_contra) for line in fp.assets.lines][-1] == ("1202", D("-200000"), True)
    assert fp.liabilities.total == D("10300000")
    assert fp.unclosed_shu == D("250000")
    assert fp.equity.lines[-1].amount == D("250000") and fp.equity.lines[-1].code == ""
    assert fp.equity.total == D("4250000")
    assert fp.total_liabilities_and_equity == D("14550000") and fp.is_balanced


def test_equity_changes(worked_book):
    ec = reports.equity_changes(worked_book)
    got = {(row.code, row.opening, row.increase, row.decrease, row.closing) for row in ec.rows}
    assert got == {
        ("3101", 0, D("3000000"), 0, D("3000000")),
        ("3102", 0, D("1000000"), 0, D("1000000")),
        ("", 0, D("250000"), 0, D("250000")),
    }
    assert ec.total_closing == reports.financial_position(worked_book).equity.total
    later = reports.equity_changes(worked_book, dt.date(2026, 2, 1), END)
    shu_row = [row for row in later.rows if row.code == ""][0]
    assert shu_row.opening == 0 and shu_row.closing == D("250000")
    assert [row for row in later.rows if row.code == "3101"][0].opening == D("3000000")


def test_general_ledger_running_balance(worked_book):
    gl = reports.general_ledger(worked_book, "1101")
    assert gl.account_name == "Kas" and gl.opening_balance == 0
    assert [row.balance for row in gl.rows] == [
        D(x) for x in ["3000000", "4000000", "6000000", "7000000", "5000000", "5550000", "5150000", "5450000"]
    ]
    assert gl.closing_balance == D("5450000")
    assert gl.total_debit - gl.total_credit == D("5450000")
    later = reports.general_ledger(worked_book, "1101", start=dt.date(2026, 2, 1), end=dt.date(2026, 3, 31))
    assert later.opening_balance == D("4000000")
    assert [row.entry_number for row in later.rows] == [6, 7, 8]
    assert later.closing_balance == D("5000000")
    # A credit-normal account runs positive on credits.
    akum = reports.general_ledger(worked_book, "1202")
    assert akum.closing_balance == D("200000")


def test_general_journal(worked_book):
    gj = reports.general_journal(worked_book)
    assert [e.number for e in gj.entries] == list(range(1, 13))
    first = gj.entries[0]
    assert first.voucher == "1" and first.total_debit == first.total_credit == D("3000000")
    assert [(line.account_code, line.debit, line.credit, line.member_number) for line in first.lines][:2] == [
        ("1101", D("3000000"), None, ""),
        ("3101", None, D("1000000"), "A001"),
    ]
    assert gj.total_debit == gj.total_credit
    assert len(reports.general_journal(worked_book, dt.date(2026, 2, 1), dt.date(2026, 2, 28)).entries) == 2


def test_general_journal_shows_reversal_links(worked_book, trainee):
    entry = worked_book.entries.get(number=10)
    reverse_journal_entry(entry=entry, user=trainee, reason="salah catat")
    gj = reports.general_journal(worked_book)
    assert gj.entries[9].reversed_by_number == 13
    assert gj.entries[12].reverses_number == 10 and gj.entries[12].kind == EntryKind.REVERSAL


def test_member_cards(worked_book):
    cards = reports.member_cards(worked_book, "simpanan")
    assert cards.accounts == [
        ("2101", "Simpanan Sukarela"),
        ("2108", "Simpanan Berjangka"),
        ("3101", "Simpanan Pokok"),
        ("3102", "Simpanan Wajib"),
    ]
    by_number = {card.member_number: card for card in cards.cards}
    assert by_number["A001"].total == D("1500000")
    assert by_number["A001"].balances == {"2101": 0, "2108": 0, "3101": D("1000000"), "3102": D("500000")}
    assert [row.balance for row in by_number["A001"].rows] == [D("1000000"), D("1500000")]
    assert by_number["A003"].balances["2101"] == D("300000") and by_number["A003"].total == D("1300000")
    assert cards.total == D("4300000") and cards.totals["3101"] == D("3000000")
    piutang = reports.member_cards(worked_book, "piutang")
    a002 = [card for card in piutang.cards if card.member_number == "A002"][0]
    assert [(row.debit, row.credit, row.balance) for row in a002.rows] == [
        (D("2000000"), None, D("2000000")),
        (None, D("500000"), D("1500000")),
    ]
    assert piutang.total == D("1500000")
    with pytest.raises(ValueError):
        reports.member_cards(worked_book, "lainnya")


def test_closing_preview_then_close(worked_book, trainee):
    preview = reports.closing_entries(worked_book)
    assert [(line.code, line.debit, line.credit) for line in preview.lines] == [
        ("4101", D("2000000"), None),
        ("4103", D("50000"), None),
        ("4102", D("1000000"), None),
        ("5101", None, D("1500000")),
        ("5108", None, D("700000")),
        ("5102", None, D("400000")),
        ("5105", None, D("200000")),
        ("3106", None, D("250000")),
    ]
    assert preview.total_debit == preview.total_credit == D("3050000")
    assert preview.shu == D("250000") and preview.closed_through is None
    close_period(book=worked_book, user=trainee, date=END)
    assert reports.closing_entries(worked_book).is_empty
    assert reports.closing_entries(worked_book).closed_through == END
    fp = reports.financial_position(worked_book)
    assert fp.unclosed_shu == 0 and fp.is_balanced
    assert [line for line in fp.equity.lines if line.code == "3106"][0].amount == D("250000")
    tb = reports.trial_balance(worked_book)
    assert not [row for row in tb.rows if row.group in ("pendapatan", "beban")]
    assert tb.balance_of("3106") == D("-250000") and tb.is_balanced
    # The PHU ignores closing entries, so it still reports the year.
    assert reports.income_statement(worked_book).shu == D("250000")
    ec = reports.equity_changes(worked_book)
    assert ec.total_closing == fp.equity.total == D("4250000")


def test_reopening_a_closed_period_does_not_double_the_phu(worked_book, trainee):
    closing = close_period(book=worked_book, user=trainee, date=END)
    reverse_journal_entry(entry=closing, user=trainee, reason="buka kembali")
    phu = reports.income_statement(worked_book)
    assert (phu.total_revenue, phu.shu) == (D("3050000"), D("250000"))
    fp = reports.financial_position(worked_book)
    assert fp.unclosed_shu == D("250000") and fp.is_balanced
    assert reports.trial_balance(worked_book).balance_of("3106") == 0


@pytest.mark.parametrize("entries", [3, 60])
def test_fixed_query_counts(trainee, entries, django_assert_num_queries):
    book = create_practice_book(owner=trainee, period_start=dt.date(2026, 1, 1), period_end=END)
    from ledger.services import add_member, post_journal_entry

    add_member(book=book, user=trainee, number="1", name="Ani")
    for i in range(entries):
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
            description=f"Transaksi {i}",
            lines=[
                LineInput.dr("1101", 1000 + i),
                LineInput.cr("3101", 1000 + i, "1"),
                LineInput.dr("5102", 5),
                LineInput.cr("4104", 5),
            ],
        )
    with django_assert_num_queries(2):
        reports.trial_balance(book)
    with django_assert_num_queries(2):
        reports.income_statement(book)
    with django_assert_num_queries(2):
        reports.financial_position(book)
    with django_assert_num_queries(3):
        reports.equity_changes(book)
    with django_assert_num_queries(2):
        reports.general_journal(book)
    with django_assert_num_queries(2):
        reports.general_ledger(book, "1101")
    with django_assert_num_queries(3):
        reports.member_cards(book, "simpanan")
