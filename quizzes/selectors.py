"""Reads of the quiz engine (a fixed number of queries each). Other apps (certificates, incubator)
use only the functions documented in docs/quizzes.md ("Read API")."""

from .models import QuizAttempt


def passed_quiz_ids(*, user, quiz_ids) -> set[int]:
    """The quizzes among `quiz_ids` that `user` (a user or a user id) has passed. One query."""
    user_id = getattr(user, "pk", user)
    return set(
        QuizAttempt.objects.filter(user_id=user_id, quiz_id__in=list(quiz_ids), passed=True).values_list(
            "quiz_id", flat=True
        )
    )
