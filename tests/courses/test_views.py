"""Who may open each courses page: anonymous, trainee (enrolled or not), instructors, officer."""

import datetime as dt

import pytest

from courses.models import Enrollment
from lms import roles


@pytest.fixture
def world(make_course, make_cohort, enrol, make_user):
    tree = make_course(lessons=(2,))
    people = {
        "enrolled": make_user(roles.TRAINEE),
        "not_enrolled": make_user(roles.TRAINEE),
        "course_instructor": make_user(roles.INSTRUCTOR),
        "other_instructor": make_user(roles.INSTRUCTOR),
        "officer": make_user(roles.OFFICER),
    }
    cohort = make_cohort(tree.course, instructors=[people["course_instructor"]], code="BUKA2026")
    other_cohort = make_cohort(tree.course, instructors=[people["other_instructor"]])
    enrol(people["enrolled"], cohort)
    return tree, cohort, other_cohort, people


def cohort_urls(cohort):
    session = cohort.sessions.first()
    return [
        f"/kursus/angkatan/{cohort.pk}/",
        f"/kursus/angkatan/{cohort.pk}/kehadiran/",
        f"/kursus/angkatan/{cohort.pk}/kehadiran/?format=csv",
        f"/kursus/angkatan/{cohort.pk}/sesi/{session.pk}/presensi/",
        f"/kursus/angkatan/{cohort.pk}/sesi/{session.pk}/kode/",
    ]


@pytest.mark.parametrize(
    "who,expected",
    [
        (None, 302),
        ("enrolled", 403),
        ("not_enrolled", 403),
        ("course_instructor", 200),
        ("other_instructor", 403),
        ("officer", 200),
    ],
)
@pytest.mark.django_db
def test_cohort_pages_per_role(world, client_for, who, expected):
    _tree, cohort, _other, people = world
    client = client_for(people.get(who))
    for url in cohort_urls(cohort):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert "/akun/login/" in response["Location"]


@pytest.mark.django_db
def test_unknown_cohort_is_404(world, client_for):
    _tree, _cohort, _other, people = world
    assert client_for(people["officer"]).get("/kursus/angkatan/99999/").status_code == 404


@pytest.mark.parametrize(
    "who,mine,officers",
    [
        (None, 302, 302),
        ("enrolled", 403, 403),
        ("course_instructor", 200, 403),
        ("officer", 403, 200),
    ],
)
@pytest.mark.django_db
def test_cohort_lists_per_role(world, client_for, who, mine, officers):
    _tree, cohort, other, people = world
    client = client_for(people.get(who))
    response = client.get("/kursus/mengajar/")
    assert response.status_code == mine
    if mine == 200:
        assert cohort.name in response.content.decode() and other.name not in response.content.decode()
    response = client.get("/kursus/angkatan/")
    assert response.status_code == officers
    if officers == 200:
        assert cohort.name in response.content.decode() and other.name in response.content.decode()


@pytest.mark.parametrize("who,expected", [(None, 302), ("enrolled", 200), ("not_enrolled", 200)])
@pytest.mark.django_db
def test_trainee_pages_need_a_login(world, client_for, who, expected):
    _tree, _cohort, _other, people = world
    client = client_for(people.get(who))
    for url in ("/kursus/saya/", "/kursus/daftar/", "/kursus/presensi/"):
        assert client.get(url).status_code == expected, url


@pytest.mark.django_db
def test_my_courses_lists_only_my_enrolments(world, client_for):
    tree, _cohort, _other, people = world
    assert tree.course.title in client_for(people["enrolled"]).get("/kursus/saya/").content.decode()
    body = client_for(people["not_enrolled"]).get("/kursus/saya/").content.decode()
    assert "belum terdaftar" in body


@pytest.mark.django_db
def test_enrol_form_answers_in_the_form(world, client_for):
    _tree, cohort, _other, people = world
    client = client_for(people["not_enrolled"])
    wrong = client.post("/kursus/daftar/", {"code": "SALAH999"})
    assert wrong.status_code == 400 and "tidak dikenal" in wrong.content.decode()
    ok = client.post("/kursus/daftar/", {"code": "buka2026"})
    assert ok.status_code == 302 and ok["Location"] == "/kursus/saya/"
    assert Enrollment.objects.filter(user=people["not_enrolled"], cohort=cohort).exists()
    # A repeat (double tap, old tab) is not an error for the trainee: it lands on Kursus saya.
    again = client.post("/kursus/daftar/", {"code": "BUKA2026"}, follow=True)
    assert again.redirect_chain == [("/kursus/saya/", 302)]
    assert "sudah terdaftar di angkatan ini" in again.content.decode()
    assert Enrollment.objects.filter(user=people["not_enrolled"], cohort=cohort).count() == 1


@pytest.mark.django_db
def test_navigation_links_resolve(world, client_for):
    _tree, _cohort, _other, people = world
    assert 'href="/kursus/saya/"' in client_for(people["enrolled"]).get("/beranda/").content.decode()
    assert 'href="/kursus/mengajar/"' in client_for(people["course_instructor"]).get("/beranda/").content.decode()
    assert 'href="/kursus/angkatan/"' in client_for(people["officer"]).get("/beranda/").content.decode()


@pytest.mark.django_db
def test_my_courses_offers_todays_check_in(world, client_for):
    _tree, cohort, _other, people = world
    session = cohort.sessions.get(number=1)  # the fixture's first session is today, 08.00–16.00
    # Check-in is offered only while it is open: make the session last the whole day, so the test
    # holds at any hour it runs (CI ran it at 22.23 WIB, after the window had closed).
    session.start_time, session.end_time = dt.time(0, 0), dt.time(23, 59)
    session.save(update_fields=["start_time", "end_time"])
    body = client_for(people["enrolled"]).get("/kursus/saya/").content.decode()
    assert f"/kursus/presensi/?sesi={session.pk}" in body
    form = client_for(people["enrolled"]).get(f"/kursus/presensi/?sesi={session.pk}&kode=123456").content.decode()
    assert 'value="123456"' in form and f'value="{session.pk}"' in form


@pytest.mark.parametrize(
    "fields,code,message",
    [
        ({}, "", "Tulis kode pendaftaran"),
        ({}, "SALAH999", "tidak dikenal"),
        ({"code_expires_at": "past"}, "LAMA2026", "sudah tidak berlaku"),
        ({"capacity": 1}, "PENUH2026", "sudah penuh"),
        ({"status": "draft"}, "DRAF2026", "sedang tidak dibuka"),
    ],
)
@pytest.mark.django_db
def test_enrol_form_explains_each_refusal_on_the_code_field(
    make_course, make_cohort, enrol, make_user, client_for, fields, code, message
):
    from django.utils import timezone

    if fields.get("code_expires_at") == "past":
        fields["code_expires_at"] = timezone.now() - dt.timedelta(hours=1)
    cohort = make_cohort(make_course().course, code=code if code.endswith("2026") else "ADA2026", **fields)
    if fields.get("capacity") == 1:
        enrol(make_user(roles.TRAINEE), cohort)
    user = make_user(roles.TRAINEE)
    response = client_for(user).post("/kursus/daftar/", {"code": code})
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body and 'class="errors"' in body
    assert not Enrollment.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_cohort_pages_link_to_the_admin_screens_each_role_may_use(world, client_for):
    _tree, cohort, _other, people = world
    officer_list = client_for(people["officer"]).get("/kursus/angkatan/").content.decode()
    assert 'href="/admin/kursus/angkatan/new/"' in officer_list
    teacher_list = client_for(people["course_instructor"]).get("/kursus/mengajar/").content.decode()
    assert 'href="/admin/kursus/angkatan/new/"' not in teacher_list
    for who in ("officer", "course_instructor"):
        detail = client_for(people[who]).get(f"/kursus/angkatan/{cohort.pk}/").content.decode()
        assert f'href="/admin/kursus/angkatan/edit/{cohort.pk}/"' in detail
        assert 'href="/admin/kursus/sesi/new/"' in detail
        assert f'href="/admin/kursus/sesi/?cohort={cohort.pk}"' in detail
    listing = client_for(people["officer"]).get(f"/admin/kursus/sesi/?cohort={cohort.pk}")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert all(f"/admin/kursus/sesi/edit/{s.pk}/" in body for s in cohort.sessions.all())
    assert not any(f"/admin/kursus/sesi/edit/{s.pk}/" in body for s in _other.sessions.all())
