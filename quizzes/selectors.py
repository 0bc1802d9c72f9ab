"""Reads of the quiz engine, each a fixed number of queries whatever the size of the cohort or quiz.

Read API for other apps (certificates, incubator; documented in docs/quizzes.md):
- `quiz_results(*, user_ids, course=None) -> dict[user_id, list[QuizResult]]`
- `course_result(*, user, course) -> CourseQuizResult`
- `passed_quiz_ids(*, user, quiz_ids) -> set[int]`
Everything else here serves this app's own pages and may change.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone

from courses.models import Cohort, CoursePage, Enrollment

from .models import (
    AttemptAnswer,
    AttemptState,
    QuestionCategory,
    QuizAttempt,
    QuizGrade,
    QuizKind,
    QuizOverride,
    QuizPage,
    QuizSchedule,
    ReviewWhen,
)

ONE = Decimal("1")
PLACES = Decimal("0.01")


# --- Read API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizResult:
    """A trainee's standing in one quiz: the grade by the quiz's grading method."""

    quiz_id: int
    title: str
    kind: str  # quiz | pretest | posttest
    course_id: int | None
    score: Decimal  # percent, 0–100
    passed: bool
    attempts: int
    is_required: bool
    pass_mark: int


@dataclass(frozen=True)
class CourseQuizResult:
    results: list[QuizResult]
    required: int  # live required quizzes of the course
    required_passed: int
    average_score: Decimal | None  # mean of the required (else all graded) quizzes' grades, pre-tests excluded

    @property
    def all_required_passed(self) -> bool:
        return self.required_passed >= self.required


def _course_path(quiz) -> str:
    return quiz.path[: CoursePage.steplen * (quiz.depth - 2)]


def _course_paths(course) -> Q:
    return Q(quiz__path__startswith=course.path)


def quiz_results(*, user_ids, course=None) -> dict[int, list[QuizResult]]:
    """Graded quizzes of these users (of one course, or all), by user. Two queries."""
    grades = QuizGrade.objects.filter(user_id__in=list(user_ids)).select_related("quiz").order_by("quiz__path")
    if course is not None:
        grades = grades.filter(_course_paths(course))
    grades = list(grades)
    courses = {}
    if grades:
        courses = dict(
            CoursePage.objects.filter(path__in={_course_path(g.quiz) for g in grades}).values_list("path", "pk")
        )
    out: dict[int, list[QuizResult]] = defaultdict(list)
    for grade in grades:
        quiz = grade.quiz
        out[grade.user_id].append(
            QuizResult(
                quiz_id=quiz.pk,
                title=quiz.title,
                kind=quiz.kind,
                course_id=courses.get(_course_path(quiz)),
                score=grade.score,
                passed=grade.passed,
                attempts=grade.attempts,
                is_required=quiz.is_required,
                pass_mark=quiz.pass_mark,
            )
        )
    return dict(out)


def course_result(*, user, course) -> CourseQuizResult:
    """The user's quiz results in a course, for a certificate's grade wording. Three queries."""
    results = quiz_results(user_ids=[user.pk], course=course).get(user.pk, [])
    required_ids = set(
        QuizPage.objects.live().descendant_of(course).filter(is_required=True).values_list("pk", flat=True)
    )
    passed = sum(1 for r in results if r.quiz_id in required_ids and r.passed)
    counted = [r for r in results if r.quiz_id in required_ids] or [r for r in results if r.kind != QuizKind.PRETEST]
    average = (
        (sum((r.score for r in counted), Decimal("0")) / len(counted)).quantize(PLACES, rounding=ROUND_HALF_UP)
        if counted
        else None
    )
    return CourseQuizResult(results=results, required=len(required_ids), required_passed=passed, average_score=average)


def passed_quiz_ids(*, user, quiz_ids) -> set[int]:
    """The quizzes among `quiz_ids` that `user` (a user or a user id) has passed, by each quiz's
    grading method. One query."""
    user_id = getattr(user, "pk", user)
    return set(
        QuizGrade.objects.filter(user_id=user_id, quiz_id__in=list(quiz_ids), passed=True).values_list(
            "quiz_id", flat=True
        )
    )


# --- Quiz settings for one trainee ------------------------------------------------------------


@dataclass(frozen=True)
class QuizWindow:
    opens_at: object
    closes_at: object
    time_limit_minutes: int
    attempts_allowed: int  # 0 = unlimited
    extra_attempts: int = 0
    extra_minutes: int = 0


def quiz_window(*, quiz: QuizPage, user, cohort_id) -> QuizWindow:
    """The quiz's times and limits for this trainee: the cohort's schedule (else the quiz's own
    times), widened by the trainee's override. Two queries."""
    opens_at, closes_at = quiz.opens_at, quiz.closes_at
    if cohort_id:
        schedule = QuizSchedule.objects.filter(quiz=quiz, cohort_id=cohort_id).first()
        if schedule is not None:
            opens_at, closes_at = schedule.opens_at, schedule.closes_at
    override = QuizOverride.objects.filter(quiz=quiz, user=user).first() if user is not None else None
    extra_attempts = extra_minutes = 0
    if override is not None:
        extra_attempts, extra_minutes = override.extra_attempts, override.extra_minutes
        if override.closes_at:
            closes_at = override.closes_at
    time_limit = quiz.time_limit_minutes + extra_minutes if quiz.time_limit_minutes else 0
    attempts = quiz.attempts_allowed + extra_attempts if quiz.attempts_allowed else 0
    return QuizWindow(opens_at, closes_at, time_limit, attempts, extra_attempts, extra_minutes)


@dataclass(frozen=True)
class ReviewFlags:
    score: bool
    feedback: bool
    answers: bool


def review_flags(
    *, quiz: QuizPage, window: QuizWindow | None, attempt_finished: bool, staff: bool, now=None
) -> ReviewFlags:
    """What a finished attempt's review shows: staff see everything; trainees what the quiz's review
    options allow now (never anything before the attempt is finished)."""
    if staff:
        return ReviewFlags(True, True, True)
    if not attempt_finished:
        return ReviewFlags(False, False, False)
    now = now or timezone.now()
    closed = bool(window and window.closes_at and now >= window.closes_at)

    def allowed(when: str) -> bool:
        return when == ReviewWhen.AFTER_SUBMIT or (when == ReviewWhen.AFTER_CLOSE and closed)

    return ReviewFlags(allowed(quiz.review_score), allowed(quiz.review_feedback), allowed(quiz.review_answers))


@dataclass
class QuizOverview:
    window: QuizWindow
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    grade: QuizGrade | None
    now: object

    @property
    def finished(self) -> list[QuizAttempt]:
        return [a for a in self.attempts if a.is_finished]

    @property
    def attempts_left(self) -> int | None:
        if not self.window.attempts_allowed:
            return None
        return max(0, self.window.attempts_allowed - len(self.finished))

    @property
    def not_open_yet(self) -> bool:
        return bool(self.window.opens_at and self.now < self.window.opens_at)

    @property
    def closed(self) -> bool:
        return bool(self.window.closes_at and self.now >= self.window.closes_at)

    @property
    def can_start(self) -> bool:
        return (
            self.open_attempt is None
            and not self.not_open_yet
            and not self.closed
            and (self.attempts_left is None or self.attempts_left > 0)
        )


def quiz_overview(*, quiz: QuizPage, user, cohort_id, now=None) -> QuizOverview:
    """The trainee's attempts, grade and window for the quiz page. Four queries."""
    now = now or timezone.now()
    window = quiz_window(quiz=quiz, user=user, cohort_id=cohort_id)
    attempts = list(QuizAttempt.objects.filter(quiz=quiz, user=user).order_by("number"))
    grade = QuizGrade.objects.filter(quiz=quiz, user=user).first()
    open_attempt = next((a for a in attempts if a.state == AttemptState.IN_PROGRESS), None)
    return QuizOverview(window=window, attempts=attempts, open_attempt=open_attempt, grade=grade, now=now)


def attempt_answers(attempt: QuizAttempt) -> list[AttemptAnswer]:
    """The attempt's questions in order, with their pinned versions. One query."""
    return list(AttemptAnswer.objects.filter(attempt=attempt).select_related("version").order_by("position"))


# --- Gradebook ---------------------------------------------------------------------------------


@dataclass
class GradebookRow:
    enrollment: Enrollment
    grades: dict[int, QuizGrade]  # quiz id → grade
    open_attempts: set[int]  # quiz ids with an attempt in progress
    cells: list[tuple] = field(default_factory=list)  # (quiz, grade or None, attempt open) per quiz


@dataclass
class Gradebook:
    cohort: Cohort
    quizzes: list[QuizPage]
    rows: list[GradebookRow]

    def passed_count(self, quiz) -> int:
        return sum(1 for row in self.rows if (g := row.grades.get(quiz.pk)) and g.passed)

    def average(self, quiz) -> Decimal | None:
        scores = [g.score for row in self.rows if (g := row.grades.get(quiz.pk))]
        return (sum(scores, Decimal("0")) / len(scores)).quantize(PLACES, rounding=ROUND_HALF_UP) if scores else None

    @property
    def summary(self) -> list[dict]:
        return [{"quiz": q, "average": self.average(q), "passed": self.passed_count(q)} for q in self.quizzes]


def course_quizzes(course) -> list[QuizPage]:
    return list(QuizPage.objects.live().descendant_of(course).order_by("path"))


def cohort_gradebook(*, cohort: Cohort) -> Gradebook:
    """Trainees of a cohort × the course's quizzes: grade, passed, attempts. Five queries."""
    course = CoursePage.objects.get(pk=cohort.course_id)
    quizzes = course_quizzes(course)
    enrollments = list(
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    user_ids = [e.user_id for e in enrollments]
    quiz_ids = [q.pk for q in quizzes]
    grades = defaultdict(dict)
    for grade in QuizGrade.objects.filter(user_id__in=user_ids, quiz_id__in=quiz_ids):
        grades[grade.user_id][grade.quiz_id] = grade
    open_attempts = defaultdict(set)
    for user_id, quiz_id in QuizAttempt.objects.filter(
        user_id__in=user_ids, quiz_id__in=quiz_ids, state=AttemptState.IN_PROGRESS
    ).values_list("user_id", "quiz_id"):
        open_attempts[user_id].add(quiz_id)
    rows = []
    for enrollment in enrollments:
        mine, busy = grades.get(enrollment.user_id, {}), open_attempts.get(enrollment.user_id, set())
        cells = [(quiz, mine.get(quiz.pk), quiz.pk in busy) for quiz in quizzes]
        rows.append(GradebookRow(enrollment, mine, busy, cells))
    return Gradebook(cohort=cohort, quizzes=quizzes, rows=rows)


def quiz_attempts_of_cohort(*, quiz: QuizPage, cohort: Cohort) -> list[QuizAttempt]:
    """Every attempt at the quiz by the cohort's trainees, newest first. One query."""
    return list(
        QuizAttempt.objects.filter(quiz=quiz, user__enrollments__cohort=cohort)
        .select_related("user")
        .order_by("user__full_name", "number")
    )


# --- Item statistics ------------------------------------------------------------------------


@dataclass
class QuestionStats:
    question_id: int
    title: str
    kind: str
    position_hint: int
    answered: int = 0
    right: int = 0
    mean_fraction: Decimal = Decimal("0")
    top_wrong: str = ""
    top_wrong_count: int = 0
    discrimination: Decimal | None = None  # Pearson r (question score vs rest of the attempt), −1…1

    @property
    def share_right(self) -> int:
        return round(self.right * 100 / self.answered) if self.answered else 0

    @property
    def facility(self) -> int:
        return round(self.mean_fraction * 100)


def describe_response(spec: dict, response) -> str:
    """A short text of an answer, for "most chosen wrong answer"."""
    from .grading import is_blank

    kind, data = spec["kind"], spec["data"]
    if is_blank(kind, response):
        return ""
    if kind == "single":
        texts = {c["id"]: c["text"] for c in data["choices"]}
        return texts.get(response.get("choice"), "?")
    if kind == "multiple":
        texts = {c["id"]: c["text"] for c in data["choices"]}
        return " + ".join(sorted(texts.get(i, "?") for i in response.get("choices", [])))
    if kind == "truefalse":
        from django.utils.translation import gettext as _

        return _("Benar") if response.get("value") == "true" else _("Salah")
    if kind in ("numeric", "shorttext"):
        return " ".join(str(response.get("text", "")).split())
    if kind == "matching":
        prompts = {p["id"]: p["prompt"] for p in data["pairs"]}
        return "; ".join(f"{prompts.get(k, '?')} \u2192 {v}" for k, v in response.get("matches", {}).items() if v)
    return ""  # journal and SHU answers are too varied to count


def _pearson(xs: list[float], ys: list[float]) -> Decimal | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return Decimal(str(round(sxy / math.sqrt(sxx * syy), 2)))


def question_statistics(*, quiz: QuizPage, cohort: Cohort | None = None) -> list[QuestionStats]:
    """Per question of the quiz's finished attempts (of one cohort, or all): how many answered,
    share fully right, mean score, most chosen wrong answer, and discrimination (the correlation
    between the question's score and the rest of the attempt's score, as Moodle reports it).
    Two queries."""
    attempts = QuizAttempt.objects.filter(quiz=quiz, state=AttemptState.FINISHED)
    if cohort is not None:
        attempts = attempts.filter(cohort=cohort)
    rows = list(
        AttemptAnswer.objects.filter(attempt__in=attempts)
        .select_related("version", "question")
        .only(
            "attempt_id",
            "position",
            "response",
            "fraction",
            "points",
            "max_points",
            "version__spec",
            "question__title",
            "question__kind",
        )
    )
    totals: dict[int, tuple[Decimal, Decimal]] = defaultdict(lambda: (Decimal("0"), Decimal("0")))
    for row in rows:
        got, possible = totals[row.attempt_id]
        totals[row.attempt_id] = (got + (row.points or 0), possible + row.max_points)
    stats: dict[int, QuestionStats] = {}
    wrong: dict[int, Counter] = defaultdict(Counter)
    pairs: dict[int, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    sums: dict[int, Decimal] = defaultdict(Decimal)
    for row in rows:
        qid = row.question_id
        entry = stats.get(qid)
        if entry is None:
            entry = stats[qid] = QuestionStats(qid, row.question.title, row.question.kind, row.position)
        fraction = row.fraction or Decimal("0")
        entry.answered += 1
        sums[qid] += fraction
        if fraction >= ONE:
            entry.right += 1
        else:
            text = describe_response(row.version.spec, row.response)
            if text:
                wrong[qid][text] += 1
        got, possible = totals[row.attempt_id]
        rest_possible = possible - row.max_points
        rest = float((got - (row.points or 0)) / rest_possible) if rest_possible else 0.0
        pairs[qid][0].append(float(fraction))
        pairs[qid][1].append(rest)
    for qid, entry in stats.items():
        entry.mean_fraction = (sums[qid] / entry.answered).quantize(Decimal("0.0001")) if entry.answered else Decimal(0)
        if wrong[qid]:
            entry.top_wrong, entry.top_wrong_count = wrong[qid].most_common(1)[0]
        entry.discrimination = _pearson(*pairs[qid])
    return sorted(stats.values(), key=lambda s: (s.position_hint, s.title))


# --- Pre-test / post-test --------------------------------------------------------------------


@dataclass
class TraineeGain:
    enrollment: Enrollment
    pre: Decimal | None
    post: Decimal | None
    pre_by_category: dict[int, Decimal] = field(default_factory=dict)
    post_by_category: dict[int, Decimal] = field(default_factory=dict)

    @property
    def gain(self) -> Decimal | None:
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def normalized_gain(self) -> Decimal | None:
        """Hake's g = (post − pre) / (100 − pre): the share of what was left to learn that was learnt."""
        if self.pre is None or self.post is None or self.pre >= 100:
            return None
        return ((self.post - self.pre) / (100 - self.pre)).quantize(PLACES, rounding=ROUND_HALF_UP)


@dataclass
class CategoryGain:
    category: QuestionCategory
    pre: Decimal | None  # percent of the points of this category's questions, over the cohort
    post: Decimal | None
    trainees: int  # trainees with both tests

    @property
    def gain(self) -> Decimal | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass
class GainReport:
    cohort: Cohort
    pretest: QuizPage | None
    posttest: QuizPage
    trainees: list[TraineeGain]
    categories: list[CategoryGain]

    def _mean(self, values) -> Decimal | None:
        values = [v for v in values if v is not None]
        return (sum(values, Decimal("0")) / len(values)).quantize(PLACES, rounding=ROUND_HALF_UP) if values else None

    @property
    def both(self) -> list[TraineeGain]:
        return [t for t in self.trainees if t.pre is not None and t.post is not None]

    @property
    def mean_pre(self):
        return self._mean(t.pre for t in self.both)

    @property
    def mean_post(self):
        return self._mean(t.post for t in self.both)

    @property
    def mean_gain(self):
        return self._mean(t.gain for t in self.both)

    @property
    def mean_normalized_gain(self):
        return self._mean(t.normalized_gain for t in self.both)


def _percent(got: Decimal, possible: Decimal) -> Decimal | None:
    return (got * 100 / possible).quantize(PLACES, rounding=ROUND_HALF_UP) if possible else None


def learning_gain(*, posttest: QuizPage, cohort: Cohort) -> GainReport:
    """Pre-test vs post-test of a cohort: per trainee (the FIRST finished pre-test attempt against
    the post-test's grade-counting attempt — its first, best or last as the grading method says;
    for "average" the best) and per question category (points earned ÷ points possible over those
    attempts). Five queries."""
    pretest = QuizPage.objects.filter(pk=posttest.pretest_id).first() if posttest.pretest_id else None
    enrollments = list(
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    user_ids = [e.user_id for e in enrollments]
    quiz_ids = [posttest.pk] + ([pretest.pk] if pretest else [])
    attempts = list(
        QuizAttempt.objects.filter(quiz_id__in=quiz_ids, user_id__in=user_ids, state=AttemptState.FINISHED).order_by(
            "number"
        )
    )
    chosen: dict[tuple[int, int], QuizAttempt] = {}
    for attempt in attempts:
        key = (attempt.quiz_id, attempt.user_id)
        current = chosen.get(key)
        if attempt.quiz_id == (pretest.pk if pretest else None):
            if current is None:
                chosen[key] = attempt  # first attempt of the pre-test
        elif posttest.grading_method == "first":
            chosen.setdefault(key, attempt)
        elif posttest.grading_method == "last":
            chosen[key] = attempt
        elif current is None or attempt.score > current.score:
            chosen[key] = attempt
    by_category: dict[int, dict[int, list[Decimal]]] = defaultdict(
        lambda: defaultdict(lambda: [Decimal(0), Decimal(0)])
    )
    category_ids: set[int] = set()
    for row in AttemptAnswer.objects.filter(attempt_id__in=[a.pk for a in chosen.values()]).values_list(
        "attempt_id", "version__spec__category_id", "points", "max_points"
    ):
        attempt_id, category_id, points, max_points = row
        if category_id is None:
            continue
        category_ids.add(int(category_id))
        cell = by_category[attempt_id][int(category_id)]
        cell[0] += points or 0
        cell[1] += max_points
    categories = {c.pk: c for c in QuestionCategory.objects.filter(pk__in=category_ids)}
    trainees = []
    for enrollment in enrollments:
        pre = chosen.get((pretest.pk, enrollment.user_id)) if pretest else None
        post = chosen.get((posttest.pk, enrollment.user_id))
        trainees.append(
            TraineeGain(
                enrollment=enrollment,
                pre=pre.score if pre else None,
                post=post.score if post else None,
                pre_by_category={k: _percent(*v) for k, v in by_category[pre.pk].items()} if pre else {},
                post_by_category={k: _percent(*v) for k, v in by_category[post.pk].items()} if post else {},
            )
        )
    category_rows = []
    for category_id, category in sorted(categories.items(), key=lambda kv: (kv[1].order, kv[1].name)):
        pre_sum, post_sum = [Decimal(0), Decimal(0)], [Decimal(0), Decimal(0)]
        both = 0
        for enrollment in enrollments:
            pre = chosen.get((pretest.pk, enrollment.user_id)) if pretest else None
            post = chosen.get((posttest.pk, enrollment.user_id))
            if pre is None or post is None:
                continue
            a, b = by_category[pre.pk].get(category_id), by_category[post.pk].get(category_id)
            if a is None or b is None:
                continue
            both += 1
            pre_sum[0] += a[0]
            pre_sum[1] += a[1]
            post_sum[0] += b[0]
            post_sum[1] += b[1]
        category_rows.append(CategoryGain(category, _percent(*pre_sum), _percent(*post_sum), both))
    return GainReport(cohort=cohort, pretest=pretest, posttest=posttest, trainees=trainees, categories=category_rows)
