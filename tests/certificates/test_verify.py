"""Public verification: valid, revoked, expired, replaced, unknown and odd codes; JSON; the PDF
checker; rate limit; and that no email or phone ever shows."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, CertificateKind

from .conftest import committed

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def certificate(setup, officer):
    with committed():
        result = services.issue_certificate(enrollment=setup.enrollments["done"], by=officer)
    return Certificate.objects.get(pk=result.certificate.pk)


def url(code):
    return reverse("certificates:verify", args=[code])


def test_the_urls_are_the_agreed_ones():
    assert reverse("certificates:verify_lookup") == "/certificates/verify/"
    assert url("ABCDEFGHJKMNPQRS") == "/certificates/verify/ABCDEFGHJKMNPQRS/"
    assert reverse("certificates:mine") == "/sertifikat/"


def test_valid_certificate_page(client, certificate, setup):
    response = client.get(url(certificate.code))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sertifikat ini sah" in body
    assert "Dra. Siti Aminah, M.M." in body and "Manajemen Koperasi" in body and certificate.serial in body
    assert "Dinas Koperasi" in body and certificate.sha256 in body
    trainee = setup.people["done"]
    assert trainee.email not in body
    assert response["X-Robots-Tag"] == "noindex"


def test_valid_certificate_json(client, certificate, setup):
    response = client.get(url(certificate.code), **JSON)
    data = response.json()
    assert response.status_code == 200
    assert (
        data["status"] == "valid"
        and data["serial"] == certificate.serial
        and data["holder"] == "Dra. Siti Aminah, M.M."
    )
    assert data["sha256"] == certificate.sha256 and data["revoked_at"] is None
    text = json.dumps(data)
    assert setup.people["done"].email not in text and "phone" not in text


def test_revoked_certificate_shows_date_and_reason_class_not_the_note(client, certificate, officer):
    services.revoke_certificate(
        certificate=certificate, by=officer, reason="misconduct", note="Catatan rahasia internal"
    )
    body = client.get(url(certificate.code)).content.decode()
    assert "DICABUT" in body and "Pelanggaran atau kecurangan" in body
    assert "Catatan rahasia internal" not in body
    data = client.get(url(certificate.code), **JSON).json()
    assert data["status"] == "revoked" and data["revocation_reason"] == "misconduct" and data["revoked_at"]
    assert "Catatan rahasia" not in json.dumps(data)


def test_expired_certificate(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    body = client.get(url(certificate.code)).content.decode()
    assert "masa berlakunya sudah habis" in body
    assert client.get(url(certificate.code), **JSON).json()["status"] == "expired"


def test_replaced_certificate_points_to_its_successor(client, certificate, officer):
    with committed():
        new = services.reissue_certificate(certificate=certificate, by=officer, note="Perbaikan nama")
    data = client.get(url(certificate.code), **JSON).json()
    assert data["status"] == "replaced" and data["replaced_by"] == url(new.code)
    assert client.get(url(new.code), **JSON).json()["status"] == "valid"


@pytest.mark.parametrize(
    "code",
    [
        "ABCDEFGHJKMNPQRS",  # well-formed, unknown
        "short",
        "ABCDEFGHJKMNPQRSX",
        "ÄÖÜ-ßéè-ñ…-😀😀",
        "<script>alert(1)<script>",
        "%00%0A' OR 1=1 --",
        "A" * 10_000,
    ],
)
def test_unknown_or_malformed_codes_are_the_404_page(client, db, code):
    assert client.get("/certificates/verify/%3Cscript%3E%2F..%2F/").status_code == 404
    response = client.get(url(code))
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()
    response = client.get(url(code), **JSON)
    assert response.status_code == 404 and response.json() == {"status": "unknown"}


def test_typed_variants_of_a_code_land_on_the_canonical_page(client, certificate):
    typed = "-".join(certificate.code[i : i + 4] for i in range(0, 16, 4)).lower()
    response = client.get(url(typed))
    assert response.status_code == 301 and response["Location"] == url(certificate.code)


def test_lookup_form(client, certificate, db):
    response = client.get(reverse("certificates:verify_lookup"), {"code": certificate.display_code.lower()})
    assert response.status_code == 302 and response["Location"] == url(certificate.code)
    response = client.get(reverse("certificates:verify_lookup"), {"code": "ABCD-EFGH-JKMN-PQRS"})
    assert response.status_code == 404 and "Tidak ada sertifikat dengan kode ini" in response.content.decode()
    response = client.get(reverse("certificates:verify_lookup"), {"code": "xyz"})
    assert "16 huruf/angka" in response.content.decode()
    assert client.get(reverse("certificates:verify_lookup")).status_code == 200


def test_pdf_upload_matches_the_issued_file(client, certificate):
    with certificate.pdf.open("rb") as handle:
        content = handle.read()
    response = client.post(
        reverse("certificates:verify_lookup"), {"pdf": SimpleUploadedFile("s.pdf", content, "application/pdf")}
    )
    assert response.status_code == 200
    assert "sama persis dengan sertifikat" in response.content.decode()
    tampered = content.replace(b"Siti", b"Sita", 1) if b"Siti" in content else content + b"\n%tampered"
    response = client.post(
        reverse("certificates:verify_lookup"), {"pdf": SimpleUploadedFile("s.pdf", tampered, "application/pdf")}
    )
    assert "TIDAK sama" in response.content.decode()
    response = client.post(
        reverse("certificates:verify_lookup"),
        {"pdf": SimpleUploadedFile("s.pdf", content, "application/pdf")},
        **JSON,
    )
    assert response.json()["serial"] == certificate.serial


@pytest.mark.parametrize(
    ("name", "content"),
    [("foto.jpg", b"\xff\xd8\xff\xe0JFIF"), ("surat.pdf", b"<html>not a pdf</html>"), ("kosong.pdf", b"")],
)
def test_non_pdf_upload_is_refused_clearly(client, db, name, content):
    response = client.post(
        reverse("certificates:verify_lookup"), {"pdf": SimpleUploadedFile(name, content, "application/pdf")}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "bukan PDF" in body or "kosong" in body


def test_verification_is_rate_limited_per_address(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = "3/m/ip"
    statuses = [client.get(url(certificate.code)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get(url(certificate.code), **JSON).status_code == 429


def test_verification_page_query_count_is_fixed(client, certificate, django_assert_num_queries):
    client.get(url(certificate.code))
    with django_assert_num_queries(1):
        client.get(url(certificate.code), **JSON)


def test_attendance_letter_verifies_with_its_kind(client, setup):
    with committed():
        result = services.issue_certificate(enrollment=setup.enrollments["attended"], kind=CertificateKind.ATTENDANCE)
    data = client.get(url(result.certificate.code), **JSON).json()
    assert data["kind"] == "attendance" and data["kind_label"] == "Surat keterangan keikutsertaan"
