"""Checks behind /healthz: the database, the cache and the Celery broker, each with a short timeout."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("cache did not return the value it was given")


def check_broker() -> None:
    from lms.celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER and settings.CELERY_BROKER_URL.startswith("memory://"):
        return  # embedded mode: tasks run in-process, there is no broker to reach
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks() -> tuple[bool, dict]:
    results = {}
    healthy = True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure means "down", reported, not raised
            healthy = False
            results[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            results[name] = {"status": "up"}
        results[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return healthy, results
