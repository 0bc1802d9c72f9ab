"""403, 404 and 500 pages: Indonesian, inside the site layout (500 without touching the database)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from lms import views

pytestmark = pytest.mark.django_db


def test_404_page(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Halaman tidak ditemukan" in html
    assert 'href="/"' in html


def test_403_page_offers_a_login_to_anonymous_users(rf):
    request = rf.get("/rahasia/")
    request.user = AnonymousUser()
    response = views.error_403(request, PermissionDenied())
    assert response.status_code == 403
    html = response.content.decode()
    assert "Akses ditolak" in html
    assert 'href="/akun/login/?next=/rahasia/"' in html


def test_403_page_for_a_signed_in_user_has_no_login_link(rf, trainee):
    request = rf.get("/rahasia/")
    request.user = trainee
    html = views.error_403(request, PermissionDenied()).content.decode()
    assert "Akses ditolak" in html
    assert "Masuk dengan akun lain" not in html


def test_500_page_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = views.error_500(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Terjadi kesalahan" in html
    assert "<link" not in html and "<script" not in html  # nothing more to fetch from a broken server
