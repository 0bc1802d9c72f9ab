"""Celery tasks of the quiz engine: thin, idempotent wrappers around quizzes.services."""

from celery import shared_task


@shared_task(name="quizzes.finish_overdue_attempts", acks_late=True)
def finish_overdue_attempts() -> int:
    """Submit, with what was saved, every attempt past its time limit (run every minute by beat;
    pages also do it for the attempts they show). Idempotent: a finished attempt is skipped."""
    from .services import finish_overdue_attempts as finish

    return finish()
