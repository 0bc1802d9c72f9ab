"""Celery tasks of the courses app: thin, idempotent wrappers around courses code."""

import logging
from smtplib import SMTPException

from celery import shared_task
from django.contrib.auth import get_user_model

from .invitations import deliver_invitation
from .models import Cohort

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
