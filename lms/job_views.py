"""Pages of `lms.jobs`: a job's status with progress (refreshes itself without JavaScript), the
download of its result, "Coba lagi", and the owner's recent jobs. Only the owner sees a job."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import jobs

# Seconds between reloads of a status page while the job is still queued or running.
REFRESH_SECONDS = 2


def _owned_or_404(request, job_id):
    job = jobs.job_for_owner(user=request.user, job_id=job_id)
    if job is None:
        raise Http404
    return job


@never_cache
@login_required
def job_status(request, job_id):
    job = _owned_or_404(request, job_id)
    response = render(request, "lms/job_status.html", {"job": job, "refresh": REFRESH_SECONDS if job.is_active else 0})
    if job.is_active:
        # The meta refresh in the page does the same; the header also works for a HEAD-less client.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@never_cache
@login_required
def job_download(request, job_id):
    job = _owned_or_404(request, job_id)
    if job.is_active:
        return redirect(job)
    if not job.has_file:
        return TemplateResponse(request, "lms/job_gone.html", {"job": job}, status=410)
    try:
        handle = job.result_file.open("rb")
    except FileNotFoundError:
        return TemplateResponse(request, "lms/job_gone.html", {"job": job}, status=410)
    return FileResponse(
        handle, as_attachment=True, filename=job.result_filename, content_type=job.result_content_type or None
    )


@require_POST
@login_required
def job_restart(request, job_id):
    job = _owned_or_404(request, job_id)
    if job.is_active:
        return redirect(job)
    return redirect(jobs.restart_job(job=job, by=request.user))


@never_cache
@login_required
def job_list(request):
    return render(request, "lms/job_list.html", {"jobs": jobs.recent_jobs(user=request.user)})
