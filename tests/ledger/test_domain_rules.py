"""Issue 8's rules in the ledger: the chart additions and their migration, equal simpanan pokok
(exercises refused, practice books warned), member-named income, the grading rule in every mode,
SHU after tax and the members' part on the web page, and the untied import circle."""

import ast
import datetime as dt
import importlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.charts import (
    DEFAULT_ACCOUNTS,
    MEMBER_COST_CODES,
    MEMBER_REVENUE_CODES,
    NON_MEMBER_COST_CODES,
    TAX_EXPENSE_CODES,
)
from ledger.exceptions import LedgerValidationError
from ledger.grading import grade_book, grade_entry_lines
from ledger.models import (
    Account,
    AccountGroup,
    ChartTemplate,
    ExerciseMember,
    ExerciseOpeningBalance,
    ExerciseTransaction,
    ExpectedLine,
    GradingMode,
    LedgerExercise,
    NormalSide,
)
from ledger.selectors import simpanan_pokok_warnings
from ledger.services import LineInput, create_practice_book, post_journal_entry, start_exercise_book
from ledger.validation import validate_exercise

from .test_admin import EXERCISE_ADD, exercise_post

pytest_plugins = ["tests.ledger.fixtures_ui"]

D = Decimal
LEDGER = Path(__file__).resolve().parents[2] / "ledger"

# --- The chart additions ----------------------------------------------------------------------

ADDED = {
    # code: (group, normal side, what issue 8 asked for)
    "1107": ("aset", "debit", "loans to members apart from shop credit"),
    "1108": ("aset", "credit", "allowance for bad loans"),
    "1109": ("aset", "debit", "kas kecil"),
    "1110": ("aset", "debit", "biaya dibayar di muka"),
    "1203": ("aset", "debit", "investment in a secondary cooperative"),
    "2108": ("kewajiban", "credit", "simpanan berjangka"),
    "2109": ("kewajiban", "credit", "utang pajak"),
    "2110": ("kewajiban", "credit", "dana pembangunan daerah kerja"),
    "2111": ("kewajiban", "credit", "current part of the bank loan"),
    "3107": ("ekuitas", "credit", "SHU tahun lalu"),
    "3108": ("ekuitas", "credit", "SHU belum dibagi"),
    "4105": ("pendapatan", "credit", "administration fees"),
    "4106": ("pendapatan", "credit", "delivery income"),
    "4107": ("pendapatan", "credit", "bank interest"),
    "5108": ("beban", "debit", "cost of sales to non-members"),
    "5109": ("beban", "debit", "beban jasa simpanan"),
    "5110": ("beban", "debit", "allowance expense"),
    "5111": ("beban", "debit", "supplies"),
    "5112": ("beban", "debit", "transport"),
    "5113": ("beban", "debit", "delivery wages"),
    "5114": ("beban", "debit", "beban selisih persediaan"),
    "5201": ("beban", "debit", "beban pajak"),
}


def test_each_new_account_has_its_group_and_normal_side(chart):
    accounts = {a.code: a for a in Account.objects.filter(chart=chart)}
    for code, (group, side, _why) in ADDED.items():
        account = accounts[code]
        assert (account.group, account.normal_side, account.is_postable) == (group, side, True), code
        assert account.parent is not None and account.parent.group == group, code
    # Contra accounts are marked by a normal side other than their group's.
    assert accounts["1108"].is_contra and accounts["1202"].is_contra and not accounts["1107"].is_contra
    # Loans have a member sub-ledger apart from shop credit; credits to member income name the member.
    assert (accounts["1103"].member_subledger, accounts["1107"].member_subledger) == ("piutang", "piutang")
    assert accounts["1103"].name == "Piutang Usaha Anggota"
    assert {accounts[c].member_subledger for c in MEMBER_REVENUE_CODES} == {"transaksi"}
    assert accounts["2108"].member_subledger == "simpanan"
    assert MEMBER_COST_CODES == {"5101"} and NON_MEMBER_COST_CODES == {"5108"} and TAX_EXPENSE_CODES == {"5201"}
    codes = [row[0] for row in DEFAULT_ACCOUNTS]
    assert len(codes) == len(set(codes))


def test_the_data_migration_completes_a_chart_made_before_the_additions(db, trainee):
    """An old chart (the 2025 default, copied) keeps its books: nothing renumbered, the new accounts
    added, the two names made precise, member income named, and the migration can run twice."""
    migration = importlib.import_module("ledger.migrations.0006_complete_charts")
    added = {row[0] for row in migration.ADDED}
    old = ChartTemplate.objects.create(name="Bagan lama", slug="bagan-lama")
    by_code = {}
    for order, (code, name, group, side, postable, subledger, parent) in enumerate(DEFAULT_ACCOUNTS, start=1):
        if code in added:
            continue
        name = {"1103": "Piutang Anggota", "5101": "Beban Pokok Penjualan"}.get(code, name)
        subledger = "" if code in MEMBER_REVENUE_CODES else subledger
        by_code[code] = Account.objects.create(
            chart=old,
            code=code,
            name=name,
            group=group,
            normal_side=side,
            is_postable=postable,
            member_subledger=subledger,
            parent=by_code.get(parent),
            order=order,
        )
    book = create_practice_book(
        owner=trainee, chart=old, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31)
    )
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2025, 3, 1),
        description="Penjualan tunai sebelum bagan dilengkapi",
        lines=[LineInput.dr("1101", 100), LineInput.cr("4101", 100)],
    )
    migration.complete_charts(django_apps, None)
    migration.complete_charts(django_apps, None)  # idempotent
    accounts = {a.code: a for a in Account.objects.filter(chart=old)}
    assert added <= set(accounts) and len(accounts) == len(DEFAULT_ACCOUNTS)
    assert accounts["1103"].name == "Piutang Usaha Anggota"
    assert accounts["5101"].name == "Beban Pokok Penjualan Anggota"
    assert accounts["4101"].member_subledger == "transaksi"
    assert accounts["5201"].parent == accounts["5000"] and accounts["1108"].parent == accounts["1100"]
    ordered = list(Account.objects.filter(chart=old).order_by("order").values_list("code", flat=True))
    assert ordered == [row[0] for row in DEFAULT_ACCOUNTS]
    # The old book still reads and posts.
    from ledger import reports

    assert reports.trial_balance(book).is_balanced
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2025, 3, 2),
        description="Pajak final",
        lines=[LineInput.dr("5201", 1), LineInput.cr("2109", 1)],
    )
    # A renamed account keeps an instructor's own name.
    accounts["1103"].name = "Bon Anggota"
    accounts["1103"].save()
    migration.complete_charts(django_apps, None)
    assert Account.objects.get(chart=old, code="1103").name == "Bon Anggota"


# --- Members named on member income -----------------------------------------------------------


def test_a_credit_to_member_income_names_the_member(book, post):
    with pytest.raises(LedgerValidationError) as info:
        post(book, [LineInput.dr("1101", 60_000), LineInput.cr("4103", 60_000)])
    assert "pilih anggotanya" in info.value.errors["lines"][1]["member_number"][0]
    post(book, [LineInput.dr("1101", 60_000), LineInput.cr("4103", 60_000, "A002")])
    # A debit (a return, a closing entry typed by hand) may go without a member.
    post(book, [LineInput.dr("4103", 10_000), LineInput.cr("1101", 10_000)])


# --- Equal simpanan pokok ---------------------------------------------------------------------


def _exercise(chart, pokok_by_member, *, stated=None, joining=None):
    exercise = LedgerExercise(
        title="Pokok",
        slug="pokok",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji",
        simpanan_pokok=stated,
    )
    members = list(pokok_by_member) + ([joining[0]] if joining else [])
    exercise.members = [ExerciseMember(number=number, name=f"Anggota {number}") for number in members]
    total = sum((D(amount) for amount in pokok_by_member.values()), D(0))
    exercise.opening_balances = [ExerciseOpeningBalance(account_code="1101", amount=total)] + [
        ExerciseOpeningBalance(account_code="3101", amount=D(amount), member_number=number)
        for number, amount in pokok_by_member.items()
    ]
    exercise.transactions = [ExerciseTransaction(number=1, date=dt.date(2026, 2, 1), narrative="Anggota baru")]
    number, amount = joining or ("A001", "1")
    exercise.expected_lines = [
        ExpectedLine(transaction_number=1, account_code="1101", side="D", amount=D(amount)),
        ExpectedLine(
            transaction_number=1,
            account_code="3101" if joining else "3102",
            side="C",
            amount=D(amount),
            member_number=number,
        ),
    ]
    return exercise


def test_an_exercise_whose_members_pokok_differ_is_refused(chart):
    assert validate_exercise(_exercise(chart, {"A001": "500000", "A002": "500000"})) == []
    problems = validate_exercise(_exercise(chart, {"A001": "500000", "A002": "1000000"}))
    assert problems == [
        "Simpanan pokok harus sama untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992): "
        "A001 Rp 500.000, A002 Rp 1.000.000."
    ]
    # A member joining during the exercise pays the same pokok.
    joining = _exercise(chart, {"A001": "500000"}, joining=("A003", "250000"))
    assert "A003 Rp 250.000" in "\n".join(validate_exercise(joining))
    # The stated amount is the one every member pays.
    stated = _exercise(chart, {"A001": "500000", "A002": "500000"}, stated=D("100000"))
    assert "menetapkan Rp 100.000, tetapi A001 Rp 500.000, A002 Rp 500.000" in validate_exercise(stated)[0]


def test_the_admin_refuses_to_save_an_exercise_with_unequal_pokok(client_for, instructor, chart):
    data = exercise_post(chart)
    data.update(
        {
            "members-TOTAL_FORMS": "2",
            "members-1-number": "A002",
            "members-1-name": "Budi",
            "members-1-ORDER": "2",
            "members-1-id": "",
            "opening_balances-TOTAL_FORMS": "3",
            "opening_balances-0-amount": "1500000",
            "opening_balances-2-account_code": "3101",
            "opening_balances-2-amount": "1000000",
            "opening_balances-2-member_number": "A002",
            "opening_balances-2-ORDER": "3",
            "opening_balances-2-id": "",
        }
    )
    response = client_for(instructor).post(EXERCISE_ADD, data)
    assert response.status_code == 200
    assert not LedgerExercise.objects.filter(slug="latihan-uji-admin").exists()
    assert "Simpanan pokok harus sama untuk setiap anggota" in response.text


def test_a_practice_book_warns_when_pokok_differ(client_for, trainee, book, post):
    post(
        book,
        [LineInput.dr("1101", 1_000_000), LineInput.cr("3101", 500_000, "A001"), LineInput.cr("3101", 500_000, "A002")],
    )
    assert simpanan_pokok_warnings(book) == []
    client = client_for(trainee)
    from .fixtures_ui import entry_post

    response = client.post(
        reverse("ledger:entry_create", args=[book.pk]),
        entry_post(
            [{"account": "1101", "debit": "250.000"}, {"account": "3101", "credit": "250.000", "member": "A003"}]
        ),
        follow=True,
    )
    assert "Simpanan pokok anggota belum sama: A001 Siti Aminah (Rp 500.000)" in response.text
    assert "Penjelasan Pasal 41 UU No. 25/1992" in response.text
    page = client.get(reverse("ledger:book_detail", args=[book.pk]))
    assert "Simpanan pokok anggota belum sama" in page.text
    book.simpanan_pokok = D("500000")
    book.save()
    (warning,) = simpanan_pokok_warnings(book)
    assert "Simpanan pokok buku ini Rp 500.000, tetapi tercatat berbeda untuk A003 Dewi Lestari (Rp 250.000)" in warning
    members = client.get(reverse("ledger:member_list", args=[book.pk]))
    assert (
        "Simpanan pokok buku ini Rp 500.000 untuk setiap anggota." in members.text
        and "A003 Dewi Lestari" in members.text
    )


def test_a_practice_book_states_its_pokok(client_for, trainee):
    client = client_for(trainee)
    response = client.post(reverse("ledger:book_create"), {"title": "Koperasi Kranggan", "simpanan_pokok": "100.000"})
    assert response.status_code == 302
    book = trainee.ledger_books.get(title="Koperasi Kranggan")
    assert book.simpanan_pokok == D("100000")
    bad = client.post(reverse("ledger:book_create"), {"title": "X", "simpanan_pokok": "seratus"})
    assert bad.status_code == 200 and "Jumlah tidak dapat dibaca" in bad.text


def test_an_exercise_book_takes_the_exercises_pokok(trainee, chart):
    exercise = _exercise(chart, {"A001": "500000", "A002": "500000"}, stated=D("500000"))
    exercise.live = True
    exercise.save()
    book = start_exercise_book(owner=trainee, exercise=exercise)
    assert book.simpanan_pokok == D("500000") and simpanan_pokok_warnings(book) == []


# --- The grading rule -------------------------------------------------------------------------

CODES = ["1101", "1102", "1105", "1106", "1201", "2102", "3103", "3104", "4104", "5102", "5104", "5106"]
SPARE = ["1104", "1110", "2111", "5111"]  # accounts no generated entry uses
RULE_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@st.composite
def entries(draw):
    """A balanced expected entry on distinct accounts, one line of it (index) and a spare account."""
    n = draw(st.integers(min_value=2, max_value=4))
    codes = draw(st.permutations(CODES))[:n]
    amounts = draw(st.lists(st.integers(min_value=1, max_value=10**7), min_size=n - 1, max_size=n - 1))
    total = sum(amounts)
    lines = [(codes[i], "D", D(a)) for i, a in enumerate(amounts)] + [(codes[-1], "C", D(total))]
    return lines, draw(st.integers(min_value=0, max_value=n - 1)), draw(st.sampled_from(SPARE))


def _inputs(lines):
    return [
        LineInput(code, debit=amount if side == "D" else None, credit=amount if side == "C" else None)
        for code, side, amount in lines
    ]


def _flip(side):
    return "C" if side == "D" else "D"


@RULE_SETTINGS
@given(case=entries(), all_or_nothing=st.booleans())
def test_rule_one_entry_wrong_side_earns_less_than_wrong_account(case, all_or_nothing):
    """grade_entry_lines (quiz questions): the right account and amount on the wrong side earns less
    than a wrong account on the right side with the right amount; with all_or_nothing both earn 0."""
    lines, index, spare = case
    code, side, amount = lines[index]
    wrong_side = [*lines[:index], (code, _flip(side), amount), *lines[index + 1 :]]
    wrong_account = [*lines[:index], (spare, side, amount), *lines[index + 1 :]]
    expected = [(c, s, a) for c, s, a in lines]

    def grade(submitted):
        return grade_entry_lines(
            expected_lines=expected, submitted_lines=_inputs(submitted), points=100, all_or_nothing=all_or_nothing
        )

    side_grade, account_grade = grade(wrong_side), grade(wrong_account)
    if all_or_nothing:
        assert side_grade.points_awarded == account_grade.points_awarded == 0
    else:
        assert side_grade.points_awarded < account_grade.points_awarded
    # The wrong side leaves the entry unbalanced, and the trainee is told by how much.
    assert side_grade.feedback[0].startswith("Transaksi 1: jurnal tidak seimbang.")
    assert f"selisihnya Rp {2 * amount:,}".replace(",", ".") in side_grade.feedback[0]


@pytest.fixture
def rule_exercise(chart):
    """A one-transaction exercise whose answer the property test fills in."""
    exercise = LedgerExercise.objects.create(
        title="Aturan sisi",
        slug="aturan-sisi",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Uji",
        live=True,
    )
    ExerciseTransaction.objects.create(exercise=exercise, number=1, date=dt.date(2026, 2, 1), narrative="x")
    return exercise


@pytest.mark.django_db
@RULE_SETTINGS
@given(case=entries())
def test_rule_in_a_book_in_every_mode(trainee, rule_exercise, case):
    """In a book an entry always balances, so posting it the wrong way round reverses every line;
    that earns less than one wrong account on the right side in per_line and balances mode, and
    nothing more in per_transaction mode (all or nothing: both earn 0)."""
    lines, index, spare = case
    rule_exercise.expected_lines.all().delete()
    for code, side, amount in lines:
        ExpectedLine.objects.create(
            exercise=rule_exercise, transaction_number=1, account_code=code, side=side, amount=amount
        )
    code, side, amount = lines[index]
    answers = {
        "wrong_side": [(c, _flip(s), a) for c, s, a in lines],
        "wrong_account": [*lines[:index], (spare, side, amount), *lines[index + 1 :]],
    }
    scores = {}
    for name, answer in answers.items():
        book = start_exercise_book(owner=trainee, exercise=rule_exercise)
        post_journal_entry(
            book=book, user=trainee, date=dt.date(2026, 2, 1), description=name, voucher="1", lines=_inputs(answer)
        )
        scores[name] = {mode: grade_book(book=book, mode=mode).score for mode in GradingMode.values}
        book.archived = True
        book.save()
    for mode in (GradingMode.PER_LINE, GradingMode.BALANCES):
        assert scores["wrong_side"][mode] < scores["wrong_account"][mode], (mode, scores)
    assert (
        scores["wrong_side"][GradingMode.PER_TRANSACTION] == scores["wrong_account"][GradingMode.PER_TRANSACTION] == 0
    )


# --- SHU after tax and the members' part on the page ------------------------------------------


def test_phu_and_shu_page_show_shu_after_tax_and_the_members_part(client_for, trainee, worked_book, post):
    post(worked_book, [LineInput.dr("5201", "15.250"), LineInput.cr("2109", "15.250")], date=dt.date(2026, 12, 31))
    client = client_for(trainee)
    phu = client.get(reverse("ledger:report", args=[worked_book.pk, "hasil-usaha"])).text
    for text in (
        "Hasil usaha dengan anggota",
        "Jumlah hasil usaha dengan anggota (partisipasi neto)",
        "Rp 550.000",
        "Laba kotor dari non-anggota",
        "Rp 300.000",
        "SHU sebelum pajak",
        "Rp 250.000",
        "5201 Beban Pajak",
        "SHU setelah pajak",
        "Rp 234.750",
        "Bagian SHU dari anggota",
        "Rp 151.897",
        "Pasal 45 ayat 1 UU No. 25/1992",
    ):
        assert text in phu, text
    page = client.get(reverse("ledger:shu", args=[worked_book.pk]))
    assert page.status_code == 200
    assert "SHU dari anggota: cara menghitungnya" in page.text
    assert "SHU setelah pajak Rp 234.750 × hasil usaha dengan anggota Rp 550.000" in page.text
    # The SHU shared by default is the members' part.
    assert page.context["shu_amount"] == D("151897")
    assert page.context["allocation"].shu_amount == D("151897")
    xlsx = client.get(reverse("ledger:shu_download", args=[worked_book.pk, "xlsx"]))
    assert xlsx.status_code == 200


# --- The ledger's import circle is untied ------------------------------------------------------


def _imports(module: str) -> set[str]:
    tree = ast.parse((LEDGER / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(node.module or "")
            if not node.module:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ledger."):
            found.add(node.module.split(".", 1)[1])
    return found


def test_models_import_nothing_above_them():
    assert _imports("models") <= {"exceptions"}


def test_grading_takes_no_private_helpers_from_services():
    tree = ast.parse((LEDGER / "grading.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("services", "ledger.services"):
            assert all(not alias.name.startswith("_") for alias in node.names), ast.dump(node)
    assert "amounts" in _imports("grading") and "amounts" in _imports("services")
    assert "services" not in _imports("amounts") and "grading" not in _imports("amounts")


def test_groups_and_sides_are_consistent():
    for code, name, group, side, postable, subledger, parent in DEFAULT_ACCOUNTS:
        assert group in AccountGroup.values and side in NormalSide.values, code
        assert code[0] == {"aset": "1", "kewajiban": "2", "ekuitas": "3", "pendapatan": "4", "beban": "5"}[group]
