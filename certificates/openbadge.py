"""Each certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential), signed as a VC-JWT.

The JSON is built from the certificate's snapshot (what was printed), so it never changes after
issue except for its status. Format and verification steps: docs/certificates.md.
"""

import base64
import gzip
import json
from datetime import UTC

import jwt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from . import signing

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _iso(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def credential(certificate) -> dict:
    """The OpenBadgeCredential of one certificate (unsigned JSON)."""
    fields = certificate.snapshot.get("fields", {})
    verify_url = fields.get("url_verifikasi") or site_url() + reverse("certificates:verify", args=[certificate.code])
    achievement_id = f"{site_url()}/certificates/achievement/{certificate.course_id}/{certificate.kind}"
    data = {
        "@context": CONTEXT,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": site_url() + "/",
            "type": ["Profile"],
            "name": fields.get("penerbit", ""),
        },
        "validFrom": _iso(certificate.issued_at),
        "name": f"{fields.get('jenis', '')}: {fields.get('kursus', '')}".strip(": "),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": fields.get("nama", ""),
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certificate" if certificate.kind == "completion" else "Certificate",
                "name": fields.get("kursus", ""),
                "description": f"{fields.get('jenis', '')} — {fields.get('angkatan', '')}, "
                f"{fields.get('tanggal_pelatihan', '')}, {fields.get('jp', '')} JP",
                "criteria": {"narrative": fields.get("predikat", "")},
                "creator": {"id": site_url() + "/", "type": ["Profile"], "name": fields.get("penerbit", "")},
            },
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "identifier",
                    "hashed": False,
                    "identityHash": certificate.serial,
                }
            ],
        },
        "evidence": [{"id": verify_url, "type": ["Evidence"], "name": certificate.serial}],
    }
    if certificate.expires_at:
        data["validUntil"] = _iso(certificate.expires_at)
    data["credentialStatus"] = status_entry(certificate)
    return data


# --- Revocation status: W3C Bitstring Status List v1.0 -------------------------------------------
# Each certificate owns bit `pk % STATUS_LIST_BITS` of list `pk // STATUS_LIST_BITS`; the bit is 1
# once the certificate is revoked or replaced (both are final). 131,072 bits (16 KiB) is the
# specification's minimum list size, so a list does not tell how many certificates exist.
STATUS_LIST_BITS = 131_072


def status_list_url(list_number: int) -> str:
    return site_url() + reverse("certificates:status_list", args=[list_number])


def status_entry(certificate) -> dict:
    """The credential's `credentialStatus`: where a verifier reads whether it was revoked."""
    list_number, index = divmod(certificate.pk, STATUS_LIST_BITS)
    list_url = status_list_url(list_number)
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def encode_bits(indexes) -> str:
    """The specification's `encodedList`: bit 0 is the most significant bit of the first byte;
    GZIP, then multibase base64url without padding (prefix "u")."""
    bits = bytearray(STATUS_LIST_BITS // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def decode_bits(encoded: str) -> bytes:
    """The inverse of `encode_bits` (for tests and for anyone checking by hand)."""
    body = encoded[1:] if encoded.startswith("u") else encoded
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(list_number: int, revoked_indexes) -> dict:
    """The BitstringStatusListCredential of one list (unsigned JSON)."""
    list_url = status_list_url(list_number)
    issuer = issuer_profile()
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": _iso(timezone.now()),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bits(revoked_indexes),
        },
    }


def issuer_profile() -> dict:
    """The issuer of the status lists: the same id as every credential's issuer."""
    return {"id": site_url() + "/", "type": ["Profile"], "name": settings.WAGTAIL_SITE_NAME}


def _sign(data: dict, *, nbf: int, exp: int | None = None) -> str | None:
    who = signing.identity()
    if who is None:
        return None
    payload = dict(data)
    payload["iss"] = data["issuer"]["id"]
    payload["jti"] = data["id"]
    payload["nbf"] = nbf
    if exp is not None:
        payload["exp"] = exp
    public_jwk = json.loads(
        jwt.algorithms.get_default_algorithms()[who.jws_algorithm].to_jwk(who.private_key.public_key())
    )
    headers = {
        "typ": "JWT",
        "jwk": public_jwk,
        "x5c": [base64.b64encode(der).decode("ascii") for der in (who.certificate_der, *who.chain_der)],
    }
    return jwt.encode(payload, who.private_key, algorithm=who.jws_algorithm, headers=headers)


def signed_status_list(list_number: int, revoked_indexes) -> str | None:
    """The status list as a VC-JWT signed with the certificates' key (None without a key)."""
    return _sign(status_list_credential(list_number, revoked_indexes), nbf=int(timezone.now().timestamp()))


def signed_credential(certificate) -> str | None:
    """The credential as a compact JWS (OB 3.0 §8.2, VC-JWT): the payload is the credential with
    `iss`, `jti`, `nbf` (and `exp`) claims; the header names the algorithm and carries the public
    key (`jwk`) and the X.509 chain (`x5c`) of the same certificate that signs the PDFs."""
    exp = int(certificate.expires_at.timestamp()) if certificate.expires_at else None
    return _sign(credential(certificate), nbf=int(certificate.issued_at.timestamp()), exp=exp)
