"""Benchmark: books that grow — the jurnal umum and buku besar pages, the trial balance, and a long
PDF download, for a book of 100 and one of 10,000 entries, measured in one run.

Usage (from the project root):

    .venv/bin/python bench/ledger_books.py                  # throw-away SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python bench/ledger_books.py
    .venv/bin/python bench/ledger_books.py --repeat 21 --sizes 100,10000

It bulk-inserts the books with `ledger.scale.load_book`, the loader behind `manage.py
load_scale_data` (every entry through cash, 1101, so the buku besar of 1101 fills whole pages in the
small book too; then it rebuilds their per-month totals), and requests, as the book's owner through
Django's test client, the first and a deep page (the middle of the book) of `/buku/<id>/jurnal/` and
of the buku besar of account 1101, interleaved round by round; it times
`ledger.reports.trial_balance` the same way. Then it asks for the general ledger of the big book as
PDF: the request only starts a background job (Celery is switched to a broker nobody listens to, so
the request pays what production's request pays), and the job is then run in-process to time it and
count its progress updates.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ledger_trial_balance import setup_django  # noqa: E402


def page_urls(book, client) -> dict[str, str]:
    """First and middle pages of the journal and of the buku besar of 1101 (cursors as the pager makes them)."""
    from django.urls import reverse

    from ledger import reports

    journal = reverse("ledger:entry_list", args=[book.pk])
    ledger = reverse("ledger:report", args=[book.pk, "buku-besar"]) + "?akun=1101"
    urls = {"jurnal p1": journal, "buku besar p1": ledger}
    if hasattr(reports, "general_journal_page"):
        count = book.entries.count()
        urls["jurnal deep"] = f"{journal}?setelah={count // 2}"
        rows = reports.general_ledger(book, "1101").rows
        middle = rows[len(rows) // 2]
        urls["buku besar deep"] = (
            f"{ledger}&setelah={middle.date}~{middle.entry_number}~{middle.line_order}~{middle.line_id}"
        )
    return urls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,10000", help="entry counts (the first is the reference)")
    parser.add_argument("--repeat", type=int, default=15, help="interleaved rounds; medians are reported")
    parser.add_argument("--skip-pdf", action="store_true", help="skip the PDF job")
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF of the biggest book")
    args = parser.parse_args()
    tmp = setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from ledger import reports, scale
    from lms import roles

    sizes = [int(s) for s in args.sizes.split(",")]
    user = get_user_model().objects.create_user(email="bench-books@example.test", full_name="Bench", password="x")  # nosec B106  # a throwaway bench account
    roles.assign_role(user, roles.TRAINEE)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    books, targets = {}, []
    try:
        for size in sizes:
            book, _created = scale.load_book(owner=user, entries=size)
            books[size] = book
            for name, url in page_urls(book, client).items():
                targets.append((size, name, lambda url=url: client.get(url)))
            targets.append((size, "trial_balance()", lambda book=book: reports.trial_balance(book)))
        if args.pdf_only:
            pdf_job(client, books[sizes[-1]])
            return 0
        queries, timings = {}, {(size, name): [] for size, name, _ in targets}
        for size, name, func in targets:
            func()
            captured = []
            with connection.execute_wrapper(
                lambda ex, sql, *rest, captured=captured: captured.append(sql) or ex(sql, *rest)
            ):
                response = func()
            if getattr(response, "status_code", 200) != 200:  # explicit: `python -O` drops asserts (bandit B101)
                raise SystemExit(f"{name} at {size} entries answered {response.status_code}")
            queries[size, name] = len(captured)
        for _ in range(args.repeat):
            for size, name, func in targets:
                start = time.perf_counter()
                func()
                timings[size, name].append((time.perf_counter() - start) * 1000)
        median = {key: statistics.median(values) for key, values in timings.items()}
        print(f"database: {connection.vendor}; {args.repeat} interleaved rounds")
        print(f"{'entries':>8}  {'what':<18} {'queries':>7} {'median':>11}")
        for size, name, _ in targets:
            print(f"{size:>8}  {name:<18} {queries[size, name]:>7} {median[size, name]:>8.1f} ms")
        print("ratios (one run):")
        first = sizes[0]
        for size in sizes[1:]:
            for name in dict.fromkeys(name for _s, name, _f in targets):
                if (size, name) in median and (first, name) in median:
                    target = "<= 2" if name == "trial_balance()" else "<= 1.5"
                    ratio = median[size, name] / median[first, name]
                    print(f"  {name:<18} {size} vs {first} entries: {ratio:5.2f}x  (target {target})")
        if not args.skip_pdf:
            pdf_job(client, books[sizes[-1]])
    finally:
        if tmp:
            shutil.rmtree(Path(tmp).parent, ignore_errors=True)
    return 0


def pdf_job(client, book) -> None:
    """The big book's buku besar of 1101 as PDF: the request, then the job it started."""
    from django.urls import reverse

    from lms.celery import app

    url = reverse("ledger:report_download", args=[book.pk, "buku-besar", "pdf"]) + "?akun=1101"
    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"
    start = time.perf_counter()
    response = client.get(url)
    request_ms = (time.perf_counter() - start) * 1000
    if response.status_code != 302:
        print(
            f"PDF of the buku besar (1101): rendered in the request itself, {request_ms:.0f} ms ({response.status_code})"
        )
        return
    from lms import jobs
    from lms.models import BackgroundJob

    job = BackgroundJob.objects.latest("created_at")
    writes = []
    original = jobs.JobContext.progress

    def counting(self, done, total=None, message=None):
        writes.append(done)
        return original(self, done, total, message)

    jobs.JobContext.progress = counting
    start = time.perf_counter()
    outcome = jobs.run_job(job.pk)
    job_s = time.perf_counter() - start
    jobs.JobContext.progress = original
    job.refresh_from_db()
    print(
        f"PDF of the buku besar (1101, {job.progress_total} rows): request {request_ms:.0f} ms (redirect to the job); "
        f"job {outcome.state} in {job_s:.1f} s, {len(writes)} progress reports, {job.result_file.size // 1024} KiB"
    )


if __name__ == "__main__":
    raise SystemExit(main())
