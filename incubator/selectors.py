"""Reads of the incubator: venture lists with filters, one venture's page, its people's training.

Each function costs a fixed number of queries whatever the number of ventures or reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from .models import ACTIVE_STAGES, KpiReport, MentoringSession, Milestone, Stage, StageChange, Venture
from .services import kpi_due_date, month_start, stage_moves


def last_due_period(today: dt.date | None = None) -> dt.date:
    """The latest month whose report is already due today (e.g. on 11 March: February)."""
    today = today or timezone.localdate()
    period = month_start(today)
    # Walk back from the current month to the first one whose due date has passed.
    while kpi_due_date(period) >= today:
        period = month_start(period - dt.timedelta(days=1))
    return period


def filtered_ventures(data: dict | None = None):
    """Ventures matching the officer's filters (programme, stage, kind, kecamatan, sector, text)."""
    data = data or {}
    ventures = Venture.objects.select_related("programme")
    if data.get("q"):
        ventures = ventures.filter(Q(name__icontains=data["q"]) | Q(brand__icontains=data["q"]))
    if data.get("programme"):
        ventures = ventures.filter(programme=data["programme"])
    if data.get("stage"):
        ventures = ventures.filter(stage=data["stage"])
    if data.get("kind"):
        ventures = ventures.filter(kind=data["kind"])
    if data.get("kecamatan"):
        ventures = ventures.filter(kecamatan__iexact=data["kecamatan"].strip())
    if data.get("sector"):
        ventures = ventures.filter(sector__icontains=data["sector"].strip())
    return ventures


def venture_rows(ventures, *, today: dt.date | None = None):
    """The list's rows: last report month, overdue milestones, whether this month's report is late."""
    today = today or timezone.localdate()
    last_report = (
        KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False).order_by("-period").values("period")[:1]
    )
    return ventures.annotate(
        last_period=Subquery(last_report),
        overdue_milestones=Count(
            "milestones", filter=Q(milestones__due_date__lt=today, milestones__verified_at__isnull=True), distinct=True
        ),
    ).order_by("name", "pk")


def ventures_of_contact(user):
    return Venture.objects.filter(contacts=user).select_related("programme").order_by("name")


@dataclass
class TrainingRow:
    person: object
    cohort: str
    course: str
    status: str
    quizzes: list = field(default_factory=list)
    certificates: list = field(default_factory=list)


def people_training(venture: Venture) -> list[TrainingRow]:
    """The venture's people's cohorts, completion, quiz results and certificates (read-only)."""
    from certificates.models import Certificate
    from courses.models import Enrollment
    from quizzes.selectors import quiz_results

    people = list(venture.people.all())
    if not people:
        return []
    ids = [p.pk for p in people]
    enrollments = list(
        Enrollment.objects.filter(user_id__in=ids)
        .select_related("user", "cohort", "cohort__course")
        .order_by("user__full_name")
    )
    quizzes = quiz_results(user_ids=ids)
    certificates: dict[tuple[int, int], list] = {}
    for certificate in Certificate.objects.filter(holder_id__in=ids).exclude(status=Certificate.Status.REPLACED):
        certificates.setdefault((certificate.holder_id, certificate.course_id), []).append(certificate)
    rows = []
    for enrollment in enrollments:
        course = enrollment.cohort.course
        rows.append(
            TrainingRow(
                person=enrollment.user,
                cohort=enrollment.cohort.name,
                course=course.title,
                status=enrollment.get_status_display(),
                quizzes=[r for r in quizzes.get(enrollment.user_id, []) if r.course_id == course.pk],
                certificates=certificates.get((enrollment.user_id, course.pk), []),
            )
        )
    enrolled = {e.user_id for e in enrollments}
    rows += [TrainingRow(person=p, cohort="", course="", status="") for p in people if p.pk not in enrolled]
    return rows


@dataclass
class VenturePage:
    venture: Venture
    stage_changes: list
    milestones: list
    sessions: list
    baseline: KpiReport | None
    reports: list
    normal_moves: list
    override_moves: list
    missing_periods: list


def venture_page(venture: Venture, *, today: dt.date | None = None) -> VenturePage:
    today = today or timezone.localdate()
    changes = list(StageChange.objects.filter(venture=venture).select_related("changed_by"))
    milestones = list(Milestone.objects.filter(venture=venture).select_related("verified_by"))
    sessions = list(MentoringSession.objects.filter(venture=venture).prefetch_related(Prefetch("action_items")))
    reports = list(KpiReport.objects.filter(venture=venture).prefetch_related("revisions"))
    baseline = next((r for r in reports if r.is_baseline), None)
    monthly = [r for r in reports if not r.is_baseline]
    normal, override = stage_moves(venture.stage)
    missing = []
    if venture.stage in ACTIVE_STAGES:
        have = {r.period for r in monthly}
        period = month_start(venture.entry_date)
        last = last_due_period(today)
        while period <= last:
            if period not in have:
                missing.append(period)
            period = month_start(period + dt.timedelta(days=32))
    return VenturePage(
        venture=venture,
        stage_changes=changes,
        milestones=milestones,
        sessions=sessions,
        baseline=baseline,
        reports=sorted(monthly, key=lambda r: r.period, reverse=True),
        normal_moves=normal,
        override_moves=override,
        missing_periods=missing,
    )


def stage_counts(ventures) -> dict[str, int]:
    counts = dict(ventures.order_by().values_list("stage").annotate(n=Count("pk")))
    return {str(stage): counts.get(str(stage), 0) for stage in Stage}


def latest_report_periods(venture_ids) -> dict[int, dt.date]:
    return dict(
        KpiReport.objects.filter(venture_id__in=venture_ids, is_baseline=False)
        .values("venture_id")
        .annotate(last=Max("period"))
        .values_list("venture_id", "last")
    )
