"""Account flows through allauth, in Indonesian: sign-up, verification, login, reset, change, logout, profile."""

import re
from datetime import datetime, timedelta

import pytest
from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from lms import roles, sms
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()
GOOD_PASSWORD = "tempe-goreng-renyah-26"


def signup_data(**overrides):
    data = {
        "full_name": "Siti Nurhaliza, S.E.",
        "email": "siti@koperasi.test",
        "phone": "0812 3456 7890",
        "organisation": "Koperasi Produsen Tempe Maju Bersama",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
    }
    data.update(overrides)
    return data


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def link_in_last_mail(pattern: str) -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0).replace("http://testserver", "")


def sms_code() -> str:
    assert sms.outbox, "no SMS was sent"
    return sms.outbox[-1]["text"].rsplit(" ", 1)[-1]


# --- sign-up, email verification, phone verification -------------------------------------


def test_signup_page_is_indonesian_and_accessible(client):
    response = client.get("/akun/signup/")
    html = page_text(response)
    assert response.status_code == 200
    for text in [
        "Daftar akun Sinau",
        "Nama lengkap",
        "Nomor HP/WhatsApp",
        "(opsional)",
        "Koperasi atau usaha",
        "Kata sandi",
        "Ulangi kata sandi",
        "dicetak pada sertifikat",
    ]:
        assert text in html
    assert "Surel" not in html and "Kata Kunci" not in html  # allauth's words, overridden by locale/id
    # Every visible input has a label, help text is tied to the input.
    for name in ["full_name", "email", "phone", "organisation", "password1", "password2"]:
        assert f'<label for="id_{name}">' in html
    assert 'aria-describedby="id_full_name_helptext"' in html


def test_signup_creates_a_trainee_who_verifies_the_phone_then_the_email(client):
    response = client.post("/akun/signup/", signup_data())
    assert response.status_code == 302

    user = User.objects.get(email="siti@koperasi.test")
    assert user.full_name == "Siti Nurhaliza, S.E."
    assert user.organisation == "Koperasi Produsen Tempe Maju Bersama"
    assert user.phone == "+6281234567890"
    assert not user.phone_verified
    assert roles.user_roles(user) == {roles.TRAINEE}
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session  # not signed in before both are verified

    # allauth asks for the phone first: a code went out by SMS.
    assert response["Location"] == "/akun/phone/verify/"
    assert sms.outbox[-1]["to"] == "+6281234567890"
    assert "Kode verifikasi Sinau" in sms.outbox[-1]["text"]
    assert re.fullmatch(r"\d{6}", sms_code())  # six digits, easy to type from an SMS
    page = client.get("/akun/phone/verify/")
    assert page.status_code == 200 and "+6281234567890" in page_text(page)
    assert "Kode dari SMS/WhatsApp" in page_text(page) and 'inputmode="numeric"' in page_text(page)
    wrong = client.post("/akun/phone/verify/", {"code": "XXXX-XXXX"})
    assert wrong.status_code == 200
    assert "Kode salah" in page_text(wrong)
    response = client.post("/akun/phone/verify/", {"code": sms_code()})
    assert response.status_code == 302
    assert response["Location"] == "/akun/confirm-email/"
    user.refresh_from_db()
    assert user.phone_verified
    assert "_auth_user_id" not in client.session

    # Then the email: the verification mail is Indonesian and carries the link.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[Sinau] ")
    assert "Salam dari Sinau" in mail.outbox[0].body
    confirm_url = link_in_last_mail(r"http://testserver/akun/confirm-email/[^/\s]+/")
    page = client.get(confirm_url)
    assert "Konfirmasi" in page_text(page)
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert response["Location"] == "/beranda/"
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/beranda/").status_code == 200


def test_signup_without_phone_needs_only_the_email(client):
    client.post("/akun/signup/", signup_data(phone="", organisation=""))
    user = User.objects.get(email="siti@koperasi.test")
    assert user.phone is None
    response = client.post(link_in_last_mail(r"http://testserver/akun/confirm-email/[^/\s]+/"))
    assert response["Location"] == "/beranda/"
    assert sms.outbox == []


def test_unverified_email_cannot_sign_in(client):
    client.post("/akun/signup/", signup_data(phone=""))
    client.logout()
    response = client.post("/akun/login/", {"login": "siti@koperasi.test", "password": GOOD_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/akun/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_tampered_email_confirmation_link_is_refused(client):
    client.post("/akun/signup/", signup_data(phone=""))
    confirm_url = link_in_last_mail(r"http://testserver/akun/confirm-email/[^/\s]+/")
    tampered = confirm_url[:-3] + ("A" if confirm_url[-3] != "A" else "B") + confirm_url[-2:]
    page = client.get(tampered)
    assert "kedaluwarsa atau tidak valid" in page_text(page)
    client.post(tampered)
    assert not EmailAddress.objects.get(email="siti@koperasi.test").verified


def test_signing_in_again_within_the_sms_rate_limit_explains_instead_of_crashing(client, make_user):
    make_user(roles.TRAINEE, email="hp@example.test", phone="+6281311112222", phone_verified=False)
    first = client.post("/akun/login/", {"login": "081311112222", "password": PASSWORD})
    assert first["Location"] == "/akun/phone/verify/"
    client.post("/akun/logout/")  # "Batal" on the code page

    again = client.post("/akun/login/", {"login": "081311112222", "password": PASSWORD}, follow=True)

    assert again.status_code == 200
    assert "Kode verifikasi baru saja dikirim" in page_text(again)
    assert len(sms.outbox) == 1
    assert "_auth_user_id" not in client.session


# --- bad sign-up input: a message on the right field, nothing created ---------------------


BAD_SIGNUPS = {
    "taken email": ({"email": "Peserta@Example.test"}, "email", "Email ini sudah terdaftar"),
    "password too short": ({"password1": "a1b2c", "password2": "a1b2c"}, "password1", "Kata sandi terlalu pendek"),
    "password too common": (
        {"password1": "password123", "password2": "password123"},
        "password1",
        "Kata sandi ini terlalu umum",
    ),
    "password all numeric": (
        {"password1": "8264019375", "password2": "8264019375"},
        "password1",
        "seluruhnya terdiri dari angka",
    ),
    "malformed phone": ({"phone": "0812-abc"}, "phone", "Nomor HP tidak valid"),
    "too short phone": ({"phone": "08123"}, "phone", "Nomor HP tidak valid"),
    "phone already used": ({"phone": "+62 812-0000-0001"}, "phone", "Nomor HP ini sudah dipakai akun lain"),
    "phone already used, typed 08": ({"phone": "081200000001"}, "phone", "Nomor HP ini sudah dipakai akun lain"),
    "mismatched confirmation": ({"password2": GOOD_PASSWORD + "x"}, "password2", "kata sandi yang sama"),
    "full name too short": ({"full_name": " A  b "}, "full_name", "minimal 3 huruf"),
    "full name missing": ({"full_name": ""}, "full_name", "harus diisi"),
    "email missing": ({"email": ""}, "email", "harus diisi"),
    "email malformed": ({"email": "siti@"}, "email", "alamat email yang valid"),
}


@pytest.mark.parametrize("case", list(BAD_SIGNUPS), ids=list(BAD_SIGNUPS))
def test_bad_signup_is_answered_on_the_field_and_creates_nothing(client, make_user, trainee, case):
    make_user(phone="+6281200000001", email="pemilik-hp@example.test")
    overrides, field, message = BAD_SIGNUPS[case]
    users, addresses = User.objects.count(), EmailAddress.objects.count()

    response = client.post("/akun/signup/", signup_data(**overrides))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message.lower() in " ".join(form.errors[field]).lower()
    html = page_text(response)
    assert f'id="id_{field}_error"' in html  # the error list is tied to its input
    assert 'aria-invalid="true"' in html
    assert User.objects.count() == users
    assert EmailAddress.objects.count() == addresses
    assert mail.outbox == [] and sms.outbox == []


# --- login -----------------------------------------------------------------------------------


@pytest.fixture
def phone_user(make_user):
    return make_user(roles.TRAINEE, email="budi@example.test", phone="+6281298765432", phone_verified=True)


def test_login_page_is_indonesian(client):
    html = page_text(client.get("/akun/login/"))
    for text in ["Masuk ke Sinau", "Email atau nomor HP", "Kata sandi", "Lupa kata sandi", "Daftar sebagai peserta"]:
        assert text in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html


def test_login_by_email_lands_on_the_dashboard(client, trainee):
    response = client.post("/akun/login/", {"login": "PESERTA@example.test", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/beranda/"
    assert client.session["_auth_user_id"] == str(trainee.pk)


@pytest.mark.parametrize(
    "typed", ["0812-9876-5432", "081298765432", "+6281298765432", "+62 812 9876 5432", "6281298765432"]
)
def test_login_by_phone_in_any_usual_spelling(client, phone_user, typed):
    response = client.post("/akun/login/", {"login": typed, "password": PASSWORD})
    assert response.status_code == 302, page_text(response)[-2000:]
    assert response["Location"] == "/beranda/"
    assert client.session["_auth_user_id"] == str(phone_user.pk)


def test_login_with_unverified_phone_asks_for_the_sms_code(client, make_user):
    user = make_user(roles.TRAINEE, phone="+6281311112222", phone_verified=False)
    response = client.post("/akun/login/", {"login": "081311112222", "password": PASSWORD})
    assert response["Location"] == "/akun/phone/verify/"
    response = client.post("/akun/phone/verify/", {"code": sms_code()})
    assert response["Location"] == "/beranda/"
    user.refresh_from_db()
    assert user.phone_verified


@pytest.mark.parametrize(
    ("login", "message"),
    [
        ("peserta@example.test", "Email atau kata sandi salah"),
        ("081298765432", "Nomor HP atau kata sandi salah"),
        ("bukan-email-atau-hp", "Email/nomor HP atau kata sandi salah"),
    ],
)
def test_login_with_a_wrong_password_says_so_on_the_form(client, trainee, phone_user, login, message):
    response = client.post("/akun/login/", {"login": login, "password": "salah-sekali"})
    assert response.status_code == 200
    html = page_text(response)
    assert message in html
    assert 'role="alert"' in html  # non-field errors are shown, announced to screen readers
    assert "_auth_user_id" not in client.session


def test_login_is_rate_limited_after_repeated_failures(client, trainee):
    for _attempt in range(5):
        response = client.post("/akun/login/", {"login": "peserta@example.test", "password": "salah"})
        assert "Email atau kata sandi salah" in page_text(response)
    # Now even the right password is refused for a while.
    response = client.post("/akun/login/", {"login": "peserta@example.test", "password": PASSWORD})
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk yang gagal" in page_text(response)
    assert "_auth_user_id" not in client.session


def test_signed_in_user_sent_to_login_sees_why(client_for, trainee):
    client = client_for(trainee)
    response = client.get("/akun/login/?next=/admin/")
    assert response.status_code == 200
    assert "Anda sudah masuk sebagai" in page_text(response)


# --- password reset ------------------------------------------------------------------------


def test_password_reset_by_email_link(client, trainee):
    response = client.post("/akun/password/reset/", {"email": "peserta@example.test"})
    assert response["Location"] == "/akun/password/reset/done/"
    link = link_in_last_mail(r"http://testserver/akun/password/reset/key/\S+/")
    response = client.get(link)
    assert response.status_code == 302  # allauth moves the key into the session
    form_url = response["Location"]
    page = client.get(form_url)
    assert "Buat kata sandi baru" in page_text(page)

    bad = client.post(form_url, {"password1": "12345678", "password2": "12345678"})
    assert "seluruhnya terdiri dari angka" in page_text(bad)
    response = client.post(form_url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password(GOOD_PASSWORD)
    client.logout()
    response = client.post("/akun/login/", {"login": "peserta@example.test", "password": GOOD_PASSWORD})
    assert response["Location"] == "/beranda/"


def test_password_reset_answers_known_and_unknown_emails_alike(client, trainee):
    """Issue 9, item 8: the reset form does not tell who has an account."""
    unknown = client.post("/akun/password/reset/", {"email": "tidak-ada@example.test"})
    known = client.post("/akun/password/reset/", {"email": "peserta@example.test"})
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert "tidak terdaftar" not in page_text(client.get(unknown["Location"]))
    # Only the account holder gets a reset link.
    assert [m.to for m in mail.outbox if "/akun/password/reset/key/" in m.body] == [["peserta@example.test"]]


def test_password_similar_to_the_full_name_is_refused(make_user):
    """Issue 9, item 9: "ujicoba123" for "Uji Coba"."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = make_user(full_name="Uji Coba", email="uji@example.test")
    with pytest.raises(ValidationError):
        validate_password("ujicoba123", user)
    validate_password("kopi-tubruk-pagi-7", user)


class _FourDaysAgo(EmailAwarePasswordResetTokenGenerator):
    def _now(self):
        return datetime.now() - timedelta(days=4)


@pytest.mark.parametrize("kind", ["expired", "tampered", "used"])
def test_bad_password_reset_link_is_refused_with_a_clear_message(client, trainee, kind):
    if kind == "expired":
        token = _FourDaysAgo().make_token(trainee)  # PASSWORD_RESET_TIMEOUT is three days
    else:
        token = EmailAwarePasswordResetTokenGenerator().make_token(trainee)
    if kind == "tampered":
        token = token[:-2] + ("00" if not token.endswith("00") else "11")
    url = f"/akun/password/reset/key/{user_pk_to_url_str(trainee)}-{token}/"
    if kind == "used":
        form_url = client.get(url)["Location"]
        client.post(form_url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
        client.logout()
    old_hash = User.objects.get(pk=trainee.pk).password

    response = client.get(url, follow=True)

    html = page_text(response)
    assert "Tautan tidak berlaku" in html
    assert "Minta tautan baru" in html
    assert 'role="alert"' in html
    assert "id_password1" not in html  # no form to set a password
    assert User.objects.get(pk=trainee.pk).password == old_hash


# --- password change, logout, profile ------------------------------------------------------


def test_password_change_keeps_the_user_signed_in(client_for, trainee):
    client = client_for(trainee)
    bad = client.post(
        "/akun/password/change/", {"oldpassword": "salah", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    )
    assert bad.status_code == 200
    assert "oldpassword" in bad.context["form"].errors
    response = client.post(
        "/akun/password/change/", {"oldpassword": PASSWORD, "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    )
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password(GOOD_PASSWORD)
    assert client.get("/beranda/").status_code == 200


def test_logout_needs_a_post(client_for, trainee):
    client = client_for(trainee)
    page = client.get("/akun/logout/")
    assert page.status_code == 200
    assert "Anda yakin ingin keluar?" in page_text(page)
    assert client.session.get("_auth_user_id") == str(trainee.pk)  # a GET (e.g. a prefetch) does not log out

    response = client.post("/akun/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert client.get("/beranda/").status_code == 302


def test_profile_requires_login(client):
    response = client.get("/akun/profil/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/?next=/akun/profil/"


def test_profile_shows_and_saves_the_certificate_name_phone_and_organisation(client_for, make_user):
    user = make_user(roles.TRAINEE, full_name="Budi", phone="+6281200000009", phone_verified=True)
    client = client_for(user)
    page = client.get("/akun/profil/")
    html = page_text(page)
    assert page.status_code == 200
    assert "Nama lengkap" in html and "dicetak pada sertifikat" in html and "Nomor HP/WhatsApp" in html

    response = client.post(
        "/akun/profil/",
        {"full_name": "  Budi   Santoso, S.E. ", "phone": "0812-0000-0010", "organisation": "KPRI Toko Guru Sejahtera"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Budi Santoso, S.E."
    assert user.phone == "+6281200000010"
    assert not user.phone_verified  # a new number must be verified again
    assert user.organisation == "KPRI Toko Guru Sejahtera"
    assert "Profil Anda sudah disimpan" in page_text(client.get("/akun/profil/"))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"full_name": "A"}, "full_name", "minimal 3 huruf"),
        ({"phone": "12ab"}, "phone", "Nomor HP tidak valid"),
        ({"phone": "+6281200000001"}, "phone", "Nomor HP ini sudah dipakai akun lain"),
    ],
)
def test_profile_bad_input_changes_nothing(client_for, make_user, data, field, message):
    make_user(email="lain@example.test", phone="+6281200000001")
    user = make_user(roles.TRAINEE, full_name="Budi Santoso", phone="+6281200000009", phone_verified=True)
    client = client_for(user)
    response = client.post("/akun/profil/", {"full_name": "Budi Santoso", "phone": "", "organisation": "", **data})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Periksa kembali isian yang ditandai" in page_text(response)
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.phone_verified) == ("Budi Santoso", "+6281200000009", True)


def test_logout_from_the_wagtail_admin_lands_on_our_login_page(client_for, instructor):
    client = client_for(instructor)
    assert client.get("/admin/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/akun/login/"
    page = client.get("/akun/login/")
    assert "Anda sudah keluar." in page_text(page)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"] == "/akun/login/?next=/admin/"


def test_admin_signs_in_through_allauth_and_returns_to_the_admin(client, instructor):
    response = client.get("/admin/pages/")
    assert response["Location"] == "/akun/login/?next=/admin/pages/"
    response = client.post(
        "/akun/login/?next=/admin/pages/",
        {"login": "narasumber@example.test", "password": PASSWORD, "next": "/admin/pages/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


def test_a_new_phone_from_the_profile_is_verified_with_an_sms_code(client_for, make_user):
    user = make_user(roles.TRAINEE, phone="+6281200000009", phone_verified=True)
    client = client_for(user)
    client.post("/akun/profil/", {"full_name": user.full_name, "phone": "081377778888", "organisation": ""})
    profile = page_text(client.get("/akun/profil/"))
    assert "belum diverifikasi" in profile and 'href="/akun/phone/change/"' in profile

    response = client.post("/akun/phone/change/", {"action": "verify"})
    assert response.status_code == 302
    assert sms.outbox[-1]["to"] == "+6281377778888"
    verify_url = response["Location"]
    response = client.post(verify_url, {"code": sms_code()})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.phone, user.phone_verified) == ("+6281377778888", True)
    assert "belum diverifikasi" not in page_text(client.get("/akun/profil/"))


def test_failed_phone_logins_lock_that_number_only_whatever_its_spelling(client, make_user):
    make_user(roles.TRAINEE, email="a@example.test", phone="+6281311110001", phone_verified=True)
    make_user(roles.TRAINEE, email="b@example.test", phone="+6281311110002", phone_verified=True)
    spellings = ["081311110001", "+6281311110001", "0813-1111-0001", "6281311110001", "+62 813 1111 0001"]
    for typed in spellings:
        response = client.post("/akun/login/", {"login": typed, "password": "salah"}, REMOTE_ADDR="10.3.0.9")
        assert "Nomor HP atau kata sandi salah" in page_text(response)
    locked = client.post("/akun/login/", {"login": "081311110001", "password": PASSWORD}, REMOTE_ADDR="10.3.0.9")
    assert "Terlalu banyak percobaan masuk yang gagal" in page_text(locked)
    # Another trainee's number is not locked by someone else's failures.
    other = client.post("/akun/login/", {"login": "081311110002", "password": PASSWORD}, REMOTE_ADDR="10.3.0.9")
    assert other.status_code == 302
    assert other["Location"] == "/beranda/"


def test_someone_elses_failures_do_not_lock_the_owner_out(client, make_user):
    """Issue 9, item 5: five wrong passwords from one address lock the account there only."""
    make_user(roles.TRAINEE, email="korban@example.test")
    for _ in range(6):
        client.post("/akun/login/", {"login": "korban@example.test", "password": "tebak"}, REMOTE_ADDR="203.0.113.5")
    there = client.post(
        "/akun/login/", {"login": "korban@example.test", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert "Terlalu banyak percobaan masuk yang gagal" in page_text(there)
    owner = Client(REMOTE_ADDR="198.51.100.7")
    response = owner.post("/akun/login/", {"login": "korban@example.test", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/beranda/"


def test_behind_a_proxy_the_client_address_is_read_from_x_forwarded_for(client, make_user, settings):
    """With TRUSTED_PROXY_COUNT=1 (one nginx) every visitor does not share the proxy's address."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    make_user(roles.TRAINEE, email="korban2@example.test")
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(6):
        client.post(
            "/akun/login/",
            {"login": "korban2@example.test", "password": "tebak"},
            HTTP_X_FORWARDED_FOR="203.0.113.9",
            **proxy,
        )
    owner = Client()
    response = owner.post(
        "/akun/login/",
        {"login": "korban2@example.test", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.8",
        **proxy,
    )
    assert response.status_code == 302, page_text(response)[-400:]


def test_a_whole_training_room_signs_in_from_one_address(client, make_user):
    """31 participants behind the office Wi-Fi, some mistyping once: nobody is locked out."""
    people = [make_user(roles.TRAINEE, email=f"kelas{n:02d}@example.test") for n in range(31)]
    for n, person in enumerate(people):
        room = Client(REMOTE_ADDR="192.0.2.10")
        if n % 3 == 0:  # a typo first
            response = room.post("/akun/login/", {"login": person.email, "password": "typo"})
            assert "Email atau kata sandi salah" in page_text(response)
        response = room.post("/akun/login/", {"login": person.email, "password": PASSWORD})
        assert response.status_code == 302, (n, page_text(response)[-600:])
