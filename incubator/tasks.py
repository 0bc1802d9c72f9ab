"""Celery tasks of the incubator: thin wrappers around incubator.reminders, run by beat.

Each one is idempotent (what was sent is recorded; a rerun skips it) and retried with a growing
delay when the mail server or database fails. Their schedule: INCUBATOR_BEAT_SCHEDULE in
lms/settings/base.py (merged into CELERY_BEAT_SCHEDULE).
"""

from celery import shared_task

RETRY = {
    "acks_late": True,
    "autoretry_for": (Exception,),
    "retry_backoff": 30,
    "retry_backoff_max": 1800,
    "max_retries": 5,
}


@shared_task(name="incubator.remind_due_reports", **RETRY)
def remind_due_reports() -> int:
    from .reminders import remind_due_reports as run

    return run()


@shared_task(name="incubator.flag_late_reports", **RETRY)
def flag_late_reports() -> int:
    from .reminders import flag_late_reports as run

    return run()


@shared_task(name="incubator.weekly_risk_digest", **RETRY)
def weekly_risk_digest() -> int:
    from .reminders import weekly_risk_digest as run

    return run()


@shared_task(name="incubator.monthly_report", **RETRY)
def monthly_report() -> int:
    """The month just ended: stored once, its link emailed once (incubator.monthly.run_scheduled)."""
    from .monthly import run_scheduled

    return run_scheduled()
