"""The incubator's Wagtail admin: officers list, search, filter and export; a venture added there
gets its stage entry and milestones; other roles are kept out."""

import pytest
from django.urls import reverse

from incubator.models import Venture

pytestmark = pytest.mark.django_db


def test_admin_lists_for_officers_only(client_for, officer, contact, trainee, venture, other_venture):
    for url in ("/admin/inkubasi/usaha/", "/admin/inkubasi/program/", "/admin/inkubasi/kpi/"):
        response = client_for(officer).get(url)
        assert response.status_code == 200, url
        for user in (contact, trainee):
            assert client_for(user).get(url).status_code == 302
    html = client_for(officer).get("/admin/inkubasi/usaha/", {"q": "batik"}).content.decode()
    assert "Koperasi Batik Sekar" in html and "Koperasi Tempe Maju" not in html


def test_admin_export_is_escaped(client_for, officer, venture):
    venture.name = "=1+2"
    venture.save()
    response = client_for(officer).get("/admin/inkubasi/usaha/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode()
    assert "'=1+2" in text


def test_venture_added_in_admin_gets_milestones(client_for, officer, programme, contact, today):
    response = client_for(officer).post(
        "/admin/inkubasi/usaha/add/",
        {
            "programme": programme.pk,
            "name": "Koperasi Admin",
            "kind": "mikro",
            "entry_date": today.isoformat(),
            "contacts": [contact.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    venture = Venture.objects.get(name="Koperasi Admin")
    assert venture.stage_since == today and venture.milestones.count() == 2 and venture.stage_changes.count() == 1
    assert client_for(officer).get(reverse("incubator:venture_detail", args=[venture.pk])).status_code == 200
