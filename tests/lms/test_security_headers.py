"""Response hardening (issue 9, items 14, 16, 17): no caching of signed-in pages and downloads,
Permissions-Policy everywhere, a huge id is a 404 not a 500, GET cannot log staff out."""

import pytest

from lms import roles

pytestmark = pytest.mark.django_db


def test_signed_in_pages_are_private_and_not_stored(client, make_user):
    client.force_login(make_user(roles.TRAINEE))
    response = client.get("/beranda/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_anonymous_pages_keep_their_caching_and_get_no_cookie_vary(client):
    response = client.get("/akun/login/")
    assert "Permissions-Policy" in response
    assert "microphone=()" in response["Permissions-Policy"]
    home = client.get("/")
    assert "no-store" not in home.get("Cache-Control", "")


def test_downloads_are_not_stored(client, make_user):
    import datetime as dt

    from courses.models import Cohort  # noqa: F401 - the attendance export is a download
    from ledger.charts import default_chart
    from ledger.models import Book, BookKind

    trainee = make_user(roles.TRAINEE)
    book = Book.objects.create(
        owner=trainee,
        title="Buku",
        kind=BookKind.PRACTICE,
        chart=default_chart(),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    client.force_login(trainee)
    response = client.get(f"/buku/{book.pk}/laporan/neraca-saldo/unduh/xlsx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_id_too_large_for_the_database_is_not_found(client, make_user, method):
    """Issue 9, item 14: OverflowError on SQLite for /kursus/pelajaran/<huge>/selesai/."""
    client.force_login(make_user(roles.TRAINEE))
    huge = "9" * 40
    response = getattr(client, method)(f"/kursus/pelajaran/{huge}/selesai/")
    assert response.status_code in (404, 405)
    assert client.get(f"/buku/{huge}/").status_code == 404


def test_get_on_the_admin_logout_does_not_log_out(client, make_user):
    """Issue 9, item 12: a link (GET) must not log staff out."""
    officer = make_user(roles.OFFICER)
    client.force_login(officer)
    client.get("/admin/logout/")
    assert client.get("/admin/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302


def test_pages_send_a_content_security_policy_and_our_templates_have_no_inline_scripts(client):
    import re
    from pathlib import Path

    response = client.get("/akun/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    admin = client.get("/admin/login/", follow=False)
    assert "Content-Security-Policy" in admin or "Content-Security-Policy-Report-Only" in admin
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.glob("*/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "application/json" not in tag and "application/ld+json" not in tag:
                offenders.append((str(path.relative_to(root)), tag))
        if re.search(r"\son(click|load|submit|change|input|error|focus|blur)\s*=", text):
            offenders.append((str(path.relative_to(root)), "inline event handler"))
    for path in (root / "templates").glob("**/*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "application/json" not in tag:
                offenders.append((str(path.relative_to(root)), tag))
        if re.search(r"\son(click|load|submit|change|input|error|focus|blur)\s*=", text):
            offenders.append((str(path.relative_to(root)), "inline event handler"))
    assert offenders == []
