"""The Wagtail admin's account page saves for Sinau's users (lms.admin_account).

Wagtail's own page required a first and a last name, which Sinau's users do not have (one full
name), so changing the admin's language or time zone failed until both were typed in.
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from lms import roles

pytestmark = pytest.mark.django_db


def test_account_page_saves_the_language_without_a_first_or_last_name(client_for, make_user):
    instructor = make_user(roles.INSTRUCTOR, full_name="Dr. Hartini Wibowo, S.E., M.Si.")
    client = client_for(instructor)
    page = client.get("/admin/account/").content.decode()
    assert "first_name" not in page and "last_name" not in page
    assert f'href="{reverse("profile")}"' in page  # name, phone and organisation are changed there
    response = client.post(
        "/admin/account/",
        {
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Asia/Makassar",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
        },
    )
    assert response.status_code == 302, response.context and [
        form.errors for form in (p.get_form() for p in response.context["view"].get_panels()) if form.errors
    ]
    profile = UserProfile.get_for_user(instructor)
    assert (profile.preferred_language, profile.current_time_zone) == ("en", "Asia/Makassar")
    instructor.refresh_from_db()
    assert instructor.full_name == "Dr. Hartini Wibowo, S.E., M.Si."


def test_account_page_is_for_admin_users_only(client_for, make_user):
    response = client_for(make_user(roles.TRAINEE)).get("/admin/account/")
    assert response.status_code in (302, 403)
