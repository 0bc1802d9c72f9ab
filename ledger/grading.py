"""The grader: compares a trainee's book with an exercise's expected answer; checks an exercise's answer.

Public interface (documented with the scoring rules in docs/ledger.md; the quiz engine reuses it):

- `grade_book(*, book, exercise=None, mode=None, reveal=False) -> GradeResult`
- `grade_shu(*, submitted, allocation, reveal=False, tolerance=0) -> GradeResult`
- `grade_entry_lines(*, expected_lines, submitted_lines, points=1, ...) -> TransactionGrade` (one
  entry typed in a quiz, no book)
- `validate_exercise(exercise) -> list[str]` (Indonesian messages; empty when the exercise is sound)

Scores are `Decimal` in [0, 1] rounded half-up to 4 places; points are `Decimal`. Feedback never
shows the expected answer unless `reveal=True`; it may name the trainee's own accounts and figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from lms.formatting import format_rupiah, parse_rupiah

from .amounts import is_blank, parse_amount
from .models import Account, EntryKind, GradingMode, JournalEntry, NormalSide, Side
from .validation import validate_exercise  # noqa: F401  (part of the grader's public interface)

ZERO = Decimal("0")
ONE = Decimal("1")
SCORE_PLACES = Decimal("0.0001")
POINT_PLACES = Decimal("0.01")
_VOUCHER_NUMBER = re.compile(r"^\D*?0*(\d+)$")


# --- Results -------------------------------------------------------------------------------


@dataclass
class ExpectedLineView:
    """One expected line, shown only when the answer is revealed."""

    account_code: str
    account_name: str
    side: str  # "D" or "C"
    amount: Decimal
    member_number: str = ""


@dataclass
class TransactionGrade:
    number: int
    points_possible: Decimal
    points_awarded: Decimal
    feedback: list[str] = field(default_factory=list)  # what is wrong or missing (or "Transaksi n benar.")
    entry_numbers: list[int] = field(default_factory=list)  # the trainee's entries matched to it
    right: list[str] = field(default_factory=list)  # the trainee's lines that are right (account, side, amount)
    expected: list[ExpectedLineView] = field(default_factory=list)  # empty unless revealed

    @property
    def is_correct(self) -> bool:
        return self.points_awarded == self.points_possible


@dataclass
class GradeItem:
    """A graded item that is not a transaction: an account balance or a member's SHU."""

    key: str
    label: str
    points_possible: Decimal
    points_awarded: Decimal
    actual: Decimal | None
    expected: Decimal | None = None  # None unless revealed
    feedback: list[str] = field(default_factory=list)

    @property
    def is_correct(self) -> bool:
        return self.points_awarded == self.points_possible


@dataclass
class GradeResult:
    mode: str
    score: Decimal  # in [0, 1]
    points_possible: Decimal
    points_awarded: Decimal
    transactions: list[TransactionGrade] = field(default_factory=list)
    items: list[GradeItem] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    unmatched_entries: list[int] = field(default_factory=list)
    revealed: bool = False
    summary: str = ""  # the score sentence (also feedback[0]); pages show the score once, then `notes`

    @property
    def notes(self) -> list[str]:
        """The overall feedback without the score sentence (which the page states once)."""
        return [message for message in self.feedback if message != self.summary]

    @property
    def percent(self) -> Decimal:
        return (self.score * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def is_perfect(self) -> bool:
        return self.points_possible > 0 and self.points_awarded == self.points_possible


def _score(awarded: Decimal, possible: Decimal) -> Decimal:
    if possible <= 0:
        return ZERO
    value = min(max(awarded / possible, ZERO), ONE)
    return value.quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)


def _side_word(side: str) -> str:
    return _("debit") if side == Side.DEBIT else _("kredit")


# --- Reading the book ----------------------------------------------------------------------


@dataclass
class _Entry:
    number: int
    date: object
    voucher: str
    kind: str
    lines: list[tuple[str, str, Decimal, str]]  # (code, side, amount, member number)

    @property
    def total(self) -> Decimal:
        return sum((amount for _c, side, amount, _m in self.lines if side == Side.DEBIT), ZERO)


def _book_entries(book) -> list[_Entry]:
    """The book's entries with lines (2 queries); reversed entries and their reversals are left out."""
    entries = (
        JournalEntry.objects.filter(book=book)
        .select_related("reversed_by")
        .prefetch_related("lines__account", "lines__member")
        .order_by("number")
    )
    cancelled: set[int] = set()
    rows = []
    for entry in entries:
        try:
            reversal = entry.reversed_by
        except JournalEntry.DoesNotExist:
            reversal = None
        if reversal is not None:
            cancelled.update({entry.pk, reversal.pk})
        rows.append(entry)
    return [
        _Entry(
            number=e.number,
            date=e.date,
            voucher=e.voucher,
            kind=e.kind,
            lines=[
                (li.account.code, li.side, li.amount, li.member.number if li.member else "") for li in e.lines.all()
            ],
        )
        for e in rows
        if e.pk not in cancelled
    ]


def voucher_number(voucher: str) -> int | None:
    """The transaction number a voucher names: "3", "03", "T3", "BKM-3", "#3" → 3; else None."""
    match = _VOUCHER_NUMBER.match((voucher or "").strip())
    return int(match.group(1)) if match else None


# --- Per-line / per-transaction grading ----------------------------------------------------


def _aggregate(lines) -> dict[tuple[str, str], Decimal]:
    """Sum lines by (account code, side): split lines of one account count as one line."""
    totals: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for code, side, amount, _member in lines:
        totals[(code, side)] += amount
    return dict(totals)


def _members_by_key(lines) -> dict[tuple[str, str], dict[str, Decimal]]:
    out: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for code, side, amount, member in lines:
        out[(code, side)][member] += amount
    return out


# Credit per expected line, in cells of a journal row (account, debit column, credit column), each a
# third: the textbook way of marking a journal entry. A line with the right account and amount on
# the wrong side fills both columns wrongly (1 cell of 3); a line with a wrong account but the right
# amount on the right side fills both columns rightly (2 of 3). Posting a transaction the wrong way
# round is the central error of double entry, so it must earn less (docs/ledger.md, "The rule").
CELLS_PER_LINE = 3


def _cells(*, same_account: bool, same_side: bool, same_amount: bool) -> int:
    """How many of the row's three cells (account, debit, credit) are right."""
    if same_side:
        # The column that should hold the amount, and the other column (rightly empty).
        columns = (1 if same_amount else 0) + 1
    else:
        columns = 0  # the amount sits in the wrong column and the right one is empty
    return int(same_account) + columns


def _grade_lines(
    *,
    number: int,
    expected_lines,
    actual_lines,
    tolerance: Decimal,
    names: dict[str, str],
    reveal: bool,
    name_accounts: bool = False,
) -> tuple[Decimal, list[str], list[str]]:
    """Credit in [0, 1] for one transaction, its feedback (what is wrong or missing) and what is right.

    The trainee's own accounts are named with their names ("1101 Kas"). With `name_accounts` (the
    exercise's review setting) the feedback also names the account that is missing or should have
    been used, with its side but not its amount; with `reveal` it gives the whole expected line.

    Lines are summed per (account, side) on both sides. Each expected group is worth 1/n, marked in
    three cells (account, debit column, credit column; see `_cells`). Submitted groups are paired
    with expected ones by account first (right side, then wrong side), then, for a wrong account,
    by side and amount, then by side alone; each submitted group answers at most one expected
    group. An unpaired submitted group costs 1/n. The result is floored at 0.
    """
    expected = _aggregate(expected_lines)
    actual = _aggregate(actual_lines)
    n = len(expected)
    feedback: list[str] = []
    right: list[str] = []
    unmatched_expected = dict(expected)

    def label(code: str) -> str:
        return f"{code} {names[code]}" if names.get(code) else code

    unmatched_actual = dict(actual)
    cells = 0

    def close(a: Decimal, b: Decimal) -> bool:
        return abs(a - b) <= tolerance

    def pairs(rule: str):
        """Pass `rule` over what is still unpaired; deterministic order."""
        for ekey in sorted(unmatched_expected):
            for akey in sorted(unmatched_actual):
                same_account = akey[0] == ekey[0]
                same_side = akey[1] == ekey[1]
                same_amount = close(unmatched_actual[akey], unmatched_expected[ekey])
                if (
                    (rule == "exact" and same_account and same_side and same_amount)
                    or (rule == "account_side" and same_account and same_side)
                    or (rule == "account" and same_account)
                    or (rule == "side_amount" and same_side and same_amount)
                    or (rule == "side" and same_side)
                ):
                    yield ekey, akey
                    break

    # Account identity first: a line posted the wrong way round is paired with its own account (and
    # earns 1 cell), not taken for a wrong account on the other side (which would earn 2).
    matches: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for rule in ("exact", "account_side", "account", "side_amount", "side"):
        for ekey, akey in list(pairs(rule)):
            if ekey in unmatched_expected and akey in unmatched_actual:
                matches.append((ekey, akey))
                del unmatched_expected[ekey]
                del unmatched_actual[akey]

    for ekey, akey in matches:
        code = ekey[0]
        same_account = akey[0] == ekey[0]
        same_side = akey[1] == ekey[1]
        same_amount = close(actual[akey], expected[ekey])
        cells += _cells(same_account=same_account, same_side=same_side, same_amount=same_amount)
        if same_account and same_side and same_amount:
            right.append(
                _("Akun %(code)s di sisi %(side)s, %(amount)s: benar.")
                % {"code": label(code), "side": _side_word(akey[1]), "amount": format_rupiah(actual[akey])}
            )
            continue
        params = {"n": number, "code": label(code), "side": _side_word(akey[1]), "actual": label(akey[0])}
        if same_account and not same_side:
            msg = _(
                "Transaksi %(n)s: akun %(code)s benar, tetapi sisi debit/kredit salah: jurnal ini mencatat "
                "kebalikan transaksinya."
            )
            if not same_amount:
                msg = _("Transaksi %(n)s: akun %(code)s benar, tetapi sisi debit/kredit dan jumlahnya salah.")
        elif same_account:
            msg = _("Transaksi %(n)s: akun %(code)s benar, tetapi jumlahnya salah.")
        elif same_amount:
            msg = _(
                "Transaksi %(n)s: sisi %(side)s dan jumlahnya benar, tetapi akun %(actual)s bukan akun yang seharusnya."
            )
        else:
            msg = _(
                "Transaksi %(n)s: akun %(actual)s di sisi %(side)s bukan akun yang seharusnya, dan jumlahnya salah."
            )
        msg = msg % params
        if not same_account and name_accounts and not reveal:
            msg += " " + _("Akun yang seharusnya: %(code)s (%(side)s).") % {
                "code": label(code),
                "side": _side_word(ekey[1]),
            }
        if reveal:
            msg += " " + _("Seharusnya %(code)s %(name)s, %(side)s %(amount)s.") % {
                "code": code,
                "name": names.get(code, ""),
                "side": _side_word(ekey[1]),
                "amount": format_rupiah(expected[ekey]),
            }
        feedback.append(msg.replace(" ,", ","))

    for ekey in sorted(unmatched_expected):
        if reveal:
            feedback.append(
                _("Transaksi %(n)s: akun %(code)s %(name)s (%(side)s %(amount)s) belum dijurnal.")
                % {
                    "n": number,
                    "code": ekey[0],
                    "name": names.get(ekey[0], ""),
                    "side": _side_word(ekey[1]),
                    "amount": format_rupiah(expected[ekey]),
                }
            )
    if unmatched_expected and not reveal and name_accounts:
        for ekey in sorted(unmatched_expected):
            feedback.append(
                _("Transaksi %(n)s: belum ada baris %(side)s untuk akun %(code)s.")
                % {"n": number, "side": _side_word(ekey[1]), "code": label(ekey[0])}
            )
    elif unmatched_expected and not reveal:
        feedback.append(
            _("Transaksi %(n)s: ada %(count)s akun yang seharusnya dijurnal tetapi belum ada.")
            % {"n": number, "count": len(unmatched_expected)}
        )
    for akey in sorted(unmatched_actual):
        feedback.append(
            _("Transaksi %(n)s: ada baris yang tidak diharapkan (akun %(code)s, %(side)s).")
            % {"n": number, "code": label(akey[0]), "side": _side_word(akey[1])}
        )
    # Each submitted line that answers nothing costs a whole line.
    cells -= CELLS_PER_LINE * len(unmatched_actual)

    # Members on member sub-ledger lines: feedback only, no points.
    if not feedback:
        exp_members = _members_by_key(expected_lines)
        act_members = _members_by_key(actual_lines)
        for key, per_member in exp_members.items():
            named = {m: a for m, a in per_member.items() if m}
            if named and {m: a for m, a in act_members.get(key, {}).items()} != named:
                feedback.append(
                    _("Transaksi %(n)s: akun %(code)s benar, tetapi pembagian per anggota belum sesuai.")
                    % {"n": number, "code": label(key[0])}
                )
    credit = Decimal(max(cells, 0)) / (CELLS_PER_LINE * n) if n else (ONE if not actual else ZERO)
    return min(credit, ONE), feedback, right


def _imbalance_feedback(number: int, lines) -> str | None:
    """'Jurnal tidak seimbang …' naming both totals and the difference, or None when it balances.

    Only readable lines count (an unreadable amount or a row with both or neither column filled
    has no side)."""
    debit = sum((amount for _c, side, amount, _m in lines if side == Side.DEBIT and amount >= 0), ZERO)
    credit = sum((amount for _c, side, amount, _m in lines if side == Side.CREDIT and amount >= 0), ZERO)
    if debit == credit:
        return None
    return _(
        "Transaksi %(n)s: jurnal tidak seimbang. Jumlah debit %(debit)s, jumlah kredit %(credit)s; selisihnya %(diff)s."
    ) % {
        "n": number,
        "debit": format_rupiah(debit),
        "credit": format_rupiah(credit),
        "diff": format_rupiah(abs(debit - credit)),
    }


def _match_entries(
    entries: list[_Entry], transactions, expected_by_tx, tolerance
) -> tuple[dict[int, list[_Entry]], list[_Entry]]:
    """Assign entries to transactions: by voucher number, else by date and amount, else by a unique date."""
    numbers = {tx.number for tx in transactions}
    assigned: dict[int, list[_Entry]] = defaultdict(list)
    leftovers = []
    for entry in entries:
        n = voucher_number(entry.voucher)
        if n in numbers:
            assigned[n].append(entry)
        else:
            leftovers.append(entry)
    unmatched = []
    for entry in leftovers:
        free = [tx for tx in transactions if tx.number not in assigned]
        expected_total = {
            tx.number: sum((a for _c, s, a, _m in expected_by_tx.get(tx.number, []) if s == Side.DEBIT), ZERO)
            for tx in free
        }
        by_amount = [
            tx
            for tx in free
            if tx.date == entry.date
            and expected_total[tx.number] > 0
            and abs(expected_total[tx.number] - entry.total) <= tolerance
        ]
        same_date = [tx for tx in free if tx.date == entry.date]
        if by_amount:
            assigned[by_amount[0].number].append(entry)
        elif len(same_date) == 1:
            assigned[same_date[0].number].append(entry)
        else:
            unmatched.append(entry)
    return assigned, unmatched


def _grade_transactions(*, book, exercise, mode: str, reveal: bool) -> GradeResult:
    tolerance = exercise.tolerance or ZERO
    transactions = sorted(exercise.transactions.all(), key=lambda tx: tx.number)
    expected_by_tx: dict[int, list] = defaultdict(list)
    for line in exercise.expected_lines.all():
        expected_by_tx[line.transaction_number].append((line.account_code, line.side, line.amount, line.member_number))
    names = dict(Account.objects.filter(chart_id=exercise.chart_id).values_list("code", "name"))
    entries = [e for e in _book_entries(book) if e.kind != EntryKind.OPENING]
    assigned, unmatched = _match_entries(entries, transactions, expected_by_tx, tolerance)

    grades = []
    for tx in transactions:
        possible = Decimal(tx.points)
        expected_lines = expected_by_tx.get(tx.number, [])
        matched = assigned.get(tx.number, [])
        actual_lines = [line for entry in matched for line in entry.lines]
        feedback: list[str] = []
        right: list[str] = []
        if not expected_lines:
            credit = ONE if not actual_lines else ZERO
            if actual_lines:
                feedback.append(_("Transaksi %(n)s tidak memerlukan jurnal.") % {"n": tx.number})
        elif not matched:
            credit = ZERO
            feedback.append(_("Transaksi %(n)s belum dicatat.") % {"n": tx.number})
        else:
            credit, feedback, right = _grade_lines(
                number=tx.number,
                expected_lines=expected_lines,
                actual_lines=actual_lines,
                tolerance=tolerance,
                names=names,
                reveal=reveal,
                name_accounts=exercise.feedback_names_accounts,
            )
        if mode == GradingMode.PER_TRANSACTION and credit < ONE:
            credit = ZERO
        if not feedback and credit == ONE:
            feedback.append(_("Transaksi %(n)s benar.") % {"n": tx.number})
        grades.append(
            TransactionGrade(
                number=tx.number,
                points_possible=possible,
                points_awarded=(possible * credit).quantize(POINT_PLACES, rounding=ROUND_HALF_UP),
                feedback=feedback,
                right=right,
                entry_numbers=[e.number for e in matched],
                expected=[
                    ExpectedLineView(code, names.get(code, ""), side, amount, member)
                    for code, side, amount, member in expected_lines
                ]
                if reveal
                else [],
            )
        )
    possible = sum((g.points_possible for g in grades), ZERO)
    awarded = sum((g.points_awarded for g in grades), ZERO)
    overall = []
    for entry in unmatched:
        overall.append(
            _("Jurnal #%(number)s tidak cocok dengan transaksi mana pun; tulis nomor transaksi di kolom nomor bukti.")
            % {"number": entry.number}
        )
    summary = _summary(awarded, possible)
    overall.insert(0, summary)
    return GradeResult(
        summary=summary,
        mode=mode,
        score=_score(awarded, possible),
        points_possible=possible,
        points_awarded=awarded,
        transactions=grades,
        feedback=overall,
        unmatched_entries=[e.number for e in unmatched],
        revealed=reveal,
    )


def _summary(awarded: Decimal, possible: Decimal) -> str:
    if possible > 0 and awarded == possible:
        return _("Semua benar. Bagus!")
    return _("Nilai %(awarded)s dari %(possible)s poin.") % {
        "awarded": _fmt_points(awarded),
        "possible": _fmt_points(possible),
    }


def _fmt_points(value: Decimal) -> str:
    text = format(value.quantize(POINT_PLACES), "f").rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _submitted_line(line) -> tuple[str, str, Decimal, str]:
    """(code, side, amount, member) of a `LineInput`-like object; unreadable parts never match."""
    code = str(getattr(line, "account_code", "") or "").strip()
    debit, credit = getattr(line, "debit", None), getattr(line, "credit", None)
    if not is_blank(debit) and is_blank(credit):
        side, raw = Side.DEBIT, debit
    elif not is_blank(credit) and is_blank(debit):
        side, raw = Side.CREDIT, credit
    else:
        side, raw = "?", None
    try:
        amount = parse_amount(raw) if raw is not None else Decimal("-1")
    except (ValueError, InvalidOperation):
        amount = Decimal("-1")
    return code, side, amount, str(getattr(line, "member_number", "") or "").strip()


def _expected_tuple(line) -> tuple[str, str, Decimal, str]:
    if isinstance(line, tuple):
        code, side, amount, *rest = line
        return str(code), side, Decimal(amount), (rest[0] or "") if rest else ""
    return line.account_code, line.side, Decimal(line.amount), getattr(line, "member_number", "") or ""


def grade_entry_lines(
    *,
    expected_lines,
    submitted_lines,
    points=ONE,
    number: int = 1,
    tolerance=ZERO,
    reveal: bool = False,
    all_or_nothing: bool = False,
    chart=None,
) -> TransactionGrade:
    """Grade one journal entry typed outside a book (a quiz question) with the per-line rules.

    `expected_lines`: `ExpectedLine`s or tuples `(code, "D"/"C", amount[, member])`; empty means
    "no entry required". `submitted_lines`: `LineInput`s (unreadable amounts or sides never match).
    `chart` (optional) names accounts in revealed feedback. Nothing is read from or written to a book.
    """
    points = Decimal(points)
    expected = [_expected_tuple(line) for line in expected_lines]
    submitted = [
        _submitted_line(line) for line in submitted_lines if str(getattr(line, "account_code", "") or "").strip()
    ]
    names = (
        dict(Account.objects.filter(chart=chart).values_list("code", "name")) if chart is not None and reveal else {}
    )
    feedback: list[str] = []
    right: list[str] = []
    if not expected:
        credit = ONE if not submitted else ZERO
        if submitted:
            feedback.append(_("Transaksi %(n)s tidak memerlukan jurnal.") % {"n": number})
    elif not submitted:
        credit = ZERO
        feedback.append(_("Transaksi %(n)s belum dicatat.") % {"n": number})
    else:
        credit, feedback, right = _grade_lines(
            number=number,
            expected_lines=expected,
            actual_lines=submitted,
            tolerance=Decimal(tolerance),
            names=names,
            reveal=reveal,
        )
    if all_or_nothing and credit < ONE:
        credit = ZERO
    imbalance = _imbalance_feedback(number, submitted) if submitted else None
    if imbalance:
        feedback.insert(0, imbalance)
    if not feedback and credit == ONE:
        feedback.append(_("Transaksi %(n)s benar.") % {"n": number})
    return TransactionGrade(
        number=number,
        points_possible=points,
        points_awarded=(points * credit).quantize(POINT_PLACES, rounding=ROUND_HALF_UP),
        feedback=feedback,
        right=right,
        expected=[ExpectedLineView(c, names.get(c, ""), sd, a, m) for c, sd, a, m in expected] if reveal else [],
    )


# --- Balances grading ----------------------------------------------------------------------


def expected_balances(exercise) -> dict[str, Decimal]:
    """{code: balance in the account's normal direction}: the exercise's expected balances, or,
    when it lists none, its opening balances plus all its expected lines."""
    listed = list(exercise.expected_balances.all())
    if listed:
        out: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for row in listed:
            out[row.account_code] += row.balance
        return dict(out)
    return _derived_balances(exercise)


def _derived_balances(exercise) -> dict[str, Decimal]:
    normal = dict(Account.objects.filter(chart_id=exercise.chart_id).values_list("code", "normal_side"))
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in exercise.opening_balances.all():
        out[row.account_code] += row.amount
    for line in exercise.expected_lines.all():
        debit_normal = normal.get(line.account_code) == NormalSide.DEBIT
        sign = 1 if (line.side == Side.DEBIT) == debit_normal else -1
        out[line.account_code] += sign * line.amount
    return dict(out)


def _movements(lines) -> dict[str, list[Decimal]]:
    """{code: [total debits, total credits]} of (code, side, amount, member) lines: the mutasi
    debit and mutasi kredit columns of a worksheet."""
    out: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for code, side, amount, _member in lines:
        out[code][0 if side == Side.DEBIT else 1] += amount
    return out


def _grade_movements(*, book, exercise, expected_lines, reveal: bool) -> GradeResult:
    """Balances mode for an exercise that lists no balances but has expected lines: each account's
    mutasi debit and mutasi kredit over the period (opening entries, and reversed entries with their
    reversals, left out), half a point each. A net balance cannot tell a line posted on the wrong
    side from one posted to a wrong account; the two columns can, and the wrong side, which spoils
    both columns of two accounts, costs more than a wrong account, which spoils one column of each.
    An account the answer does not use must show no movement (one more item)."""
    tolerance = exercise.tolerance or ZERO
    by_code = {a.code: a for a in Account.objects.filter(chart_id=book.chart_id)}
    expected = _movements((line.account_code, line.side, line.amount, "") for line in expected_lines)
    actual = _movements(
        line for entry in _book_entries(book) if entry.kind != EntryKind.OPENING for line in entry.lines
    )

    def order(code):
        return (by_code[code].order, code) if code in by_code else (10**9, code)

    items = []
    for code in sorted(set(expected) | set(actual), key=order):
        want = expected.get(code, [ZERO, ZERO])
        got = actual.get(code, [ZERO, ZERO])
        if code not in expected and got == [ZERO, ZERO]:
            continue
        name = by_code[code].name if code in by_code else ""
        awarded = ZERO
        feedback = []
        for column, word in ((0, _("debit")), (1, _("kredit"))):
            if abs(want[column] - got[column]) <= tolerance:
                awarded += Decimal("0.5")
                continue
            msg = _("Mutasi %(side)s akun %(code)s %(name)s belum benar (tercatat %(actual)s).") % {
                "side": word,
                "code": code,
                "name": name,
                "actual": format_rupiah(got[column]),
            }
            if reveal:
                msg += " " + _("Seharusnya %(amount)s.") % {"amount": format_rupiah(want[column])}
            feedback.append(msg)
        if code not in expected:
            feedback.insert(0, _("Akun %(code)s %(name)s tidak dipakai dalam jawaban.") % {"code": code, "name": name})
        items.append(
            GradeItem(
                key=code,
                label=f"{code} {name}".strip(),
                points_possible=ONE,
                points_awarded=awarded,
                actual=got[0] - got[1],
                expected=(want[0] - want[1]) if reveal else None,
                feedback=feedback,
            )
        )
    possible = sum((i.points_possible for i in items), ZERO)
    awarded = sum((i.points_awarded for i in items), ZERO)
    return GradeResult(
        mode=GradingMode.BALANCES,
        score=_score(awarded, possible),
        points_possible=possible,
        points_awarded=awarded,
        items=items,
        feedback=[_summary(awarded, possible)],
        summary=_summary(awarded, possible),
        revealed=reveal,
    )


def _grade_balances(*, book, exercise, reveal: bool) -> GradeResult:
    from .selectors import account_balances

    if not list(exercise.expected_balances.all()):
        expected_lines = list(exercise.expected_lines.all())
        if expected_lines:
            return _grade_movements(book=book, exercise=exercise, expected_lines=expected_lines, reveal=reveal)
    tolerance = exercise.tolerance or ZERO
    accounts = {a.pk: a for a in Account.objects.filter(chart_id=book.chart_id)}
    by_code = {a.code: a for a in accounts.values()}
    actual: dict[str, Decimal] = {}
    for account_id, (debit, credit) in account_balances(book=book).items():
        account = accounts[account_id]
        actual[account.code] = debit - credit if account.normal_side == NormalSide.DEBIT else credit - debit
    expected = expected_balances(exercise)
    opening: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in exercise.opening_balances.all():
        opening[row.account_code] += row.amount

    items = []
    for code in sorted(expected, key=lambda c: (by_code[c].order, c) if c in by_code else (10**9, c)):
        want, got = expected[code], actual.get(code, ZERO)
        ok = abs(want - got) <= tolerance
        name = by_code[code].name if code in by_code else ""
        feedback = []
        if not ok:
            msg = _("Saldo akun %(code)s %(name)s belum benar (tercatat %(actual)s).") % {
                "code": code,
                "name": name,
                "actual": format_rupiah(got),
            }
            if reveal:
                msg += " " + _("Seharusnya %(amount)s.") % {"amount": format_rupiah(want)}
            feedback.append(msg)
        items.append(
            GradeItem(
                key=code,
                label=f"{code} {name}".strip(),
                points_possible=ONE,
                points_awarded=ONE if ok else ZERO,
                actual=got,
                expected=want if reveal else None,
                feedback=feedback,
            )
        )
    # Accounts the answer does not list should keep their opening balance (zero when none).
    for code in sorted(set(actual) - set(expected), key=lambda c: (by_code[c].order, c)):
        if abs(actual[code] - opening.get(code, ZERO)) <= tolerance:
            continue
        name = by_code[code].name
        items.append(
            GradeItem(
                key=code,
                label=f"{code} {name}",
                points_possible=ONE,
                points_awarded=ZERO,
                actual=actual[code],
                expected=opening.get(code, ZERO) if reveal else None,
                feedback=[
                    _("Akun %(code)s %(name)s memiliki saldo yang tidak diharapkan (%(actual)s).")
                    % {"code": code, "name": name, "actual": format_rupiah(actual[code])}
                ],
            )
        )
    possible = sum((i.points_possible for i in items), ZERO)
    awarded = sum((i.points_awarded for i in items), ZERO)
    return GradeResult(
        mode=GradingMode.BALANCES,
        score=_score(awarded, possible),
        points_possible=possible,
        points_awarded=awarded,
        items=items,
        feedback=[_summary(awarded, possible)],
        summary=_summary(awarded, possible),
        revealed=reveal,
    )


def grade_book(*, book, exercise=None, mode: str | None = None, reveal: bool = False) -> GradeResult:
    """Grade `book` against `exercise` (default: the book's exercise) in `mode` (default: the exercise's).

    Modes: "per_line" (partial credit per line), "per_transaction" (a transaction scores only when
    entirely right), "balances" (net balance per account at the end of the book).
    """
    exercise = exercise or book.exercise
    if exercise is None:
        raise ValueError("grade_book needs an exercise: the book is not bound to one")
    mode = mode or exercise.grading_mode
    if mode not in GradingMode.values:
        raise ValueError(f"unknown grading mode {mode!r}")
    if mode == GradingMode.BALANCES:
        return _grade_balances(book=book, exercise=exercise, reveal=reveal)
    return _grade_transactions(book=book, exercise=exercise, mode=mode, reveal=reveal)


# --- SHU check -----------------------------------------------------------------------------


def _read_amount(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, str):
            return parse_rupiah(value)
        return Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (ValueError, InvalidOperation):
        return None


def grade_shu(*, submitted: dict, allocation, reveal: bool = False, tolerance=ZERO) -> GradeResult:
    """Grade a trainee's per-member SHU figures against `allocation` (a `ledger.shu.ShuAllocation`).

    `submitted` maps member number → the member's SHU total (jasa modal + jasa usaha), or → a dict
    {"jasa_modal": ..., "jasa_usaha": ...} to grade both parts (half a point each). Amounts may be
    Decimal or text typed the Indonesian way. One point per member.
    """
    tolerance = Decimal(tolerance)
    items = []
    known = {m.number for m in allocation.members}
    for member in allocation.members:
        value = submitted.get(member.number)
        label = f"{member.number} {member.name}"
        feedback = []
        if isinstance(value, dict):
            parts = [
                ("jasa_modal", member.jasa_modal, _("jasa modal")),
                ("jasa_usaha", member.jasa_usaha, _("jasa usaha")),
            ]
            awarded = ZERO
            actual_total = ZERO
            for key, want, word in parts:
                got = _read_amount(value.get(key))
                actual_total += got or ZERO
                if got is not None and abs(got - want) <= tolerance:
                    awarded += Decimal("0.5")
                else:
                    msg = _("Anggota %(number)s: %(part)s belum benar.") % {"number": member.number, "part": word}
                    if reveal:
                        msg += " " + _("Seharusnya %(amount)s.") % {"amount": format_rupiah(want)}
                    feedback.append(msg)
            actual = actual_total
        else:
            got = _read_amount(value)
            actual = got
            if got is None:
                awarded = ZERO
                feedback.append(_("Anggota %(number)s: SHU belum diisi.") % {"number": member.number})
            elif abs(got - member.total) <= tolerance:
                awarded = ONE
            else:
                awarded = ZERO
                msg = _("Anggota %(number)s: SHU belum benar.") % {"number": member.number}
                if reveal:
                    msg += " " + _("Seharusnya %(amount)s.") % {"amount": format_rupiah(member.total)}
                feedback.append(msg)
        items.append(
            GradeItem(
                key=member.number,
                label=label,
                points_possible=ONE,
                points_awarded=awarded,
                actual=actual,
                expected=member.total if reveal else None,
                feedback=feedback,
            )
        )
    possible = sum((i.points_possible for i in items), ZERO)
    awarded = sum((i.points_awarded for i in items), ZERO)
    overall = [_summary(awarded, possible)]
    for number in sorted(set(submitted) - known):
        overall.append(_("Anggota nomor %(number)s tidak dikenal.") % {"number": number})
    return GradeResult(
        mode="shu",
        score=_score(awarded, possible),
        points_possible=possible,
        points_awarded=awarded,
        items=items,
        feedback=overall,
        summary=overall[0],
        revealed=reveal,
    )
