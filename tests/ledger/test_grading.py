"""The grader: right, partly right, wrong, reordered, split lines, extra lines, missing transactions,
reversed-and-corrected entries, every mode, reveal; the SHU check; exercise validation."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger.grading import grade_book, grade_shu, validate_exercise, voucher_number
from ledger.models import (
    ExerciseMember,
    ExerciseOpeningBalance,
    ExerciseTransaction,
    ExpectedBalance,
    ExpectedLine,
    GradingMode,
    LedgerExercise,
)
from ledger.services import LineInput, reverse_journal_entry, start_exercise_book
from ledger.shu import EXAMPLE_COMPONENTS, MemberShuInput, allocate_shu

from .conftest import EXERCISE_ANSWER, line_inputs

D = Decimal


@pytest.fixture
def attempt(retail_exercise, trainee):
    return start_exercise_book(owner=trainee, exercise=retail_exercise)


def post_answer(post, book, numbers=(1, 2, 3), *, override=None, voucher=True):
    """Post the right answer for `numbers`; `override[n]` replaces a transaction's lines."""
    override = override or {}
    entries = {}
    for n in numbers:
        date, spec = EXERCISE_ANSWER[n]
        spec = override.get(n, spec)
        entries[n] = post(
            book,
            line_inputs(spec),
            date=dt.date.fromisoformat(date),
            description=f"Transaksi {n}",
            voucher=str(n) if voucher else "",
        )
    return entries


def test_voucher_numbers():
    assert [voucher_number(v) for v in ["3", "03", "T3", "BKM-3", "#3", " 12 ", "", "BKM-2026-03", "tiga"]] == [
        3,
        3,
        3,
        3,
        3,
        12,
        None,
        None,
        None,
    ]


def test_right_answer_scores_one(attempt, post):
    post_answer(post, attempt)
    result = grade_book(book=attempt)
    assert result.mode == GradingMode.PER_LINE
    assert result.score == 1 and result.is_perfect and result.percent == D("100.0")
    assert (result.points_awarded, result.points_possible) == (D("5"), D("5"))
    assert [t.points_awarded for t in result.transactions] == [1, 2, 1, 1]
    assert result.transactions[0].feedback == ["Transaksi 1 benar."]
    assert result.transactions[0].entry_numbers == [2]  # #1 is the opening entry
    assert result.transactions[0].expected == []
    assert result.feedback == ["Semua benar. Bagus!"]
    assert result.unmatched_entries == []


def test_reordered_lines_and_no_vouchers_still_match(attempt, post):
    reordered = {n: list(reversed(EXERCISE_ANSWER[n][1])) for n in (1, 2, 3)}
    post_answer(post, attempt, override=reordered, voucher=False)
    result = grade_book(book=attempt)
    assert result.score == 1, result.feedback + [f for t in result.transactions for f in t.feedback]


def test_partly_right_side_swapped(attempt, post):
    swapped = [("1103", "C", 1_000_000, "01"), ("1101", "D", 1_000_000, None)]
    post_answer(post, attempt, override={3: swapped})
    result = grade_book(book=attempt)
    tx3 = result.transactions[2]
    # Cells of each row: account right, debit and credit columns both wrong: 1 of 3 on both lines.
    assert tx3.points_awarded == D("0.33")
    reversed_msg = "benar, tetapi sisi debit/kredit salah: jurnal ini mencatat kebalikan transaksinya."
    assert f"Transaksi 3: akun 1103 Piutang Usaha Anggota {reversed_msg}" in tx3.feedback
    assert f"Transaksi 3: akun 1101 Kas {reversed_msg}" in tx3.feedback
    assert not any("Seharusnya" in f for f in tx3.feedback)
    assert result.points_awarded == D("4.33") and result.score == D("0.8660")
    assert result.feedback[0] == "Nilai 4,33 dari 5 poin."


def test_wrong_amount(attempt, post):
    post_answer(post, attempt, override={1: [("1101", "D", 10_000, None), ("3102", "C", 10_000, "01")]})
    tx1 = grade_book(book=attempt).transactions[0]
    assert tx1.points_awarded == D("0.67")
    assert "Transaksi 1: akun 1101 Kas benar, tetapi jumlahnya salah." in tx1.feedback


def test_wrong_accounts_on_the_right_sides_earn_two_thirds_without_revealing(attempt, post):
    attempt.exercise.feedback_names_accounts = False  # the review setting off: no account named
    attempt.exercise.save()
    post_answer(post, attempt, override={1: [("1102", "D", 100_000, None), ("3103", "C", 100_000, None)]})
    tx1 = grade_book(book=attempt).transactions[0]
    # Account wrong, both columns right: 2 of 3 cells on both lines (more than the swapped sides earn).
    assert tx1.points_awarded == D("0.67")
    assert (
        "Transaksi 1: sisi debit dan jumlahnya benar, tetapi akun 1102 Bank bukan akun yang seharusnya." in tx1.feedback
    )
    assert not any("3102" in f or "1101" in f for f in tx1.feedback)


def test_wrong_accounts_are_named_when_the_review_setting_allows(attempt, post):
    post_answer(post, attempt, override={1: [("1102", "D", 100_000, None), ("3103", "C", 100_000, None)]})
    tx1 = grade_book(book=attempt).transactions[0]
    assert (
        "Transaksi 1: sisi debit dan jumlahnya benar, tetapi akun 1102 Bank bukan akun yang seharusnya. "
        "Akun yang seharusnya: 1101 Kas (debit)." in tx1.feedback
    )
    assert not any("Rp" in f for f in tx1.feedback)  # the account, never the amount


def test_lines_that_answer_nothing_cost_points(attempt, post):
    post_answer(post, attempt)
    post(attempt, [LineInput.dr("5106", 5), LineInput.cr("1106", 5)], date=dt.date(2026, 1, 5), voucher="1")
    tx1 = grade_book(book=attempt).transactions[0]
    assert tx1.points_awarded == 0  # two right lines, two lines that answer nothing
    assert (
        "Transaksi 1: ada baris yang tidak diharapkan (akun 5106 Beban Perkoperasian (RAT, Pendidikan), debit)."
        in tx1.feedback
    )
    assert "Transaksi 1: ada baris yang tidak diharapkan (akun 1106 Perlengkapan, kredit)." in tx1.feedback


def test_reveal_shows_the_expected_answer(attempt, post):
    post_answer(post, attempt, override={1: [("1102", "D", 100_000, None), ("3103", "C", 100_000, None)]})
    result = grade_book(book=attempt, reveal=True)
    tx1 = result.transactions[0]
    assert result.revealed
    assert any("Seharusnya 1101 Kas, debit Rp 100.000." in f for f in tx1.feedback)
    assert [(e.account_code, e.side, e.amount) for e in tx1.expected] == [
        ("1101", "D", D("100000")),
        ("3102", "C", D("100000")),
    ]


def test_extra_lines_cost_points(attempt, post):
    extra = EXERCISE_ANSWER[2][1] + [("5102", "D", 50_000, None), ("1101", "C", 50_000, None)]
    post_answer(post, attempt, override={2: extra})
    tx2 = grade_book(book=attempt).transactions[1]
    assert tx2.points_awarded == D("1.00")  # 4 right groups − 2 unexpected = 2 of 4
    assert "Transaksi 2: ada baris yang tidak diharapkan (akun 5102 Beban Gaji, debit)." in tx2.feedback


def test_missing_transaction(attempt, post):
    post_answer(post, attempt, numbers=(1, 2))
    result = grade_book(book=attempt)
    assert result.transactions[2].points_awarded == 0
    assert result.transactions[2].feedback == ["Transaksi 3 belum dicatat."]
    assert result.transactions[3].points_awarded == 1  # "no entry required" and none made
    assert result.score == D("0.8000")


def test_journalising_a_no_entry_transaction_scores_zero(attempt, post):
    post_answer(post, attempt)
    post(attempt, [LineInput.dr("5106", 10), LineInput.cr("1101", 10)], date=dt.date(2026, 1, 20), voucher="4")
    tx4 = grade_book(book=attempt).transactions[3]
    assert tx4.points_awarded == 0 and tx4.feedback == ["Transaksi 4 tidak memerlukan jurnal."]


def test_unmatched_entries_are_reported(attempt, post):
    post_answer(post, attempt)
    stray = post(attempt, [LineInput.dr("5106", 10), LineInput.cr("1101", 10)], date=dt.date(2026, 3, 3))
    result = grade_book(book=attempt)
    assert result.unmatched_entries == [stray.number]
    assert any(f"Jurnal #{stray.number} tidak cocok" in f for f in result.feedback)


def test_reversed_and_corrected_entries_cancel_out(attempt, post, trainee):
    wrong = post_answer(
        post, attempt, numbers=(3,), override={3: [("1104", "D", 1_000_000, None), ("1101", "C", 1_000_000, None)]}
    )[3]
    reverse_journal_entry(entry=wrong, user=trainee, reason="salah akun piutang")
    post_answer(post, attempt)
    result = grade_book(book=attempt)
    assert result.score == 1
    assert result.transactions[2].entry_numbers == [6]  # #2 and its reversal #3 cancel out


def test_split_lines_are_equivalent(attempt, post, retail_exercise):
    split = {
        2: [
            ("1101", "D", 300_000, None),
            ("1101", "D", 200_000, None),
            ("4101", "C", 500_000, "02"),
            ("5101", "D", 350_000, None),
            ("1105", "C", 350_000, None),
        ]
    }
    post_answer(post, attempt, override=split)
    assert grade_book(book=attempt, mode=GradingMode.BALANCES).score == 1
    assert grade_book(book=attempt).score == 1  # per line sums lines of one account and side


def test_members_are_checked_without_costing_points(attempt, post):
    post_answer(post, attempt, override={1: [("1101", "D", 100_000, None), ("3102", "C", 100_000, "02")]})
    tx1 = grade_book(book=attempt).transactions[0]
    assert tx1.points_awarded == 1
    assert tx1.feedback == ["Transaksi 1: akun 3102 Simpanan Wajib benar, tetapi pembagian per anggota belum sesuai."]


def test_per_transaction_mode_is_all_or_nothing(attempt, post):
    swapped = [("1103", "C", 1_000_000, "01"), ("1101", "D", 1_000_000, None)]
    post_answer(post, attempt, override={3: swapped})
    result = grade_book(book=attempt, mode=GradingMode.PER_TRANSACTION)
    assert [t.points_awarded for t in result.transactions] == [1, 2, 0, 1]
    assert result.score == D("0.8000")


def test_tolerance(attempt, post, retail_exercise):
    post_answer(post, attempt, override={1: [("1101", "D", 100_001, None), ("3102", "C", 100_001, "01")]})
    assert grade_book(book=attempt).transactions[0].points_awarded < 1
    retail_exercise.tolerance = D("1")
    retail_exercise.save()
    assert grade_book(book=attempt, exercise=retail_exercise).transactions[0].points_awarded == 1


def test_balances_mode_derived_from_expected_lines(attempt, post):
    post_answer(post, attempt)
    result = grade_book(book=attempt, mode=GradingMode.BALANCES)
    assert result.score == 1 and result.transactions == []
    # Without listed balances: each account's mutasi debit and kredit (opening left out), net shown.
    assert {i.key: i.actual for i in result.items} == {
        "1101": D("-400000"),
        "1103": D("1000000"),
        "1105": D("-350000"),
        "3102": D("-100000"),
        "4101": D("-500000"),
        "5101": D("350000"),
    }
    assert all(i.expected is None for i in result.items)


def test_balances_mode_wrong_and_unexpected_accounts(attempt, post):
    post_answer(post, attempt, override={3: [("1104", "D", 1_000_000, None), ("1101", "C", 1_000_000, None)]})
    result = grade_book(book=attempt, mode=GradingMode.BALANCES)
    wrong = {i.key: i for i in result.items if not i.is_correct}
    assert set(wrong) == {"1103", "1104"}
    assert wrong["1103"].feedback == ["Mutasi debit akun 1103 Piutang Usaha Anggota belum benar (tercatat Rp 0)."]
    assert wrong["1103"].points_awarded == D("0.5")  # its credit column is right
    assert wrong["1104"].feedback[0] == "Akun 1104 Piutang Non-Anggota tidak dipakai dalam jawaban."
    assert result.points_possible == 7 and result.points_awarded == 6 and result.score == D("0.8571")
    revealed = grade_book(book=attempt, mode=GradingMode.BALANCES, reveal=True)
    item = [i for i in revealed.items if i.key == "1103"][0]
    assert item.expected == D("1000000") and "Seharusnya Rp 1.000.000." in item.feedback[0]


def test_balances_mode_with_listed_balances_and_a_wrong_account(attempt, post, retail_exercise):
    for code, balance in [("1101", 4_600_000), ("1103", 1_000_000), ("1105", 2_650_000), ("3101", 2_000_000)]:
        ExpectedBalance.objects.create(exercise=retail_exercise, account_code=code, balance=D(balance))
    for code, balance in [("3102", 100_000), ("3103", 6_000_000), ("4101", 500_000), ("5101", 350_000)]:
        ExpectedBalance.objects.create(exercise=retail_exercise, account_code=code, balance=D(balance))
    post_answer(post, attempt, override={3: [("1104", "D", 1_000_000, None), ("1101", "C", 1_000_000, None)]})
    result = grade_book(book=attempt, mode=GradingMode.BALANCES)
    wrong = {i.key: i for i in result.items if not i.is_correct}
    assert wrong["1103"].feedback == ["Saldo akun 1103 Piutang Usaha Anggota belum benar (tercatat Rp 0)."]
    assert "tidak diharapkan" in wrong["1104"].feedback[0]
    assert result.points_possible == 9 and result.points_awarded == 7 and result.score == D("0.7778")


def test_balances_mode_with_listed_balances(attempt, post, retail_exercise):
    for code, balance in [
        ("1101", 4_600_000),
        ("1103", 1_000_000),
        ("1105", 2_650_000),
        ("3101", 2_000_000),
        ("3102", 100_000),
        ("3103", 6_000_000),
        ("4101", 500_000),
        ("5101", 350_000),
    ]:
        ExpectedBalance.objects.create(exercise=retail_exercise, account_code=code, balance=D(balance))
    assert validate_exercise(retail_exercise) == []
    post_answer(post, attempt)
    assert grade_book(book=attempt, mode=GradingMode.BALANCES).score == 1


def test_grade_book_needs_an_exercise(book):
    with pytest.raises(ValueError):
        grade_book(book=book)


# --- SHU check -------------------------------------------------------------------------------


@pytest.fixture
def allocation():
    members = [
        MemberShuInput("A01", "Anggota contoh", D("2400000"), D("18000000")),
        MemberShuInput("A02", "Anggota lain", D("237600000"), D("1782000000")),
    ]
    return allocate_shu(shu_amount=D("60000000"), components=EXAMPLE_COMPONENTS, members=members)


def test_grade_shu(allocation):
    right = grade_shu(submitted={"A01": "270.000", "A02": D("26730000")}, allocation=allocation)
    assert right.score == 1 and right.mode == "shu"
    partly = grade_shu(submitted={"A01": D("270000"), "A02": D("1")}, allocation=allocation)
    assert partly.score == D("0.5000")
    assert partly.items[1].feedback == ["Anggota A02: SHU belum benar."]
    missing = grade_shu(submitted={"A01": "", "X9": 5}, allocation=allocation)
    assert missing.score == 0
    assert missing.items[0].feedback == ["Anggota A01: SHU belum diisi."]
    assert "Anggota nomor X9 tidak dikenal." in missing.feedback
    parts = grade_shu(
        submitted={"A01": {"jasa_modal": "90.000", "jasa_usaha": "179.999"}, "A02": {"jasa_modal": 0}},
        allocation=allocation,
        reveal=True,
    )
    assert parts.items[0].points_awarded == D("0.5")
    assert "Seharusnya Rp 180.000." in parts.items[0].feedback[0]
    assert parts.items[0].expected == D("270000")
    assert grade_shu(submitted={"A01": "270.001", "A02": "26.730.000"}, allocation=allocation, tolerance=1).score == 1


# --- Exercise validation ---------------------------------------------------------------------


def test_sound_exercise_has_no_problems(retail_exercise):
    assert validate_exercise(retail_exercise) == []


def test_validation_finds_every_problem(retail_exercise):
    ExpectedLine.objects.create(
        exercise=retail_exercise, transaction_number=3, account_code="1101", side="C", amount=D("1")
    )
    ExpectedLine.objects.create(
        exercise=retail_exercise, transaction_number=9, account_code="9999", side="D", amount=D("5")
    )
    ExpectedLine.objects.create(
        exercise=retail_exercise, transaction_number=9, account_code="1000", side="C", amount=D("5")
    )
    ExpectedLine.objects.create(
        exercise=retail_exercise, transaction_number=1, account_code="3102", side="C", amount=D("0"), member_number="77"
    )
    ExerciseOpeningBalance.objects.create(exercise=retail_exercise, account_code="3102", amount=D("10"))
    ExerciseMember.objects.create(exercise=retail_exercise, number="01", name="Ani lagi")
    ExerciseTransaction.objects.create(exercise=retail_exercise, number=3, date=dt.date(2027, 1, 1), narrative="x")
    ExpectedBalance.objects.create(exercise=retail_exercise, account_code="1101", balance=D("10"))
    retail_exercise.shu_amount = D("1000")
    retail_exercise.shu_components = {"cadangan": "50", "jasa_usaha": "30"}
    problems = validate_exercise(retail_exercise)
    text = "\n".join(problems)
    for fragment in [
        "Jawaban transaksi 3 tidak seimbang: debit Rp 1.000.000, kredit Rp 1.000.001",
        "Jawaban transaksi 9: transaksi dengan nomor itu tidak ada",
        "kode akun 9999 tidak ada",
        "akun 1000 adalah akun induk",
        "anggota nomor 77 tidak terdaftar",
        "jumlah harus lebih dari nol",
        "Saldo awal baris 6: akun 3102 memerlukan nomor anggota",
        "Saldo awal tidak seimbang",
        "Nomor anggota 01 dipakai lebih dari sekali",
        "Nomor transaksi 3 dipakai lebih dari sekali",
        "Transaksi 3 bertanggal di luar periode latihan",
        "Saldo akhir yang diharapkan tidak seimbang",
        "tepat 100%, sekarang 80%",
    ]:
        assert fragment in text, fragment


def test_validation_works_on_an_unsaved_cluster(chart):
    exercise = LedgerExercise(
        title="Baru",
        slug="baru",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="K",
        grading_mode=GradingMode.PER_LINE,
    )
    exercise.transactions = [ExerciseTransaction(number=1, date=dt.date(2026, 2, 1), narrative="Beli perlengkapan")]
    exercise.expected_lines = [
        ExpectedLine(transaction_number=1, account_code="1106", side="D", amount=D("100")),
        ExpectedLine(transaction_number=1, account_code="1101", side="C", amount=D("90")),
    ]
    problems = validate_exercise(exercise)
    assert problems == ["Jawaban transaksi 1 tidak seimbang: debit Rp 100, kredit Rp 90."]
    exercise.expected_lines = [
        ExpectedLine(transaction_number=1, account_code="1106", side="D", amount=D("100")),
        ExpectedLine(transaction_number=1, account_code="1101", side="C", amount=D("100")),
    ]
    assert validate_exercise(exercise) == []
    exercise.transactions = []
    assert "memerlukan paling sedikit satu transaksi" in "\n".join(validate_exercise(exercise))


def test_model_clean_checks_own_fields(chart):
    from django.core.exceptions import ValidationError

    exercise = LedgerExercise(
        title="X",
        slug="x",
        chart=chart,
        period_start=dt.date(2026, 2, 1),
        period_end=dt.date(2026, 1, 1),
        cooperative_name="K",
    )
    with pytest.raises(ValidationError) as info:
        exercise.full_clean()
    assert "period_end" in info.value.message_dict


# --- One entry outside a book (quiz questions) ------------------------------------------------


def test_grade_entry_lines_for_quiz_questions(chart):
    from ledger.grading import grade_entry_lines

    expected = [("1103", "D", 1_000_000, "01"), ("1101", "C", 1_000_000)]
    right = grade_entry_lines(
        expected_lines=expected,
        submitted_lines=[LineInput.cr("1101", "1.000.000"), LineInput.dr("1103", "1.000.000", "01")],
    )
    assert right.points_awarded == 1 and right.feedback == ["Transaksi 1 benar."]
    swapped = grade_entry_lines(
        expected_lines=expected,
        submitted_lines=[LineInput.dr("1101", "1.000.000"), LineInput.cr("1103", "1.000.000")],
        points=3,
        number=2,
    )
    assert swapped.points_awarded == 1  # 1 cell of 3 on both lines
    assert (
        "Transaksi 2: akun 1103 benar, tetapi sisi debit/kredit salah: jurnal ini mencatat kebalikan transaksinya."
        in swapped.feedback
    )
    garbled = grade_entry_lines(
        expected_lines=expected,
        submitted_lines=[LineInput("1103", debit="abc"), LineInput("1101", debit=5, credit=5), LineInput("", debit=1)],
    )
    assert garbled.points_awarded == D("0.50")  # (2/3 for 1103 D + 1/3 for 1101) / 2
    strict = grade_entry_lines(
        expected_lines=expected, submitted_lines=[LineInput.dr("1103", 1), LineInput.cr("1101", 1)], all_or_nothing=True
    )
    assert strict.points_awarded == 0
    revealed = grade_entry_lines(expected_lines=expected, submitted_lines=[], reveal=True, chart=chart)
    assert revealed.feedback == ["Transaksi 1 belum dicatat."]
    assert [(e.account_code, e.account_name) for e in revealed.expected] == [
        ("1103", "Piutang Usaha Anggota"),
        ("1101", "Kas"),
    ]
    unbalanced = grade_entry_lines(
        expected_lines=expected, submitted_lines=[LineInput.dr("1103", "1.000.000"), LineInput.cr("1101", "900.000")]
    )
    assert unbalanced.feedback[0] == (
        "Transaksi 1: jurnal tidak seimbang. Jumlah debit Rp 1.000.000, jumlah kredit Rp 900.000; "
        "selisihnya Rp 100.000."
    )
    nothing = grade_entry_lines(expected_lines=[], submitted_lines=[])
    assert nothing.points_awarded == 1
    assert grade_entry_lines(expected_lines=[], submitted_lines=[LineInput.dr("1101", 1)]).points_awarded == 0


@pytest.mark.parametrize("extra_entries", [0, 25])
def test_grading_runs_a_fixed_number_of_queries(attempt, post, extra_entries, django_assert_num_queries):
    post_answer(post, attempt)
    for i in range(extra_entries):
        post(attempt, [LineInput.dr("1106", 1 + i), LineInput.cr("1101", 1 + i)], date=dt.date(2026, 5, 1))
    attempt.exercise  # noqa: B018  (the caller has the exercise loaded)
    with django_assert_num_queries(7):
        grade_book(book=attempt, exercise=attempt.exercise)
    with django_assert_num_queries(7):
        grade_book(book=attempt, exercise=attempt.exercise, mode=GradingMode.BALANCES)
