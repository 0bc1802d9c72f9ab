"""Small tasks of the project glue: a ping used by the worker round-trip test and monitoring."""

from celery import shared_task
from django.core.cache import cache


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
