"""The journal entry form: amounts typed the Indonesian way, per-row errors, blank rows, add rows."""

from decimal import Decimal

import pytest
from django import forms as django_forms

from ledger.forms import JournalEntryForm, ShuAllocationForm, parse_amount
from ledger.selectors import book_members, postable_accounts

from .fixtures_ui import entry_post


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.250.000", Decimal("1250000.00")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("Rp 1.250.000", Decimal("1250000.00")),
        ("1250000", Decimal("1250000.00")),
        ("0,01", Decimal("0.01")),
        ("1.000.000.000.000", Decimal("1000000000000.00")),
    ],
)
def test_amounts_typed_the_indonesian_way(typed, expected):
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("12abc", "invalid"),
        ("satu juta", "invalid"),
        ("1.250,505", "invalid"),  # three decimals do not fit the grammar
        ("1.2.3", "invalid"),
        ("2.50", "invalid"),
        ("1 000", "invalid"),
        ("１２３", "invalid"),
        ("0", "not_positive"),
        ("-5.000", "not_positive"),
        ("1.000.000.000.000,01", "too_large"),
        ("1..2,,3", "invalid"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(typed, code):
    with pytest.raises(django_forms.ValidationError) as info:
        parse_amount(typed)
    assert info.value.code == code


def _form(book, data=None, add_rows=False):
    return JournalEntryForm(
        book=book,
        accounts=list(postable_accounts(book)),
        members=list(book_members(book)),
        data=data,
        add_rows=add_rows,
    )


def test_unbound_form_starts_with_four_rows_and_postable_accounts(book):
    form = _form(book)
    assert len(form.lines) == 4
    index = form.lines[0].fields["account"].index
    assert "1101" in index and "1000" not in index and "1100" not in index  # headers are not offered
    assert form.lines[0].fields["account"].prepare_value("1101") == "1101 — Kas"
    widget = form.lines[0]["account"].as_widget()
    assert 'list="account-options"' in widget and "<select" not in widget  # one control per row
    assert form.nonce


def test_blank_rows_are_ignored_and_inputs_built(book):
    data = entry_post(
        [{"account": "1101", "debit": "1.250.000"}, {}, {"account": "3101", "credit": "1.250.000", "member": "A001"}]
    )
    form = _form(book, data)
    assert form.is_valid(), form.error_summary()
    inputs, rows = form.line_inputs()
    assert rows == [0, 2]
    assert inputs[0].account_code == "1101" and inputs[0].debit == Decimal("1250000.00") and inputs[0].credit is None
    assert inputs[1].member_number == "A001" and inputs[1].credit == Decimal("1250000.00")


def test_row_errors_land_on_their_row_and_field(book):
    data = entry_post(
        [
            {"account": "1101", "debit": "12abc"},
            {"account": "1101", "debit": "1.000", "credit": "1.000"},
            {"account": "1101", "debit": "1,255"},
            {"debit": "5.000"},
            {"account": "1101", "debit": "2.000.000.000.000.000"},
            {"account": "1101", "credit": "-1"},
        ],
        count=6,
    )
    form = _form(book, data)
    assert not form.is_valid()
    assert "angka" in form.lines[0].errors["debit"][0]
    assert "tidak keduanya" in form.lines[1].errors["credit"][0]
    assert "dua angka" in form.lines[2].errors["debit"][0]
    assert form.lines[3].errors["account"] == ["Pilih akun."]
    assert "terlalu besar" in form.lines[4].errors["debit"][0]
    assert "lebih dari nol" in form.lines[5].errors["credit"][0]
    summary = [item["message"] for item in form.error_summary()]
    assert any(message.startswith("Baris 1:") for message in summary)
    assert any(message.startswith("Baris 6:") for message in summary)


def test_no_rows_at_all_is_an_error(book):
    form = _form(book, entry_post([]))
    assert not form.is_valid()
    assert form.non_form_errors


def test_add_rows_keeps_the_input_without_errors(book):
    data = entry_post([{"account": "1101", "debit": "12abc", "memo": "setoran"}], description="Catatan saya")
    form = _form(book, data, add_rows=True)
    assert len(form.lines) == 8
    assert not form.has_errors
    assert form.lines[0]["debit"].value() == "12abc"
    assert form.lines[0]["memo"].value() == "setoran"
    assert form.header["description"].value() == "Catatan saya"
    assert form.header["line_count"].value() == 8


def test_service_errors_are_mapped_to_rows_skipping_blank_ones(book):
    data = entry_post([{}, {"account": "1101", "debit": "1.000"}, {"account": "3101", "credit": "1.000"}])
    form = _form(book, data)
    assert form.is_valid()
    _inputs, rows = form.line_inputs()
    form.apply_service_errors(
        {
            "__all__": ["Tidak seimbang."],
            "date": ["Di luar periode."],
            "lines": {1: {"member_number": ["Pilih anggota."]}},
        },
        rows,
    )
    assert form.lines[2].errors["member"] == ["Pilih anggota."]
    assert form.header.errors["date"] == ["Di luar periode."]
    assert form.non_form_errors == ["Tidak seimbang."]


def test_shu_percentages_must_add_to_100():
    good = ShuAllocationForm(
        {
            "shu_amount": "60.000.000",
            "pct_cadangan": "40",
            "pct_jasa_usaha": "25",
            "pct_jasa_modal": "20",
            "pct_pengurus": "5",
            "pct_karyawan": "5",
            "pct_pendidikan": "2,5",
            "pct_sosial": "2,5",
        }
    )
    assert good.is_valid(), good.errors
    assert good.cleaned_data["shu_amount"] == Decimal("60000000.00")
    bad = ShuAllocationForm(
        {
            "shu_amount": "60.000.000",
            "pct_cadangan": "40",
            "pct_jasa_usaha": "25",
            "pct_jasa_modal": "20",
            "pct_pengurus": "5",
            "pct_karyawan": "5",
            "pct_pendidikan": "2,5",
            "pct_sosial": "5",
        }
    )
    assert not bad.is_valid()
    assert "harus 100%" in bad.non_field_errors()[0]
    assert "102,5%" in bad.non_field_errors()[0]


INDEX = {
    "1101": "Kas",
    "1109": "Kas Kecil",
    "1103": "Piutang Usaha Anggota",
    "1104": "Piutang Non-Anggota",
    "4102": "Penjualan Non-Anggota",
}


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1101", "1101"),
        ("1101 — Kas", "1101"),  # the suggestion picked from the list
        ("  1101   Kas ", "1101"),
        ("kas", "1101"),  # an exact name wins over "Kas Kecil"
        ("KAS KECIL", "1109"),
        ("penjualan non", "4102"),  # a name that starts with it, one account only
        ("usaha anggota", "1103"),  # a name that holds it, one account only
        ("1000", "1000"),  # a typed code the chart cannot post goes on to the service ("akun induk")
        ("", ""),
    ],
)
def test_one_account_control_reads_code_label_or_name(typed, code):
    from ledger.forms import resolve_account

    assert resolve_account(typed, INDEX) == code


@pytest.mark.parametrize(("typed", "fragment"), [("piutang", "Ada beberapa akun"), ("bank", "tidak ada di bagan")])
def test_an_account_text_that_fits_several_or_none_is_refused(typed, fragment):
    from ledger.forms import resolve_account

    with pytest.raises(django_forms.ValidationError) as info:
        resolve_account(typed, INDEX)
    assert fragment in info.value.messages[0]
    if fragment.startswith("Ada"):
        assert "1103 — Piutang Usaha Anggota" in info.value.messages[0]
