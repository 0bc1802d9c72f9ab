"""Each role's access to the certificates pages: issuing, revoking, reissuing, downloading, the
cohort page, "Sertifikat saya"; plus the bulk issue job and the panels on other apps' pages."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, CertificateKind
from lms import roles

from .conftest import committed


@pytest.fixture
def certificate(setup, officer):
    with committed():
        return Certificate.objects.get(
            pk=services.issue_certificate(enrollment=setup.enrollments["done"], by=officer).certificate.pk
        )


@pytest.fixture
def people(setup, make_user, instructor, officer, admin_user):
    return {
        "anonymous": None,
        "holder": setup.people["done"],
        "other_trainee": setup.people["idle"],
        "instructor": instructor,
        "other_instructor": make_user(roles.INSTRUCTOR),
        "officer": officer,
        "admin": admin_user,
    }


DOWNLOAD = {
    "anonymous": 302,
    "holder": 200,
    "other_trainee": 404,
    "instructor": 200,
    "other_instructor": 404,
    "officer": 200,
    "admin": 200,
}
COHORT = {
    "anonymous": 302,
    "holder": 403,
    "other_trainee": 403,
    "instructor": 200,
    "other_instructor": 403,
    "officer": 200,
    "admin": 200,
}
MANAGE = {
    "anonymous": 302,
    "holder": 403,
    "other_trainee": 403,
    "instructor": 200,
    "other_instructor": 403,
    "officer": 200,
    "admin": 200,
}
REVOKE = {
    "anonymous": 302,
    "holder": 403,
    "other_trainee": 403,
    "instructor": 403,
    "other_instructor": 403,
    "officer": 302,
    "admin": 302,
}


@pytest.mark.parametrize("role", DOWNLOAD)
def test_download(client_for, people, certificate, role):
    response = client_for(people[role]).get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == DOWNLOAD[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_holder_cannot_download_a_revoked_certificate_but_the_office_can(client_for, people, certificate, officer):
    services.revoke_certificate(certificate=certificate, by=officer, reason="misconduct")
    url = reverse("certificates:download", args=[certificate.code])
    assert client_for(people["holder"]).get(url).status_code == 404
    assert client_for(officer).get(url).status_code == 200


@pytest.mark.parametrize("role", COHORT)
def test_cohort_certificates_page(client_for, people, setup, role):
    response = client_for(people[role]).get(reverse("certificates:cohort", args=[setup.cohort.pk]))
    assert response.status_code == COHORT[role]


@pytest.mark.parametrize("role", MANAGE)
def test_manage_page(client_for, people, certificate, role):
    response = client_for(people[role]).get(reverse("certificates:manage", args=[certificate.pk]))
    assert response.status_code == MANAGE[role]
    if response.status_code == 200:
        body = response.content.decode()
        assert ("Cabut sertifikat" in body) == (role in ("officer", "admin"))
        assert ("Riwayat" in body) == (role in ("officer", "admin"))


@pytest.mark.parametrize("role", REVOKE)
def test_revoke_and_reissue(client_for, people, certificate, role):
    client = client_for(people[role])
    response = client.post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "data_error", "note": "", "confirm": "1"}
    )
    assert response.status_code == REVOKE[role]
    revoked = Certificate.objects.get(pk=certificate.pk).status == "revoked"
    assert revoked == (REVOKE[role] == 302 and role != "anonymous")
    with committed():
        response = client.post(reverse("certificates:reissue", args=[certificate.pk]), {"note": "Perbaikan"})
    assert response.status_code == REVOKE[role]
    assert Certificate.objects.filter(enrollment=certificate.enrollment).count() == (2 if revoked else 1)


def test_revoke_page_answers_twice_with_a_message(client_for, officer, certificate):
    client = client_for(officer)
    url = reverse("certificates:revoke", args=[certificate.pk])
    client.post(url, {"reason": "data_error", "confirm": "1"})
    for data in ({"reason": "data_error", "confirm": "1"}, {"reason": "data_error"}):
        response = client.post(url, data, follow=True)
        body = response.content.decode()
        assert "sudah dicabut sebelumnya" in body and "Kesalahan data" in body
        assert "Cabut sertifikat ini?" not in body
    assert certificate.events.filter(action="revoked").count() == 1
    response = client.post(reverse("certificates:revoke", args=[certificate.pk]), {"reason": ""}, follow=True)
    assert response.status_code == 200


# The confirmation step: the first POST shows what will be revoked; only the second revokes.
CONFIRM = {"anonymous": 302, "holder": 403, "instructor": 403, "other_instructor": 403, "officer": 200, "admin": 200}


@pytest.mark.parametrize("role", CONFIRM)
def test_revoke_asks_for_confirmation_showing_certificate_reason_and_note(client_for, people, certificate, role):
    client = client_for(people[role])
    url = reverse("certificates:revoke", args=[certificate.pk])
    response = client.post(url, {"reason": "misconduct", "note": "Nilai kuis dipalsukan <b>x</b>"})
    assert response.status_code == CONFIRM[role]
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"  # nothing revoked yet
    if response.status_code != 200:
        response = client.post(url, {"reason": "misconduct", "note": "x", "confirm": "1"})
        assert response.status_code == CONFIRM[role]
        assert Certificate.objects.get(pk=certificate.pk).status == "valid"
        return
    body = response.content.decode()
    assert "Cabut sertifikat ini?" in body
    assert certificate.serial in body and certificate.display_code in body
    assert "Dra. Siti Aminah, M.M." in body and "Manajemen Koperasi" in body
    assert "Pelanggaran atau kecurangan" in body
    assert "Nilai kuis dipalsukan &lt;b&gt;x&lt;/b&gt;" in body  # the note, escaped
    assert 'name="confirm" value="1"' in body
    response = client.post(url, {"reason": "misconduct", "note": "Nilai kuis dipalsukan <b>x</b>", "confirm": "1"})
    assert response.status_code == 302
    revoked = Certificate.objects.get(pk=certificate.pk)
    assert revoked.status == "revoked" and revoked.revocation_reason == "misconduct"
    assert revoked.revocation_note == "Nilai kuis dipalsukan <b>x</b>" and revoked.revoked_by == people[role]


def test_revoke_other_reason_without_a_note_is_sent_back_before_the_confirmation(client_for, officer, certificate):
    response = client_for(officer).post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "other", "note": " "}, follow=True
    )
    body = response.content.decode()
    assert "Tulis penjelasan untuk alasan lain." in body and "Cabut sertifikat ini?" not in body
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"


def test_revoking_a_replaced_certificate_says_so(client_for, officer, certificate):
    with committed():
        services.reissue_certificate(certificate=certificate, by=officer, note="Nama salah")
    response = client_for(officer).post(
        reverse("certificates:revoke", args=[certificate.pk]), {"reason": "data_error"}, follow=True
    )
    assert "sudah diganti" in response.content.decode()


def test_get_is_not_allowed_on_revoke(client_for, officer, certificate):
    assert client_for(officer).get(reverse("certificates:revoke", args=[certificate.pk])).status_code == 405


def test_instructor_issues_one_and_is_refused_for_a_non_completer(client_for, instructor, setup):
    client = client_for(instructor)
    url = reverse("certificates:cohort", args=[setup.cohort.pk])
    with committed():
        response = client.post(url, {"kind": "completion", "enrollment": setup.enrollments["done"].pk}, follow=True)
    assert "diterbitkan" in response.content.decode()
    response = client.post(
        url,
        {"kind": "completion", "enrollment": setup.enrollments["idle"].pk, "override_reason": "boleh?"},
        follow=True,
    )
    assert "Hanya petugas Dinas" in response.content.decode()
    assert Certificate.objects.count() == 1


def test_officer_overrides_with_a_reason(client_for, officer, setup):
    client = client_for(officer)
    url = reverse("certificates:cohort", args=[setup.cohort.pk])
    response = client.post(url, {"kind": "completion", "enrollment": setup.enrollments["idle"].pk}, follow=True)
    assert "tulis alasan pengecualian" in response.content.decode()
    with committed():
        client.post(
            url,
            {"kind": "completion", "enrollment": setup.enrollments["idle"].pk, "override_reason": "Keputusan panitia"},
        )
    assert Certificate.objects.get(enrollment=setup.enrollments["idle"]).override_reason == "Keputusan panitia"


def test_enrollment_of_another_cohort_is_404(client_for, officer, setup, make_cohort):
    other = make_cohort(setup.course)
    response = client_for(officer).post(
        reverse("certificates:cohort", args=[other.pk]),
        {"kind": "completion", "enrollment": setup.enrollments["done"].pk},
    )
    assert response.status_code == 404


def test_bulk_issue_runs_as_a_job_with_progress_and_counts_once(client_for, officer, setup):
    from lms.models import BackgroundJob

    client = client_for(officer)
    url = reverse("certificates:cohort", args=[setup.cohort.pk])
    with committed():
        response = client.post(url, {"kind": "completion"})
    job = BackgroundJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == "done" and job.progress_done == job.progress_total == 3
    assert job.result_data == {"issued": 1, "existing": 0, "skipped": 2, "failed": 0, "total": 3}
    with committed():
        client.post(url, {"kind": "completion"})
    assert Certificate.objects.count() == 1
    status = client.get(job.get_absolute_url())
    assert "1 diterbitkan" in status.content.decode()


def test_bulk_issue_with_a_failure_is_retried_by_the_job(officer, setup, monkeypatch, make_user):
    from certificates import bulk
    from courses.models import Completion, Enrollment
    from lms import jobs
    from lms.models import BackgroundJob

    extra = make_user(roles.TRAINEE, full_name="Peserta Gagal")
    enrollment = Enrollment.objects.create(user=extra, cohort=setup.cohort, status="completed")
    Completion.objects.create(enrollment=enrollment)
    real = services.issue_certificate
    state = {"fail": True}

    def flaky(*, enrollment, **kwargs):
        if enrollment.pk == extra.enrollments.get().pk and state["fail"]:
            raise RuntimeError("hiccup")
        return real(enrollment=enrollment, **kwargs)

    monkeypatch.setattr(services, "issue_certificate", flaky)
    monkeypatch.setattr("lms.jobs._enqueue", lambda job, kind, countdown=None: None)
    job = bulk.start_bulk_issue(cohort=setup.cohort, kind="completion", by=officer)
    with committed():
        assert jobs.run_job(job.pk).state == "retry"
    assert Certificate.objects.count() == 1  # the other one was issued despite the failure
    state["fail"] = False
    with committed():
        assert jobs.run_job(job.pk).state == "done"
    assert Certificate.objects.count() == 2
    assert BackgroundJob.objects.get(pk=job.pk).result_data["existing"] == 1


def test_mine_lists_own_certificates_only(client_for, certificate, setup):
    body = client_for(setup.people["done"]).get(reverse("certificates:mine")).content.decode()
    assert certificate.serial in body and reverse("certificates:download", args=[certificate.code]) in body
    assert f"/certificates/verify/{certificate.code}/" in body
    other = client_for(setup.people["idle"]).get(reverse("certificates:mine")).content.decode()
    assert certificate.serial not in other
    assert client_for(None).get(reverse("certificates:mine")).status_code == 302


def test_mine_query_count_does_not_grow(client_for, setup, officer, django_assert_max_num_queries):
    with committed():
        services.issue_certificate(enrollment=setup.enrollments["done"], by=officer)
        services.issue_certificate(enrollment=setup.enrollments["done"], kind=CertificateKind.ATTENDANCE, by=officer)
    client = client_for(setup.people["done"])
    client.get(reverse("certificates:mine"))
    with django_assert_max_num_queries(6):
        client.get(reverse("certificates:mine"))


def test_course_page_and_dashboard_show_the_certificate(client_for, certificate, setup):
    client = client_for(setup.people["done"])
    setup.course.save_revision().publish()
    body = client.get(setup.course.url).content.decode()
    assert certificate.serial in body and reverse("certificates:download", args=[certificate.code]) in body
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert certificate.serial in dashboard
    assert certificate.serial not in client_for(setup.people["idle"]).get(reverse("dashboard")).content.decode()


def test_cohort_page_links_to_certificates_for_staff(client_for, instructor, setup):
    body = client_for(instructor).get(reverse("courses:cohort_detail", args=[setup.cohort.pk])).content.decode()
    assert reverse("certificates:cohort", args=[setup.cohort.pk]) in body


MENU = {
    "anonymous": False,
    "holder": True,
    "other_trainee": True,
    "instructor": False,
    "other_instructor": False,
    "officer": False,
    "admin": True,  # the admin holds every role's menu
}


@pytest.mark.parametrize("role", MENU)
def test_sertifikat_saya_in_the_phone_menu_and_the_desktop_nav_for_trainees_only(client_for, people, role):
    """base.html prints the menu twice (the phone's <details> and the desktop's <nav>): the link is
    in both for a trainee, in neither for staff; anonymous visitors get the login links."""
    response = client_for(people[role]).get("/", follow=True)
    html = response.content.decode()
    phone = html.split('class="menu menu-phone"', 1)[1].split("</details>", 1)[0]
    wide = html.split('class="menu menu-wide"', 1)[1].split("</nav>", 1)[0]
    link = f'href="{reverse("certificates:mine")}">Sertifikat saya</a>'
    assert (link in phone) == MENU[role]
    assert (link in wide) == MENU[role]
    if MENU[role]:
        assert client_for(people[role]).get(reverse("certificates:mine")).status_code == 200
