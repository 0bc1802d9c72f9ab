"""Exercise feedback after "Periksa jawaban" (issue 7 item 4): the page lands on the result, the
score is said once, and each transaction says what is right and what is wrong (account, side,
amount), naming the missing account when the exercise's review setting allows."""

import datetime as dt

import pytest
from django.urls import reverse

from ledger.grading import grade_book
from ledger.services import start_exercise_book

from .conftest import EXERCISE_ANSWER, line_inputs

pytestmark = pytest.mark.django_db

# Transaction 2 with the cost line missing and the sale credited to the wrong account;
# transaction 3 posted the wrong way round.
WRONG = {
    2: [("1101", "D", 500_000, None), ("4102", "C", 500_000, None)],
    3: [("1103", "C", 1_000_000, "01"), ("1101", "D", 1_000_000, None)],
}


def _post_attempt(post, book):
    for n in (1, 2, 3):
        date, spec = EXERCISE_ANSWER[n]
        post(
            book, line_inputs(WRONG.get(n, spec)), date=dt.date.fromisoformat(date), description=f"T{n}", voucher=str(n)
        )


def test_each_transaction_says_what_is_right_and_what_is_wrong(retail_exercise, trainee, post):
    book = start_exercise_book(owner=trainee, exercise=retail_exercise)
    _post_attempt(post, book)
    result = grade_book(book=book)
    tx1, tx2, tx3, _tx4 = result.transactions
    assert tx1.is_correct and tx1.feedback == ["Transaksi 1 benar."]
    assert tx2.right == ["Akun 1101 Kas di sisi debit, Rp 500.000: benar."]
    wrong = " ".join(tx2.feedback)
    # the trainee's wrong account named with its name, and the account it should be (no amount)
    assert "akun 4102 Penjualan Non-Anggota bukan akun yang seharusnya" in wrong
    assert "Akun yang seharusnya: 4101 Partisipasi Bruto Anggota (kredit)." in wrong
    # the missing lines named with their side, not their amount
    assert "belum ada baris debit untuk akun 5101" in wrong and "belum ada baris kredit untuk akun 1105" in wrong
    assert "350.000" not in wrong
    assert tx3.right == []
    assert any("1103" in m and "sisi debit/kredit salah" in m for m in tx3.feedback)
    assert result.summary.startswith("Nilai ") and "dari 5 poin" in result.summary
    assert result.summary not in result.notes


def test_without_the_review_setting_missing_accounts_are_only_counted(retail_exercise, trainee, post):
    retail_exercise.feedback_names_accounts = False
    retail_exercise.save()
    book = start_exercise_book(owner=trainee, exercise=retail_exercise)
    _post_attempt(post, book)
    tx2 = grade_book(book=book).transactions[1]
    wrong = " ".join(tx2.feedback)
    assert "ada 2 akun yang seharusnya dijurnal tetapi belum ada" in wrong
    assert "5101" not in wrong and "1105" not in wrong and "4101" not in wrong
    assert tx2.right == ["Akun 1101 Kas di sisi debit, Rp 500.000: benar."]


def test_check_lands_on_the_result_and_says_the_score_once(client_for, retail_exercise, trainee, post):
    client = client_for(trainee)
    url = reverse("ledger:exercise_detail", args=[retail_exercise.slug])
    page = client.get(url)
    assert 'action="#hasil"' not in page.text  # no book yet: no check button
    book = start_exercise_book(owner=trainee, exercise=retail_exercise)
    _post_attempt(post, book)
    page = client.get(url)
    assert 'action="#hasil"' in page.text and "ledger/result.js" in page.text
    checked = client.post(url, {"action": "check"})
    assert checked.status_code == 200
    html = checked.text
    assert 'id="hasil"' in html and 'tabindex="-1"' in html
    result = checked.context["result"]
    points = f"{result.points_awarded.normalize():f}".replace(".", ",")
    assert html.count("dari 5 poin") == 1, "the score is said once"
    assert "dari 5 poin)" in html and "poin.)" not in html  # "(4 dari 5 poin)", no full stop in the brackets
    assert html.count("Nilai:") == 1 and points
    assert "Sudah benar:" in html and "Perlu diperbaiki:" in html
    assert "Akun yang seharusnya: 4101 Partisipasi Bruto Anggota (kredit)." in html


def test_the_review_setting_is_in_the_exercise_editor():
    from ledger.wagtail_hooks import LedgerExerciseViewSet

    form_class = LedgerExerciseViewSet().get_edit_handler().get_form_class()
    assert "feedback_names_accounts" in form_class.base_fields
