"""From an authored question to the immutable spec of a version, and the checks of the ledger tasks.

A spec is a plain dict (JSON) holding everything needed to show and grade the question, so an
attempt never reads the editable question again:

    {"kind", "title", "text" (HTML), "points" (str), "feedback_correct", "feedback_incorrect",
     "explanation" (HTML), "category_id", "data": {...per kind, below...}}

- single/multiple: {"choices": [{"id", "text", "correct", "feedback"}]}
- truefalse: {"answer": bool}
- numeric: {"answer", "tolerance" (str decimals), "tolerance_kind": absolute|relative, "unit": none|rupiah}
- shorttext: {"answers": [str]}
- matching: {"pairs": [{"id", "prompt", "answer"}], "options": [str, sorted]}
- journal: {"chart_id", "chart_name", "accounts": [[code, name]] (postable), "lines": [[code, "D"|"C", str]],
  "grading": per_line|net|all_or_nothing, "tolerance", "rows", "exercise_id", "transaction_number",
  "narrative", "date"}
- shu: {"shu_amount", "components": [[key, label, percent]], "members": [{"number", "name", "simpanan",
  "transactions"}], "ask": total|parts, "tolerance"}

Amounts are kept as canonical decimal strings ("1250000.00"); typed text goes through
`lms.formatting.parse_rupiah`, the one grammar.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

from django.utils.translation import gettext as _

from ledger.exceptions import LedgerValidationError
from ledger.models import Account, ChartTemplate, LedgerExercise
from ledger.shu import COMPONENT_LABELS, MemberShuInput, allocate_shu
from lms.formatting import NUMBER_DECIMALS, parse_rupiah

from .models import Question


def canonical(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")


def _read(text, *, allow_negative=False, max_decimals=2) -> Decimal | None:
    try:
        value = parse_rupiah(str(text if text is not None else ""), max_decimals=max_decimals)
    except ValueError:
        return None
    if value < 0 and not allow_negative:
        return None
    return value


def _instance(model, value):
    """A chooser value from a block (instance), raw JSON (id) or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, model):
        return value
    return model.objects.filter(pk=value).first()


# --- Ledger tasks ---------------------------------------------------------------------------


def resolve_journal(value) -> tuple[dict | None, dict[str, str]]:
    """(spec data, errors by field) of a journal task block value (StructValue or raw dict)."""
    errors: dict[str, str] = {}
    exercise = _instance(LedgerExercise, value.get("exercise"))
    chart = _instance(ChartTemplate, value.get("chart"))
    number = value.get("transaction_number")
    lines = list(value.get("lines") or [])
    narrative, date = "", ""
    expected: list[list[str]] = []
    tolerance = _read(value.get("tolerance") or "0")
    if tolerance is None:
        errors["tolerance"] = _("Tulis toleransi sebagai angka, mis. 0 atau 1.000.")
    if exercise is not None:
        chart = exercise.chart
        if lines:
            errors["lines"] = _("Kosongkan baris jawaban bila transaksi diambil dari latihan pembukuan.")
        transaction = exercise.transactions.filter(number=number).first() if number else None
        if transaction is None:
            errors["transaction_number"] = _("Isi nomor transaksi yang ada di latihan %(title)s.") % {
                "title": exercise.title
            }
        else:
            narrative, date = transaction.narrative, transaction.date.isoformat()
            expected = [
                [line.account_code, line.side, canonical(line.amount)]
                for line in exercise.expected_lines.filter(transaction_number=number).order_by("sort_order", "pk")
            ]
    else:
        if chart is None:
            errors["chart"] = _("Pilih bagan akun, atau pilih latihan pembukuan dan nomor transaksinya.")
        if len(lines) < 2:
            errors["lines"] = _("Isi paling sedikit dua baris jurnal yang benar (debit dan kredit).")
        for index, line in enumerate(lines, start=1):
            amount = _read(line.get("amount"))
            if amount is None or amount == 0:
                errors["lines"] = _("Baris %(n)s: jumlah harus angka lebih dari nol, mis. 1.250.000.") % {"n": index}
                continue
            expected.append([str(line.get("account_code", "")).strip(), line.get("side"), canonical(amount)])
    accounts: list[list[str]] = []
    if chart is not None:
        rows = list(
            Account.objects.filter(chart=chart).order_by("order", "code").values_list("code", "name", "is_postable")
        )
        postable = {code for code, _name, ok in rows if ok}
        accounts = [[code, name] for code, name, ok in rows if ok]
        for code, _side, _amount in expected:
            if code not in postable:
                errors["lines"] = _("Akun %(code)s tidak ada atau tidak dapat diposting di bagan %(chart)s.") % {
                    "code": code,
                    "chart": chart.name,
                }
    debit = sum((Decimal(a) for _c, side, a in expected if side == "D"), Decimal("0"))
    credit = sum((Decimal(a) for _c, side, a in expected if side == "C"), Decimal("0"))
    if expected and debit != credit and "lines" not in errors:
        errors["lines"] = _("Baris jawaban tidak seimbang: debit %(debit)s, kredit %(credit)s.") % {
            "debit": canonical(debit),
            "credit": canonical(credit),
        }
    if errors:
        return None, errors
    return {
        "chart_id": chart.pk,
        "chart_name": chart.name,
        "accounts": accounts,
        "lines": expected,
        "grading": value.get("grading") or "per_line",
        "tolerance": canonical(tolerance),
        "rows": int(value.get("rows") or 4),
        "exercise_id": exercise.pk if exercise else None,
        "transaction_number": number if exercise else None,
        "narrative": narrative,
        "date": date,
    }, {}


def journal_problems(value) -> dict[str, str]:
    return resolve_journal(value)[1]


def resolve_shu(value) -> tuple[dict | None, dict[str, str]]:
    """(spec data, errors by field) of an SHU task block value; the split must pass `allocate_shu`."""
    errors: dict[str, str] = {}
    exercise = _instance(LedgerExercise, value.get("exercise"))
    tolerance = _read(value.get("tolerance") or "0")
    if tolerance is None:
        errors["tolerance"] = _("Tulis toleransi sebagai angka, mis. 0.")
    if exercise is not None:
        amount = exercise.shu_amount
        components = {key: str(pct) for key, pct in (exercise.shu_components or {}).items()}
        members = [
            {"number": m.number, "name": m.name, "simpanan": m.shu_simpanan, "transactions": m.shu_transactions}
            for m in exercise.members.all()
        ]
        if amount is None or not components or any(m["simpanan"] is None or m["transactions"] is None for m in members):
            errors["exercise"] = _("Latihan ini tidak memuat SHU, komponen, dan angka SHU tiap anggota.")
            return None, errors
    else:
        amount = _read(value.get("shu_amount"))
        if amount is None:
            errors["shu_amount"] = _("Tulis SHU yang dibagi sebagai angka, mis. 60.000.000.")
        components = {}
        for item in value.get("components") or []:
            components[item.get("key")] = str(item.get("percent") or "").replace(",", ".")
        members = []
        for item in value.get("members") or []:
            simpanan, transactions = _read(item.get("simpanan")), _read(item.get("transactions"))
            if simpanan is None or transactions is None:
                errors["members"] = _("Anggota %(number)s: simpanan dan transaksi harus angka, mis. 2.000.000.") % {
                    "number": item.get("number", "?")
                }
            members.append(
                {
                    "number": str(item.get("number", "")).strip(),
                    "name": item.get("name", ""),
                    "simpanan": simpanan,
                    "transactions": transactions,
                }
            )
        if not members:
            errors["members"] = _("Isi paling sedikit satu anggota.")
        numbers = [m["number"] for m in members]
        if len(set(numbers)) != len(numbers):
            errors["members"] = _("Nomor anggota harus berbeda satu sama lain.")
    if errors:
        return None, errors
    try:
        allocate_shu(
            shu_amount=amount,
            components=components,
            members=[MemberShuInput(m["number"], m["name"], m["simpanan"], m["transactions"]) for m in members],
        )
    except LedgerValidationError as error:
        field_of = {"shu_amount": "shu_amount", "components": "components", "members": "members"}
        for key, messages in error.errors.items():
            if exercise is not None:
                errors["exercise"] = " ".join(str(m) for m in messages)
            else:
                errors[field_of.get(key, "components")] = " ".join(str(m) for m in messages)
        return None, errors
    return {
        "shu_amount": canonical(Decimal(amount)),
        "components": [[key, str(COMPONENT_LABELS.get(key, key)), pct] for key, pct in components.items()],
        "members": [
            {
                "number": m["number"],
                "name": m["name"],
                "simpanan": canonical(Decimal(m["simpanan"])),
                "transactions": canonical(Decimal(m["transactions"])),
            }
            for m in members
        ],
        "ask": value.get("ask") or "total",
        "tolerance": canonical(tolerance),
        "exercise_id": exercise.pk if exercise else None,
    }, {}


def shu_problems(value) -> dict[str, str]:
    return resolve_shu(value)[1]


# --- Spec ---------------------------------------------------------------------------------


def _items(raw_list) -> list[tuple[str, dict]]:
    """(id, value) of a ListBlock's raw items (old-style plain lists get fresh ids)."""
    out = []
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item":
            out.append((item.get("id") or str(uuid.uuid4()), item["value"]))
        else:
            out.append((str(uuid.uuid4()), item))
    return out


def answer_data(kind: str, value: dict) -> dict:
    """The kind-specific part of a spec from a raw answer block value. Raises ValueError when the
    stored block is not gradable (the admin's block validation normally prevents that)."""
    if kind in ("single", "multiple"):
        choices = [
            {
                "id": item_id,
                "text": item.get("text", ""),
                "correct": bool(item.get("correct")),
                "feedback": item.get("feedback") or "",
            }
            for item_id, item in _items(value.get("choices"))
        ]
        return {"choices": choices}
    if kind == "truefalse":
        return {"answer": value.get("answer") in (True, "true", "True", "1")}
    if kind == "numeric":
        decimals = 2 if value.get("unit") == "rupiah" else NUMBER_DECIMALS
        answer = _read(value.get("answer"), allow_negative=True, max_decimals=decimals)
        tolerance = _read(value.get("tolerance") or "0", max_decimals=decimals)
        if answer is None or tolerance is None:
            raise ValueError("numeric answer or tolerance unreadable")
        return {
            "answer": format(answer, "f"),
            "tolerance": format(tolerance, "f"),
            "tolerance_kind": value.get("tolerance_kind") or "absolute",
            "unit": value.get("unit") or "none",
        }
    if kind == "shorttext":
        answers = [text for _id, text in _items(value.get("answers")) if str(text).strip()]
        return {"answers": answers}
    if kind == "matching":
        pairs = [
            {"id": item_id, "prompt": item.get("prompt", ""), "answer": item.get("answer", "")}
            for item_id, item in _items(value.get("pairs"))
        ]
        distractors = [text for _id, text in _items(value.get("distractors")) if str(text).strip()]
        options = sorted({p["answer"] for p in pairs} | set(distractors), key=str.casefold)
        return {"pairs": pairs, "options": options}
    if kind == "journal":
        plain = dict(value)
        plain["lines"] = [line for _id, line in _items(value.get("lines"))]
        data, errors = resolve_journal(plain)
        if errors:
            raise ValueError("; ".join(errors.values()))
        return data
    if kind == "shu":
        plain = dict(value)
        plain["components"] = [c for _id, c in _items(value.get("components"))]
        plain["members"] = [m for _id, m in _items(value.get("members"))]
        data, errors = resolve_shu(plain)
        if errors:
            raise ValueError("; ".join(errors.values()))
        return data
    raise ValueError(f"unknown question kind {kind!r}")


_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def _html(text: str) -> str:
    """Rich text without the editor's random block keys (they change on every save, the text does not)."""
    cleaned = _BLOCK_KEY.sub("", text or "")
    return "" if cleaned in ("<p></p>", "") else cleaned


def build_spec(question: Question) -> dict:
    """The spec of `question` as stored in the database (its answer's raw JSON, with list ids)."""
    raw = question.answer.raw_data
    if not raw:
        raise ValueError("question without an answer block")
    block = raw[0]
    kind = block["type"]
    return {
        "kind": kind,
        "title": question.title,
        "text": _html(question.text),
        "points": canonical(question.points),
        "feedback_correct": question.feedback_correct,
        "feedback_incorrect": question.feedback_incorrect,
        "explanation": _html(question.explanation),
        "category_id": question.category_id,
        "data": answer_data(kind, block["value"]),
    }
