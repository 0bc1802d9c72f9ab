"""Books that grow: the jurnal umum and buku besar pages are keyset-paginated (with the date
filters), and long downloads are rendered by a background job with progress, for the owner only."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from ledger import exports, reports
from ledger.services import LineInput, post_journal_entry, reverse_journal_entry
from lms.models import BackgroundJob

pytestmark = pytest.mark.django_db

ENTRIES = 130


@pytest.fixture
def long_book(book, trainee):
    """130 entries over 2026 (cash against sales or savings), two of three lines on 1101."""
    for i in range(ENTRIES):
        amount = 1000 + i
        lines = [LineInput.dr("1101", amount), LineInput.cr("4102", amount)]
        if i % 3 == 0:
            lines = [LineInput.dr("1101", amount), LineInput.cr("3102", amount, "A001")]
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 1, 1) + dt.timedelta(days=(i * 7) % 360),
            description=f"Transaksi {i + 1}",
            lines=lines,
        )
    return book


def numbers_on(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'/jurnal/(\d+)/">#\d+<', html)]


def follow(client, url, link_text):
    page = client.get(url)
    match = re.search(r'<a[^>]*href="(\?[^"]*)"[^>]*>' + link_text + "<", page.text)
    return match.group(1).replace("&amp;", "&") if match else None


# --- jurnal umum ---------------------------------------------------------------------------


def test_the_journal_is_paged_by_entry_number(client_for, trainee, long_book):
    client = client_for(trainee)
    base = reverse("ledger:entry_list", args=[long_book.pk])
    first = client.get(base)
    assert numbers_on(first.text) == list(range(1, 51))
    assert "Sebelumnya" not in first.text and "Jumlah" not in first.text  # totals on the last page only
    next_query = follow(client, base, "Berikutnya")
    assert next_query == "?setelah=50"
    second = client.get(base + next_query)
    assert numbers_on(second.text) == list(range(51, 101))
    last = client.get(base + "?setelah=100")
    assert numbers_on(last.text) == list(range(101, 131))
    assert "Berikutnya" not in last.text and "Jumlah" in last.text
    # Back from the last page lands on the page before it, then on the first.
    back = follow(client, base + "?setelah=100", "Sebelumnya")
    assert numbers_on(client.get(base + back).text) == list(range(51, 101))
    assert numbers_on(client.get(base + "?sebelum=51").text) == list(range(1, 51))
    assert "Awal" in second.text


def test_the_journal_pages_keep_the_date_filter(client_for, trainee, long_book):
    client = client_for(trainee)
    base = reverse("ledger:entry_list", args=[long_book.pk])
    url = base + "?dari=2026-07-01&sampai=2026-09-30"
    expected = [
        entry.number for entry in reports.general_journal(long_book, dt.date(2026, 7, 1), dt.date(2026, 9, 30)).entries
    ]
    seen, query = [], "?dari=2026-07-01&sampai=2026-09-30"
    while query:
        seen += numbers_on(client.get(base + query).text)
        assert query is None or "dari=2026-07-01" in query
        query = follow(client, base + query, "Berikutnya")
    assert seen == expected and len(seen) > 0
    assert "dari=2026-07-01" in client.get(url).text  # download links keep the filter, not the cursor


def test_a_garbled_cursor_shows_the_first_page(client_for, trainee, long_book):
    base = reverse("ledger:entry_list", args=[long_book.pk])
    for bad in ("abc", "1~2", "", "-5"):
        response = client_for(trainee).get(base, {"setelah": bad})
        assert response.status_code == 200


def test_a_deep_journal_page_runs_the_queries_of_the_first(client_for, trainee, long_book, django_assert_num_queries):
    client = client_for(trainee)
    base = reverse("ledger:entry_list", args=[long_book.pk])
    client.get(base)
    with django_assert_num_queries(6) as first:
        client.get(base)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(base + "?setelah=50")


# --- buku besar ----------------------------------------------------------------------------


def test_ledger_pages_carry_the_running_balance(long_book):
    full = reports.general_ledger(long_book, "1101")
    seen, after, opening_checked = [], None, False
    while True:
        page, info = reports.general_ledger_page(long_book, "1101", after=after, size=40)
        if seen:
            assert page.opening_balance == seen[-1].balance  # "saldo pindahan"
            opening_checked = True
        seen += page.rows
        if info.is_last:
            assert page.closing_balance == full.closing_balance
            assert (page.total_debit, page.total_credit) == (full.total_debit, full.total_credit)
            break
        after = info.next_cursor
    assert opening_checked
    assert [(r.entry_number, r.balance) for r in seen] == [(r.entry_number, r.balance) for r in full.rows]
    # Backwards from the last page gives the same rows and balances.
    back, info = reports.general_ledger_page(
        long_book, "1101", before=f"{seen[-40].date}~{seen[-40].entry_number}~0~{seen[-40].line_id}", size=40
    )
    assert [r.balance for r in back.rows] == [r.balance for r in seen[-80:-40]]


def test_ledger_page_with_a_start_date_opens_with_the_balance_before_it(long_book):
    start = dt.date(2026, 6, 1)
    full = reports.general_ledger(long_book, "1101", start=start)
    page, info = reports.general_ledger_page(long_book, "1101", start=start)
    assert page.opening_balance == full.opening_balance != 0
    assert [r.balance for r in page.rows] == [r.balance for r in full.rows][: len(page.rows)]


def test_the_ledger_page_links_its_pages(client_for, trainee, long_book):
    client = client_for(trainee)
    base = reverse("ledger:report", args=[long_book.pk, "buku-besar"]) + "?akun=1101"
    first = client.get(base)
    assert "Saldo awal" in first.text and "Saldo akhir" not in first.text
    query = follow(client, base, "Berikutnya")
    assert "akun=1101" in query and "setelah=" in query
    second = client.get(reverse("ledger:report", args=[long_book.pk, "buku-besar"]) + query)
    assert "Saldo pindahan" in second.text and "Saldo akhir" in second.text


def test_a_deep_ledger_page_runs_the_queries_of_the_first(client_for, trainee, long_book, django_assert_num_queries):
    client = client_for(trainee)
    url = reverse("ledger:report", args=[long_book.pk, "buku-besar"])
    client.get(url, {"akun": "1101"})
    with django_assert_num_queries(9) as first:
        client.get(url, {"akun": "1101"})
    _page, info = reports.general_ledger_page(long_book, "1101", size=100)
    # The last page's totals add its rows to what came before it: no pass over the whole account.
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url, {"akun": "1101", "setelah": info.next_cursor})


def test_last_ledger_page_totals_hold_for_a_date_range_and_past_the_last_row(long_book):
    start, end = dt.date(2026, 3, 1), dt.date(2026, 10, 31)
    full = reports.general_ledger(long_book, "1101", start=start, end=end)
    after, pages = None, 0
    while True:
        page, info = reports.general_ledger_page(long_book, "1101", start=start, end=end, after=after, size=30)
        pages += 1
        if info.is_last:
            break
        after = info.next_cursor
    assert pages > 1
    assert (page.total_debit, page.total_credit) == (full.total_debit, full.total_credit) != (0, 0)
    assert page.closing_balance == full.closing_balance
    # A cursor at the very last row (an old link after the book stopped growing): an empty last
    # page still carries the totals of the whole account.
    whole = reports.general_ledger(long_book, "1101")
    last = whole.rows[-1]
    empty, info = reports.general_ledger_page(
        long_book, "1101", after=f"{last.date}~{last.entry_number}~{last.line_order}~{last.line_id}"
    )
    assert empty.rows == [] and info.is_last
    assert (empty.total_debit, empty.total_credit) == (whole.total_debit, whole.total_credit)


# --- downloads as background jobs ------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_long_pdf_is_rendered_by_a_job_the_owner_downloads(
    client_for, trainee, long_book, make_user, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(exports, "PDF_PART_ROWS", 120)  # several parts, joined
    client = client_for(trainee)
    url = reverse("ledger:report_download", args=[long_book.pk, "jurnal-umum", "pdf"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(url, {"dari": "2026-01-01", "setelah": "50"})
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == BackgroundJob.Status.QUEUED and job.owner == trainee
    assert job.params == {"book_id": long_book.pk, "slug": "jurnal-umum", "fmt": "pdf", "query": "dari=2026-01-01"}
    assert "dari=2026-01-01" in job.return_url
    # Asking again while it waits is the same job.
    with django_capture_on_commit_callbacks(execute=False):
        assert client.get(url, {"dari": "2026-01-01"})["Location"] == job.get_absolute_url()
    assert BackgroundJob.objects.count() == 1
    callbacks[0]()  # the worker
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.progress_done == job.progress_total > 200
    download = client.get(reverse("job_download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    content = b"".join(download.streaming_content)
    text = pdf_text(content)
    assert "Transaksi 1\n" in text or "Transaksi 1 " in text
    assert "Transaksi 130" in text and "Halaman 3" in text
    # Nobody else: not another trainee, not the instructor.
    other = client_for(make_user())
    assert other.get(reverse("job_download", args=[job.pk])).status_code == 404


def test_a_short_pdf_is_still_served_at_once(client_for, trainee, book, post):
    post(book, [LineInput.dr("1101", 5), LineInput.cr("3103", 5)])
    response = client_for(trainee).get(reverse("ledger:report_download", args=[book.pk, "jurnal-umum", "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert BackgroundJob.objects.count() == 0


def test_a_long_xlsx_goes_to_a_job_too(client_for, trainee, long_book, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(exports, "XLSX_SYNC_MAX_ROWS", 100)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(trainee).get(
            reverse("ledger:report_download", args=[long_book.pk, "buku-besar", "xlsx"]), {"akun": "1101"}
        )
    job = BackgroundJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.result_filename == f"buku-besar-buku-{long_book.pk}.xlsx"
    assert job.result_content_type == exports.XLSX_CONTENT_TYPE


def test_the_job_checks_the_book_again(client_for, trainee, long_book, make_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_for(trainee).get(reverse("ledger:report_download", args=[long_book.pk, "jurnal-umum", "pdf"]))
    job = BackgroundJob.objects.get()
    stranger = make_user()
    BackgroundJob.objects.filter(pk=job.pk).update(owner=stranger)  # as if access was lost meanwhile
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.FAILED and "tidak berhak" in job.message


def test_nobody_else_starts_a_job_on_a_book(client_for, make_user, long_book):
    response = client_for(make_user()).get(reverse("ledger:report_download", args=[long_book.pk, "jurnal-umum", "pdf"]))
    assert response.status_code == 404 and BackgroundJob.objects.count() == 0


def test_parts_are_rendered_with_progress_and_numbered_on(worked_book, monkeypatch):
    monkeypatch.setattr(exports, "PDF_PART_ROWS", 10)
    monkeypatch.setattr(exports, "PDF_SUBTABLE_ROWS", 4)
    document = exports.build_report("jurnal-umum", book=worked_book, params={})
    total = exports.document_rows(document)
    calls = []
    pdf = exports.render_pdf(document, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= -(-total // 10) and calls[-1] == (total, total)  # parts cut between 4-row pieces
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    reader = PdfReader(io.BytesIO(pdf))
    footers = [re.search(r"Halaman (\d+)", page.extract_text()).group(1) for page in reader.pages]
    assert footers == [str(n) for n in range(1, len(reader.pages) + 1)]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_renders_the_long_pdf_while_the_request_returns(real_worker, client_for, trainee, book):
    """Through Redis and the worker .ci/run starts: the request only starts the job; the worker
    claims it and stores the file (in the worker's own media folder: the test settings give each
    process a temporary one, so the download itself is tested with eager Celery above)."""
    import time

    for i in range(40):
        post_journal_entry(
            book=book,
            user=trainee,
            date=dt.date(2026, 1, 1) + dt.timedelta(days=i),
            description=f"Transaksi {i + 1}",
            lines=[LineInput.dr("1101", 1000 + i), LineInput.cr("4102", 1000 + i)],
        )
    client = client_for(trainee)
    started = time.monotonic()
    response = client.get(reverse("ledger:report_download", args=[book.pk, "jurnal-umum", "pdf"]))
    assert response.status_code == 302 and time.monotonic() - started < 5
    job = BackgroundJob.objects.get()
    deadline = time.monotonic() + 120
    while job.status in (BackgroundJob.Status.QUEUED, BackgroundJob.Status.RUNNING) and time.monotonic() < deadline:
        time.sleep(0.5)
        job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.message
    assert job.attempts == 1 and job.progress_done == job.progress_total > 40
    assert job.result_content_type == "application/pdf" and job.result_file.name.endswith(".pdf")


def last_journal_page(book, **dates):
    after = None
    while True:
        page, info = reports.general_journal_page(book, after=after, size=40, **dates)
        if info.is_last:
            return page
        after = info.next_cursor


def test_last_journal_page_totals_match_the_whole_journal(long_book, trainee):
    # A reversal too: the totals count every posted line, whatever its kind.
    entry = long_book.entries.order_by("number").first()
    reverse_journal_entry(entry=entry, user=trainee, date=dt.date(2026, 12, 30), reason="Salah catat")
    whole = reports.general_journal(long_book)
    page = last_journal_page(long_book)  # from the per-month totals
    assert (page.total_debit, page.total_credit) == (whole.total_debit, whole.total_credit) != (0, 0)
    ranged = reports.general_journal(long_book, start=dt.date(2026, 2, 10), end=dt.date(2026, 9, 20))
    page = last_journal_page(long_book, start=dt.date(2026, 2, 10), end=dt.date(2026, 9, 20))  # from the lines
    assert (page.total_debit, page.total_credit) == (ranged.total_debit, ranged.total_credit) != (0, 0)
    assert ranged.total_debit < whole.total_debit
