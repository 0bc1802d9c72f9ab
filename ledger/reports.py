"""Report computations on a book (pure reads): jurnal umum, buku besar, neraca saldo, PHU, posisi keuangan,
perubahan ekuitas, kartu anggota and the closing-entries preview.

Each function returns plain dataclasses with Decimal figures (never floats), so the web pages, PDFs
and XLSX files render the same numbers. Every report runs a fixed number of queries whatever the
size of the book; sums are computed by the database (`ledger.selectors.account_balances`).
Sign convention: `balance` fields are signed in the account's normal direction (a debit-normal
account with more credits than debits has a negative balance), except where a field says debit/credit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from .charts import (
    MEMBER_COST_CODES,
    MEMBER_REVENUE_CODES,
    NON_MEMBER_COST_CODES,
    NON_MEMBER_REVENUE_CODES,
    TAX_EXPENSE_CODES,
)
from .models import Account, AccountGroup, Book, JournalLine, Member, NormalSide, Side
from .selectors import (
    account_balances,
    book_debit_credit,
    chart_accounts,
    debit_credit,
    entries_with_lines,
    lines_in,
    period_account_balances,
    period_debit_credit,
)

ZERO = Decimal("0.00")


def normal_balance(account: Account, debit: Decimal, credit: Decimal) -> Decimal:
    """Balance signed in the account's normal direction."""
    return debit - credit if account.normal_side == NormalSide.DEBIT else credit - debit


def _group_sign_amount(account: Account, debit: Decimal, credit: Decimal) -> Decimal:
    """Amount as its group presents it: aset/beban debit − credit, others credit − debit (contras negative)."""
    if account.group in (AccountGroup.ASET, AccountGroup.BEBAN):
        return debit - credit
    return credit - debit


def _resolve_account(book: Book, account) -> Account:
    if isinstance(account, Account):
        if account.chart_id != book.chart_id:
            raise Account.DoesNotExist(f"account {account.code} is not in the book's chart")
        return account
    return Account.objects.get(chart_id=book.chart_id, code=str(account))


# --- Jurnal umum ---------------------------------------------------------------------------


@dataclass
class JournalLineRow:
    account_code: str
    account_name: str
    debit: Decimal | None
    credit: Decimal | None
    member_number: str = ""
    member_name: str = ""
    memo: str = ""


@dataclass
class JournalEntryRow:
    id: int
    number: int
    date: dt.date
    description: str
    voucher: str
    kind: str
    kind_label: str
    reverses_number: int | None
    reversed_by_number: int | None
    created_by: str
    created_at: dt.datetime
    lines: list[JournalLineRow]
    total_debit: Decimal
    total_credit: Decimal


@dataclass
class GeneralJournal:
    start: dt.date | None
    end: dt.date | None
    entries: list[JournalEntryRow]
    total_debit: Decimal
    total_credit: Decimal


def _journal_entry_row(entry) -> JournalEntryRow:
    lines = []
    debit = credit = ZERO
    for line in entry.lines.all():
        is_debit = line.side == Side.DEBIT
        lines.append(
            JournalLineRow(
                account_code=line.account.code,
                account_name=line.account.name,
                debit=line.amount if is_debit else None,
                credit=None if is_debit else line.amount,
                member_number=line.member.number if line.member else "",
                member_name=line.member.name if line.member else "",
                memo=line.memo,
            )
        )
        if is_debit:
            debit += line.amount
        else:
            credit += line.amount
    try:
        reversed_by = entry.reversed_by.number
    except entry.__class__.DoesNotExist:
        reversed_by = None
    return JournalEntryRow(
        id=entry.pk,
        number=entry.number,
        date=entry.date,
        description=entry.description,
        voucher=entry.voucher,
        kind=entry.kind,
        kind_label=str(entry.get_kind_display()),
        reverses_number=entry.reverses.number if entry.reverses_id else None,
        reversed_by_number=reversed_by,
        created_by=(getattr(entry.created_by, "full_name", "") or str(entry.created_by or "")),
        created_at=entry.created_at,
        lines=lines,
        total_debit=debit,
        total_credit=credit,
    )


def general_journal(book: Book, start: dt.date | None = None, end: dt.date | None = None) -> GeneralJournal:
    """Jurnal umum: every entry with its lines in number order; 2 queries."""
    rows = [_journal_entry_row(entry) for entry in entries_with_lines(book=book, start=start, end=end)]
    return GeneralJournal(
        start=start,
        end=end,
        entries=rows,
        total_debit=sum((row.total_debit for row in rows), ZERO),
        total_credit=sum((row.total_credit for row in rows), ZERO),
    )


@dataclass
class PageInfo:
    """Where a keyset page sits: cursors of the neighbouring pages (None: there is none)."""

    previous_cursor: str | None = None
    next_cursor: str | None = None
    is_first: bool = True
    is_last: bool = True


def _keyset(queryset, *, order: list[str], after_q, before_q, size: int):
    """One page of `queryset` after (or before) a cursor, in `order`; ONE query.

    Returns (rows, has_more_in_that_direction). Going backwards reads in reverse and flips."""
    if before_q is not None:
        rows = list(queryset.filter(before_q).order_by(*[f"-{field}" for field in order])[: size + 1])
        more = len(rows) > size
        return list(reversed(rows[:size])), more
    if after_q is not None:
        queryset = queryset.filter(after_q)
    rows = list(queryset.order_by(*order)[: size + 1])
    return rows[:size], len(rows) > size


def _parse_cursor(raw: str | None, parts: int) -> tuple | None:
    """ "2026-01-05~12~0~345" → (date, 12, 0, 345); None when absent or unreadable."""
    if not raw:
        return None
    pieces = raw.split("~")
    if len(pieces) != parts:
        return None
    try:
        if parts == 1:
            return (int(pieces[0]),)
        return (dt.date.fromisoformat(pieces[0]), *(int(piece) for piece in pieces[1:]))
    except ValueError:
        return None


JOURNAL_PAGE_SIZE = 50


def general_journal_page(
    book: Book,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    after: str | None = None,
    before: str | None = None,
    size: int = JOURNAL_PAGE_SIZE,
) -> tuple[GeneralJournal, PageInfo]:
    """One page of the jurnal umum (keyset on the entry number, so page 500 costs what page 1
    does): 2 queries, 3 on the last page (the totals of the whole range)."""
    after_key, before_key = _parse_cursor(after, 1), _parse_cursor(before, 1)
    entries, more = _keyset(
        entries_with_lines(book=book, start=start, end=end),
        order=["number"],
        after_q=Q(number__gt=after_key[0]) if after_key else None,
        before_q=Q(number__lt=before_key[0]) if before_key else None,
        size=size,
    )
    rows = [_journal_entry_row(entry) for entry in entries]
    if before_key:
        info = PageInfo(is_first=not more, is_last=False)
    else:
        info = PageInfo(is_first=after_key is None, is_last=not more)
    if rows:
        if not info.is_first:
            info.previous_cursor = str(rows[0].number)
        if not info.is_last:
            info.next_cursor = str(rows[-1].number)
    total_debit = total_credit = ZERO
    if info.is_last and start is None and end is None:
        total_debit, total_credit = book_debit_credit(book=book)  # the per-month totals, not every line
    elif info.is_last:
        total_debit, total_credit = debit_credit(lines_in(book=book, start=start, end=end))
    journal = GeneralJournal(start=start, end=end, entries=rows, total_debit=total_debit, total_credit=total_credit)
    return journal, info


# --- Buku besar ----------------------------------------------------------------------------


@dataclass
class LedgerRow:
    date: dt.date
    entry_id: int
    entry_number: int
    description: str
    voucher: str
    debit: Decimal | None
    credit: Decimal | None
    balance: Decimal
    member_number: str = ""
    member_name: str = ""
    line_id: int = 0
    line_order: int = 0


@dataclass
class GeneralLedger:
    account_code: str
    account_name: str
    normal_side: str
    start: dt.date | None
    end: dt.date | None
    opening_balance: Decimal
    rows: list[LedgerRow]
    total_debit: Decimal
    total_credit: Decimal
    closing_balance: Decimal


def _ledger_lines(book: Book, account: Account, start: dt.date | None, end: dt.date | None):
    lines = JournalLine.objects.filter(entry__book_id=book.pk, account_id=account.pk)
    if start is not None:
        lines = lines.filter(entry__date__gte=start)
    if end is not None:
        lines = lines.filter(entry__date__lte=end)
    return lines.select_related("entry", "member")


LEDGER_ORDER = ["entry__date", "entry__number", "order", "id"]


def _ledger_rows(account: Account, lines, opening: Decimal) -> tuple[list[LedgerRow], Decimal, Decimal, Decimal]:
    """Rows with the running balance from `opening`; (rows, debit total, credit total, last balance)."""
    balance = opening
    rows = []
    total_debit = total_credit = ZERO
    for line in lines:
        is_debit = line.side == Side.DEBIT
        if is_debit:
            total_debit += line.amount
        else:
            total_credit += line.amount
        delta = line.amount if is_debit else -line.amount
        balance += delta if account.normal_side == NormalSide.DEBIT else -delta
        rows.append(
            LedgerRow(
                date=line.entry.date,
                entry_id=line.entry_id,
                entry_number=line.entry.number,
                description=line.entry.description,
                voucher=line.entry.voucher,
                debit=line.amount if is_debit else None,
                credit=None if is_debit else line.amount,
                balance=balance,
                member_number=line.member.number if line.member else "",
                member_name=line.member.name if line.member else "",
                line_id=line.pk,
                line_order=line.order,
            )
        )
    return rows, total_debit, total_credit, balance


def general_ledger(book: Book, account, start: dt.date | None = None, end: dt.date | None = None) -> GeneralLedger:
    """Buku besar of one account (an Account of the book's chart or its code) with a running balance.

    The opening balance sums everything before `start`. 2 queries (3 when `account` is a code).
    """
    account = _resolve_account(book, account)
    opening = ZERO
    if start is not None:
        debit, credit = account_balances(book=book, end=start - dt.timedelta(days=1), account_ids=[account.pk]).get(
            account.pk, (ZERO, ZERO)
        )
        opening = normal_balance(account, debit, credit)
    lines = _ledger_lines(book, account, start, end).order_by(*LEDGER_ORDER)
    rows, total_debit, total_credit, balance = _ledger_rows(account, lines, opening)
    return GeneralLedger(
        account_code=account.code,
        account_name=account.name,
        normal_side=account.normal_side,
        start=start,
        end=end,
        opening_balance=opening,
        rows=rows,
        total_debit=total_debit,
        total_credit=total_credit,
        closing_balance=balance,
    )


def _ledger_key_q(key: tuple, direction: str) -> Q:
    """Lines after ("gt") or before ("lt") the line at (date, entry number, order, id)."""
    date, number, order, line_id = key
    return (
        Q(**{f"entry__date__{direction}": date})
        | Q(entry__date=date, **{f"entry__number__{direction}": number})
        | Q(entry__date=date, entry__number=number, **{f"order__{direction}": order})
        | Q(entry__date=date, entry__number=number, order=order, **{f"id__{direction}": line_id})
    )


LEDGER_PAGE_SIZE = 100


def general_ledger_page(
    book: Book,
    account,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    after: str | None = None,
    before: str | None = None,
    size: int = LEDGER_PAGE_SIZE,
) -> tuple[GeneralLedger, PageInfo]:
    """One page of the buku besar (keyset on date, entry number, line order, line id). The page's
    opening balance adds the per-month totals of the months before its first row and that month's
    lines before it, so a deep page of a big book costs what the first page costs. 4 queries (5
    when `account` is a code, one more on the last page of a date range for the range's totals;
    without a start date the last page adds its rows to what came before it)."""
    account = _resolve_account(book, account)
    after_key, before_key = _parse_cursor(after, 4), _parse_cursor(before, 4)
    lines, more = _keyset(
        _ledger_lines(book, account, start, end),
        order=LEDGER_ORDER,
        after_q=_ledger_key_q(after_key, "gt") if after_key else None,
        before_q=_ledger_key_q(before_key, "lt") if before_key else None,
        size=size,
    )
    if before_key:
        info = PageInfo(is_first=not more, is_last=False)
    else:
        info = PageInfo(is_first=after_key is None, is_last=not more)
    # Everything before the page's first row (or before `start` on an empty first page): whole
    # months from the per-month totals, then that month's lines up to the row.
    if lines:
        first = lines[0]
        month_start = first.entry.date.replace(day=1)
        in_month = lines_in(book=book, start=month_start, account_ids=[account.pk]).filter(
            _ledger_key_q((first.entry.date, first.entry.number, first.order, first.pk), "lt")
        )
    elif start is not None:
        month_start = start.replace(day=1)
        in_month = lines_in(book=book, start=month_start, end=start - dt.timedelta(days=1), account_ids=[account.pk])
    else:
        month_start, in_month = None, None
    debit = credit = ZERO
    if month_start is not None:
        debit, credit = period_debit_credit(book=book, account_id=account.pk, before_month=month_start)
        month_debit, month_credit = debit_credit(in_month)
        debit, credit = debit + month_debit, credit + month_credit
    opening = normal_balance(account, debit, credit)
    rows, page_debit, page_credit, balance = _ledger_rows(account, lines, opening)
    if rows:

        def cursor(row):
            return f"{row.date.isoformat()}~{row.entry_number}~{row.line_order}~{row.line_id}"

        if not info.is_first:
            info.previous_cursor = cursor(rows[0])
        if not info.is_last:
            info.next_cursor = cursor(rows[-1])
    total_debit = total_credit = ZERO
    range_opening = opening
    if info.is_last and start is None and rows:
        # The range starts at the book's beginning and this page holds its last rows: its totals
        # are everything before the page plus the page (no second pass over a big account).
        total_debit, total_credit = debit + page_debit, credit + page_credit
    elif info.is_last:
        total_debit, total_credit = debit_credit(lines_in(book=book, start=start, end=end, account_ids=[account.pk]))
    if info.is_first and start is None:
        range_opening = ZERO
    ledger = GeneralLedger(
        account_code=account.code,
        account_name=account.name,
        normal_side=account.normal_side,
        start=start,
        end=end,
        opening_balance=range_opening if info.is_first else opening,
        rows=rows,
        total_debit=total_debit,
        total_credit=total_credit,
        closing_balance=balance,
    )
    return ledger, info


# --- Neraca saldo --------------------------------------------------------------------------


@dataclass
class TrialBalanceRow:
    code: str
    name: str
    group: str
    debit: Decimal
    credit: Decimal


@dataclass
class TrialBalance:
    as_of: dt.date | None
    rows: list[TrialBalanceRow]
    total_debit: Decimal
    total_credit: Decimal

    @property
    def is_balanced(self) -> bool:
        return self.total_debit == self.total_credit

    def balance_of(self, code: str) -> Decimal:
        """Net debit (positive) or credit (negative) balance of an account; 0 when absent."""
        for row in self.rows:
            if row.code == code:
                return row.debit - row.credit
        return ZERO


def trial_balance(book: Book, as_of: dt.date | None = None, *, include_zero: bool = False) -> TrialBalance:
    """Neraca saldo: every postable account's net balance in the debit or credit column; 2 queries
    (3 with a mid-month `as_of`). Sums the per-month totals, so a book of 10,000 entries costs
    about what a book of 100 does."""
    accounts = [a for a in chart_accounts(book.chart_id) if a.is_postable]
    balances = period_account_balances(book=book, end=as_of)
    rows = []
    total_debit = total_credit = ZERO
    for account in accounts:
        debit, credit = balances.get(account.pk, (ZERO, ZERO))
        net = debit - credit
        if net == 0 and not include_zero:
            continue
        row = TrialBalanceRow(
            code=account.code,
            name=account.name,
            group=account.group,
            debit=net if net > 0 else ZERO,
            credit=-net if net < 0 else ZERO,
        )
        rows.append(row)
        total_debit += row.debit
        total_credit += row.credit
    return TrialBalance(as_of=as_of, rows=rows, total_debit=total_debit, total_credit=total_credit)


# --- Statements ----------------------------------------------------------------------------


@dataclass
class StatementLine:
    code: str
    name: str
    amount: Decimal
    is_contra: bool = False


@dataclass
class StatementSection:
    key: str
    title: str
    lines: list[StatementLine] = field(default_factory=list)
    total: Decimal = ZERO

    def add(self, line: StatementLine):
        self.lines.append(line)
        self.total += line.amount


@dataclass
class IncomeStatement:
    """Laporan Perhitungan Hasil Usaha (PHU).

    Business with members (partisipasi bruto and jasa pinjaman, less the cost of what members
    bought: partisipasi neto) is shown apart from business with non-members (sales less their cost:
    gross profit), then other income, the other expenses, SHU before tax, the cooperative's income
    tax and SHU after tax (Pasal 45 UU No. 25/1992 defines SHU after tax). Amounts of cost lines are
    positive; the sections say whether they are added or taken off.
    """

    title: str
    start: dt.date
    end: dt.date
    member_revenue: StatementSection
    member_cost: StatementSection
    non_member_revenue: StatementSection
    non_member_cost: StatementSection
    other_revenue: StatementSection
    expenses: StatementSection  # operating and other expenses: not cost of sales, not tax
    tax: StatementSection
    total_revenue: Decimal
    total_expenses: Decimal  # every expense: cost of sales, operating expenses and tax
    shu: Decimal  # sisa hasil usaha after tax (negative: a loss)

    @property
    def member_margin(self) -> Decimal:
        """Hasil usaha dengan anggota: partisipasi neto plus service income from members."""
        return self.member_revenue.total - self.member_cost.total

    @property
    def non_member_margin(self) -> Decimal:
        """Laba kotor dari non-anggota: sales to non-members less their cost."""
        return self.non_member_revenue.total - self.non_member_cost.total

    @property
    def shu_before_tax(self) -> Decimal:
        return self.shu + self.tax.total

    @property
    def shu_after_tax(self) -> Decimal:
        return self.shu

    @property
    def sections(self) -> list[StatementSection]:
        return [
            self.member_revenue,
            self.member_cost,
            self.non_member_revenue,
            self.non_member_cost,
            self.other_revenue,
            self.expenses,
            self.tax,
        ]


def income_statement(
    book: Book, start: dt.date | None = None, end: dt.date | None = None, *, title: str | None = None
) -> IncomeStatement:
    """PHU for [start, end] (default: the book's period), closing entries (and their reversals)
    excluded; 2 queries.

    Member income (`charts.MEMBER_REVENUE_CODES`) and its cost (`MEMBER_COST_CODES`) are shown apart
    from non-member sales (`NON_MEMBER_REVENUE_CODES`) and their cost (`NON_MEMBER_COST_CODES`);
    other revenue, the other expenses and income tax (`TAX_EXPENSE_CODES`) follow.
    """
    start = start or book.period_start
    end = end or book.period_end
    accounts = [a for a in chart_accounts(book.chart_id) if a.is_postable]
    balances = account_balances(book=book, start=start, end=end, exclude_closing=True)
    member = StatementSection("member_revenue", _("Pendapatan dari anggota (partisipasi anggota)"))
    member_cost = StatementSection("member_cost", _("Beban pokok penjualan kepada anggota"))
    non_member = StatementSection("non_member_revenue", _("Pendapatan dari non-anggota"))
    non_member_cost = StatementSection("non_member_cost", _("Beban pokok penjualan kepada non-anggota"))
    other = StatementSection("other_revenue", _("Pendapatan lain-lain"))
    expenses = StatementSection("expenses", _("Beban usaha dan beban lain"))
    tax = StatementSection("tax", _("Beban pajak"))
    for account in accounts:
        if account.group not in (AccountGroup.PENDAPATAN, AccountGroup.BEBAN) or account.pk not in balances:
            continue
        debit, credit = balances[account.pk]
        amount = _group_sign_amount(account, debit, credit)
        if amount == 0:
            continue
        line = StatementLine(account.code, account.name, amount, account.is_contra)
        if account.group == AccountGroup.BEBAN:
            if account.code in MEMBER_COST_CODES:
                member_cost.add(line)
            elif account.code in NON_MEMBER_COST_CODES:
                non_member_cost.add(line)
            elif account.code in TAX_EXPENSE_CODES:
                tax.add(line)
            else:
                expenses.add(line)
        elif account.code in MEMBER_REVENUE_CODES:
            member.add(line)
        elif account.code in NON_MEMBER_REVENUE_CODES:
            non_member.add(line)
        else:
            other.add(line)
    total_revenue = member.total + non_member.total + other.total
    total_expenses = member_cost.total + non_member_cost.total + expenses.total + tax.total
    return IncomeStatement(
        title=title or _("Laporan Perhitungan Hasil Usaha"),
        start=start,
        end=end,
        member_revenue=member,
        member_cost=member_cost,
        non_member_revenue=non_member,
        non_member_cost=non_member_cost,
        other_revenue=other,
        expenses=expenses,
        tax=tax,
        total_revenue=total_revenue,
        total_expenses=total_expenses,
        shu=total_revenue - total_expenses,
    )


@dataclass
class FinancialPosition:
    """Laporan Posisi Keuangan: aset = kewajiban + ekuitas (with the SHU of the year not yet closed)."""

    as_of: dt.date
    assets: StatementSection
    liabilities: StatementSection
    equity: StatementSection
    unclosed_shu: Decimal
    total_assets: Decimal
    total_liabilities_and_equity: Decimal

    @property
    def is_balanced(self) -> bool:
        return self.total_assets == self.total_liabilities_and_equity


def _unclosed_shu(accounts: list[Account], balances) -> Decimal:
    """Revenue − expenses still sitting in the income accounts (zero once the period is closed)."""
    total = ZERO
    for account in accounts:
        if account.group in (AccountGroup.PENDAPATAN, AccountGroup.BEBAN) and account.pk in balances:
            debit, credit = balances[account.pk]
            total += credit - debit
    return total


def financial_position(book: Book, as_of: dt.date | None = None) -> FinancialPosition:
    """Laporan Posisi Keuangan as of a date (default: end of the book's period); 2 queries."""
    as_of = as_of or book.period_end
    accounts = [a for a in chart_accounts(book.chart_id) if a.is_postable]
    balances = account_balances(book=book, end=as_of)
    assets = StatementSection("assets", _("Aset"))
    liabilities = StatementSection("liabilities", _("Kewajiban"))
    equity = StatementSection("equity", _("Ekuitas"))
    sections = {AccountGroup.ASET: assets, AccountGroup.KEWAJIBAN: liabilities, AccountGroup.EKUITAS: equity}
    for account in accounts:
        section = sections.get(account.group)
        if section is None or account.pk not in balances:
            continue
        amount = _group_sign_amount(account, *balances[account.pk])
        if amount != 0:
            section.add(StatementLine(account.code, account.name, amount, account.is_contra))
    unclosed = _unclosed_shu(accounts, balances)
    if unclosed != 0:
        equity.add(StatementLine("", _("SHU tahun berjalan (belum ditutup)"), unclosed))
    return FinancialPosition(
        as_of=as_of,
        assets=assets,
        liabilities=liabilities,
        equity=equity,
        unclosed_shu=unclosed,
        total_assets=assets.total,
        total_liabilities_and_equity=liabilities.total + equity.total,
    )


@dataclass
class EquityChangeRow:
    code: str
    name: str
    opening: Decimal
    increase: Decimal
    decrease: Decimal
    closing: Decimal


@dataclass
class EquityChanges:
    """Laporan Perubahan Ekuitas: per equity account, balance at start, increases, decreases, balance at end."""

    start: dt.date
    end: dt.date
    rows: list[EquityChangeRow]
    total_opening: Decimal
    total_increase: Decimal
    total_decrease: Decimal
    total_closing: Decimal


def equity_changes(book: Book, start: dt.date | None = None, end: dt.date | None = None) -> EquityChanges:
    """Equity movements in [start, end] (default: the book's period), with the unclosed SHU as a row; 3 queries."""
    start = start or book.period_start
    end = end or book.period_end
    accounts = [a for a in chart_accounts(book.chart_id) if a.is_postable]
    before = account_balances(book=book, end=start - dt.timedelta(days=1))
    during = account_balances(book=book, start=start, end=end)
    rows = []
    for account in accounts:
        if account.group != AccountGroup.EKUITAS or (account.pk not in before and account.pk not in during):
            continue
        b_debit, b_credit = before.get(account.pk, (ZERO, ZERO))
        d_debit, d_credit = during.get(account.pk, (ZERO, ZERO))
        opening = b_credit - b_debit
        rows.append(
            EquityChangeRow(account.code, account.name, opening, d_credit, d_debit, opening + d_credit - d_debit)
        )
    opening_shu = _unclosed_shu(accounts, before)
    closing_shu = _unclosed_shu(accounts, {k: _add(before.get(k), during.get(k)) for k in set(before) | set(during)})
    if opening_shu or closing_shu:
        change = closing_shu - opening_shu
        rows.append(
            EquityChangeRow(
                "",
                _("SHU tahun berjalan (belum ditutup)"),
                opening_shu,
                change if change > 0 else ZERO,
                -change if change < 0 else ZERO,
                closing_shu,
            )
        )
    return EquityChanges(
        start=start,
        end=end,
        rows=rows,
        total_opening=sum((r.opening for r in rows), ZERO),
        total_increase=sum((r.increase for r in rows), ZERO),
        total_decrease=sum((r.decrease for r in rows), ZERO),
        total_closing=sum((r.closing for r in rows), ZERO),
    )


def _add(a, b):
    a = a or (ZERO, ZERO)
    b = b or (ZERO, ZERO)
    return (a[0] + b[0], a[1] + b[1])


# --- Kartu anggota -------------------------------------------------------------------------


@dataclass
class MemberCardRow:
    date: dt.date
    entry_id: int
    entry_number: int
    description: str
    account_code: str
    account_name: str
    debit: Decimal | None
    credit: Decimal | None
    balance: Decimal  # running total over the card's accounts, in their normal direction


@dataclass
class MemberCard:
    member_number: str
    member_name: str
    rows: list[MemberCardRow]
    balances: dict[str, Decimal]  # account code → balance in the account's normal direction
    total: Decimal


@dataclass
class MemberCards:
    """Kartu simpanan (2101, 3101, 3102) or kartu piutang (1103) of every member of the book."""

    kind: str
    title: str
    accounts: list[tuple[str, str]]  # (code, name) of the card's columns
    cards: list[MemberCard]
    totals: dict[str, Decimal]
    total: Decimal


def member_cards(book: Book, kind: str = "simpanan", as_of: dt.date | None = None) -> MemberCards:
    """Per-member running balances of the member sub-ledger accounts of one kind; 3 queries."""
    if kind not in ("simpanan", "piutang"):
        raise ValueError(kind)
    accounts = [a for a in chart_accounts(book.chart_id) if a.member_subledger == kind]
    by_id = {a.pk: a for a in accounts}
    members = list(Member.objects.filter(book=book).order_by("number"))
    lines = JournalLine.objects.filter(entry__book_id=book.pk, account_id__in=list(by_id), member__isnull=False)
    if as_of is not None:
        lines = lines.filter(entry__date__lte=as_of)
    lines = lines.select_related("entry").order_by("member_id", "entry__date", "entry__number", "order", "id")
    per_member: dict[int, list[JournalLine]] = {}
    for line in lines:
        per_member.setdefault(line.member_id, []).append(line)
    cards = []
    totals = {a.code: ZERO for a in accounts}
    for member in members:
        balance = ZERO
        balances = {a.code: ZERO for a in accounts}
        rows = []
        for line in per_member.get(member.pk, []):
            account = by_id[line.account_id]
            is_debit = line.side == Side.DEBIT
            delta = normal_balance(account, line.amount if is_debit else ZERO, ZERO if is_debit else line.amount)
            balance += delta
            balances[account.code] += delta
            rows.append(
                MemberCardRow(
                    date=line.entry.date,
                    entry_id=line.entry_id,
                    entry_number=line.entry.number,
                    description=line.entry.description,
                    account_code=account.code,
                    account_name=account.name,
                    debit=line.amount if is_debit else None,
                    credit=None if is_debit else line.amount,
                    balance=balance,
                )
            )
        for code, value in balances.items():
            totals[code] += value
        cards.append(MemberCard(member.number, member.name, rows, balances, balance))
    title = _("Kartu simpanan anggota") if kind == "simpanan" else _("Kartu piutang anggota")
    return MemberCards(
        kind=kind,
        title=title,
        accounts=[(a.code, a.name) for a in accounts],
        cards=cards,
        totals=totals,
        total=sum(totals.values(), ZERO),
    )


# --- Closing preview -----------------------------------------------------------------------


@dataclass
class ClosingPreviewLine:
    code: str
    name: str
    debit: Decimal | None
    credit: Decimal | None


@dataclass
class ClosingPreview:
    """The closing entry `services.close_period` would post on `date` (nothing is written)."""

    date: dt.date
    lines: list[ClosingPreviewLine]
    total_debit: Decimal
    total_credit: Decimal
    shu: Decimal  # credited to 3106 (negative: a loss debited)
    closed_through: dt.date | None

    @property
    def is_empty(self) -> bool:
        return not self.lines


def closing_entries(book: Book, date: dt.date | None = None) -> ClosingPreview:
    """Preview of the closing entry as of `date` (default: end of the book's period)."""
    from .services import closed_through, closing_lines

    date = date or book.period_end
    lines = closing_lines(book=book, date=date)
    rows = []
    total_debit = total_credit = shu = ZERO
    for line in lines:
        is_debit = line.side == Side.DEBIT
        rows.append(
            ClosingPreviewLine(
                line.account.code,
                line.account.name,
                line.amount if is_debit else None,
                None if is_debit else line.amount,
            )
        )
        if is_debit:
            total_debit += line.amount
        else:
            total_credit += line.amount
        if line.account.group in (AccountGroup.PENDAPATAN, AccountGroup.BEBAN):
            shu += -line.amount if not is_debit else line.amount
    return ClosingPreview(
        date=date,
        lines=rows,
        total_debit=total_debit,
        total_credit=total_credit,
        shu=shu,
        closed_through=closed_through(book),
    )
