"""What a trainee has done: lessons marked done, and the course completion."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    """A lesson the user marked as done ("tandai selesai")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("pelajaran"), on_delete=models.CASCADE, related_name="progress"
    )
    completed_at = models.DateTimeField(_("selesai pada"), default=timezone.now)

    class Meta:
        verbose_name = _("kemajuan pelajaran")
        verbose_name_plural = _("kemajuan pelajaran")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="courses_lessonprogress_unique")]

    def __str__(self):
        return f"{self.user} — {self.lesson_id}"


class Completion(models.Model):
    """The enrolment's course completion, recorded once with the figures it was granted on."""

    enrollment = models.OneToOneField(
        "courses.Enrollment", verbose_name=_("pendaftaran"), on_delete=models.CASCADE, related_name="completion"
    )
    completed_at = models.DateTimeField(_("lulus pada"), default=timezone.now)
    snapshot = models.JSONField(_("rekap saat lulus"), default=dict)

    class Meta:
        verbose_name = _("kelulusan")
        verbose_name_plural = _("kelulusan")

    def __str__(self):
        return str(self.enrollment)
