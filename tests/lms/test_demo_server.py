"""`make run` shows the site as its users see it: DEBUG off (the site's 404, never Django's list of
URLs), static files and uploaded media still served by the dev server (issue 7 item 12)."""

from io import BytesIO
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def run_command() -> str:
    """The runserver line of the Makefile's `run` recipe."""
    recipe = ROOT.joinpath("Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    return next(line.strip() for line in recipe.splitlines() if "runserver" in line)


def test_make_run_serves_with_debug_off_and_files_on():
    line = run_command()
    assert "DEBUG=false" in line
    assert "--insecure" in line  # the dev server serves static files although DEBUG is off
    assert "SERVE_FILES=true" in line


def test_dev_settings_serve_files_unless_told_otherwise():
    from lms.settings import dev

    assert dev.SERVE_FILES is True


def _wsgi_get(handler, path):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": BytesIO()}
    setup_testing_defaults(environ)
    environ["SERVER_NAME"] = "testserver"
    environ["HTTP_HOST"] = "testserver"
    status = {}

    def start_response(code, headers, exc_info=None):
        status["code"] = int(code.split()[0])

    body = b"".join(handler(environ, start_response))
    return status["code"], body.decode("utf-8", "replace")


def test_static_files_are_served_with_debug_off_as_runserver_insecure_does(settings):
    settings.DEBUG = False
    handler = StaticFilesHandler(WSGIHandler())  # what `runserver --insecure` puts in front of the site
    code, body = _wsgi_get(handler, "/static/lms/css/sinau.css")
    assert code == 200 and "{" in body


def test_media_served_in_the_demo_and_missing_pages_get_the_sites_404(client, settings, tmp_path):
    settings.DEBUG = False
    settings.SERVE_FILES = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "hallo.txt").write_text("media ok")
    response = client.get("/media/hallo.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"media ok"
    for missing in ("/media/tidak-ada.txt", "/tidak-ada-halaman-ini/"):
        response = client.get(missing)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Halaman tidak ditemukan" in html
        assert "URLconf" not in html


def test_media_not_served_by_django_in_production(client, settings, tmp_path):
    settings.DEBUG = False
    settings.SERVE_FILES = False
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "hallo.txt").write_text("media ok")
    assert client.get("/media/hallo.txt").status_code == 404
