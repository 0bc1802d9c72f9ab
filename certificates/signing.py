"""Electronic signatures: PAdES on the PDF (pyHanko) and a JWS on the Open Badges credential.

Both use one key and certificate, configured from the environment (see docs/certificates.md):
`CERTIFICATES_SIGNING_KEY` and `CERTIFICATES_SIGNING_CERT` (PEM files), optionally
`CERTIFICATES_SIGNING_KEY_PASSPHRASE` and `CERTIFICATES_SIGNING_CHAIN` (intermediate CA files).
Without them certificates are issued unsigned; nothing else changes.
"""

import functools
import hashlib
import io
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SigningIdentity:
    signer: object  # pyhanko.sign.signers.SimpleSigner
    private_key: object  # cryptography private key (for the credential's JWS)
    certificate_der: bytes
    chain_der: tuple[bytes, ...]
    subject: str
    fingerprint: str  # SHA-256 of the DER certificate, "AB:CD:…"

    @property
    def jws_algorithm(self) -> str:
        from cryptography.hazmat.primitives.asymmetric import ec

        return "ES256" if isinstance(self.private_key, ec.EllipticCurvePrivateKey) else "RS256"


def fingerprint_of(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def configured() -> bool:
    return bool(
        getattr(settings, "CERTIFICATES_SIGNING_KEY", "") and getattr(settings, "CERTIFICATES_SIGNING_CERT", "")
    )


def identity() -> SigningIdentity | None:
    """The configured signing identity, loaded once per process; None when not configured."""
    if not configured():
        return None
    passphrase = getattr(settings, "CERTIFICATES_SIGNING_KEY_PASSPHRASE", "") or ""
    chain = tuple(getattr(settings, "CERTIFICATES_SIGNING_CHAIN", ()) or ())
    return _load(str(settings.CERTIFICATES_SIGNING_KEY), str(settings.CERTIFICATES_SIGNING_CERT), passphrase, chain)


@functools.lru_cache(maxsize=4)
def _load(key_path: str, cert_path: str, passphrase: str, chain: tuple[str, ...]) -> SigningIdentity:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers

    secret = passphrase.encode() if passphrase else None
    signer = signers.SimpleSigner.load(key_path, cert_path, ca_chain_files=chain or None, key_passphrase=secret)
    with open(key_path, "rb") as handle:
        private_key = serialization.load_pem_private_key(handle.read(), password=secret)
    with open(cert_path, "rb") as handle:
        certificate = x509.load_pem_x509_certificate(handle.read())
    chain_der = []
    for path in chain:
        with open(path, "rb") as handle:
            chain_der.append(x509.load_pem_x509_certificate(handle.read()).public_bytes(serialization.Encoding.DER))
    der = certificate.public_bytes(serialization.Encoding.DER)
    return SigningIdentity(
        signer=signer,
        private_key=private_key,
        certificate_der=der,
        chain_der=tuple(chain_der),
        subject=certificate.subject.rfc4514_string(),
        fingerprint=fingerprint_of(der),
    )


def reset_cache() -> None:
    _load.cache_clear()


def sign_pdf(pdf: bytes, *, reason: str, location: str) -> tuple[bytes, SigningIdentity | None]:
    """PAdES baseline signature (B-B) over the whole PDF, as an incremental update."""
    who = identity()
    if who is None:
        return pdf, None
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name="TandaTanganSinau",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason[:200],
        location=location[:100] or None,
    )
    signed = signers.sign_pdf(writer, meta, signer=who.signer)
    return signed.getvalue(), who
