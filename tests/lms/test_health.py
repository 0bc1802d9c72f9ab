"""/healthz reports the database, the cache and the broker; 503 as soon as one is down, and never hangs."""

import json
import socket
import threading
import time

import pytest
from django.core.cache import caches

from lms import health

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers (like a firewalled or frozen service)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


TOKEN = "monitor-token-uji"


@pytest.fixture(autouse=True)
def _health_token(settings):
    settings.HEALTHZ_TOKEN = TOKEN


def get_healthz(client):
    """As the monitor with the token: the details of each check."""
    started = time.monotonic()
    response = client.get("/healthz", HTTP_X_HEALTH_TOKEN=TOKEN)
    elapsed = time.monotonic() - started
    return response, json.loads(response.content), elapsed


def use_cache(settings, location):
    """Point the default cache at Redis on `location`; Django's setting_changed hook rebuilds `caches`."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}}
    assert caches["default"].__class__.__name__ == "RedisCache"


def test_all_up_with_the_embedded_defaults(client):
    response, body, _elapsed = get_healthz(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["status"] == "up" for check in body["checks"].values())


def test_cache_down_answers_503(client, settings):
    use_cache(settings, CLOSED_PORT_REDIS)
    response, body, elapsed = get_healthz(client)
    assert response.status_code == 503
    assert body["status"] == "error"
    assert body["checks"]["cache"]["status"] == "down"
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["broker"]["status"] == "up"
    assert elapsed < 3


def test_broker_down_answers_503(client, settings):
    # The Celery app read its broker URL at import time; the check reads the setting at call time.
    settings.CELERY_BROKER_URL = CLOSED_PORT_REDIS
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response, body, elapsed = get_healthz(client)
    assert response.status_code == 503
    assert body["checks"]["broker"]["status"] == "down"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["cache"]["status"] == "up"
    assert elapsed < 3


def test_a_service_that_never_answers_times_out_instead_of_hanging(client, settings, silent_server):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{silent_server}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    use_cache(settings, f"redis://127.0.0.1:{silent_server}/1")
    response, body, elapsed = get_healthz(client)
    assert response.status_code == 503
    assert body["checks"]["broker"]["status"] == "down"
    assert body["checks"]["cache"]["status"] == "down"
    assert body["checks"]["cache"]["error"] == "timeout"
    assert body["checks"]["database"]["status"] == "up"
    assert elapsed < health.CHECK_TIMEOUT + 0.5


def test_only_get(client):
    assert client.post("/healthz").status_code == 405


def test_anyone_sees_the_status_and_only_staff_or_the_monitor_the_details(client, make_user):
    """Issue 9, item 16: the status code is public, which service failed and why is not."""
    from lms import roles

    anonymous = client.get("/healthz")
    assert anonymous.status_code == 200 and json.loads(anonymous.content) == {"status": "ok"}
    wrong = client.get("/healthz", HTTP_X_HEALTH_TOKEN="tebakan")
    assert "checks" not in json.loads(wrong.content)
    client.force_login(make_user(roles.TRAINEE))
    assert "checks" not in json.loads(client.get("/healthz").content)
    client.force_login(make_user(roles.OFFICER))
    assert set(json.loads(client.get("/healthz").content)["checks"]) == {"database", "cache", "broker"}
