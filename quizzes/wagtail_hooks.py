"""Wagtail integration of the quiz engine: serving quiz pages (the model never imports its views)."""

from wagtail import hooks

from .models import QuizPage
from .views.trainee import serve_quiz


@hooks.register("on_serve_page")
def serve_quiz_pages(next_serve):
    """Quiz pages are served by `quizzes.views.trainee.serve_quiz`; other pages pass through."""

    def serve(page, request, args, kwargs):
        if isinstance(page, QuizPage):
            return serve_quiz(request, page)
        return next_serve(page, request, args, kwargs)

    return serve
