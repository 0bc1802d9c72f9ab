"""The officers' dashboard (figures, fixed query count) and the CSV/XLSX exports (contents, escaping, jobs)."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from incubator import services
from incubator.models import Stage, VentureKind
from incubator.selectors import last_due_period
from lms.models import BackgroundJob

from .conftest import PDF

pytestmark = pytest.mark.django_db


def kpi(**changes):
    data = {
        "omzet": Decimal("10000000"),
        "members": 20,
        "employees_male": 1,
        "employees_female": 2,
        "assets": Decimal("30000000"),
        "shu": Decimal("500000"),
        "financing": Decimal("0"),
    }
    data.update(changes)
    return data


def months_back(today, n):
    period = today.replace(day=1)
    for _ in range(n):
        period = (period - dt.timedelta(days=1)).replace(day=1)
    return period


@pytest.fixture
def reported(venture, other_venture, contact, officer, today):
    """venture: baseline and reports for every due month; other_venture: nothing (late, at risk)."""
    services.submit_kpi_report(
        venture=venture,
        period=venture.entry_date,
        figures=kpi(omzet=Decimal("5000000"), members=10),
        by=officer,
        baseline=True,
    )
    for n in range(0, 7):
        period = months_back(today, n)
        if period >= venture.entry_date.replace(day=1):
            services.submit_kpi_report(
                venture=venture, period=period, figures=kpi(omzet=Decimal(8000000 + n)), by=contact
            )
    milestone = venture.milestones.first()
    services.submit_evidence(
        milestone=milestone, upload=SimpleUploadedFile("a.pdf", PDF), done_date=today, note="", by=contact
    )
    services.verify_milestone(milestone=milestone, by=officer)
    return venture


def test_dashboard_figures(client_for, officer, reported, other_venture, today):
    response = client_for(officer).get(reverse("incubator:dashboard"))
    assert response.status_code == 200
    context = response.context
    pra = next(row for row in context["stage_rows"] if row["value"] == Stage.PRA)
    assert pra["total"] == 2 and context["total"] == 2
    assert pra["cells"][[k for k, _l in context["kinds"]].index(VentureKind.NEW_COOPERATIVE)] == 2
    assert context["milestones"]["total"] == 4 and context["milestones"]["verified"] == 1
    assert context["late_count"] == 1  # other_venture has not reported; venture has
    # other_venture: entered 100 days ago, no report, its 30-day milestone overdue; venture reports
    # monthly but its 120-day milestone is overdue. Never-reported first.
    assert [(v.name, v.has_overdue) for v in context["risk_rows"]] == [
        ("Koperasi Batik Sekar", True),
        ("Koperasi Tempe Maju", True),
    ]
    omzet = context["trends"][0]
    n = next(
        n for n in range(3) if months_back(today, n) == last_due_period(today)
    )  # the trend ends at the last due month
    assert omzet.baseline == Decimal("5000000.00") and omzet.last == Decimal(8000000 + n)
    assert omzet.change_percent == 60
    html = response.content.decode()
    assert "<polyline" in html and "usaha berisiko" in html and "<script" not in html


def test_dashboard_filters(client_for, officer, reported, other_venture):
    response = client_for(officer).get(reverse("incubator:dashboard"), {"kecamatan": "Magersari"})
    assert response.context["total"] == 1 and response.context["late_count"] == 1
    response = client_for(officer).get(reverse("incubator:dashboard"), {"stage": "lulus"})
    assert response.context["total"] == 0 and response.context["risk_rows"] == []


def test_dashboard_query_count_is_fixed(client_for, officer, programme, reported, other_venture, contact, today):
    client = client_for(officer)
    url = reverse("incubator:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(6):
        v = services.create_venture(
            programme=programme,
            name=f"Usaha {i}",
            kind="mikro",
            entry_date=today - dt.timedelta(days=90),
            by=officer,
            contacts=[contact],
        )
        services.submit_kpi_report(venture=v, period=today, figures=kpi(), by=officer)
        services.submit_kpi_report(venture=v, period=v.entry_date, figures=kpi(), by=officer, baseline=True)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]
    assert len(large) <= 14


def test_venture_detail_shows_trend_against_baseline(client_for, contact, reported):
    html = client_for(contact).get(reverse("incubator:venture_detail", args=[reported.pk])).content.decode()
    assert "<polyline" in html and "60% dari data dasar" in html


def _csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_exports_per_role(client_for, officer, contact, trainee, instructor, reported):
    for user, status in [(officer, 200), (contact, 403), (trainee, 403), (instructor, 403)]:
        assert client_for(user).get(reverse("incubator:export_download", args=["usaha", "csv"])).status_code == status
        assert client_for(user).get(reverse("incubator:exports")).status_code == status
    assert client_for(None).get(reverse("incubator:exports")).status_code == 302
    assert client_for(officer).get(reverse("incubator:export_download", args=["usaha", "pdf"])).status_code == 404


def test_venture_export_contents_are_escaped(client_for, officer, reported, other_venture):
    other_venture.name = '=HYPERLINK("http://jahat.example","klik")'
    other_venture.sector = "+62 cmd"
    other_venture.save()
    rows = _csv(client_for(officer).get(reverse("incubator:export_download", args=["usaha", "csv"])))
    assert rows[0][:5] == ["ID", "Nama usaha", "Program", "Jenis", "Tahap"]
    names = {row[1]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://jahat.example","klik")' in names
    assert names['\'=HYPERLINK("http://jahat.example","klik")'][7] == "'+62 cmd"
    tempe = names["Koperasi Tempe Maju"]
    assert tempe[3] == "Koperasi baru" and tempe[4] == "Pra-inkubasi" and tempe[8] == "10792"
    response = client_for(officer).get(reverse("incubator:export_download", args=["usaha", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][1] == "Nama usaha"
    assert any(row[1] == '\'=HYPERLINK("http://jahat.example","klik")' for row in values[1:])


def test_kpi_and_milestone_exports(client_for, officer, reported, today):
    rows = _csv(client_for(officer).get(reverse("incubator:export_download", args=["kpi", "csv"])))
    body = rows[1:]
    baseline = [r for r in body if r[3] == "ya"]
    assert len(baseline) == 1 and baseline[0][4] == "5000000.00" and baseline[0][5] == "10"
    latest = [r for r in body if r[2] == f"{today:%Y-%m}" and r[3] == ""]
    assert latest[0][4] == "8000000.00" and latest[0][11] == "Diisi manual"
    rows = _csv(client_for(officer).get(reverse("incubator:export_download", args=["tonggak", "csv"]), {"q": "tempe"}))
    assert [r[2] for r in rows[1:]] == ["NIB diperoleh", "Badan hukum terdaftar"]
    assert rows[1][5] == "ya" and rows[1][6] == officer.get_full_name() and rows[2][6] == ""


def test_big_export_runs_as_a_job(client_for, officer, reported, settings, django_capture_on_commit_callbacks):
    settings.INCUBATOR_EXPORT_INLINE_ROWS = 1
    client = client_for(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("incubator:export_download", args=["kpi", "xlsx"]))
    job = BackgroundJob.objects.get(kind="incubator.export")
    assert response.status_code == 302 and response["Location"] == reverse("job_status", args=[job.pk])
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.message
    download = client.get(reverse("job_download", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.cell(1, 2).value == "Nama usaha" and sheet.max_row > 2
    # Someone else cannot fetch it.
    assert client_for(reported.contacts.first()).get(reverse("job_download", args=[job.pk])).status_code in (403, 404)


def test_venture_page_query_count_is_fixed(client_for, contact, officer, venture, today):
    client = client_for(contact)
    url = reverse("incubator:venture_detail", args=[venture.pk])
    services.submit_kpi_report(venture=venture, period=today, figures=kpi(), by=contact)
    services.record_mentoring(
        venture=venture, date=today, mentor="A", topics="B", notes="", action_items=[("C", today)], by=officer
    )
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(1, 6):
        services.submit_kpi_report(venture=venture, period=months_back(today, n), figures=kpi(), by=contact)
        services.record_mentoring(
            venture=venture,
            date=today,
            mentor="A",
            topics=f"B{n}",
            notes="",
            action_items=[("C", today), ("D", today)],
            by=officer,
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]
