"""Posting services: accepted entries, every bad input rejected with its message, book unchanged."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger.exceptions import LedgerValidationError
from ledger.models import (
    Account,
    AuditAction,
    Book,
    BookKind,
    ChartTemplate,
    EntryKind,
    ExerciseMember,
    ExerciseOpeningBalance,
    JournalEntry,
    JournalLine,
    LedgerAuditEvent,
    LedgerExercise,
)
from ledger.services import (
    LineInput,
    add_member,
    archive_book,
    close_period,
    copy_chart,
    create_practice_book,
    post_journal_entry,
    reset_exercise_book,
    reverse_journal_entry,
    start_exercise_book,
)

D = Decimal
dr, cr = LineInput.dr, LineInput.cr


def snapshot(book):
    return (
        JournalEntry.objects.filter(book=book).count(),
        JournalLine.objects.filter(entry__book=book).count(),
        LedgerAuditEvent.objects.filter(book=book).count(),
    )


def rejected(book, post, lines, **kwargs) -> LedgerValidationError:
    before = snapshot(book)
    with pytest.raises(LedgerValidationError) as info:
        post(book, lines, **kwargs)
    assert snapshot(book) == before
    return info.value


def test_post_balanced_entry(book, post, trainee):
    entry = post(book, [dr("1101", "1.250.000"), cr("3101", D("1250000"), "A001")], voucher="BKM-01")
    assert entry.number == 1 and entry.kind == EntryKind.NORMAL and entry.voucher == "BKM-01"
    assert entry.created_by == trainee
    lines = list(entry.lines.order_by("order"))
    assert [(line.account.code, line.side, line.amount) for line in lines] == [
        ("1101", "D", D("1250000.00")),
        ("3101", "C", D("1250000.00")),
    ]
    assert lines[1].member.number == "A001"
    second = post(book, [dr("1101", 5), cr("3102", 5, "A002")])
    assert second.number == 2
    event = LedgerAuditEvent.objects.get(entry=entry)
    assert event.action == AuditAction.ENTRY_POSTED and event.actor == trainee


def test_numbering_is_per_book(book, post, trainee, chart):
    # Of the same year as `book` (2026), whatever year the suite runs in: post() dates its entries in 2026.
    other = create_practice_book(owner=trainee, chart=chart, period_start=book.period_start, period_end=book.period_end)
    add_member(book=other, user=trainee, number="A001", name="X")
    post(book, [dr("1101", 1), cr("3103", 1)])
    post(book, [dr("1101", 1), cr("3103", 1)])
    entry = post(other, [dr("1101", 1), cr("3103", 1)])
    assert entry.number == 1


def test_unbalanced_entry_names_both_totals(book, post):
    error = rejected(book, post, [dr("1101", "1.250.000"), cr("3103", "1.000.000")])
    [message] = error.errors["__all__"]
    assert "Rp 1.250.000" in message and "Rp 1.000.000" in message and "Rp 250.000" in message
    assert error.errors["lines"] == {}


@pytest.mark.parametrize("lines", [[], [LineInput("1101", debit=5)]])
def test_no_lines_or_one_line(book, post, lines):
    error = rejected(book, post, lines)
    assert "baris" in error.errors["__all__"][0]


def test_both_sides_and_neither_side(book, post):
    error = rejected(book, post, [LineInput("1101", debit=5, credit=5), LineInput("3103"), cr("3103", 5)])
    assert "tidak keduanya" in error.errors["lines"][0]["__all__"][0]
    assert "debit atau kredit" in error.errors["lines"][1]["__all__"][0]
    assert 2 not in error.errors["lines"]


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [
        (0, "lebih dari nol"),
        ("0", "lebih dari nol"),
        (D("-5"), "lebih dari nol"),
        ("-5", "lebih dari nol"),
        (D("1.005"), "dua angka desimal"),
        ("1,005", "tidak dapat dibaca"),
        ("1.2.3", "tidak dapat dibaca"),
        ("2.50", "tidak dapat dibaca"),
        ("１２３", "tidak dapat dibaca"),
        (D("1000000000000000.01"), "terlalu besar"),
        (D("1E+16"), "terlalu besar"),
        ("sejuta", "tidak dapat dibaca"),
        ("12a", "tidak dapat dibaca"),
        (D("NaN"), "tidak dapat dibaca"),
        (D("Infinity"), "tidak dapat dibaca"),
    ],
)
def test_bad_amounts_are_refused_on_their_line(book, post, amount, fragment):
    error = rejected(book, post, [dr("1101", amount), cr("3103", 5)])
    assert fragment in error.errors["lines"][0]["debit"][0]
    # The totals are not compared while an amount is unreadable.
    assert error.errors["__all__"] == []


def test_largest_amount_is_accepted(book, post):
    big = D(10) ** 12  # ledger.amounts.MAX_AMOUNT (exact on SQLite: tests/ledger/test_money_limits.py)
    entry = post(book, [dr("1101", big), cr("3103", big)])
    assert entry.lines.first().amount == big


def test_three_decimal_zero_is_fine(book, post):
    entry = post(book, [dr("1101", D("1.250")), cr("3103", "1,25")])
    assert [line.amount for line in entry.lines.all()] == [D("1.25"), D("1.25")]


def test_unknown_header_and_foreign_accounts(book, post, trainee):
    foreign = ChartTemplate.objects.create(name="Bagan lain", slug="bagan-lain-x")
    Account.objects.create(chart=foreign, code="6101", name="Akun asing", group="beban", normal_side="debit")
    error = rejected(book, post, [dr("9999", 5), dr("1000", 5), dr("6101", 5), LineInput("", debit=5), cr("3103", 20)])
    lines = error.errors["lines"]
    assert "tidak dikenal" in lines[0]["account_code"][0]
    assert "akun induk" in lines[1]["account_code"][0]
    assert "bukan bagian dari bagan akun buku ini" in lines[2]["account_code"][0]
    assert "Pilih akun" in lines[3]["account_code"][0]


def test_member_subledger_requires_a_known_member(book, post, trainee):
    error = rejected(book, post, [dr("1103", 5), cr("1101", 5, "Z999")])
    assert "pilih anggotanya" in error.errors["lines"][0]["member_number"][0]
    assert "tidak terdaftar" in error.errors["lines"][1]["member_number"][0]
    # A member from another book is unknown here.
    other = create_practice_book(owner=trainee)
    add_member(book=other, user=trainee, number="B001", name="Orang lain")
    error = rejected(book, post, [dr("1101", 5), cr("3101", 5, "B001")])
    assert "tidak terdaftar" in error.errors["lines"][1]["member_number"][0]


def test_member_on_a_sale_line_is_allowed(book, post):
    entry = post(book, [dr("1101", 100), cr("4101", 100, "A003")])
    assert entry.lines.get(account__code="4101").member.number == "A003"


@pytest.mark.parametrize("date", [dt.date(2025, 12, 31), dt.date(2027, 1, 1)])
def test_date_outside_period(book, post, date):
    error = rejected(book, post, [dr("1101", 5), cr("3103", 5)], date=date)
    assert "periode buku" in error.errors["date"][0]
    assert "1 Januari 2026" in error.errors["date"][0]


def test_description_required_and_lengths(book, post):
    error = rejected(book, post, [dr("1101", 5), cr("3103", 5)], description="  ", voucher="x" * 31)
    assert "wajib" in error.errors["description"][0]
    assert "30" in error.errors["voucher"][0]


def test_archived_book_refuses_everything(book, post, trainee):
    entry = post(book, [dr("1101", 5), cr("3103", 5)])
    archive_book(book=book, user=trainee)
    error = rejected(book, post, [dr("1101", 5), cr("3103", 5)])
    assert "diarsipkan" in error.errors["__all__"][0]
    with pytest.raises(LedgerValidationError):
        reverse_journal_entry(entry=entry, user=trainee, reason="salah")
    with pytest.raises(LedgerValidationError):
        add_member(book=book, user=trainee, number="A009", name="Baru")


def test_several_errors_at_once_are_all_reported(book, post):
    error = rejected(book, post, [dr("9999", "abc"), cr("3101", 0)], date=dt.date(2030, 1, 1), description="")
    assert set(error.errors) >= {"date", "description", "__all__", "lines"}
    assert set(error.errors["lines"][0]) == {"account_code", "debit"}
    assert set(error.errors["lines"][1]) == {"credit", "member_number"}
    assert len(error.messages) == 6
    assert "Baris 1" in str(error)


def test_reversal_is_linked_mirrored_and_once_only(book, post, trainee):
    entry = post(book, [dr("1103", 300, "A001"), cr("1101", 300)], voucher="7", date=dt.date(2026, 3, 1))
    reversal = reverse_journal_entry(entry=entry, user=trainee, reason="salah akun")
    assert reversal.kind == EntryKind.REVERSAL and reversal.reverses == entry and reversal.voucher == "7"
    assert reversal.date == entry.date and reversal.number == 2
    assert "salah akun" in reversal.description
    assert sorted(
        (line.account.code, line.side, line.amount, line.member_id) for line in reversal.lines.all()
    ) == sorted(
        (line.account.code, "C" if line.side == "D" else "D", line.amount, line.member_id) for line in entry.lines.all()
    )
    entry.refresh_from_db()
    assert entry.is_reversed
    with pytest.raises(LedgerValidationError) as info:
        reverse_journal_entry(entry=entry, user=trainee, reason="lagi")
    assert "sudah pernah dibalik" in info.value.messages[0]
    with pytest.raises(LedgerValidationError) as info:
        reverse_journal_entry(entry=reversal, user=trainee, reason="balik balik")
    assert "tidak dapat dibalik lagi" in info.value.messages[0]
    assert LedgerAuditEvent.objects.filter(action=AuditAction.ENTRY_REVERSED, entry=reversal).exists()


def test_reversal_needs_reason_and_valid_date(book, post, trainee):
    entry = post(book, [dr("1101", 5), cr("3103", 5)], date=dt.date(2026, 3, 1))
    with pytest.raises(LedgerValidationError) as info:
        reverse_journal_entry(entry=entry, user=trainee, reason=" ", date=dt.date(2026, 2, 1))
    assert "alasan" in info.value.errors["reason"][0]
    assert "sebelum" in info.value.errors["date"][0]
    assert JournalEntry.objects.filter(book=book).count() == 1


def test_close_period_moves_revenue_and_expense_to_shu(book, post, trainee):
    post(book, [dr("1101", 1_000_000), cr("3103", 1_000_000)])
    post(book, [dr("1101", 500_000), cr("4101", 500_000, "A001")])
    post(book, [dr("1101", 200_000), cr("4102", 200_000)])
    post(book, [dr("5102", 300_000), cr("1101", 300_000)])
    closing = close_period(book=book, user=trainee, date=dt.date(2026, 12, 31))
    assert closing.kind == EntryKind.CLOSING
    got = sorted((line.account.code, line.side, line.amount) for line in closing.lines.all())
    assert got == [
        ("3106", "C", D("400000.00")),
        ("4101", "D", D("500000.00")),
        ("4102", "D", D("200000.00")),
        ("5102", "C", D("300000.00")),
    ]
    with pytest.raises(LedgerValidationError) as info:
        close_period(book=book, user=trainee, date=dt.date(2026, 12, 31))
    assert "Tidak ada saldo" in info.value.messages[0]
    # The closed period refuses new entries until the closing entry is reversed.
    error = rejected(book, post, [dr("1101", 5), cr("4104", 5)], date=dt.date(2026, 6, 1))
    assert "sudah ditutup" in error.errors["date"][0]
    reverse_journal_entry(entry=closing, user=trainee, reason="buka lagi")
    post(book, [dr("1101", 5), cr("4104", 5)], date=dt.date(2026, 6, 1))


def test_close_period_with_a_loss_debits_shu(book, post, trainee):
    post(book, [dr("5103", 700), cr("1101", 700)])
    post(book, [dr("1101", 200), cr("4104", 200)])
    closing = close_period(book=book, user=trainee, date=dt.date(2026, 12, 31))
    assert closing.lines.get(account__code="3106").side == "D"
    assert closing.lines.get(account__code="3106").amount == D("500.00")


def test_a_new_practice_book_takes_the_wib_year(trainee, clock_at):
    """00.30 WIB on 1 January 2027 is still 2026 in UTC: the new book is for 2027."""
    clock_at(dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC))
    book = create_practice_book(owner=trainee)
    assert (book.period_start, book.period_end) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_create_practice_book_defaults(trainee):
    book = create_practice_book(owner=trainee)
    assert book.kind == BookKind.PRACTICE and book.chart.is_default and book.owner == trainee
    assert book.period_start.month == 1 and book.period_end.month == 12
    assert book.title == "Buku latihan 1"
    assert create_practice_book(owner=trainee).title == "Buku latihan 2"
    assert LedgerAuditEvent.objects.filter(book=book, action=AuditAction.BOOK_CREATED).count() == 1


def test_add_member_rejects_duplicates(book, trainee):
    with pytest.raises(LedgerValidationError) as info:
        add_member(book=book, user=trainee, number="A001", name="Lagi")
    assert "sudah dipakai" in info.value.errors["number"][0]
    with pytest.raises(LedgerValidationError) as info:
        add_member(book=book, user=trainee, number="", name="")
    assert set(info.value.errors) >= {"number", "name"}


@pytest.fixture
def exercise(chart):
    ex = LedgerExercise.objects.create(
        title="Latihan simpanan anggota",
        slug="latihan-simpanan",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Maju Bersama",
        live=True,
    )
    ExerciseMember.objects.create(exercise=ex, number="01", name="Ani")
    ExerciseMember.objects.create(exercise=ex, number="02", name="Bayu")
    ExerciseOpeningBalance.objects.create(exercise=ex, account_code="1101", amount=D("5000000"))
    ExerciseOpeningBalance.objects.create(exercise=ex, account_code="3101", amount=D("1000000"), member_number="01")
    ExerciseOpeningBalance.objects.create(exercise=ex, account_code="3101", amount=D("1000000"), member_number="02")
    ExerciseOpeningBalance.objects.create(exercise=ex, account_code="3103", amount=D("3000000"))
    return ex


def test_start_exercise_book_copies_members_and_posts_opening(exercise, trainee):
    book = start_exercise_book(owner=trainee, exercise=exercise)
    assert book.kind == BookKind.EXERCISE and book.exercise == exercise and book.attempt == 1
    assert list(book.members.values_list("number", "name")) == [("01", "Ani"), ("02", "Bayu")]
    [opening] = book.entries.all()
    assert opening.kind == EntryKind.OPENING and opening.date == dt.date(2026, 1, 1)
    got = sorted(
        (line.account.code, line.side, line.amount, line.member.number if line.member else "")
        for line in opening.lines.all()
    )
    assert got == [
        ("1101", "D", D("5000000.00"), ""),
        ("3101", "C", D("1000000.00"), "01"),
        ("3101", "C", D("1000000.00"), "02"),
        ("3103", "C", D("3000000.00"), ""),
    ]
    # A double submit returns the same attempt.
    assert start_exercise_book(owner=trainee, exercise=exercise) == book
    with pytest.raises(LedgerValidationError):
        reverse_journal_entry(entry=opening, user=trainee, reason="coba")


def test_reset_archives_the_attempt_and_starts_fresh(exercise, trainee, post):
    book = start_exercise_book(owner=trainee, exercise=exercise)
    post(book, [dr("1101", 5), cr("3103", 5)])
    fresh = reset_exercise_book(book=book, user=trainee)
    book.refresh_from_db()
    assert book.archived and book.archived_at is not None
    assert fresh.previous == book and fresh.attempt == 2 and not fresh.archived
    assert fresh.entries.count() == 1 and fresh.entries.get().kind == EntryKind.OPENING
    assert book.entries.count() == 2  # the old attempt is kept as it was
    assert LedgerAuditEvent.objects.filter(book=book, action=AuditAction.BOOK_RESET, actor=trainee).exists()
    assert start_exercise_book(owner=trainee, exercise=exercise) == fresh
    with pytest.raises(LedgerValidationError):
        reset_exercise_book(book=book, user=trainee)


def test_reset_refuses_practice_books(book, trainee):
    with pytest.raises(LedgerValidationError):
        reset_exercise_book(book=book, user=trainee)
    book.refresh_from_db()
    assert not book.archived


def test_unbalanced_opening_balances_are_refused(exercise, trainee):
    ExerciseOpeningBalance.objects.create(exercise=exercise, account_code="1102", amount=D("1"))
    with pytest.raises(LedgerValidationError) as info:
        start_exercise_book(owner=trainee, exercise=exercise)
    assert "tidak seimbang" in info.value.messages[0]
    assert not Book.objects.filter(exercise=exercise).exists()


def test_copy_chart(chart, instructor):
    copy = copy_chart(chart=chart, name="Bagan KSP Mawar", user=instructor)
    assert copy.pk != chart.pk and not copy.is_default and copy.created_by == instructor
    assert copy.slug == "bagan-ksp-mawar"
    assert list(copy.accounts.values_list("code", flat=True)) == list(chart.accounts.values_list("code", flat=True))
    kas = copy.accounts.get(code="1101")
    assert kas.parent.chart == copy and kas.parent.code == "1100"
    assert copy.accounts.get(code="2101").member_subledger == "simpanan"
    assert copy_chart(chart=chart, name="Bagan KSP Mawar", user=instructor).slug == "bagan-ksp-mawar-2"
    with pytest.raises(LedgerValidationError):
        copy_chart(chart=chart, name=" ", user=instructor)


def test_posting_query_count(book, trainee, django_assert_num_queries):
    lines = [dr("1101", 5), cr("3101", 2, "A001"), cr("3102", 3, "A002")]
    # 10, plus the month's per-account totals: one read, one upsert; plus the book's total, which
    # must stay below ledger.amounts.MAX_BOOK_TOTAL (exact on SQLite).
    with django_assert_num_queries(13):
        post_journal_entry(book=book, user=trainee, date=dt.date(2026, 1, 2), description="x", lines=lines)


def test_date_is_required(book, post):
    error = rejected(book, post, [dr("1101", 5), cr("3103", 5)], date=None)
    assert "wajib" in error.errors["date"][0]


def test_client_token_makes_a_double_submit_count_once(book, trainee):
    lines = [dr("1101", 5), cr("3103", 5)]
    first = post_journal_entry(
        book=book, user=trainee, date=dt.date(2026, 1, 2), description="x", lines=lines, client_token="abc"
    )
    again = post_journal_entry(
        book=book, user=trainee, date=dt.date(2026, 1, 2), description="x", lines=lines, client_token="abc"
    )
    assert again.pk == first.pk and JournalEntry.objects.filter(book=book).count() == 1
    other = post_journal_entry(
        book=book, user=trainee, date=dt.date(2026, 1, 2), description="x", lines=lines, client_token="def"
    )
    assert other.number == 2
    untokened = [
        post_journal_entry(book=book, user=trainee, date=dt.date(2026, 1, 2), description="x", lines=lines)
        for _ in range(2)
    ]
    assert [e.number for e in untokened] == [3, 4]
