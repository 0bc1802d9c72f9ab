"""Benchmark: issuing certificates. Three figures, all from one run:

1. time per certificate (issue + render + sign if configured + store + email, in-process) against
   a bare xhtml2pdf render of the same HTML (built beforehand, QR image included: building it is
   part of what issuing adds), measured alternately on the same machine (target ratio <= 1.3);
2. SQL queries per certificate (fixed; also pinned by tests/certificates/test_issuing.py);
3. the speed-up of rendering N certificates with two real Celery workers instead of one
   (target >= 1.7);
4. the peak resident memory (VmHWM, the process and its children) of the single Celery worker
   after it rendered --memory-count certificates (default 1,000: the timed N, then more untimed).
   Parts 3 and 4 need PostgreSQL and a Redis broker, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sinau_certs \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/certificates_issue.py

Without CELERY_BROKER_URL only parts 1 and 2 run (on a throw-away SQLite database unless
DATABASE_URL is set). Options: --sample (part 1, default 200), --count (certificates per worker
run, default 500, so the two runs issue 1,000), --memory-count, --skip-workers.
"""

import argparse
import json
import os
import statistics
import subprocess  # nosec B404  # runs our own scripts and servers with fixed argument lists, never a shell
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("EMAIL_URL", "dummymail://")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="sinau-bench-media-"))
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='sinau-bench-')}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_trainees(course_title: str, count: int):
    """A course with certificate settings and a cohort of `count` trainees who all completed."""
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from certificates import defaults
    from certificates.models import (
        CertificateKind,
        CertificateSignatory,
        CertificateTemplate,
        CourseCertificateSettings,
    )
    from courses.models import Cohort, Completion, CourseIndexPage, CoursePage, Enrollment
    from lms.models import HomePage

    home = HomePage.objects.first()
    index = CourseIndexPage.objects.filter(slug="katalog-bench").first() or home.add_child(
        instance=CourseIndexPage(title="Katalog bench", slug="katalog-bench")
    )
    stamp = f"{time.time_ns()}"
    course = index.add_child(instance=CoursePage(title=course_title, slug=f"bench-{stamp}", summary="Bench", hours=32))
    template = CertificateTemplate.objects.create(
        name=f"Bench {stamp}",
        kind=CertificateKind.COMPLETION,
        body_html=defaults.COMPLETION_HTML,
        css=defaults.CSS,
        issue_place="Yogyakarta",
    )
    CertificateSignatory.objects.create(
        template=template, name="Ir. Kepala Dinas", title="Kepala Dinas", nip="196805121994031007"
    )
    CourseCertificateSettings.objects.create(course=course, completion_template=template, issue_on_completion=False)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan bench",
        start_date=today - dt.timedelta(days=3),
        end_date=today,
        venue="Aula Dinas",
        capacity=count + 1,
        enrolment_code=f"B{stamp[-10:]}",
    )
    User = get_user_model()
    users = User.objects.bulk_create(
        [
            User(email=f"bench-{stamp}-{i}@example.test", full_name=f"Peserta Bench {i:04d}", password="!")  # nosec B106  # a throwaway bench account
            for i in range(count)
        ]
    )
    enrollments = Enrollment.objects.bulk_create(
        [Enrollment(user=u, cohort=cohort, status=Enrollment.Status.COMPLETED) for u in users]
    )
    Completion.objects.bulk_create([Completion(enrollment=e) for e in enrollments])
    return list(Enrollment.objects.filter(cohort=cohort).order_by("pk"))


def part_one(sample: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from certificates import rendering, services
    from certificates.models import Certificate
    from lms.celery import app

    app.conf.task_always_eager = True
    counted = 3  # certificates whose SQL statements are counted, untimed
    enrollments = make_trainees("Bench in-process", sample + 1 + counted)
    # Warm-up (imports, fonts, the template's images) outside the measurement.
    services.issue_certificate(enrollment=enrollments[0])
    # The statements are counted on certificates of their own: recording them (the SQL text of
    # each) is not part of the cost being timed.
    queries = []
    for enrollment in enrollments[1 : 1 + counted]:
        with CaptureQueriesContext(connection) as captured:
            services.issue_certificate(enrollment=enrollment)
        queries.append(len(captured))
    full, bare, build = [], [], []
    for enrollment in enrollments[1 + counted :]:
        start = time.perf_counter()
        result = services.issue_certificate(enrollment=enrollment)
        full.append(time.perf_counter() - start)
        certificate = Certificate.objects.get(pk=result.certificate.pk)
        if not certificate.sha256:  # an explicit check: `python -O` drops asserts (bandit B101)
            raise SystemExit("the PDF was not stored")
        # The baseline: xhtml2pdf alone on the same HTML (the same snapshot, QR image included).
        # Building that HTML (placeholders, the QR code) is part of what issuing adds, so it is
        # timed apart, not inside the baseline.
        layout = rendering.Layout.from_dict(certificate.snapshot["layout"])
        start = time.perf_counter()
        html = rendering.build_html(layout, certificate.snapshot["fields"])
        build.append(time.perf_counter() - start)
        start = time.perf_counter()
        rendering.html_to_pdf(html)
        bare.append(time.perf_counter() - start)
    # The ratio per certificate (full / its own bare render, measured right after it): its
    # quartiles show the spread the machine's noise gives.
    ratios = sorted(f / b for f, b in zip(full, bare, strict=True))
    quartile = max(len(ratios) // 4, 0)
    return {
        "sample": sample,
        "full_median_ms": statistics.median(full) * 1000,
        "bare_median_ms": statistics.median(bare) * 1000,
        "full_mean_ms": statistics.mean(full) * 1000,
        "bare_mean_ms": statistics.mean(bare) * 1000,
        "html_with_qr_median_ms": statistics.median(build) * 1000,
        "ratio_median": statistics.median(full) / statistics.median(bare),
        "ratio_mean": statistics.mean(full) / statistics.mean(bare),
        "ratio_q1": ratios[quartile],
        "ratio_q3": ratios[-1 - quartile],
        "queries": sorted(set(queries)),
    }


def start_workers(n: int, env: dict) -> list[subprocess.Popen]:
    processes = []
    for i in range(n):
        processes.append(
            subprocess.Popen(  # nosec B603  # fixed argument list (this interpreter, our scripts), no shell
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "lms",
                    "worker",
                    "--pool=solo",
                    "-n",
                    f"bench{i}-{os.getpid()}@%h",
                    "--loglevel=WARNING",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Each worker in a session of its own, as a service manager starts each worker (a
                # systemd unit is a session): Linux's autogroup scheduler shares the CPU between
                # sessions, so workers left in the bench's session would share one session's
                # share, and a second worker adds nothing while other sessions keep the cores
                # busy (measured: 2 vs 1 processes rendering 0.9-1.1x in one session, 1.5-1.95x
                # in a session each, at load 7 on two cores).
                start_new_session=True,
            )
        )
    from lms.celery import app

    deadline = time.time() + 60
    while time.time() < deadline:
        replies = app.control.ping(timeout=1) or []
        if len([r for r in replies if any(f"-{os.getpid()}@" in k for k in r)]) >= n:
            return processes
    stop_workers(processes)
    raise SystemExit("workers did not start")


def stop_workers(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _proc_status(pid: int) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _descendants(pid: int) -> list[int]:
    """The pids of a process's children, grandchildren, … (Linux /proc; empty elsewhere)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def tree_peak_rss_mib(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of a process plus that of each of its descendants, in MiB: the
    most the worker (a solo pool has no children; a prefork pool's children count too) held."""
    total = 0
    for each in [pid, *_descendants(pid)]:
        value = _proc_status(each).get("VmHWM")
        if value:
            total += int(value.split()[0])
    return total / 1024 if total else None


def worker_run(workers: int, count: int, then: int = 0) -> dict:
    """Issue `count` certificates without rendering, then time `workers` workers rendering them.
    With `then`, the (first) worker goes on to render `then` more, untimed, and the peak memory
    of each worker's process tree is read before it stops (the memory after count + then)."""
    from unittest import mock

    from certificates import services, tasks
    from certificates.models import Certificate
    from lms.celery import app

    app.conf.task_always_eager = False
    enrollments = make_trainees(f"Bench {workers} worker(s)", count + then)
    with mock.patch.object(services, "enqueue_on_commit", lambda *a, **k: None):
        ids = [services.issue_certificate(enrollment=e).certificate.pk for e in enrollments]
    timed, more = ids[:count], ids[count:]
    app.control.purge()
    env = dict(os.environ, CELERY_TASK_ALWAYS_EAGER="false")
    processes = start_workers(workers, env)
    result = {}
    try:
        start = time.perf_counter()
        for certificate_id in timed:
            tasks.render_certificate.delay(certificate_id)
        while Certificate.objects.filter(pk__in=timed, sha256="").exists():
            time.sleep(0.25)
        result["elapsed"] = time.perf_counter() - start
        if more:
            for certificate_id in more:
                tasks.render_certificate.delay(certificate_id)
            while Certificate.objects.filter(pk__in=more, sha256="").exists():
                time.sleep(0.5)
            peaks = [tree_peak_rss_mib(process.pid) for process in processes]
            result["peak_rss_mib"] = max((p for p in peaks if p), default=None)
            result["rss_certificates"] = count + then if workers == 1 else None
    finally:
        stop_workers(processes)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument(
        "--memory-count",
        type=int,
        default=1000,
        help="certificates the single worker renders before its peak memory is read (at least --count)",
    )
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    args = parser.parse_args()
    configure()
    from django.db import connection

    figures = {"database": connection.vendor, "signing": bool(os.environ.get("CERTIFICATES_SIGNING_KEY"))}
    print(f"database: {connection.vendor}; signing: {'on' if figures['signing'] else 'off'}")
    one = part_one(args.sample)
    figures.update(one)
    print(
        f"in-process, {one['sample']} certificates: full {one['full_median_ms']:.1f} ms median "
        f"({one['full_mean_ms']:.1f} mean) vs bare xhtml2pdf {one['bare_median_ms']:.1f} ms median "
        f"({one['bare_mean_ms']:.1f} mean): ratio {one['ratio_median']:.2f} median, {one['ratio_mean']:.2f} mean "
        f"(per certificate {one['ratio_q1']:.2f}–{one['ratio_q3']:.2f}, quartiles); "
        f"building the HTML with its QR {one['html_with_qr_median_ms']:.1f} ms median (part of full, not of bare)"
    )
    print(f"SQL queries per certificate (issue + render + store + email): {one['queries']}")
    if args.skip_workers or not os.environ.get("CELERY_BROKER_URL", "").startswith(("redis://", "amqp://")):
        print("worker speed-up: skipped (needs CELERY_BROKER_URL and PostgreSQL)")
    elif connection.vendor != "postgresql":
        print("worker speed-up: skipped (SQLite cannot take two writing workers)")
    else:
        memory_total = max(args.memory_count, args.count)
        first = worker_run(1, args.count, then=memory_total - args.count)
        single = first["elapsed"]
        double = worker_run(2, args.count)["elapsed"]
        figures.update(count=args.count, one_worker_s=single, two_workers_s=double, speedup=single / double)
        figures.update(worker_peak_rss_mib=first.get("peak_rss_mib"), worker_rss_certificates=memory_total)
        print(
            f"workers, {args.count} certificates each: 1 worker {single:.1f} s ({single / args.count * 1000:.0f} ms/cert), "
            f"2 workers {double:.1f} s ({double / args.count * 1000:.0f} ms/cert): speed-up {single / double:.2f}x"
        )
        peak = first.get("peak_rss_mib")
        print(
            f"Celery worker (solo pool) peak RSS after {memory_total} certificates: "
            + (f"{peak:.0f} MiB" if peak else "not measured (needs Linux /proc)")
        )
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
