"""lms.jobs: starting (once per request), running (claimed once, retried, failing cleanly),
progress, results in storage, expiry and the sweep, and the owner-only pages."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms import jobs, roles
from lms.models import BackgroundJob
from lms.tasks import run_background_job, sweep_background_jobs

pytestmark = pytest.mark.django_db

calls: list[dict] = []


def _echo(ctx: jobs.JobContext) -> jobs.JobResult:
    """A job that reports progress and hands back a small text file."""
    calls.append(dict(ctx.params))
    total = ctx.params.get("rows", 3)
    for done in range(1, total + 1):
        ctx.progress(done, total)
    seen = BackgroundJob.objects.get(pk=ctx.job.pk)
    return jobs.JobResult(
        content=f"rows={total};progress_seen={seen.progress_done}/{seen.progress_total};lang={translation.get_language()}".encode(),
        filename="hasil.txt",
        content_type="text/plain",
        message=_("Selesai."),
        data={"rows": total},
    )


failures = {"left": 0}


def _flaky(ctx):
    calls.append(dict(ctx.params))
    if failures["left"] > 0:
        failures["left"] -= 1
        raise ConnectionError("storage hiccup")
    return jobs.JobResult(content=b"ok", filename="ok.txt", content_type="text/plain")


def _refusing(ctx):
    calls.append(dict(ctx.params))
    raise jobs.JobError("Buku ini sudah dihapus.")


def _summary_only(ctx):
    return jobs.JobResult(message="12 sertifikat terbit.", data={"issued": 12})


@pytest.fixture(autouse=True)
def kinds():
    calls.clear()
    failures["left"] = 0
    jobs.register("tests.echo", run=_echo, label="Uji gema")
    jobs.register("tests.flaky", run=_flaky, label="Uji goyah", max_attempts=3)
    jobs.register("tests.refusing", run=_refusing, label="Uji tolak")
    jobs.register("tests.summary", run=_summary_only, label="Uji ringkasan", keep_days=2)
    yield
    for name in ("tests.echo", "tests.flaky", "tests.refusing", "tests.summary"):
        jobs.unregister(name)


def start(owner, kind="tests.echo", **params):
    return jobs.start_job(kind=kind, owner=owner, params=params, return_url="/buku/1/")


# --- starting and running ------------------------------------------------------------------


def test_a_started_job_runs_after_commit_and_keeps_its_file(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(trainee, rows=4)
    assert job.status == BackgroundJob.Status.QUEUED and calls == []  # nothing before the commit
    assert len(callbacks) == 1
    callbacks[0]()  # the commit: eager Celery runs the task here
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE
    assert (job.progress_done, job.progress_total, job.percent) == (4, 4, 100)
    assert job.attempts == 1 and job.started_at and job.finished_at
    assert job.result_filename == "hasil.txt" and job.result_content_type == "text/plain"
    assert str(job.pk) in job.result_file.name
    assert job.result_file.read().startswith(b"rows=4;progress_seen=4/4")
    assert job.result_data == {"rows": 4}
    assert job.expires_at - job.finished_at == dt.timedelta(days=7)


def test_the_same_request_while_active_is_one_job(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = start(trainee, rows=2)
        second = start(trainee, rows=2)
        other = start(trainee, rows=3)
    assert second.pk == first.pk and other.pk != first.pk
    assert len(callbacks) == 2  # one task per distinct job
    for callback in callbacks:
        callback()
    assert BackgroundJob.objects.filter(status=BackgroundJob.Status.DONE).count() == 2
    # Once done, asking again is a new job.
    with django_capture_on_commit_callbacks(execute=True):
        again = start(trainee, rows=2)
    assert again.pk != first.pk and BackgroundJob.objects.count() == 3


def test_another_owner_asking_the_same_gets_their_own_job(trainee, make_user, django_capture_on_commit_callbacks):
    other = make_user(roles.TRAINEE)
    with django_capture_on_commit_callbacks(execute=False):
        mine, theirs = start(trainee, rows=2), start(other, rows=2)
    assert mine.pk != theirs.pk


def test_running_a_job_twice_does_the_work_once(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, rows=2)
    assert len(calls) == 1
    # A second delivery of the same message (acks_late after a lost ack) finds nothing to do.
    assert run_background_job.apply(args=[str(job.pk)]).get() == "skipped"
    assert jobs.run_job(job.pk).state == "skipped"
    assert len(calls) == 1
    job.refresh_from_db()
    assert job.attempts == 1 and job.status == BackgroundJob.Status.DONE


def test_a_deleted_job_is_skipped(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    BackgroundJob.objects.filter(pk=job.pk).delete()
    assert run_background_job.apply(args=[str(job.pk)]).get() == "skipped"
    assert calls == []


def test_an_unexpected_error_is_retried_until_it_works(trainee, django_capture_on_commit_callbacks):
    failures["left"] = 2
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, kind="tests.flaky")
    job.refresh_from_db()
    assert len(calls) == 3
    assert job.status == BackgroundJob.Status.DONE and job.attempts == 3
    assert job.result_file.read() == b"ok"


def test_after_the_last_attempt_the_job_fails_with_a_plain_message(trainee, django_capture_on_commit_callbacks):
    failures["left"] = 10
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, kind="tests.flaky")
    job.refresh_from_db()
    assert len(calls) == 3
    assert job.status == BackgroundJob.Status.FAILED and job.attempts == 3
    assert "3 kali" in job.message and "hiccup" not in job.message and "Traceback" not in job.message
    assert not job.result_file


def test_a_retry_leaves_the_job_queued_with_a_note(trainee, django_capture_on_commit_callbacks):
    failures["left"] = 1
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee, kind="tests.flaky")
    outcome = jobs.run_job(job.pk)  # the runner alone, as the worker's first attempt
    job.refresh_from_db()
    assert outcome.state == "retry" and outcome.countdown == 10
    assert job.status == BackgroundJob.Status.QUEUED and "dicoba lagi" in job.message
    assert jobs.run_job(job.pk).state == "done"


def test_a_job_error_ends_the_job_at_once_with_its_message(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, kind="tests.refusing")
    job.refresh_from_db()
    assert len(calls) == 1
    assert job.status == BackgroundJob.Status.FAILED and job.message == "Buku ini sudah dihapus."


def test_a_job_without_a_file_keeps_its_summary(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, kind="tests.summary")
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and not job.has_file
    assert job.message == "12 sertifikat terbit." and job.result_data == {"issued": 12}
    assert job.expires_at - job.finished_at == dt.timedelta(days=2)


def test_the_job_runs_in_the_language_it_was_started_in(trainee, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(trainee)
    assert job.language == "en"
    with translation.override("id"):
        callbacks[0]()
    job.refresh_from_db()
    assert job.result_file.read().endswith(b"lang=en") and job.message == "Done."


def test_unknown_kinds_are_refused_at_start_and_fail_at_run(trainee, django_capture_on_commit_callbacks):
    with pytest.raises(ImproperlyConfigured):
        jobs.start_job(kind="tests.nothing", owner=trainee)
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    jobs.unregister("tests.echo")
    assert jobs.run_job(job.pk).state == "failed"
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.FAILED and job.message


def test_a_kind_name_cannot_be_taken_twice():
    jobs.register("tests.echo", run=_echo, label="Uji gema")  # the same function: harmless
    with pytest.raises(ImproperlyConfigured):
        jobs.register("tests.echo", run=_flaky, label="Lain")


def test_progress_is_written_sparingly(trainee, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    job = BackgroundJob.objects.select_related("owner").get(pk=job.pk)
    BackgroundJob.objects.filter(pk=job.pk).update(status=BackgroundJob.Status.RUNNING)
    ctx = jobs.JobContext(job)
    with django_assert_max_num_queries(3):
        for done in range(1, 1001):
            ctx.progress(done, 2000)
    ctx.progress(2000, 2000)  # the end is always written
    job.refresh_from_db()
    assert (job.progress_done, job.progress_total) == (2000, 2000)


def test_an_outside_return_url_is_dropped(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = jobs.start_job(kind="tests.echo", owner=trainee, return_url="https://evil.example/")
        job2 = jobs.start_job(kind="tests.echo", owner=trainee, params={"rows": 1}, return_url="//evil.example/")
    assert job.return_url == "" and job2.return_url == ""


# --- the sweep -----------------------------------------------------------------------------


def test_the_sweep_deletes_expired_results_with_their_files(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee)
    job.refresh_from_db()
    storage, name = job.result_file.storage, job.result_file.name
    assert storage.exists(name)
    assert jobs.sweep(now=job.expires_at - dt.timedelta(minutes=1))["deleted"] == 0
    assert jobs.sweep(now=job.expires_at + dt.timedelta(minutes=1))["deleted"] == 1
    assert not BackgroundJob.objects.filter(pk=job.pk).exists() and not storage.exists(name)


def test_the_sweep_resends_a_job_that_never_reached_a_worker(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # the broker was down: never sent
        job = start(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.sweep()["resent"] == 0  # too early to tell
        assert jobs.sweep(now=timezone.now() + dt.timedelta(minutes=11))["resent"] == 1
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and len(calls) == 1


def test_the_sweep_restarts_a_job_whose_worker_died(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    long_ago = timezone.now() - dt.timedelta(hours=2)
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.RUNNING, attempts=1, heartbeat_at=long_ago, created_at=long_ago
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_background_jobs.apply().get()["resent"] == 1
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE and job.attempts == 2


def test_the_sweep_gives_up_on_a_dead_job_out_of_attempts(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    long_ago = timezone.now() - dt.timedelta(hours=2)
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.RUNNING, attempts=3, heartbeat_at=long_ago
    )
    jobs.sweep()
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.FAILED and calls == []


def test_a_running_job_with_a_live_worker_is_not_taken_over(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee)
    BackgroundJob.objects.filter(pk=job.pk).update(status=BackgroundJob.Status.RUNNING, heartbeat_at=timezone.now())
    assert jobs.run_job(job.pk).state == "skipped"
    assert jobs.sweep()["resent"] == 0 and calls == []


# --- pages ---------------------------------------------------------------------------------


@pytest.fixture
def done_job(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, rows=2)
    job.refresh_from_db()
    return job


@pytest.fixture
def queued_job(trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = start(trainee, rows=5)
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=BackgroundJob.Status.RUNNING, progress_done=2, progress_total=5, heartbeat_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def test_owner_watches_progress_on_a_page_that_reloads_itself(client_for, trainee, queued_job):
    response = client_for(trainee).get(queued_job.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html and response["Refresh"] == "2"
    assert '<progress class="job-progress" max="100" value="40">' in html
    assert "2 dari 5" in html
    assert "<script" not in html.split("</head>")[1]  # nothing inline for the coming CSP
    assert reverse("job_download", args=[queued_job.pk]) not in html
    # Download before it is done: back to the status page.
    response = client_for(trainee).get(reverse("job_download", args=[queued_job.pk]))
    assert response.status_code == 302 and response["Location"] == queued_job.get_absolute_url()


def test_owner_downloads_the_finished_file(client_for, trainee, done_job):
    client = client_for(trainee)
    page = client.get(done_job.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200 and "http-equiv" not in html and "Refresh" not in page
    assert reverse("job_download", args=[done_job.pk]) in html and 'href="/buku/1/"' in html
    response = client.get(reverse("job_download", args=[done_job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'attachment; filename="hasil.txt"'
    assert b"".join(response.streaming_content).startswith(b"rows=2")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    listing = client.get(reverse("job_list"))
    assert listing.status_code == 200 and done_job.label in listing.content.decode()


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.INSTRUCTOR, roles.OFFICER, roles.VENTURE_CONTACT, roles.ADMIN])
def test_nobody_but_the_owner_sees_or_downloads_a_job(client_for, make_user, done_job, role):
    client = client_for(make_user(role))
    for name in ("job_status", "job_download"):
        assert client.get(reverse(name, args=[done_job.pk])).status_code == 404
    assert client.post(reverse("job_restart", args=[done_job.pk])).status_code == 404
    assert done_job.label not in client.get(reverse("job_list")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, done_job):
    for name in ("job_status", "job_download"):
        response = client.get(reverse(name, args=[done_job.pk]))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert client.get(reverse("job_list")).status_code == 302


def test_an_unknown_job_is_404(client_for, trainee):
    assert client_for(trainee).get(reverse("job_status", args=[uuid.uuid4()])).status_code == 404


def test_an_expired_file_answers_gone_and_can_be_made_again(
    client_for, trainee, done_job, django_capture_on_commit_callbacks
):
    done_job.result_file.delete(save=True)
    client = client_for(trainee)
    response = client.get(reverse("job_download", args=[done_job.pk]))
    assert response.status_code == 410 and "Buat lagi" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("job_restart", args=[done_job.pk]))
    new = BackgroundJob.objects.exclude(pk=done_job.pk).get()
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert new.status == BackgroundJob.Status.DONE and new.params == done_job.params


def test_restart_after_a_failure_needs_a_post(client_for, trainee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start(trainee, kind="tests.refusing")
    client = client_for(trainee)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Buku ini sudah dihapus." in page and "Coba lagi" in page
    assert client.get(reverse("job_restart", args=[job.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("job_restart", args=[job.pk])).status_code == 302
    assert BackgroundJob.objects.filter(kind="tests.refusing").count() == 2


def test_the_status_page_runs_few_queries(client_for, trainee, queued_job, django_assert_max_num_queries):
    client = client_for(trainee)
    client.get(queued_job.get_absolute_url())
    with django_assert_max_num_queries(6):
        assert client.get(queued_job.get_absolute_url()).status_code == 200
