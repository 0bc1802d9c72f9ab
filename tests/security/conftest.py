"""A small world with one object of every kind a URL can name, and a user in every role."""

from types import SimpleNamespace

import pytest

from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 - fixtures

ROLES = ("anon", "trainee", "other_trainee", "instructor", "other_instructor", "officer", "venture", "admin")


@pytest.fixture
def world(make_user, make_course, make_cohort, enrol):  # noqa: F811
    import datetime as dt

    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from certificates import defaults
    from certificates.models import (
        CertificateKind,
        CertificateSignatory,
        CertificateTemplate,
        CourseCertificateSettings,
    )
    from certificates.services import issue_certificate
    from courses.models import Completion, Enrollment
    from ledger.charts import default_chart
    from ledger.models import Book, BookKind, LedgerExercise, Member
    from ledger.services import LineInput, post_journal_entry
    from lms import roles
    from lms.models import BackgroundJob
    from quizzes.models import Question, QuestionCategory, QuizPage
    from quizzes.services import record_question_version, start_attempt

    w = SimpleNamespace()
    w.users = {
        "anon": None,
        "trainee": make_user(roles.TRAINEE, full_name="Ani Peserta"),
        "other_trainee": make_user(roles.TRAINEE, full_name="Budi Peserta"),
        "instructor": make_user(roles.INSTRUCTOR, full_name="Citra Narasumber"),
        "other_instructor": make_user(roles.INSTRUCTOR, full_name="Dodi Narasumber"),
        "officer": make_user(roles.OFFICER, full_name="Eka Petugas"),
        "venture": make_user(roles.VENTURE_CONTACT, full_name="Fajar Kontak"),
        "admin": make_user(roles.ADMIN, full_name="Gita Admin"),
    }
    trainee, other = w.users["trainee"], w.users["other_trainee"]
    w.tree = make_course(lessons=(2,), title="Manajemen Koperasi")
    w.course, w.module, w.lesson = w.tree.course, w.tree.modules[0], w.tree.lessons[0]
    w.cohort = make_cohort(w.course, sessions=2, instructors=[w.users["instructor"]])
    w.other_cohort = make_cohort(w.course, sessions=1, instructors=[w.users["other_instructor"]])
    w.session = w.cohort.sessions.order_by("number").first()
    w.enrollment = enrol(trainee, w.cohort)
    w.other_enrollment = enrol(other, w.other_cohort)

    # Quiz with one question, an attempt of the trainee.
    category = QuestionCategory.objects.create(course=w.course, name="Hari 1")
    question = Question(
        category=category,
        title="Benar atau salah",
        text="<p>Koperasi berasas kekeluargaan?</p>",
        answer=[{"type": "truefalse", "value": {"correct": True}}],
        points="1",
    )
    question.save()
    record_question_version(question=question)
    w.question, w.category = question, category
    quiz = w.module.add_child(
        instance=QuizPage(
            title="Kuis hari 1", slug="kuis-hari-1", questions=[{"type": "question", "value": question.pk}]
        )
    )
    w.quiz = QuizPage.objects.get(pk=quiz.pk)
    w.attempt = start_attempt(user=trainee, quiz=w.quiz)

    # Ledger: the trainee's book with one entry; an exercise.
    chart = default_chart()
    w.book = Book.objects.create(
        owner=trainee,
        title="Buku latihan Ani",
        kind=BookKind.PRACTICE,
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Ani",
    )
    Member.objects.create(book=w.book, number="A001", name="Siti")
    post_journal_entry(
        book=w.book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran modal",
        lines=[LineInput.dr("1101", 1000), LineInput.cr("3103", 1000)],
    )
    w.exercise = LedgerExercise.objects.create(
        title="Latihan jurnal",
        slug="latihan-jurnal",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi Latihan",
    )

    # Certificate of the trainee.
    template = CertificateTemplate.objects.create(
        name="Kelulusan", kind=CertificateKind.COMPLETION, body_html=defaults.COMPLETION_HTML, css=defaults.CSS
    )
    CertificateSignatory.objects.create(template=template, name="Kepala Dinas", title="Kepala Dinas")
    w.certificate_template = template
    w.certificate_settings = CourseCertificateSettings.objects.create(
        course=w.course, completion_template=template, issue_on_completion=False
    )
    Completion.objects.create(enrollment=w.enrollment, snapshot={})
    Enrollment.objects.filter(pk=w.enrollment.pk).update(status=Enrollment.Status.COMPLETED)
    w.certificate = issue_certificate(enrollment=w.enrollment).certificate

    # A background job of the trainee; an image and a document in the admin.
    w.job = BackgroundJob.objects.create(
        kind="ledger.report", label="Laporan", owner=trainee, params={}, params_key="x", status="done"
    )
    w.image = Image.objects.create(title="Foto kelas", file=get_test_image_file())
    w.document = Document.objects.create(title="Materi", file=ContentFile(b"%PDF-1.4 materi", name="materi.pdf"))
    w.revision = w.course.save_revision()

    # Incubation: a venture whose contact is the venture-contact user, a milestone, an action item.
    from django.utils import timezone

    from incubator import services as incubator_services
    from incubator.models import ActionItem, MentoringSession, MilestoneTemplate, Programme, VentureKind

    today = timezone.localdate()
    programme = Programme.objects.create(
        name="Inkubasi 2026",
        intake_year=today.year,
        start_date=today - dt.timedelta(days=100),
        end_date=today + dt.timedelta(days=300),
    )
    MilestoneTemplate.objects.create(programme=programme, title="NIB diperoleh", due_after_days=30, sort_order=0)
    w.venture = incubator_services.create_venture(
        programme=programme,
        name="Koperasi Tempe Maju",
        kind=VentureKind.NEW_COOPERATIVE,
        entry_date=today - dt.timedelta(days=20),
        by=w.users["officer"],
        contacts=[w.users["venture"]],
        kecamatan="Prajurit Kulon",
    )
    w.milestone = w.venture.milestones.first()
    mentoring = MentoringSession.objects.create(
        venture=w.venture, date=today, mentor="Pak Mentor", topics="Pembukuan", recorded_by=w.users["officer"]
    )
    w.action_item = ActionItem.objects.create(session=mentoring, text="Catat kas harian", due_date=today)
    w.mentoring = mentoring
    w.chart = chart
    return w
