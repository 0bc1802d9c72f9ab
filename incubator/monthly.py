"""The monthly report for the head of office: figures of one month per programme, as a stored PDF.

`report_data(month)` reads the month from the database (a fixed number of aggregated queries,
whatever the number of ventures): per programme the ventures by stage (as it stood at the month's
end, from the stage history) and kind, the stage changes of the month, milestones reached and
overdue, KPI totals of the month against the previous month and the baseline, the reports of the
last month already due (late, still missing), the ventures at risk at the month's end.

`render_pdf(data)` lays it out with xhtml2pdf (A4, Helvetica, no resource from outside: the same
closed policy as the certificates). `store_report` keeps the PDF as a `MonthlyReport` (a new
version each time; the file is never overwritten). Celery beat runs `run_scheduled` (task
`incubator.monthly_report`): once per month it stores the report of the month just ended and
emails the officers a link; officers make one on demand from the dashboard (background job
`incubator.monthly_report`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import jobs, roles
from lms.formatting import format_rupiah, format_tanggal, group_thousands

from .models import (
    ACTIVE_STAGES,
    KpiReport,
    Milestone,
    MonthlyReport,
    Programme,
    Stage,
    StageChange,
    Venture,
    VentureKind,
)
from .services import kpi_due_date, month_start, next_month

JOB_KIND = "incubator.monthly_report"
RISK_DAYS = 60
# Names listed per programme and list (late, missing, at risk, stage changes); the rest is counted.
LIST_LIMIT = 40

KPI_ROWS = (
    ("omzet", gettext_lazy("Omzet"), True),
    ("members", gettext_lazy("Anggota"), False),
    ("employees_male", gettext_lazy("Pekerja laki-laki"), False),
    ("employees_female", gettext_lazy("Pekerja perempuan"), False),
    ("assets", gettext_lazy("Aset"), True),
    ("shu", gettext_lazy("Laba / SHU"), True),
    ("financing", gettext_lazy("Pembiayaan diperoleh"), True),
)


# --- The month ----------------------------------------------------------------------------------


def parse_month(text, *, today: dt.date | None = None) -> dt.date:
    """'2026-11' → 1 November 2026; ValidationError (Indonesian) for a malformed month, a month
    that has not begun, or one before any programme started."""
    import re

    today = today or timezone.localdate()
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(text or ""))
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError(_("Tulis bulan sebagai TTTT-BB, mis. 2026-01."), code="invalid")
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    if month > month_start(today):
        raise ValidationError(_("Bulan %(month)s belum tiba.") % {"month": month_label(month)}, code="future")
    first = Programme.objects.order_by("start_date").values_list("start_date", flat=True).first()
    if first is None or next_month(month) <= first:
        raise ValidationError(
            _("Belum ada program inkubasi pada %(month)s.") % {"month": month_label(month)}, code="empty"
        )
    return month


def month_label(month: dt.date) -> str:
    from django.utils.dateformat import format as date_format

    return date_format(month, "F Y")


def month_end(month: dt.date) -> dt.date:
    return next_month(month) - dt.timedelta(days=1)


def _end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min)) - dt.timedelta(
        microseconds=1
    )


# --- Figures ------------------------------------------------------------------------------------


def _count(n) -> str:
    return group_thousands(str(int(n or 0)))


def _amount(value, money: bool) -> str:
    if value is None:
        return "–"
    return format_rupiah(value, cents=False) if money else _count(value)


def _percent(new, old) -> str:
    """'+12,5 %' (Indonesian decimal comma); '–' when there is nothing to compare with."""
    if new is None or old in (None, 0):
        return "–"
    change = (Decimal(new) - Decimal(old)) * 100 / abs(Decimal(old))
    text = f"{change:+.1f}".replace(".", ",")
    return f"{text} %"


@dataclass
class KpiLine:
    label: str
    this: str
    previous: str
    baseline: str
    vs_previous: str
    vs_baseline: str


@dataclass
class NameRow:
    name: str
    detail: str = ""


@dataclass
class ProgrammeSection:
    name: str
    period_text: str
    ventures: int = 0
    stage_rows: list = field(default_factory=list)  # [(label, [n per kind], total)]
    kind_totals: list = field(default_factory=list)
    stage_changes: list = field(default_factory=list)  # [NameRow]
    stage_change_count: int = 0
    milestones_done: int = 0
    milestones_overdue: int = 0
    milestones_total: int = 0
    reports_this: int = 0
    reports_previous: int = 0
    kpi: list = field(default_factory=list)  # [KpiLine]
    late: list = field(default_factory=list)
    late_count: int = 0
    missing: list = field(default_factory=list)
    missing_count: int = 0
    risk: list = field(default_factory=list)
    risk_count: int = 0


@dataclass
class MonthlyData:
    month: dt.date
    month_text: str
    previous_text: str
    due_month_text: str
    due_date_text: str
    kinds: list
    programmes: list
    summary: ProgrammeSection | None
    made_at_text: str


def _stage_at(end: dt.date):
    """A venture's stage at the end of `end` (its last stage change on or before it)."""
    last = StageChange.objects.filter(venture=OuterRef("pk"), date__lte=end).order_by("-date", "-pk")
    return Coalesce(Subquery(last.values("to_stage")[:1]), F("stage"))


def _limited(rows: list, limit: int = LIST_LIMIT) -> list:
    return rows[:limit]


def report_data(month: dt.date, *, now: dt.datetime | None = None) -> MonthlyData:
    """Everything the PDF prints for `month` (first day), in about ten queries whatever the size."""
    now = now or timezone.now()
    end = month_end(month)
    end_at = _end_of_day(end)
    previous = month_start(month - dt.timedelta(days=1))
    # The last month whose report was due by the end of this month (e.g. for November: October,
    # due on 10 November); this month's own reports are not due yet when the report is made.
    due_month = previous if kpi_due_date(previous) <= end else month_start(previous - dt.timedelta(days=1))
    due_date = kpi_due_date(due_month)

    in_scope = Venture.objects.filter(entry_date__lte=end)
    staged = in_scope.annotate(stage_at=_stage_at(end))
    kinds = list(VentureKind.choices)
    stages = list(Stage.choices)
    active = [str(s) for s in ACTIVE_STAGES]

    programmes = {
        p.pk: p for p in Programme.objects.filter(pk__in=in_scope.values("programme_id")).order_by("start_date", "name")
    }
    sections: dict[int, ProgrammeSection] = {
        pk: ProgrammeSection(name=p.name, period_text=f"{format_tanggal(p.start_date)} – {format_tanggal(p.end_date)}")
        for pk, p in programmes.items()
    }

    # 1. Ventures by stage (at the month's end) and kind: one query.
    grid: dict[int, dict] = {}
    for row in staged.order_by().values("programme_id", "stage_at", "kind").annotate(n=Count("pk")):
        grid.setdefault(row["programme_id"], {})[(row["stage_at"], row["kind"])] = row["n"]
    for pk, section in sections.items():
        cells = grid.get(pk, {})
        section.stage_rows = [
            (
                label,
                [cells.get((value, kind), 0) for kind, _l in kinds],
                sum(cells.get((value, k), 0) for k, _l in kinds),
            )
            for value, label in stages
        ]
        section.kind_totals = [sum(cells.get((s, kind), 0) for s, _l in stages) for kind, _l in kinds]
        section.ventures = sum(section.kind_totals)

    # 2. Stage changes of the month: the rows (limited per programme) and the counts, two queries.
    changes = StageChange.objects.filter(date__gte=month, date__lte=end, venture__entry_date__lte=end).exclude(
        from_stage=""
    )
    for row in changes.values("venture__programme_id").annotate(n=Count("pk")):
        sections[row["venture__programme_id"]].stage_change_count = row["n"]
    stage_names = dict(stages)
    per_programme_rows: dict[int, int] = {}
    for change in changes.select_related("venture").order_by("venture__programme_id", "date", "pk")[:2000]:
        pk = change.venture.programme_id
        if per_programme_rows.get(pk, 0) >= LIST_LIMIT:
            continue
        per_programme_rows[pk] = per_programme_rows.get(pk, 0) + 1
        detail = f"{format_tanggal(change.date)}: {stage_names.get(change.from_stage, change.from_stage)} → "
        detail += str(stage_names.get(change.to_stage, change.to_stage))
        if change.override:
            detail += " (" + _("pengecualian") + ")"
        sections[pk].stage_changes.append(NameRow(change.venture.name, detail))

    # 3. Milestones reached in the month and overdue at its end: one query. A verified milestone
    # counts as reached on its done date (the officer confirms it later), so a report made after
    # the verification does not call it overdue for the months before.
    reached = Q(verified_at__isnull=False, done_date__isnull=False, done_date__lte=end)
    milestone_rows = (
        Milestone.objects.filter(venture__entry_date__lte=end)
        .values("venture__programme_id")
        .annotate(
            total=Count("pk", filter=Q(due_date__lte=end)),
            done=Count("pk", filter=Q(verified_at__isnull=False, done_date__gte=month, done_date__lte=end)),
            overdue=Count("pk", filter=Q(due_date__lt=end) & ~reached),
        )
    )
    for row in milestone_rows:
        section = sections[row["venture__programme_id"]]
        section.milestones_total, section.milestones_done = row["total"], row["done"]
        section.milestones_overdue = row["overdue"]

    # 4. KPI totals: this month and the previous one (one query), the baselines (one query).
    sums = {name: Sum(name) for name, _l, _m in KPI_ROWS}
    totals: dict[tuple[int, object], dict] = {}
    monthly = KpiReport.objects.filter(is_baseline=False, period__in=[month, previous], venture__entry_date__lte=end)
    for row in monthly.values("venture__programme_id", "period").annotate(n=Count("pk"), **sums):
        totals[(row["venture__programme_id"], row["period"])] = row
    baseline = KpiReport.objects.filter(is_baseline=True, venture__entry_date__lte=end)
    for row in baseline.values("venture__programme_id").annotate(n=Count("pk"), **sums):
        totals[(row["venture__programme_id"], "baseline")] = row

    # 5. Reports of the due month: late ones (one query) and those still missing at the month's end (one query).
    due_reports = KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False, period=due_month)
    expected = staged.filter(stage_at__in=active, entry_date__lt=due_date)
    late_rows = (
        KpiReport.objects.filter(is_baseline=False, period=due_month, late=True, venture__entry_date__lt=due_date)
        .order_by("venture__programme_id", "venture__name", "venture_id")
        .values_list("venture__programme_id", "venture__name", "submitted_at")
    )
    for pk, name, submitted in late_rows:
        section = sections[pk]
        section.late_count += 1
        if len(section.late) < LIST_LIMIT:
            section.late.append(NameRow(name, _("masuk %(date)s") % {"date": format_tanggal(submitted)}))
    missing_rows = (
        expected.filter(~Exists(due_reports.filter(submitted_at__lte=end_at)))
        .order_by("programme_id", "name", "pk")
        .values_list("programme_id", "name")
    )
    for pk, name in missing_rows:
        section = sections[pk]
        section.missing_count += 1
        if len(section.missing) < LIST_LIMIT:
            section.missing.append(NameRow(name))

    # 6. At risk at the month's end: active, and no report for RISK_DAYS days or an overdue milestone (one query).
    since = end_at - dt.timedelta(days=RISK_DAYS)
    overdue = Milestone.objects.filter(venture=OuterRef("pk"), due_date__lt=end).exclude(reached)
    last_report = (
        KpiReport.objects.filter(venture=OuterRef("pk"), is_baseline=False, submitted_at__lte=end_at)
        .order_by("-submitted_at")
        .values("submitted_at")[:1]
    )
    risky = (
        staged.filter(stage_at__in=active)
        .annotate(last_submitted=Subquery(last_report), has_overdue=Exists(overdue))
        .filter(
            Q(has_overdue=True)
            | Q(last_submitted__lt=since)
            | Q(last_submitted__isnull=True, entry_date__lt=end - dt.timedelta(days=RISK_DAYS))
        )
        .order_by("programme_id", F("last_submitted").asc(nulls_first=True), "name", "pk")
        .values_list("programme_id", "name", "last_submitted", "has_overdue")
    )
    for pk, name, last_submitted, has_overdue in risky:
        section = sections[pk]
        section.risk_count += 1
        if len(section.risk) < LIST_LIMIT:
            reasons = []
            if last_submitted is None:
                reasons.append(_("belum pernah melapor"))
            elif last_submitted < since:
                reasons.append(_("laporan terakhir %(date)s") % {"date": format_tanggal(last_submitted)})
            if has_overdue:
                reasons.append(_("tonggak lewat jatuh tempo"))
            section.risk.append(NameRow(name, "; ".join(reasons)))

    for pk, section in sections.items():
        this, prev, base = (totals.get((pk, key)) or {} for key in (month, previous, "baseline"))
        section.reports_this, section.reports_previous = this.get("n", 0), prev.get("n", 0)
        section.kpi = _kpi_lines(this, prev, base)

    summary = _summary(list(sections.values()), totals, month, previous) if len(sections) > 1 else None
    return MonthlyData(
        month=month,
        month_text=month_label(month),
        previous_text=month_label(previous),
        due_month_text=month_label(due_month),
        due_date_text=format_tanggal(due_date),
        kinds=[label for _v, label in kinds],
        programmes=list(sections.values()),
        summary=summary,
        made_at_text=format_tanggal(now, with_time=True),
    )


def _kpi_lines(this: dict, prev: dict, base: dict) -> list[KpiLine]:
    lines = []
    for name, label, money in KPI_ROWS:
        value, before, at_entry = this.get(name), prev.get(name), base.get(name)
        lines.append(
            KpiLine(
                label=str(label),
                this=_amount(value, money),
                previous=_amount(before, money),
                baseline=_amount(at_entry, money),
                vs_previous=_percent(value, before),
                vs_baseline=_percent(value, at_entry),
            )
        )
    return lines


def _summary(sections: list[ProgrammeSection], totals: dict, month, previous) -> ProgrammeSection:
    """All programmes together (when there is more than one)."""
    summary = ProgrammeSection(name=_("Semua program"), period_text="")
    summary.ventures = sum(s.ventures for s in sections)
    summary.kind_totals = [sum(col) for col in zip(*(s.kind_totals for s in sections), strict=True)]
    summary.stage_rows = [
        (
            rows[0][0],
            [sum(col) for col in zip(*(r[1] for r in rows), strict=True)],
            sum(r[2] for r in rows),
        )
        for rows in zip(*(s.stage_rows for s in sections), strict=True)
    ]
    for name in (
        "stage_change_count",
        "milestones_done",
        "milestones_overdue",
        "milestones_total",
        "reports_this",
        "reports_previous",
        "late_count",
        "missing_count",
        "risk_count",
    ):
        setattr(summary, name, sum(getattr(s, name) for s in sections))

    def added(key):
        out: dict = {}
        for (_pk, k), row in totals.items():
            if k == key:
                for name, _l, _m in KPI_ROWS:
                    if row.get(name) is not None:
                        out[name] = out.get(name, 0) + row[name]
        return out

    summary.kpi = _kpi_lines(added(month), added(previous), added("baseline"))
    return summary


# --- PDF ----------------------------------------------------------------------------------------


def render_pdf(data: MonthlyData) -> bytes:
    from xhtml2pdf import pisa
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    html = render_to_string(
        "incubator/pdf/monthly_report.html", {"data": data, "office": getattr(settings, "SINAU_OFFICE_NAME", "")}
    )
    out = io.BytesIO()
    policy = ResourceAccessPolicy.server(base_dir=None, allow_remote=False)  # nothing from outside
    result = pisa.CreatePDF(html, dest=out, encoding="utf-8", resource_policy=policy)
    if result.err:
        raise RuntimeError(f"xhtml2pdf failed with {result.err} error(s)")
    return out.getvalue()


def build_pdf(month: dt.date) -> bytes:
    return render_pdf(report_data(month))


# --- Storing ------------------------------------------------------------------------------------


def _file_name(month: dt.date, version: int) -> str:
    return f"laporan-inkubasi-{month:%Y-%m}-v{version}.pdf"


def store_report(
    *, month: dt.date, pdf: bytes, source: str, by=None, job_id: str | None = None
) -> tuple[MonthlyReport, bool]:
    """Keep `pdf` as a new version of the month's report. The scheduled report is kept once per
    month (a second one, from a retry or a second beat, returns the first: created False); a job's
    report once per job (a retried job does not add a version). Files are never overwritten."""
    scheduled = source == MonthlyReport.Source.SCHEDULED
    for _attempt in range(3):
        existing = MonthlyReport.objects.filter(month=month, source=source) if scheduled else None
        if job_id:
            existing = MonthlyReport.objects.filter(job_id=job_id)
        if existing is not None and (found := existing.first()) is not None:
            return found, False
        version = (MonthlyReport.objects.filter(month=month).aggregate(v=Max("version"))["v"] or 0) + 1
        report = MonthlyReport(
            month=month,
            version=version,
            source=source,
            created_by=by,
            job_id=job_id,
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
            filename=_file_name(month, version),
        )
        # An unguessable stored name (the file is served only through the checked view).
        report.file.save(f"{month:%Y-%m}-v{version}-{secrets.token_hex(12)}.pdf", ContentFile(pdf), save=False)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            report.file.delete(save=False)  # another run stored it (or took the version) first
            continue
        return report, True
    raise RuntimeError("could not store the monthly report (version taken three times)")


def read_stored(report: MonthlyReport) -> bytes:
    """The stored file, checked against the SHA-256 taken when it was stored (never silently changed)."""
    with report.file.open("rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != report.sha256:
        raise ValidationError(_("Berkas laporan ini berubah sejak disimpan; hubungi admin."), code="tampered")
    return content


def recipients() -> list[str]:
    """INCUBATOR_MONTHLY_REPORT_EMAILS when set (e.g. the head of office), else the officers."""
    configured = [e.strip() for e in getattr(settings, "INCUBATOR_MONTHLY_REPORT_EMAILS", []) if e.strip()]
    if configured:
        return sorted(set(configured))
    officers = get_user_model().objects.filter(groups__name=roles.OFFICER, is_active=True).exclude(email="")
    return sorted(set(officers.values_list("email", flat=True)))


def run_scheduled(*, today: dt.date | None = None) -> int:
    """Beat: store the report of the month just ended (once) and email its link (once). Returns 1
    when it stored a report, 0 when there was nothing to do. Safe to run any number of times; a
    failure in between (mail server down) leaves the stored report and the next run sends the mail."""
    from .reminders import _send_once, _site_url

    today = today or timezone.localdate()
    month = month_start(month_start(today) - dt.timedelta(days=1))
    if not Venture.objects.filter(entry_date__lte=month_end(month)).exists():
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        report = MonthlyReport.objects.filter(month=month, source=MonthlyReport.Source.SCHEDULED).first()
        created = False
        if report is None:
            report, created = store_report(month=month, pdf=build_pdf(month), source=MonthlyReport.Source.SCHEDULED)
        _send_once(
            f"monthly-report:{month:%Y-%m}",
            subject=_("Laporan bulanan inkubasi %(month)s") % {"month": month_label(month)},
            template="incubator/email/monthly_report.txt",
            context={
                "month": month_label(month),
                "url": _site_url(reverse("incubator:monthly_report_download", args=[report.pk])),
                "list_url": _site_url(reverse("incubator:monthly_reports")),
            },
            to=recipients(),
        )
    return int(created)


# --- On demand (lms.jobs) -----------------------------------------------------------------------


def run_job(ctx: jobs.JobContext) -> jobs.JobResult:
    """params: month ("2026-11"). A new version of that month's report, kept and handed back."""
    from lms.permissions import can

    if not can(ctx.owner, "incubator.manage"):
        raise jobs.JobError(_("Anda tidak lagi berhak membuat laporan inkubasi."))
    try:
        month = parse_month(ctx.params.get("month"))
    except ValidationError as error:
        raise jobs.JobError(" ".join(error.messages)) from None
    ctx.progress(0, 3, _("Menghitung angka %(month)s…") % {"month": month_label(month)})
    data = report_data(month)
    ctx.progress(1, 3, _("Menyusun PDF…"))
    pdf = render_pdf(data)
    ctx.progress(2, 3, _("Menyimpan…"))
    report, _created = store_report(
        month=month, pdf=pdf, source=MonthlyReport.Source.ON_DEMAND, by=ctx.owner, job_id=str(ctx.job.pk)
    )
    return jobs.JobResult(
        content=read_stored(report),
        filename=report.filename,
        content_type="application/pdf",
        message=_("Laporan %(month)s versi %(version)s tersimpan.")
        % {"month": month_label(month), "version": report.version},
    )


def register() -> None:
    jobs.register(JOB_KIND, run=run_job, label=gettext_lazy("Laporan bulanan inkubasi (PDF)"), soft_time_limit=600)
