"""Who may open what: each role against the Wagtail admin, the dashboard and its navigation, the profile,
and the area permissions that views and templates check through `lms.permissions.can`."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import NoReverseMatch, reverse

from lms import roles
from lms.context_processors import NAV_ITEMS
from lms.permissions import can

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, roles.TRAINEE, roles.INSTRUCTOR, roles.OFFICER, roles.VENTURE_CONTACT, roles.ADMIN]

# The expected answers, written out by hand (not computed with the code under test).
ADMIN_ALLOWED = {roles.INSTRUCTOR, roles.OFFICER, roles.ADMIN}
AREAS = {
    "lms.access_trainee_area": {roles.TRAINEE, roles.ADMIN},
    "lms.access_instructor_area": {roles.INSTRUCTOR, roles.ADMIN},
    "lms.access_officer_area": {roles.OFFICER, roles.ADMIN},
    "lms.access_venture_area": {roles.VENTURE_CONTACT, roles.ADMIN},
}
NAV_VISIBLE_TO = {
    None: {roles.TRAINEE, roles.INSTRUCTOR, roles.OFFICER, roles.VENTURE_CONTACT, roles.ADMIN},
    **AREAS,
    "wagtailadmin.access_admin": ADMIN_ALLOWED,
    "lms.access_admin_area": ADMIN_ALLOWED,
}
# Markers of Wagtail's admin pages; none may appear in what a denied user receives.
ADMIN_MARKERS = ["wagtailadmin", "w-sidebar", "data-wagtail"]


@pytest.fixture
def user_in(make_user):
    def factory(role):
        return None if role == ANONYMOUS else make_user(role)

    return factory


def assert_no_admin_content(response):
    body = response.content.decode().lower()
    for marker in ADMIN_MARKERS:
        assert marker not in body


@pytest.mark.parametrize("role", ROLES)
def test_wagtail_admin(client_for, user_in, role):
    client = client_for(user_in(role))
    response = client.get("/admin/")

    if role in ADMIN_ALLOWED:
        assert response.status_code == 200
        assert "wagtailadmin" in response.content.decode()
        return
    # Anonymous and denied roles alike are sent to allauth's login page, never shown the admin.
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/?next=/admin/"
    assert_no_admin_content(response)
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    assert_no_admin_content(login_page)
    html = login_page.content.decode()
    if role == ANONYMOUS:
        assert "Anda tidak memiliki izin" not in html
    else:
        # The reason is shown, and the form offers to sign in with another account; no redirect loop.
        assert "Anda tidak memiliki izin untuk membuka admin konten." in html
        assert "Anda sudah masuk sebagai" in html


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/snippets/"])
def test_wagtail_admin_inner_pages_are_closed_to_denied_roles(client_for, user_in, role, path):
    response = client_for(user_in(role)).get(path)
    if role in ADMIN_ALLOWED:
        assert response.status_code in (200, 302)
        if response.status_code == 302:  # no permission for that screen: back to the admin's own home
            assert response["Location"] == "/admin/"
        return
    assert response.status_code == 302
    assert response["Location"] == f"/akun/login/?next={path}"
    assert_no_admin_content(response)


@pytest.mark.parametrize("role", ROLES)
def test_user_management_in_the_admin_is_for_officers_and_admins(client_for, user_in, role):
    response = client_for(user_in(role)).get("/admin/users/")
    if role in (roles.OFFICER, roles.ADMIN):
        assert response.status_code == 200
    elif role == roles.INSTRUCTOR:
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/akun/login/")


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_requires_login_and_shows_the_role_navigation(client_for, user_in, role):
    client = client_for(user_in(role))
    response = client.get("/beranda/")
    if role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"] == "/akun/login/?next=/beranda/"
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selamat datang" in html
    assert f"Peran Anda: {role}" in html

    shown = {item["label"] for item in response.context["nav_items"]}
    for permission, url_name, label in NAV_ITEMS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue  # that app's page is not built yet; the menu leaves it out
        if role in NAV_VISIBLE_TO[permission]:
            assert str(label) in shown
            assert f'href="{url}"' in html
        else:
            assert str(label) not in shown
            assert f'href="{url}"' not in html


def test_dashboard_runs_a_fixed_number_of_queries(client_for, make_user, django_assert_num_queries):
    # session, user, role names: the same for every role (the menu asks rules, never the model
    # backend's permission tables); a trainee's page also lists their certificates (hook_panels
    # "dashboard", one query). The next step per role (hook_panels "next_step", issue 7 item 11):
    # one query each (a trainee's enrolment, an instructor's next session, the next cohort).
    for role, count in ((roles.TRAINEE, 5), (roles.OFFICER, 4), (roles.INSTRUCTOR, 4)):
        client = client_for(make_user(role))
        with django_assert_num_queries(count):
            assert client.get("/beranda/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_profile_is_for_every_signed_in_user(client_for, user_in, role):
    response = client_for(user_in(role)).get("/akun/profil/")
    if role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"] == "/akun/login/?next=/akun/profil/"
    else:
        assert response.status_code == 200
        assert "Nama lengkap" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", list(AREAS))
def test_area_permissions(user_in, role, permission):
    user = user_in(role) or AnonymousUser()
    assert can(user, permission) is (role in AREAS[permission])


@pytest.mark.parametrize("role", ROLES)
def test_area_permissions_in_templates(user_in, role, rf):
    from django.template import engines

    user = user_in(role) or AnonymousUser()
    template = engines["django"].from_string(
        '{% if user|can:"lms.access_officer_area" %}petugas{% else %}bukan{% endif %}'
    )
    expected = "petugas" if role in AREAS["lms.access_officer_area"] else "bukan"
    assert template.render({"user": user}) == expected


def test_a_user_with_two_roles_gets_both_areas(make_user):
    user = make_user(roles.TRAINEE)
    roles.assign_role(user, roles.VENTURE_CONTACT)
    assert can(user, "lms.access_trainee_area")
    assert can(user, "lms.access_venture_area")
    assert not can(user, "lms.access_officer_area")


def test_a_deactivated_account_loses_its_session(client_for, make_user):
    user = make_user(roles.OFFICER)
    client = client_for(user)
    assert client.get("/beranda/").status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get("/beranda/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/login/")
    assert client.get("/admin/").status_code == 302


def test_dashboard_shows_roles_only_not_other_groups(client_for, make_user):
    from django.contrib.auth.models import Group

    user = make_user(roles.INSTRUCTOR)
    user.groups.add(Group.objects.create(name="Editor kursus: Manajemen Koperasi"))
    html = client_for(user).get("/beranda/").content.decode()
    assert "Peran Anda: Narasumber</p>" in html
    assert "Editor kursus" not in html


@pytest.mark.parametrize("role", ROLES[1:])
def test_the_admin_area_rule_matches_the_model_permission(user_in, role):
    """The menu's "Admin konten" asks the rule lms.access_admin_area (no permission queries); it must
    answer what Wagtail's own check (the model permission of the role groups) answers."""
    from lms.permissions import can

    user = user_in(role)
    assert can(user, "lms.access_admin_area") == user.has_perm("wagtailadmin.access_admin") == (role in ADMIN_ALLOWED)


def test_can_answers_rule_permissions_without_the_model_backend(user_in, django_assert_num_queries):
    from lms.permissions import can

    trainee = user_in(roles.TRAINEE)
    can(trainee, "lms.access_trainee_area")  # reads the role names once per user object
    with django_assert_num_queries(0):
        for area in (*AREAS, "lms.access_admin_area"):
            can(trainee, area)


def test_the_home_page_runs_a_fixed_number_of_queries(client_for, make_user, django_assert_num_queries):
    """Issue 10: the home page was 12 queries for a trainee (7 anonymous): the menu's permission
    checks fell through to the model backend. Now: site, root page and its specific row, view
    restrictions (2); signed in, also session, user and role names."""
    from lms.models import HomePage

    assert HomePage.objects.exists()
    anonymous = client_for(None)
    anonymous.get("/")
    with django_assert_num_queries(HOME_QUERIES_ANONYMOUS):
        assert anonymous.get("/").status_code == 200
    trainee = client_for(make_user(roles.TRAINEE))
    trainee.get("/")
    with django_assert_num_queries(HOME_QUERIES_TRAINEE):
        assert trainee.get("/").status_code == 200


# +2 for everyone: open courses and upcoming cohorts (hook_panels "home_public"); +1 for a trainee:
# the next step (their enrolment).
HOME_QUERIES_ANONYMOUS = 7
HOME_QUERIES_TRAINEE = 11
