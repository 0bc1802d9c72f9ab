"""Cohorts (angkatan), their face-to-face sessions, enrolments and attendance."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_enrolment_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalize_code(value: str) -> str:
    return "".join((value or "").split()).upper()


class Cohort(models.Model):
    """One run of a course for a group of trainees (an "angkatan")."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        OPEN = "open", _("Pendaftaran dibuka")
        RUNNING = "running", _("Berjalan")
        FINISHED = "finished", _("Selesai")
        CANCELLED = "cancelled", _("Dibatalkan")

    ENROLLABLE = (Status.OPEN, Status.RUNNING)

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    name = models.CharField(_("nama angkatan"), max_length=120)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("kapasitas"), default=30, validators=[MinValueValidator(1)])
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("narasumber"),
        blank=True,
        related_name="taught_cohorts",
        limit_choices_to={"groups__name": "Narasumber"},
    )
    enrolment_code = models.CharField(
        _("kode pendaftaran"),
        max_length=20,
        unique=True,
        default=generate_enrolment_code,
        help_text=_("Dibagikan kepada peserta; huruf besar/kecil tidak dibedakan."),
    )
    code_expires_at = models.DateTimeField(_("kode berlaku sampai"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        ordering = ["-start_date", "name"]
        constraints = [
            models.UniqueConstraint(Upper("enrolment_code"), name="courses_cohort_code_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="courses_cohort_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.course.title}" if self.course_id else self.name

    def save(self, *args, **kwargs):
        self.enrolment_code = normalize_code(self.enrolment_code)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.enrolment_code = normalize_code(self.enrolment_code)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
        if len(self.enrolment_code) < 4:
            raise ValidationError({"enrolment_code": _("Kode pendaftaran minimal 4 karakter.")})
        clash = Cohort.objects.filter(enrolment_code__iexact=self.enrolment_code).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"enrolment_code": _("Kode pendaftaran ini sudah dipakai angkatan lain.")})

    def code_is_expired(self, now=None) -> bool:
        return self.code_expires_at is not None and self.code_expires_at <= (now or timezone.now())


class Session(models.Model):
    """A face-to-face training day of a cohort."""

    cohort = models.ForeignKey(Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("sesi ke-"), validators=[MinValueValidator(1)])
    title = models.CharField(_("judul"), max_length=200)
    date = models.DateField(_("tanggal"))
    start_time = models.TimeField(_("jam mulai"))
    end_time = models.TimeField(_("jam selesai"))
    location = models.CharField(_("lokasi"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        ordering = ["cohort", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "number"],
                name="courses_session_number_unique",
                violation_error_message=_("Angkatan ini sudah punya sesi dengan nomor ini."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="courses_session_times_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Jam selesai harus sesudah jam mulai.")})

    @property
    def starts_at(self):
        return timezone.make_aware(timezone.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self):
        return timezone.make_aware(timezone.datetime.combine(self.date, self.end_time))


class Enrollment(models.Model):
    """A user's place in a cohort; it also keeps where the trainee left off (resume pointer)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktif")
        WITHDRAWN = "withdrawn", _("Mengundurkan diri")
        COMPLETED = "completed", _("Lulus")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("peserta"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    cohort = models.ForeignKey(Cohort, verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="enrollments")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(_("terdaftar pada"), default=timezone.now)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("didaftarkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("pelajaran terakhir dibuka"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_visited_at = models.DateTimeField(_("terakhir dibuka"), null=True, blank=True)

    class Meta:
        verbose_name = _("pendaftaran")
        verbose_name_plural = _("pendaftaran")
        ordering = ["cohort", "user__full_name"]
        constraints = [
            # Django's own Indonesian message for this case says the opposite ("tidak ada").
            models.UniqueConstraint(
                fields=["user", "cohort"],
                name="courses_enrollment_unique",
                violation_error_message=_("Orang ini sudah terdaftar di angkatan ini."),
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.cohort.name}"


class Attendance(models.Model):
    """Whether a trainee attended one session, and how that was recorded."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Hadir")
        LATE = "late", _("Terlambat")
        EXCUSED = "excused", _("Izin")
        ABSENT = "absent", _("Tidak hadir")

    class Method(models.TextChoices):
        SELF = "self", _("Presensi mandiri")
        INSTRUCTOR = "instructor", _("Dicatat narasumber")

    ATTENDED = (Status.PRESENT, Status.LATE)

    session = models.ForeignKey(Session, verbose_name=_("sesi"), on_delete=models.CASCADE, related_name="attendances")
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("pendaftaran"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("cara"), max_length=12, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), default=timezone.now)

    class Meta:
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrollment"], name="courses_attendance_unique"),
        ]

    def __str__(self):
        return f"{self.enrollment.user} — {self.session}: {self.get_status_display()}"
