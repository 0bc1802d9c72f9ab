"""The user account (email login, phone as second method), the site's home page and background jobs."""

import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class SinauUserManager(UserManager):
    """Users are identified by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Email is required")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


# Titles and forms of address written before a name (Indonesian usage), lower-case without dots.
NAME_TITLES = frozenset(
    "dr drs dra ir h hj hc kh prof prof.dr dr.ir ny nn tn sdr sdri bpk bapak ibu bu pak mas mbak "
    "st s.e s.h s.pd s.kom a.md".split()
)


class User(AbstractUser):
    """A person using Sinau. `full_name` is printed on certificates exactly as written."""

    username = None
    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(
        _("nama lengkap"),
        max_length=150,
        help_text=_("Ditulis persis seperti yang akan dicetak pada sertifikat, dengan gelar bila ada."),
    )
    phone = models.CharField(
        _("nomor HP/WhatsApp"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Format internasional, mis. +6281234567890."),
    )
    phone_verified = models.BooleanField(_("nomor HP terverifikasi"), default=False)
    organisation = models.CharField(
        _("koperasi atau usaha"),
        max_length=200,
        blank=True,
        help_text=_("Nama koperasi atau usaha tempat Anda bekerja atau menjadi anggota."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = SinauUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        """The name to greet with: the first word of the full name that is not a title
        ("Dr. Siti Aminah, M.Si." → "Siti", "Hj. Ratna" → "Ratna")."""
        words = [word.strip(",") for word in (self.full_name or "").split()]
        for word in words:
            if word and word.rstrip(".").lower() not in NAME_TITLES:
                return word.rstrip(".") if word.endswith(".") and len(word) > 3 else word
        return self.full_name or self.email.split("@")[0]

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        if not self.phone:
            self.phone = None
        super().save(*args, **kwargs)


class HomePage(Page):
    """The site root: a welcome text; the course catalogue and other pages live below it."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("beranda")


def _job_result_path(job, filename: str) -> str:
    # The job's random id in the path: a result never overwrites another and is not guessable
    # (downloads still go through the owner-only view, never a public media URL).
    return f"jobs/{job.created_at:%Y/%m}/{job.pk}/{filename}"


class BackgroundJob(models.Model):
    """A piece of work run by a Celery worker for one user (see `lms.jobs`): its progress, its
    outcome and, when it made one, the file to download. Kept until `expires_at`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("menunggu giliran")
        RUNNING = "running", _("sedang diproses")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("jenis"), max_length=80)
    label = models.CharField(_("judul"), max_length=200)
    owner = models.ForeignKey(
        "lms.User", verbose_name=_("pemilik"), on_delete=models.CASCADE, related_name="background_jobs"
    )
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    # sha256 of kind + params: the same request while one is still queued or running is the same job.
    params_key = models.CharField(max_length=64, editable=False)
    language = models.CharField(_("bahasa"), max_length=10, blank=True)
    return_url = models.CharField(_("kembali ke"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(_("sudah diproses"), default=0)
    progress_total = models.PositiveIntegerField(_("jumlah"), default=0)
    message = models.CharField(_("pesan"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    result_file = models.FileField(_("berkas hasil"), upload_to=_job_result_path, max_length=300, blank=True)
    result_filename = models.CharField(_("nama berkas"), max_length=200, blank=True)
    result_content_type = models.CharField(_("jenis berkas"), max_length=100, blank=True)
    result_data = models.JSONField(_("ringkasan hasil"), default=dict, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("kabar terakhir"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)

    class Meta:
        verbose_name = _("proses latar belakang")
        verbose_name_plural = _("proses latar belakang")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "params_key"],
                condition=models.Q(status__in=["queued", "running"]),
                name="lms_backgroundjob_one_active_per_request",
            )
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="lms_job_owner_created"),
            models.Index(fields=["status", "heartbeat_at"], name="lms_job_status_heartbeat"),
            models.Index(fields=["expires_at"], name="lms_job_expires"),
        ]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("job_status", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int | None:
        """Share done, or None while the total is not known yet."""
        if self.status == self.Status.DONE:
            return 100
        if not self.progress_total:
            return None
        return min(100, self.progress_done * 100 // self.progress_total)

    @property
    def has_file(self) -> bool:
        return self.status == self.Status.DONE and bool(self.result_file)
