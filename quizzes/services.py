"""Writes of the quiz engine: question versions, starting, saving and submitting attempts, the
time limit, grades by grading method, and regrading.

Each function takes keyword-only arguments and runs in one transaction. Refusals a trainee or an
instructor can understand are raised as `QuizError` (a stable `code` and an Indonesian message).
Concurrency: one open attempt per trainee and quiz (a partial unique constraint); finishing an
attempt is a conditional UPDATE (`state = in_progress`), so a double submit, a second tab or the
time-limit sweep finish it once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment, ModulePage
from courses.services import retry_on_sqlite_lock
from courses.tasks import evaluate_completion_soon
from lms.formatting import format_tanggal

from . import bank, grading
from .models import (
    AttemptAnswer,
    AttemptState,
    GradingMethod,
    Question,
    QuestionVersion,
    QuizAttempt,
    QuizGrade,
    QuizPage,
)
from .responses import ReadResult, make_layout, read_form
from .selectors import QuizWindow, quiz_window

HUNDRED = Decimal("100")
SCORE_PLACES = Decimal("0.01")


class QuizError(Exception):
    """A refusal people can understand: `code` for tests and logic, `message` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def grace_seconds() -> int:
    """Seconds after the deadline in which a submission in flight still counts (network delay)."""
    return int(getattr(settings, "QUIZ_SUBMIT_GRACE_SECONDS", 20))


# --- Question versions ---------------------------------------------------------------------


@transaction.atomic
def record_question_version(*, question: Question, user=None) -> QuestionVersion:
    """Pin the question as it is now: a new version when its spec changed, else the current one."""
    fresh = Question.objects.select_for_update(of=("self",)).select_related("current_version").get(pk=question.pk)
    spec = bank.build_spec(fresh)
    current = fresh.current_version
    if current is not None and current.spec == spec:
        return current
    number = (fresh.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = QuestionVersion.objects.create(question=fresh, number=number, spec=spec, created_by=user)
    Question.objects.filter(pk=fresh.pk).update(current_version=version)
    question.current_version = version
    return version


# --- Starting an attempt -------------------------------------------------------------------


def _draw(quiz: QuizPage, rng: random.Random) -> tuple[list[int], dict[int, tuple]]:
    """The questions of a new attempt: fixed ones in order, random draws from categories (never a
    question twice), shuffled when the quiz says so; (their ids in order, id → (current version
    id, its spec)). One query per random draw, plus one."""
    # The stream's raw data holds the question ids: reading the blocks would fetch every question
    # (the snippet chooser's bulk load) only to take its id.
    blocks = [(block["type"], block["value"]) for block in quiz.questions.raw_data]
    fixed_ids = [value for kind, value in blocks if kind == "question" and value]
    chosen: list[int] = list(dict.fromkeys(fixed_ids))
    slots: list[int | tuple] = []
    for kind, value in blocks:
        if kind == "question" and value:
            slots.append(value)
        elif kind == "random" and value and value.get("category"):
            pool = list(
                Question.objects.filter(category=value["category"]).exclude(pk__in=chosen).values_list("pk", flat=True)
            )
            picked = rng.sample(sorted(pool), min(int(value["count"]), len(pool)))
            chosen += picked
            slots += picked
    slots = list(dict.fromkeys(slots))
    # Only what an answer pins (the version and its spec): no question or version objects built.
    versions = {
        pk: (version_id, spec)
        for pk, version_id, spec in Question.objects.filter(pk__in=slots).values_list(
            "pk", "current_version_id", "current_version__spec"
        )
    }
    ordered = [pk for pk in slots if pk in versions]
    if quiz.shuffle_questions:
        rng.shuffle(ordered)
    return ordered, versions


def _refuse_unless_open(window: QuizWindow, now) -> None:
    if window.opens_at and now < window.opens_at:
        raise QuizError(
            "not_open",
            _("Kuis ini dibuka mulai %(when)s.") % {"when": format_tanggal(window.opens_at, with_time=True)},
        )
    if window.closes_at and now >= window.closes_at:
        raise QuizError(
            "closed",
            _("Kuis ini sudah ditutup pada %(when)s.") % {"when": format_tanggal(window.closes_at, with_time=True)},
        )


def _enrollment_for(*, user, quiz) -> Enrollment:
    """The trainee's active enrolment in the quiz's course, with the release date of the quiz's
    day, in one query (the course and the day by tree path, as `access.course_and_module_of`)."""
    step = CoursePage.steplen
    release = ModulePage.objects.filter(path=quiz.path[:-step]).values("release_date")[:1]
    enrollment = (
        Enrollment.objects.filter(user=user, cohort__course__path=quiz.path[: step * (quiz.depth - 2)])
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .annotate(day_released_on=Subquery(release))
        .order_by("-enrolled_at")
        .first()
    )
    if enrollment is None:
        raise QuizError("not_enrolled", _("Anda belum terdaftar di kursus kuis ini."))
    # No day above the quiz, or a day without a date: open (ModulePage.is_released).
    released_on = enrollment.day_released_on
    if released_on is not None and released_on > timezone.localdate():
        raise QuizError("locked", _("Materi hari ini belum dibuka."))
    return enrollment


@retry_on_sqlite_lock
def start_attempt(*, user, quiz: QuizPage, now=None, seed=None) -> QuizAttempt:
    """Start (or continue) the trainee's attempt. Two "start" clicks or tabs get the same attempt."""
    now = now or timezone.now()
    enrollment = _enrollment_for(user=user, quiz=quiz)
    # The trainee's attempts at this quiz (a handful) in one query: an open one past its time is
    # finished first, an open one in time is continued, and their number counts against the limit.
    existing = list(QuizAttempt.objects.filter(user=user, quiz=quiz))
    for attempt in existing:
        if not attempt.is_finished and _is_overdue(attempt, now):
            attempt.quiz = quiz
            with transaction.atomic():
                _finish(attempt=attempt, now=now, auto=True)
    open_attempt = next((a for a in existing if a.state == AttemptState.IN_PROGRESS), None)
    if open_attempt is not None:
        return open_attempt
    window = quiz_window(quiz=quiz, user=user, cohort_id=enrollment.cohort_id)
    _refuse_unless_open(window, now)
    finished = len(existing)
    if window.attempts_allowed and finished >= window.attempts_allowed:
        raise QuizError(
            "no_attempts_left",
            _("Kesempatan mengerjakan kuis ini sudah habis (%(n)s kali).") % {"n": window.attempts_allowed},
        )
    # Draws and shuffles use the system's random source; tests pass a seed to repeat a draw.
    rng = random.SystemRandom() if seed is None else random.Random(seed)  # noqa: S311  # nosec B311  # SystemRandom in use; the seeded one only when a test repeats a draw
    question_ids, current = _draw(quiz, rng)
    if not question_ids:
        raise QuizError("empty", _("Kuis ini belum berisi soal."))
    deadline = None
    if window.time_limit_minutes:
        deadline = now + timedelta(minutes=window.time_limit_minutes)
    if window.closes_at and (deadline is None or window.closes_at < deadline):
        deadline = window.closes_at
    try:
        with transaction.atomic():
            versions = {}
            for pk in question_ids:
                version_id, spec = current[pk]
                if version_id is None:  # a question never pinned yet (made outside the admin)
                    version = record_question_version(question=Question.objects.get(pk=pk))
                    version_id, spec = version.pk, version.spec
                versions[pk] = (version_id, spec)
            attempt = QuizAttempt.objects.create(
                user=user,
                quiz=quiz,
                cohort_id=enrollment.cohort_id,
                revision_id=quiz.live_revision_id,
                number=finished + 1,
                started_at=now,
                deadline=deadline,
            )
            AttemptAnswer.objects.bulk_create(
                [
                    AttemptAnswer(
                        attempt=attempt,
                        position=position,
                        question_id=pk,
                        version_id=versions[pk][0],
                        layout=make_layout(versions[pk][1], shuffle=quiz.shuffle_choices, rng=rng),
                        max_points=Decimal(versions[pk][1]["points"]),
                    )
                    for position, pk in enumerate(question_ids, start=1)
                ]
            )
    except IntegrityError:
        # Another tab started it a moment ago: continue that one.
        attempt = QuizAttempt.objects.filter(user=user, quiz=quiz, state=AttemptState.IN_PROGRESS).first()
        if attempt is None:
            raise
    return attempt


# --- Saving and submitting -------------------------------------------------------------------


@dataclass
class SaveOutcome:
    attempt: QuizAttempt
    read: ReadResult = field(default_factory=ReadResult)
    saved: int = 0
    finished_now: bool = False  # this call finished the attempt
    already_finished: bool = False  # it was finished before (double submit, other tab, time limit)
    late: bool = False  # arrived past the time limit: answers not saved, attempt sent with what was saved


def _is_overdue(attempt: QuizAttempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + timedelta(seconds=grace_seconds())


def _check_owner(attempt: QuizAttempt, user) -> None:
    if attempt.user_id != user.pk:
        raise QuizError("not_yours", _("Percobaan ini bukan milik Anda."))


def _take(answers: list[AttemptAnswer], read: ReadResult, now) -> list[AttemptAnswer]:
    """Put the posted responses on their answers (in memory); the answers that changed."""
    changed = []
    by_position = {answer.position: answer for answer in answers}
    for position, response in read.responses.items():
        answer = by_position[position]
        answer.response = response
        answer.saved_at = now
        changed.append(answer)
    return changed


def write_answers(answers: list[AttemptAnswer], fields: list[str]) -> None:
    """UPDATE `fields` of each answer: one statement sent for all rows (executemany; psycopg sends
    them in one pipeline). Django's bulk_update builds a CASE expression per field and row, which
    cost more CPU than the rest of a 20-question submit together."""
    if not answers:
        return
    meta = AttemptAnswer._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    # Identifiers come from the model (quoted); every value is a bound parameter.
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608  # nosec B608  # model identifiers, bound values
        quote(meta.db_table), ", ".join(f"{quote(c.column)} = %s" for c in columns), quote(meta.pk.column)
    )
    rows = [[c.get_db_prep_save(getattr(a, c.attname), connection) for c in columns] + [a.pk] for a in answers]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@retry_on_sqlite_lock
def save_answers(*, attempt: QuizAttempt, user, data, submit: bool = False, now=None) -> SaveOutcome:
    """Store the posted answers as given (and finish the attempt when `submit`).

    Past the time limit (plus a short grace for a submission in flight) the posted answers are
    NOT stored: the attempt is finished with what was saved before. A finished attempt is never
    changed; submitting it again reports `already_finished`.
    """
    now = now or timezone.now()
    _check_owner(attempt, user)
    with transaction.atomic():
        if _is_overdue(attempt, now):
            done = _finish(attempt=attempt, now=now, auto=True)
            return SaveOutcome(attempt=done or _reload(attempt), late=True, finished_now=done is not None)
        # Claim the attempt: the row lock (PostgreSQL) / write lock (SQLite) orders us behind any
        # concurrent submit; nothing is stored when it is no longer in progress.
        claimed = QuizAttempt.objects.filter(pk=attempt.pk, state=AttemptState.IN_PROGRESS).update(last_saved_at=now)
        if not claimed:
            return SaveOutcome(attempt=_reload(attempt), already_finished=True)
        answers = list(AttemptAnswer.objects.filter(attempt_id=attempt.pk).select_related("version"))
        read = read_form(answers=answers, data=data)
        changed = _take(answers, read, now)
        outcome = SaveOutcome(attempt=attempt, read=read, saved=len(changed))
        if not submit:
            write_answers(changed, ["response", "saved_at"])
            return outcome
        # We hold the attempt's row (the claim above): finishing cannot be lost to another
        # request, and the answers are written once, with their grades.
        outcome.attempt = _finish(attempt=attempt, now=now, auto=False, answers=answers, claimed=True)
        outcome.finished_now = True
        return outcome


def _reload(attempt: QuizAttempt) -> QuizAttempt:
    return QuizAttempt.objects.select_related("quiz").get(pk=attempt.pk)


def _score(points: Decimal, max_points: Decimal) -> Decimal:
    if not max_points:
        return Decimal("0.00")
    return (points * HUNDRED / max_points).quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)


def grade_answers(answers: list[AttemptAnswer]) -> tuple[Decimal, Decimal]:
    """Grade each answer against its pinned version (in memory); (points, max points)."""
    total = maximum = Decimal("0")
    for answer in answers:
        spec = answer.version.spec
        result = grading.grade(spec, answer.response)
        answer.fraction = result.fraction
        answer.points = grading.points_for(spec, result.fraction)
        answer.max_points = Decimal(spec["points"])
        total += answer.points
        maximum += answer.max_points
    return total, maximum


GRADE_FIELDS = ["fraction", "points", "max_points"]


def _finish(*, attempt: QuizAttempt, now, auto: bool, answers=None, claimed: bool = False) -> QuizAttempt | None:
    """Finish and grade an attempt once; None when it was no longer in progress. In the caller's
    transaction. `claimed`: the caller holds the attempt's row (it updated it in this transaction
    while in progress) and passes the answers with their responses to store: one UPDATE of the
    answers (responses and grades) and one of the attempt."""
    if not claimed:
        done = QuizAttempt.objects.filter(pk=attempt.pk, state=AttemptState.IN_PROGRESS).update(
            state=AttemptState.FINISHED, finished_at=now, auto_submitted=auto
        )
        if not done:
            return None
        answers = list(AttemptAnswer.objects.filter(attempt_id=attempt.pk).select_related("version"))
    points, maximum = grade_answers(answers)
    score = _score(points, maximum)
    passed = score >= attempt.quiz.pass_mark
    totals = {"points": points, "max_points": maximum, "score": score, "passed": passed}
    if claimed:
        write_answers(answers, ["response", "saved_at", *GRADE_FIELDS])
        totals.update(state=AttemptState.FINISHED, finished_at=now, auto_submitted=auto, last_saved_at=now)
    else:
        write_answers(answers, GRADE_FIELDS)
        totals.update(state=AttemptState.FINISHED, finished_at=now, auto_submitted=auto)
    QuizAttempt.objects.filter(pk=attempt.pk).update(**totals)
    for name, value in totals.items():
        setattr(attempt, name, value)
    # The first attempt's grade is its own score: no other finished attempt can exist (numbers
    # count the attempts made, and a second cannot start while the first is open).
    update_grade(
        user_id=attempt.user_id,
        quiz=attempt.quiz,
        cohort_id=attempt.cohort_id,
        scores=[score] if attempt.number == 1 else None,
    )
    return attempt


@retry_on_sqlite_lock
def submit_attempt(*, attempt: QuizAttempt, user, data=None, now=None) -> SaveOutcome:
    """Save the posted answers (if any) and finish the attempt; idempotent."""
    if data is None:
        from django.http import QueryDict

        data = QueryDict()
    return save_answers(attempt=attempt, user=user, data=data, submit=True, now=now)


def finish_if_overdue(attempt: QuizAttempt, *, now=None) -> bool:
    """Finish this attempt with what was saved when it is open past its deadline (plus grace), as
    the sweep would; the attempt in hand is updated. Whether it is finished now. No query unless
    it is overdue."""
    now = now or timezone.now()
    if attempt.is_finished or not _is_overdue(attempt, now):
        return attempt.is_finished
    with transaction.atomic():
        done = _finish(attempt=attempt, now=now, auto=True)
    if done is None:  # another request finished it a moment ago
        attempt.refresh_from_db()
    return True


def finish_overdue_attempts(*, now=None, quiz=None, user=None) -> int:
    """Finish every open attempt past its deadline (plus grace) with what was saved; idempotent.
    Run by the Celery beat task and before any page shows an attempt."""
    now = now or timezone.now()
    candidates = QuizAttempt.objects.filter(
        state=AttemptState.IN_PROGRESS, deadline__lt=now - timedelta(seconds=grace_seconds())
    )
    if quiz is not None:
        candidates = candidates.filter(quiz=quiz)
    if user is not None:
        candidates = candidates.filter(user=user)
    count = 0
    for attempt in list(candidates.select_related("quiz")):
        with transaction.atomic():
            count += _finish(attempt=attempt, now=now, auto=True) is not None
    return count


# --- Grades --------------------------------------------------------------------------------


def grade_by_method(method: str, scores: list[Decimal]) -> Decimal:
    """`scores` of the finished attempts in attempt order."""
    if method == GradingMethod.LAST:
        return scores[-1]
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.AVERAGE:
        return (sum(scores, Decimal("0")) / len(scores)).quantize(SCORE_PLACES, rounding=ROUND_HALF_UP)
    return max(scores)


def update_grade(*, user_id: int, quiz: QuizPage, cohort_id=None, scores=None) -> QuizGrade | None:
    """Recompute the trainee's grade for the quiz from the finished attempts (in the caller's
    transaction; `scores`: theirs in attempt order when the caller knows them); a pass of a
    required quiz has the course completion re-evaluated after the commit."""
    if scores is None:
        scores = list(
            QuizAttempt.objects.filter(user_id=user_id, quiz=quiz, state=AttemptState.FINISHED)
            .order_by("number")
            .values_list("score", flat=True)
        )
    if not scores:
        QuizGrade.objects.filter(user_id=user_id, quiz=quiz).delete()
        return None
    score = grade_by_method(quiz.grading_method, scores)
    passed = score >= quiz.pass_mark
    grade = QuizGrade(
        user_id=user_id, quiz=quiz, score=score, passed=passed, attempts=len(scores), updated_at=timezone.now()
    )
    # One statement whether the grade exists or not (INSERT … ON CONFLICT DO UPDATE).
    QuizGrade.objects.bulk_create(
        [grade],
        update_conflicts=True,
        unique_fields=["user", "quiz"],
        update_fields=["score", "passed", "attempts", "updated_at"],
    )
    if passed and quiz.is_required and cohort_id:
        # The course's completion check (about fifteen queries) runs after the commit, off this
        # request: a class submitting at once should not wait for it (courses records it once).
        evaluate_completion_soon(user_id=user_id, cohort_id=cohort_id)
    return grade


# --- Regrade -------------------------------------------------------------------------------


@dataclass
class RegradeChange:
    attempt: QuizAttempt
    old_score: Decimal | None
    new_score: Decimal
    old_passed: bool
    new_passed: bool
    positions: list[int]  # questions of the attempt graded with a newer version

    @property
    def changed(self) -> bool:
        return self.old_score != self.new_score or self.old_passed != self.new_passed


@dataclass
class RegradePlan:
    quiz: QuizPage
    attempts: int = 0  # finished attempts looked at
    updated_questions: dict[int, tuple[int, int]] = field(default_factory=dict)  # question id → (old, new) version
    changes: list[RegradeChange] = field(default_factory=list)  # attempts whose score or pass changes

    @property
    def affected(self) -> int:
        return len(self.changes)


def _plan_regrade(quiz: QuizPage, *, lock: bool) -> tuple[RegradePlan, dict, list]:
    attempts_qs = QuizAttempt.objects.filter(quiz=quiz, state=AttemptState.FINISHED).select_related("user")
    if lock:
        attempts_qs = attempts_qs.select_for_update(of=("self",))
    attempts = {a.pk: a for a in attempts_qs}
    answers = list(
        AttemptAnswer.objects.filter(attempt_id__in=list(attempts))
        .select_related("version", "question__current_version")
        .order_by("attempt_id", "position")
    )
    plan = RegradePlan(quiz=quiz, attempts=len(attempts))
    by_attempt: dict[int, list[AttemptAnswer]] = {}
    for answer in answers:
        target = answer.question.current_version
        if target is not None and target.pk != answer.version_id:
            plan.updated_questions[answer.question_id] = (answer.version.number, target.number)
            answer.regrade_positions = True
            answer.version = target
        by_attempt.setdefault(answer.attempt_id, []).append(answer)
    for attempt_id, rows in by_attempt.items():
        attempt = attempts[attempt_id]
        points, maximum = grade_answers(rows)
        score = _score(points, maximum)
        change = RegradeChange(
            attempt=attempt,
            old_score=attempt.score,
            new_score=score,
            old_passed=attempt.passed,
            new_passed=score >= quiz.pass_mark,
            positions=[a.position for a in rows if getattr(a, "regrade_positions", False)],
        )
        attempt.points, attempt.max_points = points, maximum
        if change.changed:
            plan.changes.append(change)
    return plan, attempts, answers


def regrade_preview(*, quiz: QuizPage) -> RegradePlan:
    """What a regrade would change (each finished attempt graded again with the latest version of
    each of its questions and the quiz's current pass mark); nothing is written. Two queries."""
    plan, _attempts, _answers = _plan_regrade(quiz, lock=False)
    return plan


@retry_on_sqlite_lock
@transaction.atomic
def apply_regrade(*, quiz: QuizPage, user) -> RegradePlan:
    """Regrade the quiz's finished attempts: answers move to the latest question versions, scores,
    passes and grades are recomputed, and a trainee who now passes a required quiz may complete the
    course. A completion already recorded is never taken back (courses records it once)."""
    plan, attempts, answers = _plan_regrade(quiz, lock=True)
    now = timezone.now()
    AttemptAnswer.objects.bulk_update(answers, ["version", "fraction", "points", "max_points"])
    changed_ids = {change.attempt.pk for change in plan.changes}
    for attempt in attempts.values():
        attempt.score = _score(attempt.points or Decimal(0), attempt.max_points or Decimal(0))
        attempt.passed = attempt.score >= quiz.pass_mark
        if attempt.pk in changed_ids or plan.updated_questions:
            attempt.regraded_at = now
    QuizAttempt.objects.bulk_update(list(attempts.values()), ["points", "max_points", "score", "passed", "regraded_at"])
    for user_id, cohort_id in {(a.user_id, a.cohort_id) for a in attempts.values()}:
        update_grade(user_id=user_id, quiz=quiz, cohort_id=cohort_id)
    return plan
