"""Two real Celery worker processes (started here, against the test database) run a bulk issue
that two officers started at the same moment: one certificate per trainee, course and kind, each
PDF stored once, each emailed once. Needs PostgreSQL and a Redis broker (CI=true runs it)."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from certificates.bulk import start_bulk_issue
from certificates.models import Certificate, CertificateEvent, CertificateKind
from courses.models import Completion, Enrollment
from lms import roles
from lms.models import BackgroundJob

ROOT = Path(__file__).resolve().parents[2]
TRAINEES = 10  # completed trainees besides the fixture's one


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_workers(count: int, suffix: str, log_dir: Path) -> list[subprocess.Popen]:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.certificates.worker_settings",
        DATABASE_URL=_database_url(),
        SINAU_WORKER_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        SINAU_WORKER_QUEUE_SUFFIX=suffix,
        SINAU_WORKER_MAIL_DIR=str(log_dir / "mail"),
        CELERY_TASK_ALWAYS_EAGER="false",
    )
    queues = ",".join(f"{name}-{suffix}" for name in ("pdf", "email", "celery"))
    workers = []
    for i in range(count):
        log = open(log_dir / f"worker{i}.log", "w")  # noqa: SIM115 - closed with the process
        workers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "lms",
                    "worker",
                    "--pool=solo",
                    "-Q",
                    queues,
                    "-n",
                    f"cert{i}-{suffix}@%h",
                    "--loglevel=INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return workers


def _use_routes(app, routes) -> None:
    """Route this process's tasks by `routes`. Celery builds its router once (a cached property
    holding the routes of that moment): when an earlier test in the process has sent a task, a new
    conf.task_routes alone changes nothing and the tasks go to the ordinary queues (to the worker
    .ci/run keeps, with another media folder). Rebuild the router from the new routes."""
    app.conf.task_routes = routes
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)


def _wait_for_workers(app, count: int, suffix: str, workers) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if any(worker.poll() is not None for worker in workers):
            pytest.fail("a worker exited at start-up (see its log)")
        replies = app.control.ping(timeout=1) or []
        if sum(1 for reply in replies for name in reply if f"-{suffix}@" in name) >= count:
            return
    pytest.fail("the workers did not answer within 90 s")


def _stop(workers) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)
        if worker.stdout:
            worker.stdout.close()


@pytest.mark.worker
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_and_a_bulk_issue_started_twice_issue_store_and_email_once(
    real_worker, setup, officer, make_user, tmp_path
):
    cohort = setup.cohort
    for i in range(TRAINEES):
        user = make_user(roles.TRAINEE, full_name=f"Peserta Pekerja {i:02d}")
        enrollment = Enrollment.objects.create(user=user, cohort=cohort, status=Enrollment.Status.COMPLETED)
        Completion.objects.create(enrollment=enrollment, snapshot={})
    completed = set(Completion.objects.filter(enrollment__cohort=cohort).values_list("enrollment_id", flat=True))
    second_officer = make_user(roles.OFFICER, full_name="Petugas Kedua")

    suffix = f"certtest{os.getpid()}"
    routes = {name: {"queue": f"{route['queue']}-{suffix}"} for name, route in settings.CELERY_TASK_ROUTES.items()}
    previous_routes = real_worker.conf.task_routes
    _use_routes(real_worker, routes)
    workers = _start_workers(2, suffix, tmp_path)
    try:
        _wait_for_workers(real_worker, 2, suffix, workers)
        # Two officers start the same bulk issue at once: two jobs, one on each worker.
        jobs = [
            start_bulk_issue(cohort=cohort, kind=CertificateKind.COMPLETION, by=who)
            for who in (officer, second_officer)
        ]
        assert jobs[0].pk != jobs[1].pk
        ids = [job.pk for job in jobs]
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if any(worker.poll() is not None for worker in workers):
                pytest.fail("a worker died during the run")
            finished = BackgroundJob.objects.filter(pk__in=ids, status__in=["done", "failed"]).count() == 2
            rendered = not Certificate.objects.filter(cohort=cohort, sha256="").exists()
            emailed = not Certificate.objects.filter(cohort=cohort, emailed_at__isnull=True).exists()
            if finished and rendered and emailed and Certificate.objects.filter(cohort=cohort).exists():
                break
            time.sleep(0.5)
        else:
            logs = "\n".join(p.read_text()[-1500:] for p in sorted(tmp_path.glob("worker*.log")))
            pytest.fail(f"the run did not finish within 240 s\n{logs}")
    finally:
        _use_routes(real_worker, previous_routes)
        _stop(workers)
        with real_worker.connection_for_write() as conn:
            for name in ("pdf", "email", "celery"):
                try:
                    conn.default_channel.queue_delete(f"{name}-{suffix}")
                except Exception:  # noqa: BLE001, S110 - a queue never declared has nothing to delete
                    pass

    runs = list(BackgroundJob.objects.filter(pk__in=ids))
    assert [run.status for run in runs] == ["done", "done"], [run.message for run in runs]
    # Each job saw every completer: between them each trainee was issued once and found once.
    assert sum(run.result_data["issued"] for run in runs) == len(completed)
    assert sum(run.result_data["existing"] for run in runs) == len(completed)
    certificates = list(Certificate.objects.filter(cohort=cohort, kind=CertificateKind.COMPLETION))
    assert sorted(c.enrollment_id for c in certificates) == sorted(completed)  # one per trainee and kind
    assert sorted(c.number for c in certificates) == list(range(1, len(completed) + 1))  # gap-free
    media = Path(settings.MEDIA_ROOT)
    for certificate in certificates:
        stored = list(media.glob(f"sertifikat/{certificate.year}/{certificate.code}-*.pdf"))
        assert [p.name for p in stored] == [Path(certificate.pdf.name).name], "one file per certificate"
        assert hashlib.sha256(stored[0].read_bytes()).hexdigest() == certificate.sha256
    issued = CertificateEvent.objects.filter(certificate__cohort=cohort, action="issued")
    assert sorted(issued.values_list("certificate_id", flat=True)) == sorted(c.pk for c in certificates)
    # Each holder got exactly one email (the workers write each message to a file): `emailed_at`
    # is set by the claim just before the send, so wait for the last file.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list((tmp_path / "mail").glob("*"))) < len(certificates):
        time.sleep(0.2)
    time.sleep(0.5)  # a duplicate would be written by now
    mails = [path.read_text(errors="replace") for path in (tmp_path / "mail").glob("*")]
    assert len(mails) == len(certificates)
    for certificate in certificates:
        assert sum(f"sertifikat-{certificate.code}.pdf" in mail for mail in mails) == 1, certificate.code
