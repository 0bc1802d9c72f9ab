"""A trainee's start (issue 7 item 5): "Mulai belajar" at 0 %, check-in offered only while it is
open (and the refusal says when it opens), the pass rule and own attendance on the course page,
one card per course after a re-import, a greeting with a first name and no doubled full stops."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory

from courses.bulk import bulk_enroll
from courses.forms import EnrolByCodeForm
from courses.models import Attendance, Completion, Enrollment
from courses.selectors import my_courses
from courses.services import mark_attendance, mark_lesson_done
from lms import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_and_cohort(make_course, make_cohort):
    tree = make_course(lessons=(2, 1))
    return tree, make_cohort(tree.course, sessions=4)


def test_a_new_trainee_gets_a_start_button_to_the_first_lesson(course_and_cohort, trainee, enrol, client_for):
    tree, cohort = course_and_cohort
    enrol(trainee, cohort)
    client = client_for(trainee)
    html = client.get("/kursus/saya/").content.decode()
    assert "Mulai belajar" in html and "Lanjutkan belajar" not in html
    assert f'href="{tree.lessons[0].url}"' in html
    page = client.get(tree.course.url).content.decode()
    assert "Mulai belajar" in page
    # Once a lesson was opened, it is "Lanjutkan belajar".
    client.get(tree.lessons[1].url)
    html = client.get("/kursus/saya/").content.decode()
    assert "Lanjutkan belajar" in html and "Mulai belajar" not in html


def _render_my_courses(user, now):
    request = RequestFactory().get("/kursus/saya/")
    request.user = user
    context = {"courses": my_courses(user=user, now=now), "form": EnrolByCodeForm(), "now": now}
    return render_to_string("courses/my_courses.html", context, request=request)


def test_check_in_is_offered_only_while_the_session_is_open(course_and_cohort, trainee, enrol):
    _tree, cohort = course_and_cohort
    enrol(trainee, cohort)
    session = cohort.sessions.get(number=1)  # today 08.00–16.00
    early = session.starts_at - dt.timedelta(hours=2)
    html = _render_my_courses(trainee, early)
    assert "Presensi sekarang" not in html
    assert "Presensi dibuka pukul 07.45" in html
    during = session.starts_at + dt.timedelta(hours=1)
    html = _render_my_courses(trainee, during)
    assert "Presensi sekarang" in html and "Presensi dibuka" not in html
    late = session.ends_at + dt.timedelta(hours=1)
    html = _render_my_courses(trainee, late)
    assert "Presensi sekarang" not in html and "sudah ditutup" in html


def test_the_course_page_shows_the_pass_rule_and_own_attendance(course_and_cohort, trainee, enrol, client_for):
    tree, cohort = course_and_cohort
    enrollment = enrol(trainee, cohort)
    sessions = list(cohort.sessions.order_by("number"))
    mark_attendance(session=sessions[0], enrollment=enrollment, status=Attendance.Status.PRESENT, recorded_by=None)
    mark_attendance(session=sessions[1], enrollment=enrollment, status=Attendance.Status.EXCUSED, recorded_by=None)
    mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    html = client_for(trainee).get(tree.course.url).content.decode()
    assert "Syarat lulus" in html
    assert "Selesaikan 3 pelajaran wajib — Anda: 1 dari 3." in html
    assert "Hadir minimal 75% dari 4 sesi tatap muka — Anda: hadir 1 dari 4 (25%)." in html
    assert "Kehadiran Anda" in html
    assert html.count('class="att att-') == 4
    assert "Hadir</span>" in html and "Izin</span>" in html


def test_others_do_not_see_a_standing_on_the_course_page(course_and_cohort, make_user, client_for):
    tree, _cohort = course_and_cohort
    for user in (None, make_user(roles.TRAINEE)):
        html = client_for(user).get(tree.course.url).content.decode()
        assert "Syarat lulus dan posisi Anda" not in html and "Kehadiran Anda" not in html


def test_a_graduate_re_imported_into_a_new_cohort_sees_the_course_once(
    course_and_cohort, make_cohort, trainee, enrol, officer, client_for
):
    tree, cohort = course_and_cohort
    first = enrol(trainee, cohort, status=Enrollment.Status.COMPLETED)
    Completion.objects.create(enrollment=first, snapshot={})
    later = make_cohort(tree.course, sessions=1)
    report = bulk_enroll(
        cohort=later, raw=f"nama,email\n{trainee.full_name},{trainee.email}\n".encode(), acting_user=officer
    )
    assert report.count_enrolled == 1
    html = client_for(trainee).get("/kursus/saya/").content.decode()
    assert html.count(f'<h2><a href="{tree.course.url}">') == 1
    assert "Lulus" in html
    assert "Lulus" in client_for(trainee).get(tree.course.url).content.decode()


@pytest.mark.parametrize(
    ("full_name", "short"),
    [
        ("Dr. Siti Aminah, M.Si.", "Siti"),
        ("Hj. Ratna Dewi", "Ratna"),
        ("Ir. H. Bambang Sutrisno", "Bambang"),
        ("Prof. Dr. Ahmad", "Ahmad"),
        ("Budi Santoso, S.E.", "Budi"),
        ("Wayan", "Wayan"),
    ],
)
def test_the_greeting_uses_a_first_name_not_a_title(make_user, full_name, short):
    assert make_user(roles.TRAINEE, full_name=full_name).get_short_name() == short


def test_dashboard_and_login_message_greet_by_name_without_a_double_full_stop(client, make_user):
    from tests.conftest import PASSWORD

    user = make_user(roles.TRAINEE, email="siti@example.test", full_name="Dr. Siti Aminah, M.Si.")
    response = client.post("/akun/login/", {"login": user.email, "password": PASSWORD}, follow=True)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    html = response.content.decode()
    assert "Selamat datang, Siti" in html
    assert "Dr.</h1>" not in html
    for text in texts:
        assert ".." not in text
    assert ".." not in html.split("<main", 1)[-1].split("</main>")[0]


def test_the_login_help_text_has_no_double_full_stop(client):
    html = client.get("/akun/login/").content.decode()
    assert "+6281234567890." in html
    assert "…." not in html and ".." not in html.split("<main", 1)[-1].split("</main>")[0]
