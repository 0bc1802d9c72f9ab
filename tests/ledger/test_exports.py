"""PDF (xhtml2pdf) and XLSX (openpyxl) downloads of the reports and of the SHU allocation."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from ledger.services import LineInput

REPORT_SLUGS = [
    "jurnal-umum",
    "buku-besar",
    "neraca-saldo",
    "hasil-usaha",
    "posisi-keuangan",
    "perubahan-ekuitas",
    "kartu-simpanan",
    "kartu-piutang",
    "jurnal-penutup",
]


@pytest.fixture
def worked_book(book, post):
    post(
        book,
        [
            LineInput.dr("1101", "2.000.000"),
            LineInput.cr("3101", "500.000", "A001"),
            LineInput.cr("3102", "1.500.000", "A001"),
        ],
        date=dt.date(2026, 1, 5),
    )
    post(book, [LineInput.dr("1103", "750.000", "A002"), LineInput.cr("1101", "750.000")], date=dt.date(2026, 2, 1))
    post(
        book,
        [LineInput.dr("1101", "1.200.000,50"), LineInput.cr("4101", "1.200.000,50", "A002")],
        date=dt.date(2026, 3, 1),
    )
    return book


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_every_report_downloads_as_pdf_and_xlsx(client_for, trainee, worked_book, slug):
    client = client_for(trainee)
    pdf = client.get(reverse("ledger:report_download", args=[worked_book.pk, slug, "pdf"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "Koperasi Uji Sejahtera" in pdf_text(pdf.content)
    xlsx = client.get(reverse("ledger:report_download", args=[worked_book.pk, slug, "xlsx"]))
    assert xlsx.status_code == 200
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Koperasi Uji Sejahtera"


def test_trial_balance_pdf_has_the_figures_header_and_indonesian_dates(client_for, trainee, worked_book):
    response = client_for(trainee).get(reverse("ledger:report_download", args=[worked_book.pk, "neraca-saldo", "pdf"]))
    text = pdf_text(response.content)
    assert "Neraca Saldo" in text
    assert "Rp 2.450.000,50" in text  # Kas 2.000.000 - 750.000 + 1.200.000,50
    assert "Rp 3.200.000,50" in text  # the totals
    assert "1 Januari 2026" in text and "31 Desember 2026" in text


def test_trial_balance_xlsx_has_numbers_in_rupiah_format(client_for, trainee, worked_book):
    response = client_for(trainee).get(reverse("ledger:report_download", args=[worked_book.pk, "neraca-saldo", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    kas = rows["1101"]
    assert isinstance(kas[2].value, (int, float)) and Decimal(str(kas[2].value)) == Decimal("2450000.5")
    assert "Rp" in kas[2].number_format and "#,##0" in kas[2].number_format
    piutang = rows["1103"]
    assert piutang[2].value == 750000 and piutang[2].number_format.startswith('"Rp" #,##0;')


def test_journal_xlsx_keeps_dates_as_dates(client_for, trainee, worked_book):
    response = client_for(trainee).get(reverse("ledger:report_download", args=[worked_book.pk, "jurnal-umum", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    dates = [row[0].value for row in sheet.iter_rows() if isinstance(row[0].value, dt.datetime)]
    assert dates[0].date() == dt.date(2026, 1, 5)


def test_unknown_format_is_404(client_for, trainee, worked_book):
    assert client_for(trainee).get(f"/buku/{worked_book.pk}/laporan/neraca-saldo/unduh/csv/").status_code == 404


SHU_QUERY = {
    "shu_amount": "60.000.000",
    "pct_cadangan": "40",
    "pct_jasa_usaha": "25",
    "pct_jasa_modal": "20",
    "pct_pengurus": "5",
    "pct_karyawan": "5",
    "pct_pendidikan": "2,5",
    "pct_sosial": "2,5",
}


@pytest.fixture
def shu_book(book, post):
    """Simpanan 2.000.000 of A001 out of 40.000.000; purchases 12.000.000 of A001 out of 300.000.000."""
    post(
        book,
        [
            LineInput.dr("1101", "40.000.000"),
            LineInput.cr("3101", "400.000", "A001"),
            LineInput.cr("3102", "1.600.000", "A001"),
            LineInput.cr("3102", "38.000.000", "A002"),
        ],
    )
    post(
        book,
        [
            LineInput.dr("1101", "300.000.000"),
            LineInput.cr("4101", "12.000.000", "A001"),
            LineInput.cr("4101", "288.000.000", "A002"),
        ],
    )
    return book


def test_shu_page_allocates_the_domain_example(client_for, trainee, shu_book):
    page = client_for(trainee).get(reverse("ledger:shu", args=[shu_book.pk]), SHU_QUERY)
    assert page.status_code == 200
    html = page.text
    assert "Rp 24.000.000" in html  # cadangan 40%
    assert "Rp 600.000" in html and "Rp 1.200.000" in html  # A001: jasa modal + jasa usaha
    assert "Selisih pembulatan" in html


def test_shu_percentages_not_100_are_refused(client_for, trainee, shu_book):
    query = dict(SHU_QUERY, pct_sosial="5")
    page = client_for(trainee).get(reverse("ledger:shu", args=[shu_book.pk]), query)
    assert page.status_code == 400
    assert "harus 100%" in page.text and "102,5%" in page.text
    download = client_for(trainee).get(reverse("ledger:shu_download", args=[shu_book.pk, "pdf"]), query)
    assert download.status_code == 302


def test_shu_downloads(client_for, trainee, shu_book):
    client = client_for(trainee)
    pdf = client.get(reverse("ledger:shu_download", args=[shu_book.pk, "pdf"]), SHU_QUERY)
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert "Pembagian SHU" in text and "Rp 1.200.000" in text
    xlsx = client.get(reverse("ledger:shu_download", args=[shu_book.pk, "xlsx"]), SHU_QUERY)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    a001 = next(row for row in sheet.iter_rows() if row[0].value == "A001")
    assert [cell.value for cell in a001[4:7]] == [600000, 600000, 1200000]


def test_long_reports_are_cut_in_the_pdf_with_a_note(client_for, trainee, worked_book, monkeypatch):
    from ledger import exports

    monkeypatch.setattr(exports, "PDF_MAX_ROWS", 4)
    response = client_for(trainee).get(reverse("ledger:report_download", args=[worked_book.pk, "jurnal-umum", "pdf"]))
    text = pdf_text(response.content)
    assert "baris tidak dicetak" in text
    xlsx = client_for(trainee).get(reverse("ledger:report_download", args=[worked_book.pk, "jurnal-umum", "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row > 10  # the XLSX keeps every row


def test_date_filters_reach_the_downloads(client_for, trainee, worked_book):
    client = client_for(trainee)
    page = client.get(reverse("ledger:report", args=[worked_book.pk, "jurnal-umum"]), {"dari": "2026-02-01"})
    assert 'name="dari"' in page.text and 'value="2026-02-01"' in page.text
    assert "dari=2026-02-01" in page.text  # the download links keep the filter
    assert "#1<" not in page.text and "#2<" in page.text
    xlsx = client.get(
        reverse("ledger:report_download", args=[worked_book.pk, "jurnal-umum", "xlsx"]), {"dari": "2026-02-01"}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    dates = [row[0].value.date() for row in sheet.iter_rows() if isinstance(row[0].value, dt.datetime)]
    assert dates and min(dates) >= dt.date(2026, 2, 1)


HOSTILE = {
    "cooperative_name": '=HYPERLINK("http://contoh.test","klik")',
    "member": "+cmd|' /C calc'!A0",
    "description": "@SUM(1+1)*cmd",
    "voucher": "-2+3",
}


def _assert_formula_free(content: bytes):
    """No live formula anywhere, and every text cell passes the shared escaping rule unchanged."""
    from lms.exporter import escape_cell

    sheet = load_workbook(io.BytesIO(content)).active
    texts = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert escape_cell(cell.value) == cell.value, (cell.coordinate, cell.value)
                texts.append(cell.value)
    return "\n".join(texts)


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_report_xlsx_escapes_user_text_against_formulas(client_for, trainee, book, post, slug):
    book.cooperative_name = HOSTILE["cooperative_name"]
    book.save()
    book.members.filter(number="A001").update(name=HOSTILE["member"])
    post(
        book,
        [LineInput.dr("1101", "500.000"), LineInput.cr("3101", "500.000", "A001")],
        date=dt.date(2026, 1, 5),
        description=HOSTILE["description"],
        voucher=HOSTILE["voucher"],
    )
    query = {"anggota": "A001"} if slug.startswith("kartu-") else {}
    response = client_for(trainee).get(reverse("ledger:report_download", args=[book.pk, slug, "xlsx"]), query)
    assert response.status_code == 200
    text = _assert_formula_free(response.content)
    assert "'=HYPERLINK" in text  # the cooperative's name heads every report
    if slug in ("jurnal-umum", "buku-besar", "kartu-simpanan"):
        assert "@SUM(1+1)*cmd" in text


def test_shu_xlsx_escapes_member_names(client_for, trainee, shu_book):
    shu_book.members.filter(number="A001").update(name=HOSTILE["member"])
    response = client_for(trainee).get(reverse("ledger:shu_download", args=[shu_book.pk, "xlsx"]), SHU_QUERY)
    text = _assert_formula_free(response.content)
    assert "'+cmd|' /C calc'!A0" in text
