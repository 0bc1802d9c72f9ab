"""Demo data of the ledger: the day-3 exercises and a practice book with a few entries per trainee.

`load(*, stdout, people)` is idempotent: exercises are created when their slug is missing (an
instructor's later edits are kept), practice books when the trainee has none of that title.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from . import services
from .charts import default_chart
from .exercise_data import EXERCISES
from .models import (
    Book,
    BookKind,
    ChartTemplate,
    ExerciseMember,
    ExerciseOpeningBalance,
    ExerciseTransaction,
    ExpectedBalance,
    ExpectedLine,
    LedgerExercise,
)

PRACTICE_YEAR = 2026
# The nine founders a primary cooperative needs (Pasal 6 UU No. 25/1992 as amended by UU No. 6/2023).
PRACTICE_MEMBERS = [
    ("A001", "Anggota Satu"),
    ("A002", "Anggota Dua"),
    ("A003", "Anggota Tiga"),
    ("A004", "Anggota Empat"),
    ("A005", "Anggota Lima"),
    ("A006", "Anggota Enam"),
    ("A007", "Anggota Tujuh"),
    ("A008", "Anggota Delapan"),
    ("A009", "Anggota Sembilan"),
]
# Months of simpanan wajib each founder had paid when the book opens: wajib may differ, pokok not.
WAJIB_MONTHS = [1, 2, 1, 3, 2, 1, 2, 3, 1]


def build_exercise(data: dict, *, chart: ChartTemplate, user=None) -> LedgerExercise:
    """An unsaved exercise cluster (children attached) from one entry of `exercise_data.EXERCISES`."""
    member_shu = data.get("member_shu", {})
    exercise = LedgerExercise(
        title=data["title"],
        slug=data["slug"],
        instructions=data["instructions"],
        chart=chart,
        period_start=data["period_start"],
        period_end=data["period_end"],
        cooperative_name=data["cooperative_name"],
        grading_mode=data["grading_mode"],
        shu_amount=Decimal(data["shu_amount"]) if data.get("shu_amount") else None,
        shu_components=dict(data.get("shu_components", {})),
        simpanan_pokok=Decimal(data["simpanan_pokok"]) if data.get("simpanan_pokok") else None,
        created_by=user,
        live=data.get("live", True),
    )
    exercise.members = [
        ExerciseMember(
            number=number,
            name=name,
            shu_simpanan=Decimal(member_shu[number][0]) if number in member_shu else None,
            shu_transactions=Decimal(member_shu[number][1]) if number in member_shu else None,
        )
        for number, name in data["members"]
    ]
    exercise.opening_balances = [
        ExerciseOpeningBalance(account_code=code, amount=Decimal(amount), member_number=member)
        for code, amount, member in data["opening_balances"]
    ]
    exercise.transactions = [
        ExerciseTransaction(number=number, date=date, narrative=narrative)
        for number, date, narrative in data["transactions"]
    ]
    exercise.expected_lines = [
        ExpectedLine(transaction_number=tx, account_code=code, side=side, amount=Decimal(amount), member_number=member)
        for tx, code, side, amount, member in data["expected_lines"]
    ]
    exercise.expected_balances = [
        ExpectedBalance(account_code=code, balance=Decimal(balance)) for code, balance in data["expected_balances"]
    ]
    return exercise


@transaction.atomic
def load_exercises(*, user=None) -> list[LedgerExercise]:
    chart = default_chart()
    out = []
    for data in EXERCISES:
        exercise = LedgerExercise.objects.filter(slug=data["slug"]).first()
        if exercise is None:
            exercise = build_exercise(data, chart=chart, user=user)
            exercise.save()
        out.append(exercise)
    return out


def _practice_pokok(index: int) -> Decimal:
    return Decimal(100000) * (1 + index % 5)


def _practice_entries(index: int) -> list[dict]:
    """A few realistic, deterministic entries; amounts vary with the trainee's position."""
    from .services import LineInput

    base = 1 + index % 5
    pokok = _practice_pokok(index)
    wajib = Decimal(25000) * base
    loan = Decimal(1000000) * base
    purchase = Decimal(2500000) + Decimal(250000) * (index % 4)
    sale = purchase / 2 + Decimal(150000)
    cost = purchase / 2
    non_member_sale = Decimal(600000)
    non_member_cost = Decimal(500000)
    founders = [number for number, _name in PRACTICE_MEMBERS]
    paid_wajib = {number: wajib * months for number, months in zip(founders, WAJIB_MONTHS, strict=True)}
    return [
        {
            "date": dt.date(PRACTICE_YEAR, 1, 3),
            "description": "Setoran simpanan pokok dan wajib sembilan anggota pendiri",
            "voucher": "BKM-001",
            "lines": [
                LineInput.dr("1101", pokok * len(founders) + sum(paid_wajib.values())),
                *[LineInput.cr("3101", pokok, number) for number in founders],
                *[LineInput.cr("3102", paid_wajib[number], number) for number in founders],
            ],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 1, 5),
            "description": "Modal penyertaan dari pemerintah kota",
            "voucher": "BKM-002",
            "lines": [LineInput.dr("1102", Decimal(10000000)), LineInput.cr("3103", Decimal(10000000))],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 1, 10),
            "description": "Pembelian barang dagangan tunai",
            "voucher": "BKK-001",
            "lines": [LineInput.dr("1105", purchase), LineInput.cr("1102", purchase)],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 1, 15),
            "description": "Penjualan kepada anggota A002 (tunai)",
            "voucher": "BKM-003",
            "lines": [
                LineInput.dr("1101", sale),
                LineInput.cr("4101", sale, "A002"),
                LineInput.dr("5101", cost),
                LineInput.cr("1105", cost),
            ],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 1, 16),
            "description": "Penjualan kepada pembeli bukan anggota (QRIS)",
            "voucher": "BKM-004",
            "lines": [
                LineInput.dr("1102", non_member_sale),
                LineInput.cr("4102", non_member_sale),
                LineInput.dr("5108", non_member_cost),
                LineInput.cr("1105", non_member_cost),
            ],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 1, 31),
            "description": "PPh final 0,5% atas peredaran bruto Januari (PP 55/2022)",
            "voucher": "MEMO-001",
            "lines": [
                LineInput.dr("5201", (sale + non_member_sale) * Decimal("0.005")),
                LineInput.cr("2109", (sale + non_member_sale) * Decimal("0.005")),
            ],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 2, 1),
            "description": "Pinjaman kepada anggota A003",
            "voucher": "BKK-002",
            "lines": [LineInput.dr("1107", loan, "A003"), LineInput.cr("1102", loan)],
        },
        {
            "date": dt.date(PRACTICE_YEAR, 3, 1),
            "description": "Angsuran pertama dan jasa pinjaman A003",
            "voucher": "BKM-005",
            "lines": [
                LineInput.dr("1101", loan / 10 + loan / 100),
                LineInput.cr("1107", loan / 10, "A003"),
                LineInput.cr("4103", loan / 100, "A003"),
            ],
        },
    ]


@transaction.atomic
def load_practice_book(*, owner, index: int) -> tuple[Book, bool]:
    name = owner.get_full_name() if hasattr(owner, "get_full_name") else str(owner)
    title = f"Buku latihan {name or owner.email}"
    book = Book.objects.filter(owner=owner, kind=BookKind.PRACTICE, title=title).first()
    if book is not None:
        return book, False
    book = services.create_practice_book(
        owner=owner,
        title=title,
        cooperative_name=getattr(owner, "organisation", "") or None,
        period_start=dt.date(PRACTICE_YEAR, 1, 1),
        period_end=dt.date(PRACTICE_YEAR, 12, 31),
        simpanan_pokok=_practice_pokok(index),
    )
    for number, member_name in PRACTICE_MEMBERS:
        services.add_member(book=book, user=owner, number=number, name=member_name)
    for entry in _practice_entries(index):
        services.post_journal_entry(book=book, user=owner, **entry)
    return book, True


YEAR_BOOK_TITLE = "Buku setahun: Koperasi Sayur Segar (contoh laporan panjang)"


@transaction.atomic
def load_year_book(*, owner) -> tuple[Book, bool]:
    """A year of daily cash sales and purchases (365 entries) in one practice book: its jurnal umum
    and buku besar run over several pages, and their PDFs are made by a background job with a
    progress page (lms.jobs)."""
    book = Book.objects.filter(owner=owner, kind=BookKind.PRACTICE, title=YEAR_BOOK_TITLE).first()
    if book is not None:
        return book, False
    book = services.create_practice_book(
        owner=owner,
        title=YEAR_BOOK_TITLE,
        cooperative_name="Koperasi Sayur Segar",
        period_start=dt.date(PRACTICE_YEAR, 1, 1),
        period_end=dt.date(PRACTICE_YEAR, 12, 31),
    )
    start = dt.date(PRACTICE_YEAR, 1, 1)
    for day in range(365):
        date = start + dt.timedelta(days=day)
        sales = Decimal(150_000 + (day * 7919) % 250_000)
        if day % 3 == 2:
            purchase = (sales * Decimal("0.6")).quantize(Decimal("1"))
            lines = [services.LineInput.dr("1105", purchase), services.LineInput.cr("1101", purchase)]
            description = f"Belanja sayur ke pasar induk {date:%d/%m}"
        else:
            lines = [services.LineInput.dr("1101", sales), services.LineInput.cr("4102", sales)]
            description = f"Penjualan sayur harian {date:%d/%m}"
        services.post_journal_entry(book=book, user=owner, date=date, description=description, lines=lines)
    return book, True


def load(*, stdout, people: dict) -> None:
    admin = people.get("admin")
    instructors = people.get("instructors") or []
    author = instructors[0] if instructors else admin
    exercises = load_exercises(user=author)
    stdout.write(f"  Latihan pembukuan: {len(exercises)} ({', '.join(e.slug for e in exercises)})")
    created = 0
    for index, trainee in enumerate(people.get("trainees") or []):
        _book, was_created = load_practice_book(owner=trainee, index=index)
        created += was_created
    stdout.write(f"  Buku latihan peserta: {created} dibuat, {len(people.get('trainees') or []) - created} sudah ada")
    trainees = people.get("trainees") or []
    if trainees:
        _book, was_created = load_year_book(owner=trainees[0])
        stdout.write(
            f"  Buku setahun (365 jurnal) untuk {trainees[0].get_full_name()}: {'dibuat' if was_created else 'sudah ada'}"
        )
