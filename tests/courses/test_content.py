"""Checks on the written four-day curriculum: structure, length, HTML, and balanced journal examples."""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from courses.content import CURRICULUM, lesson_word_count

# Postable accounts of the shared chart (codes are the identity; names must match exactly).
CHART = {
    "1101": "Kas",
    "1102": "Bank",
    "1103": "Piutang Anggota",
    "1104": "Piutang Non-Anggota",
    "1105": "Persediaan Barang Dagangan",
    "1106": "Perlengkapan",
    "1201": "Aset Tetap",
    "1202": "Akumulasi Penyusutan Aset Tetap",
    "2101": "Simpanan Sukarela",
    "2102": "Utang Usaha",
    "2103": "Utang SHU Anggota",
    "2104": "Dana Pengurus",
    "2105": "Dana Karyawan",
    "2106": "Dana Pendidikan",
    "2107": "Dana Sosial",
    "2201": "Utang Bank",
    "3101": "Simpanan Pokok",
    "3102": "Simpanan Wajib",
    "3103": "Modal Penyertaan",
    "3104": "Hibah/Donasi",
    "3105": "Cadangan",
    "3106": "SHU Tahun Berjalan",
    "4101": "Partisipasi Bruto Anggota",
    "4102": "Penjualan Non-Anggota",
    "4103": "Pendapatan Jasa Pinjaman",
    "4104": "Pendapatan Lain-lain",
    "5101": "Beban Pokok Penjualan",
    "5102": "Beban Gaji",
    "5103": "Beban Sewa",
    "5104": "Beban Listrik & Air",
    "5105": "Beban Penyusutan",
    "5106": "Beban Perkoperasian (RAT, Pendidikan)",
    "5107": "Beban Bunga",
}
BLOCK_NAMES = {"heading", "paragraph", "callout", "journal_example", "glossary"}
ALLOWED_TAGS = {"p", "b", "i", "ul", "ol", "li", "h3"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

LESSONS = [(module, lesson) for module in CURRICULUM for lesson in module["lessons"]]
LESSON_IDS = [lesson["slug"] for _, lesson in LESSONS]


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _html_fragments(lesson):
    for name, value in lesson["body"]:
        if name == "paragraph":
            yield value
        elif name == "callout":
            yield value["text"]
        elif name == "glossary":
            yield value["definition"]


def _journal_examples(lesson):
    return [value for name, value in lesson["body"] if name == "journal_example"]


def test_four_modules_one_per_day():
    assert [module["day"] for module in CURRICULUM] == [1, 2, 3, 4]
    for module in CURRICULUM:
        assert module["title"].startswith(f"Hari {module['day']} — ")
        assert module["summary"].strip()


@pytest.mark.parametrize("module", CURRICULUM, ids=lambda m: m["slug"])
def test_every_day_has_at_least_five_lessons(module):
    assert len(module["lessons"]) >= 5


def test_curriculum_lesson_counts_match_the_outline():
    assert [len(module["lessons"]) for module in CURRICULUM] == [6, 5, 6, 5]


def test_slugs_are_unique_and_slug_shaped():
    slugs = [module["slug"] for module in CURRICULUM] + LESSON_IDS
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert SLUG.match(slug), slug


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_lesson_has_required_fields(module, lesson):
    assert lesson["title"].strip()
    assert lesson["summary"].strip()
    assert isinstance(lesson["minutes"], int) and 5 <= lesson["minutes"] <= 10
    assert lesson["required"] is True


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_lesson_has_at_least_300_words(module, lesson):
    assert lesson_word_count(lesson) >= 300


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_lesson_uses_only_known_blocks_and_has_its_parts(module, lesson):
    names = [name for name, _ in lesson["body"]]
    assert set(names) <= BLOCK_NAMES
    headings = [value for name, value in lesson["body"] if name == "heading"]
    assert 2 <= len(headings) <= 5
    assert headings[-1] == "Ringkasan"
    assert "callout" in names
    for name, value in lesson["body"]:
        if name == "callout":
            assert value["kind"] in {"tip", "warning"}
    # The lesson ends with a summary list and a reflective question.
    last_name, last_value = lesson["body"][-1]
    assert last_name == "paragraph" and "?" in last_value


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_html_uses_only_allowed_tags_without_attributes(module, lesson):
    for fragment in _html_fragments(lesson):
        collector = _TagCollector()
        collector.feed(fragment)
        collector.close()
        assert set(collector.tags) <= ALLOWED_TAGS, fragment
        assert collector.attrs == [], fragment
        assert fragment.lstrip().startswith("<"), fragment


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_journal_examples_balance_and_use_the_chart(module, lesson):
    for example in _journal_examples(lesson):
        assert example["caption"].strip()
        assert len(example["lines"]) >= 2
        debit = credit = Decimal(0)
        for line in example["lines"]:
            assert CHART.get(line["account_code"]) == line["account_name"], line
            assert line["debit"].isdigit() and line["credit"].isdigit(), line
            line_debit, line_credit = Decimal(line["debit"]), Decimal(line["credit"])
            # Exactly one side per line, as the ledger grader demands.
            assert (line_debit > 0) != (line_credit > 0), line
            debit += line_debit
            credit += line_credit
        assert debit == credit, example["caption"]


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_texts_fit_the_stream_block_limits(module, lesson):
    # Limits of the CharBlocks in courses/blocks.py, so the loader never truncates or rejects a block.
    assert len(lesson["title"]) <= 255 and len(lesson["slug"]) <= 255
    for name, value in lesson["body"]:
        if name == "heading":
            assert len(value) <= 200, value
        elif name == "glossary":
            assert len(value["term"]) <= 120, value["term"]
        elif name == "journal_example":
            assert len(value["caption"]) <= 200, value["caption"]
            for line in value["lines"]:
                assert len(line["account_name"]) <= 120
                assert len(line["memo"]) <= 200, line["memo"]


def test_day_three_teaches_with_journal_examples_and_the_shu_example():
    day3 = CURRICULUM[2]
    assert all(_journal_examples(lesson) for lesson in day3["lessons"])
    text = " ".join(
        value if isinstance(value, str) else str(value) for lesson in day3["lessons"] for _, value in lesson["body"]
    )
    for figure in ("Rp 60.000.000", "Rp 40.000.000", "Rp 300.000.000", "Rp 600.000", "Rp 1.200.000"):
        assert figure in text
    assert "Pasal 41" in text and "Pasal 45" in text
    assert "setengah ke atas" in text


def test_word_count_strips_tags_and_ignores_amounts():
    lesson = {
        "body": [
            ("heading", "Dua kata"),
            ("paragraph", "<p>Satu <b>dua</b></p><ul><li>tiga</li><li>empat</li></ul>"),
            ("callout", {"kind": "tip", "text": "<p>lima — enam</p>"}),
            ("glossary", {"term": "SHU", "definition": "<p>sisa hasil usaha</p>"}),
            (
                "journal_example",
                {
                    "caption": "contoh",
                    "lines": [
                        {"account_code": "1101", "account_name": "Kas", "debit": "1", "credit": "0", "memo": "x"},
                    ],
                },
            ),
        ]
    }
    # 2 + 4 + 2 + 1 + 3 + caption 1 + name 1 + memo 1
    assert lesson_word_count(lesson) == 15
