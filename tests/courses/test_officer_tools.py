"""Officer tools (issue 7 item 8): a plain choice of courses when creating a cohort, a way back to
the cohort after a CSV import, a warning for people who already completed the course."""

import re

import pytest

from courses.models import Cohort, Completion, Enrollment
from lms import roles

pytestmark = pytest.mark.django_db


def test_the_cohort_form_offers_courses_by_title_in_a_plain_select(make_course, client_for, officer):
    first = make_course(title="Manajemen Koperasi").course
    second = make_course(title="Akuntansi Dasar").course
    html = client_for(officer).get("/admin/kursus/angkatan/new/").content.decode()
    select = re.search(r'<select name="course"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, "the course is a plain <select>"
    options = re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select.group(1))
    assert [title for _pk, title in options[1:]] == ["Akuntansi Dasar", "Manajemen Koperasi"]
    assert {int(pk) for pk, _ in options[1:]} == {first.pk, second.pk}
    assert "Pilih halaman" not in html and "page-chooser" not in html
    data = {
        "course": second.pk,
        "name": "Angkatan II",
        "start_date": "2027-01-10",
        "end_date": "2027-01-13",
        "venue": "Aula Dinas",
        "capacity": 25,
        "enrolment_code": "KOPDUA27",
        "status": "open",
    }
    assert client_for(officer).post("/admin/kursus/angkatan/new/", data).status_code == 302
    assert Cohort.objects.get(name="Angkatan II").course_id == second.pk


def test_a_cohort_cannot_name_a_page_that_is_not_a_course(make_course, client_for, officer):
    tree = make_course()
    data = {
        "course": tree.lessons[0].pk,
        "name": "Angkatan Salah",
        "start_date": "2027-01-10",
        "end_date": "2027-01-13",
        "capacity": 25,
        "enrolment_code": "SALAH123",
        "status": "open",
    }
    response = client_for(officer).post("/admin/kursus/angkatan/new/", data)
    assert response.status_code == 200
    assert not Cohort.objects.filter(name="Angkatan Salah").exists()


def test_after_an_import_the_report_links_back_to_the_cohort_and_warns_about_graduates(
    make_course, make_cohort, make_user, enrol, client_for, officer
):
    tree = make_course()
    earlier = make_cohort(tree.course, sessions=1)
    graduate = make_user(roles.TRAINEE, full_name="Rina Lestari", email="rina@example.test")
    done = enrol(graduate, earlier, status=Enrollment.Status.COMPLETED)
    Completion.objects.create(enrollment=done, snapshot={})
    cohort = make_cohort(tree.course, sessions=1)
    from django.urls import reverse

    url = reverse("courses_admin_bulk_enrol", args=[cohort.pk])
    response = client_for(officer).post(
        url,
        {
            "file": _csv(
                "nama,email\nRina Lestari,rina@example.test\nBudi Baru,budi@example.test\n",
            )
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    detail = reverse("courses:cohort_detail", args=[cohort.pk])
    assert f'href="{detail}"' in html
    assert "1 orang yang diimpor sudah pernah lulus kursus ini" in html
    assert f"sudah lulus kursus ini di {earlier.name}" in html
    assert cohort.enrollments.count() == 2  # warned, still enrolled: the officer decides


def test_the_import_screen_links_back_before_any_upload_and_is_refused_to_others(
    make_course, make_cohort, make_user, client_for, officer
):
    from django.urls import reverse

    cohort = make_cohort(make_course().course, sessions=1)
    url = reverse("courses_admin_bulk_enrol", args=[cohort.pk])
    html = client_for(officer).get(url).content.decode()
    assert f'href="{reverse("courses:cohort_detail", args=[cohort.pk])}"' in html
    outsider = make_user(roles.INSTRUCTOR)
    assert client_for(outsider).get(url).status_code in (302, 403)
    assert client_for(make_user(roles.TRAINEE)).get(url).status_code in (302, 403)
    assert client_for(None).get(url).status_code == 302


def _csv(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("peserta.csv", text.encode(), content_type="text/csv")
