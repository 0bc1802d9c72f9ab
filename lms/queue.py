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
import threading

from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
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
    transaction.on_commit(_sender(task, args, kwargs))


def _sender(task, args, kwargs):
    """A callable that sends `task` to the broker, logging (not raising) when it is unreachable."""
    name = getattr(task, "name", None) or getattr(task, "task", None) or repr(task)

    def send() -> None:
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except BROKER_ERRORS:
            logger.exception("Broker unreachable: task %s was not enqueued (args=%r, kwargs=%r)", name, args, kwargs)

    return send


# --- After the response --------------------------------------------------------------------
# In eager mode (the embedded default, no broker) a task sent at commit would run inside the
# request that committed, and the person waits for work that is not theirs to wait for (a course
# completion check after a quiz pass). `enqueue_after_response` keeps such work for the moment the
# response has been sent: Django sends `request_finished` when the server closes the response,
# after its last byte went out. With a broker it is `enqueue_on_commit`.

_pending = threading.local()


def _begin_request(**kwargs) -> None:
    leftover = getattr(_pending, "tasks", None)  # a response that was never closed: run its work now
    _pending.tasks = []
    for run in leftover or []:
        run()


def _end_request(**kwargs) -> None:
    tasks, _pending.tasks = getattr(_pending, "tasks", None), None
    if not tasks:
        return
    try:
        error = None
        for run in tasks:
            try:
                run()
            except Exception as exc:  # noqa: BLE001 - the others still run; the first error is raised after
                error = error or exc
        if error is not None:
            raise error
    finally:
        # The work may have opened a connection after Django closed this request's.
        if not connection.in_atomic_block:
            close_old_connections()


request_started.connect(_begin_request, dispatch_uid="lms.queue.begin_request")
request_finished.connect(_end_request, dispatch_uid="lms.queue.end_request")


def enqueue_after_response(task, *args, **kwargs) -> None:
    """`enqueue_on_commit`, except that in eager mode inside a request the task runs once the
    response has been sent (outside a request: at commit, as `enqueue_on_commit`). For follow-up
    work the person who made the request need not wait for; like every task, idempotent."""
    send = _sender(task, args, kwargs)

    def at_commit() -> None:
        tasks = getattr(_pending, "tasks", None)
        if tasks is not None and _is_eager(task):
            tasks.append(send)
        else:
            send()

    transaction.on_commit(at_commit)


def _is_eager(task) -> bool:
    app = getattr(task, "app", None) or getattr(getattr(task, "type", None), "app", None)
    return bool(app is not None and app.conf.task_always_eager)
