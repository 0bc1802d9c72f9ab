"""Database helpers shared by the apps: SQLite's write lock handled like PostgreSQL's row locks.

The embedded default runs on SQLite (lms/settings/base.py: WAL, a busy timeout, `BEGIN IMMEDIATE`
transactions), where a whole class posting at once queues for the one write lock. The busy
timeout makes a writer wait for it; `retry_on_db_lock` retries the whole transaction in the rare
case the wait still ends in "database is locked" (a very long queue), so the user gets an answer
instead of a 500. On PostgreSQL a transaction never fails that way and the wrapper does nothing.
"""

from __future__ import annotations

import functools
import random
import time

from django.db import OperationalError, connection

# A lock wait that ran out (the busy timeout) is not worth repeating many times; the errors SQLite
# gives at once (a snapshot that went stale between reading and writing) are.
SQLITE_LOCK_ATTEMPTS = 5


def is_lock_error(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "database table is locked" refusals."""
    return isinstance(exc, OperationalError) and "locked" in str(exc)


def retry_on_db_lock(func):
    """Run `func` again when SQLite refused its transaction with "database is locked".

    Wrap the outermost transaction (put the decorator outside `@transaction.atomic`): inside a
    caller's atomic block nothing can be retried, so the error goes up to the caller's wrapper.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        attempts = SQLITE_LOCK_ATTEMPTS if connection.vendor == "sqlite" and not connection.in_atomic_block else 1
        for attempt in range(attempts):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if attempt == attempts - 1 or not is_lock_error(exc):
                    raise
                # Jittered back-off so the retried writers do not all knock at the same instant.
                time.sleep(min(0.05 * (attempt + 1), 0.5) * (0.5 + random.random()))  # noqa: S311  # nosec B311  # back-off jitter, not a secret
        raise AssertionError("unreachable")

    return wrapper
