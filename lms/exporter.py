"""Spreadsheet exports: rows in, CSV/XLSX out, every text cell escaped against formulas.

One rule for every cell Sinau writes to a CSV or XLSX file (our own exports and the Wagtail
admin's `list_export`, see `patch_wagtail_spreadsheet_export`): a text cell whose first visible
character could start a formula in Excel, LibreOffice or Google Sheets (`=`, `+`, `-`, `@`, a tab,
a carriage return, or their full-width/small forms) gets a leading apostrophe, so the spreadsheet
shows it as text and never runs it. Numbers, dates and booleans stay typed values. XLSX cells also
lose the control characters that the file format cannot hold (openpyxl refuses them).

The shape follows pretix's `base/exporter.py`: an exporter yields a header and rows, the
rendering into CSV or XLSX is shared::

    class AttendanceExport(ListExporter):
        filename = "kehadiran-12"
        sheet_title = _("Kehadiran")

        def header(self): return ["Nama", "Sesi 1"]
        def rows(self): yield ["Ani", "hadir"]

    return AttendanceExport().response("xlsx")   # or "csv"

Exports that lay out their own styled workbook (the ledger's reports) build it with openpyxl
and pass every row through `xlsx_row` before `sheet.append`; CSV writers pass rows through
`csv_row`. Nothing else may write a user-supplied value into a spreadsheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")

# Characters that make a spreadsheet read a cell as a formula (or split it into one): ASCII, the
# full-width forms (U+FF0B, U+FF0D, U+FF1D, U+FF20) that some locales' spreadsheets fold to ASCII,
# and the small forms (U+FE62, U+FE63, U+FE66, U+FE6B).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b")
# Leading characters a spreadsheet may skip before it looks for a formula.
_INVISIBLE_LEAD = " \u00a0\u2007\u202f\u3000\ufeff\u200b\u200c\u200d\u2060"
# Control characters an XLSX file cannot hold (same set as openpyxl's ILLEGAL_CHARACTERS_RE).
_XLSX_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

_TYPED = (bool, int, float, Decimal, dt.date, dt.datetime, dt.time, dt.timedelta)


def escape_cell(value):
    """The one escaping rule: typed values as they are, text made formula-proof.

    None becomes "", lazy translations and objects become their text. A text whose first
    character (after spaces and invisible characters) is a formula trigger gets a leading "'".
    """
    if value is None:
        return ""
    if isinstance(value, _TYPED):
        return value
    text = value if isinstance(value, str) else str(value)  # lazy translations, model instances
    if text[:1] in FORMULA_TRIGGERS or text.lstrip(_INVISIBLE_LEAD)[:1] in FORMULA_TRIGGERS:
        return "'" + text
    return text


def csv_value(value):
    """A value for a CSV cell: escaped; dates and times as ISO text, numbers as they are."""
    value = escape_cell(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def xlsx_value(value):
    """A value for an XLSX cell: escaped, stripped of the control characters XLSX cannot hold."""
    value = escape_cell(value)
    if isinstance(value, str):
        value = value.translate(_XLSX_ILLEGAL)
    elif isinstance(value, dt.datetime) and value.tzinfo is not None:
        # Excel has no time zones: write the local wall-clock time (openpyxl refuses aware values).
        from django.utils import timezone

        value = timezone.make_naive(value)
    return value


def csv_row(values: Iterable) -> list:
    return [csv_value(value) for value in values]


def xlsx_row(values: Iterable) -> list:
    return [xlsx_value(value) for value in values]


def sheet_title(title, used: set[str] | None = None) -> str:
    """A valid, unique worksheet name (≤ 31 characters, none of []:*?/\\)."""
    used = set() if used is None else used
    base = "".join(ch for ch in str(title) if ch not in "[]:*?/\\").strip("'")[:28] or "Sheet"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base[:25]} {n}"
    used.add(name)
    return name


def render_csv(header: Sequence | None, rows: Iterable[Sequence], *, bom: bool = True) -> bytes:
    """UTF-8 CSV (with the BOM Excel needs to read UTF-8), every cell through `csv_value`."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer)
    if header is not None:
        writer.writerow(csv_row(header))
    for row in rows:
        writer.writerow(csv_row(row))
    return buffer.getvalue().encode("utf-8")


def render_xlsx(header: Sequence | None, rows: Iterable[Sequence], *, title="Sheet") -> bytes:
    """One-sheet workbook, header in bold, every cell through `xlsx_value`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    if header is not None:
        sheet.append(xlsx_row(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for row in rows:
        sheet.append(xlsx_row(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(content: bytes, *, filename: str, fmt: str) -> HttpResponse:
    """An attachment response for a rendered CSV/XLSX (or any bytes with a known format)."""
    content_type = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}.get(fmt, "application/octet-stream")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class ListExporter:
    """One export: a header and rows; CSV and XLSX rendering are shared (pretix's ListExporter)."""

    filename = "export"
    sheet_title = "Sheet"

    def header(self) -> Sequence:
        raise NotImplementedError

    def rows(self) -> Iterable[Sequence]:
        raise NotImplementedError

    def render(self, fmt: str) -> bytes:
        if fmt == "csv":
            return render_csv(self.header(), self.rows())
        if fmt == "xlsx":
            return render_xlsx(self.header(), self.rows(), title=self.sheet_title)
        raise ValueError(f"unknown export format {fmt!r}")

    def response(self, fmt: str) -> HttpResponse:
        return download(self.render(fmt), filename=self.filename, fmt=fmt)


def patch_wagtail_spreadsheet_export() -> None:
    """Make the Wagtail admin's own CSV/XLSX writer (every `list_export` of a ModelViewSet,
    SnippetViewSet or report) apply `escape_cell` to every cell it writes.

    Wagtail writes cells through `SpreadsheetExportMixin.preprocess_field_value`; its XLSX path
    already stores would-be formulas as text, its CSV path writes them raw. Called once from
    `LmsConfig.ready`; idempotent.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "sinau_escaped", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return xlsx_value(value) if export_format == SpreadsheetExportMixin.FORMAT_XLSX else escape_cell(value)

    preprocess_field_value.sinau_escaped = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
