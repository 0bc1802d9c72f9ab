"""Benchmark: 31 simultaneous journal posts and enrolments against gunicorn; errors must be 0.

Usage (from the project root):

    .venv/bin/python bench/concurrent_posts.py                    # throw-away SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python bench/concurrent_posts.py
    .venv/bin/python bench/concurrent_posts.py --trainees 31 --workers 2 --threads 16 --json

What it does:
1. migrates the database (SQLite in a temporary file unless DATABASE_URL names a scratch
   database, which it writes to) and builds a class of N trainees (default 31), each with a
   signed-in session and a practice book of their own, one more book shared by the first
   trainee, and an open cohort with N places and an enrolment code nobody has used yet;
2. starts gunicorn (the bench's production settings, `bench/settings_server.py`) with 2 workers
   of 16 threads, so every request below is in flight inside Django at the same moment;
3. wave 1, at one instant: every trainee POSTs a journal entry into their own book AND POSTs the
   cohort's enrolment code (2N requests at once: the class doing an exercise while the
   late-comers enrol);
4. wave 2, at one instant: N journal entries POSTed into the one shared book by its owner (N tabs
   or N double clicks with distinct nonces: the book's row lock and entry numbering);
5. checks every response (302 to the entry / to "Kursus saya") and then the database: one entry in
   every own book, entries 1..N without gaps in the shared book, N enrolments in the cohort and
   never more than its capacity. Errors = unexpected statuses, refused connections, timeouts, and
   every difference found in the database. Exit status 1 when there is any.

The same run on SQLite and PostgreSQL is what issue 14's line 5 asks for: run it twice (once
without DATABASE_URL), or through `make bench`, which does.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quiz_storm import CSRF, free_port, http, percentile, start_gunicorn, stop  # noqa: E402


def setup_django() -> str | None:
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        # A private directory (mkdtemp) rather than mktemp's guessable free name (bandit B306).
        tmp = str(Path(tempfile.mkdtemp(prefix="sinau-posts-")) / "db.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_server")
    import logging

    import django

    django.setup()
    from django.core.management import call_command

    logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a line per page created

    call_command("migrate", verbosity=0, interactive=False)
    return tmp


def signed_in_session(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def build(trainees: int, run: str) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from courses.models import Cohort, CourseIndexPage, CoursePage
    from ledger.models import Book, BookKind, ChartTemplate
    from lms import roles
    from lms.models import HomePage

    roles.sync_roles()
    User = get_user_model()
    User.objects.bulk_create(
        [
            User(email=f"posts-{run}-{i:03d}@sinau.test", full_name=f"Peserta {i:03d}", password="!")  # nosec B106  # a throwaway bench account
            for i in range(trainees)
        ]
    )
    users = list(User.objects.filter(email__startswith=f"posts-{run}-").order_by("email"))
    Group.objects.get(name=roles.TRAINEE).user_set.add(*users)
    chart = ChartTemplate.get_default()
    # The site's (WIB) date, as the entry form and the cohort pages see it, not the server's UTC one.
    today = timezone.localdate()
    year = today.year

    def book(owner, title):
        return Book.objects.create(
            owner=owner,
            title=title,
            kind=BookKind.PRACTICE,
            chart=chart,
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
        )

    books = [book(user, f"Latihan {run} {i}") for i, user in enumerate(users)]
    shared = book(users[0], f"Bersama {run}")
    home = HomePage.objects.first()
    catalogue = CourseIndexPage.objects.filter(slug="katalog").first() or home.add_child(
        instance=CourseIndexPage(title="Katalog", slug="katalog")
    )
    course = catalogue.add_child(
        instance=CoursePage(title=f"Serentak {run}", slug=f"serentak-{run}", summary="Kursus untuk pengukuran.")
    )
    cohort = Cohort.objects.create(
        course=course,
        name=f"Serentak {run}",
        start_date=today,
        end_date=today + dt.timedelta(days=3),
        capacity=trainees,
        enrolment_code=f"SRT{run[-6:]}",
        status=Cohort.Status.OPEN,
    )
    return {
        "users": users,
        "sessions": [signed_in_session(user) for user in users],
        "books": books,
        "shared": shared,
        "cohort": cohort,
        "date": today.isoformat(),
    }


def entry_body(date: str, description: str, nonce: str) -> bytes:
    fields = {
        "csrfmiddlewaretoken": CSRF,
        "date": date,
        "description": description,
        "voucher": "",
        "nonce": nonce,
        "line_count": "2",
        "lines-0-account": "1101",
        "lines-0-debit": "1.250.000",
        "lines-0-credit": "",
        "lines-1-account": "4104",
        "lines-1-debit": "",
        "lines-1-credit": "1.250.000",
    }
    return urlencode(fields).encode()


async def timed(port, method, path, session, body, expect, timings, errors, label):
    cookies = f"sessionid={session}; csrftoken={CSRF}"
    began = time.monotonic()
    try:
        status, headers, _ = await http(port, method, path, cookies=cookies, body=body, timeout=60)
    except (TimeoutError, OSError) as error:
        errors.append(f"{label}: {type(error).__name__} {error}")
        return
    timings[label].append(time.monotonic() - began)
    if status != 302 or expect not in headers.get("location", ""):
        errors.append(f"{label}: {status} {headers.get('location', '')}")


async def wave(requests):
    await asyncio.gather(*requests)


def run_waves(port, data, run) -> tuple[dict, list]:
    timings = {"post": [], "enrol": [], "post shared": []}
    errors: list[str] = []
    code = data["cohort"].enrolment_code
    first = []
    for index, (session, book) in enumerate(zip(data["sessions"], data["books"], strict=True)):
        first.append(
            timed(
                port,
                "POST",
                f"/buku/{book.pk}/jurnal/baru/",
                session,
                entry_body(data["date"], f"Setoran {index}", f"{run}-own-{index}"),
                f"/buku/{book.pk}/jurnal/1/",
                timings,
                errors,
                "post",
            )
        )
        first.append(
            timed(
                port,
                "POST",
                "/kursus/daftar/",
                session,
                urlencode({"csrfmiddlewaretoken": CSRF, "code": code}).encode(),
                "/kursus/saya/",
                timings,
                errors,
                "enrol",
            )
        )
    asyncio.run(wave(first))
    shared = data["shared"]
    owner_session = data["sessions"][0]
    second = [
        timed(
            port,
            "POST",
            f"/buku/{shared.pk}/jurnal/baru/",
            owner_session,
            entry_body(data["date"], f"Tab {index}", f"{run}-shared-{index}"),
            f"/buku/{shared.pk}/jurnal/",
            timings,
            errors,
            "post shared",
        )
        for index in range(len(data["sessions"]))
    ]
    asyncio.run(wave(second))
    return timings, errors


def check(data, trainees: int) -> list[str]:
    from courses.models import Enrollment
    from ledger.models import JournalEntry

    problems = []
    for book in data["books"]:
        numbers = list(JournalEntry.objects.filter(book=book).values_list("number", flat=True))
        if numbers != [1]:
            problems.append(f"book {book.pk}: entries {numbers}")
    numbers = sorted(JournalEntry.objects.filter(book=data["shared"]).values_list("number", flat=True))
    if numbers != list(range(1, trainees + 1)):
        problems.append(f"shared book: {len(numbers)} entries, numbers {numbers[:5]}…")
    enrolled = Enrollment.objects.filter(cohort=data["cohort"]).count()
    if enrolled != trainees:
        problems.append(f"cohort: {enrolled} enrolments of {trainees}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trainees", type=int, default=31)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    tmp = setup_django()
    from django.db import connection

    vendor = connection.vendor
    run = str(int(time.time() * 1000))
    data = build(args.trainees, run)
    connection.close()
    port = free_port()
    server = start_gunicorn(port, args.workers, args.threads)
    try:
        began = time.monotonic()
        timings, errors = run_waves(port, data, run)
        elapsed = time.monotonic() - began
    finally:
        stop(server)
    problems = check(data, args.trainees)
    figures = {
        "database": vendor,
        "trainees": args.trainees,
        "gunicorn": f"{args.workers} workers x {args.threads} threads (gthread)",
        "requests": 3 * args.trainees,
        "elapsed_s": round(elapsed, 2),
        "errors": len(errors) + len(problems),
        "http_errors": len(errors),
        "db_problems": len(problems),
        "error_samples": (errors + problems)[:8],
    }
    for kind, values in timings.items():
        key = kind.replace(" ", "_")
        figures[f"{key}_p50_ms"] = round(statistics.median(values) * 1000, 1) if values else None
        figures[f"{key}_max_ms"] = round(max(values) * 1000, 1) if values else None
        figures[f"{key}_p95_ms"] = round(percentile(values, 95) * 1000, 1) if values else None
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value}")
    if tmp:
        shutil.rmtree(Path(tmp).parent, ignore_errors=True)
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
