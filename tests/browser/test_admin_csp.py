"""The Wagtail and Django admins work under the ENFORCED Content-Security-Policy (issue 9, item 17).

An admin and a course's instructor open the main admin screens in Chromium: dashboard, page
explorer, a lesson's and a quiz's editor (typing in the rich-text editor, the live preview panel),
the certificate template with its live preview and image chooser, the cohort, enrolment and venture
viewsets (list, filter, edit), reports, settings, users, the account page and the Django admin.
Every Content-Security-Policy violation (the `securitypolicyviolation` event, in every frame) and
every console error or uncaught exception fails the test, with the page it happened on.
"""

import pytest
from playwright.sync_api import Error as PlaywrightError

from courses.services import sync_course_editors
from lms import roles
from tests.browser.conftest import sign_in
from tests.certificates.conftest import templates  # noqa: F401 (fixture)
from tests.conftest import PASSWORD
from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 (fixtures)
from tests.quizzes.conftest import (  # noqa: F401 (fixtures)
    course_with_bank,
    make_category,
    make_question,
    make_quiz,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.disposition} ${e.violatedDirective} blocked=${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""


class AdminWalk:
    """One signed-in page; `open` visits a path and records what went wrong there."""

    def __init__(self, browser, live_server, email):
        self.base = live_server.url
        self.context = browser.new_context(viewport={"width": 1366, "height": 800}, locale="id-ID")
        self.context.set_default_timeout(15_000)
        self.context.add_init_script(WATCH_VIOLATIONS)
        self.page = self.context.new_page()
        self.where = "login"
        self.problems = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"{self.where}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"{self.where}: uncaught {e}"))
        sign_in(self.page, live_server, email, PASSWORD)

    def collect(self):
        for frame in self.page.frames:
            try:
                found = frame.evaluate("window.__cspViolations || []")
            except PlaywrightError:  # a frame navigating away (the preview reloading) has nothing to say
                continue
            self.problems += [f"{self.where}: CSP {v}" for v in found]

    def open(self, path, *, status=200):
        self.where = path
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response.status == status, f"{path}: HTTP {response.status}"
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "content-security-policy-report-only" not in response.headers
        self.collect()
        return response

    def type_in_rich_text(self):
        editor = self.page.locator(".Draftail-Editor [contenteditable=true]").first
        editor.click()
        self.page.keyboard.type(" Uji kebijakan keamanan")
        self.page.wait_for_timeout(300)
        self.collect()

    def open_preview(self):
        self.page.locator('button[data-side-panel-toggle="preview"]').first.click()
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('iframe')].some(f => f.src.includes('preview'))"
        )
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(500)
        # A preview the policy refused to frame shows as chrome-error:// with a console error.
        assert not any(frame.url.startswith("chrome-error:") for frame in self.page.frames), "preview refused"
        self.collect()


@pytest.fixture
def admin_world(course_with_bank, make_quiz, templates, make_user):  # noqa: F811
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]])
    instructor = make_user(roles.INSTRUCTOR, email="narasumber-csp@example.test", full_name="Ir. Bambang")
    course_with_bank.cohort.instructors.add(instructor)
    sync_course_editors(course=course_with_bank.course)
    admin = make_user(roles.ADMIN, email="admin-csp@example.test", full_name="Admin Sinau")
    return {
        "course": course_with_bank.course,
        "module": course_with_bank.module,
        "lesson": course_with_bank.tree.lessons[0],
        "quiz": quiz,
        "cohort": course_with_bank.cohort,
        "template": templates["completion"],
        "admin": admin,
        "instructor": instructor,
    }


def test_admin_screens_raise_no_csp_violation_or_console_error(browser_session, live_server, admin_world):
    w = admin_world
    walk = AdminWalk(browser_session, live_server, w["admin"].email)
    walk.open("/admin/")
    walk.open("/admin/pages/")
    walk.open(f"/admin/pages/{w['module'].pk}/")
    walk.open(f"/admin/pages/{w['lesson'].pk}/edit/")
    walk.type_in_rich_text()
    walk.open_preview()
    walk.open(f"/admin/pages/{w['quiz'].pk}/edit/")
    walk.open_preview()
    walk.open(f"/admin/pages/add/courses/lessonpage/{w['module'].pk}/")
    walk.open(f"/admin/sertifikat/templat/edit/{w['template'].pk}/")
    walk.open_preview()
    walk.open(f"/admin/sertifikat/templat/edit/{w['template'].pk}/")
    assert walk.problems == []  # said here: a blocked chooser initialiser would only show as a timeout below
    walk.page.locator("button[data-chooser-action-choose]:visible").first.click()
    walk.page.locator(".modal-content").first.wait_for()
    walk.page.wait_for_load_state("networkidle")
    walk.collect()
    walk.page.keyboard.press("Escape")
    for path in (
        "/admin/snippets/",
        "/admin/images/",
        "/admin/kursus/angkatan/",
        f"/admin/kursus/angkatan/edit/{w['cohort'].pk}/",
        "/admin/kursus/pendaftaran/?status=active",
        "/admin/kursus/sesi/",
        "/admin/inkubasi/usaha/",
        "/admin/inkubasi/kpi/",
        "/admin/kuis/soal/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow_tasks/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/sites/new/",
        "/admin/collections/",
        "/admin/account/",
        "/django-admin/",
        "/django-admin/django_celery_beat/periodictask/add/",
    ):
        walk.open(path)
    export = walk.context.request.get(f"{live_server.url}/admin/kursus/pendaftaran/?export=csv")
    assert export.status == 200 and "attachment" in export.headers.get("content-disposition", "")
    assert walk.problems == []

    teacher = AdminWalk(browser_session, live_server, w["instructor"].email)
    teacher.open("/admin/")
    teacher.open(f"/admin/pages/{w['module'].pk}/")
    teacher.open(f"/admin/pages/{w['lesson'].pk}/edit/")
    teacher.type_in_rich_text()
    teacher.open_preview()
    teacher.open(f"/admin/pages/{w['quiz'].pk}/edit/")
    teacher.open("/admin/kursus/angkatan/")
    teacher.open(f"/admin/kursus/angkatan/edit/{w['cohort'].pk}/")
    teacher.open("/admin/kuis/soal/")
    assert teacher.problems == []
