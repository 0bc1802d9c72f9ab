"""Every courses page for every role: anonymous, trainee enrolled / not enrolled, the course's
instructor, another instructor, officer. (Cohort pages and lessons have their own matrices in
test_views.py and test_pages.py; this file covers the rest.)"""

import datetime as dt

import pytest
from django.utils import timezone

from courses.models import LessonProgress
from lms import roles

ROLES = [None, "enrolled", "not_enrolled", "course_instructor", "other_instructor", "officer"]


@pytest.fixture
def world(make_course, make_cohort, enrol, make_user):
    tree = make_course(lessons=(2, 1), quizzes=1, release_dates=[None, timezone.localdate() + dt.timedelta(days=3)])
    people = {
        "enrolled": make_user(roles.TRAINEE),
        "not_enrolled": make_user(roles.TRAINEE),
        "course_instructor": make_user(roles.INSTRUCTOR),
        "other_instructor": make_user(roles.INSTRUCTOR),
        "officer": make_user(roles.OFFICER),
    }
    cohort = make_cohort(tree.course, instructors=[people["course_instructor"]], code="PERAN2026")
    # "Another instructor" teaches a cohort of another course (teaching any cohort of this course
    # makes one this course's instructor).
    other = make_cohort(make_course(lessons=(1,)).course, instructors=[people["other_instructor"]])
    enrol(people["enrolled"], cohort)
    return tree, cohort, other, people


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.django_db
def test_catalogue_and_module_pages(world, client_for, who):
    tree, _cohort, _other, people = world
    client = client_for(people.get(who))
    catalogue = client.get(tree.course.get_parent().url)
    assert catalogue.status_code == 200 and tree.course.title in catalogue.content.decode()
    module = client.get(tree.modules[0].url)
    assert module.status_code == 302 and module["Location"] == f"{tree.course.url}#hari-1"


@pytest.mark.parametrize(
    "who,links,code_form,login_button",
    [
        (None, False, False, True),
        ("enrolled", True, False, False),
        ("not_enrolled", False, True, False),
        ("course_instructor", True, False, False),
        ("other_instructor", False, True, False),
        ("officer", True, False, False),
    ],
)
@pytest.mark.django_db
def test_course_page(world, client_for, who, links, code_form, login_button):
    tree, _cohort, _other, people = world
    response = client_for(people.get(who)).get(tree.course.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ringkasan kursus." in body and "Hari 1" in body
    assert (tree.lessons[0].url in body) is links
    assert ('action="/kursus/daftar/"' in body) is code_form
    assert ("Masuk untuk membuka materi" in body) is login_button
    # Only the enrolled trainee gets a progress box.
    assert ("Kemajuan Anda" in body) is (who == "enrolled")
    # The not-yet-released day is a link only for those who teach (to check it before release).
    locked = tree.lessons[2].url in body
    assert locked is (who in ("course_instructor", "officer"))


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.django_db
def test_trainee_pages(world, client_for, who):
    _tree, _cohort, _other, people = world
    client = client_for(people.get(who))
    for url in ("/kursus/saya/", "/kursus/daftar/", "/kursus/presensi/"):
        response = client.get(url)
        if who is None:
            assert response.status_code == 302 and response["Location"].startswith("/akun/login/?next="), url
        else:
            assert response.status_code == 200, url


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.django_db
def test_mark_lesson_done(world, client_for, who):
    tree, _cohort, _other, people = world
    lesson = tree.lessons[0]
    response = client_for(people.get(who)).post(f"/kursus/pelajaran/{lesson.pk}/selesai/", follow=True)
    marked = LessonProgress.objects.filter(lesson=lesson).exists()
    if who is None:
        assert "/akun/login/" in response.redirect_chain[0][0] and not marked
    elif who == "enrolled":
        assert marked and "ditandai selesai" in response.content.decode()
    else:
        # Only enrolled trainees keep progress; the others are told why and nothing is written.
        assert not marked and "belum terdaftar" in response.content.decode()


@pytest.mark.parametrize(
    "who,mine,everything",
    [
        (None, 302, 302),
        ("enrolled", 403, 403),
        ("not_enrolled", 403, 403),
        ("course_instructor", 200, 403),
        ("other_instructor", 200, 403),
        ("officer", 403, 200),
    ],
)
@pytest.mark.django_db
def test_cohort_lists(world, client_for, who, mine, everything):
    _tree, cohort, other, people = world
    client = client_for(people.get(who))
    response = client.get("/kursus/mengajar/")
    assert response.status_code == mine
    if who == "other_instructor":
        body = response.content.decode()
        assert other.name in body and f"/kursus/angkatan/{cohort.pk}/" not in body
    assert client.get("/kursus/angkatan/").status_code == everything


@pytest.mark.parametrize(
    "who,index,sees_cohort,edit,bulk",
    [
        (None, "login", False, "login", "login"),
        ("enrolled", "denied", False, "denied", "denied"),
        ("not_enrolled", "denied", False, "denied", "denied"),
        ("course_instructor", 200, True, 200, 200),
        ("other_instructor", 200, False, "denied", "denied"),
        ("officer", 200, True, 200, 200),
    ],
)
@pytest.mark.django_db
def test_admin_training_screens(world, client_for, who, index, sees_cohort, edit, bulk):
    _tree, cohort, _other, people = world
    client = client_for(people.get(who))

    def check(url, expected):
        response = client.get(url)
        if expected == "login":
            assert response.status_code == 302 and "login" in response["Location"], url
        elif expected == "denied":
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response["Location"] == "/admin/" or "login" in response["Location"], url
        else:
            assert response.status_code == expected, url
        return response

    for url in ("/admin/kursus/angkatan/", "/admin/kursus/sesi/", "/admin/kursus/pendaftaran/"):
        response = check(url, index)
        if index == 200:
            assert (f"/admin/kursus/angkatan/edit/{cohort.pk}/" in response.content.decode()) is sees_cohort or (
                url != "/admin/kursus/angkatan/"
            )
    check(f"/admin/kursus/angkatan/edit/{cohort.pk}/", edit)
    check(f"/admin/kursus/angkatan/{cohort.pk}/impor/", bulk)
