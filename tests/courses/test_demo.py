"""load_demo builds the course, the cohort and its progress, and a second run changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from courses.models import (
    Attendance,
    Cohort,
    Completion,
    CourseEditorGroup,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    ModulePage,
    Session,
)


def snapshot():
    return {
        "modules": ModulePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "revisions": Revision.objects.count(),
        "cohorts": Cohort.objects.count(),
        "sessions": Session.objects.count(),
        "enrollments": sorted(Enrollment.objects.values_list("user_id", "status", "last_lesson_id")),
        "progress": LessonProgress.objects.count(),
        "attendance": sorted(Attendance.objects.values_list("session_id", "enrollment_id", "status")),
        "completions": Completion.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_twice(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first

    course = CoursePage.objects.get(title="Manajemen Koperasi: Pelatihan Empat Hari")
    assert course.live and course.live_revision is not None
    assert first["modules"] == 4
    assert first["lessons"] >= 20
    assert all(lesson.live_revision_id for lesson in LessonPage.objects.all())
    cohort = Cohort.objects.get(name="Angkatan I 2026")
    assert cohort.enrollments.count() == 31
    assert cohort.instructors.count() == 2
    assert first["sessions"] == 4
    assert cohort.sessions.filter(date__lt=cohort.sessions.get(number=4).date).count() == 3
    assert 0 < first["completions"] < 31
    assert 0 < first["progress"] < 31 * first["lessons"]
    assert {status for _s, _e, status in first["attendance"]} >= {"present", "late", "excused", "absent"}
    group = CourseEditorGroup.objects.get(course=course).group
    assert group.user_set.count() == 2

    # Day-3 lessons link the practice-ledger exercises, and an enrolled trainee sees the link.
    linked = {
        block.value["exercise"].slug
        for lesson in LessonPage.objects.all()
        for block in lesson.body
        if block.block_type == "ledger_exercise"
    }
    assert linked == {
        "setoran-simpanan-anggota",
        "pinjaman-dan-angsuran",
        "penjualan-toko-koperasi",
        "tutup-buku-dan-shu",
    }
    lesson = LessonPage.objects.get(slug="mencatat-penjualan-toko")
    trainee = cohort.enrollments.order_by("pk").first().user
    client.force_login(trainee)
    html = client.get(lesson.url).content.decode()
    assert 'href="/buku/latihan/penjualan-toko-koperasi/"' in html
    assert "Kerjakan latihan ini" in html


@pytest.mark.django_db
def test_load_demo_brings_corrected_lessons_to_a_demo_made_before(settings):
    """A lesson the loader wrote gets the current text; one an instructor edited is left alone."""
    from courses.content import CURRICULUM
    from courses.demo import _without_ids

    settings.DEBUG = True
    call_command("load_demo")
    old = LessonPage.objects.get(slug="shu-dan-pembagian-per-anggota")
    loader = old.get_latest_revision().user
    old.body = [("paragraph", "<p>Teks lama: SHU dibagi sebelum pajak.</p>")]
    old.save_revision(user=loader).publish(user=loader)
    edited = LessonPage.objects.get(slug="dasar-hukum-koperasi")
    instructor = CoursePage.objects.get().instructors.first()
    edited.body = [("paragraph", "<p>Catatan narasumber untuk angkatan ini.</p>")]
    edited.save_revision(user=instructor).publish(user=instructor)
    # A new lesson missing from an old demo is added too.
    LessonPage.objects.get(slug="pajak-koperasi").delete()

    call_command("load_demo")

    refreshed = LessonPage.objects.get(slug="shu-dan-pembagian-per-anggota")
    assert "SHU setelah pajak" in str(refreshed.body) and "Teks lama" not in str(refreshed.body)
    assert refreshed.live_revision.user == loader
    assert "Catatan narasumber" in str(LessonPage.objects.get(slug="dasar-hukum-koperasi").body)
    assert LessonPage.objects.filter(slug="pajak-koperasi", live=True).exists()
    wanted = {lesson["slug"] for module in CURRICULUM for lesson in module["lessons"]}
    assert wanted <= set(LessonPage.objects.values_list("slug", flat=True))
    # And a third run publishes nothing new.
    revisions = Revision.objects.count()
    call_command("load_demo")
    assert Revision.objects.count() == revisions
    assert _without_ids([{"type": "x", "id": "1", "value": [{"id": "2", "v": 1}]}]) == [
        {"type": "x", "value": [{"v": 1}]}
    ]
