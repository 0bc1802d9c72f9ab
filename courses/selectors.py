"""Reads of the courses app: outlines with progress, "my courses", rosters and attendance reports.

Each function runs a fixed number of queries whatever the number of lessons, trainees or sessions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from wagtail.models import Page

from . import activities
from .models import (
    Attendance,
    Cohort,
    Completion,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    Session,
)
from .structure import ItemRef, ModuleRef, course_structure

STEP = Page.steplen


def percent(done: int, total: int) -> int:
    return round(done * 100 / total) if total else 0


@dataclass
class OutlineItem:
    page: ItemRef  # a lesson, or a page of a kind registered in courses.activities (a quiz)
    kind: str  # "lesson", or the registered kind ("quiz")
    done: bool
    locked: bool
    # Published after the trainee's reference moment (their completion, else their enrolment).
    is_new: bool = False
    # Counted in the progress figures: not for a graduate's lessons published after the completion.
    counted: bool = True


@dataclass
class ModuleOutline:
    module: ModuleRef
    released: bool
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(item.counted for item in self.items)

    @property
    def done(self) -> int:
        return sum(item.done and item.counted for item in self.items)

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)


@dataclass
class CourseOutline:
    course: CoursePage
    modules: list[ModuleOutline]

    @property
    def items(self) -> list[OutlineItem]:
        return [item for module in self.modules for item in module.items]

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)

    @property
    def new_items(self) -> list[OutlineItem]:
        return [item for item in self.items if item.is_new]

    def neighbours(self, page_id: int):
        """(previous item, next item) around a page, across day boundaries."""
        items = self.items
        for index, item in enumerate(items):
            if item.page.pk == page_id:
                before = items[index - 1] if index > 0 else None
                after = items[index + 1] if index + 1 < len(items) else None
                return before, after
        return None, None

    def first_open_item(self) -> OutlineItem | None:
        return next((item for item in self.items if not item.done and not item.locked), None)


# A graduate enrolled again (a CSV re-import into a later cohort) keeps their standing: the
# completed enrolment is the one shown, then the latest.
COMPLETED_FIRST = Case(
    When(status=Enrollment.Status.COMPLETED, then=Value(0)), default=Value(1), output_field=IntegerField()
)


def enrollment_for(*, user, course_id: int, lesson_id: int | None = None) -> Enrollment | None:
    """The user's current enrolment in a course (not withdrawn; a completed one first, else the
    latest), with its cohort and completion; with `lesson_id`, `lesson_done` says whether the user
    finished that lesson. ONE query."""
    enrollments = (
        Enrollment.objects.filter(user=user, cohort__course_id=course_id)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort", "completion")
        .order_by(COMPLETED_FIRST, "-enrolled_at")
    )
    if lesson_id is not None:
        enrollments = enrollments.annotate(
            lesson_done=Exists(LessonProgress.objects.filter(user=user, lesson_id=lesson_id))
        )
    return enrollments.first()


def new_since(enrollment: Enrollment | None):
    """The moment after which a published lesson is "baru" for this enrolment: its completion
    (a graduate's recorded standing is not changed by later lessons), else its enrolment."""
    if enrollment is None:
        return None
    if enrollment.status == Enrollment.Status.COMPLETED:
        try:
            return enrollment.completion.completed_at  # select_related by the views: no query
        except Completion.DoesNotExist:
            pass
    return enrollment.enrolled_at


def course_outline(*, course: CoursePage, user, today=None, enrollment: Enrollment | None = None) -> CourseOutline:
    """Days with their lessons and registered activities (quizzes), ticks for what `user` did.

    The course's shape comes from the cache (`courses.structure`); what the user did is read in one
    query, plus one per registered outline source. With `enrollment`, lessons published after the
    trainee's completion (or enrolment) are marked new, and a graduate's progress counts only the
    lessons there were when they completed.
    """
    today = today or timezone.localdate()
    structure = course_structure(course)
    signed_in = user is not None and user.is_authenticated
    done: dict[str, set[int]] = {}
    if signed_in:
        # Selected by the course's tree path, not by a list of its lesson ids: the query stays
        # the same size whatever the number of lessons (ticks of unpublished lessons are
        # read too, and ignored below).
        done["lesson"] = set(
            LessonProgress.objects.filter(user=user, lesson__path__startswith=course.path).values_list(
                "lesson_id", flat=True
            )
        )
        for source in activities.outline_sources():
            ids = [item.pk for item in structure.items if item.kind == source.kind]
            done[source.kind] = source.done_ids(user, ids) if ids else set()
    since = new_since(enrollment)
    graduate = enrollment is not None and enrollment.status == Enrollment.Status.COMPLETED
    outline = CourseOutline(course=course, modules=[])
    for module in structure.modules:
        released = module.is_released(today)
        entry = ModuleOutline(module=module, released=released)
        for item in module.items:
            is_new = bool(since and item.first_published_at and item.first_published_at > since)
            entry.items.append(
                OutlineItem(
                    page=item,
                    kind=item.kind,
                    done=item.pk in done.get(item.kind, ()),
                    locked=not released,
                    is_new=is_new,
                    counted=not (graduate and is_new),
                )
            )
        outline.modules.append(entry)
    return outline


@dataclass
class MyCourse:
    enrollment: Enrollment
    course: CoursePage
    total: int
    done: int
    resume_url: str | None
    sessions_today: list = field(default_factory=list)
    # True when resume_url is the course's first item (nothing opened yet): "Mulai belajar".
    starting: bool = False

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)


def check_in_window(session: Session):
    """(opens, closes): when self check-in for a session is accepted (courses.checkin.GRACE around it)."""
    from .checkin import GRACE

    return session.starts_at - GRACE, session.ends_at + GRACE


def _counted(lessons, enrollment, since) -> list[int]:
    """Lesson ids that count in an enrolment's progress: all of them, or for a graduate those
    published by the time of the completion (a recorded completion stands)."""
    if enrollment.status != Enrollment.Status.COMPLETED or since is None:
        return [pk for pk, _published in lessons]
    return [pk for pk, published in lessons if published is None or published <= since]


def my_courses(*, user, now=None) -> list[MyCourse]:
    """The user's courses (one card per course, from the enrolment `enrollment_for` would pick:
    completed first, else the latest) with progress and today's sessions. Five queries."""
    by_course = {}
    for enrollment in (
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort", "last_lesson", "completion")
        .order_by(COMPLETED_FIRST, "-enrolled_at")
    ):
        by_course.setdefault(enrollment.cohort.course_id, enrollment)
    enrollments = sorted(by_course.values(), key=lambda e: e.enrolled_at, reverse=True)
    if not enrollments:
        return []
    courses = {c.pk: c for c in CoursePage.objects.filter(pk__in={e.cohort.course_id for e in enrollments})}
    path_filter = Q()
    for course in courses.values():
        path_filter |= Q(path__startswith=course.path)
    lessons = list(LessonPage.objects.live().filter(path_filter).values_list("pk", "path", "first_published_at"))
    done = set(
        LessonProgress.objects.filter(user=user, lesson_id__in=[pk for pk, _, _ in lessons]).values_list(
            "lesson_id", flat=True
        )
    )
    now = now or timezone.now()
    today = defaultdict(list)
    for session in Session.objects.filter(
        cohort_id__in=[e.cohort_id for e in enrollments], date=timezone.localdate(now)
    ):
        today[session.cohort_id].append(session)
    result = []
    for enrollment in enrollments:
        course = courses.get(enrollment.cohort.course_id)
        if course is None:
            continue
        mine = _counted(
            [(pk, published) for pk, path, published in lessons if path.startswith(course.path)],
            enrollment,
            new_since(enrollment),
        )
        last = enrollment.last_lesson
        resume_url = last.url if last is not None and last.live else None
        starting = False
        if resume_url is None:
            # Nothing opened yet: the first lesson of the course (from the cached structure).
            first = next(iter(course_structure(course).items), None)
            resume_url, starting = (first.url, True) if first is not None else (None, False)
        sessions = today.get(enrollment.cohort_id, [])
        for session in sessions:
            session.check_in_opens, session.check_in_closes = check_in_window(session)
            session.check_in_open = session.check_in_opens <= now <= session.check_in_closes
        result.append(
            MyCourse(
                enrollment=enrollment,
                course=course,
                total=len(mine),
                done=sum(pk in done for pk in mine),
                resume_url=resume_url,
                sessions_today=sessions,
                starting=starting,
            )
        )
    return result


@dataclass
class SessionMark:
    session: Session
    status: str | None  # Attendance.Status value, or None when nothing is recorded
    label: str


@dataclass
class Standing:
    """A trainee's own view of the pass rule and where they stand (course page)."""

    require_lessons: bool
    required_lessons: int
    lessons_done: int
    require_quizzes: bool
    required_quizzes: int
    quizzes_passed: int
    min_attendance_percent: int
    sessions: list[SessionMark]
    attended: int

    @property
    def attendance_percent(self) -> int:
        return percent(self.attended, len(self.sessions)) if self.sessions else 100

    @property
    def lessons_met(self) -> bool:
        return self.lessons_done >= self.required_lessons

    @property
    def quizzes_met(self) -> bool:
        return self.quizzes_passed >= self.required_quizzes

    @property
    def attendance_met(self) -> bool:
        return not self.sessions or self.attended * 100 >= self.min_attendance_percent * len(self.sessions)


def trainee_standing(*, enrollment: Enrollment, course: CoursePage, outline: CourseOutline) -> Standing:
    """The pass rule of the course with the trainee's own figures and attendance per session.

    Lessons come from the outline already built (no query); sessions with the trainee's marks are
    one query; quizzes are counted by the registered requirements (the quiz engine: one or two)."""
    from django.utils.translation import gettext as _

    from .services import rule_figures_of_requirements

    sessions = list(
        Session.objects.filter(cohort_id=enrollment.cohort_id)
        .annotate(
            my_status=Subquery(
                Attendance.objects.filter(session=OuterRef("pk"), enrollment=enrollment).values("status")[:1]
            )
        )
        .order_by("number")
    )
    labels = dict(Attendance.Status.choices)
    now = timezone.now()
    marks = []
    for session in sessions:
        if session.my_status:
            label = labels[session.my_status]
        elif session.starts_at > now:
            label = _("akan datang")
        else:
            label = _("belum dicatat")
        marks.append(SessionMark(session=session, status=session.my_status, label=str(label)))
    required = [item for item in outline.items if item.kind == "lesson" and item.page.is_required]
    figures = rule_figures_of_requirements(enrollment=enrollment, course=course)
    return Standing(
        require_lessons=course.require_lessons,
        required_lessons=len(required),
        lessons_done=sum(item.done for item in required),
        require_quizzes=course.require_quizzes,
        required_quizzes=figures.get("required_quizzes", 0),
        quizzes_passed=figures.get("quizzes_passed", 0),
        min_attendance_percent=course.min_attendance_percent,
        sessions=marks,
        attended=sum(mark.status in Attendance.ATTENDED for mark in marks),
    )


def cohorts_for_instructor(*, user):
    return (
        Cohort.objects.filter(instructors=user)
        .select_related("course")
        .annotate(trainees=Count("enrollments", filter=~Q(enrollments__status=Enrollment.Status.WITHDRAWN)))
        .order_by("-start_date")
    )


def all_cohorts():
    return (
        Cohort.objects.select_related("course")
        .annotate(trainees=Count("enrollments", filter=~Q(enrollments__status=Enrollment.Status.WITHDRAWN)))
        .order_by("-start_date", "name")
    )


@dataclass
class RosterRow:
    enrollment: Enrollment
    lessons_done: int
    lessons_total: int
    attendance: dict  # session id → Attendance.Status value
    attended: int
    completed: bool

    @property
    def progress_percent(self) -> int:
        return percent(self.lessons_done, self.lessons_total)

    def attendance_percent(self, sessions: int) -> int:
        return percent(self.attended, sessions)


@dataclass
class Roster:
    cohort: Cohort
    sessions: list[Session]
    rows: list[RosterRow]


def cohort_roster(*, cohort: Cohort) -> Roster:
    """Every trainee of a cohort with lesson progress and attendance per session. Six queries.

    A graduate's progress counts the lessons there were when they completed (a recorded
    completion stands); everyone else's counts the course as it is now."""
    sessions = list(cohort.sessions.order_by("number"))
    enrollments = list(
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    lessons = list(
        LessonPage.objects.live().filter(path__startswith=cohort.course.path).values_list("pk", "first_published_at")
    )
    done_by_user = defaultdict(set)
    for user_id, lesson_id in LessonProgress.objects.filter(
        user_id__in=[e.user_id for e in enrollments], lesson_id__in=[pk for pk, _ in lessons]
    ).values_list("user_id", "lesson_id"):
        done_by_user[user_id].add(lesson_id)
    marks = defaultdict(dict)
    for enrollment_id, session_id, status in Attendance.objects.filter(enrollment__cohort=cohort).values_list(
        "enrollment_id", "session_id", "status"
    ):
        marks[enrollment_id][session_id] = status
    completed = dict(Completion.objects.filter(enrollment__cohort=cohort).values_list("enrollment_id", "completed_at"))
    rows = []
    for enrollment in enrollments:
        statuses = marks.get(enrollment.pk, {})
        counted = _counted(lessons, enrollment, completed.get(enrollment.pk))
        done = done_by_user.get(enrollment.user_id, set())
        rows.append(
            RosterRow(
                enrollment=enrollment,
                lessons_done=sum(pk in done for pk in counted),
                lessons_total=len(counted),
                attendance=statuses,
                attended=sum(s in Attendance.ATTENDED for s in statuses.values()),
                completed=enrollment.pk in completed,
            )
        )
    return Roster(cohort=cohort, sessions=sessions, rows=rows)


def attendance_table(*, cohort: Cohort) -> tuple[list[str], list[list]]:
    """Header and rows of the attendance report (shared by the page and the CSV/XLSX exports)."""
    from django.utils.translation import gettext as _

    roster = cohort_roster(cohort=cohort)
    labels = dict(Attendance.Status.choices)
    header = [_("Nama"), _("Email"), _("Koperasi/usaha")]
    header += [f"{s.number}. {s.date.isoformat()}" for s in roster.sessions]
    header += [_("Jumlah hadir"), _("Persen hadir"), _("Lulus")]
    rows = []
    for row in roster.rows:
        user = row.enrollment.user
        line = [user.full_name, user.email, user.organisation]
        line += [str(labels.get(row.attendance.get(s.pk), "")) for s in roster.sessions]
        line += [row.attended, row.attendance_percent(len(roster.sessions)), _("ya") if row.completed else _("belum")]
        rows.append(line)
    return header, rows


# --- Public pages: open courses and upcoming cohorts (home page, course page) ---------------------


def upcoming_cohorts(*, course_id: int | None = None, today=None, limit: int = 6) -> list[Cohort]:
    """Cohorts people can still join or attend (enrolment open or running, not yet over), soonest
    first, with their course and places taken. ONE query."""
    today = today or timezone.localdate()
    cohorts = (
        Cohort.objects.filter(status__in=Cohort.ENROLLABLE, end_date__gte=today)
        .select_related("course")
        .annotate(taken=Count("enrollments", filter=~Q(enrollments__status=Enrollment.Status.WITHDRAWN)))
        .order_by("start_date", "name")
    )
    if course_id is not None:
        cohorts = cohorts.filter(course_id=course_id)
    result = list(cohorts[:limit])
    for cohort in result:
        cohort.places_left = max(cohort.capacity - cohort.taken, 0)
    return result


def open_courses(*, limit: int = 6) -> list[CoursePage]:
    """Published public courses, in catalogue order. ONE query."""
    return list(CoursePage.objects.live().public().order_by("path")[:limit])


@dataclass
class NextStep:
    """The one thing to do next on the home page, for one role."""

    kind: str  # "enrol", "check_in", "learn", "completed", "teach", "session", "cohorts"
    title: str
    text: str
    url: str
    action: str


def trainee_next_step(*, user, now=None) -> NextStep | None:
    """Enrol, check in (a session open now), start or go on learning, or see the certificate. Two
    queries (plus the course shape from the cache)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    enrollment = (
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort__course", "last_lesson")
        .order_by(
            Case(When(status=Enrollment.Status.ACTIVE, then=Value(0)), default=Value(1), output_field=IntegerField()),
            "-enrolled_at",
        )
        .first()
    )
    if enrollment is None:
        return NextStep(
            kind="enrol",
            title=_("Daftar ke angkatan"),
            text=_("Masukkan kode pendaftaran yang Anda terima dari Dinas untuk membuka materi kursus."),
            url=reverse("courses:enrol"),
            action=_("Masukkan kode pendaftaran"),
        )
    course = enrollment.cohort.course
    session = (
        Session.objects.filter(cohort_id=enrollment.cohort_id, date=timezone.localdate(now))
        .order_by("start_time")
        .first()
    )
    if session is not None and enrollment.status == Enrollment.Status.ACTIVE:
        opens, closes = check_in_window(session)
        if opens <= now <= closes:
            return NextStep(
                kind="check_in",
                title=_("Presensi hari ini"),
                text=_("%(session)s sedang berlangsung (%(start)s–%(end)s).")
                % {
                    "session": session.title,
                    "start": session.start_time.strftime("%H.%M"),
                    "end": session.end_time.strftime("%H.%M"),
                },
                url=f"{reverse('courses:check_in')}?sesi={session.pk}",
                action=_("Presensi sekarang"),
            )
    if enrollment.status == Enrollment.Status.COMPLETED:
        return NextStep(
            kind="completed",
            title=_("Anda sudah lulus %(course)s") % {"course": course.title},
            text=_("Ringkasan kursus dan sertifikat Anda ada di halaman kursus."),
            url=course.url,
            action=_("Buka halaman kursus"),
        )
    last = enrollment.last_lesson
    if last is not None and last.live:
        return NextStep(
            kind="learn",
            title=course.title,
            text=_("Terakhir dibuka: %(lesson)s.") % {"lesson": last.title},
            url=last.url,
            action=_("Lanjutkan belajar"),
        )
    first = next(iter(course_structure(course).items), None)
    return NextStep(
        kind="learn",
        title=course.title,
        text=_("Anda terdaftar di %(cohort)s. Mulai dari pelajaran pertama.") % {"cohort": enrollment.cohort.name},
        url=first.url if first is not None else course.url,
        action=_("Mulai belajar"),
    )


def instructor_next_step(*, user, today=None) -> NextStep:
    """The next face-to-face session of a cohort the instructor teaches (today first). ONE query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from lms.formatting import format_tanggal

    today = today or timezone.localdate()
    session = (
        Session.objects.filter(cohort__instructors=user, date__gte=today)
        .select_related("cohort")
        .order_by("date", "start_time")
        .first()
    )
    if session is None:
        return NextStep(
            kind="cohorts",
            title=_("Angkatan yang saya ajar"),
            text=_("Tidak ada sesi tatap muka terjadwal. Lihat angkatan Anda dan siapkan materinya."),
            url=reverse("courses:instructor_cohorts"),
            action=_("Angkatan yang saya ajar"),
        )
    when = _("hari ini") if session.date == today else format_tanggal(session.date, with_day=True)
    return NextStep(
        kind="session",
        title=_("Sesi berikutnya: %(session)s") % {"session": session.title},
        text=_("%(cohort)s · %(when)s, %(start)s–%(end)s%(place)s")
        % {
            "cohort": session.cohort.name,
            "when": when,
            "start": session.start_time.strftime("%H.%M"),
            "end": session.end_time.strftime("%H.%M"),
            "place": f" · {session.location}" if session.location else "",
        },
        url=reverse("courses:session_attendance", args=[session.cohort_id, session.pk]),
        action=_("Catat kehadiran"),
    )


def officer_next_step(*, today=None) -> NextStep:
    """The next cohort to prepare (enrolment open or running), else create one. ONE query."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from lms.formatting import format_tanggal

    cohort = next(iter(upcoming_cohorts(today=today, limit=1)), None)
    if cohort is None:
        return NextStep(
            kind="cohorts",
            title=_("Belum ada angkatan yang dibuka"),
            text=_("Buat angkatan baru: pilih kursus, tanggal, tempat, lalu bagikan kode pendaftarannya."),
            url=reverse("courses_cohort:add"),
            action=_("Buat angkatan baru"),
        )
    return NextStep(
        kind="cohorts",
        title=_("Angkatan berikutnya: %(cohort)s") % {"cohort": cohort.name},
        text=_("%(course)s · mulai %(date)s · %(taken)s dari %(capacity)s tempat terisi")
        % {
            "course": cohort.course.title,
            "date": format_tanggal(cohort.start_date),
            "taken": cohort.taken,
            "capacity": cohort.capacity,
        },
        url=reverse("courses:cohort_detail", args=[cohort.pk]),
        action=_("Lihat peserta dan kehadiran"),
    )
