"""Indonesian stays the language until chosen otherwise; admin back doors are closed."""

import pytest

from lms import roles


@pytest.mark.django_db
def test_browser_set_to_english_still_gets_indonesian(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="id"' in response.content.decode()


@pytest.mark.django_db
def test_language_cookie_chooses_english_and_the_switch_lists_local_names(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/").content.decode()
    assert 'lang="en"' in html
    assert ">English<" in html and ">Bahasa Indonesia<" in html


@pytest.mark.django_db
def test_unknown_language_cookie_falls_back_to_indonesian(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert 'lang="id"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_wagtail_login_form_redirects_to_the_rate_limited_allauth_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/?next=/admin/pages/"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.INSTRUCTOR, roles.OFFICER])
def test_django_admin_is_closed_to_staff_roles(make_user, client, role):
    client.force_login(make_user(role))
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]


@pytest.mark.django_db
def test_django_admin_opens_for_superusers(admin_user, client):
    client.force_login(admin_user)
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.django_db
def test_inactive_user_has_no_role_permissions(make_user):
    from lms.permissions import can

    user = make_user(roles.OFFICER)
    assert can(user, "lms.access_officer_area")
    user.is_active = False
    user.save()
    user = type(user).objects.get(pk=user.pk)
    assert not can(user, "lms.access_officer_area")


@pytest.mark.django_db
def test_wagtail_admin_speaks_indonesian_from_the_vendored_catalogue(make_user, client):
    client.force_login(make_user(roles.OFFICER))
    html = client.get("/admin/").content.decode()
    # "Dashboard" and "Pages" come from Wagtail's id_ID catalogue merged into locale_vendor/id.
    assert "Dasbor" in html
