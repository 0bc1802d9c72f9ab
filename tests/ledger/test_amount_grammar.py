"""Every place a person types money in the ledger reads it with the one grammar
(`lms.formatting.parse_rupiah`): the entry form, the posting service, the practice book form and the
exercise editor (opening balances, expected lines and balances, SHU figures)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ledger.exceptions import LedgerValidationError
from ledger.models import ExerciseOpeningBalance, ExpectedBalance, ExpectedLine, JournalEntry, LedgerExercise
from ledger.services import LineInput
from lms.formatting import RupiahFormField
from tests.ledger.fixtures_ui import entry_post

pytestmark = pytest.mark.django_db

MALFORMED = ["1.2.3", "2.50", "1 000", "12 34 5", "１２３", "1.000,505"]


@pytest.mark.parametrize("typed", MALFORMED)
def test_entry_form_refuses_a_malformed_amount_and_posts_nothing(client_for, trainee, book, typed):
    client = client_for(trainee)
    response = client.post(
        reverse("ledger:entry_create", args=[book.pk]),
        entry_post([{"account": "1101", "debit": typed}, {"account": "4102", "credit": typed}]),
    )
    assert response.status_code == 400  # the form again, with the messages
    assert "Jumlah tidak dapat dibaca" in response.text and "1.250.000,50" in response.text
    assert not JournalEntry.objects.filter(book=book).exists()


def test_entry_form_reads_grouped_and_plain_amounts(client_for, trainee, book):
    client = client_for(trainee)
    response = client.post(
        reverse("ledger:entry_create", args=[book.pk]),
        entry_post([{"account": "1101", "debit": "Rp 1.250.000,50"}, {"account": "4102", "credit": "1250000,5"}]),
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get(book=book)
    assert {line.amount for line in entry.lines.all()} == {Decimal("1250000.50")}


@pytest.mark.parametrize("typed", MALFORMED)
def test_posting_service_refuses_what_the_form_refuses(book, post, typed):
    with pytest.raises(LedgerValidationError) as caught:
        post(book, [LineInput("1101", debit=typed), LineInput("4102", credit="1.000")])
    (message,) = caught.value.errors["lines"][0]["debit"]
    assert "Jumlah tidak dapat dibaca" in str(message)
    assert not JournalEntry.objects.filter(book=book).exists()


def test_exercise_editor_money_fields_read_the_grammar():
    """The exercise editor (Wagtail snippet) builds its forms from the models: every money column
    gets the shared Rupiah field, so "1.250.000" is read as in the entry form and "2.50" is refused."""
    from ledger.wagtail_hooks import LedgerExerciseViewSet

    form_class = LedgerExerciseViewSet().get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["tolerance"], RupiahFormField)
    assert isinstance(form_class.base_fields["shu_amount"], RupiahFormField)
    assert isinstance(form_class.base_fields["simpanan_pokok"], RupiahFormField)
    for relation, name in [
        ("opening_balances", "amount"),
        ("expected_lines", "amount"),
        ("expected_balances", "balance"),
    ]:
        field = form_class.formsets[relation].form.base_fields[name]
        assert isinstance(field, RupiahFormField), relation
    for model, name in [(ExerciseOpeningBalance, "amount"), (ExpectedLine, "amount"), (ExpectedBalance, "balance")]:
        field = model._meta.get_field(name).formfield()
        assert field.clean("1.250.000") == Decimal("1250000")
        assert field.clean("-75.000,50") == Decimal("-75000.50")
        with pytest.raises(Exception, match="1.250.000,50"):
            field.clean("2.50")
    assert isinstance(LedgerExercise._meta.get_field("tolerance").formfield(), RupiahFormField)
