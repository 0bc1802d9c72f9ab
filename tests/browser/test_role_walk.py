"""Each role's main pages in Chromium under the enforced policy, at 360×740 and 1366×800 (issue 9).

Trainee, instructor, officer, venture contact and admin (one table, ROLE_PAGES) sign in once (one
browser and one signed-in context per role) and open their main pages at both sizes. On every page:
HTTP 200, `Cache-Control: private, no-store` (a signed-in page), an enforced
Content-Security-Policy, no violation of it, no console error or uncaught exception, and no
horizontal overflow (`document.documentElement.scrollWidth <= innerWidth`). The world is
tests/security/conftest.py's.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import VIEWPORTS, sign_in
from tests.conftest import PASSWORD
from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 (fixtures)
from tests.security.conftest import world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked=${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""


def walk(browser, live_server, user, paths):
    context = browser.new_context(viewport=VIEWPORTS["phone"], locale="id-ID")
    context.set_default_timeout(15_000)
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    where = {"path": "login"}
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{where['path']}: console {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{where['path']}: uncaught {e}"))
    sign_in(page, live_server, user.email, PASSWORD)
    for name, size in VIEWPORTS.items():
        page.set_viewport_size(size)
        for path in paths:
            where["path"] = f"{path} @{name}"
            response = page.goto(live_server.url + path)
            assert response.status == 200, f"{where['path']}: HTTP {response.status}"
            headers = response.headers
            cache = headers.get("cache-control", "")
            if "private" not in cache or "no-store" not in cache:
                problems.append(f"{where['path']}: Cache-Control {cache!r}")
            if "script-src 'self'" not in headers.get("content-security-policy", ""):
                problems.append(f"{where['path']}: no enforced Content-Security-Policy")
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if widths[0] > widths[1]:
                problems.append(f"{where['path']}: {widths[0]} px wide in a {widths[1]} px window")
            problems += [f"{where['path']}: CSP {v}" for v in page.evaluate("window.__cspViolations")]
    context.close()
    assert problems == []


# Each role's main pages in the world (a key of world.users -> the paths it opens).
ROLE_PAGES = {
    "trainee": lambda w: [
        reverse("dashboard"),
        reverse("courses:my_courses"),
        w.course.url,
        w.lesson.url,
        w.quiz.url,
        reverse("quizzes:attempt", args=[w.attempt.pk]),
        reverse("ledger:book_list"),
        reverse("ledger:book_detail", args=[w.book.pk]),
        reverse("ledger:entry_list", args=[w.book.pk]),
        reverse("ledger:entry_create", args=[w.book.pk]),
        reverse("ledger:report", args=[w.book.pk, "neraca-saldo"]),
        reverse("ledger:member_list", args=[w.book.pk]),
        reverse("ledger:exercise_list"),
        reverse("certificates:mine"),
        reverse("profile"),
    ],
    "instructor": lambda w: [
        reverse("dashboard"),
        reverse("courses:instructor_cohorts"),
        reverse("courses:cohort_detail", args=[w.cohort.pk]),
        reverse("courses:session_attendance", args=[w.cohort.pk, w.session.pk]),
        reverse("courses:session_code", args=[w.cohort.pk, w.session.pk]),
        reverse("courses:attendance_report", args=[w.cohort.pk]),
        reverse("courses:facilitation", args=[w.cohort.pk, 1]),
        reverse("quizzes:gradebook", args=[w.cohort.pk]),
        reverse("quizzes:quiz_report", args=[w.cohort.pk, w.quiz.pk]),
        reverse("profile"),
    ],
    "officer": lambda w: [
        reverse("dashboard"),
        reverse("courses:officer_cohorts"),
        reverse("courses:cohort_detail", args=[w.cohort.pk]),
        reverse("certificates:cohort", args=[w.cohort.pk]),
        reverse("incubator:dashboard"),
        reverse("incubator:venture_list"),
        reverse("incubator:venture_detail", args=[w.venture.pk]),
        reverse("incubator:exports"),
        reverse("profile"),
    ],
    "venture": lambda w: [
        reverse("dashboard"),
        reverse("incubator:my_venture"),
        reverse("incubator:kpi_report", args=[w.venture.pk]),
        reverse("incubator:milestone_evidence", args=[w.venture.pk, w.milestone.pk]),
        reverse("profile"),
    ],
    "admin": lambda w: [
        reverse("dashboard"),
        reverse("courses:officer_cohorts"),
        reverse("courses:cohort_detail", args=[w.cohort.pk]),
        reverse("incubator:dashboard"),
        reverse("certificates:manage", args=[w.certificate.pk]),
        reverse("job_list"),
        "/admin/",
        "/admin/pages/",
        reverse("profile"),
    ],
}


@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_role_pages(browser_session, live_server, world, role):  # noqa: F811
    walk(browser_session, live_server, world.users[role], ROLE_PAGES[role](world))
