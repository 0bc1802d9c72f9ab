"""Reads of the courses app: outlines with progress, "my courses", rosters and attendance reports.

Each function runs a fixed number of queries whatever the number of lessons, trainees or sessions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
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
    ModulePage,
    Session,
)

STEP = Page.steplen


def percent(done: int, total: int) -> int:
    return round(done * 100 / total) if total else 0


@dataclass
class OutlineItem:
    page: Page  # a LessonPage, or a page of a kind registered in courses.activities (a quiz)
    kind: str  # "lesson", or the registered kind ("quiz")
    done: bool
    locked: bool


@dataclass
class ModuleOutline:
    module: ModulePage
    released: bool
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)

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


def course_outline(*, course: CoursePage, user, today=None) -> CourseOutline:
    """Modules with their lessons and registered activities (quizzes), ticks for what `user` did.

    Three queries, plus two per registered outline source (its pages, what the user did).
    """
    today = today or timezone.localdate()
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = list(LessonPage.objects.descendant_of(course).live().defer("body").order_by("path"))
    signed_in = user is not None and user.is_authenticated
    done_lessons: set[int] = set()
    if signed_in:
        done_lessons = set(
            LessonProgress.objects.filter(user=user, lesson_id__in=[lesson.pk for lesson in lessons]).values_list(
                "lesson_id", flat=True
            )
        )
    rows = [(lesson, "lesson", lesson.pk in done_lessons) for lesson in lessons]
    for source in activities.outline_sources():
        pages = list(source.pages(course))
        done = source.done_ids(user, [page.pk for page in pages]) if signed_in and pages else set()
        rows += [(page, source.kind, page.pk in done) for page in pages]
    by_path = {}
    outline = CourseOutline(course=course, modules=[])
    for module in modules:
        entry = ModuleOutline(module=module, released=module.is_released(today))
        by_path[module.path] = entry
        outline.modules.append(entry)
    for page, kind, done in sorted(rows, key=lambda row: row[0].path):
        entry = by_path.get(page.path[:-STEP])
        if entry is not None:
            entry.items.append(OutlineItem(page=page, kind=kind, done=done, locked=not entry.released))
    return outline


@dataclass
class MyCourse:
    enrollment: Enrollment
    course: CoursePage
    total: int
    done: int
    resume_url: str | None
    sessions_today: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)


def my_courses(*, user) -> list[MyCourse]:
    """The user's enrolments (not withdrawn) with progress per course and today's sessions. Five queries."""
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("cohort", "last_lesson")
        .order_by("-enrolled_at")
    )
    if not enrollments:
        return []
    courses = {c.pk: c for c in CoursePage.objects.filter(pk__in={e.cohort.course_id for e in enrollments})}
    path_filter = Q()
    for course in courses.values():
        path_filter |= Q(path__startswith=course.path)
    lessons = list(LessonPage.objects.live().filter(path_filter).values_list("pk", "path"))
    done = set(
        LessonProgress.objects.filter(user=user, lesson_id__in=[pk for pk, _ in lessons]).values_list(
            "lesson_id", flat=True
        )
    )
    today = defaultdict(list)
    for session in Session.objects.filter(cohort_id__in=[e.cohort_id for e in enrollments], date=timezone.localdate()):
        today[session.cohort_id].append(session)
    result = []
    for enrollment in enrollments:
        course = courses.get(enrollment.cohort.course_id)
        if course is None:
            continue
        mine = [pk for pk, path in lessons if path.startswith(course.path)]
        last = enrollment.last_lesson
        result.append(
            MyCourse(
                enrollment=enrollment,
                course=course,
                total=len(mine),
                done=sum(pk in done for pk in mine),
                resume_url=last.url if last is not None and last.live else None,
                sessions_today=today.get(enrollment.cohort_id, []),
            )
        )
    return result


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
    """Every trainee of a cohort with lesson progress and attendance per session. Six queries."""
    sessions = list(cohort.sessions.order_by("number"))
    enrollments = list(
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    lesson_ids = list(
        LessonPage.objects.live().filter(path__startswith=cohort.course.path).values_list("pk", flat=True)
    )
    done_counts = dict(
        LessonProgress.objects.filter(user_id__in=[e.user_id for e in enrollments], lesson_id__in=lesson_ids)
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("user_id", "n")
    )
    marks = defaultdict(dict)
    for enrollment_id, session_id, status in Attendance.objects.filter(enrollment__cohort=cohort).values_list(
        "enrollment_id", "session_id", "status"
    ):
        marks[enrollment_id][session_id] = status
    completed = set(Completion.objects.filter(enrollment__cohort=cohort).values_list("enrollment_id", flat=True))
    rows = []
    for enrollment in enrollments:
        statuses = marks.get(enrollment.pk, {})
        rows.append(
            RosterRow(
                enrollment=enrollment,
                lessons_done=done_counts.get(enrollment.user_id, 0),
                lessons_total=len(lesson_ids),
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
