"""Monthly KPI totals per programme (`KpiMonthTotal`), kept in step with the reports.

Every save or delete of a `KpiReport` (services, admin, a venture deleted with its reports) sums
that programme's month again in the same transaction (one aggregate over one month of one
programme), so the totals are exact, not a cache. A venture moved to another programme has both
programmes summed again. Bulk loads that bypass the signals (scale data) call `rebuild()`.
"""

from __future__ import annotations

from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save, pre_save

FIGURES = ("omzet", "members", "employees_male", "employees_female")


def _models():
    from .models import KpiMonthTotal, KpiReport, Venture

    return KpiMonthTotal, KpiReport, Venture


def refresh(*, programme_id: int, period, is_baseline: bool) -> None:
    """Sum one month (or the baselines) of one programme again."""
    KpiMonthTotal, KpiReport, _Venture = _models()
    reports = KpiReport.objects.filter(venture__programme_id=programme_id, is_baseline=is_baseline)
    key = {"programme_id": programme_id, "is_baseline": is_baseline, "period": None if is_baseline else period}
    if not is_baseline:
        reports = reports.filter(period=period)
    sums = reports.aggregate(reports=Count("pk"), **{name: Sum(name) for name in FIGURES})
    if not sums["reports"]:
        KpiMonthTotal.objects.filter(**key).delete()
        return
    KpiMonthTotal.objects.update_or_create(**key, defaults={name: sums[name] or 0 for name in ("reports", *FIGURES)})


def refresh_programme(programme_id: int) -> None:
    KpiMonthTotal, KpiReport, _Venture = _models()
    periods = set(
        KpiReport.objects.filter(venture__programme_id=programme_id, is_baseline=False).values_list("period", flat=True)
    ) | set(KpiMonthTotal.objects.filter(programme_id=programme_id, is_baseline=False).values_list("period", flat=True))
    for period in periods:
        refresh(programme_id=programme_id, period=period, is_baseline=False)
    refresh(programme_id=programme_id, period=None, is_baseline=True)


def rebuild(using_models=None) -> int:
    """All totals from the reports (one grouped query); returns the rows written."""
    KpiMonthTotal, KpiReport, _Venture = using_models or _models()
    KpiMonthTotal.objects.all().delete()
    rows = (
        KpiReport.objects.values("venture__programme_id", "is_baseline", "period")
        .annotate(reports=Count("pk"), **{name: Sum(name) for name in FIGURES})
        .order_by()
    )
    merged: dict = {}
    for row in rows:  # the baselines of a programme are one row whatever their months
        key = (row["venture__programme_id"], row["is_baseline"], None if row["is_baseline"] else row["period"])
        total = merged.setdefault(key, dict.fromkeys(("reports", *FIGURES), 0))
        for name in ("reports", *FIGURES):
            total[name] += row[name] or 0
    KpiMonthTotal.objects.bulk_create(
        [
            KpiMonthTotal(programme_id=pk, is_baseline=baseline, period=period, **values)
            for (pk, baseline, period), values in merged.items()
        ],
        batch_size=1000,
    )
    return len(merged)


def _report_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    _KpiMonthTotal, _KpiReport, Venture = _models()
    programme_id = Venture.objects.filter(pk=instance.venture_id).values_list("programme_id", flat=True).first()
    if programme_id is not None:
        refresh(programme_id=programme_id, period=instance.period, is_baseline=instance.is_baseline)


def _venture_saving(sender, instance, **kwargs):
    if kwargs.get("raw") or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("programme_id", flat=True).first()
    instance._programme_before = before


def _venture_saved(sender, instance, created, **kwargs):
    before = getattr(instance, "_programme_before", None)
    if kwargs.get("raw") or created or before is None or before == instance.programme_id:
        return
    refresh_programme(before)
    refresh_programme(instance.programme_id)


def connect() -> None:
    _KpiMonthTotal, KpiReport, Venture = _models()
    post_save.connect(_report_changed, sender=KpiReport, dispatch_uid="incubator_totals_save")
    post_delete.connect(_report_changed, sender=KpiReport, dispatch_uid="incubator_totals_delete")
    pre_save.connect(_venture_saving, sender=Venture, dispatch_uid="incubator_totals_venture_pre")
    post_save.connect(_venture_saved, sender=Venture, dispatch_uid="incubator_totals_venture_post")
