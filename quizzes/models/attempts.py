"""Attempts at a quiz."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    """One attempt at a quiz, pinned to the page revision it was started on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="attempts"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revisi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("lulus"), default=False)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        indexes = [models.Index(fields=["user", "quiz", "passed"], name="quizzes_attempt_user_quiz")]

    def __str__(self):
        return f"{self.user} — {self.quiz_id}: {self.score}"
