"""Issuing to a whole cohort in the background (a Celery task per cohort run; each trainee's PDF
is its own task, so one failure neither stops the run nor undoes the others)."""

from django.contrib import messages
from django.utils.translation import gettext as _

from lms.queue import enqueue_on_commit


def start_bulk_issue(*, request, cohort, kind, by, override_reason=""):
    from .tasks import issue_cohort

    enqueue_on_commit(issue_cohort, cohort.pk, kind, by.pk, override_reason)
    messages.success(
        request,
        _(
            "Penerbitan sertifikat untuk %(cohort)s berjalan di latar belakang; muat ulang halaman ini untuk melihat kemajuannya."
        )
        % {"cohort": cohort.name},
    )
