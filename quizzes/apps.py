"""Quizzes: the quiz engine. It plugs into `courses` through `courses.activities` (never the reverse)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Kuis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import activities

        from . import completion

        activities.register_module_page_type("quizzes.QuizPage")
        activities.register_outline_source(completion.OUTLINE_SOURCE)
        activities.register_completion_requirement(completion.QUIZZES_PASSED)
