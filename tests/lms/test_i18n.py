"""Bahasa Indonesia by default, English on request through the language switcher, and back."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def switch(client, language, next_url="/akun/login/"):
    return client.post("/i18n/setlang/", {"language": language, "next": next_url})


def test_indonesian_is_the_default(client):
    response = client.get("/akun/login/", HTTP_ACCEPT_LANGUAGE="id")
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Masuk ke Sinau" in html and "Kata sandi" in html


def test_switch_to_english_and_back(client):
    response = switch(client, "en")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert settings.LANGUAGE_COOKIE_NAME == "sinau_language"
    assert cookie.value == "en"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    html = client.get("/akun/login/").content.decode()
    assert '<html lang="en">' in html
    for text in [
        "Sign in to Sinau",
        "Email or mobile number",
        "Password",
        "Skip to content",
        "Sign up as a participant",
    ]:
        assert text in html
    assert "Masuk ke Sinau" not in html
    # allauth's and Django's own strings follow too.
    signup = client.get("/akun/signup/").content.decode()
    assert "Full name" in signup and "Your password can’t be entirely numeric." in signup

    response = switch(client, "id")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "id"
    html = client.get("/akun/login/").content.decode()
    assert '<html lang="id">' in html
    assert "Masuk ke Sinau" in html


def test_english_error_messages_on_the_forms(client, trainee):
    switch(client, "en")
    response = client.post("/akun/login/", {"login": "peserta@example.test", "password": "wrong"})
    assert "Wrong email or password." in response.content.decode()
    response = client.post(
        "/akun/signup/",
        {"full_name": "A", "email": "x@example.test", "phone": "12", "password1": "12345678", "password2": "12345678"},
    )
    html = response.content.decode()
    assert "Write your full name (at least 3 letters)." in html
    assert "Invalid mobile number." in html
    assert "This password is entirely numeric." in html


def test_signed_in_pages_switch_too(client_for, trainee):
    client = client_for(trainee)
    switch(client, "en", next_url="/beranda/")
    html = client.get("/beranda/").content.decode()
    assert "Welcome, Pengguna" in html
    assert "Profile and name on certificates" in html
    switch(client, "id", next_url="/beranda/")
    assert "Selamat datang, Pengguna" in client.get("/beranda/").content.decode()


def test_switcher_is_a_plain_form_on_every_page(client):
    html = client.get("/akun/login/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert '<select id="lang-select" name="language">' in html
    assert '<option value="id" lang="id" selected>Bahasa Indonesia</option>' in html
    # Each language is named in itself, so an English reader finds "English", not "Inggris".
    assert '<option value="en" lang="en">English</option>' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_unknown_language_is_ignored(client):
    response = switch(client, "xx")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert '<html lang="id">' in client.get("/akun/login/").content.decode()
