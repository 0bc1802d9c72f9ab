"""Grading one answer against a question version's spec: on the server only, no database reads.

`grade(spec, response, reveal=False) -> QuestionGrade` with `fraction` in [0, 1]. The rules
(docs/quizzes.md, "Grading rules"):

- single choice, true/false: 1 when the chosen option is the right one, else 0;
- multiple choice: each right option ticked adds 1/k, each wrong option ticked takes 1/k away
  (k = number of right options), floored at 0;
- numeric: right when |given − answer| ≤ tolerance (absolute) or ≤ tolerance % × |answer|
  (relative); the boundary itself is right; text that is not a number is wrong;
- short text: right when it equals an accepted answer ignoring upper/lower case and all spaces;
- matching: right pairs ÷ number of statements;
- journal task: the ledger's grader (`ledger.grading.grade_entry_lines`) per line, on the net
  balance per account, or all-or-nothing, as the question says;
- SHU task: `ledger.shu.allocate_shu` computes the expected shares and `ledger.grading.grade_shu`
  marks each member (to the Rupiah unless the question allows a tolerance).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ledger.exceptions import LedgerValidationError
from ledger.grading import grade_entry_lines, grade_shu
from ledger.services import LineInput
from ledger.shu import MemberShuInput, allocate_shu
from lms.formatting import NUMBER_DECIMALS, format_rupiah, parse_rupiah

ZERO = Decimal("0")
ONE = Decimal("1")
FRACTION_PLACES = Decimal("0.0001")

RIGHT, PARTIAL, WRONG, BLANK = "right", "partial", "wrong", "blank"


@dataclass
class QuestionGrade:
    fraction: Decimal
    state: str  # right | partial | wrong | blank
    feedback: list[str] = field(default_factory=list)  # about the trainee's answer (no right answer unless revealed)
    right_answer: str = ""  # a text of the right answer, only when revealed
    detail: object = None  # the ledger grader's result for journal/SHU tasks

    @property
    def is_right(self) -> bool:
        return self.state == RIGHT


def _fraction(value: Decimal) -> Decimal:
    return min(max(value, ZERO), ONE).quantize(FRACTION_PLACES, rounding=ROUND_HALF_UP)


def _state(fraction: Decimal, blank: bool = False) -> str:
    if blank:
        return BLANK
    if fraction >= ONE:
        return RIGHT
    return PARTIAL if fraction > 0 else WRONG


def numeric_decimals(data) -> int:
    """Decimals a numeric question's answer may have: two (sen) in Rupiah, more for plain numbers."""
    return 2 if (data or {}).get("unit") == "rupiah" else NUMBER_DECIMALS


def read_number(text, *, max_decimals: int = 2) -> Decimal | None:
    """A typed Rupiah amount (or, with `max_decimals`, a number) through the one shared grammar, or None."""
    if text is None:
        return None
    try:
        return parse_rupiah(str(text), max_decimals=max_decimals)
    except (ValueError, InvalidOperation):
        return None


def normalize_text(text: str) -> str:
    """Case- and space-insensitive form of a short answer."""
    return "".join(str(text or "").casefold().split())


def is_blank(kind: str, response) -> bool:
    if not response:
        return True
    if kind == "single":
        return not response.get("choice")
    if kind == "multiple":
        return not response.get("choices")
    if kind == "truefalse":
        return response.get("value") not in ("true", "false")
    if kind in ("numeric", "shorttext"):
        return not str(response.get("text", "")).strip()
    if kind == "matching":
        return not any(response.get("matches", {}).values())
    if kind == "journal":
        return not response.get("lines")
    if kind == "shu":
        members = response.get("members", {})
        return not any(
            (any(str(v).strip() for v in value.values()) if isinstance(value, dict) else str(value).strip())
            for value in members.values()
        )
    return True


# --- Per kind -------------------------------------------------------------------------------


def _choices(data, response, *, reveal, multiple: bool) -> QuestionGrade:
    choices = {c["id"]: c for c in data["choices"]}
    right = [c for c in data["choices"] if c["correct"]]
    feedback = []
    if multiple:
        chosen = [choices[i] for i in (response or {}).get("choices", []) if i in choices]
        k = len(right) or 1
        hits = sum(1 for c in chosen if c["correct"])
        misses = sum(1 for c in chosen if not c["correct"])
        fraction = _fraction(Decimal(hits - misses) / k)
    else:
        choice = choices.get((response or {}).get("choice"))
        chosen = [choice] if choice else []
        fraction = ONE if choice and choice["correct"] else ZERO
    feedback += [c["feedback"] for c in chosen if c.get("feedback")]
    blank = not chosen
    right_text = "; ".join(c["text"] for c in right) if reveal else ""
    return QuestionGrade(fraction, _state(fraction, blank), feedback, right_text)


def _truefalse(data, response, *, reveal) -> QuestionGrade:
    value = (response or {}).get("value")
    if value not in ("true", "false"):
        return QuestionGrade(ZERO, BLANK, [], _right_tf(data) if reveal else "")
    fraction = ONE if (value == "true") == data["answer"] else ZERO
    return QuestionGrade(fraction, _state(fraction), [], _right_tf(data) if reveal else "")


def _right_tf(data) -> str:
    return _("Benar") if data["answer"] else _("Salah")


def numeric_is_right(data, given: Decimal) -> bool:
    answer = Decimal(data["answer"])
    tolerance = Decimal(data["tolerance"])
    if data.get("tolerance_kind") == "relative":
        allowed = abs(answer) * tolerance / 100
    else:
        allowed = tolerance
    return abs(given - answer) <= allowed


def _show_number(data, value: Decimal) -> str:
    if data.get("unit") == "rupiah":
        return format_rupiah(value)
    return format_rupiah(value, with_symbol=False)


def _numeric(data, response, *, reveal) -> QuestionGrade:
    text = str((response or {}).get("text", "")).strip()
    right_text = _show_number(data, Decimal(data["answer"])) if reveal else ""
    if not text:
        return QuestionGrade(ZERO, BLANK, [], right_text)
    given = read_number(text, max_decimals=numeric_decimals(data))
    if given is None:
        return QuestionGrade(ZERO, WRONG, [_("Jawaban “%(text)s” bukan angka.") % {"text": text}], right_text)
    fraction = ONE if numeric_is_right(data, given) else ZERO
    return QuestionGrade(fraction, _state(fraction), [], right_text)


def _shorttext(data, response, *, reveal) -> QuestionGrade:
    text = str((response or {}).get("text", ""))
    right_text = " / ".join(data["answers"]) if reveal else ""
    if not text.strip():
        return QuestionGrade(ZERO, BLANK, [], right_text)
    accepted = {normalize_text(a) for a in data["answers"]}
    fraction = ONE if normalize_text(text) in accepted else ZERO
    return QuestionGrade(fraction, _state(fraction), [], right_text)


def _matching(data, response, *, reveal) -> QuestionGrade:
    matches = (response or {}).get("matches", {})
    pairs = data["pairs"]
    right = sum(1 for p in pairs if matches.get(p["id"]) == p["answer"])
    fraction = _fraction(Decimal(right) / len(pairs)) if pairs else ZERO
    blank = not any(matches.values())
    right_text = "; ".join(f"{p['prompt']} \u2192 {p['answer']}" for p in pairs) if reveal else ""
    feedback = []
    if not blank and fraction < ONE:
        feedback.append(_("%(right)s dari %(total)s pasangan benar.") % {"right": right, "total": len(pairs)})
    return QuestionGrade(fraction, _state(fraction, blank), feedback, right_text)


def journal_lines(response) -> list[LineInput]:
    """The trainee's rows as the ledger's `LineInput`s (empty rows dropped)."""
    out = []
    for row in (response or {}).get("lines", []):
        code = str(row.get("account", "")).strip()
        debit, credit = str(row.get("debit", "")).strip(), str(row.get("credit", "")).strip()
        if code or debit or credit:
            out.append(LineInput(account_code=code, debit=debit or None, credit=credit or None))
    return out


def _net(lines) -> tuple[list, list]:
    """One line per account holding its net movement (debit − credit), for net-balance grading."""
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    unreadable = []
    for line in lines:
        code = line.account_code if isinstance(line, LineInput) else line[0]
        if isinstance(line, LineInput):
            debit, credit = (
                read_number(line.debit) if line.debit else ZERO,
                read_number(line.credit) if line.credit else ZERO,
            )
            if debit is None or credit is None or (line.debit and line.credit):
                unreadable.append(line)
                continue
            totals[code] += debit - credit
        else:
            _code, side, amount = line[:3]
            totals[code] += Decimal(amount) if side == "D" else -Decimal(amount)
    netted = []
    for code, amount in totals.items():
        if amount > 0:
            netted.append((code, "D", amount))
        elif amount < 0:
            netted.append((code, "C", -amount))
    return netted, unreadable


def _journal(data, response, *, reveal) -> QuestionGrade:
    submitted = journal_lines(response)
    expected = [(code, side, Decimal(amount)) for code, side, amount in data["lines"]]
    grading = data.get("grading", "per_line")
    if grading == "net":
        expected_net, _none = _net(expected)
        submitted_net, unreadable = _net(submitted)
        submitted_lines = [
            LineInput(account_code=c, debit=a if s == "D" else None, credit=a if s == "C" else None)
            for c, s, a in submitted_net
        ] + unreadable
        expected_lines = expected_net
    else:
        submitted_lines, expected_lines = submitted, expected
    result = grade_entry_lines(
        expected_lines=expected_lines,
        submitted_lines=submitted_lines,
        points=ONE,
        number=data.get("transaction_number") or 1,
        tolerance=Decimal(data.get("tolerance") or "0"),
        reveal=reveal,
        all_or_nothing=grading == "all_or_nothing",
    )
    fraction = _fraction(result.points_awarded / result.points_possible) if result.points_possible else ZERO
    right_text = ""
    if reveal:
        names = dict(map(tuple, data.get("accounts", [])))
        right_text = "; ".join(
            f"{code} {names.get(code, '')} {_('Debit') if side == 'D' else _('Kredit')} {format_rupiah(amount)}"
            for code, side, amount in expected
        )
    return QuestionGrade(fraction, _state(fraction, not submitted), list(result.feedback), right_text, result)


def shu_allocation(data):
    return allocate_shu(
        shu_amount=Decimal(data["shu_amount"]),
        components={key: Decimal(pct) for key, _label, pct in data["components"]},
        members=[
            MemberShuInput(m["number"], m["name"], Decimal(m["simpanan"]), Decimal(m["transactions"]))
            for m in data["members"]
        ],
    )


def _shu(data, response, *, reveal) -> QuestionGrade:
    members = (response or {}).get("members", {})
    known = {m["number"] for m in data["members"]}
    submitted = {number: value for number, value in members.items() if number in known}
    try:
        allocation = shu_allocation(data)
    except LedgerValidationError:  # a spec is checked when its version is made; never expected here
        return QuestionGrade(ZERO, WRONG, [_("Soal SHU ini tidak dapat dinilai.")])
    result = grade_shu(
        submitted=submitted, allocation=allocation, reveal=reveal, tolerance=Decimal(data.get("tolerance") or "0")
    )
    fraction = _fraction(result.score)
    feedback = [line for item in result.items for line in item.feedback]
    right_text = ""
    if reveal:
        right_text = "; ".join(
            f"{m.number} {m.name}: {format_rupiah(m.total)} ({_('jasa modal')} {format_rupiah(m.jasa_modal)}, "
            f"{_('jasa usaha')} {format_rupiah(m.jasa_usaha)})"
            for m in allocation.members
        )
    return QuestionGrade(fraction, _state(fraction, is_blank("shu", response)), feedback, right_text, result)


def grade(spec: dict, response, *, reveal: bool = False) -> QuestionGrade:
    """Grade `response` (the stored answer, may be None) against a version's `spec`."""
    kind, data = spec["kind"], spec["data"]
    if kind in ("single", "multiple"):
        result = _choices(data, response, reveal=reveal, multiple=kind == "multiple")
    elif kind == "truefalse":
        result = _truefalse(data, response, reveal=reveal)
    elif kind == "numeric":
        result = _numeric(data, response, reveal=reveal)
    elif kind == "shorttext":
        result = _shorttext(data, response, reveal=reveal)
    elif kind == "matching":
        result = _matching(data, response, reveal=reveal)
    elif kind == "journal":
        result = _journal(data, response, reveal=reveal)
    elif kind == "shu":
        result = _shu(data, response, reveal=reveal)
    else:
        raise ValueError(f"unknown question kind {kind!r}")
    if result.state == BLANK:
        result.feedback.insert(0, _("Soal ini tidak dijawab."))
    return result


def general_feedback(spec: dict, grade_result: QuestionGrade) -> str:
    """The author's "right"/"not yet right" feedback for this result."""
    if grade_result.state == RIGHT:
        return spec.get("feedback_correct") or ""
    return spec.get("feedback_incorrect") or ""


def points_for(spec: dict, fraction: Decimal) -> Decimal:
    return (Decimal(spec["points"]) * fraction).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
