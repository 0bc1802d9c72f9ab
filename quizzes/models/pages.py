"""The quiz page: a Wagtail page under a course day (`courses.ModulePage`) with the quiz's settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class QuizPage(Page):
    """A quiz of a course day. Served by `quizzes.views` through Wagtail's `on_serve_page` hook
    (quizzes/wagtail_hooks.py), so the model never imports its views."""

    intro = RichTextField(_("pengantar"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    is_required = models.BooleanField(_("wajib"), default=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("pass_mark"), FieldPanel("is_required")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    template = "quizzes/quiz_preview.html"

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")
