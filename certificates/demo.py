"""Demo data for certificates: the office's two templates (with a logo and two signatories), the
demo course's settings, a certificate for every trainee who completed, an attendance letter for
one who did not, one revoked and one reissued certificate.

`load(*, stdout, people)` is idempotent: templates are found by name, settings by course, and
issuing returns the certificate a trainee already has.
"""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from courses.models import CoursePage, Enrollment

from . import defaults
from .models import (
    Certificate,
    CertificateKind,
    CertificateSignatory,
    CertificateTemplate,
    CourseCertificateSettings,
)
from .services import CertificateError, issue_certificate, reissue_certificate, revoke_certificate

COURSE_SLUG = "manajemen-koperasi"
LOGO_TITLE = "Logo Dinas Koperasi (demo)"


def _picture(title: str, draw) -> object:
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", (240, 240), "white")
    draw(ImageDraw.Draw(canvas))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    slug = title.lower().replace(" ", "-").replace("(", "").replace(")", "")
    image = Image(title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{slug}.png"))
    image.save()
    return image


def _logo(draw):
    draw.ellipse((10, 10, 230, 230), outline="#1b4f72", width=12)
    draw.polygon([(120, 40), (200, 180), (40, 180)], outline="#b9770e", fill="#f5cba7")
    draw.rectangle((95, 120, 145, 180), fill="#1b4f72")


def _signature(draw):
    draw.line([(20, 160), (70, 60), (100, 170), (140, 70), (180, 150), (220, 110)], fill="#0b3d91", width=6)


def _template(name, kind, html, signatories) -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(name=name).first()
    if template is not None:
        return template
    template = CertificateTemplate(
        name=name,
        kind=kind,
        body_html=html,
        css=defaults.CSS,
        logo=_picture(LOGO_TITLE, _logo),
        issue_place="Mojokerto",
    )
    template.full_clean()
    template.save()
    for order, (person_name, title, nip) in enumerate(signatories):
        CertificateSignatory.objects.create(
            template=template,
            sort_order=order,
            name=person_name,
            title=title,
            nip=nip,
            signature=_picture(f"Tanda tangan {person_name} (demo)", _signature),
        )
    return template


@transaction.atomic
def load(*, stdout, people) -> None:
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        stdout.write("  sertifikat: kursus demo tidak ada, dilewati")
        return
    signatories = [
        (
            "Ir. Bambang Sutrisno, M.M.",
            "Kepala Dinas Koperasi, UKM, Perindustrian dan Perdagangan",
            "196805121994031007",
        ),
        (people["instructors"][0].full_name, "Narasumber", ""),
    ]
    completion = _template(
        "Sertifikat kelulusan (A4 mendatar)", CertificateKind.COMPLETION, defaults.COMPLETION_HTML, signatories
    )
    attendance = _template(
        "Surat keterangan keikutsertaan", CertificateKind.ATTENDANCE, defaults.ATTENDANCE_HTML, signatories[:1]
    )
    CourseCertificateSettings.objects.get_or_create(
        course=course,
        defaults={"completion_template": completion, "attendance_template": attendance, "issue_on_completion": True},
    )
    officer = people["officers"][0]
    issued = 0
    enrollments = list(Enrollment.objects.filter(cohort__course=course).select_related("user").order_by("user__email"))
    for enrollment in enrollments:
        if enrollment.status == Enrollment.Status.COMPLETED:
            issued += issue_certificate(enrollment=enrollment, kind=CertificateKind.COMPLETION, by=officer).created
    not_completed = [e for e in enrollments if e.status == Enrollment.Status.ACTIVE]
    if not_completed:
        try:
            issued += issue_certificate(
                enrollment=not_completed[0], kind=CertificateKind.ATTENDANCE, by=officer
            ).created
        except CertificateError:
            pass
    # One revoked and one reissued certificate, so the verification page shows each state.
    current = list(
        Certificate.objects.filter(
            course=course, kind=CertificateKind.COMPLETION, status=Certificate.Status.VALID
        ).order_by("holder__email")
    )
    if not Certificate.objects.filter(course=course, status=Certificate.Status.REVOKED).exists() and len(current) >= 3:
        revoke_certificate(
            certificate=current[-1],
            by=officer,
            reason=Certificate.RevocationReason.DATA_ERROR,
            note="Demo: nama koperasi tertulis keliru.",
        )
    if not Certificate.objects.filter(course=course, status=Certificate.Status.REPLACED).exists() and len(current) >= 3:
        reissue_certificate(certificate=current[-2], by=officer, note="Demo: gelar pemegang ditambahkan.")
    total = Certificate.objects.filter(course=course).count()
    stdout.write(f"  sertifikat: {issued} diterbitkan, {total} tercatat (1 dicabut, 1 diterbitkan ulang)")
