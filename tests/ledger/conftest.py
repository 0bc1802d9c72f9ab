"""Fixtures for ledger tests: the seeded default chart, books, members, an exercise."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger.models import Book, BookKind, Member

D = Decimal


@pytest.fixture
def chart(db):
    """The default cooperative chart seeded by the data migration."""
    from ledger.charts import default_chart

    return default_chart()


@pytest.fixture
def book(trainee, chart):
    """A 2026 practice book of the trainee with three members (A001..A003)."""
    book = Book.objects.create(
        owner=trainee,
        title="Buku latihan uji",
        kind=BookKind.PRACTICE,
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji Sejahtera",
    )
    for number, name in [("A001", "Siti Aminah"), ("A002", "Budi Santoso"), ("A003", "Dewi Lestari")]:
        Member.objects.create(book=book, number=number, name=name)
    return book


@pytest.fixture
def post(trainee):
    """post(book, [LineInput...], date=..., description=..., voucher=...) → posted entry (by the trainee)."""
    from ledger.services import post_journal_entry

    def _post(book, lines, *, date=dt.date(2026, 1, 10), description="Transaksi uji", voucher="", user=None):
        return post_journal_entry(
            book=book, user=user or trainee, date=date, description=description, voucher=voucher, lines=lines
        )

    return _post


# The worked example of docs/ledger.md: a retail cooperative's year 2026 (amounts in Rupiah).
WORKED_EXAMPLE = [
    # (date, voucher, description, [(code, side, amount, member)])
    (
        "2026-01-02",
        "1",
        "Simpanan pokok tiga anggota",
        [
            ("1101", "D", 3_000_000, None),
            ("3101", "C", 1_000_000, "A001"),
            ("3101", "C", 1_000_000, "A002"),
            ("3101", "C", 1_000_000, "A003"),
        ],
    ),
    (
        "2026-01-03",
        "2",
        "Simpanan wajib",
        [("1101", "D", 1_000_000, None), ("3102", "C", 500_000, "A001"), ("3102", "C", 500_000, "A002")],
    ),
    ("2026-01-05", "3", "Pinjaman bank", [("1102", "D", 10_000_000, None), ("2201", "C", 10_000_000, None)]),
    (
        "2026-01-10",
        "4",
        "Beli barang dagangan lewat bank",
        [("1105", "D", 6_000_000, None), ("1102", "C", 6_000_000, None)],
    ),
    ("2026-01-15", "5", "Beli aset tetap", [("1201", "D", 2_400_000, None), ("1102", "C", 2_400_000, None)]),
    (
        "2026-02-01",
        "6",
        "Penjualan kepada anggota A001",
        [
            ("1101", "D", 2_000_000, None),
            ("4101", "C", 2_000_000, "A001"),
            ("5101", "D", 1_500_000, None),
            ("1105", "C", 1_500_000, None),
        ],
    ),
    (
        "2026-02-02",
        "7",
        "Penjualan kepada non-anggota",
        [
            ("1101", "D", 1_000_000, None),
            ("4102", "C", 1_000_000, None),
            ("5108", "D", 700_000, None),
            ("1105", "C", 700_000, None),
        ],
    ),
    (
        "2026-03-01",
        "8",
        "Pinjaman kepada anggota A002",
        [("1103", "D", 2_000_000, "A002"), ("1101", "C", 2_000_000, None)],
    ),
    (
        "2026-04-01",
        "9",
        "Angsuran dan jasa pinjaman A002",
        [("1101", "D", 550_000, None), ("1103", "C", 500_000, "A002"), ("4103", "C", 50_000, "A002")],
    ),
    ("2026-04-30", "10", "Gaji karyawan", [("5102", "D", 400_000, None), ("1101", "C", 400_000, None)]),
    ("2026-06-01", "11", "Simpanan sukarela A003", [("1101", "D", 300_000, None), ("2101", "C", 300_000, "A003")]),
    ("2026-12-31", "12", "Penyusutan aset tetap", [("5105", "D", 200_000, None), ("1202", "C", 200_000, None)]),
]


def line_inputs(spec):
    from ledger.services import LineInput

    return [
        LineInput(
            code, debit=amount if side == "D" else None, credit=amount if side == "C" else None, member_number=member
        )
        for code, side, amount, member in spec
    ]


@pytest.fixture
def worked_book(book, post):
    """The book above with the worked example posted (12 entries)."""
    for date, voucher, description, spec in WORKED_EXAMPLE:
        post(book, line_inputs(spec), date=dt.date.fromisoformat(date), description=description, voucher=voucher)
    return book


# A small retail exercise (patterns 1, 2 and 4 of the domain file); transaction 4 needs no entry.
EXERCISE_ANSWER = {
    1: ("2026-01-05", [("1101", "D", 100_000, None), ("3102", "C", 100_000, "01")]),
    2: (
        "2026-01-10",
        [
            ("1101", "D", 500_000, None),
            ("4101", "C", 500_000, "02"),
            ("5101", "D", 350_000, None),
            ("1105", "C", 350_000, None),
        ],
    ),
    3: ("2026-01-15", [("1103", "D", 1_000_000, "01"), ("1101", "C", 1_000_000, None)]),
    4: ("2026-01-20", []),
}
EXERCISE_POINTS = {1: 1, 2: 2, 3: 1, 4: 1}


@pytest.fixture
def retail_exercise(chart):
    from ledger.models import (
        ExerciseMember,
        ExerciseOpeningBalance,
        ExerciseTransaction,
        ExpectedLine,
        LedgerExercise,
    )

    ex = LedgerExercise.objects.create(
        title="Toko koperasi: simpanan, penjualan, pinjaman",
        slug="toko-koperasi",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Konsumen Sumber Rejeki",
        live=True,
    )
    ExerciseMember.objects.create(exercise=ex, number="01", name="Ani")
    ExerciseMember.objects.create(exercise=ex, number="02", name="Bayu")
    for code, amount, member in [
        ("1101", 5_000_000, ""),
        ("1105", 3_000_000, ""),
        ("3101", 1_000_000, "01"),
        ("3101", 1_000_000, "02"),
        ("3103", 6_000_000, ""),
    ]:
        ExerciseOpeningBalance.objects.create(exercise=ex, account_code=code, amount=D(amount), member_number=member)
    narratives = {
        1: "Ani membayar simpanan wajib Rp 100.000 tunai.",
        2: "Bayu (anggota) membeli barang Rp 500.000 tunai; harga pokoknya Rp 350.000.",
        3: "Koperasi meminjamkan Rp 1.000.000 tunai kepada Ani.",
        4: "Pengurus rapat membahas rencana kerja (tidak ada uang yang berpindah).",
    }
    for number, (date, lines) in EXERCISE_ANSWER.items():
        ExerciseTransaction.objects.create(
            exercise=ex,
            number=number,
            date=dt.date.fromisoformat(date),
            narrative=narratives[number],
            points=D(EXERCISE_POINTS[number]),
        )
        for code, side, amount, member in lines:
            ExpectedLine.objects.create(
                exercise=ex,
                transaction_number=number,
                account_code=code,
                side=side,
                amount=D(amount),
                member_number=member or "",
            )
    return ex
