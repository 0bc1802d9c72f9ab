"""Hand work to Celery only once the data it needs is committed, and keep serving when the broker is down.

Use it from services, never `task.delay()` directly::

    from lms.queue import enqueue_on_commit

    @transaction.atomic
    def issue_certificate(*, enrollment: Enrollment, by: User) -> Certificate:
        certificate = Certificate.objects.create(...)
        enqueue_on_commit(render_certificate_pdf, certificate.pk)
        return certificate

Why:

- The task is sent from `transaction.on_commit`, so a worker never looks for a row that is not
  committed yet, and nothing is sent at all when the transaction rolls back. Outside any
  transaction (autocommit) it is sent at once.
- If the broker cannot be reached, the error is logged (logger "sinau.queue", with the task name
  and arguments, so the work can be replayed) and the request still succeeds: design.md says the
  site keeps serving when the broker is down. Tasks must therefore be idempotent and the data they
  work on must allow re-running them later (a periodic sweep or a management command).
- Errors raised *by the task itself* are not swallowed: in eager mode (the embedded default and
  the tests) the task runs inside the call and its exceptions propagate as usual.

Pass ids, not model instances (the task serializer is JSON). For Celery options such as a
countdown, pass a signature: `enqueue_on_commit(task.s(pk).set(countdown=60))`.
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger("sinau.queue")

# Raised by Celery/kombu when the broker cannot be reached (refused, timed out, DNS, ...).
BROKER_ERRORS = (OperationalError, OSError)


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Schedule `task.apply_async(args, kwargs)` for when the current transaction commits.

    `task` is a Celery task or signature; `args`/`kwargs` go to the task. It waits for the
    transaction of the default database. Returns nothing: the task id does not exist until the
    commit.
    """
    name = getattr(task, "name", None) or getattr(task, "task", None) or repr(task)

    def send() -> None:
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except BROKER_ERRORS:
            logger.exception("Broker unreachable: task %s was not enqueued (args=%r, kwargs=%r)", name, args, kwargs)

    transaction.on_commit(send)
