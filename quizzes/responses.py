"""The attempt form, both ways: the layout drawn at start (shuffled options), and reading posted
fields back into the stored answer "as given", with a clear message for each bad input.

Field names (one form for all questions; works without JavaScript):
- `soal`: one hidden field per question shown (its position); answers are only read for these;
- `q<n>`: single choice (option id), multiple choice (option ids), true/false ("true"/"false"),
  numeric and short text (the text typed);
- `q<n>-p<i>`: matching, statement i (in the layout's order) → option index;
- `q<n>-akun-<i>`, `q<n>-debit-<i>`, `q<n>-kredit-<i>`: journal task row i;
- `q<n>-m<i>` (SHU of member i) or `q<n>-m<i>-jm` / `q<n>-m<i>-ju` (jasa modal / jasa usaha).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from lms.formatting import format_rupiah, rupiah_forms_hint

from .grading import numeric_decimals, read_number

MAX_TEXT = 500
MAX_AMOUNT = 40
FIELD_RE = re.compile(r"^q(\d+)(?:-|$)")


def make_layout(spec: dict, *, shuffle: bool, rng: random.Random) -> dict:
    """The order a trainee sees options in, fixed for the attempt."""
    kind, data = spec["kind"], spec["data"]
    if kind in ("single", "multiple"):
        order = [c["id"] for c in data["choices"]]
        if shuffle:
            rng.shuffle(order)
        return {"order": order}
    if kind == "matching":
        prompts = [p["id"] for p in data["pairs"]]
        options = list(data["options"])
        if shuffle:
            rng.shuffle(prompts)
        rng.shuffle(options)  # never in the pairs' order, or the answer would show
        return {"prompts": prompts, "options": options}
    return {}


@dataclass
class ReadResult:
    responses: dict[int, dict] = field(default_factory=dict)  # position → response to store
    problems: dict[int, list[str]] = field(default_factory=dict)  # position → messages
    general: list[str] = field(default_factory=list)

    def add(self, position: int, message: str):
        self.problems.setdefault(position, []).append(message)


def _one(data, name) -> str:
    return str(data.get(name, "") or "")


def _too_long(text: str, limit: int) -> bool:
    return len(text) > limit


def read_answer(*, spec: dict, layout: dict, position: int, data, result: ReadResult, previous) -> None:
    """Read one question's fields from `data` (a QueryDict) into `result`."""
    kind, qdata = spec["kind"], spec["data"]
    name = f"q{position}"
    if kind in ("single", "multiple"):
        known = set(layout.get("order") or [c["id"] for c in qdata["choices"]])
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [v for v in values if v]
        if any(v not in known for v in values) or (kind == "single" and len(values) > 1):
            result.add(position, _("Pilihan yang dikirim tidak ada pada soal ini; jawaban sebelumnya tetap."))
            return
        response = {"choice": values[0] if values else ""} if kind == "single" else {"choices": values}
    elif kind == "truefalse":
        value = _one(data, name)
        if value not in ("", "true", "false"):
            result.add(position, _("Pilihan yang dikirim tidak ada pada soal ini; jawaban sebelumnya tetap."))
            return
        response = {"value": value}
    elif kind in ("numeric", "shorttext"):
        text = _one(data, name)
        if _too_long(text, MAX_TEXT):
            result.add(position, _("Jawaban terlalu panjang (paling banyak %(n)s huruf).") % {"n": MAX_TEXT})
            return
        decimals = numeric_decimals(qdata)
        if kind == "numeric" and text.strip() and read_number(text, max_decimals=decimals) is None:
            result.add(
                position,
                _(
                    "Jawaban soal ini harus berupa angka. %(rule)s Jawaban tersimpan apa adanya, tetapi akan "
                    "dinilai salah bila tidak diperbaiki."
                )
                % {"rule": rupiah_forms_hint(max_decimals=decimals)},
            )
        response = {"text": text}
    elif kind == "matching":
        options = layout.get("options") or qdata["options"]
        prompts = layout.get("prompts") or [p["id"] for p in qdata["pairs"]]
        matches = {}
        for index, pair_id in enumerate(prompts):
            raw = _one(data, f"{name}-p{index}")
            if raw == "":
                matches[pair_id] = ""
                continue
            if not raw.isdigit() or int(raw) >= len(options):
                result.add(position, _("Pilihan yang dikirim tidak ada pada soal ini; jawaban sebelumnya tetap."))
                return
            matches[pair_id] = options[int(raw)]
        response = {"matches": matches}
    elif kind == "journal":
        response = _read_journal(qdata, name, position, data, result)
        if response is None:
            return
    elif kind == "shu":
        response = _read_shu(qdata, name, position, data, result)
        if response is None:
            return
    else:
        return
    if response != previous:
        result.responses[position] = response


def _read_journal(qdata, name, position, data, result) -> dict | None:
    codes = {code for code, _name in qdata["accounts"]}
    rows = []
    for i in range(int(qdata.get("rows", 4))):
        account = _one(data, f"{name}-akun-{i}").strip()
        debit = _one(data, f"{name}-debit-{i}").strip()
        credit = _one(data, f"{name}-kredit-{i}").strip()
        if any(_too_long(v, MAX_AMOUNT) for v in (account, debit, credit)):
            result.add(position, _("Isian baris %(n)s terlalu panjang.") % {"n": i + 1})
            return None
        if account or debit or credit:
            rows.append({"account": account, "debit": debit, "credit": credit})
    totals = {"D": Decimal("0"), "C": Decimal("0")}
    for index, row in enumerate(rows, start=1):
        if row["account"] and row["account"] not in codes:
            result.add(
                position,
                _("Baris %(n)s: akun %(code)s tidak ada dalam bagan akun soal ini.")
                % {"n": index, "code": row["account"]},
            )
        if not row["account"]:
            result.add(position, _("Baris %(n)s: pilih akunnya.") % {"n": index})
        if row["debit"] and row["credit"]:
            result.add(position, _("Baris %(n)s: isi debit ATAU kredit, bukan keduanya.") % {"n": index})
        for side, key in (("D", "debit"), ("C", "credit")):
            if row[key]:
                amount = read_number(row[key])
                if amount is None or amount < 0:
                    result.add(
                        position,
                        _("Baris %(n)s: jumlah “%(text)s” bukan angka, mis. 1.250.000.")
                        % {"n": index, "text": row[key]},
                    )
                else:
                    totals[side] += amount
    if rows and totals["D"] != totals["C"]:
        result.add(
            position,
            _("Jurnal belum seimbang: debit %(debit)s, kredit %(credit)s.")
            % {"debit": format_rupiah(totals["D"]), "credit": format_rupiah(totals["C"])},
        )
    return {"lines": rows}


def _read_shu(qdata, name, position, data, result) -> dict | None:
    members = {}
    parts = qdata.get("ask") == "parts"
    for i, member in enumerate(qdata["members"]):
        if parts:
            value = {
                "jasa_modal": _one(data, f"{name}-m{i}-jm").strip(),
                "jasa_usaha": _one(data, f"{name}-m{i}-ju").strip(),
            }
            texts = list(value.values())
        else:
            value = _one(data, f"{name}-m{i}").strip()
            texts = [value]
        if any(_too_long(t, MAX_AMOUNT) for t in texts):
            result.add(position, _("Isian anggota %(number)s terlalu panjang.") % {"number": member["number"]})
            return None
        for text in texts:
            if text and read_number(text) is None:
                result.add(
                    position,
                    _("Anggota %(number)s: “%(text)s” bukan angka. %(rule)s")
                    % {"number": member["number"], "text": text, "rule": rupiah_forms_hint()},
                )
        members[member["number"]] = value
    return {"members": members}


def read_form(*, answers, data) -> ReadResult:
    """Read the posted form for an attempt's `answers` (AttemptAnswer rows with their version).

    Only positions listed in `soal` are read; a field or marker for a position the attempt does not
    have is reported and ignored (nothing is stored for it).
    """
    result = ReadResult()
    by_position = {answer.position: answer for answer in answers}
    shown = []
    for raw in data.getlist("soal") if hasattr(data, "getlist") else []:
        if not str(raw).isdigit() or int(raw) not in by_position:
            result.general.append(
                _("Jawaban untuk soal “%(n)s” diabaikan: soal itu tidak ada dalam percobaan ini.") % {"n": raw}
            )
            continue
        shown.append(int(raw))
    strays = sorted(
        {int(m.group(1)) for key in data.keys() if (m := FIELD_RE.match(key)) and int(m.group(1)) not in by_position}
    )
    for position in strays:
        result.general.append(
            _("Jawaban untuk soal nomor %(n)s diabaikan: soal itu tidak ada dalam percobaan ini.") % {"n": position}
        )
    for position in dict.fromkeys(shown):
        answer = by_position[position]
        read_answer(
            spec=answer.version.spec,
            layout=answer.layout or {},
            position=position,
            data=data,
            result=result,
            previous=answer.response,
        )
    return result
