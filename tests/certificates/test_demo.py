"""The demo issues real certificates: a stored PDF for every trainee who completed the demo course,
an attendance letter, one revoked and one reissued certificate, each verifiable; a second run of
the loader changes nothing."""

import io

import pytest
from django.core import mail
from django.urls import reverse

from certificates import demo as certificates_demo
from certificates.models import Certificate, CertificateKind
from courses import demo as courses_demo
from courses.models import Enrollment
from ledger import demo as ledger_demo
from lms import demo as lms_demo
from quizzes import demo as quizzes_demo

from .conftest import committed, decode_qr, pdf_text


def load_all():
    out = io.StringIO()
    with committed():
        people = lms_demo.load(stdout=out)
        for app in (ledger_demo, courses_demo, quizzes_demo, certificates_demo):
            app.load(stdout=out, people=people)
    return out.getvalue()


@pytest.mark.django_db(transaction=False)
def test_demo_issues_verifiable_certificates_once(client, settings):
    settings.DEBUG = True
    output = load_all()
    assert "sertifikat:" in output
    course_certificates = Certificate.objects.filter(course__slug=certificates_demo.COURSE_SLUG)
    completed = Enrollment.objects.filter(cohort__course__slug=certificates_demo.COURSE_SLUG, status="completed")
    assert completed.count() >= 3
    # Every trainee who completed holds a current completion certificate, rendered once and stored.
    for enrollment in completed.select_related("user"):
        current = course_certificates.exclude(status="replaced").get(enrollment=enrollment, kind="completion")
        assert current.sha256 and current.pdf.name
    attendance = course_certificates.get(kind=CertificateKind.ATTENDANCE)
    revoked = course_certificates.get(status=Certificate.Status.REVOKED)
    replaced = course_certificates.get(status=Certificate.Status.REPLACED)
    assert replaced.replaced_by.status == Certificate.Status.VALID
    # The PDF carries the holder's printed name, the serial, and a QR of the verification URL.
    valid = replaced.replaced_by
    text = pdf_text(valid)
    assert valid.snapshot["fields"]["nama"] in text and valid.serial in text
    assert decode_qr(valid) == [valid.snapshot["fields"]["url_verifikasi"]]
    # Holders of valid certificates were told by email (kept in memory by the test backend); the
    # certificate revoked before the email went out is not announced.
    holders = set(course_certificates.filter(status="valid").values_list("holder__email", flat=True))
    assert holders <= {message.to[0] for message in mail.outbox}
    assert revoked.holder.email not in {message.to[0] for message in mail.outbox}
    # Each state on the public page.
    for certificate, state in ((valid, "valid"), (attendance, "valid"), (revoked, "revoked"), (replaced, "replaced")):
        response = client.get(reverse("certificates:verify", args=[certificate.code]), HTTP_ACCEPT="application/json")
        assert response.status_code == 200 and response.json()["status"] == state
    snapshot = sorted(course_certificates.values_list("serial", "status", "sha256"))
    load_all()
    assert sorted(course_certificates.values_list("serial", "status", "sha256")) == snapshot
