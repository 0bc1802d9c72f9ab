"""The incubator's rules through its services: stages, evidence, mentoring, KPI reports."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from incubator import services
from incubator.models import KpiReport, Milestone, Stage, StageChange, Venture

from .conftest import JPG, PDF, PNG

pytestmark = pytest.mark.django_db


def kpi(**changes):
    data = {
        "omzet": Decimal("12500000"),
        "members": 25,
        "employees_male": 2,
        "employees_female": 3,
        "assets": Decimal("40000000"),
        "shu": Decimal("1250000"),
        "financing": Decimal("0"),
    }
    data.update(changes)
    return data


def test_new_venture_starts_at_pra_inkubasi_with_template_milestones(venture, officer):
    assert venture.stage == Stage.PRA
    change = venture.stage_changes.get()
    assert change.to_stage == Stage.PRA and change.changed_by == officer and change.from_stage == ""
    titles = list(venture.milestones.values_list("title", "due_date"))
    assert titles == [
        ("NIB diperoleh", venture.entry_date + dt.timedelta(days=30)),
        ("Badan hukum terdaftar", venture.entry_date + dt.timedelta(days=120)),
    ]
    services.start_venture(venture=venture, by=officer)  # again: nothing doubles
    assert venture.milestones.count() == 2 and venture.stage_changes.count() == 1


def test_contact_must_hold_the_venture_contact_role(programme, officer, trainee, today):
    with pytest.raises(ValidationError) as error:
        services.create_venture(
            programme=programme, name="X", kind="baru", entry_date=today, by=officer, contacts=[trainee]
        )
    assert "contacts" in error.value.message_dict
    assert not Venture.objects.filter(name="X").exists()


def test_stage_path_one_step_at_a_time(venture, officer, today):
    services.change_stage(venture=venture, to_stage=Stage.INKUBASI, date=today, reason="Lolos seleksi", by=officer)
    venture.refresh_from_db()
    assert venture.stage == Stage.INKUBASI and venture.stage_since == today
    change = venture.stage_changes.last()
    assert (change.from_stage, change.to_stage, change.reason, change.changed_by, change.override) == (
        Stage.PRA,
        Stage.INKUBASI,
        "Lolos seleksi",
        officer,
        False,
    )


def test_skip_needs_override_and_reason(venture, officer, today):
    with pytest.raises(ValidationError) as error:
        services.change_stage(venture=venture, to_stage=Stage.LULUS, date=today, reason="cepat", by=officer)
    assert "to_stage" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.change_stage(venture=venture, to_stage=Stage.LULUS, date=today, reason="", by=officer, override=True)
    assert "reason" in error.value.message_dict
    venture.refresh_from_db()
    assert venture.stage == Stage.PRA and venture.stage_changes.count() == 1
    services.change_stage(
        venture=venture, to_stage=Stage.PASCA, date=today, reason="Sudah berjalan mandiri", by=officer, override=True
    )
    assert venture.stage_changes.last().override is True


def test_override_only_by_an_officer(venture, contact, today):
    with pytest.raises(ValidationError) as error:
        services.change_stage(venture=venture, to_stage=Stage.LULUS, date=today, reason="x", by=contact, override=True)
    assert "override" in error.value.message_dict


def test_bad_stage_changes(venture, officer, today):
    for kwargs, field in [
        ({"to_stage": Stage.PRA}, "to_stage"),
        ({"to_stage": "bulan"}, "to_stage"),
        ({"to_stage": Stage.INKUBASI, "date": today + dt.timedelta(days=1)}, "date"),
        ({"to_stage": Stage.INKUBASI, "date": venture.entry_date - dt.timedelta(days=1)}, "date"),
    ]:
        params = {"date": today, "reason": "r", "by": officer} | kwargs
        with pytest.raises(ValidationError) as error:
            services.change_stage(venture=venture, **params)
        assert field in error.value.message_dict
    assert StageChange.objects.filter(venture=venture).count() == 1


def test_final_stage_is_final_without_override(venture, officer, today):
    services.change_stage(venture=venture, to_stage=Stage.KELUAR, date=today, reason="Usaha tutup", by=officer)
    with pytest.raises(ValidationError):
        services.change_stage(venture=venture, to_stage=Stage.INKUBASI, date=today, reason="buka lagi", by=officer)
    services.change_stage(
        venture=venture, to_stage=Stage.INKUBASI, date=today, reason="buka lagi", by=officer, override=True
    )


@pytest.mark.parametrize("content,kind", [(PDF, "pdf"), (PNG, "png"), (JPG, "jpg")])
def test_evidence_checked_by_content(venture, contact, today, content, kind):
    milestone = venture.milestones.first()
    upload = SimpleUploadedFile("bukti.bin", content)
    services.submit_evidence(milestone=milestone, upload=upload, done_date=today, note="NIB terbit", by=contact)
    milestone.refresh_from_db()
    assert milestone.evidence.name.endswith("." + kind) and milestone.done_date == today
    assert milestone.submitted_by == contact and milestone.evidence_name == "bukti.bin"


@pytest.mark.parametrize(
    "name,content",
    [
        ("nib.pdf", b"MZ\x90\x00 an exe named pdf"),
        ("foto.jpg", b"<html>"),
        ("besar.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024)),
    ],
)
def test_disguised_or_oversized_evidence_refused(venture, contact, today, name, content):
    milestone = venture.milestones.first()
    with pytest.raises(ValidationError) as error:
        services.submit_evidence(
            milestone=milestone, upload=SimpleUploadedFile(name, content), done_date=today, note="", by=contact
        )
    assert "evidence" in error.value.message_dict
    milestone.refresh_from_db()
    assert not milestone.evidence and milestone.done_date is None


def test_verify_milestone_once_by_officer(venture, contact, officer, today):
    milestone = venture.milestones.first()
    with pytest.raises(ValidationError):
        services.verify_milestone(milestone=milestone, by=officer)  # no evidence yet
    services.submit_evidence(
        milestone=milestone, upload=SimpleUploadedFile("a.pdf", PDF), done_date=today, note="", by=contact
    )
    with pytest.raises(ValidationError):
        services.verify_milestone(milestone=milestone, by=contact)
    services.verify_milestone(milestone=milestone, by=officer)
    first = Milestone.objects.get(pk=milestone.pk).verified_at
    services.verify_milestone(milestone=milestone, by=officer)
    assert Milestone.objects.get(pk=milestone.pk).verified_at == first
    with pytest.raises(ValidationError):  # verified evidence stays
        services.submit_evidence(
            milestone=milestone, upload=SimpleUploadedFile("b.pdf", PDF), done_date=today, note="", by=contact
        )


def test_mentoring_with_action_items(venture, officer, today):
    session = services.record_mentoring(
        venture=venture,
        date=today,
        mentor="Bu Rina",
        topics="Pencatatan kas",
        notes="",
        action_items=[("Buat buku kas", today + dt.timedelta(days=7)), ("", None)],
        by=officer,
    )
    assert [i.text for i in session.action_items.all()] == ["Buat buku kas"]
    with pytest.raises(ValidationError):
        services.record_mentoring(
            venture=venture,
            date=today,
            mentor="Bu Rina",
            topics="x",
            notes="",
            action_items=[("Tanpa tanggal", None)],
            by=officer,
        )
    with pytest.raises(ValidationError):
        services.record_mentoring(
            venture=venture,
            date=today + dt.timedelta(days=1),
            mentor="A",
            topics="x",
            notes="",
            action_items=[],
            by=officer,
        )
    assert venture.mentoring_sessions.count() == 1


def test_kpi_one_per_month_second_is_an_edit_with_history(venture, contact, officer, today):
    period = today.replace(day=1)
    report, created = services.submit_kpi_report(venture=venture, period=period, figures=kpi(), by=contact)
    assert created and report.late is False and report.employees == 5
    again, created = services.submit_kpi_report(
        venture=venture, period=period, figures=kpi(omzet=Decimal("13000000")), by=officer
    )
    assert not created and again.pk == report.pk and again.omzet == Decimal("13000000")
    assert KpiReport.objects.filter(venture=venture).count() == 1
    revision = again.revisions.get()
    assert revision.figures["omzet"] == "12500000.00" and revision.changed_by == officer


def test_kpi_late_when_sent_after_due_date(venture, contact, today):
    old = services.month_start(services.month_start(today) - dt.timedelta(days=40))
    report, _ = services.submit_kpi_report(venture=venture, period=old, figures=kpi(), by=contact)
    assert report.late is True


def test_kpi_baseline_at_entry_month(venture, contact):
    report, created = services.submit_kpi_report(
        venture=venture, period=None or venture.entry_date, figures=kpi(), by=contact, baseline=True
    )
    assert report.is_baseline and report.period == venture.entry_date.replace(day=1) and not report.late
    _, created = services.submit_kpi_report(
        venture=venture, period=venture.entry_date, figures=kpi(members=3), by=contact, baseline=True
    )
    assert not created and KpiReport.objects.filter(venture=venture, is_baseline=True).count() == 1


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"omzet": Decimal("-1")}, "omzet"),
        ({"members": -3}, "members"),
        ({"members": "dua"}, "members"),
        ({"assets": "banyak"}, "assets"),
        ({"financing": ""}, "financing"),
        ({"omzet": Decimal("1.001")}, "omzet"),
    ],
)
def test_kpi_bad_figures(venture, contact, today, changes, field):
    with pytest.raises(ValidationError) as error:
        services.submit_kpi_report(venture=venture, period=today, figures=kpi(**changes), by=contact)
    assert field in error.value.message_dict
    assert not KpiReport.objects.exists()


def test_kpi_loss_is_allowed(venture, contact, today):
    report, _ = services.submit_kpi_report(
        venture=venture, period=today, figures=kpi(shu=Decimal("-250000")), by=contact
    )
    assert report.shu == Decimal("-250000")


def test_kpi_month_in_future_or_before_entry(venture, contact, today):
    future = services.next_month(today)
    with pytest.raises(ValidationError) as error:
        services.submit_kpi_report(venture=venture, period=future, figures=kpi(), by=contact)
    assert "period" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.submit_kpi_report(
            venture=venture, period=venture.entry_date - dt.timedelta(days=40), figures=kpi(), by=contact
        )
    assert not KpiReport.objects.exists()


def test_kpi_due_date_is_tenth_of_next_month():
    assert services.kpi_due_date(dt.date(2026, 1, 1)) == dt.date(2026, 2, 10)
    assert services.kpi_due_date(dt.date(2026, 12, 1)) == dt.date(2027, 1, 10)
