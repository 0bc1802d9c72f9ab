"""Scale data for the benchmarks (`manage.py load_scale_data`, bench/incubator_dashboard.py):
ventures with a year of monthly KPI reports each, bulk-inserted.

Each venture entered 13 months before the last month already due, has its first stage entry, two
milestones (NIB after 30 days, mostly verified; badan hukum after 120 days, sometimes overdue), a
baseline and one report for each of the 12 months up to the last due month. One venture in twenty
stopped reporting three months ago (at risk), as real intakes have. The rows go in with
`bulk_create` (the services' rules are tested elsewhere): 10,000 ventures are 120,000 monthly
reports (+ 10,000 baselines, 20,000 milestones, 10,000 stage entries).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .models import (
    KpiReport,
    KpiSource,
    Milestone,
    MilestoneTemplate,
    Programme,
    Stage,
    StageChange,
    Venture,
    VentureKind,
)
from .selectors import last_due_period
from .services import month_start, next_month

SCALE_PROGRAMME = "Skala: inkubasi"
MONTHS = 12
KECAMATAN = ["Prajurit Kulon", "Magersari", "Kranggan", "Kedungkandang", "Sukun", "Blimbing"]
SECTORS = ["Pangan", "Kerajinan", "Jasa", "Perdagangan", "Pertanian"]
BATCH = 2000


def _months_back(period: dt.date, n: int) -> dt.date:
    for _ in range(n):
        period = month_start(period - dt.timedelta(days=1))
    return period


def scale_programme(name: str = SCALE_PROGRAMME) -> Programme:
    today = timezone.localdate()
    programme, created = Programme.objects.get_or_create(
        name=name,
        defaults={
            "intake_year": today.year - 1,
            "start_date": _months_back(month_start(today), MONTHS + 2),
            "end_date": today + dt.timedelta(days=365),
            "description": "Data skala untuk pengukuran kecepatan (bench).",
        },
    )
    if created:
        MilestoneTemplate.objects.bulk_create(
            [
                MilestoneTemplate(programme=programme, title="NIB diperoleh", due_after_days=30, sort_order=0),
                MilestoneTemplate(programme=programme, title="Badan hukum terdaftar", due_after_days=120, sort_order=1),
            ]
        )
    return programme


@transaction.atomic
def add_ventures(programme: Programme, count: int, *, start: int = 0, seed: int = 13, months: int = MONTHS) -> int:
    """Add `count` ventures (numbered from `start`) with their rows; returns the reports added."""
    if count <= 0:
        return 0
    rng = random.Random(seed + start)  # noqa: S311  # nosec B311  # repeatable bench data, not a secret
    today = timezone.localdate()
    last = last_due_period(today)
    first = _months_back(last, months - 1)
    entry = _months_back(first, 1)
    # One venture in twenty went silent three months ago: it entered three months earlier and its
    # twelve reports end three months before the others' (every venture has twelve).
    silent_entry = _months_back(entry, 3)

    def is_silent(n: int) -> bool:
        return n % 20 == 7

    kinds = [k for k, _l in VentureKind.choices]
    stages = [Stage.PRA, Stage.INKUBASI, Stage.INKUBASI, Stage.PASCA]
    ventures = Venture.objects.bulk_create(
        [
            Venture(
                programme=programme,
                name=f"Usaha Skala {n:05d}",
                kind=kinds[n % len(kinds)],
                sector=SECTORS[n % len(SECTORS)],
                kecamatan=KECAMATAN[n % len(KECAMATAN)],
                kelurahan=f"Kelurahan {n % 40 + 1}",
                entry_date=silent_entry if is_silent(n) else entry,
                stage=stages[n % len(stages)],
                stage_since=silent_entry if is_silent(n) else entry,
            )
            for n in range(start + 1, start + count + 1)
        ],
        batch_size=BATCH,
    )
    if any(v.pk is None for v in ventures):  # a backend that does not return ids
        ventures = list(Venture.objects.filter(programme=programme).order_by("-pk")[:count])[::-1]
    StageChange.objects.bulk_create(
        [
            StageChange(venture=v, from_stage="", to_stage=v.stage, date=v.entry_date, reason="Data skala")
            for v in ventures
        ],
        batch_size=BATCH,
    )
    templates = list(programme.milestone_templates.all())
    milestones = []
    for v in ventures:
        for template in templates:
            done = rng.random() < (0.8 if template.due_after_days <= 30 else 0.6)
            milestones.append(
                Milestone(
                    venture=v,
                    template=template,
                    title=template.title,
                    due_date=v.entry_date + dt.timedelta(days=template.due_after_days),
                    done_date=v.entry_date + dt.timedelta(days=25) if done else None,
                    verified_at=timezone.make_aware(
                        dt.datetime.combine(v.entry_date + dt.timedelta(days=25), dt.time(10))
                    )
                    if done
                    else None,
                )
            )
    Milestone.objects.bulk_create(milestones, batch_size=BATCH)
    periods = [_months_back(last, n) for n in range(months - 1, -1, -1)]
    silent_periods = [_months_back(period, 3) for period in periods]
    reports = []
    added = 0
    for v in ventures:
        omzet = Decimal(rng.randrange(2_000_000, 40_000_000))
        members = rng.randrange(9, 60)
        submitted = timezone.make_aware(dt.datetime.combine(v.entry_date, dt.time(9)))
        reports.append(_report(v, v.entry_date, omzet, members, submitted, baseline=True))
        for period in silent_periods if v.entry_date == silent_entry else periods:
            omzet = (omzet * Decimal(rng.randrange(95, 112)) / 100).quantize(Decimal("1"))
            members += rng.randrange(0, 2)
            day = 5 + rng.randrange(0, 10)
            submitted = timezone.make_aware(dt.datetime.combine(next_month(period).replace(day=day), dt.time(9)))
            reports.append(_report(v, period, omzet, members, submitted, late=day > 10))
            added += 1
        if len(reports) >= BATCH * 5:
            KpiReport.objects.bulk_create(reports, batch_size=BATCH)
            reports = []
    KpiReport.objects.bulk_create(reports, batch_size=BATCH)
    from .totals import rebuild

    rebuild()  # bulk_create sends no signals: the dashboard's monthly totals from scratch
    return added


def _report(venture, period, omzet, members, submitted, *, baseline=False, late=False) -> KpiReport:
    return KpiReport(
        venture=venture,
        period=period,
        is_baseline=baseline,
        omzet=omzet,
        members=members,
        employees_male=members % 3,
        employees_female=members % 4 + 1,
        assets=omzet * 3,
        shu=(omzet / 10).quantize(Decimal("1")),
        financing=Decimal(0),
        source=KpiSource.TYPED,
        late=late,
        submitted_at=submitted,
    )


def load(*, ventures: int, stdout=None) -> Programme | None:
    """The scale programme with `ventures` ventures (idempotent: only the missing ones are added)."""
    if ventures <= 0:
        return None
    programme = scale_programme()
    have = Venture.objects.filter(programme=programme).count()
    added = add_ventures(programme, ventures - have, start=have) if have < ventures else 0
    if stdout is not None:
        state = f"{ventures - have} ditambah, {added} laporan bulanan" if have < ventures else "sudah ada"
        stdout.write(f"  inkubasi: {ventures} usaha binaan ({state}) (/inkubasi/)")
    return programme
