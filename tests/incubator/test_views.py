"""The incubator's pages for each role, and their forms with good and bad input."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incubator import services
from incubator.models import KpiReport, MentoringSession, Milestone, Stage, Venture

from .conftest import PDF, figures

pytestmark = pytest.mark.django_db

ROLES = ["officer", "contact", "other_contact", "trainee", "instructor", "anonymous"]


@pytest.fixture
def as_role(request, client_for):
    def login(role):
        user = None if role == "anonymous" else request.getfixturevalue(role)
        return client_for(user)

    return login


def urls(venture):
    milestone = venture.milestones.first()
    return {
        "dashboard": reverse("incubator:dashboard"),
        "list": reverse("incubator:venture_list"),
        "create": reverse("incubator:venture_create"),
        "detail": reverse("incubator:venture_detail", args=[venture.pk]),
        "stage": reverse("incubator:stage_change", args=[venture.pk]),
        "evidence": reverse("incubator:milestone_evidence", args=[venture.pk, milestone.pk]),
        "mentoring": reverse("incubator:mentoring_create", args=[venture.pk]),
        "kpi": reverse("incubator:kpi_report", args=[venture.pk]),
        "baseline": reverse("incubator:kpi_baseline", args=[venture.pk]),
    }


# Expected status per page and role, written out by hand.
EXPECTED = {
    "dashboard": {"officer": 200, "contact": 403, "other_contact": 403, "trainee": 403, "instructor": 403},
    "list": {"officer": 200, "contact": 403, "other_contact": 403, "trainee": 403, "instructor": 403},
    "create": {"officer": 200, "contact": 403, "other_contact": 403, "trainee": 403, "instructor": 403},
    "detail": {"officer": 200, "contact": 200, "other_contact": 404, "trainee": 404, "instructor": 404},
    "stage": {"officer": 200, "contact": 403, "other_contact": 404, "trainee": 404, "instructor": 404},
    "evidence": {"officer": 200, "contact": 200, "other_contact": 404, "trainee": 404, "instructor": 404},
    "mentoring": {"officer": 200, "contact": 403, "other_contact": 404, "trainee": 404, "instructor": 404},
    "kpi": {"officer": 200, "contact": 200, "other_contact": 404, "trainee": 404, "instructor": 404},
    "baseline": {"officer": 200, "contact": 200, "other_contact": 404, "trainee": 404, "instructor": 404},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(EXPECTED))
def test_pages_per_role(as_role, venture, other_venture, role, page):
    url = urls(venture)[page]
    response = as_role(role).get(url)
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/akun/login/")
        return
    assert response.status_code == EXPECTED[page][role], (page, role)
    if response.status_code != 200:
        assert "Koperasi Tempe Maju" not in response.content.decode()


@pytest.mark.parametrize(
    "role,status", [("officer", 302), ("contact", 302), ("other_contact", 404), ("trainee", 403), ("instructor", 403)]
)
def test_my_venture(as_role, venture, other_venture, role, status):
    response = as_role(role).get(reverse("incubator:my_venture"))
    if role in ("contact", "other_contact"):
        target = venture if role == "contact" else other_venture
        assert response.status_code == 302 and response["Location"] == reverse(
            "incubator:venture_detail", args=[target.pk]
        )
    elif role == "officer":
        assert response.status_code == 403
    else:
        assert response.status_code == status


def test_contact_sees_own_venture_without_officer_actions(as_role, venture):
    html = as_role("contact").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "Koperasi Tempe Maju" in html and "Kirim laporan bulanan" in html
    assert "Ubah tahap" not in html and "Catat pendampingan" not in html and "Verifikasi" not in html


def test_officer_list_filters(as_role, venture, other_venture):
    client = as_role("officer")
    html = client.get(reverse("incubator:venture_list"), {"kecamatan": "magersari"}).content.decode()
    assert "Koperasi Batik Sekar" in html and "Koperasi Tempe Maju" not in html
    html = client.get(reverse("incubator:venture_list"), {"q": "tempe", "stage": "pra"}).content.decode()
    assert "Koperasi Tempe Maju" in html and "Koperasi Batik Sekar" not in html
    html = client.get(reverse("incubator:venture_list"), {"stage": "lulus"}).content.decode()
    assert "Tidak ada usaha yang cocok" in html


def test_officer_creates_venture(as_role, programme, contact, today):
    response = as_role("officer").post(
        reverse("incubator:venture_create"),
        {
            "programme": programme.pk,
            "name": "Koperasi Jamu Sehat",
            "kind": "baru",
            "entry_date": today.isoformat(),
            "kbli": "10799",
            "nib": "",
            "kecamatan": "Kranggan",
        },
    )
    venture = Venture.objects.get(name="Koperasi Jamu Sehat")
    assert response.status_code == 302 and venture.milestones.count() == 2
    response = as_role("officer").post(
        reverse("incubator:venture_create"),
        {
            "programme": programme.pk,
            "name": "Y",
            "kind": "baru",
            "entry_date": today.isoformat(),
            "kbli": "12",
            "nib": "abc",
        },
    )
    assert response.status_code == 200 and "KBLI terdiri dari lima angka" in response.content.decode()
    assert not Venture.objects.filter(name="Y").exists()


def test_stage_change_page(as_role, venture, today):
    client = as_role("officer")
    url = reverse("incubator:stage_change", args=[venture.pk])
    response = client.post(url, {"to_stage": "lulus", "date": today.isoformat(), "reason": "cepat"})
    assert response.status_code == 200 and "melompati jalur tahap" in response.content.decode()
    response = client.post(url, {"to_stage": "inkubasi", "date": today.isoformat(), "reason": "Lolos seleksi"})
    assert response.status_code == 302
    venture.refresh_from_db()
    assert venture.stage == Stage.INKUBASI
    # A contact cannot post a stage change.
    response = as_role("contact").post(url, {"to_stage": "pasca", "date": today.isoformat(), "reason": "x"})
    assert response.status_code == 403
    venture.refresh_from_db()
    assert venture.stage == Stage.INKUBASI


def test_contact_sends_evidence_officer_verifies(as_role, venture, today):
    milestone = venture.milestones.first()
    url = reverse("incubator:milestone_evidence", args=[venture.pk, milestone.pk])
    client = as_role("contact")
    response = client.post(
        url, {"evidence": SimpleUploadedFile("nib.pdf", b"GIF89a not a pdf"), "done_date": today.isoformat()}
    )
    assert response.status_code == 200 and "isi berkas diperiksa" in response.content.decode()
    response = client.post(
        url, {"evidence": SimpleUploadedFile("nib.pdf", PDF), "done_date": today.isoformat(), "note": "terbit"}
    )
    assert response.status_code == 302
    file_url = reverse("incubator:milestone_file", args=[venture.pk, milestone.pk])
    assert b"".join(client.get(file_url).streaming_content) == PDF
    verify = reverse("incubator:milestone_verify", args=[venture.pk, milestone.pk])
    assert client.post(verify).status_code == 403
    assert as_role("other_contact").get(file_url).status_code == 404
    assert as_role("officer").post(verify).status_code == 302
    milestone.refresh_from_db()
    assert milestone.verified_at is not None


def test_other_contact_cannot_write_to_another_venture(as_role, venture, today):
    client = as_role("other_contact")
    response = client.post(
        reverse("incubator:kpi_report", args=[venture.pk]), {"period": f"{today:%Y-%m}", **figures()}
    )
    assert response.status_code == 404
    milestone = venture.milestones.first()
    response = client.post(
        reverse("incubator:milestone_evidence", args=[venture.pk, milestone.pk]),
        {"evidence": SimpleUploadedFile("a.pdf", PDF), "done_date": today.isoformat()},
    )
    assert response.status_code == 404
    assert not KpiReport.objects.exists() and not Milestone.objects.exclude(evidence="").exists()


def test_kpi_form_by_contact(as_role, venture, today):
    client = as_role("contact")
    url = reverse("incubator:kpi_report", args=[venture.pk])
    response = client.post(url, {"period": f"{today:%Y-%m}", **figures()})
    assert response.status_code == 302
    report = KpiReport.objects.get()
    assert report.omzet == Decimal("12500000") and report.assets == Decimal("40000000") and report.employees == 5
    page = client.get(url, {"bulan": f"{today:%Y-%m}"}).content.decode()
    assert "sudah ada" in page and "12.500.000" in page
    response = client.post(url, {"period": f"{today:%Y-%m}", **figures(omzet="14.000.000")}, follow=True)
    assert "versi lama disimpan di riwayat" in response.content.decode()
    assert KpiReport.objects.count() == 1 and KpiReport.objects.get().revisions.count() == 1


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"omzet": "-5.000"}, "Tidak boleh negatif"),
        ({"omzet": "sepuluh juta"}, "Tulis angka"),
        ({"members": "-1"}, "lebih besar dari atau sama dengan 0"),
        ({"period": "2026-13"}, "TTTT-BB"),
        ({"period": "2999-01"}, "masa depan"),
    ],
)
def test_kpi_form_bad_input(as_role, venture, today, changes, message):
    data = {"period": f"{today:%Y-%m}", **figures(), **changes}
    response = as_role("contact").post(reverse("incubator:kpi_report", args=[venture.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not KpiReport.objects.exists()


def test_mentoring_page(as_role, venture, today):
    url = reverse("incubator:mentoring_create", args=[venture.pk])
    response = as_role("officer").post(
        url,
        {
            "date": today.isoformat(),
            "mentor": "Pak Agus",
            "topics": "Pemasaran",
            "action_1": "Buat akun marketplace",
            "action_1_due": (today + dt.timedelta(days=14)).isoformat(),
        },
    )
    assert response.status_code == 302
    session = MentoringSession.objects.get()
    item = session.action_items.get()
    toggle = reverse("incubator:action_item_toggle", args=[venture.pk, item.pk])
    assert as_role("other_contact").post(toggle, {"done": "1"}).status_code == 404
    assert as_role("contact").post(toggle, {"done": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.done
    html = as_role("contact").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "Buat akun marketplace" in html and "Pak Agus" in html


def test_detail_lists_missing_reports(as_role, venture, today):
    html = as_role("officer").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "belum masuk (terlambat)" in html
    services.change_stage(
        venture=venture, to_stage=Stage.KELUAR, date=today, reason="tutup", by=venture.stage_changes.first().changed_by
    )
    html = as_role("officer").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "belum masuk (terlambat)" not in html
