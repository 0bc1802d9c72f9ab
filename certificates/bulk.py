"""Issuing to a whole cohort as a background job of `lms.jobs` (progress on the job's page, a
second start while one runs returns that one). Each trainee is issued in its own transaction and
each PDF is its own Celery task, so one failure neither stops the run nor undoes the others; a run
with failures ends in an error that lms.jobs retries, and the retry skips what is already issued."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import jobs

JOB_KIND = "certificates.bulk_issue"


class BulkIssueIncomplete(Exception):
    """Some trainees failed for an unexpected reason: the job is retried (issued ones are kept)."""


def run_bulk_issue(ctx: jobs.JobContext) -> jobs.JobResult:
    from courses.models import Cohort

    from .models import CertificateKind
    from .services import issue_for_cohort

    cohort = Cohort.objects.filter(pk=ctx.params["cohort_id"]).first()
    if cohort is None:
        raise jobs.JobError(_("Angkatan ini sudah dihapus."))
    kind = ctx.params["kind"]
    counts = issue_for_cohort(
        cohort=cohort,
        kind=kind,
        by=ctx.owner,
        override_reason=ctx.params.get("override_reason", ""),
        progress=lambda done, total: ctx.progress(done, total),
    )
    if counts["failed"]:
        raise BulkIssueIncomplete(f"{counts['failed']} of {counts['total']} failed")
    message = _(
        "%(label)s: %(issued)s diterbitkan, %(existing)s sudah ada, %(skipped)s belum memenuhi syarat "
        "(dari %(total)s peserta). PDF dibuat satu per satu di latar belakang."
    ) % {"label": CertificateKind(kind).label, **counts}
    return jobs.JobResult(message=message, data=counts)


def register() -> None:
    jobs.register(JOB_KIND, run=run_bulk_issue, label=gettext_lazy("Penerbitan sertifikat angkatan"), max_attempts=3)


def start_bulk_issue(*, cohort, kind, by, override_reason="", return_url=""):
    """Start (or find the running) bulk issue of one cohort and kind; returns the job."""
    from .models import CertificateKind

    return jobs.start_job(
        kind=JOB_KIND,
        owner=by,
        params={"cohort_id": cohort.pk, "kind": kind, "override_reason": override_reason},
        label=_("%(kind)s: %(cohort)s") % {"kind": CertificateKind(kind).label, "cohort": cohort.name},
        return_url=return_url,
    )
