"""Writes of the courses app: enrolment, attendance, progress, completion, course editor groups.

Each function takes keyword-only arguments, runs in one transaction and records the acting user.
Errors the user can fix are raised as `CourseError` with an Indonesian message and a stable code.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission

from lms import roles
from lms.db import retry_on_db_lock
from lms.formatting import format_tanggal

from . import activities, checkin
from .models import (
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
from .models.cohorts import normalize_code
from .signals import course_completed

logger = logging.getLogger("sinau.courses")


class CourseError(Exception):
    """A refusal the user can understand: `code` for tests and logic, `message` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# SQLite's "database is locked" retried like PostgreSQL waits for a row lock (one rule: lms.db).
retry_on_sqlite_lock = retry_on_db_lock


# --- Course editors (Wagtail page permissions) ------------------------------------------

EDITOR_PERMISSIONS = ("add_page", "change_page", "publish_page")


def course_instructor_ids(course: CoursePage) -> set[int]:
    """Users in the Narasumber role assigned to the course itself or to one of its cohorts."""
    User = get_user_model()
    return set(
        User.objects.filter(groups__name=roles.INSTRUCTOR)
        .filter(pk__in=CoursePage.instructors.through.objects.filter(coursepage_id=course.pk).values("user_id"))
        .values_list("pk", flat=True)
    ) | set(
        User.objects.filter(groups__name=roles.INSTRUCTOR, taught_cohorts__course_id=course.pk).values_list(
            "pk", flat=True
        )
    )


def _editor_group_name(course: CoursePage) -> str:
    name = f"Narasumber: {course.title}"[:140]
    if Group.objects.filter(name=name).exclude(course_editor_of__course_id=course.pk).exists():
        name = f"{name[:130]} (#{course.pk})"
    return name


@transaction.atomic
def sync_course_editors(*, course: CoursePage) -> Group:
    """Keep the course's editor group: named after the course, add/change/publish on its page,
    members = its instructors. Safe to run any number of times."""
    link = CourseEditorGroup.objects.select_related("group").filter(course_id=course.pk).first()
    name = _editor_group_name(course)
    if link is None:
        group = Group.objects.create(name=name)
        CourseEditorGroup.objects.create(course_id=course.pk, group=group)
    else:
        group = link.group
        if group.name != name:
            group.name = name
            group.save(update_fields=["name"])
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=EDITOR_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page_id=course.pk, permission=permission)
    group.user_set.set(course_instructor_ids(course))
    return group


# --- Enrolment ---------------------------------------------------------------------------


def _taken_places(cohort: Cohort) -> int:
    return cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN).count()


def _enroll_locked(*, user, cohort: Cohort, enrolled_by) -> Enrollment:
    """Enrol into a cohort whose row the caller has locked (select_for_update)."""
    existing = Enrollment.objects.filter(user=user, cohort=cohort).first()
    if existing is not None and existing.status != Enrollment.Status.WITHDRAWN:
        raise CourseError("already_enrolled", _("Anda sudah terdaftar di angkatan ini."))
    if _taken_places(cohort) >= cohort.capacity:
        raise CourseError("full", _("Maaf, angkatan ini sudah penuh."))
    if existing is not None:
        existing.status = Enrollment.Status.ACTIVE
        existing.enrolled_at = timezone.now()
        existing.enrolled_by = enrolled_by
        existing.save(update_fields=["status", "enrolled_at", "enrolled_by"])
        enrollment = existing
    else:
        enrollment = Enrollment.objects.create(user=user, cohort=cohort, enrolled_by=enrolled_by)
    if not roles.has_role(user, roles.TRAINEE):
        roles.assign_role(user, roles.TRAINEE)
    return enrollment


@retry_on_sqlite_lock
def enroll_with_code(*, user, code: str, now: datetime | None = None) -> Enrollment:
    """A trainee enrols with the cohort's code. Capacity holds under concurrency: the cohort row
    is locked while places are counted."""
    code = normalize_code(code)
    if not code:
        raise CourseError("empty", _("Tulis kode pendaftaran dari panitia."))
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().filter(enrolment_code=code).first()
        if cohort is None:
            raise CourseError("wrong_code", _("Kode pendaftaran tidak dikenal. Periksa kembali kode dari panitia."))
        if cohort.code_is_expired(now):
            raise CourseError("expired", _("Kode pendaftaran ini sudah tidak berlaku. Hubungi panitia."))
        if cohort.status not in Cohort.ENROLLABLE:
            raise CourseError("not_open", _("Pendaftaran angkatan ini sedang tidak dibuka."))
        return _enroll_locked(user=user, cohort=cohort, enrolled_by=user)


@retry_on_sqlite_lock
def enroll_user(*, user, cohort: Cohort, enrolled_by) -> Enrollment:
    """An officer or the cohort's instructor enrols someone (the code and status are not needed)."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        return _enroll_locked(user=user, cohort=cohort, enrolled_by=enrolled_by)


# --- Attendance --------------------------------------------------------------------------


@dataclass
class CheckInResult:
    attendance: Attendance
    created: bool


@transaction.atomic
def mark_attendance(*, session: Session, enrollment: Enrollment, status: str, recorded_by) -> Attendance:
    """An instructor records (or corrects) one trainee's attendance of one session."""
    if enrollment.cohort_id != session.cohort_id:
        raise CourseError("wrong_cohort", _("Peserta ini tidak terdaftar di angkatan sesi ini."))
    if status not in Attendance.Status.values:
        raise CourseError("bad_status", _("Status kehadiran tidak dikenal."))
    attendance, _created = Attendance.objects.update_or_create(
        session=session,
        enrollment=enrollment,
        defaults={
            "status": status,
            "method": Attendance.Method.INSTRUCTOR,
            "recorded_by": recorded_by,
            "recorded_at": timezone.now(),
        },
    )
    evaluate_completion(enrollment=enrollment)
    return attendance


@transaction.atomic
def mark_attendance_sheet(*, session: Session, statuses: dict[int, str], recorded_by) -> int:
    """Record a whole roster at once ({enrollment id: status}); empty statuses are skipped."""
    enrollments = {e.pk: e for e in session.cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)}
    changed = 0
    for enrollment_id, status in statuses.items():
        if not status:
            continue
        enrollment = enrollments.get(enrollment_id)
        if enrollment is None:
            raise CourseError("wrong_cohort", _("Peserta ini tidak terdaftar di angkatan sesi ini."))
        current = Attendance.objects.filter(session=session, enrollment=enrollment).values_list("status", flat=True)
        if list(current) == [status]:
            continue
        mark_attendance(session=session, enrollment=enrollment, status=status, recorded_by=recorded_by)
        changed += 1
    return changed


def _find_checkin_session(*, code: str, session_id: int | None, now: datetime) -> Session:
    today = timezone.localdate(now)
    candidates = list(
        Session.objects.select_related("cohort").filter(
            date__range=(today - timezone.timedelta(days=1), today + timezone.timedelta(days=1))
        )
    )
    target = None
    if session_id is not None:
        target = next((s for s in candidates if s.pk == session_id), None)
        if target is None:
            target = Session.objects.select_related("cohort").filter(pk=session_id).first()
    results = {s.pk: checkin.match(s.pk, code, now) for s in candidates}
    if target is not None:
        verdict = results.get(target.pk, checkin.match(target.pk, code, now))
        if verdict == "current":
            return target
        if verdict == "expired":
            raise CourseError("expired", _("Kode presensi sudah kedaluwarsa. Minta kode terbaru dari narasumber."))
        # Another session's code gets the same answer as any wrong code: the refusal must not
        # tell a guesser that a code is live somewhere (issue 9, item 7).
        raise CourseError("wrong_code", _("Kode presensi salah. Periksa kembali kode yang ditampilkan narasumber."))
    current = [s for s in candidates if results[s.pk] == "current"]
    if current:
        return current[0]
    if any(v == "expired" for v in results.values()):
        raise CourseError("expired", _("Kode presensi sudah kedaluwarsa. Minta kode terbaru dari narasumber."))
    raise CourseError("wrong_code", _("Kode presensi salah. Periksa kembali kode yang ditampilkan narasumber."))


# Wrong codes a trainee may type before check-in pauses for them (issue 9, item 7): a class types
# the code off the screen, a few typos happen; 10^6 codes cannot be guessed at this pace.
CHECKIN_MAX_FAILURES = 10
CHECKIN_FAILURE_WINDOW = 15 * 60  # seconds


def _checkin_failures_key(user) -> str:
    return f"courses:checkin-failures:{user.pk}"


def _clock(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H.%M")


def check_in(*, user, code: str, session_id: int | None = None, now: datetime | None = None) -> CheckInResult:
    """A trainee checks in with the rotating code. A repeated check-in changes nothing.

    After CHECKIN_MAX_FAILURES wrong (or expired) codes in CHECKIN_FAILURE_WINDOW the trainee is
    refused without the code being looked at, until the window passes (the counter lives in the
    shared cache, so it holds across web processes); the instructor can still record attendance.
    """
    from django.core.cache import cache

    now = now or timezone.now()
    key = _checkin_failures_key(user)
    if (cache.get(key) or 0) >= CHECKIN_MAX_FAILURES:
        raise CourseError(
            "too_many_attempts",
            _("Terlalu banyak kode salah. Coba lagi 15 menit lagi, atau minta narasumber mencatat kehadiran Anda."),
        )
    code = checkin.normalize(code)
    if len(code) != 6:
        raise CourseError("wrong_code", _("Kode presensi terdiri dari 6 angka."))
    try:
        session = _find_checkin_session(code=code, session_id=session_id, now=now)
    except CourseError:
        if not cache.add(key, 1, CHECKIN_FAILURE_WINDOW):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, CHECKIN_FAILURE_WINDOW)
        raise
    enrollment = (
        Enrollment.objects.filter(user=user, cohort_id=session.cohort_id)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .first()
    )
    if enrollment is None:
        raise CourseError("not_enrolled", _("Anda tidak terdaftar di angkatan sesi ini."))
    opens, closes = session.starts_at - checkin.GRACE, session.ends_at + checkin.GRACE
    if now < opens:
        raise CourseError(
            "outside_session",
            _("Presensi untuk %(session)s baru dibuka %(date)s pukul %(time)s.")
            % {"session": session.title, "date": format_tanggal(opens, with_day=True), "time": _clock(opens)},
        )
    if now > closes:
        raise CourseError(
            "outside_session",
            _(
                "Presensi untuk %(session)s sudah ditutup %(date)s pukul %(time)s. Minta narasumber mencatat kehadiran Anda."
            )
            % {"session": session.title, "date": format_tanggal(closes, with_day=True), "time": _clock(closes)},
        )
    return _record_check_in(session=session, enrollment=enrollment, user=user, now=now)


@retry_on_sqlite_lock
def _record_check_in(*, session, enrollment, user, now) -> CheckInResult:
    status = Attendance.Status.LATE if now > session.starts_at + checkin.LATE_AFTER else Attendance.Status.PRESENT
    try:
        with transaction.atomic():
            attendance, created = Attendance.objects.get_or_create(
                session=session,
                enrollment=enrollment,
                defaults={"status": status, "method": Attendance.Method.SELF, "recorded_by": user, "recorded_at": now},
            )
            if created:
                evaluate_completion(enrollment=enrollment)
    except IntegrityError:
        attendance, created = Attendance.objects.get(session=session, enrollment=enrollment), False
    return CheckInResult(attendance=attendance, created=created)


# --- Progress and completion -------------------------------------------------------------


def active_enrollment_for(*, user, course_id: int) -> Enrollment | None:
    return (
        Enrollment.objects.filter(user=user, cohort__course_id=course_id)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort")
        .order_by("-enrolled_at")
        .first()
    )


@retry_on_sqlite_lock
@transaction.atomic
def mark_lesson_done(*, user, lesson: LessonPage) -> LessonProgress:
    """ "Tandai selesai": only for a trainee enrolled in the lesson's course, once the day is open."""
    module = ModulePage.objects.ancestor_of(lesson).first()
    course = CoursePage.objects.ancestor_of(lesson).first()
    enrollment = active_enrollment_for(user=user, course_id=course.pk) if course else None
    if enrollment is None:
        raise CourseError("not_enrolled", _("Anda belum terdaftar di kursus ini."))
    if module is not None and not module.is_released():
        raise CourseError("locked", _("Materi hari ini belum dibuka."))
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    evaluate_completion(enrollment=enrollment)
    return progress


# A reload of the lesson last opened writes nothing unless the visit time is older than this.
VISIT_REFRESH = timezone.timedelta(hours=1)


def record_lesson_visit(*, enrollment: Enrollment, lesson: LessonPage, now=None) -> bool:
    """Remember the last lesson opened, for "lanjutkan belajar": one UPDATE when it changed (or the
    visit is over an hour old), nothing on a reload. Returns whether it wrote."""
    now = now or timezone.now()
    last_visit = enrollment.last_visited_at
    if enrollment.last_lesson_id == lesson.pk and last_visit is not None and now - last_visit < VISIT_REFRESH:
        return False
    Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson, last_visited_at=now)
    enrollment.last_lesson_id, enrollment.last_visited_at = lesson.pk, now
    return True


def completion_figures(*, enrollment: Enrollment, course: CoursePage | None = None) -> dict:
    """What the completion rule looks at, as plain numbers (kept in the Completion snapshot):
    lessons and attendance, then the figures of each requirement registered in courses.activities
    (the quiz engine adds "required_quizzes" and "quizzes_passed")."""
    course = course or CoursePage.objects.get(pk=enrollment.cohort.course_id)
    user_id = enrollment.user_id
    lesson_ids = list(
        LessonPage.objects.live().descendant_of(course).filter(is_required=True).values_list("pk", flat=True)
    )
    lessons_done = LessonProgress.objects.filter(user_id=user_id, lesson_id__in=lesson_ids).count()
    sessions = Session.objects.filter(cohort_id=enrollment.cohort_id).count()
    attended = Attendance.objects.filter(enrollment=enrollment, status__in=Attendance.ATTENDED).count()
    figures = {
        "required_lessons": len(lesson_ids),
        "lessons_done": lessons_done,
        "sessions": sessions,
        "sessions_attended": attended,
        "attendance_percent": round(attended * 100 / sessions) if sessions else 100,
        "min_attendance_percent": course.min_attendance_percent,
    }
    figures.update(rule_figures_of_requirements(enrollment=enrollment, course=course))
    return figures


def rule_figures_of_requirements(*, enrollment: Enrollment, course: CoursePage) -> dict:
    """The figures of the requirements other apps registered (quizzes: required and passed)."""
    figures = {}
    for requirement in activities.completion_requirements():
        figures.update(requirement.figures(enrollment=enrollment, course=course))
    return figures


def rule_is_met(*, course: CoursePage, figures: dict) -> bool:
    """Required lessons done AND attended >= N% of the sessions (integer arithmetic, so exactly N%
    passes; no sessions means nothing to attend) AND every registered requirement met (required
    quizzes passed, when the course asks for it)."""
    if course.require_lessons and figures["lessons_done"] < figures["required_lessons"]:
        return False
    if figures["sessions"] and figures["sessions_attended"] * 100 < course.min_attendance_percent * figures["sessions"]:
        return False
    return all(
        requirement.is_met(course=course, figures=figures) for requirement in activities.completion_requirements()
    )


@transaction.atomic
def evaluate_completion(*, enrollment: Enrollment) -> Completion | None:
    """Record the completion once when the rule is met, then announce it after commit."""
    existing = Completion.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return None
    course = CoursePage.objects.get(cohorts__pk=enrollment.cohort_id)
    figures = completion_figures(enrollment=enrollment, course=course)
    if not rule_is_met(course=course, figures=figures):
        return None
    completion, created = Completion.objects.get_or_create(enrollment=enrollment, defaults={"snapshot": figures})
    if created:
        Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.COMPLETED)
        enrollment.status = Enrollment.Status.COMPLETED
        transaction.on_commit(
            lambda: course_completed.send(sender=Enrollment, enrollment=enrollment, completion=completion)
        )
    return completion


# --- Recalculating completion ------------------------------------------------------------


@dataclass
class RecalculationRow:
    """What recalculating would do for one trainee: `change` is "grant" (meets the rule now, no
    completion yet), "keep" (recorded, still met), "stands" (recorded, not met by the course as it
    is now: the completion stays) or "none" (not met, nothing recorded)."""

    enrollment: Enrollment
    figures: dict
    change: str
    missing: list[str]


def _missing(course: CoursePage, figures: dict) -> list[str]:
    missing = []
    if course.require_lessons and figures["lessons_done"] < figures["required_lessons"]:
        missing.append(
            _("%(n)s pelajaran wajib belum selesai") % {"n": figures["required_lessons"] - figures["lessons_done"]}
        )
    required_quizzes = figures.get("required_quizzes", 0)
    if course.require_quizzes and figures.get("quizzes_passed", 0) < required_quizzes:
        missing.append(_("%(n)s kuis wajib belum lulus") % {"n": required_quizzes - figures.get("quizzes_passed", 0)})
    if figures["sessions"] and figures["sessions_attended"] * 100 < course.min_attendance_percent * figures["sessions"]:
        missing.append(
            _("kehadiran %(got)s%% (minimal %(need)s%%)")
            % {"got": figures["attendance_percent"], "need": course.min_attendance_percent}
        )
    return missing


def preview_completion_recalculation(*, cohort: Cohort) -> list[RecalculationRow]:
    """Apply today's completion rule to every trainee of the cohort without writing anything."""
    course = CoursePage.objects.get(pk=cohort.course_id)
    enrollments = (
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user", "completion")
        .order_by("user__full_name", "user__email")
    )
    rows = []
    for enrollment in enrollments:
        figures = completion_figures(enrollment=enrollment, course=course)
        met = rule_is_met(course=course, figures=figures)
        recorded = hasattr(enrollment, "completion")
        change = {(True, True): "keep", (True, False): "stands", (False, True): "grant", (False, False): "none"}[
            (recorded, met)
        ]
        rows.append(
            RecalculationRow(enrollment=enrollment, figures=figures, change=change, missing=_missing(course, figures))
        )
    return rows


@transaction.atomic
def recalculate_completions(*, cohort: Cohort, by) -> list[Completion]:
    """Record the completion of every trainee of the cohort who meets the rule now and has none
    (e.g. after a lesson was made optional or attendance corrected). A recorded completion is
    never taken away. Returns the completions granted; each is announced after commit."""
    granted = []
    for row in preview_completion_recalculation(cohort=cohort):
        if row.change == "grant":
            completion = evaluate_completion(enrollment=row.enrollment)
            if completion is not None:
                granted.append(completion)
    if granted:
        logger.info(
            "Completion recalculated for cohort %s by user %s: %s granted",
            cohort.pk,
            getattr(by, "pk", None),
            len(granted),
        )
    return granted
