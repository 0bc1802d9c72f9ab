"""The public course page (issue 7 item 6) and the home page per role (item 11)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from courses.models import Cohort, LessonProgress
from lms import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered(make_course, make_cohort, instructor):
    tree = make_course(lessons=(2, 1), quizzes=1, hours=32)
    tree.course.objectives = "<ul><li>Menyusun neraca saldo</li></ul>"
    tree.course.save_revision().publish()
    next_month = timezone.localdate() + dt.timedelta(days=30)
    upcoming = make_cohort(
        tree.course, sessions=2, first_day=next_month, venue="Aula Dinas Koperasi", instructors=[instructor]
    )
    finished = make_cohort(
        tree.course, sessions=1, first_day=timezone.localdate() - dt.timedelta(days=60), status=Cohort.Status.FINISHED
    )
    draft = make_cohort(tree.course, sessions=1, first_day=next_month, status=Cohort.Status.DRAFT)
    return tree, upcoming, finished, draft


def test_the_public_course_page_says_what_a_dinas_would_share(offered, client):
    tree, upcoming, finished, draft = offered
    html = client.get(tree.course.url).content.decode()
    assert "Yang akan Anda pelajari" in html and "Menyusun neraca saldo" in html
    assert "32 JP (jam pelajaran)" in html
    # What each day covers, by lesson title (the content itself stays for enrolled trainees).
    for lesson in tree.lessons:
        assert lesson.title in html
        assert f'href="{lesson.url}"' not in html
    assert upcoming.name in html and "Aula Dinas Koperasi" in html
    assert finished.name not in html and draft.name not in html
    assert "Cara ikut" in html and 'href="/akun/signup/"' in html and "kode pendaftaran" in html


def test_the_course_page_has_open_graph_tags_for_link_previews(offered, client):
    tree, upcoming, *_ = offered
    html = client.get(tree.course.url).content.decode()

    def og(prop):
        match = re.search(rf'<meta property="og:{prop}" content="([^"]*)">', html)
        return match.group(1) if match else None

    assert og("title") == tree.course.title
    assert tree.course.summary in og("description") and "32 JP" in og("description")
    assert upcoming.name in og("description")
    assert og("url") == f"http://testserver{tree.course.url}"
    assert og("image").startswith("http://testserver/static/") and og("image").endswith(".png")
    assert og("type") == "website" and og("locale") == "id_ID"


def test_enrolled_trainees_and_instructors_do_not_get_the_join_box(offered, trainee, instructor, enrol, client_for):
    tree, upcoming, *_ = offered
    enrol(trainee, upcoming)
    for user in (trainee, instructor):
        html = client_for(user).get(tree.course.url).content.decode()
        assert "Cara ikut" not in html
        assert f'href="{tree.lessons[0].url}"' in html


def test_the_home_page_for_anonymous_visitors(offered, client):
    tree, upcoming, finished, _draft = offered
    html = client.get("/").content.decode()
    assert "Sinau adalah tempat belajar" in html
    assert tree.course.title in html and f'href="{tree.course.url}"' in html
    assert upcoming.name in html and finished.name not in html
    assert 'href="/certificates/verify/"' in html
    assert 'href="/akun/signup/"' in html and 'href="/akun/login/"' in html
    assert "Cara ikut: buat akun di Sinau" in html


def test_the_home_page_gives_a_trainee_the_next_step(offered, make_user, enrol, client_for):
    tree, upcoming, *_ = offered
    newcomer = make_user(roles.TRAINEE, full_name="Dr. Siti Aminah, M.Si.")
    client = client_for(newcomer)
    html = client.get("/").content.decode()
    assert "Selamat datang, Siti" in html
    assert "Masukkan kode pendaftaran" in html and 'href="/kursus/daftar/"' in html
    assert "Cara ikut" not in html  # the public "how to join" is for visitors; the next step says it
    assert upcoming.name in html  # the schedule stays
    enrol(newcomer, upcoming)
    html = client.get("/").content.decode()
    assert "Mulai belajar" in html and f'href="{tree.lessons[0].url}"' in html
    client.get(tree.lessons[1].url)
    LessonProgress.objects.create(user=newcomer, lesson=tree.lessons[0])
    html = client.get("/").content.decode()
    assert "Lanjutkan belajar" in html and f'href="{tree.lessons[1].url}"' in html


def test_the_home_page_gives_an_instructor_the_next_session(offered, instructor, client_for):
    _tree, upcoming, *_ = offered
    html = client_for(instructor).get("/").content.decode()
    session = upcoming.sessions.order_by("number").first()
    assert f"Sesi berikutnya: {session.title}" in html
    assert f'href="/kursus/angkatan/{upcoming.pk}/sesi/{session.pk}/presensi/"' in html


def test_the_home_page_gives_an_officer_the_next_cohort_or_a_new_one(offered, officer, client_for):
    _tree, upcoming, *_ = offered
    html = client_for(officer).get("/").content.decode()
    assert f"Angkatan berikutnya: {upcoming.name}" in html
    assert f'href="/kursus/angkatan/{upcoming.pk}/"' in html
    Cohort.objects.update(status=Cohort.Status.FINISHED)
    html = client_for(officer).get("/").content.decode()
    assert "Buat angkatan baru" in html and 'href="/admin/kursus/angkatan/new/"' in html


def test_the_dashboard_shows_the_same_next_step(offered, make_user, client_for):
    html = client_for(make_user(roles.TRAINEE)).get("/beranda/").content.decode()
    assert "Masukkan kode pendaftaran" in html
