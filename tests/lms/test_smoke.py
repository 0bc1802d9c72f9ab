"""The site answers in Indonesian and the demo loads twice without changing anything."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_home_page_is_served_in_indonesian(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()
    assert "Masuk" in response.content.decode()


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo")
    User = get_user_model()
    first = sorted(User.objects.values_list("email", "password", "full_name"))
    call_command("load_demo")
    assert sorted(User.objects.values_list("email", "password", "full_name")) == first
    assert User.objects.filter(groups__name="Peserta").count() == 31
