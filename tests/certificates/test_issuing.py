"""Issuing: eligibility and overrides, serials and codes, the PDF (text, QR, hash), exactly once
under repeats, retries and bulk runs started twice, automatic issue on completion, the email."""

import hashlib
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates import selectors, services, tasks
from certificates.models import CODE_ALPHABET, Certificate, CertificateEvent, CertificateKind, SerialCounter
from courses.models import Enrollment
from courses.services import evaluate_completion
from courses.signals import course_completed
from lms import roles

from .conftest import committed, decode_qr, pdf_text


def issue(setup, who="done", kind=CertificateKind.COMPLETION, **kwargs):
    with committed():
        return services.issue_certificate(enrollment=setup.enrollments[who], kind=kind, **kwargs)


def test_issue_renders_the_pdf_once_with_name_serial_url_and_a_qr_of_the_url(setup, officer):
    result = issue(setup, by=officer)
    certificate = Certificate.objects.get(pk=result.certificate.pk)
    assert result.created
    assert certificate.serial == f"518/0001/SINAU/{certificate.year}"
    assert len(certificate.code) == 16 and set(certificate.code) <= set(CODE_ALPHABET)
    text = pdf_text(certificate)
    url = f"https://sinau.example.go.id/certificates/verify/{certificate.code}/"
    assert "Dra. Siti Aminah, M.M." in text
    assert certificate.serial in text
    assert url in text.replace("\n", "")
    assert "Manajemen Koperasi" in text and "32 jam pelajaran" in text
    assert decode_qr(certificate) == [url]
    with certificate.pdf.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == certificate.sha256
    assert certificate.snapshot["fields"]["nama"] == "Dra. Siti Aminah, M.M."
    # The history: the issue is an event row; the PDF and the email are read from the certificate.
    assert list(certificate.events.values_list("action", flat=True)) == ["issued"]
    history = selectors.history(certificate=certificate)
    assert [event.action for event in history] == ["issued", "rendered", "emailed"]
    assert history[1].at == certificate.rendered_at and history[1].note == certificate.sha256
    assert history[2].at == certificate.emailed_at


def test_serials_are_sequential_per_year_in_the_configured_pattern(setup, officer, settings):
    settings.CERTIFICATES_SERIAL_PATTERN = "800/{number:05d}/KOP/{year}"
    first = issue(setup, by=officer).certificate
    second = issue(setup, who="attended", kind=CertificateKind.ATTENDANCE).certificate
    year = first.year
    assert (first.serial, second.serial) == (f"800/00001/KOP/{year}", f"800/00002/KOP/{year}")
    assert SerialCounter.objects.get(year=year).last_number == 2


def test_codes_are_unguessable_80_bit_and_distinct(setup):
    from certificates.models import CODE_LENGTH, generate_verification_code

    assert len(CODE_ALPHABET) ** CODE_LENGTH >= 2**80
    codes = {generate_verification_code() for _ in range(2000)}
    assert len(codes) == 2000


def test_not_completed_is_refused_for_an_instructor_and_needs_a_reason_from_an_officer(setup, instructor, officer):
    with pytest.raises(services.CertificateError) as refused:
        issue(setup, who="idle", by=instructor)
    assert refused.value.code == "not_eligible"
    with pytest.raises(services.CertificateError) as refused:
        issue(setup, who="idle", by=instructor, override_reason="Saya kira boleh")
    assert refused.value.code == "override_not_allowed"
    with pytest.raises(services.CertificateError) as refused:
        issue(setup, who="idle", by=officer)
    assert refused.value.code == "override_reason_missing"
    assert not Certificate.objects.exists()
    result = issue(setup, who="idle", by=officer, override_reason="Keputusan panitia: sakit pada hari ujian")
    assert result.created and result.certificate.override_reason.startswith("Keputusan panitia")
    assert "Pengecualian syarat" in result.certificate.events.get(action="issued").note


def test_attendance_letter_needs_one_attended_session(setup, officer):
    assert issue(setup, who="attended", kind=CertificateKind.ATTENDANCE).created
    with pytest.raises(services.CertificateError) as refused:
        issue(setup, who="idle", kind=CertificateKind.ATTENDANCE)
    assert refused.value.code == "not_eligible"
    certificate = Certificate.objects.get(kind=CertificateKind.ATTENDANCE)
    assert "SURAT KETERANGAN KEIKUTSERTAAN" in pdf_text(certificate)


def test_no_template_is_a_clear_refusal(setup, officer):
    setup.settings.attendance_template = None
    setup.settings.save()
    with pytest.raises(services.CertificateError) as refused:
        issue(setup, who="attended", kind=CertificateKind.ATTENDANCE, by=officer)
    assert refused.value.code == "no_template"


def test_withdrawn_trainee_is_not_eligible(setup, officer):
    Enrollment.objects.filter(pk=setup.enrollments["done"].pk).update(status=Enrollment.Status.WITHDRAWN)
    with pytest.raises(services.CertificateError) as refused:
        issue(setup)
    assert refused.value.code == "not_eligible"


def test_issuing_twice_gives_one_certificate(setup, officer):
    first = issue(setup, by=officer)
    second = issue(setup, by=officer)
    assert first.created and not second.created
    assert second.certificate.pk == first.certificate.pk
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_render_task_retried_or_run_twice_stores_one_pdf(setup, settings):
    certificate = issue(setup).certificate
    certificate.refresh_from_db()
    stored = (certificate.pdf.name, certificate.sha256)
    assert tasks.render_certificate.apply(args=[certificate.pk]).get() == "already"
    certificate.refresh_from_db()
    assert (certificate.pdf.name, certificate.sha256) == stored
    assert [event.action for event in selectors.history(certificate=certificate)].count("rendered") == 1
    media = settings.MEDIA_ROOT / "sertifikat"
    assert len(list(media.rglob("*.pdf"))) == 1


def test_two_renderers_racing_keep_the_first_file_and_delete_the_other(setup, settings, monkeypatch):
    """Both render (no lock); the conditional UPDATE lets one win, the loser removes its file."""
    from certificates import services as svc

    monkeypatch.setattr("certificates.tasks.render_certificate.apply_async", lambda *a, **k: None)
    certificate = issue(setup).certificate
    assert not Certificate.objects.get(pk=certificate.pk).sha256
    real_render = svc.render_pdf_bytes
    calls = []

    def render_and_let_the_other_finish_first(cert):
        calls.append(1)
        result = real_render(cert)
        if len(calls) == 1:
            assert svc.store_rendered_pdf(certificate_id=cert.pk) == "stored"  # the other worker wins
        return result

    monkeypatch.setattr(svc, "render_pdf_bytes", render_and_let_the_other_finish_first)
    assert svc.store_rendered_pdf(certificate_id=certificate.pk) == "already"
    certificate.refresh_from_db()
    files = list((settings.MEDIA_ROOT / "sertifikat").rglob("*.pdf"))
    assert [f.name for f in files] == [certificate.pdf.name.rsplit("/", 1)[-1]]
    with certificate.pdf.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == certificate.sha256


def test_a_failed_render_is_recorded_and_a_later_run_stores_it(setup, monkeypatch):
    from certificates import services as svc

    real = svc.render_pdf_bytes

    def broken(cert):
        raise RuntimeError("font server down")

    monkeypatch.setattr(svc, "render_pdf_bytes", broken)
    certificate = issue(setup).certificate  # the eager task records the failure and gives up
    certificate.refresh_from_db()
    assert not certificate.sha256
    assert certificate.events.filter(action="render_failed").exists()
    monkeypatch.setattr(svc, "render_pdf_bytes", real)
    assert tasks.render_certificate.apply(args=[certificate.pk]).get() == "stored"
    certificate.refresh_from_db()
    assert certificate.sha256


def test_pending_sweep_requeues_unrendered_certificates(setup, monkeypatch):
    from certificates import services as svc

    monkeypatch.setattr(svc, "render_pdf_bytes", lambda cert: (_ for _ in ()).throw(RuntimeError("down")))
    certificate = issue(setup).certificate
    monkeypatch.undo()
    assert tasks.render_pending.apply(kwargs={"older_than_seconds": 0}).get() == 1
    certificate.refresh_from_db()
    assert certificate.sha256


def test_editing_the_template_never_changes_an_issued_pdf(setup):
    certificate = issue(setup).certificate
    certificate.refresh_from_db()
    before = (certificate.sha256, certificate.snapshot)
    template = setup.templates["completion"]
    template.body_html = "<h1>{{ nama }}</h1><p>TEMPLAT BARU {{ nomor }}</p>{{ qr }}"
    template.full_clean()
    template.save()
    certificate.refresh_from_db()
    assert (certificate.sha256, certificate.snapshot) == before
    assert "TEMPLAT BARU" not in pdf_text(certificate)
    # Rendering again from the snapshot prints the old layout, not the edited one.
    pdf, _who = services.render_pdf_bytes(certificate)
    assert b"TEMPLAT BARU" not in pdf


def test_automatic_issue_on_completion_when_the_course_says_so(setup, make_user, enrol):
    setup.settings.issue_on_completion = True
    setup.settings.save()
    trainee = make_user(roles.TRAINEE, full_name="Agus Prasetyo")
    enrollment = enrol(trainee, setup.cohort)
    setup.tree.course.min_attendance_percent = 0
    setup.tree.course.save()
    from courses.models import LessonProgress

    LessonProgress.objects.create(user=trainee, lesson=setup.tree.lessons[0])
    with committed():
        evaluate_completion(enrollment=enrollment)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.kind == CertificateKind.COMPLETION and certificate.sha256
    assert certificate.issued_by is None
    # The signal sent again (a retried task, a double completion) changes nothing.
    with committed():
        course_completed.send(sender=Enrollment, enrollment=enrollment, completion=enrollment.completion)
        evaluate_completion(enrollment=enrollment)
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert [m.to for m in mail.outbox] == [[trainee.email]]


def test_no_automatic_issue_when_the_course_does_not_want_it(setup):
    assert tasks.issue_on_completion.apply(args=[setup.enrollments["done"].pk]).get() == "not_configured"
    assert not Certificate.objects.exists()


def test_email_on_issue_has_the_pdf_and_links(setup):
    certificate = issue(setup).certificate
    message = mail.outbox[0]
    assert message.to == [setup.people["done"].email]
    assert "518/0001/SINAU" in message.body and f"/certificates/verify/{certificate.code}/" in message.body
    assert "/sertifikat/" in message.body
    name, content, mime = message.attachments[0]
    assert mime == "application/pdf" and content.startswith(b"%PDF-")
    # A repeated email task sends nothing.
    assert tasks.send_certificate_email.apply(args=[certificate.pk]).get() == "skipped"
    assert len(mail.outbox) == 1


def test_a_mail_server_failure_releases_the_claim_so_a_retry_sends(setup, monkeypatch):
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send
    monkeypatch.setattr(EmailMessage, "send", lambda self, *a, **k: (_ for _ in ()).throw(OSError("smtp down")))
    certificate = issue(setup).certificate
    certificate.refresh_from_db()
    assert certificate.emailed_at is None and not mail.outbox
    monkeypatch.setattr(EmailMessage, "send", real_send)
    assert tasks.send_certificate_email.apply(args=[certificate.pk]).get() == "sent"
    assert len(mail.outbox) == 1


def test_bulk_run_started_twice_issues_once_per_trainee_and_skips_non_completers(setup, officer):
    with committed():
        first = services.issue_for_cohort(cohort=setup.cohort, kind=CertificateKind.COMPLETION, by=officer)
    with committed():
        second = services.issue_for_cohort(cohort=setup.cohort, kind=CertificateKind.COMPLETION, by=officer)
    assert first == {"issued": 1, "existing": 0, "skipped": 2, "failed": 0, "total": 3}
    assert second == {"issued": 0, "existing": 1, "skipped": 2, "failed": 0, "total": 3}
    assert Certificate.objects.count() == 1


def test_bulk_run_goes_on_after_one_failure(setup, officer, monkeypatch, make_user):
    for i in range(3):
        user = make_user(roles.TRAINEE, full_name=f"Peserta Tambahan {i}")
        enrollment = Enrollment.objects.create(user=user, cohort=setup.cohort, status=Enrollment.Status.COMPLETED)
        from courses.models import Completion

        Completion.objects.create(enrollment=enrollment)
    real_issue = services.issue_certificate
    victim = Enrollment.objects.filter(user__full_name="Peserta Tambahan 1").get()

    def flaky(*, enrollment, **kwargs):
        if enrollment.pk == victim.pk:
            raise RuntimeError("database hiccup")
        return real_issue(enrollment=enrollment, **kwargs)

    monkeypatch.setattr(services, "issue_certificate", flaky)
    counts = services.issue_for_cohort(cohort=setup.cohort, kind=CertificateKind.COMPLETION, by=officer)
    assert counts["issued"] == 3 and counts["failed"] == 1
    monkeypatch.setattr(services, "issue_certificate", real_issue)
    again = services.issue_for_cohort(cohort=setup.cohort, kind=CertificateKind.COMPLETION, by=officer)
    assert again["issued"] == 1 and again["existing"] == 3 and again["failed"] == 0


def test_sql_queries_per_certificate_are_fixed(setup, officer, make_user, django_assert_num_queries):
    """Issue + render + store + email of one certificate: the same count for the 1st and the 5th."""
    counts = []
    for i in range(5):
        user = make_user(roles.TRAINEE, full_name=f"Peserta Hitung {i}")
        enrollment = Enrollment.objects.create(user=user, cohort=setup.cohort, status=Enrollment.Status.COMPLETED)
        from courses.models import Completion

        Completion.objects.create(enrollment=enrollment)
        with CaptureQueriesContext(connection) as queries, committed():
            services.issue_certificate(enrollment=enrollment, by=officer)
        counts.append(len(queries))
    assert len(set(counts[1:])) == 1, counts
    assert counts[-1] == QUERIES_PER_CERTIFICATE[connection.vendor], "\n".join(
        q["sql"] for q in queries.captured_queries
    )


# Issue: one read (enrolment, holder, cohort, course, settings, templates, current certificate,
# condition, grade), savepoint, counter UPDATE … RETURNING, the certificate and its `issued` event
# (one INSERT with a data-modifying CTE on PostgreSQL, two INSERTs elsewhere), release (5 on
# PostgreSQL, 6 on SQLite; the template's signatories are read once per template version);
# render: read, the conditional UPDATE (2); email: the claim UPDATE … RETURNING what the mail
# needs (1). Outside a test's transaction the savepoints are BEGIN/COMMIT and each UPDATE is its
# own transaction: 8 statements, 3 commits on PostgreSQL. It was 16 while the render and the
# email each wrote an event row in a transaction of its own (now read from `rendered_at`/
# `emailed_at` by selectors.history) and the email read the certificate before claiming it.
QUERIES_PER_CERTIFICATE = {"postgresql": 8, "sqlite": 9}


def test_certificate_events_record_who(setup, officer):
    certificate = issue(setup, by=officer).certificate
    event = CertificateEvent.objects.get(certificate=certificate, action="issued")
    assert event.actor == officer


def test_serial_numbers_are_unique_in_the_database(setup):
    from django.db import IntegrityError, transaction

    certificate = issue(setup).certificate
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrollment=setup.enrollments["attended"],
            holder=setup.people["attended"],
            course=setup.course,
            cohort=setup.cohort,
            kind=CertificateKind.ATTENDANCE,
            year=certificate.year,
            number=certificate.number,
            serial="other",
        )


def test_one_current_certificate_per_enrolment_and_kind_in_the_database(setup):
    from django.db import IntegrityError, transaction

    certificate = issue(setup).certificate
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrollment=certificate.enrollment,
            holder=certificate.holder,
            course=setup.course,
            cohort=setup.cohort,
            kind=certificate.kind,
            year=certificate.year,
            number=999,
            serial="dup",
        )
    assert re.fullmatch(r"518/\d{4}/SINAU/\d{4}", certificate.serial)


def test_grade_is_the_mean_of_each_quiz_s_best_score_of_this_course_only(setup, make_course):
    """The one-query read of issuing computes `nilai` in SQL: best attempt per quiz, then the mean;
    attempts without a score and quizzes of another course do not count."""
    from quizzes.models import QuizAttempt, QuizPage

    module = setup.tree.modules[0]
    quiz_a = module.add_child(instance=QuizPage(title="Kuis A", slug="kuis-a-nilai"))
    quiz_b = module.add_child(instance=QuizPage(title="Kuis B", slug="kuis-b-nilai"))
    other_tree = make_course(lessons=(1,), title="Kursus lain")
    other_quiz = other_tree.modules[0].add_child(instance=QuizPage(title="Kuis lain", slug="kuis-lain-nilai"))
    holder = setup.people["done"]
    for quiz, number, score in ((quiz_a, 1, "60"), (quiz_a, 2, "90"), (quiz_b, 1, "80"), (quiz_b, 2, None)):
        QuizAttempt.objects.create(user=holder, quiz=quiz, number=number, score=score, state="finished")
    QuizAttempt.objects.create(user=holder, quiz=other_quiz, score="10", state="finished")
    QuizAttempt.objects.create(user=setup.people["attended"], quiz=quiz_b, score="100", state="finished")
    certificate = issue(setup).certificate
    assert certificate.snapshot["fields"]["nilai"] == "85,0"
    attendance = issue(setup, who="attended", kind=CertificateKind.ATTENDANCE).certificate
    assert attendance.snapshot["fields"]["nilai"] == ""


def test_no_quiz_attempt_prints_no_grade(setup):
    assert issue(setup).certificate.snapshot["fields"]["nilai"] == ""


def test_a_changed_signatory_prints_on_the_next_certificate(setup, make_user):
    """The layout is kept per template version; a signatory edited on its own or the template
    saved both give the next certificate the new layout (issued ones keep theirs)."""
    from certificates.models import CertificateSignatory

    first = issue(setup).certificate
    signatory = CertificateSignatory.objects.get(template=setup.templates["completion"])
    signatory.name = "Dr. Kepala Baru"
    signatory.save()
    second = issue(setup, who="attended", kind=CertificateKind.ATTENDANCE)  # other template: unaffected
    assert second.created
    user = make_user(roles.TRAINEE, full_name="Peserta Ketiga")
    enrollment = Enrollment.objects.create(user=user, cohort=setup.cohort, status=Enrollment.Status.COMPLETED)
    from courses.models import Completion

    Completion.objects.create(enrollment=enrollment)
    with committed():
        third = services.issue_certificate(enrollment=enrollment).certificate
    assert first.snapshot["layout"]["signatories"][0]["name"] == "Ir. Kepala Dinas"
    assert third.snapshot["layout"]["signatories"][0]["name"] == "Dr. Kepala Baru"
    # The template saved (as Wagtail's editor does, with its signatories) changes the layout too.
    template = setup.templates["completion"]
    template.issuer_name = "Dinas Baru"
    template.save()
    assert "Dr. Kepala Baru" in pdf_text(Certificate.objects.get(pk=third.pk))
