"""Issue 7 items 5–8, 10 and 11 in Chromium at 360 and 1366 px: the home page per role, the public
course page, the trainee's standing, the instructor's attendance sheet and compact roster, and the
Wagtail page editor in Indonesian. Screenshots go to test-results/ (site-home-<role>-<w>x<h>.png …).
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Cohort, CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage, Session
from courses.services import sync_course_editors
from lms import roles
from lms.models import HomePage
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def build(make_user):
    """A published course with two days, a cohort running today with 12 trainees, people per role."""
    home = HomePage.objects.get(depth=2)
    catalogue = home.add_child(instance=CourseIndexPage(title="Katalog", slug="katalog"))
    course = catalogue.add_child(
        instance=CoursePage(
            title="Manajemen Koperasi",
            slug="manajemen-koperasi",
            summary="Empat hari tata kelola, usaha, pembukuan dan transformasi digital koperasi.",
            objectives="<ul><li>Menyusun neraca saldo</li><li>Menghitung SHU per anggota</li></ul>",
            hours=32,
        )
    )
    lessons = []
    for day in (1, 2):
        module = course.add_child(instance=ModulePage(title=f"Hari {day}", slug=f"hari-{day}", day_number=day))
        for i in (1, 2, 3):
            lessons.append(
                module.add_child(
                    instance=LessonPage(
                        title=f"Pelajaran {day}.{i}: prinsip dan organ koperasi",
                        slug=f"pelajaran-{day}-{i}",
                        body=[("paragraph", "<p>Koperasi adalah badan usaha.</p>")],
                    )
                )
            )
    instructor = make_user(roles.INSTRUCTOR, email="narasumber@example.test", full_name="Ir. Bambang Sutrisno")
    officer = make_user(roles.OFFICER, email="petugas@example.test", full_name="Hj. Ratna Dewi")
    trainee = make_user(roles.TRAINEE, email="peserta@example.test", full_name="Dr. Siti Aminah, M.Si.")
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan I 2026",
        start_date=today,
        end_date=today + dt.timedelta(days=1),
        venue="Aula Dinas Koperasi Kota",
        status=Cohort.Status.OPEN,
        enrolment_code="SINAU2026",
    )
    cohort.instructors.set([instructor])
    sync_course_editors(course=course)
    for number in (1, 2):
        Session.objects.create(
            cohort=cohort,
            number=number,
            title=f"Hari {number}",
            date=today + dt.timedelta(days=number - 1),
            start_time=dt.time(0, 0),
            end_time=dt.time(23, 59),
            location="Aula Dinas",
        )
    Enrollment.objects.create(user=trainee, cohort=cohort)
    for n in range(11):
        person = make_user(
            roles.TRAINEE, full_name=f"Peserta Nomor {n + 1:02d} Dengan Nama Panjang", organisation="KSP Sejahtera"
        )
        Enrollment.objects.create(user=person, cohort=cohort)
    return course, lessons, cohort, {"trainee": trainee, "instructor": instructor, "officer": officer}


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide at {page.viewport_size['width']}px"


def test_home_and_course_page_for_anonymous_visitors(sized_page, live_server, make_user):
    course, lessons, cohort, _people = build(make_user)
    page = sized_page
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Kursus yang terbuka")).to_be_visible()
    expect(page.get_by_text(cohort.name)).to_be_visible()
    expect(page.get_by_role("link", name="Periksa sertifikat")).to_be_visible()
    no_sideways_scroll(page)
    screenshot(page, "site-home-anonymous")
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_role("heading", name="Yang akan Anda pelajari")).to_be_visible()
    expect(page.get_by_text("Lama: 32 JP (jam pelajaran)")).to_be_visible()
    expect(page.get_by_role("heading", name="Cara ikut")).to_be_visible()
    expect(page.get_by_text(lessons[0].title)).to_be_visible()
    assert page.locator('meta[property="og:title"]').get_attribute("content") == course.title
    no_sideways_scroll(page)
    screenshot(page, "course-public")


@pytest.mark.parametrize("role", ["trainee", "instructor", "officer"])
def test_home_shows_each_role_its_next_step(sized_page, live_server, make_user, role):
    course, lessons, cohort, people = build(make_user)
    page = sized_page
    sign_in(page, live_server, people[role].email, PASSWORD)
    page.goto(f"{live_server.url}/")
    step = page.locator(".next-step").first
    expect(step).to_be_visible()
    action = {"trainee": "Presensi sekarang", "instructor": "Catat kehadiran", "officer": "Lihat peserta dan kehadiran"}
    button = step.get_by_role("link", name=action[role])
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["y"] < page.viewport_size["height"], "the next step is on the first screen"
    no_sideways_scroll(page)
    screenshot(page, f"site-home-{role}")
    with page.expect_navigation():
        button.click()
    assert page.url.split("?")[0].endswith(
        {
            "trainee": "/kursus/presensi/",
            "instructor": f"/kursus/angkatan/{cohort.pk}/sesi/{cohort.sessions.get(number=1).pk}/presensi/",
            "officer": f"/kursus/angkatan/{cohort.pk}/",
        }[role]
    )


def test_trainee_sees_the_pass_rule_and_own_attendance(sized_page, live_server, make_user):
    course, lessons, cohort, people = build(make_user)
    page = sized_page
    sign_in(page, live_server, people["trainee"].email, PASSWORD)
    page.goto(f"{live_server.url}/kursus/saya/")
    expect(page.get_by_role("link", name="Mulai belajar")).to_be_visible()
    expect(page.get_by_role("link", name="Presensi sekarang")).to_be_visible()
    page.goto(f"{live_server.url}{course.url}")
    expect(page.get_by_role("heading", name="Syarat lulus dan posisi Anda")).to_be_visible()
    expect(page.get_by_role("heading", name="Kehadiran Anda")).to_be_visible()
    no_sideways_scroll(page)
    screenshot(page, "course-trainee-standing")


def test_instructor_marks_everyone_present_and_reads_the_roster_on_any_screen(sized_page, live_server, make_user):
    course, lessons, cohort, people = build(make_user)
    page = sized_page
    sign_in(page, live_server, people["instructor"].email, PASSWORD)
    session = cohort.sessions.get(number=1)
    page.goto(f"{live_server.url}/kursus/angkatan/{cohort.pk}/sesi/{session.pk}/presensi/")
    # Every status word is shown whole, inside the screen.
    for chip in page.locator(".attendance-sheet .chip").all()[:8]:
        box = chip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
        assert chip.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    no_sideways_scroll(page)
    screenshot(page, "attendance-sheet")
    with page.expect_navigation():
        page.get_by_role("button", name="Semua hadir").click()
    expect(page.get_by_text("Kehadiran disimpan (12 perubahan).")).to_be_visible()
    assert page.locator(".attendance-sheet input[value=present]:checked").count() == 12
    # Change one exception and save.
    page.locator(".attendance-sheet li").first.get_by_text("Izin").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan kehadiran").click()
    # Roster: a compact list with a filter.
    rows = page.locator(".roster-list > li")
    expect(rows).to_have_count(12)
    per_row = page.locator(".roster-list").bounding_box()["height"] / 12
    assert per_row < 110, f"{per_row:.0f}px per trainee"
    page.fill("#roster-q", "Siti")
    with page.expect_navigation():
        page.get_by_role("button", name="Saring").click()
    expect(rows).to_have_count(1)
    no_sideways_scroll(page)
    screenshot(page, "roster-filtered")


def test_the_page_editor_speaks_indonesian(sized_page, live_server, make_user):
    course, lessons, cohort, people = build(make_user)
    page = sized_page
    sign_in(page, live_server, people["instructor"].email, PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{lessons[0].pk}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    page.wait_for_load_state("networkidle")
    text = page.locator("body").inner_text()
    for english in ("Collapse all", "Search options", "Reports", "Toggle sidebar", "Saved", "Help"):
        assert english not in text, english
    assert "gravatar" not in page.content().lower()
    screenshot(page, "admin-lesson-editor")
