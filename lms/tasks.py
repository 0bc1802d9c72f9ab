"""Tasks of the project glue: a ping (worker round-trip test, monitoring), Wagtail's scheduled
publishing, and the runner and sweep of `lms.jobs` background jobs."""

from celery import shared_task
from django.core.cache import cache

from . import jobs


@shared_task(name="lms.ping", acks_late=True)
def ping(token: str) -> str:
    """Answer `pong:<token>` and leave the token in the cache, proving the worker sees both."""
    cache.set(f"ping:{token}", "seen", 300)
    return f"pong:{token}"


@shared_task(
    name="lms.publish_scheduled_pages", acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=3
)
def publish_scheduled_pages() -> None:
    """Run Wagtail's `publish_scheduled` (beat, every few minutes): scheduled revisions go live and
    expired pages are unpublished. Idempotent: a second run finds nothing left to do."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)


@shared_task(name="lms.run_background_job", bind=True, acks_late=True, max_retries=None)
def run_background_job(self, job_id: str) -> str:
    """Run one `lms.jobs` job. Idempotent (the job is claimed in one UPDATE; a job already done,
    failed or running elsewhere is skipped); its own retry count lives on the job row."""
    outcome = jobs.run_job(job_id)
    # Eager Celery (embedded default, tests) cannot wait for a countdown: retry in place.
    while outcome.state == "retry" and self.request.is_eager:
        outcome = jobs.run_job(job_id)
    if outcome.state == "retry":
        raise self.retry(countdown=outcome.countdown)
    return outcome.state


@shared_task(name="lms.sweep_background_jobs", acks_late=True)
def sweep_background_jobs() -> dict:
    """Beat: delete expired job results, resend jobs lost on the way to a worker."""
    return jobs.sweep()
