"""Models of the certificates app: templates, per-course settings, issued certificates and their history.

An issued certificate is a row with a serial number, an unguessable verification code, a snapshot
of everything printed on it, and the PDF rendered once (with its SHA-256). Nothing here renders or
sends anything: that is `services.py` and `tasks.py`.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, PreviewableMixin

# Crockford's base32: no I, L, O, U, so a code read aloud or typed on a phone is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 16 symbols × 5 bits = 80 bits from the OS's CSPRNG
_CODE_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def generate_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(value: str) -> str | None:
    """The stored form of a typed or scanned code ("abcd-efgh …" → "ABCDEFGH…"), or None when it
    cannot be one (wrong length or characters): such input never reaches the database."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    cleaned = "".join(ch for ch in value.upper() if ch not in " -").translate(_CODE_ALIASES)
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def format_code(code: str) -> str:
    """ "ABCD-EFGH-JKMN-PQRS": groups of four are easier to read out and type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class CertificateKind(models.TextChoices):
    COMPLETION = "completion", _("Sertifikat kelulusan")
    ATTENDANCE = "attendance", _("Surat keterangan keikutsertaan")


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """The layout of a certificate: HTML/CSS with placeholders, page, background, logo, signatories.

    Editing a template never changes a certificate already issued: each certificate keeps a copy of
    the layout it was printed with, and its PDF is stored once.
    """

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("A4 mendatar (landscape)")
        PORTRAIT = "portrait", _("A4 tegak (portrait)")

    name = models.CharField(_("nama templat"), max_length=120)
    kind = models.CharField(
        _("jenis"), max_length=12, choices=CertificateKind.choices, default=CertificateKind.COMPLETION
    )
    orientation = models.CharField(
        _("orientasi kertas"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    body_html = models.TextField(
        _("isi (HTML)"),
        help_text=_(
            "HTML dengan penanda seperti {{ nama }}, {{ kursus }}, {{ nomor }}, {{ qr }}; daftar lengkap di bawah."
        ),
    )
    css = models.TextField(_("gaya (CSS)"), blank=True)
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar latar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo instansi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_name = models.CharField(
        _("nama penerbit"), max_length=200, default="Dinas Koperasi, UKM, Perindustrian dan Perdagangan"
    )
    issue_place = models.CharField(_("tempat terbit"), max_length=100, blank=True, help_text=_("Mis. nama kota."))
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("templat sertifikat")
        verbose_name_plural = _("templat sertifikat")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from .rendering import TemplateProblem, check_template

        try:
            check_template(self.body_html, self.css)
        except TemplateProblem as problem:
            raise ValidationError({problem.field: problem.message}) from None

    # Wagtail's live preview (PreviewableMixin): the PDF with sample data, or its HTML.
    preview_modes = [("pdf", _("PDF")), ("html", _("HTML"))]
    default_preview_mode = "pdf"

    def serve_preview(self, request, mode_name):
        from .rendering import preview_response

        return preview_response(self, mode_name)


class CertificateSignatory(Orderable):
    """A person who signs the certificates of a template (name, position, NIP, signature image)."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("nama"), max_length=150)
    title = models.CharField(_("jabatan"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar tanda tangan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("nip"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("penanda tangan")
        verbose_name_plural = _("penanda tangan")

    def clean(self):
        super().clean()
        if self.nip and not self.nip.replace(" ", "").isdigit():
            raise ValidationError({"nip": _("NIP hanya berisi angka (spasi boleh).")})


class CourseCertificateSettings(models.Model):
    """What a course issues (courses never imports certificates, so this lives here)."""

    course = models.OneToOneField(
        "courses.CoursePage", verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="certificate_settings"
    )
    completion_template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("templat sertifikat kelulusan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": CertificateKind.COMPLETION},
    )
    attendance_template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("templat surat keterangan keikutsertaan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": CertificateKind.ATTENDANCE},
    )
    issue_on_completion = models.BooleanField(
        _("terbitkan otomatis saat lulus"),
        default=True,
        help_text=_("Sertifikat kelulusan diterbitkan begitu peserta memenuhi syarat kelulusan."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("masa berlaku (bulan)"), null=True, blank=True, help_text=_("Kosongkan bila berlaku selamanya.")
    )

    class Meta:
        verbose_name = _("pengaturan sertifikat kursus")
        verbose_name_plural = _("pengaturan sertifikat kursus")

    def __str__(self):
        return str(self.course)

    def template_for(self, kind: str) -> CertificateTemplate | None:
        return self.completion_template if kind == CertificateKind.COMPLETION else self.attendance_template


class SerialCounter(models.Model):
    """The last serial number used in a year; its row is locked while the next number is taken."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    last_number = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("penghitung nomor seri")
        verbose_name_plural = _("penghitung nomor seri")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Certificate(models.Model):
    """One certificate issued to one trainee for one course and kind."""

    # Wagtail's reference index would add four queries to every issue; nothing "uses" a certificate.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        VALID = "valid", _("Sah")
        REVOKED = "revoked", _("Dicabut")
        REPLACED = "replaced", _("Diganti")

    class RevocationReason(models.TextChoices):
        DATA_ERROR = "data_error", _("Kesalahan data")
        NOT_ELIGIBLE = "not_eligible", _("Tidak memenuhi syarat")
        MISCONDUCT = "misconduct", _("Pelanggaran atau kecurangan")
        HOLDER_REQUEST = "holder_request", _("Permintaan pemegang")
        OTHER = "other", _("Alasan lain")

    enrollment = models.ForeignKey(
        "courses.Enrollment", verbose_name=_("pendaftaran"), on_delete=models.PROTECT, related_name="certificates"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemegang"), on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("kursus"), on_delete=models.PROTECT, related_name="certificates"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("angkatan"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=CertificateKind.choices)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("templat"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    number = models.PositiveIntegerField(_("nomor urut"))
    serial = models.CharField(_("nomor sertifikat"), max_length=80, unique=True)
    code = models.CharField(
        _("kode verifikasi"), max_length=CODE_LENGTH, unique=True, default=generate_verification_code
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    snapshot = models.JSONField(_("data tercetak"), default=dict)
    issued_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_reason = models.TextField(_("alasan pengecualian syarat"), blank=True)
    expires_at = models.DateTimeField(_("berlaku sampai"), null=True, blank=True)
    # Filled once by the rendering task; a conditional UPDATE keeps the first result only.
    pdf = models.FileField(_("berkas PDF"), upload_to="sertifikat/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    rendered_at = models.DateTimeField(_("dibuat PDF"), null=True, blank=True)
    signer = models.CharField(_("ditandatangani secara elektronik oleh"), max_length=300, blank=True)
    signer_fingerprint = models.CharField(
        _("sidik jari sertifikat penanda tangan (SHA-256)"), max_length=95, blank=True
    )
    emailed_at = models.DateTimeField(_("email terkirim"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.CharField(
        _("alasan pencabutan"), max_length=20, choices=RevocationReason.choices, blank=True
    )
    revocation_note = models.TextField(_("catatan pencabutan"), blank=True)
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("diganti dengan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # Exactly once: one current (not replaced) certificate per enrolment and kind, whatever
            # double completion, task retries, two workers or a bulk run started twice do.
            models.UniqueConstraint(
                fields=["enrollment", "kind"],
                condition=~models.Q(status="replaced"),
                name="certificates_one_current_per_enrollment_kind",
            ),
            models.UniqueConstraint(fields=["year", "number"], name="certificates_serial_number_unique"),
            models.CheckConstraint(
                condition=~models.Q(status="revoked") | models.Q(revoked_at__isnull=False),
                name="certificates_revoked_has_date",
            ),
        ]

    def __str__(self):
        return self.serial

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def is_rendered(self) -> bool:
        return bool(self.sha256)

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def public_state(self, now=None) -> str:
        """valid / expired / revoked / replaced, as the verification page tells it."""
        if self.status == self.Status.VALID and self.is_expired(now):
            return "expired"
        return self.status


class CertificateEvent(models.Model):
    """The history of a certificate: issued, PDF stored, emailed, revoked, replaced."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Diterbitkan")
        RENDERED = "rendered", _("PDF dibuat")
        EMAILED = "emailed", _("Email terkirim")
        REVOKED = "revoked", _("Dicabut")
        REPLACED = "replaced", _("Diganti (terbit ulang)")
        RENDER_FAILED = "render_failed", _("Gagal membuat PDF")

    certificate = models.ForeignKey(
        Certificate, verbose_name=_("sertifikat"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("tindakan"), max_length=16, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat sertifikat")
        verbose_name_plural = _("riwayat sertifikat")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.certificate_id}: {self.action}"
