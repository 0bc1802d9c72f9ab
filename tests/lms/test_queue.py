"""enqueue_on_commit: tasks leave after the commit, never after a rollback, and a dead broker only logs."""

import logging
import time
import uuid

import pytest
from django.core.cache import cache
from django.db import transaction

from lms.celery import app
from lms.queue import enqueue_on_commit
from lms.tasks import ping

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    """The Celery app pointed at a closed port, not eager: what production sees when Redis is down."""
    # CELERY_BROKER_WRITE_URL wins over the app's conf and over CELERY_BROKER_URL in the
    # environment (set in CI), so this reaches the app however it was configured at import.
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", "redis://127.0.0.1:1/0")
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    _reset_connections()
    yield
    app.conf.task_always_eager = eager
    monkeypatch.delenv("CELERY_BROKER_WRITE_URL")
    _reset_connections()


def _reset_connections():
    # Forget the app's cached connection and producer pools so the next send uses the current
    # broker_url (kombu keeps one pool per URL, so the real broker's pool survives for later tests).
    app._pool = None
    app.amqp._producer_pool = None


def test_runs_after_commit(django_capture_on_commit_callbacks):
    token = uuid.uuid4().hex
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            enqueue_on_commit(ping, token)
            assert cache.get(f"ping:{token}") is None  # not before the commit
    assert len(callbacks) == 1
    assert cache.get(f"ping:{token}") == "seen"


def test_keyword_arguments_reach_the_task(django_capture_on_commit_callbacks):
    token = uuid.uuid4().hex
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(ping, token=token)
    assert cache.get(f"ping:{token}") == "seen"


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    token = uuid.uuid4().hex
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue_on_commit(ping, token)
            raise RuntimeError("the service failed half-way")
    assert callbacks == []
    assert cache.get(f"ping:{token}") is None


def test_a_rolled_back_savepoint_drops_only_its_own_task(django_capture_on_commit_callbacks):
    kept, dropped = uuid.uuid4().hex, uuid.uuid4().hex
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            enqueue_on_commit(ping, kept)
            try:
                with transaction.atomic():
                    enqueue_on_commit(ping, dropped)
                    raise ValueError
            except ValueError:
                pass
    assert cache.get(f"ping:{kept}") == "seen"
    assert cache.get(f"ping:{dropped}") is None


def test_broker_down_is_logged_and_the_caller_carries_on(broker_down, django_capture_on_commit_callbacks, caplog):
    token = uuid.uuid4().hex
    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="sinau.queue"):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                enqueue_on_commit(ping, token)
    elapsed = time.monotonic() - started

    assert cache.get(f"ping:{token}") is None
    [record] = [r for r in caplog.records if r.name == "sinau.queue"]
    assert "lms.ping" in record.getMessage()
    assert token in record.getMessage()
    assert record.exc_info is not None
    assert elapsed < 5, f"enqueueing against a dead broker took {elapsed:.1f} s"


def test_errors_of_the_task_itself_are_not_swallowed(django_capture_on_commit_callbacks):
    with pytest.raises(TypeError), django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(ping, "a", "b", "too many")
