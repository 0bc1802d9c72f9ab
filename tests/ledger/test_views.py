"""Ledger pages: books, the journal entry form (no JavaScript), reversal, members, closing, reports."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ledger.models import Book, EntryKind, JournalEntry
from ledger.services import LineInput

pytest.register_assert_rewrite("tests.ledger.fixtures_ui")

from .fixtures_ui import entry_post  # noqa: E402

pytest_plugins = ["tests.ledger.fixtures_ui"]  # make_book, supervises

D = Decimal


def entry_url(book):
    return reverse("ledger:entry_create", args=[book.pk])


def test_book_list_shows_own_books_and_creates_a_practice_book(client_for, trainee, book, make_book, make_user):
    other = make_book(make_user("Peserta"), title="Buku orang lain")
    client = client_for(trainee)
    page = client.get(reverse("ledger:book_list"))
    assert page.status_code == 200
    assert book.title in page.text
    assert other.title not in page.text
    response = client.post(reverse("ledger:book_create"), {"title": "Latihan koperasi saya", "year": "2026"})
    created = Book.objects.get(owner=trainee, title="Latihan koperasi saya")
    assert response.status_code == 302 and response.url == reverse("ledger:book_detail", args=[created.pk])
    assert created.period_start == dt.date(2026, 1, 1)


def test_entry_form_renders_four_rows_with_one_account_control_each(client_for, trainee, book):
    page = client_for(trainee).get(entry_url(book))
    assert page.status_code == 200
    html = page.text
    assert html.count('<fieldset class="entry-line') == 4
    assert html.count('list="account-options"') == 4 and 'class="account-select"' not in html
    assert '<option value="1101 — Kas" label="Aset">' in html
    # The suggestions come grouped by account type (a datalist has no optgroup: each carries its
    # group as its label), by code within a group.
    options = re.findall(r'<option value="(\d+) — [^"]*" label="([^"]*)">', html)
    groups = [label for _code, label in options]
    assert groups[0] == "Aset" and groups[-1] == "Beban"
    assert [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g] == [
        "Aset",
        "Kewajiban",
        "Ekuitas",
        "Pendapatan",
        "Beban",
    ]
    for group in set(groups):
        codes = [code for code, label in options if label == group]
        assert codes == sorted(codes)
    assert "1000 — ASET" not in html
    assert 'name="nonce"' in html
    assert "ledger/entry.js" in html


def test_posting_a_balanced_entry_without_javascript(client_for, trainee, book):
    data = entry_post(
        [
            {"account": "1101", "debit": "1.250.000"},
            {},
            {"account": "3101", "credit": "1.000.000", "member": "A001"},
            {"account": "3102", "credit": "250.000", "member": "A001", "memo": "Januari"},
        ]
    )
    response = client_for(trainee).post(entry_url(book), data)
    entry = JournalEntry.objects.get(book=book)
    assert response.status_code == 302
    assert response.url == reverse("ledger:entry_detail", args=[book.pk, entry.number])
    lines = list(entry.lines.order_by("order"))
    assert [(x.account.code, x.side, x.amount) for x in lines] == [
        ("1101", "D", D("1250000.00")),
        ("3101", "C", D("1000000.00")),
        ("3102", "C", D("250000.00")),
    ]
    assert lines[2].member.number == "A001" and lines[2].memo == "Januari"
    assert entry.created_by == trainee and entry.voucher == "BKM-01"


def test_double_submit_counts_once(client_for, trainee, book):
    client = client_for(trainee)
    data = entry_post([{"account": "1101", "debit": "500.000"}, {"account": "3103", "credit": "500.000"}], nonce="same")
    first = client.post(entry_url(book), data)
    second = client.post(entry_url(book), data)
    assert JournalEntry.objects.filter(book=book).count() == 1
    assert second.status_code == 302 and second.url == first.url


def test_double_submit_counts_once_without_a_shared_cache(client_for, trainee, book):
    """The guard is the entry's client_token in the database, so two web processes (each with its
    own local cache) still post once: clearing the cache between the posts changes nothing."""
    from django.core.cache import cache

    client = client_for(trainee)
    data = entry_post([{"account": "1101", "debit": "750.000"}, {"account": "3103", "credit": "750.000"}], nonce="n-2")
    first = client.post(entry_url(book), data)
    cache.clear()
    second = client.post(entry_url(book), data)
    assert JournalEntry.objects.filter(book=book).count() == 1
    assert JournalEntry.objects.get(book=book).client_token == "n-2"
    assert second.url == first.url
    assert "tidak dicatat dua kali" in client.get(second.url).content.decode()


def test_unbalanced_entry_shows_summary_and_keeps_input(client_for, trainee, book):
    data = entry_post([{"account": "1101", "debit": "1.000.000"}, {"account": "3103", "credit": "900.000"}])
    response = client_for(trainee).post(entry_url(book), data)
    assert response.status_code == 400
    assert not JournalEntry.objects.filter(book=book).exists()
    html = response.text
    assert 'id="error-summary"' in html
    assert "tidak sama dengan jumlah kredit" in html
    assert 'value="1.000.000"' in html and 'value="900.000"' in html


def test_service_error_lands_on_the_row_and_field_with_aria(client_for, trainee, book):
    # Row 2 is blank; row 3 uses a member sub-ledger account without a member.
    data = entry_post([{"account": "1101", "debit": "100.000"}, {}, {"account": "3101", "credit": "100.000"}])
    response = client_for(trainee).post(entry_url(book), data)
    assert response.status_code == 400
    html = response.text
    assert 'id="id_lines-2-member_error"' in html
    assert 'aria-describedby="id_lines-2-member_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_lines-2-member"' in html  # the summary links to the field
    assert "Baris 3:" in html


def test_form_errors_per_row(client_for, trainee, book):
    data = entry_post(
        [
            {"account": "1101", "debit": "1.000", "credit": "1.000"},
            {"account": "1101", "debit": "sejuta"},
            {"account": "3103", "credit": "0,001"},
        ]
    )
    response = client_for(trainee).post(entry_url(book), data)
    assert response.status_code == 400
    html = response.text
    assert "tidak keduanya" in html and 'id="id_lines-0-credit_error"' in html
    assert 'id="id_lines-1-debit_error"' in html
    assert 'id="id_lines-2-credit_error"' in html
    assert not JournalEntry.objects.filter(book=book).exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"account": "1000", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}], "akun induk"),
        ([{"account": "kas besar", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}], "tidak ada di bagan"),
        ([{"account": "piutang", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}], "Ada beberapa akun"),
        (
            [{"account": "1101", "debit": "1.000"}, {"account": "3101", "credit": "1.000", "member": "Z999"}],
            "tidak terdaftar",
        ),
    ],
)
def test_header_accounts_and_unknown_members_are_refused(client_for, trainee, book, rows, message):
    response = client_for(trainee).post(entry_url(book), entry_post(rows))
    assert response.status_code == 400
    assert message in response.text
    assert not JournalEntry.objects.filter(book=book).exists()


def test_date_outside_period_is_shown_on_the_date_field(client_for, trainee, book):
    data = entry_post(
        [{"account": "1101", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}], date="2025-12-31"
    )
    response = client_for(trainee).post(entry_url(book), data)
    assert response.status_code == 400
    assert 'id="id_date_error"' in response.text
    assert "periode buku" in response.text


def test_add_rows_button_keeps_input_and_adds_rows(client_for, trainee, book):
    data = entry_post([{"account": "1101", "debit": "1.250.000"}], description="Belum selesai", add_rows="1")
    response = client_for(trainee).post(entry_url(book), data)
    assert response.status_code == 200
    html = response.text
    assert html.count('<fieldset class="entry-line') == 8
    assert 'value="1.250.000"' in html and 'value="Belum selesai"' in html
    assert 'id="error-summary"' not in html
    assert not JournalEntry.objects.exists()


def test_entry_detail_and_reversal_with_reason(client_for, trainee, book, post):
    entry = post(book, [LineInput.dr("1101", "1.000.000"), LineInput.cr("3103", "1.000.000")])
    client = client_for(trainee)
    page = client.get(reverse("ledger:entry_detail", args=[book.pk, entry.number]))
    assert page.status_code == 200 and "Buat jurnal pembalik" in page.text
    refused = client.post(reverse("ledger:entry_reverse", args=[book.pk, entry.number]), {"reason": ""})
    assert refused.status_code == 400 and "alasan" in refused.text.lower()
    response = client.post(reverse("ledger:entry_reverse", args=[book.pk, entry.number]), {"reason": "Salah akun"})
    reversal = JournalEntry.objects.get(book=book, kind=EntryKind.REVERSAL)
    assert response.status_code == 302
    assert reversal.reverses == entry and "Salah akun" in reversal.description
    again = client.get(reverse("ledger:entry_detail", args=[book.pk, entry.number]))
    assert "sudah dibalik" in again.text and 'action="/buku/' not in again.text
    overview = client.get(reverse("ledger:book_detail", args=[book.pk])).text
    trail = overview[overview.index('id="jejak-audit"') :]
    assert "Jurnal dibalik" in trail and "Salah akun" in trail and "Jurnal diposting" in trail
    assert trainee.full_name in trail and f"#{reversal.number}" in trail


def test_members_page_adds_a_member(client_for, trainee, book):
    client = client_for(trainee)
    response = client.post(reverse("ledger:member_list", args=[book.pk]), {"number": "A004", "name": "Rina"})
    assert response.status_code == 302
    assert book.members.filter(number="A004").exists()
    duplicate = client.post(reverse("ledger:member_list", args=[book.pk]), {"number": "A004", "name": "Rina lagi"})
    assert duplicate.status_code == 400 and "sudah dipakai" in duplicate.text


def test_closing_preview_and_post(client_for, trainee, book, post):
    post(book, [LineInput.dr("1101", "500.000"), LineInput.cr("4104", "500.000")])
    post(book, [LineInput.dr("5104", "200.000"), LineInput.cr("1101", "200.000")])
    client = client_for(trainee)
    preview = client.get(reverse("ledger:closing", args=[book.pk]), {"date": "2026-12-31"})
    assert preview.status_code == 200
    assert "Rp 300.000" in preview.text and "3106" in preview.text
    response = client.post(reverse("ledger:closing", args=[book.pk]), {"date": "2026-12-31"})
    closing = JournalEntry.objects.get(book=book, kind=EntryKind.CLOSING)
    assert response.status_code == 302 and closing.date == dt.date(2026, 12, 31)


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
    post(book, [LineInput.dr("1101", "1.200.000"), LineInput.cr("4101", "1.200.000", "A002")], date=dt.date(2026, 3, 1))
    post(book, [LineInput.dr("5102", "300.000"), LineInput.cr("1101", "300.000")], date=dt.date(2026, 3, 31))
    return book


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_every_report_page_renders(client_for, trainee, worked_book, slug):
    page = client_for(trainee).get(reverse("ledger:report", args=[worked_book.pk, slug]))
    assert page.status_code == 200
    assert "Koperasi Uji Sejahtera" in page.text
    assert reverse("ledger:report_download", args=[worked_book.pk, slug, "pdf"]) in page.text


def test_report_figures_on_the_worked_example(client_for, trainee, worked_book):
    client = client_for(trainee)
    tb = client.get(reverse("ledger:report", args=[worked_book.pk, "neraca-saldo"])).text
    assert "Rp 2.150.000" in tb  # Kas: 2.000.000 - 750.000 + 1.200.000 - 300.000
    assert "Rp 3.200.000" in tb  # total debit = total credit
    phu = client.get(reverse("ledger:report", args=[worked_book.pk, "hasil-usaha"])).text
    assert "Rp 900.000" in phu  # SHU = 1.200.000 - 300.000
    ledger = client.get(reverse("ledger:report", args=[worked_book.pk, "buku-besar"]), {"akun": "1103"}).text
    assert "Rp 750.000" in ledger and "1103 — Piutang Usaha Anggota" in ledger
    cards = client.get(reverse("ledger:report", args=[worked_book.pk, "kartu-simpanan"])).text
    assert "Rp 2.000.000" in cards and "Siti Aminah" in cards
    assert (
        client.get(reverse("ledger:report", args=[worked_book.pk, "buku-besar"]), {"akun": "9999"}).status_code == 404
    )
    assert client.get(reverse("ledger:report", args=[worked_book.pk, "tidak-ada"])).status_code == 404


def test_entry_list_is_the_general_journal(client_for, trainee, worked_book):
    page = client_for(trainee).get(reverse("ledger:entry_list", args=[worked_book.pk]))
    assert page.status_code == 200
    assert "Jurnal Umum" in page.text
    assert reverse("ledger:entry_detail", args=[worked_book.pk, 1]) in page.text


def _add_entries(book, post, n):
    for i in range(n):
        post(book, [LineInput.dr("1101", 1000 + i), LineInput.cr("4104", 1000 + i)])


@pytest.mark.parametrize("url_name", ["ledger:book_detail", "ledger:report"])
def test_overview_and_trial_balance_run_a_fixed_number_of_queries(
    client_for, trainee, book, post, django_assert_num_queries, url_name
):
    client = client_for(trainee)
    args = [book.pk] if url_name == "ledger:book_detail" else [book.pk, "neraca-saldo"]
    url = reverse(url_name, args=args)
    _add_entries(book, post, 2)
    client.get(url)  # warm the session and the chart
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _add_entries(book, post, 25)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
