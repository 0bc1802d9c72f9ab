"""Each certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential), signed as a VC-JWT.

The JSON is built from the certificate's snapshot (what was printed), so it never changes after
issue except for its status. Format and verification steps: docs/certificates.md.
"""

import json
from datetime import UTC

import jwt
from django.conf import settings
from django.urls import reverse

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
    return data


def signed_credential(certificate) -> str | None:
    """The credential as a compact JWS (OB 3.0 §8.2, VC-JWT): the payload is the credential with
    `iss`, `jti`, `nbf` (and `exp`) claims; the header names the algorithm and carries the public
    key (`jwk`) and the X.509 chain (`x5c`) of the same certificate that signs the PDFs."""
    who = signing.identity()
    if who is None:
        return None
    data = credential(certificate)
    payload = dict(data)
    payload["iss"] = data["issuer"]["id"]
    payload["jti"] = data["id"]
    payload["nbf"] = int(certificate.issued_at.timestamp())
    if certificate.expires_at:
        payload["exp"] = int(certificate.expires_at.timestamp())
    public_jwk = json.loads(
        jwt.algorithms.get_default_algorithms()[who.jws_algorithm].to_jwk(who.private_key.public_key())
    )
    import base64

    headers = {
        "typ": "JWT",
        "jwk": public_jwk,
        "x5c": [base64.b64encode(der).decode("ascii") for der in (who.certificate_der, *who.chain_der)],
    }
    return jwt.encode(payload, who.private_key, algorithm=who.jws_algorithm, headers=headers)
