"""Demo data: the exercises pass the ledger's own check, load_demo twice changes nothing, and the
demo books and exercises work end to end (start, post, check)."""

import io
from decimal import Decimal as D

import pytest
from django.urls import reverse

from ledger import demo
from ledger.exercise_data import EXERCISE_SLUGS, EXERCISES
from ledger.grading import grade_book, validate_exercise
from ledger.models import Book, BookKind, JournalEntry, JournalLine, LedgerExercise, Member
from ledger.services import LineInput, post_journal_entry, start_exercise_book
from lms import demo as lms_demo

pytest_plugins = ["tests.ledger.fixtures_ui"]  # supervises


def counts():
    return {
        model.__name__: model.objects.count() for model in (LedgerExercise, Book, Member, JournalEntry, JournalLine)
    }


@pytest.fixture
def people(db):
    return lms_demo.load(stdout=io.StringIO())


def test_load_twice_changes_nothing(people):
    demo.load(stdout=io.StringIO(), people=people)
    first = counts()
    demo.load(stdout=io.StringIO(), people=people)
    assert counts() == first
    assert first["LedgerExercise"] == len(EXERCISES)
    trainees = people["trainees"]
    practice = Book.objects.filter(kind=BookKind.PRACTICE, owner__in=trainees).exclude(title=demo.YEAR_BOOK_TITLE)
    assert practice.count() == len(trainees)
    book = practice.get(owner=trainees[0])
    assert book.title == f"Buku latihan {trainees[0].get_full_name()}"
    assert book.entries.count() == 8
    # Nine founders (Pasal 6 as amended), one simpanan pokok for all, stated on the book.
    assert book.members.count() == 9 and book.simpanan_pokok == D("100000")
    from ledger.selectors import simpanan_pokok_warnings

    assert simpanan_pokok_warnings(book) == []


def test_slugs_are_stable():
    assert EXERCISE_SLUGS == [
        "setoran-simpanan-anggota",
        "pinjaman-dan-angsuran",
        "penjualan-toko-koperasi",
        "tutup-buku-dan-shu",
    ]


@pytest.mark.parametrize("data", EXERCISES, ids=[e["slug"] for e in EXERCISES])
def test_every_exercise_passes_validate_exercise(db, data):
    (exercise,) = [e for e in demo.load_exercises() if e.slug == data["slug"]]
    assert validate_exercise(exercise) == []


def _answer_lines(data, number):
    return [
        LineInput(
            account_code=code,
            debit=amount if side == "D" else None,
            credit=amount if side == "C" else None,
            member_number=member or None,
        )
        for tx, code, side, amount, member in data["expected_lines"]
        if tx == number
    ]


@pytest.mark.parametrize("data", EXERCISES[:3], ids=[e["slug"] for e in EXERCISES[:3]])
def test_the_expected_answer_scores_full_marks(trainee, data):
    exercise = next(e for e in demo.load_exercises() if e.slug == data["slug"])
    book = start_exercise_book(owner=trainee, exercise=exercise)
    for number, date, _narrative in data["transactions"]:
        post_journal_entry(
            book=book,
            user=trainee,
            date=date,
            description=f"Transaksi {number}",
            voucher=str(number),
            lines=_answer_lines(data, number),
        )
    result = grade_book(book=book)
    assert result.is_perfect, (result.feedback, [t.feedback for t in result.transactions])


def test_closing_and_shu_exercise_scores_full_marks(trainee):
    from ledger.services import close_period

    data = EXERCISES[3]
    exercise = next(e for e in demo.load_exercises() if e.slug == data["slug"])
    book = start_exercise_book(owner=trainee, exercise=exercise)
    dates = {number: date for number, date, _n in data["transactions"]}
    close_period(book=book, user=trainee, date=dates[1])
    post_journal_entry(
        book=book,
        user=trainee,
        date=dates[2],
        description="Setor PPh final Desember",
        voucher="2",
        lines=[LineInput.dr("2109", "240.000"), LineInput.cr("1102", "240.000")],
    )
    post_journal_entry(
        book=book,
        user=trainee,
        date=dates[3],
        description="Pembagian SHU setelah pajak",
        voucher="3",
        lines=[
            LineInput.dr("3106", "18.500.000"),
            LineInput.cr("3105", "9.620.000"),  # 40% of the members' Rp 14.800.000 + non-members' Rp 3.700.000
            LineInput.cr("2103", "6.660.000"),
            LineInput.cr("2104", "740.000"),
            LineInput.cr("2105", "740.000"),
            LineInput.cr("2106", "370.000"),
            LineInput.cr("2107", "370.000"),
        ],
    )
    post_journal_entry(
        book=book,
        user=trainee,
        date=dates[4],
        description="Bayar SHU A001",
        voucher="4",
        lines=[LineInput.dr("2103", "380.963"), LineInput.cr("1101", "380.963")],
    )
    result = grade_book(book=book)
    assert result.is_perfect, [(i.label, i.feedback) for i in result.items]
    # The PHU of the book: SHU after tax Rp 18.500.000, of which Rp 14.800.000 from members.
    from ledger import reports
    from ledger.shu import allocation_for_exercise, members_shu_part

    phu = reports.income_statement(book)
    assert (phu.member_margin, phu.non_member_margin) == (D("60000000"), D("15000000"))
    assert (phu.shu_before_tax, phu.shu_after_tax) == (D("21300000"), D("18500000"))
    assert members_shu_part(phu).amount == exercise.shu_amount == D("14800000")
    a001 = allocation_for_exercise(exercise=exercise).member("A001")
    assert (a001.jasa_modal, a001.jasa_usaha) == (D("158963"), D("222000"))


def test_exercise_page_start_check_reset(client_for, trainee):
    demo.load_exercises()
    client = client_for(trainee)
    listing = client.get(reverse("ledger:exercise_list"))
    assert listing.status_code == 200 and "Setoran simpanan anggota baru" in listing.text
    url = reverse("ledger:exercise_detail", args=["setoran-simpanan-anggota"])
    page = client.get(url)
    assert "Rina Wulandari (A010)" in page.text and "Mulai latihan" in page.text
    assert "Kunci jawaban" not in page.text
    started = client.post(url, {"action": "start"})
    book = Book.objects.get(owner=trainee, exercise__slug="setoran-simpanan-anggota", archived=False)
    assert started.status_code == 302 and started.url == reverse("ledger:book_detail", args=[book.pk])
    assert client.post(url, {"action": "start"}).url == started.url  # a double start is one book
    checked = client.post(url, {"action": "check"})
    assert checked.status_code == 200 and "Hasil pemeriksaan" in checked.text and "Nilai: 0" in checked.text
    assert "550.000" not in checked.text  # no answer revealed
    reset = client.post(url, {"action": "reset"})
    assert reset.status_code == 302
    fresh = Book.objects.get(owner=trainee, exercise__slug="setoran-simpanan-anggota", archived=False)
    assert fresh.attempt == 2 and Book.objects.get(pk=book.pk).archived
    assert client.get(reverse("ledger:exercise_answer", args=["setoran-simpanan-anggota"])).status_code == 404


def test_instructor_sees_the_answer_key(client_for, instructor, admin_user):
    demo.load_exercises()
    for user in (instructor, admin_user):
        page = client_for(user).get(reverse("ledger:exercise_answer", args=["pinjaman-dan-angsuran"]))
        assert page.status_code == 200 and "Rp 1.060.000" in page.text
    assert client_for(None).get(reverse("ledger:exercise_list")).status_code == 302


def test_shu_check_on_the_closing_exercise(client_for, trainee):
    demo.load_exercises()
    client = client_for(trainee)
    url = reverse("ledger:exercise_detail", args=["tutup-buku-dan-shu"])
    client.post(url, {"action": "start"})
    page = client.get(url)
    assert 'name="shu-A001-jasa_modal"' in page.text
    response = client.post(
        url,
        {
            "action": "check_shu",
            "shu-A001-jasa_modal": "158.963",
            "shu-A001-jasa_usaha": "222.000",
            "shu-A002-jasa_modal": "191.852",
            "shu-A002-jasa_usaha": "1",
        },
    )
    assert response.status_code == 200
    result = response.context["shu_result"]
    a001 = next(item for item in result.items if item.key == "A001")
    a002 = next(item for item in result.items if item.key == "A002")
    assert a001.is_correct and a002.points_awarded == D("0.5")
    assert "Hasil pemeriksaan SHU" in response.text
    assert 'value="158.963"' in response.text  # what was typed stays
    assert "Seharusnya" not in response.text  # no answer revealed


def test_book_grade_reveals_only_to_supervisors(client_for, trainee, instructor, supervises):
    demo.load_exercises()
    exercise = LedgerExercise.objects.get(slug="pinjaman-dan-angsuran")
    book = start_exercise_book(owner=trainee, exercise=exercise)
    url = reverse("ledger:book_grade", args=[book.pk])
    own = client_for(trainee).get(url)
    assert own.status_code == 200 and "Kunci:" not in own.text and "Nilai" in own.text
    assert client_for(instructor).get(url).status_code == 404
    supervises((instructor.pk, trainee.pk))
    seen = client_for(instructor).get(url)
    assert seen.status_code == 200 and "Kunci:" in seen.text and "Rp 6.000.000" in seen.text


def test_the_year_book_shows_long_reports(people):
    """One trainee's book of 365 entries: its journal and ledger run over pages, its trial balance
    (from the monthly totals) equals the one summed from the lines."""
    from ledger import reports
    from ledger.selectors import account_balances, period_account_balances

    demo.load(stdout=io.StringIO(), people=people)
    book = Book.objects.get(owner=people["trainees"][0], title=demo.YEAR_BOOK_TITLE)
    assert book.entries.count() == 365
    assert reports.trial_balance(book).is_balanced
    assert period_account_balances(book=book) == account_balances(book=book)
    _journal, pager = reports.general_journal_page(book)
    assert not pager.is_last
