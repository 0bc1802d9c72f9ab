"""The officers' incubation dashboard: ventures by stage and kind, late reports, milestones, KPI
trends against the baseline, ventures at risk; all under the same filters as the venture list.

A fixed number of queries whatever the number of ventures or reports (pinned by a test): every
figure is aggregated by the database; charts are server-rendered SVG (no scripts, no internet).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum, Window
from django.utils import timezone

from . import selectors
from .forms import VentureFilterForm
from .models import ACTIVE_STAGES, KpiMonthTotal, KpiReport, Milestone, Stage, VentureKind
from .services import month_start

TREND_MONTHS = 12
RISK_DAYS = 60
RISK_LIST = 20


@dataclass
class Series:
    """One KPI's monthly totals with the baseline total, scaled for an SVG line chart."""

    label: str
    key: str
    values: list  # (period, total or None)
    baseline: Decimal | int | None
    money: bool

    @property
    def last(self):
        known = [v for _p, v in self.values if v is not None]
        return known[-1] if known else None

    @property
    def change_percent(self):
        if self.baseline in (None, 0) or self.last is None:
            return None
        return round((Decimal(self.last) - Decimal(self.baseline)) * 100 / Decimal(self.baseline))

    def svg(self, width=300, height=80, pad=6):
        """Points of the polyline and the baseline's y, in a width × height box."""
        known = [Decimal(v) for _p, v in self.values if v is not None]
        scale = known + ([Decimal(self.baseline)] if self.baseline is not None else [])
        if not scale:
            return {"points": "", "baseline_y": None, "width": width, "height": height}
        low, high = min(scale + [Decimal(0)]), max(scale)
        span = (high - low) or Decimal(1)
        step = (width - 2 * pad) / max(len(self.values) - 1, 1)

        def y(value):
            return round(height - pad - float((Decimal(value) - low) / span) * (height - 2 * pad), 1)

        points = " ".join(
            f"{round(pad + i * step, 1)},{y(v)}" for i, (_p, v) in enumerate(self.values) if v is not None
        )
        return {
            "points": points,
            # Text, not a float: the template would localise a float with a decimal comma (invalid SVG).
            "baseline_y": str(y(self.baseline)) if self.baseline is not None else None,
            "width": width,
            "height": height,
        }


def _months(last: dt.date, count: int) -> list[dt.date]:
    months = [last]
    while len(months) < count:
        months.insert(0, month_start(months[0] - dt.timedelta(days=1)))
    return months


def kpi_trends(report_filter: Q, *, last: dt.date, totals_of=None) -> list[Series]:
    """Totals per month of omzet, members and employees against the baseline totals.

    `totals_of`: a Q on `KpiMonthTotal` (all programmes, or one) when no other filter is set: the
    kept totals are read (one query of at most 13 rows per programme). Otherwise the reports are
    added up under `report_filter` (two queries)."""
    from django.utils.translation import gettext as _

    months = _months(last, TREND_MONTHS)
    sums = {
        "omzet": Sum("omzet"),
        "members": Sum("members"),
        "male": Sum("employees_male"),
        "female": Sum("employees_female"),
    }
    if totals_of is not None:
        by_month, base = {}, {"omzet": None, "members": None, "male": None, "female": None}
        rows = (
            KpiMonthTotal.objects.filter(totals_of)
            .filter(Q(is_baseline=True) | Q(period__gte=months[0], period__lte=months[-1]))
            .values("is_baseline", "period")
            .annotate(**sums)
            .order_by()
        )
        for row in rows:
            if row["is_baseline"]:
                base = row
            else:
                by_month[row["period"]] = row
    else:
        rows = (
            KpiReport.objects.filter(report_filter, is_baseline=False, period__gte=months[0], period__lte=months[-1])
            .values("period")
            .annotate(**sums)
        )
        by_month = {row["period"]: row for row in rows}
        base = KpiReport.objects.filter(report_filter, is_baseline=True).aggregate(**sums)

    def employees(row):
        if row is None or row["male"] is None:
            return None
        return row["male"] + row["female"]

    return [
        Series(_("Omzet"), "omzet", [(m, (by_month.get(m) or {}).get("omzet")) for m in months], base["omzet"], True),
        Series(
            _("Anggota"),
            "members",
            [(m, (by_month.get(m) or {}).get("members")) for m in months],
            base["members"],
            False,
        ),
        Series(_("Pekerja"), "employees", [(m, employees(by_month.get(m))) for m in months], employees(base), False),
    ]


def at_risk_ventures(ventures, *, today: dt.date):
    """Active ventures with no report for RISK_DAYS days (or none since entering that long ago), or
    an overdue milestone; never-reported and longest-silent first.

    The test is two sets each read once (ventures with an overdue milestone; ventures that reported
    in the last RISK_DAYS days, by the submitted_at index), not a subquery per venture; only the
    ventures found get their latest report's time (for the order and the page)."""
    since = timezone.now() - dt.timedelta(days=RISK_DAYS)
    overdue_ids = Milestone.objects.filter(verified_at__isnull=True, due_date__lt=today).values("venture_id")
    recent_ids = KpiReport.objects.filter(is_baseline=False, submitted_at__gte=since).values("venture_id")
    overdue = Milestone.objects.filter(venture=OuterRef("pk"), verified_at__isnull=True, due_date__lt=today)
    last_report = (
        KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False)
        .order_by("-submitted_at")
        .values("submitted_at")[:1]
    )
    return (
        ventures.filter(stage__in=ACTIVE_STAGES)
        .filter(
            Q(pk__in=overdue_ids) | (~Q(pk__in=recent_ids) & Q(entry_date__lt=today - dt.timedelta(days=RISK_DAYS)))
        )
        .annotate(last_submitted=Subquery(last_report), has_overdue=Exists(overdue))
        .order_by(F("last_submitted").asc(nulls_first=True), "name", "pk")
    )


def dashboard_context(request, *, today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    form = VentureFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    ventures = selectors.filtered_ventures(data)
    filtered = bool(data and any(data.values()))
    # Unfiltered (the usual case): every row counts, no "venture IN (all ventures)" to test per row.
    ids = ventures.values("pk")
    in_ventures = Q(venture__in=ids) if filtered else Q()

    # Ventures by stage and kind: one query.
    grid = {
        (row["stage"], row["kind"]): row["n"]
        for row in ventures.order_by().values("stage", "kind").annotate(n=Count("pk"))
    }
    kinds = list(VentureKind.choices)
    stage_rows = [
        {
            "value": value,
            "label": label,
            "cells": [grid.get((value, kind), 0) for kind, _l in kinds],
            "total": sum(grid.get((value, kind), 0) for kind, _l in kinds),
        }
        for value, label in Stage.choices
    ]
    kind_totals = [sum(grid.get((stage, kind), 0) for stage, _l in Stage.choices) for kind, _l in kinds]

    # Milestones: one query.
    milestones = Milestone.objects.filter(in_ventures).aggregate(
        total=Count("pk"),
        verified=Count("pk", filter=Q(verified_at__isnull=False)),
        waiting=Count("pk", filter=Q(verified_at__isnull=True) & ~Q(evidence="")),
        overdue=Count("pk", filter=Q(verified_at__isnull=True, due_date__lt=today)),
        due_soon=Count(
            "pk", filter=Q(verified_at__isnull=True, due_date__gte=today, due_date__lte=today + dt.timedelta(days=30))
        ),
    )
    milestones["percent"] = round(milestones["verified"] * 100 / milestones["total"]) if milestones["total"] else 0

    # Late monthly reports: active ventures without a report for the last month already due.
    last_due = selectors.last_due_period(today)
    has_report = KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False, period=last_due)
    active = ventures.filter(stage__in=ACTIVE_STAGES, entry_date__lt=selectors.kpi_due_date(last_due))
    late_count = active.filter(~Exists(has_report)).count()

    # At risk: no report for RISK_DAYS days, or an overdue milestone: the first rows and, on each
    # row, the count of them all (a window over the whole result): one query.
    risky = at_risk_ventures(ventures, today=today).annotate(risk_total=Window(Count("pk")))
    risk_rows = list(risky[:RISK_LIST])
    risk_count = risk_rows[0].risk_total if risk_rows else 0

    # Trends from the kept monthly totals unless a filter other than the programme is set.
    by_programme_only = not any(value for name, value in data.items() if name != "programme")
    totals_of = (Q(programme=data["programme"]) if data.get("programme") else Q()) if by_programme_only else None
    trends = kpi_trends(in_ventures, last=last_due, totals_of=totals_of)
    return {
        "form": form,
        "filtered": filtered,
        "query": request.GET.urlencode(),
        "today": today,
        "kinds": kinds,
        "stage_rows": stage_rows,
        "kind_totals": kind_totals,
        "total": sum(kind_totals),
        "milestones": milestones,
        "last_due": last_due,
        "late_count": late_count,
        "risk_rows": risk_rows,
        "risk_count": risk_count,
        "risk_days": RISK_DAYS,
        "trends": trends,
    }


def venture_trends(page) -> list[Series]:
    """One venture's last 12 reported months against its baseline (from the rows already loaded)."""
    from django.utils.translation import gettext as _

    reports = sorted(page.reports, key=lambda r: r.period)[-TREND_MONTHS:]
    if not reports:
        return []
    base = page.baseline
    return [
        Series(_("Omzet"), "omzet", [(r.period, r.omzet) for r in reports], base.omzet if base else None, True),
        Series(
            _("Anggota"), "members", [(r.period, r.members) for r in reports], base.members if base else None, False
        ),
        Series(
            _("Pekerja"),
            "employees",
            [(r.period, r.employees) for r in reports],
            base.employees if base else None,
            False,
        ),
    ]
