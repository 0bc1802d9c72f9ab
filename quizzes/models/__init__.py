"""Models of the quiz engine: the quiz page, the question bank, attempts and results."""

from .attempts import AttemptAnswer, AttemptState, QuizAttempt, QuizGrade, QuizOverride, QuizSchedule
from .bank import Question, QuestionCategory, QuestionKind, QuestionVersion
from .pages import GradingMethod, QuizKind, QuizPage, ReviewWhen

__all__ = [
    "AttemptAnswer",
    "AttemptState",
    "GradingMethod",
    "Question",
    "QuestionCategory",
    "QuestionKind",
    "QuestionVersion",
    "QuizAttempt",
    "QuizGrade",
    "QuizKind",
    "QuizOverride",
    "QuizPage",
    "QuizSchedule",
    "ReviewWhen",
]
