"""Read helpers of the ledger: balances aggregated by the database, books, entries (no writes here)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from .amounts import MoneySum
from .models import Account, AccountPeriodBalance, Book, BookKind, EntryKind, JournalEntry, JournalLine, Member, Side

ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=20, decimal_places=2)


def _sum_side(side: str):
    return Coalesce(MoneySum("amount", filter=Q(side=side)), Value(ZERO), output_field=_MONEY)


def _line_filter(
    *,
    book: Book,
    start: dt.date | None = None,
    end: dt.date | None = None,
    exclude_kinds=(),
    account_ids=None,
    exclude_closing: bool = False,
) -> QuerySet:
    qs = JournalLine.objects.filter(entry__book_id=book.pk)
    if start is not None:
        qs = qs.filter(entry__date__gte=start)
    if end is not None:
        qs = qs.filter(entry__date__lte=end)
    if exclude_kinds:
        qs = qs.exclude(entry__kind__in=list(exclude_kinds))
    if exclude_closing:
        # Closing entries, and the reversals of closing entries (which reopen the period).
        qs = qs.exclude(entry__kind=EntryKind.CLOSING).exclude(
            entry__kind=EntryKind.REVERSAL, entry__reverses__kind=EntryKind.CLOSING
        )
    if account_ids is not None:
        qs = qs.filter(account_id__in=account_ids)
    return qs


def lines_in(*, book: Book, start: dt.date | None = None, end: dt.date | None = None, account_ids=None) -> QuerySet:
    """The book's lines in [start, end] (optionally of some accounts), unordered."""
    return _line_filter(book=book, start=start, end=end, account_ids=account_ids)


def debit_credit(lines: QuerySet) -> tuple[Decimal, Decimal]:
    """(total debit, total credit) of some lines; ONE aggregate query."""
    totals = lines.order_by().aggregate(debit=_sum_side(Side.DEBIT), credit=_sum_side(Side.CREDIT))
    return totals["debit"], totals["credit"]


def account_balances(
    *,
    book: Book,
    start: dt.date | None = None,
    end: dt.date | None = None,
    exclude_kinds=(),
    account_ids=None,
    exclude_closing: bool = False,
) -> dict[int, tuple[Decimal, Decimal]]:
    """{account_id: (total debit, total credit)} over the book's lines in [start, end]; ONE query.

    Accounts without lines are absent. `exclude_kinds` drops entries of those kinds;
    `exclude_closing` drops closing entries and their reversals (for the PHU).
    """
    rows = (
        _line_filter(
            book=book,
            start=start,
            end=end,
            exclude_kinds=exclude_kinds,
            account_ids=account_ids,
            exclude_closing=exclude_closing,
        )
        .order_by()
        .values("account_id")
        .annotate(debit=_sum_side(Side.DEBIT), credit=_sum_side(Side.CREDIT))
    )
    return {row["account_id"]: (row["debit"], row["credit"]) for row in rows}


def period_account_balances(*, book: Book, end: dt.date | None = None) -> dict[int, tuple[Decimal, Decimal]]:
    """`account_balances(book=book, end=end)` read from the per-month totals kept as entries post:
    whole months from `AccountPeriodBalance` (at most accounts × months rows, whatever the number
    of lines), plus the lines of `end`'s month up to `end` when `end` is not a month's last day.
    ONE query (two with a mid-month `end`)."""
    months = AccountPeriodBalance.objects.filter(book_id=book.pk)
    partial = None
    if end is not None:
        month_start = end.replace(day=1)
        next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
        if end + dt.timedelta(days=1) == next_month:
            months = months.filter(month__lte=month_start)
        else:
            months = months.filter(month__lt=month_start)
            partial = account_balances(book=book, start=month_start, end=end)
    rows = (
        months.order_by()
        .values("account_id")
        .annotate(
            debit=Coalesce(MoneySum("debit"), Value(ZERO), output_field=_MONEY),
            credit=Coalesce(MoneySum("credit"), Value(ZERO), output_field=_MONEY),
        )
    )
    totals = {row["account_id"]: (row["debit"], row["credit"]) for row in rows}
    for account_id, (debit, credit) in (partial or {}).items():
        before = totals.get(account_id, (ZERO, ZERO))
        totals[account_id] = (before[0] + debit, before[1] + credit)
    return totals


def period_debit_credit(*, book: Book, account_id: int, before_month: dt.date) -> tuple[Decimal, Decimal]:
    """(debit, credit) of one account over the whole months before `before_month`, from the
    per-month totals; ONE query on at most one row per month."""
    totals = (
        AccountPeriodBalance.objects.filter(book_id=book.pk, account_id=account_id, month__lt=before_month)
        .order_by()
        .aggregate(
            debit=Coalesce(MoneySum("debit"), Value(ZERO), output_field=_MONEY),
            credit=Coalesce(MoneySum("credit"), Value(ZERO), output_field=_MONEY),
        )
    )
    return totals["debit"], totals["credit"]


def book_debit_credit(*, book: Book) -> tuple[Decimal, Decimal]:
    """(debit, credit) of every line of the book, from the per-month totals; ONE query on at most
    (accounts × months) rows instead of every line."""
    totals = (
        AccountPeriodBalance.objects.filter(book_id=book.pk)
        .order_by()
        .aggregate(
            debit=Coalesce(MoneySum("debit"), Value(ZERO), output_field=_MONEY),
            credit=Coalesce(MoneySum("credit"), Value(ZERO), output_field=_MONEY),
        )
    )
    return totals["debit"], totals["credit"]


def member_account_balances(
    *, book: Book, account_ids, start: dt.date | None = None, end: dt.date | None = None
) -> dict[tuple[int, int | None], tuple[Decimal, Decimal]]:
    """{(account_id, member_id): (debit, credit)} for the given accounts; ONE query."""
    rows = (
        _line_filter(book=book, start=start, end=end, account_ids=account_ids)
        .order_by()
        .values("account_id", "member_id")
        .annotate(debit=_sum_side(Side.DEBIT), credit=_sum_side(Side.CREDIT))
    )
    return {(row["account_id"], row["member_id"]): (row["debit"], row["credit"]) for row in rows}


def chart_accounts(chart_id: int) -> list[Account]:
    """Every account of a chart in display order; ONE query."""
    return list(Account.objects.filter(chart_id=chart_id).order_by("order", "code"))


def postable_accounts(book: Book) -> QuerySet:
    """The accounts a line of this book may use (for pickers), in display order."""
    return Account.objects.filter(chart_id=book.chart_id, is_postable=True).order_by("order", "code")


def book_members(book: Book) -> QuerySet:
    return Member.objects.filter(book=book).order_by("number")


def books_of(owner, *, kind: str | None = None, archived: bool | None = False) -> QuerySet:
    """A user's books, newest first, with the chart, exercise and entry count; ONE query."""
    qs = Book.objects.filter(owner=owner).select_related("chart", "exercise").annotate(entry_count=Count("entries"))
    if kind is not None:
        qs = qs.filter(kind=kind)
    if archived is not None:
        qs = qs.filter(archived=archived)
    return qs.order_by("-created_at", "-pk")


def supervised_books(viewer) -> list[Book]:
    """Active books of the trainees `viewer` supervises (see `access.register_supervised_owners`),
    by owner then newest first; ONE query (the owner-id sources are subqueries), none without sources.

    A source must name the same owners its app's supervisor function vouches for (courses registers
    both from one relation): re-checking each book would cost a query per book.
    """
    from django.db.models import Q

    from . import access

    sources = access.supervised_owner_sources(viewer)
    if not sources:
        return []
    condition = Q()
    for source in sources:
        condition |= Q(owner_id__in=source)
    return list(
        Book.objects.filter(condition, archived=False)
        .exclude(owner_id=viewer.pk)
        .select_related("owner", "exercise")
        .annotate(entry_count=Count("entries"))
        .order_by("owner__full_name", "owner_id", "-created_at", "-pk")
    )


def exercise_attempts(owner, exercise) -> QuerySet:
    """All attempts (books) of one trainee at one exercise, latest first."""
    return Book.objects.filter(owner=owner, exercise=exercise, kind=BookKind.EXERCISE).order_by("-attempt")


def entries_with_lines(*, book: Book, start: dt.date | None = None, end: dt.date | None = None) -> QuerySet:
    """The book's entries in number order, lines (with account and member) prefetched; TWO queries."""
    qs = JournalEntry.objects.filter(book=book)
    if start is not None:
        qs = qs.filter(date__gte=start)
    if end is not None:
        qs = qs.filter(date__lte=end)
    lines = JournalLine.objects.select_related("account", "member").order_by("order", "pk")
    return (
        qs.select_related("created_by", "reverses", "reversed_by")
        .prefetch_related(Prefetch("lines", queryset=lines))
        .order_by("number")
    )


def entry_totals(entry: JournalEntry) -> Decimal:
    """The debit total of an entry (= its credit total)."""
    return entry.lines.filter(side=Side.DEBIT).aggregate(
        total=Coalesce(MoneySum(F("amount")), Value(ZERO), output_field=_MONEY)
    )["total"]


def simpanan_pokok_by_member(book: Book) -> list[tuple[str, str, Decimal]]:
    """[(member number, name, balance on 3101 Simpanan Pokok)] of the members with a positive
    balance, by number; ONE query."""
    from .charts import SIMPANAN_POKOK

    rows = (
        JournalLine.objects.filter(entry__book_id=book.pk, account__code=SIMPANAN_POKOK, member__isnull=False)
        .order_by()
        .values("member__number", "member__name")
        .annotate(debit=_sum_side(Side.DEBIT), credit=_sum_side(Side.CREDIT))
    )
    paid = [(row["member__number"], row["member__name"], row["credit"] - row["debit"]) for row in rows]
    return sorted((row for row in paid if row[2] > 0), key=lambda row: row[0])


def simpanan_pokok_warnings(book: Book) -> list[str]:
    """Indonesian warnings when members' simpanan pokok differ, or differ from the book's stated
    amount (Penjelasan Pasal 41 UU No. 25/1992: one amount for every member); ONE query."""
    from django.utils.translation import gettext as _

    from lms.formatting import format_rupiah

    paid = simpanan_pokok_by_member(book)
    if not paid:
        return []
    law = _("Simpanan pokok sama besar untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992).")
    if book.simpanan_pokok:
        wrong = [(number, name, amount) for number, name, amount in paid if amount != book.simpanan_pokok]
        if not wrong:
            return []
        return [
            _("Simpanan pokok buku ini %(stated)s, tetapi tercatat berbeda untuk %(members)s.")
            % {
                "stated": format_rupiah(book.simpanan_pokok),
                "members": ", ".join(f"{n} {name} ({format_rupiah(a)})" for n, name, a in wrong),
            }
            + " "
            + law
        ]
    if len({amount for _n, _name, amount in paid}) > 1:
        return [
            _("Simpanan pokok anggota belum sama: %(members)s.")
            % {"members": ", ".join(f"{n} {name} ({format_rupiah(a)})" for n, name, a in paid)}
            + " "
            + law
        ]
    return []
