"""The background-task schedule lives in the database: settings seed it, beat keeps what officers
changed, and officers and the admin see and change it in the Wagtail admin (others may not)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from lms import roles
from lms.beat import Scheduler
from lms.celery import app

# Beat's scheduler calls close_old_connections() before reading the schedule (as a long-running
# process should); inside a test's wrapping transaction that closes PostgreSQL's connection, so these
# tests run in autocommit like beat itself.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def seed():
    scheduler = Scheduler(app=app, lazy=True)
    scheduler.update_from_dict(settings.CELERY_BEAT_SCHEDULE)
    return scheduler


def test_beat_seeds_the_schedule_from_settings():
    seed()
    publish = PeriodicTask.objects.get(name="publish-scheduled-pages")
    assert publish.task == "lms.publish_scheduled_pages"
    assert (publish.interval.every, publish.interval.period) == (300, IntervalSchedule.SECONDS)
    assert set(settings.CELERY_BEAT_SCHEDULE) <= set(PeriodicTask.objects.values_list("name", flat=True))


def test_beat_keeps_what_officers_changed_and_restores_nothing_over_it():
    seed()
    every_hour, _ = IntervalSchedule.objects.get_or_create(every=60, period=IntervalSchedule.MINUTES)
    PeriodicTask.objects.filter(name="publish-scheduled-pages").update(interval=every_hour, enabled=False)
    PeriodicTask.objects.filter(name="sweep-background-jobs").delete()
    seed()  # beat restarts (a deploy)
    publish = PeriodicTask.objects.get(name="publish-scheduled-pages")
    assert (publish.interval_id, publish.enabled) == (every_hour.pk, False)
    assert PeriodicTask.objects.filter(name="sweep-background-jobs").exists()  # a missing one comes back


def test_officer_sees_the_schedule_and_changes_how_often_an_entry_runs(officer, client_for):
    seed()
    client = client_for(officer)
    page = client.get(reverse("lms_periodic_tasks:index"))
    assert page.status_code == 200
    assert "Menayangkan dan menurunkan halaman yang dijadwalkan." in page.content.decode()
    assert "setiap 5 menit" in page.content.decode()
    task = PeriodicTask.objects.get(name="publish-scheduled-pages")
    edit_url = reverse("lms_periodic_tasks:edit", args=[task.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    response = client.post(edit_url, {"enabled": "on", "every_minutes": "15", "description": ""})
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.interval.every, task.interval.period, task.enabled) == (15, IntervalSchedule.MINUTES, True)
    client.post(edit_url, {"every_minutes": "15", "description": ""})  # unticked: paused
    task.refresh_from_db()
    assert task.enabled is False


def test_a_bad_interval_is_refused_and_nothing_changes(officer, client_for):
    seed()
    task = PeriodicTask.objects.get(name="publish-scheduled-pages")
    before = task.interval_id
    response = client_for(officer).post(
        reverse("lms_periodic_tasks:edit", args=[task.pk]), {"enabled": "on", "every_minutes": "0"}
    )
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.interval_id == before


def test_nobody_adds_or_deletes_entries_here(admin_user, client_for):
    seed()
    task = PeriodicTask.objects.first()
    client = client_for(admin_user)
    assert client.get(reverse("lms_periodic_tasks:index")).status_code == 200
    assert client.get(reverse("lms_periodic_tasks:add")).status_code in {302, 403}
    assert client.post(reverse("lms_periodic_tasks:delete", args=[task.pk])).status_code in {302, 403}
    assert PeriodicTask.objects.filter(pk=task.pk).exists()


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.INSTRUCTOR, roles.VENTURE_CONTACT, None])
def test_other_roles_may_not_see_the_schedule(role, make_user, client_for):
    seed()
    task = PeriodicTask.objects.first()
    client = client_for(make_user(role) if role else None)
    for url in (reverse("lms_periodic_tasks:index"), reverse("lms_periodic_tasks:edit", args=[task.pk])):
        response = client.get(url)
        assert response.status_code in {302, 403}
        assert "Menayangkan" not in response.content.decode()
    client.post(reverse("lms_periodic_tasks:edit", args=[task.pk]), {"enabled": "", "every_minutes": "1"})
    assert PeriodicTask.objects.get(pk=task.pk).enabled is True
