"""Every URL × every role (issue 9, "proof that stays").

The test walks the project's resolver (our pages, the Wagtail admin with our viewsets, Django's
admin, allauth, Wagtail's page serving), builds a concrete URL for each pattern with real objects
of the world fixture (tests/security/conftest.py), GETs it as each of the eight roles and compares
the status with tests/security/matrix_table.py. A URL pattern without a row fails the test: add
its row (run with SINAU_MATRIX_RECORD=1 to print the observed rows, then READ them: a 200 for a
role that must not see the page is a leak to fix, not a row to paste).

Statuses: 200 shown, 302 redirected (mostly to the login page), 403 refused, 404 not found (or
hidden: another trainee's book answers 404, never a leak), 405 method not allowed (POST-only).
"""

import os
import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from .conftest import ROLES
from .matrix_table import EXPECTED

pytestmark = pytest.mark.django_db

MISSING = 999999  # an id that names nothing: the page must answer 404/302/403, never 500


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


APP_INDEX = "django-admin/^(?P<app_label>"


def _key(route):
    """Django admin's app-index pattern lists the registered apps (its text changes as apps come)."""
    return "django-admin/<app_label>/" if route.startswith(APP_INDEX) else route


def all_routes():
    return [(_key(route), pattern) for route, pattern in walk(get_resolver().url_patterns)]


def _model_of(pattern):
    return getattr(pattern.callback, "view_initkwargs", {}).get("model")


def objects_by_model(w):
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    from certificates.models import Certificate, CertificateTemplate, CourseCertificateSettings
    from courses.models import Cohort, Enrollment, Session
    from ledger.models import Account, ChartTemplate, LedgerExercise
    from quizzes.models import Question, QuestionCategory

    return {
        Cohort: w.cohort.pk,
        Session: w.session.pk,
        Enrollment: w.enrollment.pk,
        Certificate: w.certificate.pk,
        CertificateTemplate: w.certificate_template.pk,
        CourseCertificateSettings: w.certificate_settings.pk,
        Question: w.question.pk,
        QuestionCategory: w.category.pk,
        LedgerExercise: w.exercise.pk,
        ChartTemplate: w.chart.pk,
        Account: Account.objects.filter(chart=w.chart, code="1101").get().pk,
        Site: Site.objects.get(is_default_site=True).pk,
        Group: Group.objects.get(name="Peserta").pk,
    }


def concrete_url(route, pattern, w):
    """A URL for the pattern with the world's objects; KeyError when the test does not know how."""
    if route in SPECIAL:
        return SPECIAL[route](w)
    if route == "django-admin/<app_label>/":
        return "/django-admin/auth/"
    if any(ch in route for ch in "^$("):
        raise KeyError(f"regex pattern without a SPECIAL entry: {route}")
    model = _model_of(pattern)
    by_model = objects_by_model(w)

    def value(kind, name):
        if name == "pk" and model is not None:
            return by_model.get(model, MISSING)
        if name == "pk" and route.startswith("django-admin/"):
            return MISSING
        for prefix, table in ROUTE_ARGS:
            if route.startswith(prefix) and name in table:
                return table[name](w)
        if name in NAMED_ARGS:
            return NAMED_ARGS[name](w)
        # Unknown argument: an id that names nothing (the row then records a refusal or a 404).
        return MISSING if kind in ("int", "") else "tidak-ada"

    def fill(match):
        kind, _, name = match.group(1).rpartition(":")
        return str(value(kind, name))

    return "/" + re.sub(r"<([^>]+)>", fill, route)


# Arguments by name, for routes under a prefix (first match wins), then anywhere.
ROUTE_ARGS = [
    ("kursus/angkatan/", {"pk": lambda w: w.cohort.pk, "session_pk": lambda w: w.session.pk}),
    ("kuis/percobaan/", {"pk": lambda w: w.attempt.pk}),
    ("sertifikat/kelola/", {"pk": lambda w: w.certificate.pk}),
    ("sertifikat/", {"code": lambda w: w.certificate.code}),
    ("certificates/verify/", {"code": lambda w: w.certificate.code}),
    ("buku/latihan/", {"slug": lambda w: w.exercise.slug}),
    ("buku/", {"slug": lambda w: "neraca-saldo", "fmt": lambda w: "xlsx", "number": lambda w: 1}),
    (
        "inkubasi/usaha/",
        {
            "pk": lambda w: w.venture.pk,
            "milestone_pk": lambda w: w.milestone.pk,
            "item_pk": lambda w: w.action_item.pk,
            "session_pk": lambda w: w.mentoring.pk,
        },
    ),
    ("admin/kursus/angkatan/", {"pk": lambda w: w.cohort.pk}),
    ("admin/buku-latihan/bagan-akun/", {"pk": lambda w: w.chart.pk}),
    (
        "admin/pages/add/",
        {
            "content_type_app_name": lambda w: "courses",
            "content_type_model_name": lambda w: "lessonpage",
            "parent_page_id": lambda w: w.module.pk,
        },
    ),
    (
        "admin/pages/usage/",
        {"content_type_app_name": lambda w: "courses", "content_type_model_name": lambda w: "lessonpage"},
    ),
    ("admin/pages/create/", {"app_label": lambda w: "courses", "model_name": lambda w: "lessonpage"}),
    (
        "admin/bulk/",
        {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "page", "action": lambda w: "delete"},
    ),
    ("admin/settings/", {"app_name": lambda w: "lms", "model_name": lambda w: "missing", "pk": lambda w: MISSING}),
    ("admin/workflows/tasks/add/", {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "groupapprovaltask"}),
    ("admin/tag-autocomplete/", {"app_name": lambda w: "wagtailimages", "model_name": lambda w: "image"}),
    (
        "admin/editing-sessions/ping/",
        {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "page", "object_id": lambda w: w.course.pk},
    ),
    ("admin/snippets/choose/", {"pk": lambda w: MISSING}),
    ("admin/documents/chooser/", {"pk": lambda w: w.document.pk}),
    ("admin/images/chooser/", {"pk": lambda w: w.image.pk}),
    ("admin/collections/", {"pk": lambda w: MISSING}),
    ("admin/workflows/", {"pk": lambda w: MISSING}),
    ("admin/api/", {"pk": lambda w: w.course.pk}),
]
NAMED_ARGS = {
    "book_id": lambda w: w.book.pk,
    "lesson_id": lambda w: w.lesson.pk,
    "quiz_id": lambda w: w.quiz.pk,
    "cohort_id": lambda w: w.cohort.pk,
    "job_id": lambda w: w.job.pk,
    "page_id": lambda w: w.course.pk,
    "parent_page_id": lambda w: w.course.pk,
    "page_to_move_id": lambda w: w.lesson.pk,
    "destination_id": lambda w: w.module.pk,
    "revision_id": lambda w: w.revision.pk,
    "image_id": lambda w: w.image.pk,
    "document_id": lambda w: w.document.pk,
    "doc_id": lambda w: w.document.pk,
    "filter_spec": lambda w: "original",
    "action_name": lambda w: "approve",
    "collection_id": lambda w: 1,
    "redirect_id": lambda w: MISSING,
    "uploaded_file_id": lambda w: MISSING,
    "task_state_id": lambda w: MISSING,
    "task_id": lambda w: MISSING,
    "workflow_state_id": lambda w: MISSING,
    "workflow_pk": lambda w: MISSING,
    "page_pk": lambda w: w.course.pk,
    "session_id": lambda w: MISSING,
    "restriction_id": lambda w: MISSING,
    "page_view_restriction_id": lambda w: MISSING,
    "uidb64": lambda w: "MQ",
    "token": lambda w: "bukan-token",
    "content_type_id": lambda w: MISSING,
    "object_id": lambda w: MISSING,
}
SPECIAL = {
    "admin/api/main/^pages/": lambda w: "/admin/api/main/pages/",
    "admin/api/main/^pages/<int:pk>/": lambda w: f"/admin/api/main/pages/{w.course.pk}/",
    "admin/api/main/^pages/find/": lambda w: "/admin/api/main/pages/find/",
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": lambda w: (
        f"/admin/api/main/pages/{w.course.pk}/action/copy/"
    ),
    "admin/api/main/^documents/": lambda w: "/admin/api/main/documents/",
    "admin/api/main/^documents/<int:pk>/": lambda w: f"/admin/api/main/documents/{w.document.pk}/",
    "admin/api/main/^documents/find/": lambda w: "/admin/api/main/documents/find/",
    "admin/api/main/^images/": lambda w: "/admin/api/main/images/",
    "admin/api/main/^images/<int:pk>/": lambda w: f"/admin/api/main/images/{w.image.pk}/",
    "admin/api/main/^images/find/": lambda w: "/admin/api/main/images/find/",
    r"admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$": lambda w: (
        f"/admin/pages/{w.course.pk}/revisions/compare/earliest...live/"
    ),
    "admin/^.*/$": lambda w: "/admin/gak-ada/",
    r"documents/^(\d+)/(.*)$": lambda w: f"/documents/{w.document.pk}/materi.pdf",
    r"akun/^confirm-email/(?P<key>[-:\w]+)/$": lambda w: "/akun/confirm-email/bukan-kunci/",
    "akun/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": lambda w: (
        "/akun/password/reset/key/1-bukan-kunci/"
    ),
    "django-admin/(?P<url>.*)$": lambda w: "/django-admin/gak-ada/",
    r"^((?:[\w\-]+/)*)$": lambda w: w.lesson.url,
    "^media/(?P<path>.*)$": lambda w: "/media/../settings.py",
}
# Requests that end the session go last for each role (GET must not log out: issue 9, item 12).
LAST = ("admin/logout/", "akun/logout/", "django-admin/logout/")


def _order(routes):
    return sorted(routes, key=lambda pair: pair[0] in LAST)


def observe(world):
    """{route: "status status ..."} for the eight roles, with the concrete URL used."""
    observed, urls = {}, {}
    routes = _order(all_routes())
    if os.environ.get("SINAU_MATRIX_RECORD") == "missing":  # only the patterns without a row yet
        routes = [(route, pattern) for route, pattern in routes if route not in EXPECTED]
    for route, pattern in routes:
        urls[route] = concrete_url(route, pattern, world)
    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if world.users[role] is not None:
            client.force_login(world.users[role])
        clients[role] = client
    for route, _pattern in routes:
        statuses = []
        for role in ROLES:
            response = clients[role].get(urls[route])
            statuses.append(str(response.status_code))
        observed[route] = " ".join(statuses)
    return observed, urls


def test_every_url_pattern_has_a_row():
    routes = {route for route, _ in all_routes()}
    missing = sorted(routes - set(EXPECTED))
    assert not missing, (
        "URL patterns without a row in tests/security/matrix_table.py (add one per role; "
        f"SINAU_MATRIX_RECORD=1 prints what they answer now): {missing}"
    )
    stale = sorted(set(EXPECTED) - routes)
    assert not stale, f"rows for URL patterns that no longer exist: {stale}"


def test_every_url_answers_each_role_as_the_table_says(world):
    observed, urls = observe(world)
    if os.environ.get("SINAU_MATRIX_RECORD"):
        for route, statuses in observed.items():
            print(f"    {route!r}: {statuses!r},  # {urls[route]}")
    wrong = {
        route: f"{urls[route]}: expected {EXPECTED.get(route)!r}, got {statuses!r}"
        for route, statuses in observed.items()
        if EXPECTED.get(route) != statuses
    }
    assert not wrong, "roles: " + " ".join(ROLES) + "\n" + "\n".join(wrong.values())


def test_no_row_expects_a_server_error():
    """No 500 anywhere, except Wagtail's own "failwhale" page, which exists to show staff the error page."""
    for route, statuses in EXPECTED.items():
        if route != "admin/failwhale/":
            assert "500" not in statuses.split(), route
