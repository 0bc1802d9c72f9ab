"""SHU allocation: the domain file's worked example, the 100 % rule, half-up rounding, figures from a book."""

import datetime as dt
from decimal import Decimal

import pytest

from ledger.exceptions import LedgerValidationError
from ledger.models import ExerciseMember, LedgerExercise
from ledger.services import reverse_journal_entry
from ledger.shu import (
    EXAMPLE_COMPONENTS,
    MemberShuInput,
    allocate_shu,
    allocation_for_exercise,
    describe_rounding,
    format_percent,
    shu_member_figures_from_book,
)

D = Decimal


def example_members():
    """Total simpanan Rp 240.000.000 and member purchases Rp 1.800.000.000, as in the day-3 lesson."""
    return [
        MemberShuInput("A01", "Anggota contoh", D("2400000"), D("18000000")),
        MemberShuInput("A02", "Anggota lain", D("237600000"), D("1782000000")),
    ]


def test_domain_worked_example():
    allocation = allocate_shu(shu_amount=D("60000000"), components=EXAMPLE_COMPONENTS, members=example_members())
    amounts = {c.key: c.amount for c in allocation.components}
    assert amounts == {
        "cadangan": D("24000000"),
        "jasa_usaha": D("18000000"),
        "jasa_modal": D("9000000"),
        "pengurus": D("3000000"),
        "karyawan": D("3000000"),
        "pendidikan": D("1500000"),
        "sosial": D("1500000"),
    }
    assert allocation.components_total == D("60000000")
    member = allocation.member("A01")
    assert (member.jasa_modal, member.jasa_usaha, member.total) == (D("90000"), D("180000"), D("270000"))
    assert allocation.total_simpanan == D("240000000") and allocation.total_transactions == D("1800000000")
    # A limited return on capital: jasa modal is 3,75% of the members' simpanan in a year.
    assert allocation.jasa_modal_amount / allocation.total_simpanan == D("0.0375")
    assert allocation.rounding_difference == 0
    assert allocation.members_total == D("27000000")
    assert "tidak menimbulkan selisih" in describe_rounding(allocation)
    labels = [c.label for c in allocation.components]
    assert "Jasa usaha anggota (JUA)" in labels and "Cadangan" in labels


@pytest.mark.parametrize(
    ("components", "shown"),
    [
        (
            {"cadangan": 40, "jasa_usaha": 25, "jasa_modal": 20, "pengurus": 5, "karyawan": 5, "pendidikan": "2,5"},
            "97,5%",
        ),
        ({"cadangan": 50, "jasa_usaha": 30, "jasa_modal": 30}, "110%"),
        ({"cadangan": D("33.33"), "jasa_usaha": D("33.33"), "jasa_modal": D("33.33")}, "99,99%"),
    ],
)
def test_components_must_add_to_exactly_100(components, shown):
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(shu_amount=D("1000000"), components=components, members=example_members())
    [message] = info.value.errors["components"]
    assert "tepat 100%" in message and shown in message


def test_other_bad_input():
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(shu_amount=D("0"), components={"cadangan": "abc", "jasa_usaha": -5}, members=[])
    errors = info.value.errors
    assert "lebih dari nol" in errors["shu_amount"][0]
    assert any("berupa angka" in m for m in errors["components"])
    assert any("negatif" in m for m in errors["components"])
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(shu_amount=D("1000"), components={"cadangan": 100}, members=example_members())
    assert "JUA" in info.value.errors["components"][0]
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(shu_amount=D("1000"), components={}, members=[])
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(
            shu_amount=D("1000"),
            components={"jasa_usaha": 50, "jasa_modal": 50},
            members=[MemberShuInput("1", "A", D("-1"), D("1"))],
        )
    assert "negatif" in info.value.errors["members"][0]
    with pytest.raises(LedgerValidationError) as info:
        allocate_shu(
            shu_amount=D("1000"),
            components={"jasa_usaha": 50, "jasa_modal": 50},
            members=[MemberShuInput("1", "A", D("0"), D("10"))],
        )
    assert "simpanan anggota nol" in info.value.errors["members"][0]


def test_without_members_only_components_are_split():
    allocation = allocate_shu(shu_amount="1.000.000", components={"cadangan": "60", "sosial": "40"})
    assert [(c.key, c.amount) for c in allocation.components] == [("cadangan", D("600000")), ("sosial", D("400000"))]
    assert allocation.members == [] and allocation.rounding_difference == 0


def test_each_share_rounds_half_up_and_the_difference_is_reported():
    # JMA = JUA = Rp 100; three equal members get 33,33... each → Rp 33, and Rp 1 stays unallocated.
    members = [MemberShuInput(str(i), f"A{i}", D("1"), D("1")) for i in range(3)]
    allocation = allocate_shu(shu_amount=D("200"), components={"jasa_modal": 50, "jasa_usaha": 50}, members=members)
    assert [m.jasa_modal for m in allocation.members] == [D("33")] * 3
    assert allocation.jasa_modal_rounding_difference == D("-1")
    assert allocation.rounding_difference == D("-2")
    assert "-Rp 2" in describe_rounding(allocation)


def test_exact_half_rounds_up_for_each_member():
    # JMA Rp 3: two equal members get Rp 1,50 each → Rp 2 each (half-up), over-allocating by Rp 1.
    members = [MemberShuInput("1", "A", D("5"), D("1")), MemberShuInput("2", "B", D("5"), D("3"))]
    allocation = allocate_shu(shu_amount=D("6"), components={"jasa_modal": 50, "jasa_usaha": 50}, members=members)
    assert [m.jasa_modal for m in allocation.members] == [D("2"), D("2")]
    assert allocation.jasa_modal_rounding_difference == D("1")
    # JUA Rp 3 over transactions 1:3 → 0,75 and 2,25 → Rp 1 and Rp 2.
    assert [m.jasa_usaha for m in allocation.members] == [D("1"), D("2")]
    assert allocation.jasa_usaha_rounding_difference == 0


def test_component_amounts_round_to_the_cent():
    allocation = allocate_shu(shu_amount=D("100.01"), components={"cadangan": D("50"), "sosial": D("50")})
    assert [c.amount for c in allocation.components] == [D("50.01"), D("50.01")]  # 50,005 half-up


def test_format_percent():
    assert format_percent(D("97.50")) == "97,5%"
    assert format_percent(D("100")) == "100%"
    assert format_percent(D("1E+2")) == "100%"


def test_member_figures_from_book(worked_book, trainee):
    figures = {f.number: f for f in shu_member_figures_from_book(worked_book)}
    # Simpanan pokok + wajib (not sukarela); transactions = 4101 and 4103 (jasa pinjaman) lines
    # naming the member.
    assert (figures["A001"].simpanan, figures["A001"].transactions) == (D("1500000"), D("2000000"))
    assert (figures["A002"].simpanan, figures["A002"].transactions) == (D("1500000"), D("50000"))
    assert (figures["A003"].simpanan, figures["A003"].transactions) == (D("1000000"), 0)
    assert figures["A003"].name == "Dewi Lestari"
    # A reversed sale no longer counts.
    sale = worked_book.entries.get(voucher="6")
    reverse_journal_entry(entry=sale, user=trainee, reason="batal")
    figures = {f.number: f for f in shu_member_figures_from_book(worked_book)}
    assert figures["A001"].transactions == 0
    early = {f.number: f for f in shu_member_figures_from_book(worked_book, as_of=dt.date(2026, 1, 2))}
    assert early["A001"].simpanan == D("1000000")


def test_allocation_for_exercise(chart, worked_book):
    exercise = LedgerExercise.objects.create(
        title="SHU",
        slug="shu",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="K",
    )
    assert allocation_for_exercise(exercise=exercise) is None
    exercise.shu_amount = D("1000000")
    exercise.shu_components = {"cadangan": "50", "jasa_usaha": "30", "jasa_modal": "20"}
    exercise.save()
    from_book = allocation_for_exercise(exercise=exercise, book=worked_book)
    # A001 bought for Rp 2.000.000, A002 paid Rp 50.000 jasa pinjaman: 300.000 × 2.000.000 / 2.050.000.
    assert from_book.member("A001").jasa_usaha == D("292683")
    assert from_book.member("A002").jasa_usaha == D("7317")
    assert from_book.member("A001").jasa_modal == D("75000")  # 1,5 of 4 million × 200.000
    ExerciseMember.objects.create(exercise=exercise, number="1", name="X", shu_simpanan=D("1"), shu_transactions=D("1"))
    ExerciseMember.objects.create(exercise=exercise, number="2", name="Y", shu_simpanan=D("3"), shu_transactions=D("1"))
    fixed = allocation_for_exercise(exercise=exercise, book=worked_book)
    assert [(m.number, m.jasa_modal, m.jasa_usaha) for m in fixed.members] == [
        ("1", D("50000"), D("150000")),
        ("2", D("150000"), D("150000")),
    ]
