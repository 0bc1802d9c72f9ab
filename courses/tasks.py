"""Celery tasks of the courses app: thin, idempotent wrappers around courses code."""

import logging
from smtplib import SMTPException

from celery import shared_task
from django.contrib.auth import get_user_model

from lms.db import retry_on_db_lock
from lms.queue import enqueue_after_response

from .invitations import deliver_invitation
from .models import Cohort, Enrollment
from .services import evaluate_completion

logger = logging.getLogger("sinau.courses")


@shared_task(name="courses.send_invitation", bind=True, acks_late=True, max_retries=5)
def send_invitation(self, user_id: int, cohort_id: int) -> str:
    """Email a bulk-created trainee the link to set a password. Skipped once the account has a
    password (a repeat or a late retry sends nothing); mail-server errors are retried with a
    growing delay, and after the last try (or at once in eager mode) logged: the import itself
    already succeeded and the invitee can still use "Lupa kata sandi"."""
    user = get_user_model().objects.filter(pk=user_id).first()
    cohort = Cohort.objects.select_related("course").filter(pk=cohort_id).first()
    if user is None or cohort is None or user.has_usable_password():
        return "skipped"
    try:
        deliver_invitation(user, cohort)
    except (SMTPException, OSError) as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Invitation to user %s (cohort %s) was not sent", user_id, cohort_id)
            return "failed"
        raise self.retry(exc=exc, countdown=60 * 2**self.request.retries) from exc
    return "sent"


@shared_task(name="courses.evaluate_completion", acks_late=True)
def evaluate_completion_of(user_id: int, cohort_id: int) -> str:
    """Record the trainee's course completion if the rule is met now (after a quiz pass, say).
    Idempotent: a recorded completion is returned as it is (courses records it once)."""
    enrollment = (
        Enrollment.objects.filter(user_id=user_id, cohort_id=cohort_id)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .first()
    )
    if enrollment is None:
        return "not_enrolled"
    return "completed" if retry_on_db_lock(evaluate_completion)(enrollment=enrollment) else "not_met"


def evaluate_completion_soon(*, user_id: int, cohort_id: int) -> None:
    """Check the trainee's completion once the current transaction commits, off the request that
    caused it: a Celery task (eager: right after the response went out, `lms.queue`)."""
    enqueue_after_response(evaluate_completion_of, user_id, cohort_id)
