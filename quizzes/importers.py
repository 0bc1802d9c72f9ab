"""Import questions from Moodle's GIFT and XML formats (the formats of moodle/moodle's
question/format/gift and question/format/xml), for the types Sinau shares with Moodle: single and
multiple choice, true/false, numerical, short answer, matching.

Everything that cannot be imported is reported with its position and the reason (essays,
descriptions, cloze, calculated…); what is imported with a change is reported as a note (partial
credit weights Sinau's rules do not have, per-answer feedback of short answers, units…). Question
HTML is cleaned to the question editor's features (no scripts, no images); Markdown and plain text
become paragraphs.
"""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from lms.formatting import NUMBER_DECIMALS, parse_rupiah

from .blocks import AnswerBlock
from .models import Question
from .models.bank import QUESTION_FEATURES

MAX_QUESTIONS = 500


@dataclass
class ParsedQuestion:
    number: int  # position in the file, from 1
    title: str
    text: str  # HTML
    kind: str
    answer: dict  # the raw value of the AnswerBlock child `kind`
    points: Decimal = Decimal("1")
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    explanation: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportProblem:
    number: int
    title: str
    reason: str


@dataclass
class ImportReport:
    format: str
    created: list[Question] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (number, title, note)


# --- Shared helpers --------------------------------------------------------------------------


def clean_html(text: str) -> str:
    return EditorHTMLConverter(QUESTION_FEATURES).to_database_format(text or "").strip()


def plain_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs)


def to_html(text: str, fmt: str) -> str:
    if fmt == "html":
        return clean_html(text)
    if fmt == "markdown":
        # Bold and italics only; everything else as plain text.
        escaped = html.escape(text or "")
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
        escaped = re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"<i>\1</i>", escaped)
        return clean_html("".join(f"<p>{p.strip()}</p>" for p in re.split(r"\n\s*\n", escaped) if p.strip()))
    return plain_to_html(text)


def to_plain(text: str) -> str:
    """Choice texts, prompts and feedback are plain text in Sinau."""
    without_tags = re.sub(r"<[^>]+>", " ", text or "")
    return " ".join(html.unescape(without_tags).split())


def indonesian_number(value: Decimal) -> str:
    """A decimal written the way `lms.formatting.parse_rupiah` reads it back (comma decimals)."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(".", ",")
    parse_rupiah(text, max_decimals=NUMBER_DECIMALS)  # the one grammar: refused (ValueError) here, not later
    return text


def _item(value) -> dict:
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _fraction_note(title: str) -> str:
    return _(
        "Bobot nilai sebagian diganti aturan Sinau (satu jawaban benar; atau untuk beberapa jawaban: "
        "tiap benar +1/k, tiap salah −1/k)."
    )


def build_choice_question(*, choices, multiple_hint: bool, notes: list) -> tuple[str, dict] | str:
    """choices: [(text, fraction 0..1 Decimal, feedback)] → (kind, answer) or an error message."""
    if len(choices) < 2:
        return _("Pilihan ganda perlu paling sedikit dua pilihan.")
    full = [c for c in choices if c[1] >= 1]
    positive = [c for c in choices if c[1] > 0]
    if not positive:
        return _("Tidak ada pilihan yang bernilai benar.")
    if len(full) == 1 and not multiple_hint:
        if any(0 < c[1] < 1 for c in choices):
            notes.append(_fraction_note(""))
        kind = "single"
        items = [_item({"text": t, "correct": f >= 1, "feedback": fb}) for t, f, fb in choices]
    else:
        kind = "multiple"
        shares = {c[1] for c in positive}
        if len(shares) > 1 or any(c[1] < 0 and c[1] != -next(iter(shares)) for c in choices):
            notes.append(_fraction_note(""))
        items = [_item({"text": t, "correct": f > 0, "feedback": fb}) for t, f, fb in choices]
    return kind, {"choices": items}


# --- GIFT ----------------------------------------------------------------------------------

_ESCAPES = {"\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04", "\\}": "\x05", "\\~": "\x06", "\\n": "\x07"}
_UNESCAPE = {"\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}", "\x06": "~", "\x07": "\n"}
_WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d+)?)%")


def _escape(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x00", "\\")


def _unescape(text: str) -> str:
    for placeholder, char in _UNESCAPE.items():
        text = text.replace(placeholder, char)
    return text


def _gift_blocks(text: str) -> list[tuple[int, str]]:
    """(line number, block) of each question: blocks are separated by blank lines, // lines dropped."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _split_weight(answer: str) -> tuple[Decimal | None, str]:
    match = _WEIGHT.match(answer)
    if not match:
        return None, answer
    return Decimal(match.group(1)) / 100, answer[match.end() :]


def _split_feedback(answer: str) -> tuple[str, str]:
    text, _hash, feedback = answer.partition("#")
    return text.strip(), feedback.strip()


def _gift_text(raw: str, default="moodle") -> tuple[str, str]:
    """(format, text) from an optional [format] prefix."""
    match = re.match(r"^\[(html|moodle|plain|markdown)\]", raw)
    if match:
        return match.group(1), raw[match.end() :]
    return default, raw


def _gift_number(text: str) -> Decimal:
    return Decimal(text.strip())


def parse_gift_question(number: int, block: str) -> ParsedQuestion | ImportProblem | None:
    text = _escape(block.strip())
    if text.startswith("$CATEGORY:"):
        return None
    title = ""
    if text.startswith("::"):
        name_end = text.find("::", 2)
        if name_end != -1:
            title = _unescape(text[2:name_end]).strip()
            text = text[name_end + 2 :].strip()
    start, end = text.find("{"), text.rfind("}")
    snippet = title or to_plain(_unescape(text))[:60]
    if start == -1 and end == -1:
        return ImportProblem(number, snippet, _("Deskripsi tanpa jawaban: bukan soal, tidak diimpor."))
    if start == -1 or end == -1 or end < start:
        return ImportProblem(number, snippet, _("Kurung kurawal { } tidak lengkap."))
    answer_text = text[start + 1 : end].strip()
    after = text[end + 1 :].strip()
    question_raw = text[:start].rstrip() + (" _____ " + after if after else "")
    fmt, question_raw = _gift_text(question_raw.strip())
    question_html = to_html(_unescape(question_raw).strip(), "html" if fmt == "html" else fmt)
    title = title or to_plain(question_html)[:80] or _("Soal %(n)s") % {"n": number}
    general = ""
    if "####" in answer_text:
        answer_text, _sep, general = answer_text.rpartition("####")
        general = _unescape(general).strip()
    answer_text = answer_text.strip()
    parsed = ParsedQuestion(
        number=number, title=title, text=question_html, kind="", answer={}, explanation=plain_to_html(general)
    )
    if not answer_text:
        return ImportProblem(number, title, _("Soal esai tidak didukung: tidak dapat dinilai otomatis."))
    try:
        if answer_text.startswith("#"):
            return _gift_numeric(parsed, answer_text[1:])
        if "~" in answer_text:
            return _gift_choice(parsed, answer_text)
        if "=" in answer_text and "->" in answer_text:
            return _gift_matching(parsed, answer_text)
        head = answer_text.split("#", 1)[0].strip()
        if head in ("T", "TRUE", "F", "FALSE"):
            return _gift_truefalse(parsed, answer_text)
        return _gift_short(parsed, answer_text)
    except (InvalidOperation, ValueError):
        return ImportProblem(
            number, title, _("Angka jawaban tidak terbaca (paling banyak enam angka di belakang koma).")
        )


def _gift_answers(answer_text: str, separators: str) -> list[str]:
    parts = re.split(f"(?=[{re.escape(separators)}])", answer_text)
    return [p.strip() for p in parts if p.strip()]


def _gift_choice(parsed: ParsedQuestion, answer_text: str):
    choices = []
    multiple_hint = "=" not in answer_text
    for part in _gift_answers(answer_text, "~="):
        marker, body = part[0], part[1:].strip()
        weight, body = _split_weight(body)
        if weight is None:
            weight = Decimal(1) if marker == "=" else Decimal(0)
        text, feedback = _split_feedback(body)
        choices.append((to_plain(_unescape(text)), weight, to_plain(_unescape(feedback))))
    built = build_choice_question(choices=choices, multiple_hint=multiple_hint, notes=parsed.notes)
    if isinstance(built, str):
        return ImportProblem(parsed.number, parsed.title, built)
    parsed.kind, parsed.answer = built
    return parsed


def _gift_matching(parsed: ParsedQuestion, answer_text: str):
    pairs, distractors = [], []
    for part in _gift_answers(answer_text, "="):
        body = part[1:]
        if "->" not in body:
            return ImportProblem(
                parsed.number, parsed.title, _("Pasangan menjodohkan harus ditulis “pernyataan -> jawaban”.")
            )
        prompt, _arrow, answer = body.partition("->")
        prompt, answer = to_plain(_unescape(prompt)), to_plain(_unescape(answer))
        if not answer:
            continue
        if prompt:
            pairs.append(_item({"prompt": prompt, "answer": answer}))
        else:
            distractors.append(_item(answer))
    if len(pairs) < 2:
        return ImportProblem(parsed.number, parsed.title, _("Soal menjodohkan perlu paling sedikit dua pasangan."))
    parsed.kind, parsed.answer = "matching", {"pairs": pairs, "distractors": distractors}
    return parsed


def _gift_truefalse(parsed: ParsedQuestion, answer_text: str):
    head, *feedback = [part.strip() for part in answer_text.split("#")]
    parsed.kind, parsed.answer = "truefalse", {"answer": "true" if head in ("T", "TRUE") else "false"}
    if feedback:
        parsed.feedback_incorrect = to_plain(_unescape(feedback[0]))
    if len(feedback) > 1:
        parsed.feedback_correct = to_plain(_unescape(feedback[1]))
    return parsed


def _gift_short(parsed: ParsedQuestion, answer_text: str):
    accepted = []
    for part in _gift_answers(answer_text, "="):
        weight, body = _split_weight(part[1:].strip())
        text, feedback = _split_feedback(body)
        if weight is not None and weight < 1:
            parsed.notes.append(
                _("Jawaban “%(text)s” bernilai sebagian di Moodle; tidak diterima di Sinau.")
                % {"text": to_plain(_unescape(text))}
            )
            continue
        if feedback:
            parsed.notes.append(_("Umpan balik per jawaban isian tidak diimpor."))
        accepted.append(_item(to_plain(_unescape(text))))
    if not accepted:
        return ImportProblem(parsed.number, parsed.title, _("Tidak ada jawaban yang bernilai penuh."))
    parsed.kind, parsed.answer = "shorttext", {"answers": accepted}
    return parsed


def _numeric_answer(parsed: ParsedQuestion, text: str) -> dict:
    if ".." in text:
        low, high = (_gift_number(x) for x in text.split("..", 1))
        answer, tolerance = (low + high) / 2, (high - low) / 2
    elif ":" in text:
        value, tol = text.split(":", 1)
        answer, tolerance = _gift_number(value), abs(_gift_number(tol))
    else:
        answer, tolerance = _gift_number(text), Decimal(0)
    return {
        "answer": indonesian_number(answer),
        "tolerance": indonesian_number(tolerance),
        "tolerance_kind": "absolute",
        "unit": "none",
    }


def _gift_numeric(parsed: ParsedQuestion, answer_text: str):
    wrong_feedback = ""
    if "~" in answer_text:
        answer_text, _tilde, wrong_feedback = answer_text.partition("~")
    parts = _gift_answers(answer_text, "=") if "=" in answer_text else ["=" + answer_text.strip()]
    chosen = None
    for part in parts:
        weight, body = _split_weight(part[1:].strip())
        text, _feedback = _split_feedback(body)
        if weight is not None and weight < 1:
            parsed.notes.append(_("Jawaban angka bernilai sebagian tidak diimpor."))
            continue
        if chosen is None:
            chosen = _numeric_answer(parsed, _unescape(text))
        else:
            parsed.notes.append(_("Hanya satu jawaban angka bernilai penuh yang diimpor."))
    if chosen is None:
        return ImportProblem(parsed.number, parsed.title, _("Tidak ada jawaban angka yang bernilai penuh."))
    if wrong_feedback:
        parsed.feedback_incorrect = to_plain(_unescape(wrong_feedback.lstrip("#")))
    parsed.kind, parsed.answer = "numeric", chosen
    return parsed


def parse_gift(text: str) -> tuple[list[ParsedQuestion], list[ImportProblem], list[str]]:
    questions, problems, general = [], [], []
    number = 0
    for line, block in _gift_blocks(text):
        if block.strip().startswith("$CATEGORY:"):
            general.append(
                _("Baris $CATEGORY (baris %(line)s) diabaikan: semua soal masuk ke kategori yang dipilih.")
                % {"line": line}
            )
            continue
        number += 1
        result = parse_gift_question(number, block)
        if isinstance(result, ImportProblem):
            problems.append(result)
        elif result is not None:
            questions.append(result)
    return questions, problems, general


# --- Moodle XML ----------------------------------------------------------------------------

UNSUPPORTED_XML = {
    "essay": gettext_lazy("Soal esai tidak didukung: tidak dapat dinilai otomatis."),
    "description": gettext_lazy("Deskripsi tanpa jawaban: bukan soal, tidak diimpor."),
    "cloze": gettext_lazy("Soal cloze (isian bertingkat) belum didukung."),
    "multianswer": gettext_lazy("Soal cloze (isian bertingkat) belum didukung."),
    "calculated": gettext_lazy("Soal hitungan dengan rumus (calculated) belum didukung."),
    "calculatedsimple": gettext_lazy("Soal hitungan dengan rumus (calculated) belum didukung."),
    "calculatedmulti": gettext_lazy("Soal hitungan dengan rumus (calculated) belum didukung."),
    "ddwtos": gettext_lazy("Soal seret dan lepas belum didukung."),
    "ddimageortext": gettext_lazy("Soal seret dan lepas belum didukung."),
    "ddmarker": gettext_lazy("Soal seret dan lepas belum didukung."),
    "gapselect": gettext_lazy("Soal pilih isian belum didukung."),
    "randomsamatch": gettext_lazy("Soal menjodohkan acak belum didukung."),
}


def _xml_text(element, path: str) -> tuple[str, str]:
    """(format, text) of `path`'s <text> (format from the element's attribute)."""
    node = element.find(path) if path else element
    if node is None:
        return "html", ""
    text_node = node.find("text")
    return node.get("format", "html"), (text_node.text or "") if text_node is not None else ""


def _xml_plain(element, path: str) -> str:
    fmt, text = _xml_text(element, path)
    return to_plain(text) if fmt == "html" else " ".join(text.split())


def _xml_fraction(answer) -> Decimal:
    return Decimal(answer.get("fraction", "0") or "0") / 100


def parse_moodle_xml_question(number: int, element) -> ParsedQuestion | ImportProblem:
    qtype = element.get("type", "")
    title = _xml_plain(element, "name")
    fmt, text = _xml_text(element, "questiontext")
    snippet = title or to_plain(text)[:60] or _("Soal %(n)s") % {"n": number}
    if qtype in UNSUPPORTED_XML:
        return ImportProblem(number, snippet, str(UNSUPPORTED_XML[qtype]))
    if qtype not in ("multichoice", "truefalse", "shortanswer", "numerical", "match"):
        return ImportProblem(number, snippet, _("Jenis soal “%(type)s” tidak didukung.") % {"type": qtype})
    parsed = ParsedQuestion(number=number, title=snippet[:200], text=to_html(text, fmt), kind="", answer={})
    gfmt, general = _xml_text(element, "generalfeedback")
    parsed.explanation = to_html(general, gfmt) if general.strip() else ""
    grade = element.findtext("defaultgrade")
    try:
        parsed.points = Decimal(grade).quantize(Decimal("0.01")) if grade else Decimal("1")
        if parsed.points <= 0:
            return ImportProblem(number, snippet, _("Nilai soal (defaultgrade) harus lebih dari nol."))
        answers = element.findall("answer")
        if qtype == "multichoice":
            single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
            choices = [(_xml_plain(a, ""), _xml_fraction(a), _xml_plain(a, "feedback")) for a in answers]
            built = build_choice_question(choices=choices, multiple_hint=not single, notes=parsed.notes)
            if isinstance(built, str):
                return ImportProblem(number, snippet, built)
            parsed.kind, parsed.answer = built
            parsed.feedback_correct = _xml_plain(element, "correctfeedback")
            parsed.feedback_incorrect = _xml_plain(element, "incorrectfeedback")
        elif qtype == "truefalse":
            right = next((a for a in answers if _xml_fraction(a) >= 1), None)
            if right is None:
                return ImportProblem(number, snippet, _("Tidak ada jawaban yang bernilai benar."))
            value = (right.findtext("text") or "").strip().lower()
            if value not in ("true", "false"):
                return ImportProblem(number, snippet, _("Jawaban benar/salah harus “true” atau “false”."))
            parsed.kind, parsed.answer = "truefalse", {"answer": value}
        elif qtype == "shortanswer":
            accepted = []
            for a in answers:
                text_value = " ".join((a.findtext("text") or "").split())
                if _xml_fraction(a) < 1:
                    parsed.notes.append(
                        _("Jawaban “%(text)s” bernilai sebagian di Moodle; tidak diterima di Sinau.")
                        % {"text": text_value}
                    )
                    continue
                accepted.append(_item(text_value))
            if (element.findtext("usecase") or "0").strip() == "1":
                parsed.notes.append(_("Moodle membedakan huruf besar/kecil; Sinau tidak."))
            if not accepted:
                return ImportProblem(number, snippet, _("Tidak ada jawaban yang bernilai penuh."))
            parsed.kind, parsed.answer = "shorttext", {"answers": accepted}
        elif qtype == "numerical":
            full = [a for a in answers if _xml_fraction(a) >= 1 and (a.findtext("text") or "").strip() not in ("", "*")]
            if not full:
                return ImportProblem(number, snippet, _("Tidak ada jawaban angka yang bernilai penuh."))
            if len(full) > 1 or len(full) < len(
                [a for a in answers if (a.findtext("text") or "").strip() not in ("", "*")]
            ):
                parsed.notes.append(_("Hanya satu jawaban angka bernilai penuh yang diimpor."))
            value = _gift_number(full[0].findtext("text"))
            tolerance = abs(_gift_number(full[0].findtext("tolerance") or "0"))
            if element.find("units/unit") is not None:
                parsed.notes.append(_("Satuan (units) Moodle tidak diimpor."))
            parsed.kind, parsed.answer = (
                "numeric",
                {
                    "answer": indonesian_number(value),
                    "tolerance": indonesian_number(tolerance),
                    "tolerance_kind": "absolute",
                    "unit": "none",
                },
            )
        elif qtype == "match":
            pairs, distractors = [], []
            for sub in element.findall("subquestion"):
                prompt = _xml_plain(sub, "")
                answer = " ".join((sub.findtext("answer/text") or "").split())
                if not answer:
                    continue
                if prompt:
                    pairs.append(_item({"prompt": prompt, "answer": answer}))
                else:
                    distractors.append(_item(answer))
            if len(pairs) < 2:
                return ImportProblem(number, snippet, _("Soal menjodohkan perlu paling sedikit dua pasangan."))
            parsed.kind, parsed.answer = "matching", {"pairs": pairs, "distractors": distractors}
    except (InvalidOperation, ValueError, TypeError):
        return ImportProblem(
            number, snippet, _("Angka dalam soal ini tidak terbaca (paling banyak enam angka di belakang koma).")
        )
    if element.find("questiontext/file") is not None or "@@PLUGINFILE@@" in text:
        parsed.notes.append(_("Berkas/gambar di dalam soal tidak diimpor."))
    return parsed


def parse_moodle_xml(text: str) -> tuple[list[ParsedQuestion], list[ImportProblem], list[str]]:
    try:
        root = ElementTree.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        return [], [ImportProblem(0, "", _("Berkas XML tidak dapat dibaca: %(error)s") % {"error": error})], []
    if root.tag != "quiz":
        return [], [ImportProblem(0, "", _("Bukan berkas Moodle XML: elemen utamanya harus <quiz>."))], []
    questions, problems, general = [], [], []
    number = 0
    for element in root.findall("question"):
        if element.get("type") == "category":
            general.append(
                _("Kategori Moodle “%(name)s” diabaikan: semua soal masuk ke kategori yang dipilih.")
                % {"name": (element.findtext("category/text") or "").strip()}
            )
            continue
        number += 1
        result = parse_moodle_xml_question(number, element)
        (problems if isinstance(result, ImportProblem) else questions).append(result)
    return questions, problems, general


# --- Import --------------------------------------------------------------------------------


def detect_format(text: str, filename: str = "") -> str:
    head = text.lstrip()[:200].lower()
    if filename.lower().endswith(".xml") or head.startswith("<?xml") or head.startswith("<quiz"):
        return "xml"
    return "gift"


def import_questions(*, category, text: str, filename: str = "", user=None) -> ImportReport:
    """Parse `text` (GIFT or Moodle XML) and create every importable question in `category`, in one
    transaction, each checked by the same block validation as the admin form; versions recorded."""
    from .services import record_question_version

    fmt = detect_format(text, filename)
    questions, problems, general = parse_moodle_xml(text) if fmt == "xml" else parse_gift(text)
    report = ImportReport(format=fmt, problems=list(problems))
    report.notes += [(0, "", note) for note in general]
    if len(questions) > MAX_QUESTIONS:
        report.problems.append(ImportProblem(0, "", _("Paling banyak %(n)s soal sekali impor.") % {"n": MAX_QUESTIONS}))
        return report
    block = AnswerBlock()
    with transaction.atomic():
        for parsed in questions:
            try:
                value = block.to_python([{"type": parsed.kind, "value": parsed.answer}])
                block.clean(value)
            except ValidationError as error:
                report.problems.append(ImportProblem(parsed.number, parsed.title, "; ".join(_messages(error))))
                continue
            question = Question(
                category=category,
                title=parsed.title[:200],
                text=parsed.text or "<p>?</p>",
                answer=[{"type": parsed.kind, "value": parsed.answer}],
                points=parsed.points,
                feedback_correct=parsed.feedback_correct,
                feedback_incorrect=parsed.feedback_incorrect,
                explanation=parsed.explanation,
                created_by=user,
            )
            question.save()
            record_question_version(question=question, user=user)
            report.created.append(question)
            report.notes += [(parsed.number, parsed.title, note) for note in dict.fromkeys(parsed.notes)]
    report.problems.sort(key=lambda p: p.number)
    return report


def _messages(error: ValidationError) -> list[str]:
    block_errors = getattr(error, "block_errors", None)
    if block_errors:
        out = []
        for value in block_errors.values() if isinstance(block_errors, dict) else block_errors:
            out += _messages(value) if isinstance(value, ValidationError) else [str(value)]
        return out or [str(m) for m in error.messages]
    return [str(m) for m in error.messages]
