"""The dashboard's kept monthly KPI totals (incubator.totals) equal the reports' sums after every
kind of write: a new report, an edit, a venture deleted, a venture moved to another programme."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q

from incubator import services, totals
from incubator.dashboard import kpi_trends
from incubator.models import KpiMonthTotal, Programme, VentureKind
from incubator.selectors import last_due_period

pytestmark = pytest.mark.django_db


def figures(omzet, members=10):
    return {
        "omzet": Decimal(omzet),
        "members": members,
        "employees_male": 1,
        "employees_female": 2,
        "assets": Decimal(1),
        "shu": Decimal(0),
        "financing": Decimal(0),
    }


def snapshot():
    return sorted(
        KpiMonthTotal.objects.values_list(
            "programme_id", "is_baseline", "period", "reports", "omzet", "members", "employees_male", "employees_female"
        )
    )


def trends(**kwargs):
    return [(s.key, s.values, s.baseline) for s in kpi_trends(last=last_due_period(), **kwargs)]


def test_totals_follow_every_write(programme, venture, other_venture, officer, contact, today):
    second = Programme.objects.create(
        name="Inkubasi 2027", intake_year=2027, start_date=programme.start_date, end_date=programme.end_date
    )
    third = services.create_venture(
        programme=second, name="Usaha Lain", kind=VentureKind.MICRO_BUSINESS, entry_date=venture.entry_date, by=officer
    )
    last = last_due_period()
    previous = (last - dt.timedelta(days=1)).replace(day=1)
    services.submit_kpi_report(
        venture=venture, period=venture.entry_date, figures=figures(100), by=officer, baseline=True
    )
    services.submit_kpi_report(venture=venture, period=last, figures=figures(1000), by=contact)
    services.submit_kpi_report(venture=venture, period=previous, figures=figures(900), by=contact)
    services.submit_kpi_report(venture=other_venture, period=last, figures=figures(500), by=officer)
    services.submit_kpi_report(venture=third, period=last, figures=figures(70), by=officer)
    services.submit_kpi_report(venture=venture, period=last, figures=figures(1200, 12), by=contact)  # an edit
    kept = snapshot()
    totals.rebuild()
    assert snapshot() == kept
    row = KpiMonthTotal.objects.get(programme=programme, period=last)
    assert (row.reports, row.omzet, row.members) == (2, Decimal(1700), 22)
    # The dashboard's series are the same from the totals and from the reports.
    assert trends(report_filter=Q(), totals_of=Q()) == trends(report_filter=Q())
    assert trends(report_filter=Q(venture__programme=second), totals_of=Q(programme=second)) == trends(
        report_filter=Q(venture__programme=second)
    )
    # A venture moved to another programme, then one deleted with its reports.
    venture.programme = second
    venture.save()
    kept = snapshot()
    totals.rebuild()
    assert snapshot() == kept
    other_venture.delete()
    kept = snapshot()
    totals.rebuild()
    assert snapshot() == kept
    assert not KpiMonthTotal.objects.filter(programme=programme).exists()
