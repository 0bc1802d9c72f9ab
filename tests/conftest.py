"""Shared fixtures: users in each role, logged-in clients, SMS outbox, Celery modes."""

import os

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from lms import roles, sms

PASSWORD = "kata-sandi-uji-2026"


@pytest.fixture(autouse=True)
def _clean_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached values must not leak between tests (Redis in CI)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """A request in English activates English for the thread; the next test starts in Indonesian."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_user(db):
    """make_user(role=None, email=..., **fields) → a verified user in that role."""
    counter = {"n": 0}

    def factory(role=None, *, email=None, password=PASSWORD, **fields):
        counter["n"] += 1
        email = email or f"user{counter['n']}-{(role or 'none').replace(' ', '').lower()}@example.test"
        fields.setdefault("full_name", f"Pengguna Uji {counter['n']}")
        if role in (roles.INSTRUCTOR, roles.OFFICER, roles.ADMIN):
            fields.setdefault("is_staff", True)
        if role == roles.ADMIN:
            fields.setdefault("is_superuser", True)
        user = get_user_model().objects.create_user(email=email, password=password, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if role:
            roles.assign_role(user, role)
        return user

    return factory


@pytest.fixture
def trainee(make_user):
    return make_user(roles.TRAINEE, email="peserta@example.test")


@pytest.fixture
def instructor(make_user):
    return make_user(roles.INSTRUCTOR, email="narasumber@example.test")


@pytest.fixture
def officer(make_user):
    return make_user(roles.OFFICER, email="petugas@example.test")


@pytest.fixture
def venture_contact(make_user):
    return make_user(roles.VENTURE_CONTACT, email="kontak@example.test")


@pytest.fixture
def admin_user(make_user):
    return make_user(roles.ADMIN, email="admin@example.test")


@pytest.fixture
def client_for(client):
    """client_for(user) → the test client logged in as that user (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def clock_at(monkeypatch):
    """clock_at(aware datetime): django.utils.timezone.now() (and so localdate/localtime) returns
    that moment for the rest of the test, so a test can stand at a WIB date boundary at any hour
    the suite runs. The database's own clock (PostgreSQL now()) is not moved."""
    from django.utils import timezone

    def freeze(moment):
        assert timezone.is_aware(moment)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def real_worker():
    """Send tasks to the real broker (the worker .ci/run started) instead of running them eagerly."""
    if not os.environ.get("CELERY_BROKER_URL", "").startswith(("redis://", "amqp://")):
        pytest.fail("worker tests need CELERY_BROKER_URL pointing at a real broker (run them through .ci/run)")
    from celery.result import allow_join_result

    from lms.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    # Eager tasks run in several threads (concurrency tests) can leave Celery's process-global
    # "inside a task" flag set (denied_join_result is not thread-safe); this test is not in a task.
    with allow_join_result():
        yield app
    app.conf.task_always_eager = previous


def pytest_collection_modifyitems(config, items):
    """Deselect what this run cannot do: outside CI, tests that need Chromium or a real worker
    (CI=true runs them all); tests of PostgreSQL row locking when the database is not PostgreSQL."""
    from django.conf import settings

    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    everything = os.environ.get("CI") == "true" or os.environ.get("SINAU_ALL_TESTS") == "1"

    def cannot_run(item):
        if item.get_closest_marker("postgresql") and not on_postgres:
            return True
        return not everything and (item.get_closest_marker("browser") or item.get_closest_marker("worker"))

    keep, drop = [], []
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            # A transactional test without it flushes with post_migrate, which recreates rows
            # (content types, groups) that the next serialized-rollback test inserts again.
            raise pytest.UsageError(f"{item.nodeid}: use django_db(transaction=True, serialized_rollback=True)")
        (drop if cannot_run(item) else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
