"""Demo data for the courses app: the catalogue, the four-day course from courses/content, one
cohort of the 31 demo trainees with four sessions, and deterministic progress and attendance.

`load(*, stdout, people)` is idempotent: pages, the cohort and its sessions are looked up by slug
or name and only created when missing; progress and attendance rows are only added. A lesson the
loader wrote and nobody edited since gets the current text of courses/content as a new revision
(a corrected lesson reaches demo databases made before the correction); one edited in the admin is
left as it is.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lms.models import HomePage

from .blocks import LessonBodyBlock
from .models import (
    Attendance,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    ModulePage,
    Session,
)
from .services import evaluate_completion, sync_course_editors

COURSE_TITLE = "Manajemen Koperasi: Pelatihan Empat Hari"
COURSE_SLUG = "manajemen-koperasi"
COHORT_NAME = "Angkatan I 2026"
COHORT_CODE = "SINAU2026"
VENUE = "Aula Dinas Koperasi, UKM, Perindustrian dan Perdagangan"


def _curriculum() -> list[dict]:
    try:
        from .content import CURRICULUM
    except ImportError:  # the lesson texts are written in parallel; build with what exists
        return []
    return CURRICULUM


def _publish(parent, page, user, instructors=()):
    parent.add_child(instance=page)
    if instructors:
        page.instructors.set(instructors)  # kept in the revision, written on publish
    page.save_revision(user=user, log_action=True).publish(user=user)
    return type(page).objects.get(pk=page.pk)  # publish saved a copy; reload to stay current


# Day-3 lessons that end with a practice-ledger exercise (slugs of ledger/exercise_data.py).
LEDGER_EXERCISES_BY_LESSON = {
    "mencatat-simpanan-dan-pinjaman-anggota": [
        (
            "setoran-simpanan-anggota",
            "<p>Catat setoran simpanan anggota baru di buku latihan, lalu minta diperiksa.</p>",
        ),
        ("pinjaman-dan-angsuran", "<p>Catat pinjaman anggota dan angsurannya beserta jasa pinjaman.</p>"),
    ],
    "mencatat-penjualan-toko": [
        ("penjualan-toko-koperasi", "<p>Bedakan penjualan kepada anggota dan nonanggota, lengkap dengan HPP.</p>"),
    ],
    "shu-dan-pembagian-per-anggota": [
        ("tutup-buku-dan-shu", "<p>Tutup buku akhir tahun, lalu hitung SHU tiap anggota.</p>"),
    ],
}


def _ledger_exercise_blocks(lesson_slug: str) -> list[dict]:
    from ledger.models import LedgerExercise

    wanted = LEDGER_EXERCISES_BY_LESSON.get(lesson_slug, [])
    found = LedgerExercise.objects.in_bulk([slug for slug, _intro in wanted], field_name="slug")
    return [
        {"type": "ledger_exercise", "value": {"exercise": found[slug].pk, "intro": intro}}
        for slug, intro in wanted
        if slug in found
    ]


def _body(blocks, lesson_slug: str = "") -> list[dict]:
    """The content's (block name, value) pairs as StreamField raw data, checked against the blocks.

    Exercises linked to the lesson go just before its closing "Ringkasan" heading."""
    raw = [{"type": name, "value": value} for name, value in blocks]
    extra = _ledger_exercise_blocks(lesson_slug)
    if extra:
        summary = next((i for i, b in enumerate(raw) if b["type"] == "heading" and b["value"] == "Ringkasan"), len(raw))
        raw[summary:summary] = extra
    return LessonBodyBlock().get_prep_value(LessonBodyBlock().to_python(raw))


def _without_ids(data):
    """StreamField raw data without the block ids (new ones are made each time the body is built)."""
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _refresh_lesson(page: LessonPage, lesson: dict, admin) -> int:
    """Publish the current text of a lesson the loader wrote, so demo books made before a correction get it.

    A lesson whose latest revision is by anyone but the loader's admin was edited in the admin: it is
    left alone. Returns 1 when a new revision was published, else 0 (so a second run changes nothing).
    """
    latest = page.get_latest_revision()
    if latest is None or latest.user_id != admin.pk:
        return 0
    body = _body(lesson["body"], lesson["slug"])
    fields = {
        "title": lesson["title"],
        "summary": lesson.get("summary", ""),
        "estimated_minutes": lesson.get("minutes", 10),
        "is_required": lesson.get("required", True),
    }
    if _without_ids(list(page.body.raw_data)) == _without_ids(body) and all(
        getattr(page, name) == value for name, value in fields.items()
    ):
        return 0
    for name, value in fields.items():
        setattr(page, name, value)
    page.body = body
    page.save_revision(user=admin, log_action=True).publish(user=admin)
    return 1


def _pages(admin, stdout, start: dt.date, instructors) -> CoursePage:
    home = HomePage.objects.first()
    catalogue = CourseIndexPage.objects.filter(slug="katalog").first()
    created = updated = 0
    if catalogue is None:
        catalogue = _publish(
            home,
            CourseIndexPage(
                title="Katalog Kursus",
                slug="katalog",
                intro="<p>Pelatihan yang diselenggarakan Dinas Koperasi, UKM, Perindustrian dan Perdagangan.</p>",
            ),
            admin,
        )
        created += 1
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = _publish(
            catalogue,
            CoursePage(
                title=COURSE_TITLE,
                slug=COURSE_SLUG,
                hours=32,
                min_attendance_percent=75,
                summary="Empat hari tatap muka dan materi daring: tata kelola, usaha, pembukuan, dan transformasi "
                "digital koperasi.",
                objectives="<ul><li>Menjalankan koperasi sesuai prinsip, UU, dan AD/ART.</li>"
                "<li>Merencanakan dan mengelola usaha koperasi: toko, simpan pinjam, penjualan daring.</li>"
                "<li>Mencatat transaksi dan menyusun laporan keuangan serta SHU.</li>"
                "<li>Mendigitalkan layanan anggota dan mencegah kecurangan.</li></ul>",
            ),
            admin,
            instructors=instructors,
        )
        created += 1
    for module_data in _curriculum():
        module = ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).first()
        if module is None:
            day = module_data["day"]
            module = _publish(
                course,
                ModulePage(
                    title=module_data["title"],
                    slug=module_data["slug"],
                    day_number=day,
                    summary=module_data.get("summary", ""),
                    release_date=start + dt.timedelta(days=day - 1),
                ),
                admin,
            )
            created += 1
        existing = {page.slug: page for page in LessonPage.objects.child_of(module)}
        for lesson in module_data["lessons"]:
            if lesson["slug"] in existing:
                updated += _refresh_lesson(existing[lesson["slug"]], lesson, admin)
                continue
            _publish(
                module,
                LessonPage(
                    title=lesson["title"],
                    slug=lesson["slug"],
                    summary=lesson.get("summary", ""),
                    estimated_minutes=lesson.get("minutes", 10),
                    is_required=lesson.get("required", True),
                    body=_body(lesson["body"], lesson["slug"]),
                ),
                admin,
            )
            created += 1
    stdout.write(f"  halaman kursus: {created} dibuat, {updated} diperbarui")
    return course


def _cohort(course, people, start: dt.date) -> Cohort:
    cohort = Cohort.objects.filter(name=COHORT_NAME, course=course).first()
    if cohort is None:
        cohort = Cohort.objects.create(
            course=course,
            name=COHORT_NAME,
            start_date=start,
            end_date=start + dt.timedelta(days=3),
            venue=VENUE,
            capacity=35,
            enrolment_code=COHORT_CODE,
            status=Cohort.Status.RUNNING,
        )
        titles = [m["title"] for m in _curriculum()] or [f"Hari {n}" for n in range(1, 5)]
        for number in range(1, 5):
            title = titles[number - 1] if number <= len(titles) else f"Hari {number}"
            Session.objects.create(
                cohort=cohort,
                number=number,
                title=title,
                date=start + dt.timedelta(days=number - 1),
                start_time=dt.time(8, 0),
                end_time=dt.time(15, 30),
                location=VENUE,
            )
    cohort.instructors.add(*people["instructors"])
    return cohort


def _attendance_for(index: int, session_number: int) -> str | None:
    """A plausible, fixed pattern: most attend, a few come late, are excused or miss a day."""
    if session_number == 4:
        return None  # today: left for the self check-in demo
    if index % 10 == 7 and session_number == 2:
        return Attendance.Status.ABSENT
    if index % 9 == 4 and session_number == 3:
        return Attendance.Status.EXCUSED
    if index % 8 == 5 and session_number == 1:
        return Attendance.Status.LATE
    return Attendance.Status.PRESENT


def _progress(cohort, people, instructor):
    lessons = list(LessonPage.objects.live().descendant_of(cohort.course).order_by("path").defer("body"))
    sessions = list(cohort.sessions.order_by("number"))
    enrolments = []
    for index, trainee in enumerate(people["trainees"]):
        enrollment, _ = Enrollment.objects.get_or_create(
            user=trainee,
            cohort=cohort,
            defaults={"enrolled_by": people["officers"][0]},
        )
        enrolments.append(enrollment)
        done = len(lessons) if index % 3 == 0 else len(lessons) * (index % 5 + 1) // 6
        LessonProgress.objects.bulk_create(
            [LessonProgress(user=trainee, lesson=lesson) for lesson in lessons[:done]],
            ignore_conflicts=True,
        )
        if enrollment.last_lesson_id is None and 0 < done:
            Enrollment.objects.filter(pk=enrollment.pk).update(
                last_lesson=lessons[min(done, len(lessons) - 1)],
                last_visited_at=timezone.now(),
            )
        rows = []
        for session in sessions:
            status = _attendance_for(index, session.number)
            if status:
                method = Attendance.Method.SELF if index % 2 == 0 else Attendance.Method.INSTRUCTOR
                rows.append(
                    Attendance(
                        session=session,
                        enrollment=enrollment,
                        status=status,
                        method=method,
                        recorded_by=trainee if method == Attendance.Method.SELF else instructor,
                    )
                )
        Attendance.objects.bulk_create(rows, ignore_conflicts=True)
    for enrollment in enrolments:
        evaluate_completion(enrollment=enrollment)
    return enrolments


@transaction.atomic
def load(*, stdout, people) -> None:
    admin = people["admin"]
    start = timezone.localdate() - dt.timedelta(days=3)
    course = _pages(admin, stdout, start, people["instructors"])
    cohort = _cohort(course, people, start)
    enrolments = _progress(cohort, people, people["instructors"][0])
    sync_course_editors(course=course)
    completed = sum(1 for e in Enrollment.objects.filter(pk__in=[e.pk for e in enrolments], status="completed"))
    stdout.write(
        f"  angkatan: {cohort.name} (kode {cohort.enrolment_code}), {len(enrolments)} peserta, {completed} lulus"
    )
