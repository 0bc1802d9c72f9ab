"""The site answers in Indonesian, the demo loads twice without changing anything, and every printed login works."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from lms import demo, roles

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_home_page_is_served_in_indonesian(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()
    assert "Masuk" in response.content.decode()


def snapshot():
    """Everything load_demo decides about people: accounts, addresses, roles and what the roles may do."""
    users = sorted(
        User.objects.values_list(
            "email", "password", "full_name", "phone", "phone_verified", "organisation", "is_staff", "is_superuser"
        )
    )
    memberships = sorted(User.groups.through.objects.values_list("user__email", "group__name"))
    addresses = sorted(EmailAddress.objects.values_list("email", "verified", "primary"))
    groups = {
        group.name: sorted(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }
    return users, memberships, addresses, groups


def run_load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_output(settings):
    settings.DEBUG = True
    return run_load_demo()


def printed_logins(output: str) -> list[str]:
    """The emails load_demo prints, with its "peserta02@… … peserta31@…" range spelled out."""
    emails = []
    for line in output.splitlines():
        found = re.findall(r"[\w.+-]+@[\w.-]+\.test", line)
        if len(found) == 2 and "…" in line:
            (prefix, first, domain), (_, last, _) = (re.match(r"(\D+)(\d+)(@.+)", e).groups() for e in found)
            width = len(first)
            emails += [f"{prefix}{n:0{width}d}{domain}" for n in range(int(first), int(last) + 1)]
        else:
            emails += found
    return emails


def test_load_demo_twice_changes_nothing(demo_output):
    first = snapshot()
    assert "pengguna: 36 dibuat" in demo_output
    second_output = run_load_demo()
    assert "pengguna: 0 dibuat" in second_output
    assert snapshot() == first

    users, memberships, addresses, groups = first
    assert User.objects.filter(groups__name=roles.TRAINEE).count() == 31
    assert User.objects.filter(groups__name=roles.INSTRUCTOR).count() == 2
    assert User.objects.filter(groups__name=roles.OFFICER).count() == 2
    assert User.objects.filter(groups__name=roles.VENTURE_CONTACT).count() >= 1
    assert User.objects.filter(groups__name=roles.ADMIN, is_superuser=True).count() == 1
    assert set(roles.ALL_ROLES) <= set(groups)
    assert all(verified for _email, verified, _primary in addresses)

    # 31 trainees from 18 new cooperatives, 12 retail cooperatives and 1 online vegetable vendors' one.
    organisations = list(User.objects.filter(groups__name=roles.TRAINEE).values_list("organisation", flat=True))
    assert len(set(organisations)) == 31
    assert sum(name in demo.NEW_COOPERATIVES for name in organisations) == 18
    assert sum(name in demo.RETAIL_COOPERATIVES for name in organisations) == 12
    assert organisations.count(demo.ONLINE_COOPERATIVE) == 1


def test_every_printed_demo_login_works_through_the_login_form_by_email_and_by_phone(demo_output):
    emails = printed_logins(demo_output)
    assert len(emails) == 36  # admin, 2 officers, 2 instructors, 31 trainees
    assert f"kata sandi: {demo.DEMO_PASSWORD}" in demo_output
    for number, email in enumerate(emails):
        # One address each, as if from different machines: allauth limits logins per IP.
        client = Client(REMOTE_ADDR=f"10.1.{number // 250}.{number % 250 + 1}")
        response = client.post("/akun/login/", {"login": email, "password": demo.DEMO_PASSWORD})
        assert response.status_code == 302, (email, response.content.decode()[-1500:])
        assert response["Location"] == "/beranda/", email
        assert client.get("/beranda/").status_code == 200

    # A trainee's phone (+628120000NNNN) works too, typed the usual ways.
    trainee_pk = str(User.objects.get(email="peserta07@sinau.test").pk)
    for number, typed in enumerate(["081200000007", "+6281200000007", "0812-0000-0007"]):
        client = Client(REMOTE_ADDR=f"10.2.0.{number + 1}")
        response = client.post("/akun/login/", {"login": typed, "password": demo.DEMO_PASSWORD})
        assert response.status_code == 302, typed
        assert response["Location"] == "/beranda/"
        assert client.session["_auth_user_id"] == trainee_pk
