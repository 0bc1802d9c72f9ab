"""Fixtures for the certificates tests: a course with settings and templates, trainees who
completed, and a signing key and certificate generated for the test run."""

import datetime as dt

import pytest
from django.utils import timezone

from certificates import defaults, signing
from certificates.models import CertificateKind, CertificateSignatory, CertificateTemplate, CourseCertificateSettings
from courses.models import Attendance, Completion, Enrollment
from lms import roles
from tests.courses import conftest as courses_fixtures

# The courses tests' fixtures (course tree, cohorts, enrolments), shared here.
catalogue = courses_fixtures.catalogue
make_course = courses_fixtures.make_course
make_cohort = courses_fixtures.make_cohort
enrol = courses_fixtures.enrol


@pytest.fixture
def templates(db):
    completion = CertificateTemplate.objects.create(
        name="Kelulusan",
        kind=CertificateKind.COMPLETION,
        body_html=defaults.COMPLETION_HTML,
        css=defaults.CSS,
        issue_place="Yogyakarta",
    )
    CertificateSignatory.objects.create(
        template=completion, name="Ir. Kepala Dinas", title="Kepala Dinas", nip="196805121994031007"
    )
    attendance = CertificateTemplate.objects.create(
        name="Keikutsertaan",
        kind=CertificateKind.ATTENDANCE,
        body_html=defaults.ATTENDANCE_HTML,
        css=defaults.CSS,
    )
    return {"completion": completion, "attendance": attendance}


@pytest.fixture
def setup(make_course, make_cohort, make_user, templates, instructor):
    """A course with certificate settings, a cohort taught by `instructor`, three trainees: one
    who completed, one who attended only, one who did nothing."""
    tree = make_course(lessons=(1,), title="Manajemen Koperasi")
    tree.course.hours = 32
    tree.course.save()
    settings_row = CourseCertificateSettings.objects.create(
        course=tree.course,
        completion_template=templates["completion"],
        attendance_template=templates["attendance"],
        issue_on_completion=False,
    )
    cohort = make_cohort(tree.course, sessions=2, instructors=[instructor], venue="Aula Dinas")
    people = {
        name: make_user(roles.TRAINEE, full_name=full)
        for name, full in (("done", "Dra. Siti Aminah, M.M."), ("attended", "Budi Santoso"), ("idle", "Dewi Lestari"))
    }
    enrollments = {name: Enrollment.objects.create(user=user, cohort=cohort) for name, user in people.items()}
    Completion.objects.create(enrollment=enrollments["done"], snapshot={})
    Enrollment.objects.filter(pk=enrollments["done"].pk).update(status=Enrollment.Status.COMPLETED)
    session = cohort.sessions.first()
    for name in ("done", "attended"):
        Attendance.objects.create(session=session, enrollment=enrollments[name], status="present", method="instructor")
    return type(
        "Setup",
        (),
        {
            "course": tree.course,
            "tree": tree,
            "cohort": cohort,
            "people": people,
            "enrollments": enrollments,
            "settings": settings_row,
            "templates": templates,
        },
    )


def make_signing_identity(directory, *, common_name="Dinas Koperasi Kota (uji)"):
    """A key and a self-signed certificate written as PEM files, for tests only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path = directory / "sign-key.pem"
    cert_path = directory / "sign-cert.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"rahasia-uji"),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path, cert


@pytest.fixture
def signing_key(settings, tmp_path):
    key_path, cert_path, cert = make_signing_identity(tmp_path)
    settings.CERTIFICATES_SIGNING_KEY = str(key_path)
    settings.CERTIFICATES_SIGNING_CERT = str(cert_path)
    settings.CERTIFICATES_SIGNING_KEY_PASSPHRASE = "rahasia-uji"
    signing.reset_cache()
    yield cert
    signing.reset_cache()


@pytest.fixture(autouse=True)
def _no_signing_by_default(settings):
    settings.CERTIFICATES_SIGNING_KEY = ""
    settings.CERTIFICATES_SIGNING_CERT = ""
    settings.WAGTAILADMIN_BASE_URL = "https://sinau.example.go.id"
    signing.reset_cache()


def pdf_text(certificate) -> str:
    import io

    from pypdf import PdfReader

    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def decode_qr(certificate) -> list[str]:
    """Every QR code found in the images of the certificate's PDF, decoded."""
    import io

    import zxingcpp
    from PIL import Image
    from pypdf import PdfReader

    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    found = []
    for page in reader.pages:
        for image in page.images:
            picture = Image.open(io.BytesIO(image.data)).convert("L")
            # Give the decoder a quiet zone and a size it likes.
            framed = Image.new("L", (picture.width + 40, picture.height + 40), 255)
            framed.paste(picture, (20, 20))
            found += [result.text for result in zxingcpp.read_barcodes(framed)]
    return found


def committed():
    """Run what the code under test enqueues on commit (tasks, signals), as a real commit would;
    callbacks added by those callbacks run too."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def today():
    return timezone.localdate()
