"""Benchmark: a whole class starts and then submits a 20-question quiz within ten seconds.

Usage (from the project root):

    .venv/bin/python bench/quiz_storm.py                              # throw-away SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python bench/quiz_storm.py
    .venv/bin/python bench/quiz_storm.py --trainees 300 --window 10 --workers 2 --threads 4

What it does:
1. migrates the database and builds a course with a 20-question quiz (single and multiple choice,
   true/false, numeric with Rupiah, short text, a journal task), a cohort of N trainees, and a
   signed-in session for each (so the storm measures the quiz, not password hashing);
2. collects static files and starts gunicorn (production settings, WhiteNoise) on a free port;
3. storm: each trainee, at a random moment in the first half of the window, POSTs "start" and GETs
   the attempt form it is redirected to, then 2–5 s later POSTs every answer with "submit" —
   3 requests per trainee, all inside the window; answers are right or wrong per trainee, fixed
   in advance;
4. measures p50/p95 per request kind, errors (any unexpected status, refused connection or
   timeout), and then reads the database: every trainee must have exactly one finished attempt
   holding exactly the answers sent and the score they earn ("lost answers" counts differences);
5. measures the same gunicorn serving a static file (WhiteNoise) with 50 concurrent clients for
   five seconds: the ceiling of requests per second on this machine.

The client runs on the same machine (asyncio, one connection per request), so it takes CPU from
the server; report figures as measured in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess  # nosec B404  # runs our own scripts and servers with fixed argument lists, never a shell
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CSRF = "benchcsrftokenbenchcsrftoken0123"  # an unmasked 32-character CSRF secret (cookie and form)


# --- Setup (Django ORM in this process) ------------------------------------------------------


def setup_django() -> str | None:
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        # A private directory (mkdtemp) rather than mktemp's guessable free name (bandit B306).
        tmp = str(Path(tempfile.mkdtemp(prefix="sinau-storm-")) / "db.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return tmp


QUIZ_KINDS = ["single"] * 10 + ["multiple"] * 2 + ["truefalse"] * 3 + ["numeric"] * 2 + ["shorttext"] * 2 + ["journal"]


def build(trainees: int, run: str):
    """The course, 20 questions, the quiz, a cohort and N signed-in trainees."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

    from courses.models import Cohort, CourseIndexPage, CoursePage, Enrollment, ModulePage
    from lms import roles
    from lms.models import HomePage
    from quizzes.models import Question, QuestionCategory, QuizPage
    from quizzes.services import record_question_version
    from tests.quizzes.conftest import answer_for

    roles.sync_roles()
    home = HomePage.objects.first()
    catalogue = CourseIndexPage.objects.filter(slug="katalog").first() or home.add_child(
        instance=CourseIndexPage(title="Katalog", slug="katalog")
    )
    course = catalogue.add_child(
        instance=CoursePage(title=f"Storm {run}", slug=f"storm-{run}", summary="Kursus untuk pengukuran.")
    )
    module = course.add_child(instance=ModulePage(title="Hari 1", slug="hari-1", day_number=1))
    category = QuestionCategory.objects.create(course=course, name="Badai")
    questions = []
    for number, kind in enumerate(QUIZ_KINDS, start=1):
        question = Question(
            category=category,
            title=f"Soal {number}",
            text=f"<p>Pertanyaan {number}?</p>",
            answer=[{"type": kind, "value": answer_for(kind)}],
        )
        question.save()
        record_question_version(question=question)
        questions.append(question)
    quiz = module.add_child(
        instance=QuizPage(
            title="Kuis badai",
            slug="kuis-badai",
            questions=[{"type": "question", "value": q.pk} for q in questions],
            time_limit_minutes=30,
            shuffle_choices=False,
        )
    )
    cohort = Cohort.objects.create(
        course=course, name=f"Badai {run}", start_date="2026-01-01", end_date="2026-01-04", capacity=trainees
    )
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(email=f"storm-{run}-{i:03d}@sinau.test", full_name=f"Peserta {i:03d}", password="!")  # nosec B106  # a throwaway bench account
            for i in range(trainees)
        ]
    )
    users = list(User.objects.filter(email__startswith=f"storm-{run}-").order_by("email"))
    group = __import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.get(name=roles.TRAINEE)
    group.user_set.add(*users)
    Enrollment.objects.bulk_create([Enrollment(user=u, cohort=cohort) for u in users])
    # The server's own session engine, so each session is where a real sign-in puts it (with
    # production's cached_db: in Redis as well as in the database).
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    sessions = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[1]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append((user.pk, store.session_key))
    return quiz, sessions


def planned_answers(quiz, index: int) -> tuple[dict, dict]:
    """(form fields, expected stored response by position) for trainee `index`: right on about
    two questions in three, deterministic."""
    from quizzes.models import Question

    rng = random.Random(index)  # noqa: S311  # nosec B311  # repeatable bench data, not a secret
    fields: dict = {"soal": []}
    expected = {}
    ids = [block.value.pk for block in quiz.questions]
    questions = Question.objects.select_related("current_version").in_bulk(ids)
    for position, pk in enumerate(ids, start=1):
        spec = questions[pk].current_version.spec
        data, kind, right = spec["data"], spec["kind"], rng.random() < 0.67
        name = f"q{position}"
        fields["soal"].append(str(position))
        if kind == "single":
            choice = next(c["id"] for c in data["choices"] if c["correct"] == right)
            fields[name] = choice
            expected[position] = {"choice": choice}
        elif kind == "multiple":
            chosen = [c["id"] for c in data["choices"] if c["correct"]][: 2 if right else 1]
            fields[name] = chosen
            expected[position] = {"choices": chosen}
        elif kind == "truefalse":
            value = "true" if data["answer"] == right else "false"
            fields[name] = value
            expected[position] = {"value": value}
        elif kind == "numeric":
            text = "Rp 1.350.000" if right else "1.300.000"
            fields[name] = text
            expected[position] = {"text": text}
        elif kind == "shorttext":
            text = " rat " if right else "pengurus"
            fields[name] = text
            expected[position] = {"text": text}
        elif kind == "journal":
            rows = [
                {"account": "1101", "debit": "1.000.000", "credit": ""},
                {"account": "3101", "debit": "", "credit": "1.000.000"},
            ]
            if not right:
                rows[0], rows[1] = (
                    {**rows[0], "debit": "", "credit": "1.000.000"},
                    {**rows[1], "debit": "1.000.000", "credit": ""},
                )
            for i, row in enumerate(rows):
                fields[f"{name}-akun-{i}"] = row["account"]
                fields[f"{name}-debit-{i}"] = row["debit"]
                fields[f"{name}-kredit-{i}"] = row["credit"]
            expected[position] = {"lines": rows}
    return fields, expected


# --- HTTP client (asyncio, one connection per request) ----------------------------------------


async def http(port, method, path, *, cookies="", body=b"", timeout=30.0):
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", "User-Agent: sinau-storm"]
    if cookies:
        head.append(f"Cookie: {cookies}")
    if body:
        head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    await writer.drain()
    raw = await asyncio.wait_for(reader.read(), timeout)
    writer.close()
    status_line, _, rest = raw.partition(b"\r\n")
    headers_raw, _, payload = rest.partition(b"\r\n\r\n")
    headers = {}
    for line in headers_raw.split(b"\r\n"):
        key, _, value = line.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, payload


async def trainee_run(port, quiz_id, session_key, fields, t_start, t_submit, t0, stats, outcome):
    cookies = f"sessionid={session_key}; csrftoken={CSRF}"
    await asyncio.sleep(max(0.0, t0 + t_start - time.monotonic()))
    try:
        began = time.monotonic()
        status, headers, _ = await http(
            port,
            "POST",
            f"/kuis/{quiz_id}/mulai/",
            cookies=cookies,
            body=urlencode({"csrfmiddlewaretoken": CSRF}).encode(),
        )
        stats["start"].append(time.monotonic() - began)
        if status != 302 or "/kuis/percobaan/" not in headers.get("location", ""):
            outcome["errors"].append(f"start {status}")
            return
        location = headers["location"]
        began = time.monotonic()
        status, _, page = await http(port, "GET", location, cookies=cookies)
        stats["form"].append(time.monotonic() - began)
        if status != 200 or b'name="soal"' not in page:
            outcome["errors"].append(f"form {status}")
            return
        await asyncio.sleep(max(0.0, t0 + t_submit - time.monotonic()))
        body = urlencode({**fields, "csrfmiddlewaretoken": CSRF, "action": "submit"}, doseq=True).encode()
        began = time.monotonic()
        status, headers, _ = await http(port, "POST", location, cookies=cookies, body=body)
        stats["submit"].append(time.monotonic() - began)
        if status != 302 or not headers.get("location", "").endswith("/hasil/"):
            outcome["errors"].append(f"submit {status}")
            return
        outcome["done"] += 1
        outcome["last"] = max(outcome["last"], time.monotonic() - t0)
    except (TimeoutError, OSError) as error:
        outcome["errors"].append(f"{type(error).__name__}: {error}")


async def storm(port, quiz_id, plan, window):
    stats = defaultdict(list)
    outcome = {"errors": [], "done": 0, "last": 0.0}
    t0 = time.monotonic() + 0.5
    tasks = [
        trainee_run(port, quiz_id, key, fields, t_start, t_submit, t0, stats, outcome)
        for key, fields, t_start, t_submit in plan
    ]
    await asyncio.gather(*tasks)
    return stats, outcome


async def static_ceiling(port, path, *, clients=50, seconds=5.0):
    done, errors = 0, 0
    stop = time.monotonic() + seconds

    async def client():
        nonlocal done, errors
        while time.monotonic() < stop:
            try:
                status, _, body = await http(port, "GET", path)
                if status == 200 and body:
                    done += 1
                else:
                    errors += 1
            except (TimeoutError, OSError):
                errors += 1

    began = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    return done / (time.monotonic() - began), errors


# --- Gunicorn ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port, workers, threads):
    # Production's settings with bench-only defaults for its required variables, plus the
    # baseline page type (bench/settings_server.py; it falls back to the base settings' serving
    # choices when production refuses SQLite).
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=os.environ.get("BENCH_SERVER_SETTINGS", "bench.settings_server"),
        CONN_MAX_AGE=os.environ.get("CONN_MAX_AGE", "60"),
        # gunicorn reads ./gunicorn.conf.py too: plain access lines (they go to a log file), and
        # no worker restarts in the middle of the storm.
        GUNICORN_LOG_FORMAT="text",
        GUNICORN_MAX_REQUESTS="0",
    )
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "lms.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--backlog",
        "2048",
        "--timeout",
        "60",
        "--log-level",
        "warning",
        "--preload",
    ]
    # The server's own output (access lines, tracebacks) goes to a log file, not over the table.
    log = open(
        os.environ.get("BENCH_SERVER_LOG", os.path.join(tempfile.gettempdir(), "sinau-bench-gunicorn.log")), "ab"
    )  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log)  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
    log.close()
    for _ in range(200):
        try:
            status, _, _ = asyncio.run(http(port, "GET", "/healthz", timeout=2))
            if status in (200, 503):
                return process
        except (TimeoutError, OSError):
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def cpu_seconds(pids) -> float:
    """User + system CPU seconds consumed so far by the processes `pids` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def server_pids(process) -> list[int]:
    """gunicorn's master and workers: every process of its session."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == process.pid:  # session id
                pids.append(int(entry.name))
    return pids


def database_backend_pids() -> list[int]:
    """PostgreSQL backends serving this database (on this machine), but not this process's own."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        pids = [row[0] for row in cursor.fetchall()]
    connection.close()
    return pids


def stop(process):
    """Stop gunicorn; when its graceful shutdown outlasts 30 s (clients still connected after a
    storm), kill its process group so the figures are not lost."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


# --- Check ------------------------------------------------------------------------------------


def check(quiz, expected_by_user):
    """(lost answers, wrong attempts): compare the database with what each trainee sent."""
    from quizzes import grading
    from quizzes.models import AttemptState, QuizAttempt
    from quizzes.selectors import attempt_answers

    lost, wrong = 0, []
    attempts = {a.user_id: a for a in QuizAttempt.objects.filter(quiz=quiz)}
    counts = defaultdict(int)
    for attempt in QuizAttempt.objects.filter(quiz=quiz):
        counts[attempt.user_id] += 1
    for user_id, expected in expected_by_user.items():
        attempt = attempts.get(user_id)
        if attempt is None or attempt.state != AttemptState.FINISHED or counts[user_id] != 1:
            wrong.append(user_id)
            lost += len(expected)
            continue
        points = 0
        for answer in attempt_answers(attempt):
            if answer.response != expected.get(answer.position):
                lost += 1
            points += grading.points_for(
                answer.version.spec, grading.grade(answer.version.spec, expected.get(answer.position)).fraction
            )
        if attempt.points != points:
            wrong.append(user_id)
    return lost, wrong


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trainees", type=int, default=300)
    parser.add_argument("--window", type=float, default=10.0, help="seconds for every start and submit")
    # One process per core with threads to overlap the database's commit waits: on this 2-core
    # machine 2 x 4 finished the storm in 34-37 s at load 8-11 where 4 x 2 took 57 s (2 Dec 2026).
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    tmp = setup_django()
    from django.db import connection

    vendor = connection.vendor
    run = str(int(time.time()))
    quiz, sessions = build(args.trainees, run)
    rng = random.Random(7)  # noqa: S311  # nosec B311  # repeatable bench answers, not a secret
    plan, expected_by_user = [], {}
    half = args.window / 2
    for index, (user_id, key) in enumerate(sessions):
        fields, expected = planned_answers(quiz, index)
        t_start = rng.uniform(0, half)
        t_submit = min(args.window - 0.2, t_start + rng.uniform(2, 5))
        plan.append((key, fields, t_start, t_submit))
        expected_by_user[user_id] = expected
    connection.close()

    port = free_port()
    server = start_gunicorn(port, args.workers, args.threads)
    try:
        # CPU seconds the server spends on the storm (load-independent, unlike the timings): its
        # gunicorn processes, and the PostgreSQL backends its workers open (none exist before).
        server_cpu = cpu_seconds(server_pids(server))
        load_before = os.getloadavg()
        began, client_cpu = time.monotonic(), time.process_time()
        stats, outcome = asyncio.run(storm(port, quiz.pk, plan, args.window))
        elapsed, client_cpu = time.monotonic() - began, time.process_time() - client_cpu
        load_after = os.getloadavg()
        server_cpu = cpu_seconds(server_pids(server)) - server_cpu
        database_cpu = cpu_seconds(database_backend_pids())
        ceiling, static_errors = asyncio.run(static_ceiling(port, "/static/lms/css/sinau.css"))
    finally:
        stop(server)
    lost, wrong = check(quiz, expected_by_user)
    from courses.models import Completion
    from quizzes.models import QuizAttempt

    # A pass completes the storm's course (no lessons, no sessions); the check runs after the
    # commit: eager (the embedded default) after each response, else by a Celery worker, if any
    # consumes the queue during the storm.
    passed = QuizAttempt.objects.filter(quiz=quiz, passed=True).count()
    completions = Completion.objects.filter(enrollment__user__email__startswith=f"storm-{run}-").count()
    figures = {
        "database": vendor,
        "trainees": args.trainees,
        "window_s": args.window,
        "gunicorn": f"{args.workers} workers x {args.threads} threads (gthread)",
        "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
        "server_cpu_s": round(server_cpu, 2),
        "server_cpu_ms_per_attempt": round(server_cpu * 1000 / args.trainees, 1),
        "database_cpu_ms_per_attempt": round(database_cpu * 1000 / args.trainees, 1) if database_cpu else None,
        # The load generator shares the machine: what it takes is taken from the server.
        "client_cpu_ms_per_attempt": round(client_cpu * 1000 / args.trainees, 1),
        "completed": outcome["done"],
        "last_submit_done_s": round(outcome["last"], 2),
        "elapsed_s": round(elapsed, 2),
        "errors": len(outcome["errors"]),
        "error_samples": outcome["errors"][:5],
        "lost_answers": lost,
        "wrong_attempts": len(wrong),
        "passed": passed,
        "completions_recorded": completions,
        "static_req_per_s": round(ceiling, 1),
        "static_errors": static_errors,
    }
    for kind in ("start", "form", "submit"):
        values = stats[kind]
        figures[f"{kind}_p50_ms"] = round(statistics.median(values) * 1000, 1) if values else None
        figures[f"{kind}_p95_ms"] = round(percentile(values, 95) * 1000, 1) if values else None
    quiz_requests = sum(len(v) for v in stats.values())
    figures["quiz_requests"] = quiz_requests
    figures["quiz_req_per_s"] = round(quiz_requests / args.window, 1)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>22}: {value}")
    if tmp:
        shutil.rmtree(Path(tmp).parent, ignore_errors=True)
    sys.exit(1 if figures["errors"] or lost or wrong else 0)


if __name__ == "__main__":
    main()
