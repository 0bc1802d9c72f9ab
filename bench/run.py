"""`make bench` / `make bench-quick`: re-measure every speed target in one command and print the table.

    .venv/bin/python bench/run.py            # make bench: minutes
    .venv/bin/python bench/run.py --quick    # make bench-quick: about three minutes, for CI

1. Services: PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sinau_bench,
   dropped and created afresh) and Redis at BENCH_REDIS_URL (default redis://127.0.0.1:6379/14,
   flushed). When one is missing the bench says so and falls back (SQLite in a temporary file; a
   per-process cache and sessions in the database).
2. Data: migrate, `load_demo`, `load_scale_data` (courses of 5 and 60 lessons with an enrolled
   trainee, that trainee's books of 100 and 10,000 entries), and a plain Wagtail page chain
   (`bench/baseline_app`) at the lesson's depth holding the same title and body as the lesson.
3. The site under gunicorn (production's gunicorn.conf.py and settings, via
   `bench/settings_server.py`; 2 sync workers, --preload). Every page is requested over HTTP by
   4 concurrent clients for a fixed number of requests, page after page, round after round
   (interleaved, so every page sees the same noise from the other jobs on the machine); the
   throughput of a page is the median of its rounds, and each ratio is taken within this run.
   SQL queries per page are counted in-process (Django's test client, same database).
   The full run (or --sqlite) then serves the same pages on SQLite with the embedded defaults
   (lms.settings.base: WAL etc., a per-process cache, sessions in the database, eager Celery)
   under the same gunicorn, on its own data, in a child process (`--page-pass`); production's
   settings refuse SQLite and are not relaxed: bench/settings_server.py falls back to the base.
4. Quiz storm (bench/quiz_storm.py), simultaneous posts (bench/concurrent_posts.py, on PostgreSQL
   and on SQLite) and certificates (bench/certificates_issue.py) run as their own scripts against
   the same services; their figures join the table.

Prints the table (figure, baseline measured in the same run, ratio, target, holds?) and writes
it as JSON to bench/results/<UTC time>.json (not committed; fields in docs/performance.md). Exit status 0 even when a target
fails (the table says which); 2 when the bench itself broke.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess  # nosec B404  # runs our own scripts and servers with fixed argument lists, never a shell
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quiz_storm import free_port, http  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/sinau_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
STATIC = "/static/lms/css/sinau.css"


def say(text: str) -> None:
    print(text, flush=True)


# --- Services ---------------------------------------------------------------------------------


def prepare_postgres(url: str, reuse: bool = False) -> str | None:
    """Drop and create the bench database (keep it with `reuse`); None (and why) when PostgreSQL
    is not there."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        import psycopg
    except ImportError:
        say("PostgreSQL: psycopg is not installed: falling back to SQLite")
        return None
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not (reuse and exists):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        say(
            f"PostgreSQL not reachable at {parts.hostname}:{parts.port} ({str(error).strip()[:120]}): falling back to SQLite"
        )
        return None
    return url


def prepare_redis(url: str, reuse: bool = False) -> str | None:
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
        if not reuse:
            client.flushdb()
    except Exception as error:  # noqa: BLE001 - any failure means: no Redis
        say(f"Redis not reachable at {url} ({error}): falling back to a per-process cache, sessions in the database")
        return None
    return url


def manage(env: dict, *args: str, quiet: bool = True) -> None:
    result = subprocess.run(  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=quiet, text=True, check=False
    )
    if result.returncode:
        say((result.stdout or "")[-2000:] + (result.stderr or "")[-4000:])
        raise SystemExit(f"bench: manage.py {' '.join(args)} failed")


# --- Data for the HTTP part (in-process ORM, same settings as the server) --------------------


def setup_in_process(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def baseline_for(lesson):
    """A chain of plain Wagtail pages at the lesson's depth (catalogue/course/day/lesson), the last
    one holding the lesson's title and body: the same content with no LMS logic."""
    from bench.baseline_app.models import BaselinePage
    from lms.models import HomePage

    existing = BaselinePage.objects.filter(slug=f"dasar-{lesson.slug}").first()
    if existing:
        return existing
    parent = HomePage.objects.first()
    for level in ("katalog", "kursus", "hari"):
        parent = parent.add_child(instance=BaselinePage(title=level, slug=f"dasar-{level}"))
    return parent.add_child(
        instance=BaselinePage(title=lesson.title, slug=f"dasar-{lesson.slug}", body=lesson.body.raw_data)
    )


def session_for(user) -> str:
    from bench.concurrent_posts import signed_in_session

    return signed_in_session(user)


def same_body_lesson(course, like, trainee=None):
    """The lesson of `course` nearest its middle whose body is the same as `like`'s and, for
    `trainee`, in the same state (finished or not): lesson 60 vs 5 then compares the same page in a
    bigger course. The scale courses cycle through the curriculum's lesson bodies, so the two middle
    lessons hold different bodies; and the trainee finished every other lesson, so the same body
    may be finished in one course and not in the other, and an unfinished lesson's page carries the
    "Tandai selesai" form, its CSRF token and cookie (until 2 Dec 2026 the bench compared the
    finished lesson 2.1 of 5 with the unfinished 2.15 of 60)."""
    from courses.models import LessonPage, LessonProgress

    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    middle = len(lessons) // 2

    def content(lesson):  # the blocks without their random ids
        return [(block["type"], block["value"]) for block in lesson.body.raw_data]

    def done(lesson):
        return LessonProgress.objects.filter(user=trainee, lesson=lesson).exists()

    same = [index for index, lesson in enumerate(lessons) if content(lesson) == content(like)]
    if trainee is not None:
        same = [index for index in same if done(lessons[index]) == done(like)] or same
    return lessons[min(same, key=lambda index: abs(index - middle))] if same else lessons[middle]


def page_plan(quick: bool) -> tuple[list[tuple[str, str, str]], dict]:
    """[(key, url, session or "")] and facts (queries, sizes) for the table."""
    import logging

    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from courses.models import CoursePage
    from courses.scale import course_slug, middle_lesson
    from ledger import reports
    from ledger.models import Book
    from ledger.scale import book_title
    from lms.management.commands.load_scale_data import SCALE_TRAINEE

    logging.getLogger("wagtail").setLevel(logging.WARNING)
    trainee = get_user_model().objects.get(email=SCALE_TRAINEE[0])
    session = session_for(trainee)
    small, big = (CoursePage.objects.get(slug=course_slug(size)) for size in (5, 60))
    lesson_small, lesson_big = middle_lesson(small), same_body_lesson(big, middle_lesson(small), trainee)
    baseline = baseline_for(lesson_small)
    book_small = Book.objects.get(owner=trainee, title=book_title(100))
    book_big = Book.objects.get(owner=trainee, title=book_title(10000))
    pages = [
        ("static", STATIC, ""),
        ("home (anonymous)", "/", ""),
        ("baseline page", baseline.url, session),
        ("lesson 5", lesson_small.url, session),
        ("outline 5", small.url, session),
        ("lesson 60", lesson_big.url, session),
        ("outline 60", big.url, session),
    ]
    for size, book in ((100, book_small), (10000, book_big)):
        journal = reverse("ledger:entry_list", args=[book.pk])
        ledger = reverse("ledger:report", args=[book.pk, "buku-besar"]) + "?akun=1101"
        pages += [
            (f"journal {size} p1", journal, session),
            (f"ledger {size} p1", ledger, session),
            (f"trial balance {size}", reverse("ledger:report", args=[book.pk, "neraca-saldo"]), session),
        ]
    # The deepest pages of the big book: its last page of the jurnal umum (50 entries a page) and
    # of the buku besar of cash (100 lines a page), reached by the cursor the pager links to.
    entries = book_big.entries.count()
    last_journal = (entries - 1) // reports.JOURNAL_PAGE_SIZE * reports.JOURNAL_PAGE_SIZE
    journal = reverse("ledger:entry_list", args=[book_big.pk])
    pages.append(
        (
            f"journal 10000 p{last_journal // reports.JOURNAL_PAGE_SIZE + 1}",
            f"{journal}?setelah={last_journal}",
            session,
        )
    )
    rows = reports.general_ledger(book_big, "1101").rows
    deep = (len(rows) - 1) // reports.LEDGER_PAGE_SIZE * reports.LEDGER_PAGE_SIZE - 1
    row = rows[deep]
    ledger = reverse("ledger:report", args=[book_big.pk, "buku-besar"]) + "?akun=1101"
    pages.append(
        (
            f"ledger 10000 p{(deep + 1) // reports.LEDGER_PAGE_SIZE + 1}",
            f"{ledger}&setelah={row.date}~{row.entry_number}~{row.line_order}~{row.line_id}",
            session,
        )
    )
    pdf = reverse("ledger:report_download", args=[book_big.pk, "buku-besar", "pdf"]) + "?akun=1101"
    facts = {
        "queries": count_queries(pages, trainee),
        "pdf_url": pdf,
        "pdf_rows": len(rows),
        "session": session,
        "ledger_rows_1101": len(rows),
        "entries_big": entries,
    }
    return pages, facts


def count_queries(pages, trainee) -> dict:
    from django.db import connection
    from django.test import Client

    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(trainee)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for key, url, session in pages:
        if key == "static":
            continue
        client = signed_in if session else anonymous
        client.get(url)  # warm: templates, outline cache, site root paths
        captured = []
        with connection.execute_wrapper(
            lambda ex, sql, *rest, captured=captured: captured.append(sql) or ex(sql, *rest)
        ):
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"bench: {key} {url} answered {response.status_code} in-process")
        counts[key] = len(captured)
    return counts


# --- Gunicorn and the load ---------------------------------------------------------------------


def start_server(env: dict, port: int) -> subprocess.Popen:
    server_env = dict(
        env,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="1",
        GUNICORN_MAX_REQUESTS="0",  # no worker restarts in the middle of a measurement
        GUNICORN_TIMEOUT="60",
        # Plain access lines: they go to a log file nobody ships.
        GUNICORN_LOG_FORMAT="text",
    )
    log = open(Path(tempfile.gettempdir()) / "sinau-bench-gunicorn.log", "ab")  # noqa: SIM115
    command = [str(Path(sys.executable).with_name("gunicorn")), "lms.wsgi", "--config", "gunicorn.conf.py", "--preload"]
    process = subprocess.Popen(command, cwd=ROOT, env=server_env, stdout=log, stderr=log, start_new_session=True)  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
    log.close()
    for _ in range(300):
        try:
            status, _, _ = asyncio.run(http(port, "GET", "/healthz", timeout=2))
            if status in (200, 503):
                return process
        except (TimeoutError, OSError):
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("bench: gunicorn did not start (see /tmp/sinau-bench-gunicorn.log)")


def stop_server(process) -> None:
    import signal

    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass


def worker_peak_rss_mib(process) -> float | None:
    """The highest peak resident memory (VmHWM) among gunicorn's worker processes."""
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(process.pid) and "VmHWM" in fields:
            peaks.append(int(fields["VmHWM"].split()[0]) / 1024)
    return max(peaks) if peaks else None


async def burst(port, url, session, requests, clients) -> tuple[float, int]:
    """`requests` GETs by `clients` concurrent clients; (requests per second, errors)."""
    cookies = f"sessionid={session}" if session else ""
    remaining = requests
    errors = 0

    async def client():
        nonlocal remaining, errors
        while remaining > 0:
            remaining -= 1
            try:
                status, _, body = await http(port, "GET", url, cookies=cookies, timeout=60)
                if status != 200 or not body:
                    errors += 1
            except (TimeoutError, OSError):
                errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return requests / (time.perf_counter() - began), errors


def cpu_ns(pids) -> dict[int, int]:
    """On-CPU nanoseconds of each process so far, all its threads (Linux /proc/<pid>/task/*/schedstat,
    nanosecond resolution; /proc/<pid>/stat counts in 10 ms ticks, too coarse for one burst)."""
    used = {}
    for pid in pids:
        total = 0
        for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            try:
                total += int(task.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        used[pid] = total
    return used


def worker_pids(server) -> list[int]:
    """gunicorn's workers (the master's own CPU is not the pages')."""
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(server.pid):
            pids.append(int(status.parent.name))
    return pids


def backend_pids() -> list[int]:
    """PostgreSQL backends on this machine serving the bench database (the workers' persistent
    connections), not this process's own; none on SQLite (it runs inside the workers)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def server_cpu_ns(server) -> dict[int, int]:
    return cpu_ns([*worker_pids(server), *backend_pids()])


def group_of(key: str) -> str:
    """Pages whose rates are compared run back to back (the machine's load drifts within seconds:
    adjacent bursts share more of it than bursts half a round apart): the lesson with its plain
    page and the bigger course's lesson, the two outlines, each book report with its big and last
    pages, static with the home page."""
    first = key.split()[0]
    return {"baseline": "lesson", "static": "serving", "home": "serving"}.get(first, first)


def measure_pages(port, pages, rounds, requests, clients, server=None, seed=0) -> dict:
    """Every page `requests` times by `clients` clients, round after round; the pages' order is
    shuffled anew each round (seeded), so no page always follows the same one: the groups of pages
    compared with each other (`group_of`) in a shuffled order, each group's pages back to back in a
    shuffled order. Per page and round:
    the rate (req/s) and, with `server`, the server's CPU per request (gunicorn's workers plus the
    PostgreSQL backends serving them, ms): a figure the other jobs on the machine barely move."""
    rates = {key: [] for key, _url, _session in pages}
    cpu = {key: [] for key in rates}
    errors = dict.fromkeys(rates, 0)
    order_log = []
    for _key, url, session in pages:  # warm both workers: templates, caches, connections
        asyncio.run(burst(port, url, session, 8, clients))
    shuffle = random.Random(seed)  # nosec B311  # orders benchmark requests, nothing secret
    groups = {}
    for page in pages:
        groups.setdefault(group_of(page[0]), []).append(page)
    for _ in range(rounds):
        blocks = [list(block) for block in groups.values()]
        shuffle.shuffle(blocks)
        order = []
        for block in blocks:
            shuffle.shuffle(block)
            order += block
        order_log.append([key for key, _url, _session in order])
        for key, url, session in order:
            before = server_cpu_ns(server) if server else {}
            rate, failed = asyncio.run(burst(port, url, session, requests, clients))
            if server:
                after = server_cpu_ns(server)
                used = sum(ns - before.get(pid, 0) for pid, ns in after.items())
                cpu[key].append(used / requests / 1e6)
            rates[key].append(rate)
            errors[key] += failed
    return {"rates": rates, "cpu_ms": cpu if server else {}, "errors": errors, "orders": order_log, "seed": seed}


def time_pdf_requests(port, url, session, count) -> list[float]:
    """The big PDF: the request only starts a background job and redirects to its progress page."""
    times = []
    for _ in range(count):
        began = time.perf_counter()
        status, headers, _ = asyncio.run(http(port, "GET", url, cookies=f"sessionid={session}", timeout=60))
        times.append(time.perf_counter() - began)
        if status != 302 or "/proses/" not in headers.get("location", ""):
            raise SystemExit(f"bench: the big PDF answered {status} {headers.get('location', '')}, not a job")
    return times


# --- The scripts of lines 4-6 -------------------------------------------------------------------


def run_script(name: str, args: list[str], env: dict, timeout: int) -> tuple[dict | None, str]:
    """Run bench/<name>; (the JSON it printed last, or None, and its output)."""
    try:
        result = subprocess.run(  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
            [sys.executable, f"bench/{name}", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        return None, f"timed out after {timeout} s: {(error.stdout or '')[-500:]}"
    output = result.stdout
    saved = Path(tempfile.gettempdir()) / "sinau-bench" / f"{name}.out"
    saved.write_text(output + "\n--- stderr\n" + result.stderr)
    # The figures are the last indented JSON object ("{" alone on its line); one-line JSON log
    # records of the production settings may come before or after it.
    start = output.find("{\n") if output.startswith("{\n") else output.rfind("\n{\n") + 1
    try:
        figures, _end = json.JSONDecoder().raw_decode(output[start:] if start > 0 or output.startswith("{\n") else "")
        if not isinstance(figures, dict) or "database" not in figures:
            raise ValueError("not the script's figures")
        return figures, output
    except ValueError:
        return None, (output + result.stderr)[-1500:]


# --- The table -------------------------------------------------------------------------------


def rate(rates, key) -> float:
    return statistics.median(rates[key])


def row(line, figure, value, baseline, ratio, target, holds, unit="") -> dict:
    return {
        "line": line,
        "figure": figure,
        "value": value,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "holds": holds,
        "unit": unit,
    }


def fmt(value, unit="") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        text = f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def print_table(rows) -> None:
    """The table; the db column names the page pass a row comes from (PG, SQLite; empty for the
    scripts, which say their database in the figure)."""
    say("")
    head = f"{'#':<3} {'db':<6} {'figure':<52} {'value':>14} {'baseline':>14} {'ratio':>7}  {'target':<18} holds?"
    say(head)
    say("-" * len(head))
    short = {"PostgreSQL": "PG", "SQLite": "SQLite"}
    for r in rows:
        holds = {True: "yes", False: "NO", None: "–"}[r["holds"]]
        ratio = f"{r['ratio']:.2f}" if isinstance(r["ratio"], float) else "–"
        db = short.get(r.get("database", ""), r.get("database", ""))
        say(
            f"{r['line']:<3} {db:<6} {r['figure'][:52]:<52} {fmt(r['value'], r['unit']):>14} "
            f"{fmt(r['baseline'], r['unit']):>14} {ratio:>7}  {r['target']:<18} {holds}"
        )


def paired(rates, key, base_key) -> float:
    """The median over rounds of rates[key] / rates[base_key] taken in the same round: each round's
    two bursts saw the same minute of the machine's load, so their ratio cancels most of it, and
    the median leaves out the rounds where a burst of load hit one side only. Time ratios pass
    the pages the other way round (time = 1 / rate)."""
    return statistics.median(a / b for a, b in zip(rates[key], rates[base_key], strict=True))


def spread(rates, key, base_key) -> str:
    """Per-round ratios: lowest, interquartile range, highest."""
    ratios = sorted(a / b for a, b in zip(rates[key], rates[base_key], strict=True))
    if len(ratios) < 4:
        return f"{ratios[0]:.2f}–{ratios[-1]:.2f}"
    quartiles = statistics.quantiles(ratios, n=4)
    return f"{ratios[0]:.2f} [{quartiles[0]:.2f}–{quartiles[2]:.2f}] {ratios[-1]:.2f}"


def cpu_rows(cpu) -> list[dict]:
    """Server CPU per request (gunicorn's workers + PostgreSQL's backends): what each page costs the
    server whatever else the machine runs; the cross-check of the time ratios of lines 1 and 2."""
    if not cpu or not all(cpu.get(key) for key in ("lesson 5", "baseline page", "lesson 60", "outline 60")):
        return []
    ms = {key: statistics.median(values) for key, values in cpu.items() if values}
    r = paired(cpu, "baseline page", "lesson 5")  # CPU per request: the inverse of a throughput
    rows = [
        row(
            "1",
            "lesson vs plain page: server CPU per request (ms)",
            ms["lesson 5"],
            ms["baseline page"],
            r,
            ">= 0.8 (cross-check)",
            r >= 0.8,
        )
    ]
    for name in ("outline", "lesson"):
        r = paired(cpu, f"{name} 60", f"{name} 5")
        rows.append(
            row(
                "2",
                f"{name}: server CPU per request, 60 vs 5 lessons (ms)",
                ms[f"{name} 60"],
                ms[f"{name} 5"],
                r,
                "<= 1.2 (cross-check)",
                r <= 1.2,
            )
        )
    return rows


def http_rows(rates, queries, pdf_times, peak, cpu=None) -> list[dict]:
    rows = []
    r = paired(rates, "lesson 5", "baseline page")
    rows.append(
        row(
            "1",
            "lesson page, enrolled trainee (req/s)",
            rate(rates, "lesson 5"),
            rate(rates, "baseline page"),
            r,
            ">= 0.8 x plain page",
            r >= 0.8,
        )
    )
    rows.append(
        row(
            "1",
            "lesson page SQL queries (plain page; peer 13)",
            queries["lesson 5"],
            queries["baseline page"],
            None,
            "< 13",
            queries["lesson 5"] < 13,
        )
    )
    for name in ("outline", "lesson"):
        t = paired(rates, f"{name} 5", f"{name} 60")  # time ratio = inverse throughput ratio
        rows.append(
            row(
                "2",
                f"{name}: time at 60 vs 5 lessons (req/s)",
                rate(rates, f"{name} 60"),
                rate(rates, f"{name} 5"),
                t,
                "<= 1.2",
                t <= 1.2,
            )
        )
        same = queries[f"{name} 60"] == queries[f"{name} 5"]
        rows.append(
            row(
                "2",
                f"{name}: SQL queries at 60 vs 5 lessons",
                queries[f"{name} 60"],
                queries[f"{name} 5"],
                None,
                "equal",
                same,
            )
        )
    s = rate(rates, "static")
    rows.append(row("3", "static file from the same gunicorn (req/s)", s, None, None, "ceiling", None))
    rows.append(
        row(
            "3",
            "home page, anonymous (req/s; ratio to static)",
            rate(rates, "home (anonymous)"),
            s,
            paired(rates, "home (anonymous)", "static"),
            "–",
            None,
        )
    )
    for kind in ("journal", "ledger"):
        t = paired(rates, f"{kind} 100 p1", f"{kind} 10000 p1")
        rows.append(
            row(
                "10",
                f"{kind}: 10,000- vs 100-entry book, page 1 (time)",
                rate(rates, f"{kind} 10000 p1"),
                rate(rates, f"{kind} 100 p1"),
                t,
                "<= 1.5",
                t <= 1.5,
                "",
            )
        )
        deep = next(key for key in rates if key.startswith(f"{kind} 10000 p") and not key.endswith(" p1"))
        t = paired(rates, f"{kind} 10000 p1", deep)
        rows.append(
            row(
                "10",
                f"{kind}: 10,000-entry book, last page {deep.split()[-1]} vs p1 (time)",
                rate(rates, deep),
                rate(rates, f"{kind} 10000 p1"),
                t,
                "<= 1.2 (as fast)",
                t <= 1.2,
            )
        )
        # The 100-entry book's first page is also its last, which adds the range's totals (one query).
        # Page 1 of the big book reads no more than page 1 of the small one; its last page adds
        # one query at most (the totals of the whole range, shown on the last page only).
        same = (
            queries[f"{kind} 10000 p1"] <= queries[f"{kind} 100 p1"]
            and queries[deep] <= queries[f"{kind} 10000 p1"] + 1
        )
        rows.append(
            row(
                "10",
                f"{kind}: SQL queries, 10,000 (p1) vs 100 entries",
                queries[f"{kind} 10000 p1"],
                queries[f"{kind} 100 p1"],
                None,
                "not more",
                same,
            )
        )
    t = paired(rates, "trial balance 100", "trial balance 10000")
    rows.append(
        row(
            "8",
            "trial balance page, 10,000 vs 100 entries (time)",
            rate(rates, "trial balance 10000"),
            rate(rates, "trial balance 100"),
            t,
            "<= 2",
            t <= 2,
        )
    )
    if pdf_times:
        worst = max(pdf_times)
        rows.append(
            row("10", "big PDF (buku besar, 10,000 rows): request, worst (s)", worst, None, None, "< 1 s", worst < 1.0)
        )
    else:  # eager Celery (the embedded default): the job runs inside the request by design
        rows.append(row("10", "big PDF request: not timed (eager Celery)", None, None, None, "< 1 s", None))
    rows.append(row("9", "peak RSS of a gunicorn worker (MiB)", peak, None, None, "–", None))
    # After the time rows of lines 1 and 2, the same comparisons in server CPU.
    extra = cpu_rows(cpu)
    if extra:
        at = max(i for i, r in enumerate(rows) if r["line"] == "2") + 1
        rows[at:at] = extra
    return rows


def load_data(env: dict, *, demo: bool, collect: bool = True) -> float:
    """migrate, load_demo (unless `demo` is False: kept from the last run), load_scale_data and
    collectstatic against env's database; the seconds it took."""
    began = time.time()
    manage(env, "migrate", "--no-input", "-v", "0")
    if demo:
        manage(env, "load_demo", "--force")
    manage(env, "load_scale_data", "--force")
    if collect:
        manage(env, "collectstatic", "--no-input", "-v", "0")
    analyze(env["DATABASE_URL"])
    return time.time() - began


def analyze(url: str) -> None:
    """Planner statistics for the data just loaded. Production's autovacuum gathers them soon after
    a bulk load; without them (or with a server whose autovacuum is off, as on the development
    container) PostgreSQL plans from guesses, and an autovacuum that wakes up in the middle of the
    pages changes the plans between rounds. VACUUM too, so index-only scans see a visibility map."""
    if not url.startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")


QUICK_ROUNDS, QUICK_REQUESTS = 5, 12
FULL_ROUNDS, FULL_REQUESTS = 15, 24


def page_pass(env: dict, quick: bool, rounds: int | None = None, requests: int | None = None, seed=None) -> dict:
    """One database's pass over the pages: plan them in-process (the data must be loaded), start
    gunicorn on `env`, request every page round after round, count queries. Plain data (JSON)."""
    rounds = rounds or (QUICK_ROUNDS if quick else FULL_ROUNDS)
    requests = requests or (QUICK_REQUESTS if quick else FULL_REQUESTS)
    clients = 4
    seed = int(time.time()) if seed is None else seed
    setup_in_process(env)
    from django.conf import settings
    from django.db import connection

    pages, facts = page_plan(quick)
    vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(connection.vendor, connection.vendor)
    serving = "production" if settings.PRODUCTION_SETTINGS else "base (embedded defaults) + production serving"
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    say(f"{vendor}: server settings {serving}; cache {cache}; sessions {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}")
    connection.close()
    port = int(os.environ["BENCH_PORT"]) if os.environ.get("BENCH_PORT") else free_port()
    server = start_server(env, port)
    try:
        say(
            f"{vendor} pages: {len(pages)} pages x {rounds} rounds (order shuffled each round, seed {seed}) "
            f"x {requests} requests, {clients} clients, gunicorn 2 workers …"
        )
        began = time.time()
        measured = measure_pages(port, pages, rounds, requests, clients, server=server, seed=seed)
        rates, errors = measured["rates"], measured["errors"]
        connection.close()
        # In the embedded default (eager Celery, no broker) a background job runs inside the
        # request by design (lms/jobs.py): the < 1 s target is about a site with a broker.
        pdf_times = (
            time_pdf_requests(port, facts["pdf_url"], facts["session"], 3 if quick else 5)
            if not settings.CELERY_TASK_ALWAYS_EAGER
            else []
        )
        peak = worker_peak_rss_mib(server)
    finally:
        stop_server(server)
    return {
        "database": vendor,
        "settings": serving,
        "cache": cache,
        "rounds": rounds,
        "requests": requests,
        "clients": clients,
        "pages": [[key, url] for key, url, _session in pages],
        "rates": rates,
        "cpu_ms": measured["cpu_ms"],
        "orders": measured["orders"],
        "seed": seed,
        "errors": errors,
        "queries": facts["queries"],
        "pdf_request_s": pdf_times,
        "peak_rss_mib": peak,
        "seconds": round(time.time() - began, 1),
        "load_after": os.getloadavg(),
    }


def sqlite_page_pass(env: dict, tmp: Path, args) -> dict:
    """The same pages on SQLite with the embedded defaults (lms.settings.base: WAL, busy timeout,
    BEGIN IMMEDIATE; a per-process cache, sessions in the database, eager Celery) under the same
    gunicorn. Production's settings refuse SQLite, so bench/settings_server.py serves it on the
    base settings; its own data in tmp/pages.sqlite3 (kept with --reuse), measured by a child
    process (Django is set up once per process)."""
    database = tmp / "pages.sqlite3"
    sqlite_env = {key: value for key, value in env.items() if key not in ("REDIS_URL", "CELERY_BROKER_URL")}
    sqlite_env.update(DATABASE_URL=f"sqlite:///{database}", MEDIA_ROOT=str(tmp / "media-sqlite"))
    say("SQLite data: migrate, load_demo, load_scale_data …")
    took = load_data(sqlite_env, demo=not (args.reuse and database.exists()), collect=False)
    say(f"SQLite data ready in {took:.0f} s")
    out = tmp / "sqlite-pages.json"
    out.unlink(missing_ok=True)
    command = [sys.executable, "bench/run.py", "--page-pass", str(out), *(["--quick"] if args.quick else [])]
    for option in ("rounds", "requests", "seed"):
        if getattr(args, option) is not None:
            command += [f"--{option}", str(getattr(args, option))]
    result = subprocess.run(command, cwd=ROOT, env=sqlite_env, text=True, check=False)  # nosec B603  # fixed argument list, no shell
    if result.returncode or not out.exists():
        raise RuntimeError(f"the SQLite page pass exited with {result.returncode} (see its output above)")
    return json.loads(out.read_text())


def pass_rows(result: dict) -> list[dict]:
    """The table's rows of one page pass, each naming its database."""
    rows = http_rows(
        result["rates"], result["queries"], result["pdf_request_s"], result["peak_rss_mib"], result.get("cpu_ms")
    )
    for r in rows:
        r["database"] = result["database"]
    return rows


def pass_notes(result: dict) -> list[str]:
    rates, name = result["rates"], result["database"]
    pairs = [
        ("lesson/plain", "lesson 5", "baseline page"),
        ("outline 60/5", "outline 60", "outline 5"),
        ("lesson 60/5", "lesson 60", "lesson 5"),
        ("journal 10k/100", "journal 10000 p1", "journal 100 p1"),
        ("ledger 10k/100", "ledger 10000 p1", "ledger 100 p1"),
        ("trial balance 10k/100", "trial balance 10000", "trial balance 100"),
    ]
    notes = [
        f"{name}: load average after the pages {result['load_after'][0]:.2f}; {result['rounds']} rounds, "
        f"order shuffled (seed {result.get('seed')}); per-round throughput ratios, lowest [interquartile] "
        "highest (time ratio = 1 / these): " + ", ".join(f"{label} {spread(rates, a, b)}" for label, a, b in pairs)
    ]
    cpu = result.get("cpu_ms") or {}
    if cpu and all(cpu.get(key) for _label, a, b in pairs for key in (a, b)):
        ms = {key: statistics.median(values) for key, values in cpu.items() if values}
        notes.append(
            f"{name}: server CPU per request (ms, median of rounds; gunicorn workers"
            f"{' + PostgreSQL backends' if name == 'PostgreSQL' else ''}): "
            + ", ".join(f"{key} {value:.1f}" for key, value in ms.items())
            + "; CPU ratios (like time ratios), median [lowest–highest round]: "
            + ", ".join(
                f"{label} {paired(cpu, a, b):.2f} [{min(x / y for x, y in zip(cpu[a], cpu[b], strict=True)):.2f}–"
                f"{max(x / y for x, y in zip(cpu[a], cpu[b], strict=True)):.2f}]"
                for label, a, b in pairs
            )
        )
    if any(result["errors"].values()):
        notes.append(f"{name}: HTTP errors during the pages: { {k: v for k, v in result['errors'].items() if v} }")
    if not result["pdf_request_s"]:
        notes.append(f"{name}: big PDF request not timed (eager Celery: the embedded default renders in the request)")
    return notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and certificates (CI)")
    parser.add_argument("--skip-scripts", action="store_true", help="only the pages (lines 1-3, 8, issue 10)")
    parser.add_argument("--cert-sample", type=int, default=200, help="certificates timed in-process (full run)")
    parser.add_argument("--cert-count", type=int, default=500, help="certificates per worker run (full run: 2 x 500)")
    parser.add_argument("--reuse", action="store_true", help="keep the database and data of the last run (development)")
    sqlite = parser.add_mutually_exclusive_group()
    sqlite.add_argument(
        "--sqlite",
        dest="sqlite",
        action="store_true",
        default=None,
        help="also the pages on SQLite (default: full run)",
    )
    sqlite.add_argument("--no-sqlite", dest="sqlite", action="store_false", help="no SQLite page pass")
    parser.add_argument("--rounds", type=int, help=f"page rounds (default {FULL_ROUNDS}; --quick {QUICK_ROUNDS})")
    parser.add_argument(
        "--requests", type=int, help=f"requests per page and round (default {FULL_REQUESTS}; --quick {QUICK_REQUESTS})"
    )
    parser.add_argument("--seed", type=int, help="seed of the pages' shuffled order (default: the clock; in the JSON)")
    parser.add_argument("--page-pass", metavar="JSON", help=argparse.SUPPRESS)  # the child of the SQLite pass
    args = parser.parse_args()
    if args.page_pass:
        Path(args.page_pass).write_text(
            json.dumps(page_pass(dict(os.environ), args.quick, args.rounds, args.requests, args.seed), default=str)
        )
        return 0
    # The SQLite pass loads its own data (minutes): in the full run by default, in the quick run
    # (CI) only when asked, so bench-quick stays a few minutes.
    with_sqlite = (not args.quick) if args.sqlite is None else args.sqlite
    started = time.time()
    load_before = os.getloadavg()
    say(
        f"Sinau bench ({'quick' if args.quick else 'full'}), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.node()}, {os.cpu_count()} CPUs, load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}"
    )
    database = prepare_postgres(os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE), args.reuse)
    redis_url = prepare_redis(os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS), args.reuse)
    tmp = Path(tempfile.gettempdir()) / "sinau-bench"
    if not args.reuse:
        shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings_server",
        DATABASE_URL=database or f"sqlite:///{tmp}/bench.sqlite3",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
    )
    if redis_url:
        env.update(REDIS_URL=redis_url, CELERY_BROKER_URL=redis_url)
    vendor = "PostgreSQL" if database else "SQLite (fallback)"
    say(f"database: {vendor}; cache and sessions: {'Redis' if redis_url else 'per process (fallback)'}")
    say("data: migrate, load_demo, load_scale_data …")
    say(f"data ready in {load_data(env, demo=not args.reuse):.0f} s")
    passes = [page_pass(env, args.quick, args.rounds, args.requests, args.seed)]
    load_pages = os.getloadavg()
    notes = []
    if with_sqlite and database:
        try:
            passes.append(sqlite_page_pass(env, tmp, args))
        except Exception as error:  # noqa: BLE001 - the PostgreSQL table is still worth printing
            notes.append(f"the SQLite page pass broke: {type(error).__name__}: {error}")
    elif not database:
        notes.append("pages measured on SQLite only (PostgreSQL missing)")
    elif args.sqlite is False:
        notes.append("pages on SQLite: left out (--no-sqlite)")
    else:
        notes.append("pages on SQLite: not in this run (bench-quick; --sqlite adds them)")
    rows = []
    for result in passes:
        rows += pass_rows(result)
        notes += pass_notes(result)
    main_pass = passes[0]
    rates, queries = main_pass["rates"], main_pass["queries"]
    scripts = {}
    if not args.skip_scripts:
        try:
            rows += script_rows(env, database, redis_url, args, scripts, notes)
        except Exception as error:  # noqa: BLE001 - the pages' table is still worth printing
            notes.append(f"the scripts of lines 4-6 broke: {type(error).__name__}: {error}")
    load_after = os.getloadavg()
    print_table(rows)
    say("")
    say("requests per second of every page (median of rounds), SQL queries in-process:")
    names = [result["database"] for result in passes]
    say(f"  {'page':<24} " + "".join(f"{name:>22}" for name in names))
    for key, _url in main_pass["pages"]:
        cells = []
        for result in passes:
            if key in result["rates"]:
                cells.append(f"{rate(result['rates'], key):8.1f} req/s {result['queries'].get(key, '–'):>3} q")
            else:
                cells.append("–")
        say(f"  {key:<24} " + "".join(f"{cell:>22}" for cell in cells))
    for note in notes:
        say(f"note: {note}")
    say(
        f"load average at the end: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; took {time.time() - started:.0f} s"
    )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}{'-quick' if args.quick else ''}.json"
    out.write_text(
        json.dumps(
            {
                "when": dt.datetime.now(dt.UTC).isoformat(),
                "machine": {"node": platform.node(), "cpus": os.cpu_count(), "python": platform.python_version()},
                "database": vendor,
                "redis": bool(redis_url),
                "quick": args.quick,
                "load_average": {"start": load_before, "after_pages": load_pages, "end": load_after},
                "rows": rows,
                # The first (PostgreSQL) pass, as before; every pass in full under "passes".
                "pages": {key: {"rates": rates[key], "queries": queries.get(key)} for key in rates},
                "pdf_request_s": main_pass["pdf_request_s"],
                "passes": {result["database"]: result for result in passes},
                "scripts": scripts,
                "notes": notes,
                "took_s": round(time.time() - started),
            },
            indent=2,
            default=str,
        )
    )
    say(f"results: {out.relative_to(ROOT)}")
    return 0


def incubator_dashboard_rows(env, database, quick, scripts, notes) -> list[dict]:
    """Line 7: the incubation dashboard at 100 and 10,000 ventures (bench/incubator_dashboard.py),
    on PostgreSQL (a scratch database next to the bench's: <name>_dash) and on SQLite."""
    rows = []
    runs = [("PostgreSQL", env)] if database else []
    runs.append(("SQLite", {key: value for key, value in env.items() if key != "DATABASE_URL"}))
    for name, run_env in runs:
        say(f"incubation dashboard, 100 then 10,000 ventures, on {name} …")
        dash, output = run_script(
            "incubator_dashboard.py", ["--json", "--repeat", "7" if quick else "15"], run_env, 1800
        )
        scripts[f"incubator_dashboard_{name}"] = dash or output
        if not dash:
            rows.append(row("7", f"incubation dashboard, {name}: did not finish", None, None, None, "<= 3 x", False))
            notes.append(f"incubator dashboard on {name}: {output[-600:]}")
            continue
        rows.append(
            row(
                "7",
                f"incubation dashboard 10,000 vs 100 ventures, {name} (ms, in-process)",
                dash["large_median_ms"],
                dash["small_median_ms"],
                dash["ratio"],
                "<= 3 x",
                dash["ratio"] <= 3,
            )
        )
        rows.append(
            row(
                "7",
                f"incubation dashboard SQL queries, 10,000 / 100 ventures, {name}",
                f"{dash['large_queries']} / {dash['small_queries']}",
                None,
                None,
                "equal",
                dash["queries_equal"],
            )
        )
    return rows


def script_rows(env, database, redis_url, args, scripts, notes) -> list[dict]:
    quick = args.quick
    rows = []
    # Line 4: the storm on PostgreSQL (when there) and on the embedded SQLite (a throw-away file:
    # the script makes its own when DATABASE_URL is unset), then the same gunicorn's static file.
    storm_runs = [("PostgreSQL", env)] if database else []
    storm_runs.append(("SQLite", {key: value for key, value in env.items() if key != "DATABASE_URL"}))
    for name, storm_env in storm_runs:
        say(f"quiz storm on {name}: 300 trainees, 10 s …")
        storm, output = run_script("quiz_storm.py", ["--json", "--trainees", "300", "--window", "10"], storm_env, 900)
        scripts[f"quiz_storm_{name}"] = storm or output
        if not storm:
            rows.append(row("4", f"quiz storm, {name}: did not finish", None, None, None, "errors 0", False))
            notes.append(f"quiz storm on {name}: {output[-600:]}")
            continue
        ok = storm["errors"] == 0 and storm["lost_answers"] == 0 and storm["completed"] == storm["trainees"]
        load = " -> ".join(f"{value:.1f}" for value in storm.get("load_average", []))
        notes.append(
            f"quiz storm on {name}: load average {load} over the storm, gunicorn {storm['gunicorn']}; "
            f"database CPU per attempt {storm.get('database_cpu_ms_per_attempt')} ms; static file = the ceiling"
        )
        rows += [
            row(
                "4",
                f"quiz storm {name}: start/submit p50,p95 ms",
                f"{storm['start_p50_ms']:.0f}, {storm['start_p95_ms']:.0f} / "
                f"{storm['submit_p50_ms']:.0f}, {storm['submit_p95_ms']:.0f}",
                None,
                None,
                "–",
                None,
            ),
            row(
                "4",
                f"quiz storm {name}: done/errors/lost",
                f"{storm['completed']}/{storm['errors']}/{storm['lost_answers']}",
                None,
                None,
                "300/0/0",
                ok,
            ),
            row(
                "4",
                f"quiz storm {name}: last answer (s)",
                storm["last_submit_done_s"],
                None,
                None,
                "<= 10 s",
                storm["last_submit_done_s"] <= storm["window_s"],
            ),
            row(
                "4",
                f"quiz storm {name}: server CPU/attempt (ms)",
                storm.get("server_cpu_ms_per_attempt"),
                None,
                None,
                "–",
                None,
            ),
            row(
                "4",
                f"quiz storm {name}: static file (req/s)",
                storm["static_req_per_s"],
                None,
                None,
                "–",
                None,
            ),
        ]
    runs = [("PostgreSQL", env)] if database else []
    sqlite_env = {key: value for key, value in env.items() if key != "DATABASE_URL"}
    runs.append(("SQLite", sqlite_env))
    for name, run_env in runs:
        say(f"31 simultaneous journal posts and enrolments on {name} …")
        posts, output = run_script("concurrent_posts.py", ["--json"], run_env, 600)
        scripts[f"concurrent_posts_{name}"] = posts or output
        if posts:
            rows.append(
                row(
                    "5",
                    f"31 posts + 31 enrolments + 31 posts in one book, {name}: errors",
                    posts["errors"],
                    None,
                    None,
                    "0",
                    posts["errors"] == 0,
                )
            )
            if posts["errors"]:
                notes.append(f"concurrent posts on {name}: {posts['error_samples'][:3]}")
        else:
            rows.append(row("5", f"31 simultaneous posts, {name}: did not finish", None, None, None, "0", False))
            notes.append(f"concurrent posts on {name}: {output[-600:]}")
    rows += incubator_dashboard_rows(env, database, quick, scripts, notes)  # line 7
    sample, count = (10, 20) if quick else (args.cert_sample, args.cert_count)
    memory_count = 50 if quick else 1000  # line 9: the single worker's memory after this many
    say(f"certificates: {sample} in-process, then {count} with one worker and {count} with two …")
    cert_env = dict(env, DJANGO_SETTINGS_MODULE="lms.settings.dev", DEBUG="false")
    args = ["--json", "--sample", str(sample), "--count", str(count), "--memory-count", str(memory_count)]
    if not (database and redis_url):
        args.append("--skip-workers")
    certs, output = run_script("certificates_issue.py", args, cert_env, 3600)
    scripts["certificates"] = certs or output
    if certs:
        ratio = certs["ratio_median"]
        rows.append(
            row(
                "6",
                f"certificate: issue+render+store, in-process (ms, n={sample})",
                certs["full_median_ms"],
                certs["bare_median_ms"],
                ratio,
                "<= 1.3 x bare",
                ratio <= 1.3,
            )
        )
        rows.append(
            row(
                "6",
                "certificate: SQL queries each",
                ",".join(map(str, certs["queries"])),
                None,
                None,
                "fixed",
                len(certs["queries"]) == 1,
            )
        )
        if certs.get("speedup"):
            rows.append(
                row(
                    "6",
                    f"certificates: 2 workers vs 1, {count} each (s)",
                    certs["two_workers_s"],
                    certs["one_worker_s"],
                    certs["speedup"],
                    ">= 1.7 x",
                    certs["speedup"] >= 1.7,
                )
            )
        else:
            rows.append(row("6", "certificates: 2 workers vs 1", None, None, None, ">= 1.7 x", None))
            notes.append("certificates with workers: skipped (needs PostgreSQL and Redis)")
        rows.append(
            row(
                "9",
                f"peak RSS of a Celery worker (solo, with children) after {certs.get('worker_rss_certificates') or memory_count} certificates (MiB)",
                certs.get("worker_peak_rss_mib"),
                None,
                None,
                "–",
                None,
            )
        )
    else:
        rows.append(row("6", "certificates: did not finish", None, None, None, "", False))
        notes.append(f"certificates: {output[-600:]}")
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
