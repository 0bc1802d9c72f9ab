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


# --- Revocation status (W3C Bitstring Status List), linked from every credential -----------------


def _status_of(client, certificate, **headers):
    entry = client.get(reverse("certificates:credential", args=[certificate.code])).json()["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry" and entry["statusPurpose"] == "revocation"
    assert entry["id"] == f"{entry['statusListCredential']}#{entry['statusListIndex']}"
    path = entry["statusListCredential"].removeprefix("https://sinau.example.go.id")
    return entry, client.get(path, **headers)


def test_credential_links_its_revocation_status_and_the_bit_follows_revoke_and_reissue(client, setup, officer):
    with committed():
        certificate = services.issue_certificate(enrollment=setup.enrollments["done"], by=officer).certificate
        other = services.issue_certificate(enrollment=setup.enrollments["attended"], by=officer, kind="attendance")
    entry, response = _status_of(client, certificate)
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+ld+json"
    status_list = response.json()
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert status_list["id"] == entry["statusListCredential"]
    assert status_list["issuer"]["id"] == "https://sinau.example.go.id/"
    subject = status_list["credentialSubject"]
    assert subject["statusPurpose"] == "revocation" and subject["encodedList"].startswith("u")
    bits = openbadge.decode_bits(subject["encodedList"])
    assert len(bits) * 8 == openbadge.STATUS_LIST_BITS  # the specification's minimum (16 KiB)
    assert not any(bits)

    services.revoke_certificate(certificate=certificate, reason="data_error", by=officer)
    bits = openbadge.decode_bits(_status_of(client, certificate)[1].json()["credentialSubject"]["encodedList"])
    assert openbadge.bit_is_set(bits, int(entry["statusListIndex"]))
    other_index = int(openbadge.status_entry(other.certificate)["statusListIndex"])
    assert not openbadge.bit_is_set(bits, other_index)

    # Reissuing: the old (replaced) certificate's bit is set, the new one's is not.
    with committed():
        new = services.reissue_certificate(certificate=other.certificate, note="Nama salah ketik", by=officer)
    bits = openbadge.decode_bits(_status_of(client, new)[1].json()["credentialSubject"]["encodedList"])
    assert openbadge.bit_is_set(bits, other_index)
    assert not openbadge.bit_is_set(bits, int(openbadge.status_entry(new)["statusListIndex"]))


def test_signed_status_list_verifies_with_the_certificates_key(client, signed_certificate, signing_key):
    entry, response = _status_of(client, signed_certificate, HTTP_ACCEPT="application/vc+jwt")
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    claims = jwt.decode(response.content.decode(), signing_key.public_key(), algorithms=["RS256"])
    assert claims["jti"] == entry["statusListCredential"] and claims["iss"] == "https://sinau.example.go.id/"
    assert claims["credentialSubject"]["type"] == "BitstringStatusList"


def test_status_list_without_a_key_or_beyond_the_issued_ones(client, setup):
    with committed():
        certificate = services.issue_certificate(enrollment=setup.enrollments["done"]).certificate
    entry, response = _status_of(client, certificate, HTTP_ACCEPT="application/vc+jwt")
    assert response.status_code == 406
    beyond = certificate.pk // openbadge.STATUS_LIST_BITS + 1
    assert client.get(reverse("certificates:status_list", args=[beyond])).status_code == 404


def test_encoded_list_bit_order_follows_the_specification():
    # Index 0 is the most significant bit of the first byte; index 9 the second bit of the second.
    bits = openbadge.decode_bits(openbadge.encode_bits([0, 9]))
    assert bits[0] == 0x80 and bits[1] == 0x40 and not any(bits[2:])
