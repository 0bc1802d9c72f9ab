"""Reminder emails of the incubator, run by Celery beat (incubator.tasks; schedule in settings).

Each function can run any number of times a day: what was sent is recorded in `ReminderLog` under
a key (venture, month; or the week), and a key already there is skipped. A message is recorded
right after it is sent, so a crash between the two can at worst repeat that one message (at least
once, never lost).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import roles

from .models import ACTIVE_STAGES, KpiReport, ReminderLog, Venture
from .services import kpi_due_date, month_start

REMIND_DAYS_BEFORE = 3


def _site_url(path: str) -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def _send_once(key: str, *, subject: str, template: str, context: dict, to: list[str]) -> bool:
    if not to or ReminderLog.objects.filter(key=key).exists():
        return False
    body = render_to_string(template, context)
    send_mail(subject, body, None, to)
    ReminderLog.objects.get_or_create(key=key)
    return True


def _ventures_without_report(period: dt.date):
    has_report = KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False, period=period)
    return (
        Venture.objects.filter(stage__in=ACTIVE_STAGES, entry_date__lte=period.replace(day=28))
        .filter(~Exists(has_report))
        .prefetch_related("contacts")
        .order_by("pk")
    )


def remind_due_reports(*, today: dt.date | None = None) -> int:
    """Email the contacts of ventures whose report for last month is due within 3 days and missing."""
    today = today or timezone.localdate()
    period = month_start(month_start(today) - dt.timedelta(days=1))
    due = kpi_due_date(period)
    if not (due - dt.timedelta(days=REMIND_DAYS_BEFORE) <= today <= due):
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for venture in _ventures_without_report(period):
            url = _site_url(reverse("incubator:kpi_report", args=[venture.pk]) + f"?bulan={period:%Y-%m}")
            sent += _send_once(
                f"due:{venture.pk}:{period:%Y-%m}",
                subject=_("Pengingat: laporan bulanan %(name)s") % {"name": venture.name},
                template="incubator/email/report_due.txt",
                context={"venture": venture, "period": period, "due": due, "url": url},
                to=[c.email for c in venture.contacts.all() if c.email and c.is_active],
            )
    return sent


def flag_late_reports(*, today: dt.date | None = None) -> int:
    """Tell the contacts once when last due month's report is late (the dashboard counts them too)."""
    from .selectors import last_due_period

    today = today or timezone.localdate()
    period = last_due_period(today)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for venture in _ventures_without_report(period):
            url = _site_url(reverse("incubator:kpi_report", args=[venture.pk]) + f"?bulan={period:%Y-%m}")
            sent += _send_once(
                f"late:{venture.pk}:{period:%Y-%m}",
                subject=_("Laporan bulanan %(name)s terlambat") % {"name": venture.name},
                template="incubator/email/report_late.txt",
                context={"venture": venture, "period": period, "due": kpi_due_date(period), "url": url},
                to=[c.email for c in venture.contacts.all() if c.email and c.is_active],
            )
    return sent


def weekly_risk_digest(*, today: dt.date | None = None) -> int:
    """Once a week: email officers the ventures at risk (no report for 60 days, overdue milestones)."""
    from .dashboard import RISK_DAYS, at_risk_ventures

    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    ventures = list(at_risk_ventures(Venture.objects.all(), today=today)[:200])
    if not ventures:
        return 0
    officers = get_user_model().objects.filter(groups__name=roles.OFFICER, is_active=True).exclude(email="")
    with translation.override(settings.LANGUAGE_CODE):
        return int(
            _send_once(
                f"risk:{year}-W{week:02d}",
                subject=_("Usaha binaan berisiko minggu ini: %(n)s") % {"n": len(ventures)},
                template="incubator/email/risk_digest.txt",
                context={"ventures": ventures, "days": RISK_DAYS, "url": _site_url(reverse("incubator:dashboard"))},
                to=sorted({o.email for o in officers}),
            )
        )
