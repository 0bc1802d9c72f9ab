"""PAdES signature of the PDF and the Open Badges 3.0 credential, with a key made for the test."""

import io

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from django.urls import reverse

from certificates import openbadge, services, signing
from certificates.models import Certificate

from .conftest import committed, decode_qr, pdf_text


@pytest.fixture
def signed_certificate(setup, officer, signing_key):
    with committed():
        result = services.issue_certificate(enrollment=setup.enrollments["done"], by=officer)
    return Certificate.objects.get(pk=result.certificate.pk)


def test_pdf_is_signed_and_the_signature_validates(signed_certificate, signing_key):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with signed_certificate.pdf.open("rb") as handle:
        reader = PdfFileReader(io.BytesIO(handle.read()))
    assert len(reader.embedded_signatures) == 1
    root = asn1_x509.Certificate.load(signing_key.public_bytes(serialization.Encoding.DER))
    status = validate_pdf_signature(reader.embedded_signatures[0], ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert "Dinas Koperasi Kota (uji)" in status.signing_cert.subject.human_friendly
    # The signed file still carries the printed text and the QR.
    assert signed_certificate.serial in pdf_text(signed_certificate)
    assert decode_qr(signed_certificate) == [
        f"https://sinau.example.go.id/certificates/verify/{signed_certificate.code}/"
    ]


def test_signer_and_fingerprint_are_recorded_and_shown(client, signed_certificate, signing_key):
    expected = signing.fingerprint_of(signing_key.public_bytes(serialization.Encoding.DER))
    assert signed_certificate.signer_fingerprint == expected
    assert "CN=Dinas Koperasi Kota (uji)" in signed_certificate.signer
    body = client.get(reverse("certificates:verify", args=[signed_certificate.code])).content.decode()
    assert expected in body and "Dinas Koperasi Kota (uji)" in body


def test_a_tampered_signed_pdf_fails_validation(signed_certificate, signing_key):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    with signed_certificate.pdf.open("rb") as handle:
        content = bytearray(handle.read())
    index = content.find(b"/Producer")
    if index < 0:
        index = 200
    content[index + 1] = ord("Q")
    reader = PdfFileReader(io.BytesIO(bytes(content)))
    status = validate_pdf_signature(reader.embedded_signatures[0])
    assert not status.intact


def test_unsigned_when_no_key_is_configured(setup):
    with committed():
        certificate = services.issue_certificate(enrollment=setup.enrollments["done"]).certificate
    certificate.refresh_from_db()
    assert certificate.signer == "" and certificate.signer_fingerprint == ""
    assert b"/ByteRange" not in certificate.pdf.open("rb").read()


def test_open_badge_credential_json(client, signed_certificate):
    response = client.get(reverse("certificates:credential", args=[signed_certificate.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    data = response.json()
    assert data["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in data["@context"]
    assert data["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert data["id"] == f"https://sinau.example.go.id/certificates/verify/{signed_certificate.code}/"
    assert data["credentialSubject"]["name"] == "Dra. Siti Aminah, M.M."
    assert data["credentialSubject"]["achievement"]["name"] == "Manajemen Koperasi"
    assert data["issuer"]["name"].startswith("Dinas Koperasi")


def test_open_badge_credential_is_signed_with_the_same_key_and_verifies(client, signed_certificate, signing_key):
    response = client.get(reverse("certificates:credential_jwt", args=[signed_certificate.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256" and header["jwk"]["kty"] == "RSA"
    claims = jwt.decode(token, signing_key.public_key(), algorithms=["RS256"])
    assert claims["jti"] == claims["id"]
    assert claims["iss"] == "https://sinau.example.go.id/"
    assert claims["credentialSubject"]["name"] == "Dra. Siti Aminah, M.M."
    # The key in the header and the x5c certificate are the signing certificate's.
    import base64

    assert base64.b64decode(header["x5c"][0]) == signing_key.public_bytes(serialization.Encoding.DER)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
            signing_key.public_key(),
            algorithms=["RS256"],
        )


def test_no_signed_credential_without_a_key(client, setup):
    with committed():
        certificate = services.issue_certificate(enrollment=setup.enrollments["done"]).certificate
    assert openbadge.signed_credential(certificate) is None
    assert client.get(reverse("certificates:credential_jwt", args=[certificate.code])).status_code == 404
    assert client.get(reverse("certificates:credential", args=[certificate.code])).status_code == 200
