"""A task round-trips through the real Redis broker and a real worker (run by .ci/run)."""

import uuid

import pytest
from django.core.cache import cache

from lms.tasks import ping


@pytest.mark.worker
def test_ping_round_trips_through_redis_and_the_worker(real_worker, settings):
    assert real_worker.conf.broker_url.startswith("redis://")
    token = uuid.uuid4().hex
    result = ping.delay(token)
    assert result.get(timeout=30) == f"pong:{token}"
    # The worker wrote to the same Redis cache the site uses.
    assert cache.get(f"ping:{token}") == "seen"
