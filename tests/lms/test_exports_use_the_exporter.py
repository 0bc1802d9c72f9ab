"""Every CSV/XLSX file Sinau writes goes through lms.exporter (issue 9, item 4).

A source check: no module of ours writes a spreadsheet with its own writer. The exports are then
tested on their content where they are (tests/ledger/test_exports.py: reports and SHU;
tests/courses/test_attendance.py: attendance; tests/quizzes/test_reports.py: gradebook;
tests/courses/test_admin.py: the admin's cohort and enrolment exports; tests/certificates/
test_admin_export.py: issued certificates; below: each quiz export class)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["lms", "courses", "quizzes", "ledger", "incubator", "certificates"]
WRITERS = re.compile(r"csv\.(writer|DictWriter)\(|Workbook\(|xlsxwriter|\.to_csv\(|\.to_excel\(")
# Modules allowed to hold a spreadsheet writer, and how they escape.
ALLOWED = {
    "lms/exporter.py": "the shared writer itself",
    "ledger/exports.py": "styled workbook; every row through lms.exporter.xlsx_row (checked below)",
}


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_module_writes_a_spreadsheet_with_its_own_writer():
    offenders = [name for name, text in _sources() if WRITERS.search(text) and name not in ALLOWED]
    assert offenders == [], f"write CSV/XLSX through lms.exporter (ListExporter, render_csv/xlsx): {offenders}"


def test_the_ledger_workbook_appends_only_escaped_rows():
    text = (ROOT / "ledger/exports.py").read_text(encoding="utf-8")
    appends = re.findall(r"sheet\.append\((.*)\)", text)
    assert appends
    assert all(arg.startswith("xlsx_row(") or arg == "[]" for arg in appends), appends
    # Cells are otherwise only styled (font, number format), never given a value directly.
    assert not re.search(r"\.value\s*=(?!=)|sheet\[[^\]]*\]\s*=(?!=)|\.cell\([^)]*value=", text)


def test_wagtail_list_exports_are_escaped():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert getattr(SpreadsheetExportMixin.preprocess_field_value, "sinau_escaped", False)
    mixin = SpreadsheetExportMixin()
    assert mixin.preprocess_field_value("name", "=1+1", SpreadsheetExportMixin.FORMAT_CSV) == "'=1+1"
    assert mixin.preprocess_field_value("name", "@SUM(A1)", SpreadsheetExportMixin.FORMAT_XLSX) == "'@SUM(A1)"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_quiz_export_class_renders_through_the_shared_writer(fmt):
    import inspect

    from lms.exporter import ListExporter
    from quizzes import exports

    classes = [c for _, c in inspect.getmembers(exports, inspect.isclass) if c.__module__ == exports.__name__]
    assert classes
    for cls in classes:
        assert issubclass(cls, ListExporter), cls
        # Only header() and rows() are theirs; render/response stay the shared, escaping ones.
        assert cls.render is ListExporter.render and cls.response is ListExporter.response, cls

    class Hostile(ListExporter):
        def header(self):
            return ["Nama"]

        def rows(self):
            yield ["=cmd|' /C calc'!A0"]

    content = Hostile().render(fmt)
    if fmt == "csv":
        assert "'=cmd" in content.decode("utf-8-sig")
    else:
        import io

        from openpyxl import load_workbook

        assert load_workbook(io.BytesIO(content)).active["A2"].value == "'=cmd|' /C calc'!A0"
