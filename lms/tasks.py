"""Small tasks of the project glue: a ping used by the worker round-trip test and monitoring."""

from celery import shared_task
from django.core.cache import cache


@shared_task(name="lms.ping", acks_late=True)
def ping(token: str) -> str:
    """Answer `pong:<token>` and leave the token in the cache, proving the worker sees both."""
    cache.set(f"ping:{token}", "seen", 300)
    return f"pong:{token}"
