"""Write operations of the ledger: books, members, posting, reversal, closing, charts (one transaction each).

Every function takes keyword-only arguments, records the acting user in the audit trail and
raises `ledger.exceptions.LedgerValidationError` (nothing written) when the input is wrong.
See docs/ledger.md for the rules and the error structure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Max, Q, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.db import retry_on_db_lock
from lms.formatting import format_rupiah, format_tanggal, rupiah_format_message
from lms.text import strip_bidi

from .amounts import MAX_AMOUNT, MAX_BOOK_TOTAL, MoneySum
from .amounts import is_blank as _is_blank
from .amounts import parse_amount as _parse_amount
from .charts import SHU_TAHUN_BERJALAN, default_chart
from .exceptions import ErrorCollector, LedgerValidationError
from .models import (
    Account,
    AccountGroup,
    AccountPeriodBalance,
    AuditAction,
    Book,
    BookKind,
    ChartTemplate,
    EntryKind,
    JournalEntry,
    JournalLine,
    LedgerAuditEvent,
    LedgerExercise,
    Member,
    MemberSubledger,
    NormalSide,
    Side,
    writing_journal,
)

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass
class LineInput:
    """One journal line as typed: an account code and EITHER a debit OR a credit amount.

    Amounts may be `Decimal`, `int` or text typed the Indonesian way (`"1.250.000"`, `"Rp 1.250.000,50"`);
    `None` or `""` means the column is empty. `member_number` names a member of the book (required on
    accounts with a member sub-ledger: simpanan 2101/3101/3102, piutang 1103; optional elsewhere, and
    on 4101 Partisipasi Bruto Anggota it says which member bought, for SHU jasa usaha).
    """

    account_code: str
    debit: Decimal | int | str | None = None
    credit: Decimal | int | str | None = None
    member_number: str | None = None
    memo: str = ""

    @classmethod
    def dr(cls, account_code: str, amount, member_number: str | None = None, memo: str = "") -> LineInput:
        return cls(account_code=account_code, debit=amount, member_number=member_number, memo=memo)

    @classmethod
    def cr(cls, account_code: str, amount, member_number: str | None = None, memo: str = "") -> LineInput:
        return cls(account_code=account_code, credit=amount, member_number=member_number, memo=memo)


@dataclass
class _ResolvedLine:
    account: Account
    side: str
    amount: Decimal
    member: Member | None
    memo: str


# --- Helpers -------------------------------------------------------------------------------


def _audit(*, book: Book, actor, action: str, entry: JournalEntry | None = None, **data) -> LedgerAuditEvent:
    return LedgerAuditEvent.objects.create(book=book, actor=actor, action=action, entry=entry, data=data)


def _lock_book(book: Book) -> Book:
    """Lock the book row for the rest of the transaction (serialises numbering per book)."""
    return Book.objects.select_for_update().get(pk=book.pk)


def _check_amount(raw, *, index: int, field: str, errors: ErrorCollector) -> Decimal | None:
    try:
        amount = _parse_amount(raw)
    except (ValueError, InvalidOperation):
        errors.add_line(index, field, rupiah_format_message())
        return None
    if amount <= 0:
        errors.add_line(index, field, _("Jumlah harus lebih dari nol."))
        return None
    if amount != amount.quantize(CENT):
        errors.add_line(index, field, _("Jumlah paling banyak memiliki dua angka desimal (sen)."))
        return None
    if amount > MAX_AMOUNT:
        errors.add_line(
            index, field, _("Jumlah terlalu besar: paling banyak %(max)s.") % {"max": format_rupiah(MAX_AMOUNT)}
        )
        return None
    return amount.quantize(CENT)


def _check_book_writable(book: Book, errors: ErrorCollector):
    if book.archived:
        errors.add(_("Buku ini sudah diarsipkan sehingga tidak dapat diubah lagi."))


def _period_text(book: Book) -> str:
    return f"{format_tanggal(book.period_start)} – {format_tanggal(book.period_end)}"


def _check_date(book: Book, value, errors: ErrorCollector, *, field: str = "date"):
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        errors.add(_("Tanggal wajib diisi."), field=field)
        return False
    if not book.contains_date(value):
        errors.add(
            _("Tanggal harus di dalam periode buku (%(period)s).") % {"period": _period_text(book)},
            field=field,
        )
        return False
    return True


def closed_through(book: Book) -> dt.date | None:
    """The latest date covered by a (not reversed) closing entry of the book, or None."""
    return (
        JournalEntry.objects.filter(book=book, kind=EntryKind.CLOSING, reversed_by__isnull=True)
        .aggregate(last=Max("date"))
        .get("last")
    )


def validate_lines(*, book: Book, lines: list[LineInput], errors: ErrorCollector) -> list[_ResolvedLine]:
    """Check lines against the book (accounts, members, amounts, balance); collect errors, touch nothing.

    Two queries at most: the accounts named (with one more for codes of other charts) and the members.
    """
    if not lines:
        errors.add(_("Jurnal belum memiliki baris; isi paling sedikit satu baris debit dan satu baris kredit."))
        return []
    if len(lines) < 2:
        errors.add(_("Jurnal harus memiliki paling sedikit dua baris: satu debit dan satu kredit."))

    codes = {str(line.account_code or "").strip() for line in lines} - {""}
    accounts = {a.code: a for a in Account.objects.filter(chart_id=book.chart_id, code__in=codes)}
    unknown = codes - set(accounts)
    foreign = set()
    if unknown:
        foreign = set(
            Account.objects.filter(code__in=unknown).exclude(chart_id=book.chart_id).values_list("code", flat=True)
        )
    numbers = {str(line.member_number).strip() for line in lines if not _is_blank(line.member_number)}
    members = {m.number: m for m in Member.objects.filter(book=book, number__in=numbers)} if numbers else {}

    resolved: list[_ResolvedLine] = []
    debit_total = credit_total = ZERO
    for index, line in enumerate(lines):
        code = str(line.account_code or "").strip()
        account = None
        if not code:
            errors.add_line(index, "account_code", _("Pilih akun."))
        elif code in foreign:
            errors.add_line(
                index, "account_code", _("Akun %(code)s bukan bagian dari bagan akun buku ini.") % {"code": code}
            )
        elif code not in accounts:
            errors.add_line(index, "account_code", _("Kode akun %(code)s tidak dikenal.") % {"code": code})
        else:
            account = accounts[code]
            if not account.is_postable:
                errors.add_line(
                    index,
                    "account_code",
                    _("Akun %(account)s adalah akun induk (header) dan tidak dapat diposting.") % {"account": account},
                )
                account = None

        has_debit, has_credit = not _is_blank(line.debit), not _is_blank(line.credit)
        side = amount = None
        if has_debit and has_credit:
            errors.add_line(index, "__all__", _("Isi debit atau kredit saja, tidak keduanya pada satu baris."))
        elif not has_debit and not has_credit:
            errors.add_line(index, "__all__", _("Isi jumlah di kolom debit atau kredit."))
        else:
            side = Side.DEBIT if has_debit else Side.CREDIT
            field = "debit" if has_debit else "credit"
            amount = _check_amount(line.debit if has_debit else line.credit, index=index, field=field, errors=errors)

        member = None
        number = "" if _is_blank(line.member_number) else str(line.member_number).strip()
        if number:
            member = members.get(number)
            if member is None:
                errors.add_line(
                    index,
                    "member_number",
                    _("Anggota nomor %(number)s tidak terdaftar di buku ini.") % {"number": number},
                )
        elif account is not None and account.member_subledger == MemberSubledger.TRANSAKSI:
            # Income from a member's transaction counts for SHU jasa usaha: a credit names the member.
            # Debits (returns, a closing entry typed by hand) may go without one.
            if side == Side.CREDIT:
                errors.add_line(
                    index,
                    "member_number",
                    _("Akun %(account)s mencatat transaksi anggota (dasar SHU jasa usaha): pilih anggotanya.")
                    % {"account": account},
                )
        elif account is not None and account.member_subledger:
            errors.add_line(
                index,
                "member_number",
                _("Akun %(account)s mencatat buku pembantu anggota: pilih anggotanya.") % {"account": account},
            )

        memo = strip_bidi(line.memo or "").strip()
        if len(memo) > 255:
            errors.add_line(index, "memo", _("Catatan paling panjang 255 karakter."))

        if amount is not None:
            if side == Side.DEBIT:
                debit_total += amount
            else:
                credit_total += amount
        if account is not None and amount is not None:
            resolved.append(_ResolvedLine(account=account, side=side, amount=amount, member=member, memo=memo))

    # Compare totals only when every amount could be read, so the message is about real figures.
    amounts_ok = not any({"debit", "credit", "__all__"} & set(e) for e in errors.errors["lines"].values())
    if amounts_ok and len(lines) >= 2 and debit_total != credit_total:
        errors.add(
            _("Jumlah debit (%(debit)s) tidak sama dengan jumlah kredit (%(credit)s); selisihnya %(diff)s.")
            % {
                "debit": format_rupiah(debit_total),
                "credit": format_rupiah(credit_total),
                "diff": format_rupiah(abs(debit_total - credit_total)),
            }
        )
    if amounts_ok and len(lines) >= 2 and debit_total == credit_total and debit_total > 0:
        if not any(line.side == Side.DEBIT for line in resolved) or not any(
            line.side == Side.CREDIT for line in resolved
        ):
            errors.add(_("Jurnal harus memiliki paling sedikit satu baris debit dan satu baris kredit."))
    return resolved


def _write_entry(
    *,
    book: Book,
    user,
    date: dt.date,
    description: str,
    voucher: str,
    kind: str,
    lines: list[_ResolvedLine],
    reverses: JournalEntry | None = None,
    client_token: str = "",
) -> JournalEntry:
    """Insert an entry and its lines; the caller holds the book lock and has validated everything
    except the book's size: its debit side may not reach MAX_BOOK_TOTAL (amounts exact on SQLite)."""
    adding = sum((line.amount for line in lines if line.side == Side.DEBIT), ZERO)
    so_far = AccountPeriodBalance.objects.filter(book=book).aggregate(total=Coalesce(MoneySum("debit"), Value(ZERO)))[
        "total"
    ]
    if so_far + adding > MAX_BOOK_TOTAL:
        errors = ErrorCollector()
        errors.add(
            _("Buku ini mencapai batas jumlah: semua debit buku paling banyak %(max)s. Mulai buku baru.")
            % {"max": format_rupiah(MAX_BOOK_TOTAL)}
        )
        errors.raise_if_any()
    last = JournalEntry.objects.filter(book=book).aggregate(last=Max("number"))["last"] or 0
    with writing_journal():
        entry, _lines = _insert_entry(
            book=book,
            number=last + 1,
            date=date,
            description=description,
            voucher=voucher,
            kind=kind,
            reverses=reverses,
            user=user,
            client_token=client_token,
            lines=lines,
        )
    _add_to_period_balances(book=book, date=date, lines=lines)
    return entry


def _insert_entry(*, book, number, date, description, voucher, kind, reverses, user, client_token, lines):
    entry = JournalEntry.objects.create(
        book=book,
        number=number,
        date=date,
        description=description,
        voucher=voucher,
        kind=kind,
        reverses=reverses,
        created_by=user,
        client_token=client_token,
    )
    created = JournalLine.objects.bulk_create(
        [
            JournalLine(
                entry=entry,
                account=line.account,
                side=line.side,
                amount=line.amount,
                member=line.member,
                memo=line.memo,
                order=order,
            )
            for order, line in enumerate(lines)
        ]
    )
    return entry, created


def _add_to_period_balances(*, book: Book, date: dt.date, lines) -> None:
    """Add an entry's lines to its month's per-account totals: one read, one upsert. The caller
    holds the book lock, so no other post to this book can interleave."""
    month = date.replace(day=1)
    totals: dict[int, list[Decimal]] = {}
    for line in lines:
        debit_credit = totals.setdefault(line.account.pk, [ZERO, ZERO])
        debit_credit[0 if line.side == Side.DEBIT else 1] += line.amount
    existing = AccountPeriodBalance.objects.filter(book=book, month=month, account_id__in=list(totals)).values_list(
        "account_id", "debit", "credit"
    )
    for account_id, debit, credit in existing:
        totals[account_id][0] += debit
        totals[account_id][1] += credit
    AccountPeriodBalance.objects.bulk_create(
        [
            AccountPeriodBalance(book=book, account_id=account_id, month=month, debit=debit, credit=credit)
            for account_id, (debit, credit) in totals.items()
        ],
        update_conflicts=True,
        unique_fields=["book", "account", "month"],
        update_fields=["debit", "credit"],
    )


@transaction.atomic
def rebuild_period_balances(*, book: Book) -> int:
    """Recompute a book's per-month totals from its lines (after a bulk load; idempotent)."""
    _lock_book(book)
    AccountPeriodBalance.objects.filter(book=book).delete()
    rows = (
        JournalLine.objects.filter(entry__book_id=book.pk)
        .annotate(month=TruncMonth("entry__date"))
        .values("account_id", "month")
        .annotate(
            debit=Coalesce(MoneySum("amount", filter=Q(side=Side.DEBIT)), Value(Decimal("0.00"))),
            credit=Coalesce(MoneySum("amount", filter=Q(side=Side.CREDIT)), Value(Decimal("0.00"))),
        )
        .order_by()
    )
    created = AccountPeriodBalance.objects.bulk_create(
        [AccountPeriodBalance(book=book, **row) for row in rows], batch_size=1000
    )
    return len(created)


def _default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    today = today or timezone.localdate()
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)


# --- Charts --------------------------------------------------------------------------------


@transaction.atomic
def copy_chart(*, chart: ChartTemplate, name: str, user) -> ChartTemplate:
    """Copy a chart (all accounts, parents and sub-ledger settings) under a new name for adapting."""
    name = (name or "").strip()
    if not name:
        raise LedgerValidationError({"name": [_("Nama bagan akun wajib diisi.")]})
    base = slugify(name)[:140] or "bagan"
    slug, n = base, 1
    while ChartTemplate.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    copy = ChartTemplate.objects.create(
        name=name, slug=slug, description=chart.description, is_default=False, created_by=user
    )
    originals = list(chart.accounts.order_by("order", "code"))
    clones = Account.objects.bulk_create(
        [
            Account(
                chart=copy,
                code=a.code,
                name=a.name,
                group=a.group,
                normal_side=a.normal_side,
                is_postable=a.is_postable,
                member_subledger=a.member_subledger,
                order=a.order,
            )
            for a in originals
        ]
    )
    by_old_id = {a.pk: c for a, c in zip(originals, clones, strict=True)}
    with_parent = []
    for original, clone in zip(originals, clones, strict=True):
        if original.parent_id:
            clone.parent = by_old_id[original.parent_id]
            with_parent.append(clone)
    if with_parent:
        if any(c.pk is None for c in with_parent):  # backends without RETURNING ids
            ids = dict(Account.objects.filter(chart=copy).values_list("code", "pk"))
            for clone in clones:
                clone.pk = ids[clone.code]
        Account.objects.bulk_update(with_parent, ["parent"])
    return copy


# --- Books and members ---------------------------------------------------------------------


@retry_on_db_lock
@transaction.atomic
def create_practice_book(
    *,
    owner,
    title: str | None = None,
    chart: ChartTemplate | None = None,
    cooperative_name: str | None = None,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    simpanan_pokok: Decimal | None = None,
) -> Book:
    """A free practice book ("buku latihan") on the default chart for the current calendar year.

    `simpanan_pokok` states the one amount every member pays (the book warns when members differ)."""
    chart = chart or default_chart()
    default_start, default_end = _default_period()
    period_start, period_end = period_start or default_start, period_end or default_end
    errors = ErrorCollector()
    if period_end < period_start:
        errors.add(_("Akhir periode tidak boleh sebelum awal periode."), field="period_end")
    title = (title or "").strip()
    if len(title) > 200:
        errors.add(_("Judul paling panjang 200 karakter."), field="title")
    if simpanan_pokok is not None:
        try:
            simpanan_pokok = _parse_amount(simpanan_pokok)
        except (ValueError, InvalidOperation):
            simpanan_pokok = None
            errors.add(rupiah_format_message(), field="simpanan_pokok")
        else:
            if simpanan_pokok <= 0 or simpanan_pokok != simpanan_pokok.quantize(CENT) or simpanan_pokok > MAX_AMOUNT:
                errors.add(
                    _("Simpanan pokok harus lebih dari nol, paling banyak dua angka desimal."), field="simpanan_pokok"
                )
    errors.raise_if_any()
    if not title:
        count = Book.objects.filter(owner=owner, kind=BookKind.PRACTICE).count()
        title = _("Buku latihan %(number)s") % {"number": count + 1}
    book = Book.objects.create(
        owner=owner,
        title=title,
        kind=BookKind.PRACTICE,
        chart=chart,
        period_start=period_start,
        period_end=period_end,
        cooperative_name=strip_bidi(cooperative_name or "").strip() or _("Koperasi Latihan"),
        simpanan_pokok=simpanan_pokok,
    )
    _audit(book=book, actor=owner, action=AuditAction.BOOK_CREATED, kind=book.kind)
    return book


@retry_on_db_lock
@transaction.atomic
def create_venture_book(
    *,
    owner,
    title: str,
    cooperative_name: str,
    period_start: dt.date,
    period_end: dt.date,
    chart: ChartTemplate | None = None,
) -> Book:
    """A business's real books ("buku usaha"), on the same engine and chart as the practice books.

    `owner` is the person who opened it; who else may read or write is decided by the app that
    registers a book-access function in `ledger.access` (the incubator: the venture's contacts)."""
    if period_end < period_start:
        raise LedgerValidationError({"period_end": [_("Akhir periode tidak boleh sebelum awal periode.")]})
    book = Book.objects.create(
        owner=owner,
        title=title.strip()[:200],
        kind=BookKind.VENTURE,
        chart=chart or default_chart(),
        period_start=period_start,
        period_end=period_end,
        cooperative_name=cooperative_name.strip()[:200],
    )
    _audit(book=book, actor=owner, action=AuditAction.BOOK_CREATED, kind=book.kind)
    return book


@transaction.atomic
def add_member(*, book: Book, user, number: str, name: str) -> Member:
    """Register a member of the book's simulated cooperative (numbers unique per book)."""
    book = _lock_book(book)
    errors = ErrorCollector()
    _check_book_writable(book, errors)
    number, name = strip_bidi(number or "").strip(), strip_bidi(name or "").strip()
    if not number:
        errors.add(_("Nomor anggota wajib diisi."), field="number")
    elif len(number) > 20:
        errors.add(_("Nomor anggota paling panjang 20 karakter."), field="number")
    elif Member.objects.filter(book=book, number=number).exists():
        errors.add(_("Nomor anggota %(number)s sudah dipakai di buku ini.") % {"number": number}, field="number")
    if not name:
        errors.add(_("Nama anggota wajib diisi."), field="name")
    elif len(name) > 150:
        errors.add(_("Nama anggota paling panjang 150 karakter."), field="name")
    errors.raise_if_any()
    try:
        with transaction.atomic():
            member = Member.objects.create(book=book, number=number, name=name)
    except IntegrityError as exc:  # a concurrent double submit
        raise LedgerValidationError(
            {"number": [_("Nomor anggota %(number)s sudah dipakai di buku ini.") % {"number": number}]}
        ) from exc
    _audit(book=book, actor=user, action=AuditAction.MEMBER_ADDED, number=number, name=name)
    return member


def _opening_lines(*, book: Book, exercise: LedgerExercise, members: dict[str, Member]) -> list[_ResolvedLine]:
    accounts = {a.code: a for a in Account.objects.filter(chart_id=book.chart_id)}
    lines = []
    errors = ErrorCollector()
    for index, ob in enumerate(exercise.opening_balances.all()):
        account = accounts.get(ob.account_code)
        if account is None or not account.is_postable:
            errors.add(_("Saldo awal memakai akun %(code)s yang tidak dapat diposting.") % {"code": ob.account_code})
            continue
        if ob.amount == 0:
            continue
        normal = Side.DEBIT if account.normal_side == NormalSide.DEBIT else Side.CREDIT
        side = normal if ob.amount > 0 else (Side.CREDIT if normal == Side.DEBIT else Side.DEBIT)
        member = members.get(ob.member_number) if ob.member_number else None
        if ob.member_number and member is None:
            errors.add(_("Saldo awal baris %(n)s memakai anggota yang tidak terdaftar.") % {"n": index + 1})
        lines.append(_ResolvedLine(account=account, side=side, amount=abs(ob.amount), member=member, memo=""))
    debit = sum((line.amount for line in lines if line.side == Side.DEBIT), ZERO)
    credit = sum((line.amount for line in lines if line.side == Side.CREDIT), ZERO)
    if debit != credit:
        errors.add(
            _("Saldo awal latihan tidak seimbang: debit %(debit)s, kredit %(credit)s.")
            % {"debit": format_rupiah(debit), "credit": format_rupiah(credit)}
        )
    errors.raise_if_any()
    return lines


def _new_exercise_book(*, owner, exercise: LedgerExercise, attempt: int, previous: Book | None) -> Book:
    book = Book.objects.create(
        owner=owner,
        title=exercise.title,
        kind=BookKind.EXERCISE,
        chart=exercise.chart,
        exercise=exercise,
        attempt=attempt,
        previous=previous,
        period_start=exercise.period_start,
        period_end=exercise.period_end,
        cooperative_name=exercise.cooperative_name,
        simpanan_pokok=exercise.simpanan_pokok,
    )
    created = Member.objects.bulk_create(
        [Member(book=book, number=m.number, name=m.name) for m in exercise.members.all()]
    )
    members = {m.number: m for m in created}
    if any(m.pk is None for m in created):
        members = {m.number: m for m in Member.objects.filter(book=book)}
    lines = _opening_lines(book=book, exercise=exercise, members=members)
    entry = None
    if lines:
        entry = _write_entry(
            book=book,
            user=owner,
            date=exercise.period_start,
            description=_("Saldo awal"),
            voucher="",
            kind=EntryKind.OPENING,
            lines=lines,
        )
    _audit(book=book, actor=owner, action=AuditAction.BOOK_CREATED, entry=entry, kind=book.kind, attempt=attempt)
    return book


@retry_on_db_lock
@transaction.atomic
def start_exercise_book(*, owner, exercise: LedgerExercise) -> Book:
    """The trainee's active book for this exercise: the existing one, or a new attempt.

    A new book copies the exercise's members and posts one "opening" entry (kind `opening`, dated
    the first day of the period) from its opening balances. Calling it twice (a double submit)
    returns the same book: one active attempt per trainee and exercise (a database constraint).
    """
    existing = Book.objects.filter(owner=owner, exercise=exercise, archived=False).first()
    if existing is not None:
        return existing
    attempt = (Book.objects.filter(owner=owner, exercise=exercise).aggregate(n=Max("attempt"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            return _new_exercise_book(owner=owner, exercise=exercise, attempt=attempt, previous=None)
    except IntegrityError:
        existing = Book.objects.filter(owner=owner, exercise=exercise, archived=False).first()
        if existing is None:
            raise
        return existing


@retry_on_db_lock
@transaction.atomic
def reset_exercise_book(*, book: Book, user) -> Book:
    """Start the exercise again: archive this attempt (kept, read-only) and return a fresh book.

    Posted entries are immutable, so nothing is deleted: the old book stays as the record of the
    attempt (`archived=True`), the new one points to it through `previous` and has `attempt + 1`.
    """
    book = _lock_book(book)
    errors = ErrorCollector()
    if book.kind != BookKind.EXERCISE or book.exercise_id is None:
        errors.add(_("Hanya buku latihan soal yang dapat diulang dari awal."))
    _check_book_writable(book, errors)
    errors.raise_if_any()
    book.archived = True
    book.archived_at = timezone.now()
    book.save(update_fields=["archived", "archived_at"])
    _audit(book=book, actor=user, action=AuditAction.BOOK_RESET)
    fresh = _new_exercise_book(owner=book.owner, exercise=book.exercise, attempt=book.attempt + 1, previous=book)
    return fresh


@retry_on_db_lock
@transaction.atomic
def archive_book(*, book: Book, user) -> Book:
    """Archive a book: it stays readable, nothing more can be posted in it."""
    book = _lock_book(book)
    if not book.archived:
        book.archived = True
        book.archived_at = timezone.now()
        book.save(update_fields=["archived", "archived_at"])
        _audit(book=book, actor=user, action=AuditAction.BOOK_ARCHIVED)
    return book


# --- Posting -------------------------------------------------------------------------------


@retry_on_db_lock
@transaction.atomic
def post_journal_entry(
    *,
    book: Book,
    user,
    date: dt.date,
    description: str,
    voucher: str = "",
    lines: list[LineInput],
    client_token: str = "",
) -> JournalEntry:
    """Validate and post one journal entry; numbered per book; audited. Nothing is written on error.

    `client_token` (optional, ≤ 64 chars, e.g. the form's one-time nonce) makes a double submit
    count once: when this book already has an entry with that token, that entry is returned as is.
    """
    book = _lock_book(book)
    client_token = strip_bidi(client_token or "").strip()[:64]
    if client_token:
        existing = JournalEntry.objects.filter(book=book, client_token=client_token).first()
        if existing is not None:
            return existing
    errors = ErrorCollector()
    _check_book_writable(book, errors)
    if _check_date(book, date, errors):
        closed = closed_through(book)
        if closed is not None and date <= closed:
            errors.add(
                _("Periode sudah ditutup sampai %(date)s; pilih tanggal sesudahnya atau balik jurnal penutupnya.")
                % {"date": format_tanggal(closed)},
                field="date",
            )
    description = strip_bidi(description or "").strip()
    if not description:
        errors.add(_("Keterangan wajib diisi."), field="description")
    elif len(description) > 255:
        errors.add(_("Keterangan paling panjang 255 karakter."), field="description")
    voucher = (voucher or "").strip()
    if len(voucher) > 30:
        errors.add(_("Nomor bukti paling panjang 30 karakter."), field="voucher")
    resolved = validate_lines(book=book, lines=list(lines or []), errors=errors)
    errors.raise_if_any()
    entry = _write_entry(
        book=book,
        user=user,
        date=date,
        description=description,
        voucher=voucher,
        kind=EntryKind.NORMAL,
        lines=resolved,
        client_token=client_token,
    )
    _audit(book=book, actor=user, action=AuditAction.ENTRY_POSTED, entry=entry, number=entry.number)
    return entry


@retry_on_db_lock
@transaction.atomic
def reverse_journal_entry(*, entry: JournalEntry, user, date: dt.date | None = None, reason: str) -> JournalEntry:
    """Post the mirror image of `entry` (same accounts, members, amounts; sides swapped), linked to it.

    An entry is reversed at most once; reversals and opening entries cannot be reversed. The
    reversal keeps the original's voucher, so the grader sees both cancel out. `date` defaults to
    the original's date and may not be before it.
    """
    book = _lock_book(entry.book)
    entry = JournalEntry.objects.select_related("book").get(pk=entry.pk)
    errors = ErrorCollector()
    _check_book_writable(book, errors)
    reason = (reason or "").strip()
    if not reason:
        errors.add(_("Tuliskan alasan pembalikan."), field="reason")
    elif len(reason) > 200:
        errors.add(_("Alasan paling panjang 200 karakter."), field="reason")
    if entry.kind == EntryKind.REVERSAL:
        errors.add(_("Jurnal pembalik tidak dapat dibalik lagi; catat jurnal yang benar sebagai jurnal baru."))
    elif entry.kind == EntryKind.OPENING:
        errors.add(_("Jurnal saldo awal tidak dapat dibalik; ulangi latihan bila saldo awal perlu dikembalikan."))
    if JournalEntry.objects.filter(reverses=entry).exists():
        errors.add(_("Jurnal #%(number)s sudah pernah dibalik.") % {"number": entry.number})
    date = date or entry.date
    if _check_date(book, date, errors):
        if date < entry.date:
            errors.add(_("Tanggal pembalikan tidak boleh sebelum tanggal jurnal yang dibalik."), field="date")
        closed = closed_through(book)
        if entry.kind != EntryKind.CLOSING and closed is not None and date <= closed:
            errors.add(
                _("Periode sudah ditutup sampai %(date)s; pilih tanggal sesudahnya.")
                % {"date": format_tanggal(closed)},
                field="date",
            )
    errors.raise_if_any()
    mirrored = [
        _ResolvedLine(
            account=line.account,
            side=Side.CREDIT if line.side == Side.DEBIT else Side.DEBIT,
            amount=line.amount,
            member=line.member,
            memo=line.memo,
        )
        for line in entry.lines.select_related("account", "member").order_by("order", "pk")
    ]
    reversal = _write_entry(
        book=book,
        user=user,
        date=date,
        description=(_("Pembalikan jurnal #%(number)s: %(reason)s") % {"number": entry.number, "reason": reason})[:255],
        voucher=entry.voucher,
        kind=EntryKind.REVERSAL,
        lines=mirrored,
        reverses=entry,
    )
    _audit(
        book=book,
        actor=user,
        action=AuditAction.ENTRY_REVERSED,
        entry=reversal,
        reversed_number=entry.number,
        number=reversal.number,
        reason=reason,
    )
    return reversal


def closing_lines(*, book: Book, date: dt.date) -> list[_ResolvedLine]:
    """The lines that close every revenue and expense balance (as of `date`) into 3106 SHU Tahun Berjalan.

    Empty when there is nothing to close. Used by `close_period` and by the closing-entries preview.
    """
    from .selectors import account_balances

    accounts = {
        a.pk: a
        for a in Account.objects.filter(
            chart_id=book.chart_id, group__in=[AccountGroup.PENDAPATAN, AccountGroup.BEBAN], is_postable=True
        )
    }
    balances = account_balances(book=book, end=date, account_ids=list(accounts))
    lines: list[_ResolvedLine] = []
    net_credit = ZERO  # revenue minus expenses: positive = SHU (profit)
    for account in sorted(accounts.values(), key=lambda a: (a.order, a.code)):
        debit, credit = balances.get(account.pk, (ZERO, ZERO))
        net = credit - debit
        if net == 0:
            continue
        side = Side.DEBIT if net > 0 else Side.CREDIT
        lines.append(_ResolvedLine(account=account, side=side, amount=abs(net), member=None, memo=""))
        net_credit += net
    if not lines:
        return []
    shu_account = Account.objects.filter(chart_id=book.chart_id, code=SHU_TAHUN_BERJALAN).first()
    if shu_account is None:
        raise LedgerValidationError(
            message=_("Bagan akun buku ini tidak memiliki akun %(code)s SHU Tahun Berjalan.")
            % {"code": SHU_TAHUN_BERJALAN}
        )
    if net_credit != 0:
        lines.append(
            _ResolvedLine(
                account=shu_account,
                side=Side.CREDIT if net_credit > 0 else Side.DEBIT,
                amount=abs(net_credit),
                member=None,
                memo="",
            )
        )
    return lines


@retry_on_db_lock
@transaction.atomic
def close_period(*, book: Book, user, date: dt.date) -> JournalEntry:
    """Post the closing entry: every revenue and expense balance up to `date` goes to 3106 SHU Tahun Berjalan.

    Afterwards revenue and expense accounts are zero as of `date`, and entries dated on or before
    `date` are refused until the closing entry is reversed.
    """
    book = _lock_book(book)
    errors = ErrorCollector()
    _check_book_writable(book, errors)
    _check_date(book, date, errors)
    errors.raise_if_any()
    closed = closed_through(book)
    if closed is not None and date < closed:
        raise LedgerValidationError(
            {"date": [_("Periode sudah ditutup sampai %(date)s.") % {"date": format_tanggal(closed)}]}
        )
    lines = closing_lines(book=book, date=date)
    if not lines:
        raise LedgerValidationError(message=_("Tidak ada saldo pendapatan atau beban yang perlu ditutup."))
    entry = _write_entry(
        book=book,
        user=user,
        date=date,
        description=_("Jurnal penutup: pendapatan dan beban ke SHU Tahun Berjalan"),
        voucher="",
        kind=EntryKind.CLOSING,
        lines=lines,
    )
    _audit(
        book=book, actor=user, action=AuditAction.PERIOD_CLOSED, entry=entry, number=entry.number, date=date.isoformat()
    )
    return entry
