"""The monthly PDF report for the head of office: its figures on a worked dataset (read back from
the PDF with pypdf), the beat task (once per month, retried, emailed once), on-demand versions
through lms.jobs, who may list and download, and bad months."""

import datetime as dt
import io
from decimal import Decimal

import pypdf
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from incubator import monthly, services, tasks
from incubator.models import KpiReport, MilestoneTemplate, MonthlyReport, Programme, ReminderLog, VentureKind
from lms.models import BackgroundJob

pytestmark = pytest.mark.django_db

OCTOBER = dt.date(2026, 10, 1)


def at(day: dt.date, hour=9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def figures(omzet, members, male, female, assets, shu, financing=0):
    return {
        "omzet": Decimal(omzet),
        "members": members,
        "employees_male": male,
        "employees_female": female,
        "assets": Decimal(assets),
        "shu": Decimal(shu),
        "financing": Decimal(financing),
    }


def report(venture, period, values, *, by, submitted: dt.date, late=False, baseline=False):
    row, _created = services.submit_kpi_report(venture=venture, period=period, figures=values, by=by, baseline=baseline)
    KpiReport.objects.filter(pk=row.pk).update(submitted_at=at(submitted), late=late)
    return row


@pytest.fixture
def worked(officer, contact, other_contact):
    """October 2026 in a programme of two ventures (and one that enters later):

    - Tempe Maju (new cooperative): baseline omzet 5.000.000; September on time (7.000.000);
      October 9.000.000 with financing 2.500.000; pra → inkubasi on 15 October; its NIB milestone
      reached on 10 October and verified on 12 October.
    - Batik Sekar (retail): baseline 3.000.000; September sent late on 20 October (3.500.000);
      October 4.000.000; its NIB milestone overdue (at risk); pra → inkubasi only on 10 November.
    - Mlijo Online enters on 20 November: not in October's report.
    Expected totals for October: omzet 13.000.000 (September 10.500.000: +23,8 %; baseline
    8.000.000: +62,5 %), members 24 (20: +20,0 %; 18: +33,3 %), workers 2 men and 5 women,
    assets 36.000.000, SHU 1.500.000, financing 2.500.000.
    """
    programme = Programme.objects.create(
        name="Inkubasi Wirausaha 2026",
        intake_year=2026,
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 12, 31),
    )
    MilestoneTemplate.objects.create(programme=programme, title="NIB diperoleh", due_after_days=30, sort_order=0)
    tempe = services.create_venture(
        programme=programme,
        name="Koperasi Tempe Maju",
        kind=VentureKind.NEW_COOPERATIVE,
        entry_date=dt.date(2026, 6, 1),
        by=officer,
        contacts=[contact],
    )
    batik = services.create_venture(
        programme=programme,
        name="Koperasi Batik Sekar",
        kind=VentureKind.RETAIL_COOPERATIVE,
        entry_date=dt.date(2026, 6, 15),
        by=officer,
        contacts=[other_contact],
    )
    services.create_venture(
        programme=programme,
        name="Warung Mlijo Online",
        kind=VentureKind.ONLINE_COOPERATIVE,
        entry_date=dt.date(2026, 11, 20),
        by=officer,
    )
    report(
        tempe,
        tempe.entry_date,
        figures(5_000_000, 10, 1, 1, 20_000_000, 500_000),
        by=officer,
        submitted=dt.date(2026, 6, 1),
        baseline=True,
    )
    report(
        batik,
        batik.entry_date,
        figures(3_000_000, 8, 0, 2, 10_000_000, -200_000),
        by=officer,
        submitted=dt.date(2026, 6, 15),
        baseline=True,
    )
    report(
        tempe,
        dt.date(2026, 9, 1),
        figures(7_000_000, 12, 1, 2, 22_000_000, 800_000),
        by=contact,
        submitted=dt.date(2026, 10, 5),
    )
    report(
        batik,
        dt.date(2026, 9, 1),
        figures(3_500_000, 8, 0, 2, 10_500_000, 100_000),
        by=other_contact,
        submitted=dt.date(2026, 10, 20),
        late=True,
    )
    report(
        tempe,
        OCTOBER,
        figures(9_000_000, 15, 2, 2, 25_000_000, 1_200_000, 2_500_000),
        by=contact,
        submitted=dt.date(2026, 11, 3),
    )
    report(
        batik,
        OCTOBER,
        figures(4_000_000, 9, 0, 3, 11_000_000, 300_000),
        by=other_contact,
        submitted=dt.date(2026, 11, 8),
    )
    services.change_stage(venture=tempe, to_stage="inkubasi", date=dt.date(2026, 10, 15), reason="Siap", by=officer)
    services.change_stage(venture=batik, to_stage="inkubasi", date=dt.date(2026, 11, 10), reason="Siap", by=officer)
    milestone = tempe.milestones.get()
    milestone.done_date = dt.date(2026, 10, 10)
    milestone.verified_by, milestone.verified_at = officer, at(dt.date(2026, 10, 12))
    milestone.save()
    return programme


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_report_figures_of_a_worked_month(worked):
    data = monthly.report_data(OCTOBER)
    (section,) = data.programmes
    assert data.summary is None  # one programme: no "all programmes" section
    assert section.ventures == 2  # Mlijo Online entered in November
    stages = {label: total for label, _cells, total in section.stage_rows}
    assert stages["Pra-inkubasi"] == 1 and stages["Inkubasi"] == 1  # Batik Sekar moved only in November
    assert section.stage_change_count == 1 and section.stage_changes[0].name == "Koperasi Tempe Maju"
    assert (section.milestones_done, section.milestones_overdue, section.milestones_total) == (1, 1, 2)
    kpi = {line.label: line for line in section.kpi}
    assert kpi["Omzet"].this == "Rp 13.000.000" and kpi["Omzet"].previous == "Rp 10.500.000"
    assert kpi["Omzet"].baseline == "Rp 8.000.000"
    assert kpi["Omzet"].vs_previous == "+23,8 %" and kpi["Omzet"].vs_baseline == "+62,5 %"
    assert (
        kpi["Anggota"].this == "24"
        and kpi["Anggota"].vs_previous == "+20,0 %"
        and kpi["Anggota"].vs_baseline == "+33,3 %"
    )
    assert kpi["Pekerja laki-laki"].this == "2" and kpi["Pekerja perempuan"].this == "5"
    assert kpi["Aset"].this == "Rp 36.000.000" and kpi["Laba / SHU"].this == "Rp 1.500.000"
    assert kpi["Laba / SHU"].baseline == "Rp 300.000"
    assert kpi["Pembiayaan diperoleh"].this == "Rp 2.500.000" and kpi["Pembiayaan diperoleh"].vs_previous == "–"
    assert [row.name for row in section.late] == ["Koperasi Batik Sekar"] and section.missing_count == 0
    assert [(row.name, row.detail) for row in section.risk] == [("Koperasi Batik Sekar", "tonggak lewat jatuh tempo")]


def test_pdf_text_holds_the_figures(worked):
    text = flat(pdf_text(monthly.build_pdf(OCTOBER)))
    for expected in (
        "Laporan bulanan inkubasi: Oktober 2026",
        "Inkubasi Wirausaha 2026",
        "Rp 13.000.000",
        "Rp 10.500.000",
        "Rp 8.000.000",
        "+23,8 %",
        "+62,5 %",
        "Rp 36.000.000",
        "Rp 2.500.000",
        "Laporan September 2026 (jatuh tempo 10 Oktober 2026)",
        "Terlambat: 1. Belum masuk per akhir bulan: 0.",
        "Koperasi Batik Sekar",
        "masuk 20 Oktober 2026",
        "15 Oktober 2026: Pra-inkubasi → Inkubasi",
        "tonggak lewat jatuh tempo",
    ):
        assert expected in text, expected
    assert "Warung Mlijo Online" not in text


def test_missing_report_and_thousands_in_a_later_month(worked):
    # November: Batik Sekar's October report came on 8 November (due 10 November: on time);
    # nobody sent November yet, which is not due. Mlijo Online is in scope, too new to be expected.
    data = monthly.report_data(dt.date(2026, 11, 1))
    (section,) = data.programmes
    assert section.ventures == 3 and section.missing_count == 0 and section.late_count == 0
    kpi = {line.label: line for line in section.kpi}
    assert kpi["Omzet"].this == "–" and kpi["Omzet"].previous == "Rp 13.000.000"


def test_beat_task_stores_once_and_emails_once(worked, officer, settings):
    settings.INCUBATOR_MONTHLY_REPORT_EMAILS = []
    assert monthly.run_scheduled(today=dt.date(2026, 11, 1)) == 1
    assert monthly.run_scheduled(today=dt.date(2026, 11, 1)) == 0  # run twice
    assert monthly.run_scheduled(today=dt.date(2026, 11, 15)) == 0  # later runs in the month
    stored = MonthlyReport.objects.get()
    assert (stored.month, stored.version, stored.source) == (OCTOBER, 1, "scheduled")
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert f"/inkubasi/laporan-bulanan/{stored.pk}/unduh/" in mail.outbox[0].body
    assert "Oktober 2026" in mail.outbox[0].subject
    assert "Rp 13.000.000" in flat(pdf_text(stored.file.read()))
    # Through Celery (eager): the same answer, nothing more stored.
    assert tasks.monthly_report.apply().get() == 0 or MonthlyReport.objects.filter(month=OCTOBER).count() == 1
    assert MonthlyReport.objects.filter(month=OCTOBER).count() == 1


def test_head_of_office_address_setting(worked, settings):
    settings.INCUBATOR_MONTHLY_REPORT_EMAILS = ["kepala.dinas@example.test"]
    monthly.run_scheduled(today=dt.date(2026, 11, 1))
    assert [m.to for m in mail.outbox] == [["kepala.dinas@example.test"]]


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_retry_after_mail_failure_keeps_one_report_and_sends_once(worked, officer, settings):
    settings.EMAIL_BACKEND = "tests.incubator.test_monthly_report.FailingBackend"
    with pytest.raises(ConnectionRefusedError):
        monthly.run_scheduled(today=dt.date(2026, 11, 1))
    assert MonthlyReport.objects.count() == 1 and not ReminderLog.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert monthly.run_scheduled(today=dt.date(2026, 11, 1)) == 0  # the retry: stored already, mail now
    assert MonthlyReport.objects.count() == 1 and len(mail.outbox) == 1
    assert tasks.monthly_report.max_retries == 5 and tasks.monthly_report.autoretry_for == (Exception,)


def test_beat_entry_registered(settings):
    from lms.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["incubator-monthly-report"]
    assert entry["task"] == "incubator.monthly_report" and entry["task"] in app.tasks


def test_nothing_to_report_before_any_venture(db):
    assert monthly.run_scheduled(today=dt.date(2026, 11, 1)) == 0
    assert not MonthlyReport.objects.exists() and not mail.outbox


def test_store_keeps_versions_and_never_overwrites(worked, officer):
    first, created = monthly.store_report(month=OCTOBER, pdf=b"%PDF-1 one", source="demand", by=officer)
    second, created_again = monthly.store_report(month=OCTOBER, pdf=b"%PDF-1 two", source="demand", by=officer)
    assert created and created_again and (first.version, second.version) == (1, 2)
    assert first.file.name != second.file.name and monthly.read_stored(first) == b"%PDF-1 one"
    scheduled, created = monthly.store_report(month=OCTOBER, pdf=b"%PDF-1 three", source="scheduled")
    again, created_twice = monthly.store_report(month=OCTOBER, pdf=b"%PDF-1 four", source="scheduled")
    assert created and not created_twice and again.pk == scheduled.pk and scheduled.version == 3
    # A file changed behind the site's back is refused, not served.
    with first.file.open("wb") as handle:
        handle.write(b"%PDF-1 changed")
    with pytest.raises(ValidationError):
        monthly.read_stored(first)


def test_officer_makes_a_version_on_demand(worked, officer, client_for, django_capture_on_commit_callbacks):
    monthly.run_scheduled(today=dt.date(2026, 11, 1))
    client = client_for(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("incubator:monthly_reports"), {"bulan": "2026-10"})
    job = BackgroundJob.objects.get(kind=monthly.JOB_KIND)
    assert response.status_code == 302 and response["Location"] == reverse("job_status", args=[job.pk])
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE, job.message
    assert "versi 2" in job.message
    download = client.get(reverse("job_download", args=[job.pk]))
    assert "Rp 13.000.000" in flat(pdf_text(b"".join(download.streaming_content)))
    versions = list(MonthlyReport.objects.filter(month=OCTOBER).order_by("version").values_list("version", "source"))
    assert versions == [(1, "scheduled"), (2, "demand")]
    listing = client.get(reverse("incubator:monthly_reports")).content.decode()
    assert listing.count("/unduh/") == 2 and "Oktober 2026" in listing
    # The job retried by the worker (same job) does not add a third version.
    monthly.store_report(month=OCTOBER, pdf=b"%PDF-x", source="demand", by=officer, job_id=str(job.pk))
    assert MonthlyReport.objects.filter(month=OCTOBER).count() == 2


@pytest.mark.parametrize(
    "month,message",
    [
        ("2999-01", "belum tiba"),
        ("2026-13", "TTTT-BB"),
        ("Oktober", "TTTT-BB"),
        ("", "TTTT-BB"),
        ("1999-05", "Belum ada program inkubasi"),
    ],
)
def test_bad_month_gets_a_clear_message(worked, officer, client_for, month, message):
    response = client_for(officer).post(reverse("incubator:monthly_reports"), {"bulan": month})
    assert response.status_code == 200  # the form again, with the reason
    assert message in response.content.decode()
    assert not BackgroundJob.objects.exists()


def test_next_month_is_refused_this_month_is_not(worked):
    today = timezone.localdate()
    following = services.next_month(today.replace(day=1))
    with pytest.raises(ValidationError, match="belum tiba"):
        monthly.parse_month(f"{following:%Y-%m}")
    assert monthly.parse_month(f"{today:%Y-%m}") == today.replace(day=1)


@pytest.mark.parametrize(
    "role,expected",
    [
        ("officer", 200),
        ("contact", 403),
        ("other_contact", 403),
        ("trainee", 403),
        ("instructor", 403),
        ("anonymous", 302),
    ],
)
def test_list_and_download_per_role(worked, request, client_for, role, expected):
    monthly.run_scheduled(today=dt.date(2026, 11, 1))
    stored = MonthlyReport.objects.get()
    user = None if role == "anonymous" else request.getfixturevalue(role)
    client = client_for(user)
    listing = client.get(reverse("incubator:monthly_reports"))
    download = client.get(reverse("incubator:monthly_report_download", args=[stored.pk]))
    assert listing.status_code == expected and download.status_code == expected
    made = client.post(reverse("incubator:monthly_reports"), {"bulan": "2026-10"})
    if role == "officer":
        assert download["Content-Type"] == "application/pdf" and download.content.startswith(b"%PDF")
        assert 'filename="laporan-inkubasi-2026-10-v1.pdf"' in download["Content-Disposition"]
    else:
        assert made.status_code == expected and not BackgroundJob.objects.exists()
        if role == "anonymous":
            assert "/akun/" in download["Location"]


def test_dashboard_offers_the_report(worked, officer, client_for):
    html = client_for(officer).get(reverse("incubator:dashboard")).content.decode()
    assert 'action="/inkubasi/laporan-bulanan/"' in html and 'type="month"' in html
