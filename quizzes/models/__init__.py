"""Models of the quiz engine: the quiz page, the question bank, attempts and results."""

from .attempts import QuizAttempt
from .pages import QuizPage

__all__ = ["QuizAttempt", "QuizPage"]
