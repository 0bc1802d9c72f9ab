"""Periodic tasks of the glue: Wagtail's scheduled publishing runs from Celery beat."""

import datetime as dt
import time

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from lms.models import HomePage
from lms.tasks import publish_scheduled_pages


def test_beat_runs_scheduled_publishing_every_five_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == publish_scheduled_pages.name
    assert entry["schedule"] <= 300


@pytest.mark.django_db
def test_publish_scheduled_pages_publishes_once_and_is_idempotent():
    home = HomePage.objects.get(depth=2)
    page = home.add_child(instance=Page(title="Pengumuman terjadwal", slug="pengumuman", live=False))
    page.go_live_at = timezone.now() + dt.timedelta(seconds=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    time.sleep(1.2)
    publish_scheduled_pages.delay()  # eager in tests: runs now
    page.refresh_from_db()
    assert page.live
    revision = page.live_revision_id
    publish_scheduled_pages.delay()
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision
