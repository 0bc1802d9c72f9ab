"""Taking a quiz: schedules per cohort, per-trainee overrides, attempts with their answers, and
each trainee's quiz grade (by the quiz's grading method)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuizSchedule(models.Model):
    """When a quiz is open for one cohort (replaces the quiz's own open/close times)."""

    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="schedules"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("angkatan"), on_delete=models.CASCADE, related_name="quiz_schedules"
    )
    opens_at = models.DateTimeField(_("dibuka"), null=True, blank=True)
    closes_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("jadwal kuis")
        verbose_name_plural = _("jadwal kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "cohort"],
                name="quizzes_schedule_unique",
                violation_error_message=_("Kuis ini sudah punya jadwal untuk angkatan itu."),
            )
        ]

    def __str__(self):
        return f"{self.quiz} — {self.cohort}"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Waktu tutup harus sesudah waktu buka.")})
        if self.quiz_id and self.cohort_id and not self.quiz.path.startswith(self.cohort.course.path):
            raise ValidationError({"cohort": _("Angkatan ini bukan angkatan kursus kuis tersebut.")})


class QuizOverride(models.Model):
    """An exception for one trainee: extra attempts, extra minutes, or a later closing time."""

    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="overrides"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="quiz_overrides"
    )
    extra_attempts = models.PositiveSmallIntegerField(_("tambahan percobaan"), default=0)
    extra_minutes = models.PositiveSmallIntegerField(_("tambahan waktu (menit)"), default=0)
    closes_at = models.DateTimeField(_("ditutup untuk peserta ini"), null=True, blank=True)
    reason = models.CharField(_("alasan"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pengecualian kuis")
        verbose_name_plural = _("pengecualian kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user"],
                name="quizzes_override_unique",
                violation_error_message=_("Peserta ini sudah punya pengecualian untuk kuis itu."),
            )
        ]

    def __str__(self):
        return f"{self.quiz} — {self.user}"


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Sedang dikerjakan")
    FINISHED = "finished", _("Selesai")


class QuizAttempt(models.Model):
    """One attempt at a quiz, pinned to the page revision it was started on and, through its
    answers, to the question versions it drew."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="attempts"
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("angkatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revisi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    number = models.PositiveSmallIntegerField(_("percobaan ke-"), default=1)
    state = models.CharField(_("status"), max_length=12, choices=AttemptState.choices, default=AttemptState.IN_PROGRESS)
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2, null=True, blank=True)
    points = models.DecimalField(_("poin"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(_("poin maksimal"), max_digits=8, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("lulus"), default=False)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    deadline = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    last_saved_at = models.DateTimeField(_("terakhir disimpan"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    auto_submitted = models.BooleanField(
        _("dikirim otomatis"), default=False, help_text=_("Waktu habis: dikirim dengan jawaban yang tersimpan.")
    )
    regraded_at = models.DateTimeField(_("dinilai ulang pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        indexes = [
            models.Index(fields=["user", "quiz", "passed"], name="quizzes_attempt_user_quiz"),
            models.Index(fields=["state", "deadline"], name="quizzes_attempt_open_deadline"),
        ]
        constraints = [
            # One open attempt per trainee and quiz: a second "start" (two tabs) finds the first.
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(state="in_progress"),
                name="quizzes_attempt_one_open",
            ),
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="quizzes_attempt_unique_number"),
        ]

    def __str__(self):
        return f"{self.user} — {self.quiz_id} #{self.number}: {self.score}"

    @property
    def is_finished(self) -> bool:
        return self.state == AttemptState.FINISHED

    def seconds_left(self, now=None) -> int | None:
        if self.deadline is None:
            return None
        return max(0, int((self.deadline - (now or timezone.now())).total_seconds()))


class AttemptAnswer(models.Model):
    """One question of an attempt: the pinned version, the order shown, the answer as given, and
    its grade. `response` holds exactly what the trainee typed or chose (quizzes.responses)."""

    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("percobaan"), on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(_("nomor soal"))
    question = models.ForeignKey(
        "quizzes.Question", verbose_name=_("soal"), on_delete=models.PROTECT, related_name="attempt_answers"
    )
    version = models.ForeignKey(
        "quizzes.QuestionVersion", verbose_name=_("versi soal"), on_delete=models.PROTECT, related_name="answers"
    )
    layout = models.JSONField(_("susunan tampilan"), default=dict, blank=True)
    response = models.JSONField(_("jawaban"), null=True, blank=True)
    saved_at = models.DateTimeField(_("disimpan pada"), null=True, blank=True)
    fraction = models.DecimalField(_("bagian benar"), max_digits=5, decimal_places=4, null=True, blank=True)
    points = models.DecimalField(_("poin"), max_digits=6, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(_("poin maksimal"), max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = _("jawaban percobaan")
        verbose_name_plural = _("jawaban percobaan")
        ordering = ["attempt_id", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_answer_unique_position")]

    def __str__(self):
        return f"{self.attempt_id}.{self.position}"


class QuizGrade(models.Model):
    """A trainee's grade for a quiz by its grading method (highest/last/first/average), kept up to
    date whenever an attempt finishes or is regraded; the outline, completion and gradebook read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="quiz_grades"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="grades"
    )
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2)
    passed = models.BooleanField(_("lulus"), default=False)
    attempts = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("nilai kuis")
        verbose_name_plural = _("nilai kuis")
        constraints = [models.UniqueConstraint(fields=["user", "quiz"], name="quizzes_grade_unique")]
        indexes = [models.Index(fields=["quiz", "passed"], name="quizzes_grade_quiz_passed")]

    def __str__(self):
        return f"{self.user} — {self.quiz_id}: {self.score}"
