"""The Wagtail admin speaks Indonesian on every screen instructors and officers use (issue 7 item 10).

Each screen is rendered in Indonesian while every gettext lookup is watched; a msgid that the
Indonesian catalogue lacks is a miss, unless it is one of our own msgids (already Indonesian).
The admin's JavaScript strings are checked against Wagtail's whole JS catalogue. Avatars never
come from Gravatar."""

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation import trans_real

from lms import roles

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def po_msgids(path: Path) -> set[str]:
    """Every msgid (with its context as "ctx\\x04msgid") of a .po file."""
    ids = set()
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line.strip()[1:-1]
        if fields.get("msgid"):
            msgid = fields["msgid"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            ids.add(f"{fields['msgctxt']}\x04{msgid}" if "msgctxt" in fields else msgid)
    return ids


OUR_MSGIDS = po_msgids(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po")


@contextmanager
def indonesian_misses():
    """Collect msgids looked up in Indonesian that no Indonesian catalogue translates."""
    misses: set[str] = set()
    cls = trans_real.DjangoTranslation
    original_gettext, original_ngettext = cls.gettext, cls.ngettext

    def gettext(self, message):
        if self.language() == "id" and message and message not in self._catalog:
            misses.add(message)
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        if self.language() == "id" and (msgid1, 0) not in self._catalog:
            misses.add(msgid1)
        return original_ngettext(self, msgid1, msgid2, n)

    cls.gettext, cls.ngettext = gettext, ngettext
    try:
        yield misses
    finally:
        cls.gettext, cls.ngettext = original_gettext, original_ngettext


def _theirs(misses: set[str]) -> list[str]:
    return sorted(m for m in misses if m not in OUR_MSGIDS)


@pytest.fixture
def setting(make_course, make_cohort, make_user, enrol):
    instructor = make_user(roles.INSTRUCTOR, email="narasumber@example.test")
    officer = make_user(roles.OFFICER, email="petugas@example.test")
    tree = make_course(lessons=(2, 1), quizzes=1)
    cohort = make_cohort(tree.course, instructors=[instructor])
    enrol(make_user(roles.TRAINEE), cohort)
    # A lesson published and then edited, as on a real site: the explorer's "first published" and the
    # site history's "published" and "draft saved" rows (found walking the demo site's admin).
    lesson = tree.lessons[0]
    lesson.save_revision(user=instructor, log_action=True).publish(user=instructor, skip_permission_checks=True)
    lesson.refresh_from_db()
    lesson.save_revision(user=instructor, log_action=True)
    from courses.services import sync_course_editors

    sync_course_editors(course=tree.course)
    return tree, cohort, instructor, officer


def _screens(tree, cohort):
    """The admin screens instructors and officers work in (those a role may not open answer 302/403)."""
    lesson, module, course, quiz = tree.lessons[0], tree.modules[0], tree.course, tree.quizzes[0]
    session = cohort.sessions.first()
    enrollment = cohort.enrollments.first()
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{module.pk}/",
        f"/admin/pages/{lesson.pk}/edit/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{quiz.pk}/edit/",
        f"/admin/pages/{module.pk}/add_subpage/",
        f"/admin/pages/add/courses/lessonpage/{module.pk}/",
        f"/admin/pages/{lesson.pk}/history/",
        "/admin/pages/search/?q=pelajaran",
        "/admin/account/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        reverse("courses_cohort:index"),
        reverse("courses_cohort:add"),
        reverse("courses_cohort:edit", args=[cohort.pk]),
        reverse("courses_session:index"),
        reverse("courses_session:add"),
        reverse("courses_session:edit", args=[session.pk]),
        reverse("courses_enrollment:index"),
        reverse("courses_enrollment:add"),
        reverse("courses_enrollment:edit", args=[enrollment.pk]),
        reverse("courses_admin_bulk_enrol", args=[cohort.pk]),
        "/admin/kuis/soal/",
        "/admin/kuis/soal/add/",
        "/admin/kuis/jadwal/add/",
        "/admin/buku-latihan/latihan/add/",
        "/admin/sertifikat/templat/add/",
        "/admin/kuis/kategori/",
        "/admin/kuis/jadwal/",
        "/admin/kuis/pengecualian/",
        "/admin/buku-latihan/bagan-akun/",
        "/admin/buku-latihan/akun/",
        "/admin/buku-latihan/latihan/",
        "/admin/sertifikat/templat/",
        "/admin/sertifikat/kursus/",
        "/admin/sertifikat/terbit/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/users/new/",
        "/admin/jadwal-tugas/",
        "/admin/images/add/",
        "/admin/documents/add/",
    ]


def _incubator_screens(officer):
    """The incubator's admin screens ("Inkubasi": programmes, ventures, KPI reports) with an object each."""
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from incubator import services
    from incubator.models import MilestoneTemplate, Programme, VentureKind

    today = timezone.localdate()
    programme = Programme.objects.create(
        name="Inkubasi 2026", intake_year=today.year, start_date=today - dt.timedelta(days=200), end_date=today
    )
    MilestoneTemplate.objects.create(programme=programme, title="NIB diperoleh", due_after_days=30, sort_order=0)
    venture = services.create_venture(
        programme=programme,
        name="Koperasi Tempe Maju",
        kind=VentureKind.NEW_COOPERATIVE,
        entry_date=today - dt.timedelta(days=100),
        by=officer,
    )
    figures = {
        "omzet": Decimal(1000000),
        "members": 20,
        "employees_male": 1,
        "employees_female": 2,
        "assets": Decimal(5000000),
        "shu": Decimal(100000),
        "financing": Decimal(0),
    }
    report, _created = services.submit_kpi_report(venture=venture, period=today, figures=figures, by=officer)
    return [
        "/admin/inkubasi/program/",
        "/admin/inkubasi/program/add/",
        f"/admin/inkubasi/program/edit/{programme.pk}/",
        f"/admin/inkubasi/program/history/{programme.pk}/",
        "/admin/inkubasi/usaha/",
        "/admin/inkubasi/usaha/add/",
        f"/admin/inkubasi/usaha/edit/{venture.pk}/",
        f"/admin/inkubasi/usaha/history/{venture.pk}/",
        f"/admin/inkubasi/usaha/delete/{venture.pk}/",
        "/admin/inkubasi/kpi/",
        f"/admin/inkubasi/kpi/edit/{report.pk}/",
        f"/admin/inkubasi/kpi/inspect/{report.pk}/",
        f"/admin/inkubasi/kpi/history/{report.pk}/",
    ]


@pytest.mark.parametrize("role", ["instructor", "officer"])
def test_admin_screens_have_no_untranslated_strings(client, setting, role):
    tree, cohort, instructor, officer = setting
    client.force_login(instructor if role == "instructor" else officer)
    client.cookies["sinau_language"] = "id"
    visited = []
    with indonesian_misses() as misses:
        for url in _screens(tree, cohort) + _incubator_screens(officer):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
            assert response.status_code in (200, 302, 403, 404), url
            if response.status_code == 200:
                visited.append(url)
        # A page that cannot be created (no title) answers with its validation message.
        module = tree.modules[0]
        response = client.post(
            f"/admin/pages/add/courses/lessonpage/{module.pk}/",
            {"title": "", "slug": "", "body-count": "0"},
            HTTP_ACCEPT_LANGUAGE="id",
        )
        if response.status_code == 200:
            visited.append("POST add lesson")
    assert len(visited) > 15
    if role == "officer":  # the incubator's screens are the officers' (instructors are refused)
        assert sum("/admin/inkubasi/" in url for url in visited) >= 11, visited
    assert _theirs(misses) == [], "\n".join(_theirs(misses))


def test_admin_javascript_strings_are_all_indonesian(client, officer):
    """Every string of Wagtail's admin JavaScript ("Collapse all", "Search options…", "Saved") is in
    the Indonesian JS catalogue the admin loads."""
    import json

    import wagtail

    client.force_login(officer)
    response = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="id")
    catalogue = response.content.decode("utf-8")
    wagtail_js = po_msgids(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po")

    match = re.search(r"const newcatalog = (\{.*?\});\n", catalogue, re.S)
    translated = set(json.loads(match.group(1))) if match else set()
    missing = sorted(m.replace("\x04", " | ") for m in wagtail_js if m not in translated)
    assert missing == []


def test_avatars_never_come_from_gravatar(client, officer, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client.force_login(officer)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "gravatar" not in html.lower()
