"""Grading of each question type against its pinned spec: right, wrong, partial, edges, ledger tasks."""

from decimal import Decimal

import pytest

from quizzes import grading


def spec_of(question):
    return question.current_version.spec


def choice_ids(spec):
    return {c["text"]: c["id"] for c in spec["data"]["choices"]}


@pytest.fixture
def category(make_course, make_category):
    return make_category(make_course(lessons=(1,)).course)


@pytest.mark.django_db
def test_single_choice(category, make_question):
    spec = spec_of(make_question(category, "single"))
    ids = choice_ids(spec)
    right = grading.grade(spec, {"choice": ids["Rapat Anggota"]})
    assert right.fraction == 1 and right.state == "right"
    assert right.feedback == ["umpan Rapat Anggota"]  # the chosen option's feedback
    wrong = grading.grade(spec, {"choice": ids["Pengurus"]})
    assert wrong.fraction == 0 and wrong.state == "wrong"
    assert grading.grade(spec, {"choice": "tidak-ada"}).fraction == 0
    blank = grading.grade(spec, None)
    assert blank.state == "blank" and blank.fraction == 0
    assert blank.right_answer == ""  # never without reveal
    assert grading.grade(spec, None, reveal=True).right_answer == "Rapat Anggota"


@pytest.mark.django_db
def test_multiple_choice_partial_credit_rule(category, make_question):
    spec = spec_of(make_question(category, "multiple"))  # right: Kas, Bank; wrong: Utang Usaha, Simpanan Pokok
    ids = choice_ids(spec)

    def score(*texts):
        return grading.grade(spec, {"choices": [ids[t] for t in texts]}).fraction

    assert score("Kas", "Bank") == 1
    assert score("Kas") == Decimal("0.5")
    assert score("Kas", "Bank", "Utang Usaha") == Decimal("0.5")  # +1/2 +1/2 −1/2
    assert score("Kas", "Utang Usaha") == 0
    assert score("Kas", "Utang Usaha", "Simpanan Pokok") == 0  # floored at zero
    assert score("Kas", "Bank", "Utang Usaha", "Simpanan Pokok") == 0  # ticking everything earns nothing
    assert grading.grade(spec, {"choices": [ids["Kas"]]}).state == "partial"
    assert grading.grade(spec, {"choices": ["palsu", ids["Kas"]]}).fraction == Decimal("0.5")


@pytest.mark.django_db
def test_true_false(category, make_question):
    spec = spec_of(make_question(category, "truefalse", answer="false"))
    assert grading.grade(spec, {"value": "false"}).fraction == 1
    assert grading.grade(spec, {"value": "true"}).fraction == 0
    assert grading.grade(spec, {"value": "mungkin"}).state == "blank"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("1.250.000", True),
        ("Rp 1.250.000", True),
        ("1250000", True),
        ("1.250.000,00", True),
        ("1.249.999", False),
        ("1,25 juta", False),
        ("satu juta", False),
    ],
)
def test_numeric_rupiah_typed_the_indonesian_way(category, make_question, typed, right):
    spec = spec_of(make_question(category, "numeric", answer="1.250.000", unit="rupiah"))
    assert grading.grade(spec, {"text": typed}).is_right is right


@pytest.mark.django_db
def test_numeric_absolute_tolerance_boundary_is_right(category, make_question):
    spec = spec_of(make_question(category, "numeric", answer="100", tolerance="0,5", unit="none"))
    assert grading.grade(spec, {"text": "100,5"}).is_right
    assert grading.grade(spec, {"text": "99,5"}).is_right
    assert not grading.grade(spec, {"text": "100,51"}).is_right
    assert not grading.grade(spec, {"text": "99,49"}).is_right


@pytest.mark.django_db
def test_numeric_relative_tolerance(category, make_question):
    spec = spec_of(
        make_question(category, "numeric", answer="2.000.000", tolerance="1", tolerance_kind="relative", unit="rupiah")
    )
    assert grading.grade(spec, {"text": "2.020.000"}).is_right  # exactly 1 %
    assert grading.grade(spec, {"text": "1.980.000"}).is_right
    assert not grading.grade(spec, {"text": "2.020.001"}).is_right
    negative = spec_of(make_question(category, "numeric", answer="-50", tolerance="10", tolerance_kind="relative"))
    assert grading.grade(negative, {"text": "-55"}).is_right
    assert not grading.grade(negative, {"text": "-56"}).is_right


@pytest.mark.django_db
def test_numeric_text_is_wrong_with_a_message(category, make_question):
    spec = spec_of(make_question(category, "numeric"))
    result = grading.grade(spec, {"text": "sejuta"})
    assert result.fraction == 0 and result.state == "wrong"
    assert "bukan angka" in result.feedback[0]


@pytest.mark.django_db
def test_short_text_ignores_case_and_spaces(category, make_question):
    spec = spec_of(make_question(category, "shorttext", answers=["Rapat Anggota Tahunan", "RAT"]))
    for typed in ("rapat anggota tahunan", "  RAPAT   anggota  tahunan ", "rapatanggotatahunan", "rat"):
        assert grading.grade(spec, {"text": typed}).is_right, typed
    assert not grading.grade(spec, {"text": "rapat anggota"}).is_right
    assert grading.grade(spec, {"text": "   "}).state == "blank"


@pytest.mark.django_db
def test_matching_partial_credit(category, make_question):
    spec = spec_of(make_question(category, "matching"))
    pairs = {p["prompt"]: p["id"] for p in spec["data"]["pairs"]}
    assert "menggaji" in spec["data"]["options"]  # the distractor is offered
    all_right = {pairs["Pengurus"]: "mengelola", pairs["Pengawas"]: "mengawasi", pairs["RAT"]: "memutuskan"}
    assert grading.grade(spec, {"matches": all_right}).fraction == 1
    two = dict(all_right, **{pairs["RAT"]: "menggaji"})
    assert grading.grade(spec, {"matches": two}).fraction == Decimal("0.6667")
    assert grading.grade(spec, {"matches": {pairs["RAT"]: "memutuskan"}}).fraction == Decimal("0.3333")


def journal(*rows):
    return {"lines": [{"account": a, "debit": d, "credit": c} for a, d, c in rows]}


@pytest.mark.django_db
def test_journal_task_right_and_split_lines(category, make_question):
    spec = spec_of(make_question(category, "journal"))  # Dr 1101 Kas 1.000.000 / Cr 3101 Simpanan Pokok
    assert spec["data"]["accounts"][0][0] == "1101"
    right = grading.grade(spec, journal(("1101", "1.000.000", ""), ("3101", "", "1.000.000")))
    assert right.fraction == 1 and right.state == "right"
    split = grading.grade(spec, journal(("1101", "600.000", ""), ("1101", "400.000", ""), ("3101", "", "Rp 1.000.000")))
    assert split.fraction == 1


@pytest.mark.django_db
def test_journal_task_wrong_side_earns_less_than_wrong_account(category, make_question):
    spec = spec_of(make_question(category, "journal"))
    wrong_side = grading.grade(spec, journal(("1101", "", "1.000.000"), ("3101", "1.000.000", "")))
    wrong_account = grading.grade(spec, journal(("1102", "1.000.000", ""), ("3101", "", "1.000.000")))
    assert 0 <= wrong_side.fraction < 1
    assert 0 < wrong_account.fraction < 1
    assert wrong_side.fraction < wrong_account.fraction
    assert wrong_side.state in ("partial", "wrong")


@pytest.mark.django_db
def test_journal_task_unbalanced_and_foreign_account_never_full_credit(category, make_question):
    spec = spec_of(make_question(category, "journal"))
    unbalanced = grading.grade(spec, journal(("1101", "1.000.000", ""), ("3101", "", "900.000")))
    assert unbalanced.fraction < 1
    assert any("seimbang" in line for line in unbalanced.feedback)
    foreign = grading.grade(spec, journal(("9999", "1.000.000", ""), ("3101", "", "1.000.000")))
    assert foreign.fraction < 1
    both_columns = grading.grade(spec, journal(("1101", "1.000.000", "1.000.000"), ("3101", "", "1.000.000")))
    assert both_columns.fraction < 1
    assert grading.grade(spec, journal()).state == "blank"


@pytest.mark.django_db
def test_journal_task_net_balance_and_all_or_nothing(category, make_question):
    lines = [("1101", "D", "1.000.000"), ("3101", "C", "700.000"), ("3102", "C", "300.000")]
    net = spec_of(make_question(category, "journal", lines=lines, grading="net"))
    # Kas debited 1.200.000 and credited 200.000 in two lines: net 1.000.000 on the debit side.
    netted = journal(
        ("1101", "1.200.000", ""), ("1101", "", "200.000"), ("3101", "", "700.000"), ("3102", "", "300.000")
    )
    assert grading.grade(net, netted).fraction == 1
    per_line = spec_of(make_question(category, "journal", lines=lines))
    assert grading.grade(per_line, netted).fraction < 1
    strict = spec_of(make_question(category, "journal", lines=lines, grading="all_or_nothing"))
    almost = journal(("1101", "1.000.000", ""), ("3101", "", "700.000"), ("3102", "", "299.000"))
    assert grading.grade(strict, almost).fraction == 0
    assert grading.grade(per_line, almost).fraction > 0


@pytest.mark.django_db
def test_journal_task_from_a_ledger_exercise_pins_its_expected_lines(category, make_question):
    from ledger.demo import load_exercises

    exercise = next(e for e in load_exercises() if e.slug == "setoran-simpanan-anggota")
    transaction = exercise.transactions.order_by("number").first()
    spec = spec_of(make_question(category, "journal", exercise=exercise.pk, transaction_number=transaction.number))
    data = spec["data"]
    assert data["exercise_id"] == exercise.pk and data["narrative"] == transaction.narrative
    expected = list(exercise.expected_lines.filter(transaction_number=transaction.number))
    assert len(data["lines"]) == len(expected) > 0
    typed = journal(
        *[
            (
                line.account_code,
                f"{line.amount:.0f}" if line.side == "D" else "",
                f"{line.amount:.0f}" if line.side == "C" else "",
            )
            for line in expected
        ]
    )
    assert grading.grade(spec, typed).fraction == 1
    # The exercise changes later: the version keeps the lines it was made with.
    exercise.expected_lines.filter(transaction_number=transaction.number).delete()
    assert grading.grade(spec, typed).fraction == 1


@pytest.mark.django_db
def test_shu_task_to_the_rupiah(category, make_question):
    # SHU 60.000.000: JMA 20 % = 12.000.000 over simpanan 40.000.000; JUA 25 % = 15.000.000 over 300.000.000.
    spec = spec_of(make_question(category, "shu"))
    right = {"members": {"A01": "1.200.000", "A02": "25.800.000"}}
    assert grading.grade(spec, right).fraction == 1
    off_by_one = {"members": {"A01": "1.200.001", "A02": "25.800.000"}}
    assert grading.grade(spec, off_by_one).fraction == Decimal("0.5")
    assert grading.grade(spec, {"members": {"A01": "", "A02": ""}}).state == "blank"
    assert grading.grade(spec, {"members": {"A01": "banyak", "A02": "25.800.000"}}).fraction == Decimal("0.5")
    revealed = grading.grade(spec, right, reveal=True)
    assert "1.200.000" in revealed.right_answer


@pytest.mark.django_db
def test_shu_task_in_parts_and_with_tolerance(category, make_question):
    spec = spec_of(make_question(category, "shu", ask="parts"))
    right = {
        "members": {
            "A01": {"jasa_modal": "600.000", "jasa_usaha": "600.000"},
            "A02": {"jasa_modal": "11.400.000", "jasa_usaha": "14.400.000"},
        }
    }
    assert grading.grade(spec, right).fraction == 1
    half = {"members": dict(right["members"], A02={"jasa_modal": "11.400.000", "jasa_usaha": "1"})}
    assert grading.grade(spec, half).fraction == Decimal("0.75")
    tolerant = spec_of(make_question(category, "shu", tolerance="5"))
    assert grading.grade(tolerant, {"members": {"A01": "1.200.005", "A02": "25.799.995"}}).fraction == 1
    assert grading.grade(tolerant, {"members": {"A01": "1.200.006", "A02": "25.800.000"}}).fraction == Decimal("0.5")


@pytest.mark.django_db
def test_points_scale_the_fraction(category, make_question):
    spec = spec_of(make_question(category, "multiple", points="3"))
    ids = choice_ids(spec)
    fraction = grading.grade(spec, {"choices": [ids["Kas"]]}).fraction
    assert grading.points_for(spec, fraction) == Decimal("1.50")
