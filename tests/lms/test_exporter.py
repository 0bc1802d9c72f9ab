"""lms.exporter: the one formula-escaping rule for every CSV/XLSX cell, and the shared renderers."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from lms import exporter
from lms.exporter import ListExporter, escape_cell

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe62", "\ufe63"]


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_text_starting_with_a_formula_trigger_gets_an_apostrophe(trigger):
    assert escape_cell(f"{trigger}HYPERLINK(1)") == f"'{trigger}HYPERLINK(1)"


@pytest.mark.parametrize("lead", [" ", "  ", "\u00a0", "\u3000", "\ufeff", "\u200b"])
def test_spaces_and_invisible_characters_do_not_hide_a_trigger(lead):
    assert escape_cell(f"{lead}=1+1") == f"'{lead}=1+1"


@pytest.mark.parametrize(
    "value",
    [0, -5, 3.5, Decimal("-12345.67"), True, dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 8, 0), dt.time(8, 0)],
)
def test_numbers_dates_and_booleans_stay_typed(value):
    assert escape_cell(value) is value


@pytest.mark.parametrize("value", ["Siti Aminah", "A001", "#12", "Koperasi 'Maju'", "", "1+1", "x=y"])
def test_plain_text_is_untouched(value):
    assert escape_cell(value) == value


def test_none_and_objects_become_text():
    class Named:
        def __str__(self):
            return "=cmd"

    assert escape_cell(None) == ""
    assert escape_cell(Named()) == "'=cmd"


def test_xlsx_drops_control_characters_the_format_cannot_hold():
    assert exporter.xlsx_value("Ani\x00\x07 Budi\x1f") == "Ani Budi"
    assert exporter.xlsx_value("baris\nkedua\tdan tab") == "baris\nkedua\tdan tab"


class People(ListExporter):
    filename = "orang"
    sheet_title = "Orang: daftar"

    def header(self):
        return ["Nama", "Saldo", "Tanggal"]

    def rows(self):
        yield ['=HYPERLINK("http://x")', Decimal("-1500.50"), dt.date(2026, 3, 1)]
        yield ["@SUM(A1)", 7, None]
        yield ["\x01Budi", -3, dt.date(2026, 3, 2)]


def test_list_exporter_csv_escapes_text_and_keeps_numbers():
    response = People().response("csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="orang.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Nama", "Saldo", "Tanggal"],
        ['\'=HYPERLINK("http://x")', "-1500.50", "2026-03-01"],
        ["'@SUM(A1)", "7", ""],
        ["\x01Budi", "-3", "2026-03-02"],
    ]


def test_list_exporter_xlsx_escapes_text_and_keeps_numbers():
    response = People().response("xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="orang.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Orang daftar"
    first, second, third = sheet[2], sheet[3], sheet[4]
    assert (first[0].value, first[0].data_type) == ('\'=HYPERLINK("http://x")', "s")
    assert first[1].data_type == "n" and Decimal(str(first[1].value)) == Decimal("-1500.5")
    assert first[2].value == dt.datetime(2026, 3, 1)
    assert second[0].value == "'@SUM(A1)" and second[1].value == 7
    assert third[0].value == "Budi" and third[1].value == -3
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        People().render("ods")
