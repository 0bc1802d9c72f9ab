"""Beat tasks of the incubator: reminders before the due date, late notices, the weekly risk digest.
Idempotent (a rerun sends nothing twice), retried on failure, registered in the beat schedule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail

from incubator import reminders, services, tasks
from incubator.models import ReminderLog, Stage
from lms.celery import app

pytestmark = pytest.mark.django_db


def kpi():
    return {
        "omzet": Decimal("1"),
        "members": 1,
        "employees_male": 0,
        "employees_female": 0,
        "assets": Decimal("1"),
        "shu": Decimal("0"),
        "financing": Decimal("0"),
    }


def test_beat_entries_are_registered_tasks():
    entries = settings.INCUBATOR_BEAT_SCHEDULE
    assert set(entries) <= set(settings.CELERY_BEAT_SCHEDULE)
    for entry in entries.values():
        assert entry["task"] in app.tasks, entry["task"]
    assert tasks.remind_due_reports.max_retries == 5 and tasks.remind_due_reports.autoretry_for == (Exception,)


def test_reminder_window_and_once_per_month(venture, other_venture, contact, other_contact, officer, today):
    period = dt.date(2026, 10, 1)  # reported month; due 10 November
    venture.entry_date = other_venture.entry_date = dt.date(2026, 5, 1)
    venture.save(), other_venture.save()
    services.submit_kpi_report(venture=other_venture, period=period, figures=kpi(), by=officer)
    assert reminders.remind_due_reports(today=dt.date(2026, 11, 6)) == 0  # 4 days before: not yet
    assert reminders.remind_due_reports(today=dt.date(2026, 11, 7)) == 1
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert (
        "Oktober 2026" in mail.outbox[0].body
        and f"/inkubasi/usaha/{venture.pk}/laporan/?bulan=2026-10" in mail.outbox[0].body
    )
    assert reminders.remind_due_reports(today=dt.date(2026, 11, 8)) == 0  # already reminded
    assert reminders.remind_due_reports(today=dt.date(2026, 11, 11)) == 0  # past due: the late notice's job
    assert len(mail.outbox) == 1


def test_late_notice_once_and_not_for_finished_ventures(venture, other_venture, contact, other_contact, officer):
    venture.entry_date = other_venture.entry_date = dt.date(2026, 5, 1)
    venture.save(), other_venture.save()
    services.change_stage(
        venture=other_venture, to_stage=Stage.KELUAR, date=other_venture.stage_since, reason="tutup", by=officer
    )
    assert reminders.flag_late_reports(today=dt.date(2026, 11, 11)) == 1
    assert mail.outbox[0].to == [contact.email] and "terlambat" in mail.outbox[0].subject
    assert reminders.flag_late_reports(today=dt.date(2026, 11, 12)) == 0
    assert ReminderLog.objects.filter(key=f"late:{venture.pk}:2026-10").exists()


def test_weekly_digest_to_officers_once_a_week(venture, other_venture, officer, today):
    assert reminders.weekly_risk_digest(today=today) == 1
    message = mail.outbox[0]
    assert message.to == [officer.email]
    assert "Koperasi Batik Sekar" in message.body and "Koperasi Tempe Maju" in message.body
    assert reminders.weekly_risk_digest(today=today) == 0
    assert len(mail.outbox) == 1


def test_task_retries_when_mail_fails(venture, contact, monkeypatch, settings):
    venture.entry_date = dt.date(2026, 5, 1)
    venture.save()
    settings.EMAIL_BACKEND = "tests.incubator.test_tasks.BrokenBackend"
    with pytest.raises(Exception):
        reminders.flag_late_reports(today=dt.date(2026, 11, 11))
    assert not ReminderLog.objects.exists()  # nothing recorded: the retry sends it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders.flag_late_reports(today=dt.date(2026, 11, 11)) == 1


def test_tasks_run_through_celery(venture, contact):
    venture.entry_date = dt.date(2026, 5, 1)
    venture.save()
    result = tasks.weekly_risk_digest.apply()
    assert result.successful()


from django.core.mail.backends.base import BaseEmailBackend  # noqa: E402


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionError("SMTP down")
