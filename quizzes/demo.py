"""Demo data for the quiz engine: a question bank per training day, a quiz under each day, a pre-test
(day 1) and its post-test (day 4) on the whole course, a schedule and an override, and attempts by
the demo trainees so the gradebook, the item statistics and the learning gain show real figures.

`load(*, stdout, people)` is idempotent: categories, questions and pages are looked up by name or
slug; a trainee's attempts at a quiz are only made when they have none. Runs after `courses.demo`.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from courses.models import Cohort, CoursePage, ModulePage

from .demo_content import DAY_CATEGORIES, PRE_POST, QUESTIONS
from .grading import shu_allocation
from .models import (
    GradingMethod,
    Question,
    QuestionCategory,
    QuizAttempt,
    QuizKind,
    QuizOverride,
    QuizPage,
    QuizSchedule,
    ReviewWhen,
)
from .selectors import attempt_answers
from .services import record_question_version, start_attempt, submit_attempt

COURSE_SLUG = "manajemen-koperasi"
COHORT_NAME = "Angkatan I 2026"


def _item(value) -> dict:
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def answer_block(kind: str, answer, extra: dict) -> tuple[str, dict]:
    """The answer block (type, raw value) of a demo question."""
    from ledger.models import ChartTemplate, LedgerExercise

    if kind in ("single", "multiple"):
        return kind, {"choices": [_item({"text": t, "correct": r, "feedback": ""}) for t, r in answer]}
    if kind == "truefalse":
        return kind, {"answer": "true" if answer else "false"}
    if kind == "numeric":
        return kind, {
            "answer": answer["answer"],
            "tolerance": answer.get("tolerance", "0"),
            "tolerance_kind": answer.get("tolerance_kind", "absolute"),
            "unit": answer.get("unit", "none"),
        }
    if kind == "shorttext":
        return kind, {"answers": [_item(text) for text in answer]}
    if kind == "matching":
        return kind, {
            "pairs": [_item({"prompt": p, "answer": a}) for p, a in answer],
            "distractors": [_item(d) for d in extra.get("distractors", [])],
        }
    if kind == "journal":
        return kind, {
            "exercise": None,
            "transaction_number": None,
            "chart": ChartTemplate.get_default().pk,
            "lines": [_item({"account_code": c, "side": s, "amount": a}) for c, s, a in answer],
            "grading": extra.get("grading", "per_line"),
            "tolerance": "0",
            "rows": 4,
        }
    if kind == "journal_exercise":
        exercise = LedgerExercise.objects.get(slug=answer["exercise"])
        return "journal", {
            "exercise": exercise.pk,
            "transaction_number": answer["transaction_number"],
            "chart": None,
            "lines": [],
            "grading": "per_line",
            "tolerance": "0",
            "rows": 4,
        }
    if kind == "shu":
        return kind, {
            "exercise": None,
            "shu_amount": answer["shu_amount"],
            "components": [_item({"key": k, "percent": p}) for k, p in answer["components"]],
            "members": [
                _item({"number": n, "name": name, "simpanan": s, "transactions": t})
                for n, name, s, t in answer["members"]
            ],
            "ask": "total",
            "tolerance": "0",
        }
    raise ValueError(kind)


def _bank(course, admin) -> dict[str, Question]:
    by_title = {}
    created = 0
    for day, name in DAY_CATEGORIES.items():
        category, _ = QuestionCategory.objects.get_or_create(course=course, name=name, defaults={"order": day})
        existing = {q.title: q for q in Question.objects.filter(category=category)}
        for title, kind, text, answer, extra in QUESTIONS[day]:
            question = existing.get(title)
            if question is None:
                block_type, value = answer_block(kind, answer, extra)
                question = Question(
                    category=category,
                    title=title,
                    text=text,
                    answer=[{"type": block_type, "value": value}],
                    points=Decimal(extra.get("points", "1")),
                    feedback_correct=extra.get("feedback_correct", "Tepat!"),
                    feedback_incorrect=extra.get("feedback_incorrect", "Belum tepat; baca lagi pelajaran hari ini."),
                    explanation=extra.get("explanation", ""),
                    created_by=admin,
                )
                question.save()
                record_question_version(question=question, user=admin)
                created += 1
            by_title[title] = question
    return by_title, created


def _publish(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return QuizPage.objects.get(pk=page.pk)


def _quiz(module, *, slug, user, **fields) -> tuple[QuizPage, bool]:
    quiz = QuizPage.objects.child_of(module).filter(slug=slug).first()
    if quiz is not None:
        return quiz, False
    return _publish(module, QuizPage(slug=slug, **fields), user), True


def _pages(course, bank, admin, modules) -> tuple[list[QuizPage], QuizPage, QuizPage, int]:
    created = 0
    daily = []
    for day, module in modules.items():
        titles = [title for title, *_rest in QUESTIONS[day]]
        quiz, new = _quiz(
            module,
            slug=f"kuis-hari-{day}",
            user=admin,
            title=f"Kuis Hari {day}",
            intro="<p>Sepuluh soal tentang pelajaran hari ini. Waktu 20 menit, boleh dua kali; nilai tertinggi "
            "yang dipakai.</p>",
            questions=[{"type": "question", "value": bank[t].pk} for t in titles],
            pass_mark=70,
            time_limit_minutes=20,
            attempts_allowed=2,
            grading_method=GradingMethod.HIGHEST,
            shuffle_choices=True,
            review_answers=ReviewWhen.AFTER_SUBMIT,
        )
        daily.append(quiz)
        created += new
    questions = [{"type": "question", "value": bank[t].pk} for t in PRE_POST]
    pre, new = _quiz(
        modules[1],
        slug="pre-test",
        user=admin,
        title="Pre-test: Manajemen Koperasi",
        intro="<p>Dua belas soal dari keempat hari, dikerjakan sebelum pelatihan dimulai. Tidak memengaruhi "
        "kelulusan: nilainya dibandingkan dengan post-test untuk melihat peningkatan.</p>",
        kind=QuizKind.PRETEST,
        is_required=False,
        questions=questions,
        time_limit_minutes=30,
        attempts_allowed=1,
        grading_method=GradingMethod.FIRST,
        shuffle_questions=True,
        review_feedback=ReviewWhen.NEVER,
        review_answers=ReviewWhen.NEVER,
    )
    created += new
    post, new = _quiz(
        modules[4],
        slug="post-test",
        user=admin,
        title="Post-test: Manajemen Koperasi",
        intro="<p>Soal yang sama dengan pre-test. Wajib lulus (nilai 70) untuk menyelesaikan kursus.</p>",
        kind=QuizKind.POSTTEST,
        pretest=pre,
        questions=questions,
        pass_mark=70,
        time_limit_minutes=30,
        attempts_allowed=2,
        grading_method=GradingMethod.HIGHEST,
        shuffle_questions=True,
        review_answers=ReviewWhen.AFTER_CLOSE,
    )
    created += new
    return daily, pre, post, created


def answer_fields(answers, *, right, rng) -> dict:
    """Form fields answering each question right when `right(answer)` says so, else plausibly wrong."""
    fields = {"soal": []}
    for answer in answers:
        spec, p, layout = answer.version.spec, answer.position, answer.layout or {}
        data, kind, good = spec["data"], spec["kind"], right(answer)
        fields["soal"].append(p)
        if kind == "single":
            pool = [c["id"] for c in data["choices"] if c["correct"] == good]
            fields[f"q{p}"] = rng.choice(pool)
        elif kind == "multiple":
            rights = [c["id"] for c in data["choices"] if c["correct"]]
            wrongs = [c["id"] for c in data["choices"] if not c["correct"]]
            fields[f"q{p}"] = rights if good else rights[:1] + wrongs[:1]
        elif kind == "truefalse":
            fields[f"q{p}"] = "true" if data["answer"] == good else "false"
        elif kind == "numeric":
            value = Decimal(data["answer"]) * (1 if good else Decimal("1.1"))
            fields[f"q{p}"] = f"{value:.0f}"
        elif kind == "shorttext":
            fields[f"q{p}"] = data["answers"][0] if good else "tidak tahu"
        elif kind == "matching":
            pairs = {pair["id"]: pair["answer"] for pair in data["pairs"]}
            prompts = layout.get("prompts") or list(pairs)
            options = layout.get("options") or data["options"]
            chosen = [pairs[pair_id] for pair_id in prompts]
            if not good:
                chosen[0], chosen[1] = chosen[1], chosen[0]
            for index, text in enumerate(chosen):
                fields[f"q{p}-p{index}"] = options.index(text)
        elif kind == "journal":
            for i, (code, side, amount) in enumerate(data["lines"]):
                if not good and i == 0:
                    side = "C" if side == "D" else "D"  # the classic mistake: the wrong side
                fields[f"q{p}-akun-{i}"] = code
                fields[f"q{p}-{'debit' if side == 'D' else 'kredit'}-{i}"] = f"{Decimal(amount):.0f}"
        elif kind == "shu":
            totals = {m.number: m.total for m in shu_allocation(data).members}
            for i, member in enumerate(data["members"]):
                total = totals[member["number"]] + (0 if good or i else 1000)
                fields[f"q{p}-m{i}"] = f"{total:.0f}"
    return fields


def _as_query(fields: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        data.setlist(key, [str(v) for v in value]) if isinstance(value, list) else data.__setitem__(key, str(value))
    return data


def _take(quiz, user, *, skill: float, when, rng) -> QuizAttempt:
    attempt = start_attempt(user=user, quiz=quiz, now=when, seed=rng.randrange(10**9))
    answers = attempt_answers(attempt)
    fields = answer_fields(answers, right=lambda _a: rng.random() < skill, rng=rng)
    minutes = rng.randint(6, 18)
    return submit_attempt(
        attempt=attempt, user=user, data=_as_query(fields), now=when + dt.timedelta(minutes=minutes)
    ).attempt


def _attempts(cohort, people, daily, pre, post) -> int:
    rng = random.Random(2026)  # noqa: S311  # nosec B311  # a repeatable demo, not a secret
    start = timezone.make_aware(dt.datetime.combine(cohort.start_date, dt.time(8, 15)))
    completed = set(cohort.enrollments.filter(completion__isnull=False).values_list("user_id", flat=True))
    made = 0
    done = set(QuizAttempt.objects.filter(quiz__in=[pre, post, *daily]).values_list("user_id", "quiz_id"))
    for index, trainee in enumerate(people["trainees"]):
        strong = trainee.pk in completed
        base = 0.3 + (index % 7) * 0.05
        plan = []
        if index % 10 != 9:
            plan.append((pre, base, start + dt.timedelta(minutes=index)))
        for day, quiz in enumerate(daily, start=1):
            if strong or (day < 4 and index % 4 != 3) or (day == 4 and index % 2 == 0):
                when = start + dt.timedelta(days=day - 1, hours=6, minutes=index)
                plan.append((quiz, 1.0 if strong else min(0.9, base + 0.25), when))
        if strong or index % 3 != 2:
            plan.append(
                (post, 1.0 if strong else min(0.9, base + 0.3), start + dt.timedelta(days=3, hours=7, minutes=index))
            )
        for quiz, skill, when in plan:
            if (trainee.pk, quiz.pk) in done:
                continue
            attempt = _take(quiz, trainee, skill=skill, when=when, rng=rng)
            made += 1
            if not attempt.passed and quiz.attempts_allowed != 1 and index % 2 == 0:
                _take(quiz, trainee, skill=min(1.0, skill + 0.3), when=when + dt.timedelta(hours=1), rng=rng)
                made += 1
    return made


@transaction.atomic
def load(*, stdout, people) -> None:
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    cohort = Cohort.objects.filter(course=course, name=COHORT_NAME).first() if course else None
    if course is None or cohort is None:
        stdout.write("  kuis: kursus demo tidak ada, dilewati")
        return
    admin = people["admin"]
    modules = {m.day_number: m for m in ModulePage.objects.child_of(course)}
    if set(modules) < {1, 2, 3, 4}:
        stdout.write("  kuis: modul hari 1–4 tidak lengkap, dilewati")
        return
    bank, questions_made = _bank(course, admin)
    daily, pre, post, pages_made = _pages(course, bank, admin, modules)
    QuizSchedule.objects.get_or_create(
        quiz=post,
        cohort=cohort,
        defaults={
            "opens_at": timezone.make_aware(dt.datetime.combine(cohort.start_date, dt.time(7, 0))),
            "closes_at": timezone.make_aware(
                dt.datetime.combine(cohort.end_date + dt.timedelta(days=7), dt.time(23, 59))
            ),
        },
    )
    late = people["trainees"][4]
    QuizOverride.objects.get_or_create(
        quiz=post,
        user=late,
        defaults={
            "extra_attempts": 1,
            "extra_minutes": 15,
            "reason": "Sakit pada hari keempat; ujian susulan.",
            "created_by": people["instructors"][0],
        },
    )
    made = _attempts(cohort, people, daily, pre, post)
    stdout.write(
        f"  kuis: {questions_made} soal dan {pages_made} halaman kuis dibuat, {made} percobaan peserta; "
        f"buku nilai di /kuis/angkatan/{cohort.pk}/"
    )
