"""The quiz page: a Wagtail page under a course day (`courses.ModulePage`) with the quiz's settings."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import QuizContentBlock


class QuizKind(models.TextChoices):
    QUIZ = "quiz", _("Kuis")
    PRETEST = "pretest", _("Pre-test")
    POSTTEST = "posttest", _("Post-test")


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Nilai tertinggi")
    LAST = "last", _("Percobaan terakhir")
    FIRST = "first", _("Percobaan pertama")
    AVERAGE = "average", _("Rata-rata semua percobaan")


class ReviewWhen(models.TextChoices):
    NEVER = "never", _("Tidak pernah")
    AFTER_SUBMIT = "after_submit", _("Setelah percobaan dikirim")
    AFTER_CLOSE = "after_close", _("Setelah kuis ditutup")


class QuizPage(Page):
    """A quiz of a course day. Served by `quizzes.views` through Wagtail's `on_serve_page` hook
    (quizzes/wagtail_hooks.py), so the model never imports its views; Wagtail's preview renders
    `template` with the questions the quiz would draw."""

    intro = RichTextField(_("pengantar"), blank=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=QuizKind.choices, default=QuizKind.QUIZ)
    pretest = models.ForeignKey(
        "quizzes.QuizPage",
        verbose_name=_("pre-test pasangannya"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posttests",
        limit_choices_to={"kind": QuizKind.PRETEST},
        help_text=_("Untuk post-test: pre-test yang dibandingkan (peningkatan per peserta dan per kategori)."),
    )
    questions = StreamField(QuizContentBlock(), verbose_name=_("soal"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    is_required = models.BooleanField(
        _("wajib"), default=True, help_text=_("Kuis wajib harus lulus untuk menyelesaikan kursus.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"), default=0, help_text=_("0 = tanpa batas waktu.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("jumlah percobaan"), default=0, help_text=_("0 = tanpa batas.")
    )
    grading_method = models.CharField(
        _("nilai yang dipakai"), max_length=10, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    opens_at = models.DateTimeField(
        _("dibuka"), null=True, blank=True, help_text=_("Jadwal per angkatan (menu Kuis) menggantikan ini.")
    )
    closes_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    shuffle_questions = models.BooleanField(_("acak urutan soal"), default=False)
    shuffle_choices = models.BooleanField(_("acak urutan pilihan"), default=True)
    review_score = models.CharField(
        _("nilai ditampilkan"), max_length=12, choices=ReviewWhen.choices, default=ReviewWhen.AFTER_SUBMIT
    )
    review_feedback = models.CharField(
        _("umpan balik ditampilkan"), max_length=12, choices=ReviewWhen.choices, default=ReviewWhen.AFTER_SUBMIT
    )
    review_answers = models.CharField(
        _("jawaban benar dan pembahasan ditampilkan"),
        max_length=12,
        choices=ReviewWhen.choices,
        default=ReviewWhen.AFTER_CLOSE,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("pretest")]),
        FieldPanel("questions"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("is_required")]),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed")]),
                FieldPanel("grading_method"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Waktu dan percobaan"),
        ),
        MultiFieldPanel(
            [FieldPanel("review_score"), FieldPanel("review_feedback"), FieldPanel("review_answers")],
            heading=_("Tinjauan setelah mengerjakan"),
        ),
    ] + Page.settings_panels
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    template = "quizzes/quiz_preview.html"

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Waktu tutup harus sesudah waktu buka.")
        if self.kind == QuizKind.PRETEST and self.is_required:
            errors["is_required"] = _("Pre-test mengukur kemampuan awal: jangan jadikan syarat kelulusan.")
        if self.pretest_id and self.kind != QuizKind.POSTTEST:
            errors["pretest"] = _("Hanya post-test yang dipasangkan dengan pre-test.")
        if self.pretest_id and self.pretest_id == self.pk:
            errors["pretest"] = _("Kuis tidak dapat menjadi pasangannya sendiri.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context["preview_items"] = self.preview_items()
        return context

    def preview_items(self) -> list[dict]:
        """What the quiz holds, for the editor's preview: each fixed question's latest version and
        each random draw with the size of its category. Three queries."""
        from .bank import Question, QuestionCategory  # models of this app only

        question_ids = [block.value.pk for block in self.questions if block.block_type == "question" and block.value]
        category_ids = [
            block.value["category"].pk
            for block in self.questions
            if block.block_type == "random" and block.value.get("category")
        ]
        questions = Question.objects.select_related("current_version").in_bulk(question_ids)
        sizes = dict(
            QuestionCategory.objects.filter(pk__in=category_ids)
            .annotate(size=models.Count("questions"))
            .values_list("pk", "size")
        )
        items = []
        for block in self.questions:
            if block.block_type == "question" and block.value and block.value.pk in questions:
                question = questions[block.value.pk]
                version = question.current_version
                items.append({"kind": "question", "question": question, "spec": version.spec if version else None})
            elif block.block_type == "random" and block.value.get("category"):
                category = block.value["category"]
                items.append(
                    {
                        "kind": "random",
                        "category": category,
                        "count": block.value["count"],
                        "available": sizes.get(category.pk, 0),
                    }
                )
        return items
