"""The question bank: categories of a course, questions (authored as snippets), and the immutable
versions that attempts are pinned to."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import AnswerBlock

QUESTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Pilihan ganda (satu jawaban)")
    MULTIPLE = "multiple", _("Pilihan ganda (beberapa jawaban)")
    TRUE_FALSE = "truefalse", _("Benar/salah")
    NUMERIC = "numeric", _("Angka")
    SHORT_TEXT = "shorttext", _("Isian singkat")
    MATCHING = "matching", _("Menjodohkan")
    JOURNAL = "journal", _("Tugas jurnal")
    SHU = "shu", _("Tugas SHU")


class QuestionCategory(models.Model):
    """A group of questions of one course (e.g. one per day), reused across its quizzes and drawn
    from at random; the pre-/post-test report gives the learning gain per category."""

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="question_categories"
    )
    name = models.CharField(_("nama"), max_length=150)
    description = models.TextField(_("keterangan"), blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    panels = [FieldPanel("course"), FieldPanel("name"), FieldPanel("description"), FieldPanel("order")]

    class Meta:
        verbose_name = _("kategori soal")
        verbose_name_plural = _("kategori soal")
        ordering = ["course_id", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "name"],
                name="quizzes_category_unique_name",
                violation_error_message=_("Kursus ini sudah punya kategori dengan nama itu."),
            )
        ]

    def __str__(self):
        return self.name


class Question(index.Indexed, models.Model):
    """A question of the bank. Editing it makes a new `QuestionVersion` (quizzes.bank); attempts
    keep the version they started with until an instructor regrades."""

    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField(
        _("judul singkat"), max_length=200, help_text=_("Untuk daftar soal dan statistik; peserta tidak melihatnya.")
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=QuestionKind.choices, editable=False, default="")
    text = RichTextField(_("pertanyaan"), features=QUESTION_FEATURES)
    answer = StreamField(AnswerBlock(), verbose_name=_("jenis dan kunci jawaban"), min_num=1, max_num=1)
    points = models.DecimalField(
        _("poin"), max_digits=6, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(Decimal("0.01"))]
    )
    feedback_correct = models.TextField(_("umpan balik bila benar"), blank=True)
    feedback_incorrect = models.TextField(_("umpan balik bila belum benar"), blank=True)
    explanation = RichTextField(_("pembahasan"), blank=True, features=QUESTION_FEATURES)
    current_version = models.ForeignKey(
        "quizzes.QuestionVersion",
        verbose_name=_("versi terbaru"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    panels = [
        FieldPanel("category"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("answer"),
        FieldPanel("points"),
        MultiFieldPanel(
            [FieldPanel("feedback_correct"), FieldPanel("feedback_incorrect"), FieldPanel("explanation")],
            heading=_("Umpan balik dan pembahasan"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text"), index.FilterField("category")]

    class Meta:
        verbose_name = _("soal")
        verbose_name_plural = _("soal")
        ordering = ["category_id", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The kind follows the answer block, so lists and statistics can filter on it.
        if self.answer:
            self.kind = self.answer[0].block_type
        if not self.title:
            self.title = Truncator(strip_tags(self.text or "")).chars(80) or "?"
        super().save(*args, **kwargs)


class QuestionVersion(models.Model):
    """An immutable snapshot of everything that grades and shows a question (`spec`, a dict built by
    `quizzes.bank.build_spec`). Attempts point at versions, never at the editable question."""

    question = models.ForeignKey(Question, verbose_name=_("soal"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi ke-"))
    spec = models.JSONField(_("isi soal"))
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("versi soal")
        verbose_name_plural = _("versi soal")
        constraints = [models.UniqueConstraint(fields=["question", "number"], name="quizzes_version_unique_number")]

    def __str__(self):
        return f"{self.question_id} v{self.number}"

    @property
    def kind(self) -> str:
        return self.spec["kind"]
