"""Celery tasks of the certificates app: thin, idempotent wrappers around services.

Each takes ids, acknowledges late (a worker crash re-delivers it) and can run any number of
times: issuing returns the existing certificate, rendering keeps the first stored PDF, the email
is claimed before it is sent.
"""

import logging

from celery import shared_task

logger = logging.getLogger("sinau.certificates")


@shared_task(
    name="certificates.issue_on_completion",
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
)
def issue_on_completion(enrollment_id: int) -> str:
    from .services import issue_on_completion_now

    return issue_on_completion_now(enrollment_id=enrollment_id)


@shared_task(name="certificates.render", bind=True, acks_late=True, max_retries=5)
def render_certificate(self, certificate_id: int) -> str:
    """Render, sign and store the PDF once; failures are recorded and retried with a growing delay."""
    from .services import record_render_failure, store_rendered_pdf

    try:
        return store_rendered_pdf(certificate_id=certificate_id)
    except Exception as exc:
        record_render_failure(certificate_id=certificate_id, error=f"{type(exc).__name__}: {exc}")
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Certificate %s: PDF not rendered", certificate_id)
            if self.request.is_eager:
                return "failed"
            raise
        raise self.retry(exc=exc, countdown=min(600, 10 * 2**self.request.retries)) from exc


@shared_task(name="certificates.send_email", bind=True, acks_late=True, max_retries=5)
def send_certificate_email(self, certificate_id: int) -> str:
    from .services import send_certificate_email as send

    try:
        return send(certificate_id=certificate_id)
    except Exception as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.exception("Certificate %s: email not sent", certificate_id)
            return "failed"
        raise self.retry(exc=exc, countdown=60 * 2**self.request.retries) from exc


@shared_task(name="certificates.render_pending", acks_late=True)
def render_pending(older_than_seconds: int = 300) -> int:
    """Beat sweep: render certificates whose PDF is still missing (a failed or lost render task,
    a broker that was down). Each render is idempotent, so overlapping sweeps are harmless."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Certificate

    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    ids = list(Certificate.objects.filter(sha256="", issued_at__lte=cutoff).values_list("pk", flat=True)[:1000])
    for certificate_id in ids:
        render_certificate.delay(certificate_id)
    return len(ids)
