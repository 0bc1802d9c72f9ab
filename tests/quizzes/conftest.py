"""Fixtures for the quiz engine tests: a course with a question bank of every kind and quiz pages.

The course tree fixtures come from the courses tests. Questions are made the way the admin makes
them (a saved Question, then `record_question_version`)."""

import uuid
from types import SimpleNamespace

import pytest

from ledger.models import ChartTemplate
from quizzes.models import Question, QuestionCategory, QuizPage
from quizzes.services import record_question_version
from tests.courses import conftest as courses_fixtures

# The course tree fixtures of the courses tests, shared here.
catalogue = courses_fixtures.catalogue
make_course = courses_fixtures.make_course
make_cohort = courses_fixtures.make_cohort
enrol = courses_fixtures.enrol


def item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def answer_for(kind: str, **options) -> dict:
    """The raw answer block value of a question of `kind` (sensible defaults, overridable)."""
    if kind == "single":
        choices = options.get("choices", [("Rapat Anggota", True), ("Pengurus", False), ("Pengawas", False)])
        return {"choices": [item({"text": t, "correct": c, "feedback": f"umpan {t}"}) for t, c in choices]}
    if kind == "multiple":
        choices = options.get(
            "choices", [("Kas", True), ("Bank", True), ("Utang Usaha", False), ("Simpanan Pokok", False)]
        )
        return {"choices": [item({"text": t, "correct": c, "feedback": ""}) for t, c in choices]}
    if kind == "truefalse":
        return {"answer": options.get("answer", "true")}
    if kind == "numeric":
        return {
            "answer": options.get("answer", "1.350.000"),
            "tolerance": options.get("tolerance", "0"),
            "tolerance_kind": options.get("tolerance_kind", "absolute"),
            "unit": options.get("unit", "rupiah"),
        }
    if kind == "shorttext":
        return {"answers": [item(a) for a in options.get("answers", ["Rapat Anggota Tahunan", "RAT"])]}
    if kind == "matching":
        pairs = options.get("pairs", [("Pengurus", "mengelola"), ("Pengawas", "mengawasi"), ("RAT", "memutuskan")])
        return {
            "pairs": [item({"prompt": p, "answer": a}) for p, a in pairs],
            "distractors": [item(d) for d in options.get("distractors", ["menggaji"])],
        }
    if kind == "journal":
        chart = options.get("chart") or ChartTemplate.get_default()
        lines = options.get("lines", [("1101", "D", "1.000.000"), ("3101", "C", "1.000.000")])
        return {
            "exercise": options.get("exercise"),
            "transaction_number": options.get("transaction_number"),
            "chart": None if options.get("exercise") else chart.pk,
            "lines": []
            if options.get("exercise")
            else [item({"account_code": c, "side": s, "amount": a}) for c, s, a in lines],
            "grading": options.get("grading", "per_line"),
            "tolerance": options.get("tolerance", "0"),
            "rows": options.get("rows", 4),
        }
    if kind == "shu":
        return {
            "exercise": None,
            "shu_amount": options.get("shu_amount", "60.000.000"),
            "components": [
                item({"key": k, "percent": p})
                for k, p in options.get(
                    "components",
                    [
                        ("cadangan", "40"),
                        ("jasa_usaha", "25"),
                        ("jasa_modal", "20"),
                        ("pengurus", "5"),
                        ("karyawan", "5"),
                        ("pendidikan", "2,5"),
                        ("sosial", "2,5"),
                    ],
                )
            ],
            "members": [
                item({"number": n, "name": name, "simpanan": s, "transactions": t})
                for n, name, s, t in options.get(
                    "members",
                    [("A01", "Ani", "2.000.000", "12.000.000"), ("A02", "Budi", "38.000.000", "288.000.000")],
                )
            ],
            "ask": options.get("ask", "total"),
            "tolerance": options.get("tolerance", "0"),
        }
    raise ValueError(kind)


@pytest.fixture
def make_question(db):
    counter = {"n": 0}

    def factory(category, kind, *, points="1", title=None, text=None, **options):
        counter["n"] += 1
        question = Question(
            category=category,
            title=title or f"Soal {kind} {counter['n']}",
            text=text or f"<p>Pertanyaan {kind} nomor {counter['n']}?</p>",
            answer=[{"type": kind, "value": answer_for(kind, **options)}],
            points=points,
            feedback_correct="Bagus!",
            feedback_incorrect="Pelajari lagi.",
            explanation="<p>Pembahasan soal.</p>",
        )
        question.save()
        record_question_version(question=question)
        question.refresh_from_db()
        return question

    return factory


@pytest.fixture
def make_category(db):
    def factory(course, name="Hari 1", order=0):
        return QuestionCategory.objects.create(course=course, name=name, order=order)

    return factory


@pytest.fixture
def make_quiz(db):
    counter = {"n": 0}

    def factory(module, *, questions=(), draws=(), **fields):
        counter["n"] += 1
        blocks = [{"type": "question", "value": q.pk} for q in questions]
        blocks += [{"type": "random", "value": {"category": c.pk, "count": n}} for c, n in draws]
        fields.setdefault("shuffle_choices", False)
        quiz = module.add_child(
            instance=QuizPage(
                title=fields.pop("title", f"Kuis {counter['n']}"),
                slug=f"kuis-uji-{counter['n']}",
                questions=blocks,
                **fields,
            )
        )
        return QuizPage.objects.get(pk=quiz.pk)

    return factory


@pytest.fixture
def course_with_bank(make_course, make_category, make_question, make_cohort, enrol, trainee):
    """A course (one day), a cohort with the trainee enrolled, and one question of each kind."""
    tree = make_course(lessons=(1,))
    cohort = make_cohort(tree.course, sessions=0)
    enrollment = enrol(trainee, cohort)
    category = make_category(tree.course)
    kinds = ["single", "multiple", "truefalse", "numeric", "shorttext", "matching", "journal", "shu"]
    questions = {kind: make_question(category, kind) for kind in kinds}
    return SimpleNamespace(
        tree=tree,
        course=tree.course,
        module=tree.modules[0],
        cohort=cohort,
        enrollment=enrollment,
        category=category,
        questions=questions,
    )
