"""Reports as one neutral document (title, header, tables of cells) rendered three ways: the HTML
page, a PDF (xhtml2pdf, A4) and an XLSX workbook (openpyxl, numbers as numbers in Rupiah format).

Each report page builds a `ReportDocument` from `ledger.reports` (see `ledger.report_documents`
builders in this module); the renderers here know nothing about accounting.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.exporter import XLSX_CONTENT_TYPE, sheet_title, xlsx_row
from lms.formatting import format_rupiah, format_tanggal

from . import reports

RUPIAH_FORMAT = '"Rp" #,##0;-"Rp" #,##0'
RUPIAH_CENTS_FORMAT = '"Rp" #,##0.00;-"Rp" #,##0.00'
PERCENT_FORMAT = "0.00"
DATE_FORMAT = "dd/mm/yyyy"


@dataclass
class Cell:
    """One cell: its raw value (Decimal, date, str, int) and how it reads on a page."""

    value: object = ""
    kind: str = "text"  # text | money | date | number | percent
    url: str = ""

    @property
    def text(self) -> str:
        if self.value is None or self.value == "":
            return ""
        if self.kind == "money":
            return format_rupiah(self.value)
        if self.kind == "date":
            return format_tanggal(self.value)
        if self.kind == "percent":
            return f"{Decimal(self.value).normalize():f}".replace(".", ",") + "%"
        return str(self.value)

    @property
    def is_num(self) -> bool:
        return self.kind in ("money", "number", "percent")


def money(value) -> Cell:
    return Cell(value, "money")


def text(value, url: str = "") -> Cell:
    return Cell("" if value is None else value, "text", url)


def date_cell(value) -> Cell:
    return Cell(value, "date")


def number(value) -> Cell:
    return Cell(value, "number")


def percent(value) -> Cell:
    return Cell(value, "percent")


@dataclass
class Row:
    cells: list[Cell]
    style: str = ""  # "" | "total" | "subtotal" | "heading" | "muted"


@dataclass
class Table:
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    heading: str = ""
    numeric: list[bool] | None = None  # which columns hold numbers (right-aligned)

    def add(self, *cells: Cell, style: str = "") -> Row:
        row = Row(list(cells), style)
        self.rows.append(row)
        return row

    def column_is_num(self) -> list[bool]:
        if self.numeric is not None:
            return self.numeric
        flags = [False] * len(self.columns)
        for row in self.rows:
            for i, cell in enumerate(row.cells[: len(flags)]):
                if cell.is_num:
                    flags[i] = True
        return flags

    @property
    def header(self) -> list[dict]:
        return [
            {"label": label, "is_num": is_num}
            for label, is_num in zip(self.columns, self.column_is_num(), strict=False)
        ]

    def labelled_rows(self) -> list[tuple[Row, list[tuple[Cell, str]]]]:
        """Each row with its cells paired with their column's name: on a phone the page shows every
        cell on its own line led by that name (`table.reflow` in sinau.css)."""
        return [(row, list(zip(row.cells, self.columns, strict=False))) for row in self.rows]


@dataclass
class ReportDocument:
    title: str
    cooperative_name: str
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    subtitle: str = ""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Extra controls of the HTML page (filters such as the account of the buku besar) and the
    # date filters it accepts ("dari", "sampai") with their current values.
    filters: list[dict] = field(default_factory=list)
    date_filters: list[dict] = field(default_factory=list)
    # Set when the HTML page shows one keyset page of a long report (reports.PageInfo).
    pager: object = None

    @property
    def period_text(self) -> str:
        if self.period_start and self.period_end:
            return f"{format_tanggal(self.period_start)} – {format_tanggal(self.period_end)}"
        return ""

    def add_table(self, columns: list[str], heading: str = "") -> Table:
        table = Table(columns=columns, heading=heading)
        self.tables.append(table)
        return table


# --- PDF -----------------------------------------------------------------------------------


# xhtml2pdf lays out ~60 table rows per second; past this many rows the PDF is cut (with a note)
# and the XLSX, which has no limit, is the way to get everything (or filter with ?dari=&sampai=).
# A download over PDF_SYNC_MAX_ROWS is rendered by a background job (lms.jobs), which may print
# up to PDF_JOB_MAX_ROWS.
PDF_MAX_ROWS = 600
PDF_SYNC_MAX_ROWS = 50
PDF_JOB_MAX_ROWS = 6000
XLSX_SYNC_MAX_ROWS = 5000
# A long PDF is rendered in parts of PDF_PART_ROWS rows (each part starts on a new page; progress
# is reported per part) and each part's tables are cut into <table>s of PDF_SUBTABLE_ROWS rows:
# ReportLab re-measures a whole table at every page break, so one long table costs quadratic time.
PDF_PART_ROWS = 200
PDF_SUBTABLE_ROWS = 50


def _pdf_tables(document: ReportDocument, max_rows: int | None = None) -> tuple[list[Table], int]:
    """The tables to print (at most `max_rows` rows, PDF_MAX_ROWS by default) and how many rows were left out."""
    out, budget, left_out = [], PDF_MAX_ROWS if max_rows is None else max_rows, 0
    for table in document.tables:
        rows = table.rows
        if rows and budget <= 0:
            left_out += len(rows)
            continue
        if len(rows) > budget:
            left_out += len(rows) - budget
            rows = rows[:budget]
        budget -= len(rows)
        out.append(Table(columns=table.columns, rows=rows, heading=table.heading, numeric=table.column_is_num()))
    return out, left_out


def _render_html_pdf(context: dict) -> bytes:
    from xhtml2pdf import pisa

    html = render_to_string("ledger/pdf/report.html", context)
    out = io.BytesIO()
    result = pisa.CreatePDF(html, dest=out, encoding="utf-8")
    if result.err:
        raise RuntimeError(f"xhtml2pdf failed with {result.err} error(s)")
    return out.getvalue()


def _parts(tables: list[Table]) -> list[list[Table]]:
    """Tables cut into parts of about PDF_PART_ROWS rows, each table into PDF_SUBTABLE_ROWS-row pieces
    (the heading stays on the first piece)."""
    parts: list[list[Table]] = [[]]
    in_part = 0
    for table in tables:
        rows = table.rows or []
        pieces = [rows[i : i + PDF_SUBTABLE_ROWS] for i in range(0, len(rows), PDF_SUBTABLE_ROWS)] or [[]]
        for index, piece in enumerate(pieces):
            if in_part and in_part + len(piece) > PDF_PART_ROWS:
                parts.append([])
                in_part = 0
            heading = table.heading if index == 0 else ""
            parts[-1].append(Table(columns=table.columns, rows=piece, heading=heading, numeric=table.column_is_num()))
            in_part += len(piece)
    return parts


def render_pdf(document: ReportDocument, *, max_rows: int | None = None, progress=None) -> bytes:
    """The document as an A4 PDF; the cooperative's name and the period head every page.

    `progress(done_rows, total_rows)` is called as parts are rendered. A document of more than
    one part is rendered part by part and joined (pages numbered on, without the total)."""
    import pypdf

    tables, left_out = _pdf_tables(document, max_rows)
    parts = _parts(tables)
    total = sum(len(table.rows) for table in tables)
    base = {"document": document, "left_out": left_out, "printed_at": format_tanggal(timezone.now(), with_time=True)}
    if len(parts) == 1:
        pdf = _render_html_pdf({**base, "tables": parts[0], "first": True, "last": True})
        if progress:
            progress(total, total)
        return pdf
    writer = pypdf.PdfWriter()
    done = pages = 0
    for index, part in enumerate(parts):
        context = {
            **base,
            "tables": part,
            "first": index == 0,
            "last": index == len(parts) - 1,
            "chunked": True,
            "first_page": pages + 1,
        }
        reader = pypdf.PdfReader(io.BytesIO(_render_html_pdf(context)))
        for page in reader.pages:
            writer.add_page(page)
        pages += len(reader.pages)
        done += sum(len(table.rows) for table in part)
        if progress:
            progress(done, total)
    writer.add_metadata({"/Title": document.title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def document_rows(document: ReportDocument) -> int:
    return sum(len(table.rows) for table in document.tables)


# --- XLSX ----------------------------------------------------------------------------------


def render_xlsx(document: ReportDocument) -> bytes:
    """The document as a workbook: one sheet, a header block, then each table; amounts are numbers.

    Every row goes through `lms.exporter.xlsx_row` (formula escaping, the one rule for exports)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(document.title)
    bold = Font(bold=True)
    sheet.append(xlsx_row([document.cooperative_name]))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.append(xlsx_row([document.title]))
    sheet.cell(row=2, column=1).font = bold
    if document.period_text:
        sheet.append(xlsx_row([_("Periode: %(period)s") % {"period": document.period_text}]))
    if document.subtitle:
        sheet.append(xlsx_row([document.subtitle]))
    widths: dict[int, int] = {}
    for table in document.tables:
        sheet.append([])
        if table.heading:
            sheet.append(xlsx_row([table.heading]))
            sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append(xlsx_row(table.columns))
        header_row = sheet.max_row
        for col, is_num in enumerate(table.column_is_num(), start=1):
            cell = sheet.cell(row=header_row, column=col)
            cell.font = bold
            if is_num:
                cell.alignment = Alignment(horizontal="right")
        for row in table.rows:
            values = []
            for cell in row.cells:
                if cell.kind == "money" and cell.value not in (None, ""):
                    values.append(Decimal(cell.value))
                elif cell.kind == "percent" and cell.value not in (None, ""):
                    values.append(Decimal(cell.value))
                elif cell.kind == "date" and cell.value:
                    values.append(cell.value)
                else:
                    values.append(cell.value if cell.value is not None else "")
            sheet.append(xlsx_row(values))
            excel_row = sheet.max_row
            for col, cell in enumerate(row.cells, start=1):
                target = sheet.cell(row=excel_row, column=col)
                if cell.kind == "money" and cell.value not in (None, ""):
                    amount = Decimal(cell.value)
                    target.number_format = RUPIAH_FORMAT if amount == amount.to_integral() else RUPIAH_CENTS_FORMAT
                elif cell.kind == "date" and cell.value:
                    target.number_format = DATE_FORMAT
                elif cell.kind == "percent":
                    target.number_format = PERCENT_FORMAT
                if row.style in ("total", "subtotal", "heading"):
                    target.font = bold
                widths[col] = max(widths.get(col, 8), min(60, len(cell.text) + 2))
    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    for note in document.notes:
        sheet.append([])
        sheet.append(xlsx_row([note]))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def report_response(document: ReportDocument, *, fmt: str, filename: str) -> HttpResponse:
    if fmt == "pdf":
        response = HttpResponse(render_pdf(document), content_type="application/pdf")
    else:
        response = HttpResponse(render_xlsx(document), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


# --- Report documents built from ledger.reports ---------------------------------------------
# slug → (label, builder(book, params) -> ReportDocument). Builders live below.

REPORTS: dict[str, tuple[str, object]] = {}


def report(slug: str, label):
    def register(func):
        REPORTS[slug] = (label, func)
        return func

    return register


# Query parameters of the keyset pages of long reports (the HTML page only; downloads take all rows).
PAGE_PARAMS = ("setelah", "sebelum")


def build_report(slug: str, *, book, params, paged: bool = False) -> ReportDocument | None:
    """The report `slug` of a book; `paged`: one page of a long report (jurnal umum, buku besar)
    as the HTML page shows it, instead of every row."""
    entry = REPORTS.get(slug)
    if entry is None:
        return None
    label, builder = entry
    if paged and getattr(builder, "pageable", False):
        return builder(book, params, paged=True)
    return builder(book, params)


def estimated_rows(slug: str, *, book, params) -> int:
    """About how many rows a download of the report prints, counted by the database without
    building it (one or two COUNT queries): decides whether the download needs a background job.
    Reports bounded by the chart (neraca saldo, statements) count as small."""
    from .models import Account, JournalEntry, Member
    from .selectors import lines_in

    start, end = _param_date(params, "dari", book), _param_date(params, "sampai", book)
    if slug == "jurnal-umum":
        entries = JournalEntry.objects.filter(book=book)
        if start is not None:
            entries = entries.filter(date__gte=start)
        if end is not None:
            entries = entries.filter(date__lte=end)
        return entries.count() + lines_in(book=book, start=start, end=end).count()
    if slug == "buku-besar":
        code = (params.get("akun") or "1101").strip()
        account = Account.objects.filter(chart_id=book.chart_id, code=code).first()
        return lines_in(book=book, start=start, end=end, account_ids=[account.pk]).count() if account else 0
    if slug in ("kartu-simpanan", "kartu-piutang"):
        kind = slug.removeprefix("kartu-")
        lines = lines_in(book=book, end=end).filter(member__isnull=False, account__member_subledger=kind)
        return lines.count() + Member.objects.filter(book=book).count()
    return 0


def pageable(func):
    """Mark a report builder that accepts `paged=True`."""
    func.pageable = True
    return func


def _document(book, title) -> ReportDocument:
    return ReportDocument(
        title=str(title),
        cooperative_name=book.cooperative_name or book.title,
        period_start=book.period_start,
        period_end=book.period_end,
    )


def _param_date(params, name: str, book) -> dt.date | None:
    """A date filter from the query string (ISO), clamped to nothing when unreadable."""
    raw = (params.get(name) or "").strip() if params else ""
    if not raw:
        return None
    try:
        value = dt.date.fromisoformat(raw)
    except ValueError:
        return None
    return value


def _date_filters(doc: ReportDocument, params, *names: str) -> None:
    labels = {"dari": _("Dari tanggal"), "sampai": _("Sampai tanggal")}
    for name in names:
        value = _param_date(params, name, None)
        doc.date_filters.append({"name": name, "label": labels[name], "value": value.isoformat() if value else ""})


def _entry_url(book, number) -> str:
    from django.urls import reverse

    return reverse("ledger:entry_detail", kwargs={"book_id": book.pk, "number": number})


def _range_subtitle(start, end) -> str:
    if start and end:
        return _("Transaksi %(start)s – %(end)s") % {"start": format_tanggal(start), "end": format_tanggal(end)}
    if end:
        return _("Per %(date)s") % {"date": format_tanggal(end)}
    return ""


@report("jurnal-umum", gettext_lazy("Jurnal umum"))
@pageable
def jurnal_umum(book, params, paged: bool = False) -> ReportDocument:
    start, end = _param_date(params, "dari", book), _param_date(params, "sampai", book)
    pager = None
    if paged:
        data, pager = reports.general_journal_page(
            book, start=start, end=end, after=params.get("setelah"), before=params.get("sebelum")
        )
    else:
        data = reports.general_journal(book, start=start, end=end)
    doc = _document(book, _("Jurnal Umum"))
    doc.pager = pager
    _date_filters(doc, params, "dari", "sampai")
    doc.subtitle = _range_subtitle(start, end)
    table = doc.add_table([_("Tanggal"), _("No."), _("Akun / keterangan"), _("Kode"), _("Debit"), _("Kredit")])
    table.numeric = [False, False, False, False, True, True]
    for entry in data.entries:
        label = entry.description
        if entry.voucher:
            label = f"{label} ({_('bukti')} {entry.voucher})"
        if entry.kind != "normal":
            label = f"{label} [{entry.kind_label}]"
        table.add(
            date_cell(entry.date),
            text(f"#{entry.number}", _entry_url(book, entry.number)),
            text(label),
            text(""),
            text(""),
            text(""),
            style="heading",
        )
        for line in entry.lines:
            name = line.account_name if line.debit is not None else f"    {line.account_name}"
            if line.member_number:
                name = f"{name} — {line.member_number} {line.member_name}"
            table.add(text(""), text(""), text(name), text(line.account_code), money(line.debit), money(line.credit))
    if pager is None or pager.is_last:
        table.add(
            text(_("Jumlah")),
            text(""),
            text(""),
            text(""),
            money(data.total_debit),
            money(data.total_credit),
            style="total",
        )
    return doc


def _account_filter(book, selected: str) -> dict:
    from .selectors import postable_accounts

    choices = [(a.code, f"{a.code} — {a.name}") for a in postable_accounts(book)]
    return {"name": "akun", "label": _("Akun"), "choices": choices, "value": selected}


@report("buku-besar", gettext_lazy("Buku besar"))
@pageable
def buku_besar(book, params, paged: bool = False) -> ReportDocument:
    from .models import Account

    code = (params.get("akun") or "1101").strip() if params else "1101"
    start, end = _param_date(params, "dari", book), _param_date(params, "sampai", book)
    pager = None
    try:
        if paged:
            data, pager = reports.general_ledger_page(
                book, code, start=start, end=end, after=params.get("setelah"), before=params.get("sebelum")
            )
        else:
            data = reports.general_ledger(book, code, start=start, end=end)
    except Account.DoesNotExist:
        return None
    doc = _document(book, _("Buku Besar"))
    doc.pager = pager
    _date_filters(doc, params, "dari", "sampai")
    doc.subtitle = f"{data.account_code} — {data.account_name}"
    doc.filters = [_account_filter(book, data.account_code)]
    table = doc.add_table([_("Tanggal"), _("No."), _("Keterangan"), _("Debit"), _("Kredit"), _("Saldo")])
    table.numeric = [False, False, False, True, True, True]
    opening_label = _("Saldo awal") if pager is None or pager.is_first else _("Saldo pindahan")
    table.add(text(""), text(""), text(opening_label), text(""), text(""), money(data.opening_balance), style="muted")
    for row in data.rows:
        label = row.description
        if row.member_number:
            label = f"{label} — {row.member_number} {row.member_name}"
        table.add(
            date_cell(row.date),
            text(f"#{row.entry_number}", _entry_url(book, row.entry_number)),
            text(label),
            money(row.debit),
            money(row.credit),
            money(row.balance),
        )
    if pager is None or pager.is_last:
        table.add(
            text(_("Jumlah")),
            text(""),
            text(_("Saldo akhir")),
            money(data.total_debit),
            money(data.total_credit),
            money(data.closing_balance),
            style="total",
        )
    return doc


@report("neraca-saldo", gettext_lazy("Neraca saldo"))
def neraca_saldo(book, params) -> ReportDocument:
    as_of = _param_date(params, "sampai", book)
    data = reports.trial_balance(book, as_of=as_of)
    doc = _document(book, _("Neraca Saldo"))
    _date_filters(doc, params, "sampai")
    doc.subtitle = _range_subtitle(None, as_of or book.period_end)
    table = doc.add_table([_("Kode"), _("Nama akun"), _("Debit"), _("Kredit")])
    table.numeric = [False, False, True, True]
    for row in data.rows:
        table.add(text(row.code), text(row.name), money(row.debit or None), money(row.credit or None))
    table.add(text(""), text(_("Jumlah")), money(data.total_debit), money(data.total_credit), style="total")
    if not data.is_balanced:
        doc.notes.append(_("Neraca saldo tidak seimbang."))
    return doc


def _section_rows(table: Table, section, *, total_label: str):
    table.add(text(section.title), text(""), style="heading")
    for line in section.lines:
        label = f"{line.code} {line.name}".strip()
        table.add(text(label), money(line.amount))
    table.add(text(total_label), money(section.total), style="subtotal")


@report("hasil-usaha", gettext_lazy("Laporan perhitungan hasil usaha"))
def hasil_usaha(book, params) -> ReportDocument:
    """The PHU: members' net participation apart from non-members' gross profit, then other income,
    expenses, SHU before tax, tax and SHU after tax, and the members' part of it."""
    from .shu import members_shu_part

    start, end = _param_date(params, "dari", book), _param_date(params, "sampai", book)
    data = reports.income_statement(book, start=start, end=end)
    doc = _document(book, data.title)
    _date_filters(doc, params, "dari", "sampai")
    doc.subtitle = _range_subtitle(data.start, data.end)
    table = doc.add_table([_("Uraian"), _("Jumlah")])
    table.numeric = [False, True]

    def lines(section, *, negative: bool = False):
        for line in section.lines:
            table.add(text(f"{line.code} {line.name}".strip()), money(-line.amount if negative else line.amount))

    if data.member_revenue.lines or data.member_cost.lines:
        table.add(text(_("Hasil usaha dengan anggota")), text(""), style="heading")
        lines(data.member_revenue)
        lines(data.member_cost, negative=True)
        table.add(
            text(_("Jumlah hasil usaha dengan anggota (partisipasi neto)")), money(data.member_margin), style="subtotal"
        )
    if data.non_member_revenue.lines or data.non_member_cost.lines:
        table.add(text(_("Hasil usaha dengan non-anggota")), text(""), style="heading")
        lines(data.non_member_revenue)
        lines(data.non_member_cost, negative=True)
        table.add(text(_("Laba kotor dari non-anggota")), money(data.non_member_margin), style="subtotal")
    if data.other_revenue.lines:
        _section_rows(table, data.other_revenue, total_label=_("Jumlah pendapatan lain-lain"))
    _section_rows(table, data.expenses, total_label=_("Jumlah beban usaha dan beban lain"))
    label = _("SHU sebelum pajak") if data.shu_before_tax >= 0 else _("Defisit sebelum pajak")
    table.add(text(label), money(data.shu_before_tax), style="subtotal")
    for line in data.tax.lines:
        table.add(text(f"{line.code} {line.name}".strip()), money(-line.amount))
    label = _("SHU setelah pajak") if data.shu >= 0 else _("Defisit (rugi) setelah pajak")
    table.add(text(label), money(data.shu), style="total")
    part = members_shu_part(data)
    if data.shu > 0:
        table.add(text(_("Bagian SHU dari anggota (yang dibagi kepada anggota)")), money(part.amount), style="subtotal")
        table.add(text(_("Bagian SHU dari non-anggota")), money(part.non_member_amount), style="muted")
        doc.notes.append(part.explanation())
    doc.notes.append(
        _(
            "SHU adalah pendapatan satu tahun buku dikurangi biaya, penyusutan dan kewajiban lain termasuk "
            "pajak (Pasal 45 ayat 1 UU No. 25/1992); hanya SHU dari anggota yang dibagi kepada anggota."
        )
    )
    return doc


@report("posisi-keuangan", gettext_lazy("Laporan posisi keuangan"))
def posisi_keuangan(book, params) -> ReportDocument:
    as_of = _param_date(params, "sampai", book)
    data = reports.financial_position(book, as_of=as_of)
    doc = _document(book, _("Laporan Posisi Keuangan"))
    _date_filters(doc, params, "sampai")
    doc.subtitle = _range_subtitle(None, data.as_of)
    table = doc.add_table([_("Uraian"), _("Jumlah")])
    table.numeric = [False, True]
    _section_rows(table, data.assets, total_label=_("Jumlah aset"))
    _section_rows(table, data.liabilities, total_label=_("Jumlah kewajiban"))
    _section_rows(table, data.equity, total_label=_("Jumlah ekuitas"))
    table.add(text(_("Jumlah kewajiban dan ekuitas")), money(data.total_liabilities_and_equity), style="total")
    if not data.is_balanced:
        doc.notes.append(_("Jumlah aset tidak sama dengan jumlah kewajiban dan ekuitas."))
    return doc


@report("perubahan-ekuitas", gettext_lazy("Laporan perubahan ekuitas"))
def perubahan_ekuitas(book, params) -> ReportDocument:
    start, end = _param_date(params, "dari", book), _param_date(params, "sampai", book)
    data = reports.equity_changes(book, start=start, end=end)
    doc = _document(book, _("Laporan Perubahan Ekuitas"))
    _date_filters(doc, params, "dari", "sampai")
    doc.subtitle = _range_subtitle(data.start, data.end)
    table = doc.add_table([_("Kode"), _("Akun"), _("Saldo awal"), _("Penambahan"), _("Pengurangan"), _("Saldo akhir")])
    table.numeric = [False, False, True, True, True, True]
    for row in data.rows:
        table.add(
            text(row.code),
            text(row.name),
            money(row.opening),
            money(row.increase),
            money(row.decrease),
            money(row.closing),
        )
    table.add(
        text(""),
        text(_("Jumlah")),
        money(data.total_opening),
        money(data.total_increase),
        money(data.total_decrease),
        money(data.total_closing),
        style="total",
    )
    return doc


def _cards(book, params, kind: str) -> ReportDocument:
    as_of = _param_date(params, "sampai", book)
    data = reports.member_cards(book, kind=kind, as_of=as_of)
    selected = (params.get("anggota") or "").strip() if params else ""
    doc = _document(book, data.title)
    _date_filters(doc, params, "sampai")
    doc.subtitle = _range_subtitle(None, as_of or book.period_end)
    doc.filters = [
        {
            "name": "anggota",
            "label": _("Anggota"),
            "choices": [("", _("Semua anggota"))]
            + [(c.member_number, f"{c.member_number} — {c.member_name}") for c in data.cards],
            "value": selected,
        }
    ]
    summary = doc.add_table(
        [_("Nomor"), _("Nama")] + [name for _code, name in data.accounts] + [_("Jumlah")], heading=_("Ringkasan")
    )
    for card in data.cards:
        summary.add(
            text(card.member_number),
            text(card.member_name),
            *[money(card.balances.get(code)) for code, _name in data.accounts],
            money(card.total),
        )
    summary.add(
        text(""),
        text(_("Jumlah")),
        *[money(data.totals.get(code)) for code, _name in data.accounts],
        money(data.total),
        style="total",
    )
    for card in data.cards:
        if selected and card.member_number != selected:
            continue
        if not card.rows and not selected:
            continue
        table = doc.add_table(
            [_("Tanggal"), _("No."), _("Keterangan"), _("Akun"), _("Debit"), _("Kredit"), _("Saldo")],
            heading=f"{card.member_number} — {card.member_name}",
        )
        table.numeric = [False, False, False, False, True, True, True]
        for row in card.rows:
            table.add(
                date_cell(row.date),
                text(f"#{row.entry_number}", _entry_url(book, row.entry_number)),
                text(row.description),
                text(f"{row.account_code} {row.account_name}"),
                money(row.debit),
                money(row.credit),
                money(row.balance),
            )
        table.add(
            text(""), text(""), text(_("Saldo akhir")), text(""), text(""), text(""), money(card.total), style="total"
        )
    return doc


@report("kartu-simpanan", gettext_lazy("Kartu simpanan anggota"))
def kartu_simpanan(book, params) -> ReportDocument:
    return _cards(book, params, "simpanan")


@report("kartu-piutang", gettext_lazy("Kartu piutang anggota"))
def kartu_piutang(book, params) -> ReportDocument:
    return _cards(book, params, "piutang")


@report("jurnal-penutup", gettext_lazy("Jurnal penutup (pratinjau)"))
def jurnal_penutup(book, params) -> ReportDocument:
    from .exceptions import LedgerValidationError

    date = _param_date(params, "sampai", book) or book.period_end
    doc = _document(book, _("Jurnal Penutup"))
    _date_filters(doc, params, "sampai")
    doc.subtitle = _range_subtitle(None, date)
    try:
        data = reports.closing_entries(book, date=date)
    except LedgerValidationError as exc:
        doc.notes.extend(exc.messages)
        return doc
    table = doc.add_table([_("Kode"), _("Akun"), _("Debit"), _("Kredit")])
    table.numeric = [False, False, True, True]
    for line in data.lines:
        table.add(text(line.code), text(line.name), money(line.debit), money(line.credit))
    table.add(text(""), text(_("Jumlah")), money(data.total_debit), money(data.total_credit), style="total")
    if data.is_empty:
        doc.notes.append(_("Tidak ada saldo pendapatan atau beban yang perlu ditutup."))
    if data.closed_through:
        doc.notes.append(_("Buku sudah ditutup sampai %(date)s.") % {"date": format_tanggal(data.closed_through)})
    return doc


def shu_document(book, allocation, *, members_part=None) -> ReportDocument:
    """The SHU allocation (ledger.shu.ShuAllocation) as a document: components, then per member.

    With `members_part` (`ledger.shu.MembersShuPart`) the document first shows how the members' part
    of SHU after tax was found from the PHU."""
    from .shu import describe_rounding

    doc = _document(book, _("Pembagian SHU"))
    doc.subtitle = _("SHU yang dibagi: %(amount)s") % {"amount": format_rupiah(allocation.shu_amount)}
    if members_part is not None:
        found = doc.add_table([_("Uraian"), _("Jumlah")], heading=_("SHU dari anggota"))
        found.numeric = [False, True]
        found.add(text(_("SHU setelah pajak (PHU)")), money(members_part.shu_after_tax))
        found.add(text(_("Hasil usaha dengan anggota (partisipasi neto)")), money(members_part.member_margin))
        found.add(text(_("Laba kotor dari non-anggota")), money(members_part.non_member_margin))
        found.add(text(_("Bagian SHU dari anggota")), money(members_part.amount), style="total")
        doc.notes.append(members_part.explanation())
    components = doc.add_table([_("Komponen"), _("Persentase"), _("Jumlah")], heading=_("Komponen pembagian"))
    for component in allocation.components:
        components.add(text(component.label), percent(component.percent), money(component.amount))
    components.add(
        text(_("Jumlah")),
        percent(sum((c.percent for c in allocation.components), Decimal(0))),
        money(allocation.components_total),
        style="total",
    )
    members = doc.add_table(
        [_("Nomor"), _("Nama"), _("Simpanan"), _("Transaksi"), _("Jasa modal"), _("Jasa usaha"), _("Jumlah SHU")],
        heading=_("SHU per anggota"),
    )
    for member in allocation.members:
        members.add(
            text(member.number),
            text(member.name),
            money(member.simpanan),
            money(member.transactions),
            money(member.jasa_modal),
            money(member.jasa_usaha),
            money(member.total),
        )
    members.add(
        text(""),
        text(_("Jumlah dibagikan")),
        money(allocation.total_simpanan),
        money(allocation.total_transactions),
        money(allocation.jasa_modal_allocated),
        money(allocation.jasa_usaha_allocated),
        money(allocation.members_total),
        style="total",
    )
    members.add(
        text(""),
        text(_("Komponen JMA / JUA")),
        text(""),
        text(""),
        money(allocation.jasa_modal_amount),
        money(allocation.jasa_usaha_amount),
        money(allocation.jasa_modal_amount + allocation.jasa_usaha_amount),
        style="subtotal",
    )
    members.add(
        text(""),
        text(_("Selisih pembulatan")),
        text(""),
        text(""),
        money(allocation.jasa_modal_rounding_difference),
        money(allocation.jasa_usaha_rounding_difference),
        money(allocation.rounding_difference),
        style="muted",
    )
    members.numeric = [False, False, True, True, True, True, True]
    doc.notes.append(describe_rounding(allocation))
    doc.notes.append(
        _(
            "Jasa modal = JMA × simpanan anggota ÷ total simpanan; jasa usaha = JUA × transaksi anggota ÷ "
            "total transaksi anggota; masing-masing dibulatkan setengah ke atas ke Rp 1."
        )
    )
    return doc


REPORT_LINKS = [(slug, label) for slug, (label, _builder) in REPORTS.items()]
