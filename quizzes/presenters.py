"""What the attempt form and the review show of each question, built from the pinned version.

The form view carries texts and opaque option ids only: nothing that tells which option is right
reaches the page until the review options allow it (`review.answers`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from lms.formatting import format_rupiah

from . import grading
from .selectors import ReviewFlags


@dataclass
class QuestionView:
    position: int
    kind: str
    text: str
    points: Decimal
    name: str  # field prefix "q<n>"
    answered: bool
    options: list[dict] = field(default_factory=list)  # single/multiple/truefalse
    value: str = ""  # numeric/shorttext
    unit: str = ""
    match_rows: list[dict] = field(default_factory=list)
    journal_rows: list[dict] = field(default_factory=list)
    accounts: list[list[str]] = field(default_factory=list)
    narrative: str = ""
    shu: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    html: str = ""  # the form's HTML of this question (quizzes.fragments)
    # Review only (empty on the form):
    grade: grading.QuestionGrade | None = None
    earned: Decimal | None = None
    general_feedback: str = ""
    explanation: str = ""
    show_score: bool = False
    show_feedback: bool = False
    show_answers: bool = False

    @property
    def template(self) -> str:
        return f"quizzes/questions/{self.kind}.html"


def _ordered(ids_in_layout, all_ids) -> list:
    """The layout's order, then any option a newer version added (after a regrade)."""
    known = set(all_ids)
    ordered = [i for i in ids_in_layout if i in known]
    return ordered + [i for i in all_ids if i not in set(ordered)]


def question_view(answer, *, problems=None, review: ReviewFlags | None = None) -> QuestionView:
    spec = answer.version.spec
    kind, data = spec["kind"], spec["data"]
    layout = answer.layout or {}
    response = answer.response or {}
    name = f"q{answer.position}"
    view = QuestionView(
        position=answer.position,
        kind=kind,
        text=spec["text"],
        points=Decimal(spec["points"]),
        name=name,
        answered=not grading.is_blank(kind, answer.response),
        problems=list(problems or []),
    )
    if kind in ("single", "multiple"):
        choices = {c["id"]: c for c in data["choices"]}
        chosen = {response.get("choice")} if kind == "single" else set(response.get("choices", []))
        for index, choice_id in enumerate(_ordered(layout.get("order", []), list(choices))):
            choice = choices[choice_id]
            view.options.append(
                {
                    "value": choice_id,
                    "text": choice["text"],
                    "checked": choice_id in chosen,
                    "id": f"{name}-{index}",
                    "correct": choice["correct"] if review and review.answers else None,
                }
            )
    elif kind == "truefalse":
        from django.utils.translation import gettext as _

        for value, text in (("true", _("Benar")), ("false", _("Salah"))):
            view.options.append(
                {
                    "value": value,
                    "text": text,
                    "checked": response.get("value") == value,
                    "id": f"{name}-{value}",
                    "correct": ((value == "true") == data["answer"]) if review and review.answers else None,
                }
            )
    elif kind in ("numeric", "shorttext"):
        view.value = response.get("text", "")
        view.unit = data.get("unit", "") if kind == "numeric" else ""
    elif kind == "matching":
        options = layout.get("options") or data["options"]
        pairs = {p["id"]: p for p in data["pairs"]}
        matches = response.get("matches", {})
        for index, pair_id in enumerate(_ordered(layout.get("prompts", []), list(pairs))):
            pair = pairs[pair_id]
            chosen = matches.get(pair_id, "")
            view.match_rows.append(
                {
                    "name": f"{name}-p{index}",
                    "prompt": pair["prompt"],
                    "options": [
                        {"value": str(i), "text": text, "selected": text == chosen} for i, text in enumerate(options)
                    ],
                    "chosen": chosen,
                    "right": pair["answer"] if review and review.answers else None,
                }
            )
    elif kind == "journal":
        rows = list(response.get("lines", []))
        view.accounts = data["accounts"]
        view.narrative = data.get("narrative", "")
        for i in range(int(data.get("rows", 4))):
            row = rows[i] if i < len(rows) else {}
            view.journal_rows.append(
                {
                    "index": i,
                    "number": i + 1,
                    "account": row.get("account", ""),
                    "debit": row.get("debit", ""),
                    "credit": row.get("credit", ""),
                }
            )
    elif kind == "shu":
        members = response.get("members", {})
        parts = data.get("ask") == "parts"
        view.shu = {
            "amount": format_rupiah(Decimal(data["shu_amount"])),
            "components": [
                {"label": label, "percent": f"{Decimal(pct).normalize():f}".replace(".", ",")}
                for _key, label, pct in data["components"]
            ],
            "parts": parts,
            "members": [
                {
                    "index": i,
                    "number": m["number"],
                    "name": m["name"],
                    "simpanan": format_rupiah(Decimal(m["simpanan"])),
                    "transactions": format_rupiah(Decimal(m["transactions"])),
                    "value": members.get(m["number"], {} if parts else ""),
                }
                for i, m in enumerate(data["members"])
            ],
        }
    if review is not None:
        result = grading.grade(spec, answer.response, reveal=review.answers)
        view.grade = result
        view.earned = answer.points
        view.show_score, view.show_feedback, view.show_answers = review.score, review.feedback, review.answers
        if review.feedback:
            view.general_feedback = grading.general_feedback(spec, result)
        if review.answers:
            view.explanation = spec.get("explanation", "")
    return view
