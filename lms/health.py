"""Checks behind /healthz: the database, the cache and the Celery broker, each answered within a deadline.

Each check runs in its own daemon thread and the three run side by side, so /healthz answers within
CHECK_TIMEOUT seconds even when a service does not answer at all (a firewalled host swallows
packets: no "connection refused", just silence). A check still running at the deadline is reported
"down" with error "timeout"; its thread is left to die with its socket.
"""

import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection

CHECK_TIMEOUT = 2.5  # seconds, for each check (they run in parallel)
BROKER_CONNECT_TIMEOUT = 2  # seconds, for the TCP connect and the first answer


def check_database() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        # This runs in a short-lived thread: its connection must not outlive it.
        connection.close()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("cache did not return the value it was given")


def check_broker() -> None:
    """Connect to the broker named by settings *now* (not the Celery app's conf, fixed at import time)."""
    from kombu import Connection

    url = settings.CELERY_BROKER_URL
    if url.startswith("memory://"):
        return  # embedded mode: tasks run in-process, there is no broker to reach
    transport_options = {
        **getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
        "socket_timeout": BROKER_CONNECT_TIMEOUT,
        "socket_connect_timeout": BROKER_CONNECT_TIMEOUT,
        "max_retries": 0,
    }
    with Connection(url, connect_timeout=BROKER_CONNECT_TIMEOUT, transport_options=transport_options) as conn:
        # For Redis, opening the first channel sends a PING: a real round trip, not just a socket.
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_CONNECT_TIMEOUT)
        conn.default_channel  # noqa: B018 - evaluating it opens the channel


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


class _CheckThread(threading.Thread):
    def __init__(self, check):
        super().__init__(daemon=True, name=f"healthz-{check.__name__}")
        self.check = check
        self.error: BaseException | None = None
        self.elapsed_ms = 0.0

    def run(self):
        started = time.monotonic()
        try:
            self.check()
        except BaseException as exc:  # noqa: BLE001 - any failure means "down", reported, not raised
            self.error = exc
        finally:
            self.elapsed_ms = round((time.monotonic() - started) * 1000, 1)
            close_old_connections()


def run_checks(timeout: float = CHECK_TIMEOUT) -> tuple[bool, dict]:
    """Run every check in parallel; returns (all up?, {name: {"status", "ms", ["error"]}})."""
    threads = {name: _CheckThread(check) for name, check in CHECKS.items()}
    for thread in threads.values():
        thread.start()
    deadline = time.monotonic() + timeout
    results = {}
    for name, thread in threads.items():
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            results[name] = {"status": "down", "error": "timeout", "ms": round(timeout * 1000, 1)}
        elif thread.error is not None:
            results[name] = {"status": "down", "error": thread.error.__class__.__name__, "ms": thread.elapsed_ms}
        else:
            results[name] = {"status": "up", "ms": thread.elapsed_ms}
    healthy = all(result["status"] == "up" for result in results.values())
    return healthy, results
