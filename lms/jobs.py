"""Background jobs: work too long for a request (big PDFs, bulk issue, monthly reports) run by a
Celery worker, with progress the user watches and a file only its owner downloads.

An app plugs its work in at start-up (its `AppConfig.ready`), so `lms` never imports the apps::

    from lms import jobs

    def render_ledger_pdf(ctx: jobs.JobContext) -> jobs.JobResult:
        book = Book.objects.get(pk=ctx.params["book_id"])       # re-read: the job runs later
        rows = ...
        for done, row in enumerate(rows, 1):
            ...
            ctx.progress(done, len(rows))                        # cheap: written at most twice a second
        return jobs.JobResult(content=pdf_bytes, filename="buku-besar.pdf", content_type="application/pdf")

    jobs.register("ledger.report_pdf", run=render_ledger_pdf, label=_("Laporan PDF"))

and a view starts it and sends the user to its status page::

    job = jobs.start_job(kind="ledger.report_pdf", owner=request.user, params={"book_id": book.pk},
                         label=_("Buku besar (PDF)"), return_url=request.get_full_path())
    return redirect(job)

How it behaves:

- `start_job` creates the row and enqueues the Celery task `lms.run_background_job` after the
  transaction commits (`lms.queue.enqueue_on_commit`). The same request (owner, kind, params)
  while one is still queued or running returns that job: a double submit counts once (a partial
  unique index holds it under concurrency too).
- The task claims the job (queued → running) in one UPDATE, so a second delivery of the same
  message does nothing; a job already done is never run again. Work functions must still be
  idempotent per item when they write (certificates check what is already issued), because a
  worker can die half-way and the job then runs again from the start.
- An unexpected error is retried with a growing delay up to the kind's `max_attempts` (the row
  shows "dicoba lagi"); `JobError` ends the job at once with its (Indonesian) message; hitting the
  soft time limit ends it with a "too long" message. What the user sees never contains a traceback
  (the log has it).
- The job runs in the language its owner used when starting it.
- The result file goes to Django's default storage (S3 in production through django-storages),
  under a path with the job's random id; it is served only through the owner-only download view.
  Results expire after the kind's `keep_days`; the periodic sweep (`lms.sweep_background_jobs`,
  Celery beat) deletes them with their files, re-enqueues jobs whose message never reached a
  worker (broker down at the time) and jobs whose worker died (no heartbeat for longer than the
  hard time limit).
- In the embedded default (eager Celery) the task runs inside the request at commit: the page
  waits for the work. With a broker and workers (production) the request only creates the row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import BackgroundJob
from .queue import enqueue_on_commit

logger = logging.getLogger("sinau.jobs")

RUN_TASK = "lms.run_background_job"
# Jobs still queued this long after creation were probably never sent (broker down): resend.
QUEUED_GRACE = dt.timedelta(minutes=10)
# Progress is written at most this often (plus always at the end): a job of 10,000 rows does not
# turn into 10,000 UPDATEs.
PROGRESS_INTERVAL = 0.5


class JobError(Exception):
    """A failure the user can understand (e.g. "the book was deleted"): the job ends at once
    with this message, without retrying."""


@dataclass
class JobResult:
    """What a work function hands back: optionally a file (bytes), and a short summary."""

    content: bytes | None = None
    filename: str = ""
    content_type: str = "application/octet-stream"
    message: str = ""
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class JobKind:
    name: str
    run: Callable[[JobContext], JobResult | None]
    label: str
    max_attempts: int = 3
    soft_time_limit: int = 600
    time_limit: int = 660
    keep_days: int = 7


_registry: dict[str, JobKind] = {}


def register(
    name: str,
    *,
    run: Callable[[JobContext], JobResult | None],
    label,
    max_attempts: int = 3,
    soft_time_limit: int = 600,
    time_limit: int | None = None,
    keep_days: int = 7,
) -> JobKind:
    """Make a kind of job known (call from the app's `AppConfig.ready`). `run(ctx)` does the work
    and returns a `JobResult` (or None when there is nothing to hand back). Registering the same
    function twice is harmless; another function under a taken name is a configuration error."""
    existing = _registry.get(name)
    if existing is not None and existing.run is not run:
        raise ImproperlyConfigured(f"Background job kind {name!r} is already registered to {existing.run!r}")
    kind = JobKind(
        name=name,
        run=run,
        label=label,
        max_attempts=max(1, max_attempts),
        soft_time_limit=soft_time_limit,
        time_limit=time_limit or soft_time_limit + 60,
        keep_days=keep_days,
    )
    _registry[name] = kind
    return kind


def unregister(name: str) -> None:
    """Forget a kind (tests register throw-away kinds)."""
    _registry.pop(name, None)


def get_kind(name: str) -> JobKind:
    try:
        return _registry[name]
    except KeyError:
        raise ImproperlyConfigured(f"Unknown background job kind {name!r}; register it in AppConfig.ready") from None


def registered_kinds() -> dict[str, JobKind]:
    return dict(_registry)


# --- Starting ------------------------------------------------------------------------------


def params_key(kind: str, params: dict) -> str:
    canonical = json.dumps([kind, params], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _is_local_path(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//") and "\\" not in url


def _enqueue(job: BackgroundJob, kind: JobKind, *, countdown: int | None = None) -> None:
    from .celery import app

    options = {"soft_time_limit": kind.soft_time_limit, "time_limit": kind.time_limit}
    if countdown:
        options["countdown"] = countdown
    enqueue_on_commit(app.signature(RUN_TASK, args=(str(job.pk),), **options))


def start_job(*, kind: str, owner, params: dict | None = None, label: str = "", return_url: str = "") -> BackgroundJob:
    """Create a job for `owner` and enqueue it after commit; the same request while one is still
    queued or running returns that one. `params` must be JSON (ids, dates as ISO text)."""
    job_kind = get_kind(kind)
    params = json.loads(json.dumps(params or {}, default=str))
    key = params_key(kind, params)
    active = BackgroundJob.objects.filter(owner=owner, kind=kind, params_key=key, status__in=BackgroundJob.ACTIVE)
    with transaction.atomic():
        existing = active.first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                job = BackgroundJob.objects.create(
                    kind=kind,
                    label=str(label or job_kind.label)[:200],
                    owner=owner,
                    params=params,
                    params_key=key,
                    language=translation.get_language() or "",
                    return_url=return_url if _is_local_path(return_url) else "",
                    message=_("Menunggu giliran…"),
                )
        except IntegrityError:
            # The same request won a race a moment ago: that job is the answer.
            existing = active.first()
            if existing is None:
                raise
            return existing
        _enqueue(job, job_kind)
    return job


def restart_job(*, job: BackgroundJob, by) -> BackgroundJob:
    """ "Coba lagi" after a failure: a new job with the same request (only its owner may)."""
    if job.owner_id != by.pk:
        raise PermissionError("only the owner may restart a job")
    return start_job(kind=job.kind, owner=by, params=job.params, label=job.label, return_url=job.return_url)


# --- Running (inside the worker) -----------------------------------------------------------


class JobContext:
    """Handed to a work function: the job's parameters and owner, and `progress()`."""

    def __init__(self, job: BackgroundJob):
        self.job = job
        self.params = job.params
        self.owner = job.owner
        self._last_write = 0.0

    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report `done` of `total` (and optionally what is happening). Written to the database
        at most every PROGRESS_INTERVAL seconds, and always when done reaches total."""
        now = time.monotonic()
        finished = total is not None and done >= total
        if not finished and message is None and now - self._last_write < PROGRESS_INTERVAL:
            return
        self._last_write = now
        changes = {"progress_done": max(0, done), "heartbeat_at": timezone.now()}
        if total is not None:
            changes["progress_total"] = max(0, total)
        if message is not None:
            changes["message"] = str(message)[:500]
        BackgroundJob.objects.filter(pk=self.job.pk, status=BackgroundJob.Status.RUNNING).update(**changes)


@dataclass
class RunOutcome:
    """What `run_job` did: "skipped" (nothing to do), "done", "failed" or "retry" (+ countdown)."""

    state: str
    countdown: int = 0


def _claim(job_id, now) -> bool:
    """queued → running in one UPDATE (or take over a running job whose worker went silent)."""
    stale = Q(status=BackgroundJob.Status.RUNNING, heartbeat_at__lt=now - _lease())
    return bool(
        BackgroundJob.objects.filter(Q(status=BackgroundJob.Status.QUEUED) | stale, pk=job_id).update(
            status=BackgroundJob.Status.RUNNING,
            started_at=now,
            heartbeat_at=now,
            attempts=F("attempts") + 1,
            message=_("Sedang diproses…"),
        )
    )


def _lease() -> dt.timedelta:
    longest = max((kind.time_limit for kind in _registry.values()), default=660)
    return dt.timedelta(seconds=longest + 60)


def _finish(job: BackgroundJob, *, status: str, message: str, **changes) -> None:
    now = timezone.now()
    kind = _registry.get(job.kind)
    keep = kind.keep_days if kind else 7
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=status,
        message=str(message)[:500],
        finished_at=now,
        heartbeat_at=now,
        expires_at=now + dt.timedelta(days=keep),
        **changes,
    )


def run_job(job_id) -> RunOutcome:
    """Run one job if it is still waiting (the Celery task's body). Idempotent: a job done,
    failed, running elsewhere or deleted is left alone."""
    now = timezone.now()
    if not _claim(job_id, now):
        return RunOutcome("skipped")
    job = BackgroundJob.objects.select_related("owner").get(pk=job_id)
    kind = _registry.get(job.kind)
    with translation.override(job.language or None):
        if kind is None:
            logger.error("Background job %s has an unknown kind %r", job.pk, job.kind)
            _finish(job, status=BackgroundJob.Status.FAILED, message=_("Jenis proses ini tidak dikenal lagi."))
            return RunOutcome("failed")
        try:
            result = kind.run(JobContext(job)) or JobResult()
        except JobError as exc:
            _finish(job, status=BackgroundJob.Status.FAILED, message=str(exc))
            return RunOutcome("failed")
        except SoftTimeLimitExceeded:
            logger.warning("Background job %s (%s) hit its time limit", job.pk, job.kind)
            _finish(
                job,
                status=BackgroundJob.Status.FAILED,
                message=_("Proses ini terlalu lama dan dihentikan. Persempit rentang tanggal lalu coba lagi."),
            )
            return RunOutcome("failed")
        except Exception:
            logger.exception("Background job %s (%s) failed on attempt %s", job.pk, job.kind, job.attempts)
            if job.attempts < kind.max_attempts:
                BackgroundJob.objects.filter(pk=job.pk).update(
                    status=BackgroundJob.Status.QUEUED,
                    heartbeat_at=timezone.now(),
                    message=_("Terjadi gangguan; dicoba lagi otomatis (percobaan %(next)s dari %(max)s).")
                    % {"next": job.attempts + 1, "max": kind.max_attempts},
                )
                return RunOutcome("retry", countdown=10 * 2 ** (job.attempts - 1))
            _finish(
                job,
                status=BackgroundJob.Status.FAILED,
                message=_("Proses gagal setelah %(n)s kali dicoba. Coba lagi nanti atau hubungi admin.")
                % {"n": job.attempts},
            )
            return RunOutcome("failed")
        _store_result(job, result)
    return RunOutcome("done")


def _store_result(job: BackgroundJob, result: JobResult) -> None:
    changes = {"result_data": result.data or {}}
    if result.content is not None:
        filename = result.filename or "hasil"
        job.result_file.save(filename, ContentFile(result.content), save=False)
        changes.update(
            result_file=job.result_file.name,
            result_filename=filename,
            result_content_type=result.content_type,
        )
    total = BackgroundJob.objects.filter(pk=job.pk).values_list("progress_total", flat=True).first() or 0
    _finish(
        job,
        status=BackgroundJob.Status.DONE,
        message=result.message or _("Selesai."),
        progress_done=total,
        **changes,
    )


# --- Housekeeping (Celery beat) ------------------------------------------------------------


def sweep(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete expired jobs and their files; resend jobs that never reached a worker and jobs
    whose worker went silent. Safe to run any number of times."""
    now = now or timezone.now()
    expired = list(BackgroundJob.objects.filter(expires_at__lt=now))
    for job in expired:
        if job.result_file:
            job.result_file.delete(save=False)
        job.delete()
    resent = 0
    never_sent = BackgroundJob.objects.filter(status=BackgroundJob.Status.QUEUED, created_at__lt=now - QUEUED_GRACE)
    for job in never_sent.filter(Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - QUEUED_GRACE)):
        kind = _registry.get(job.kind)
        if kind is not None:
            _enqueue(job, kind)
            resent += 1
    for job in BackgroundJob.objects.filter(status=BackgroundJob.Status.RUNNING, heartbeat_at__lt=now - _lease()):
        kind = _registry.get(job.kind)
        if kind is None or job.attempts >= kind.max_attempts:
            _finish(job, status=BackgroundJob.Status.FAILED, message=_("Proses terhenti dan tidak bisa dilanjutkan."))
            continue
        updated = BackgroundJob.objects.filter(pk=job.pk, status=BackgroundJob.Status.RUNNING).update(
            status=BackgroundJob.Status.QUEUED, heartbeat_at=now, message=_("Proses terhenti; dicoba lagi otomatis.")
        )
        if updated:
            _enqueue(job, kind)
            resent += 1
    return {"deleted": len(expired), "resent": resent}


# --- Reading -------------------------------------------------------------------------------


def job_for_owner(*, user, job_id) -> BackgroundJob | None:
    """The job if `user` owns it (anyone else, staff included, gets None → 404)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return BackgroundJob.objects.filter(pk=job_id, owner=user).first()


def recent_jobs(*, user, limit: int = 20) -> list[BackgroundJob]:
    return list(BackgroundJob.objects.filter(owner=user).order_by("-created_at")[:limit])
