"""Checks on the written four-day curriculum: structure, length, HTML, and balanced journal examples."""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from courses.content import CURRICULUM, lesson_word_count
from courses.content.sources import KNOWN_REGULATIONS, LAW_STATEMENTS
from ledger.charts import DEFAULT_ACCOUNTS
from ledger.shu import EXAMPLE_COMPONENTS, MemberShuInput, allocate_shu, members_shu_part

# Postable accounts of the ledger's default chart (codes are the identity; names must match exactly), so the
# lessons teach the accounts trainees find in their practice books.
CHART = {code: name for code, name, _group, _side, postable, _sub, _parent in DEFAULT_ACCOUNTS if postable}
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
    assert [len(module["lessons"]) for module in CURRICULUM] == [7, 6, 7, 7]


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


def _lesson(slug):
    return next(lesson for _module, lesson in LESSONS if lesson["slug"] == slug)


def _block_text(name, value) -> str:
    if name in ("heading",):
        return value
    if name == "paragraph":
        return value
    if name == "callout":
        return value["text"]
    if name == "glossary":
        return value["term"] + " " + value["definition"]
    return value["caption"] + " " + " ".join(line["memo"] for line in value["lines"])


def _lesson_text(lesson) -> str:
    return " ".join(_block_text(name, value) for name, value in lesson["body"])


def test_day_three_teaches_with_journal_examples_and_the_shu_example():
    day3 = CURRICULUM[2]
    assert all(_journal_examples(lesson) for lesson in day3["lessons"])
    text = " ".join(_lesson_text(lesson) for lesson in day3["lessons"])
    for figure in ("Rp 70.000.000", "Rp 60.000.000", "Rp 240.000.000", "Rp 1.800.000.000", "Rp 90.000", "Rp 270.000"):
        assert figure in text
    assert "Pasal 41" in text and "Pasal 45" in text
    assert "setengah ke atas" in text


NEW_LESSONS = [
    "menyiapkan-rapat-anggota-tahunan",
    "koperasi-produsen-dan-pemasaran",
    "pajak-koperasi",
    "tata-kelola-dan-pengendalian-kecurangan",
    "registrasi-dan-pelaporan-kelembagaan",
]


@pytest.mark.parametrize("slug", NEW_LESSONS)
def test_the_five_new_lessons_are_350_to_550_words(slug):
    assert 350 <= lesson_word_count(_lesson(slug)) <= 550


@pytest.mark.parametrize("statement", LAW_STATEMENTS, ids=lambda s: f"{s.lesson}:{s.source}")
def test_each_law_statement_names_its_source_next_to_the_claim(statement):
    """The claim and its pasal/regulation sit in the same block of the lesson; an unchecked one says so."""
    lesson = _lesson(statement.lesson)
    blocks = [_block_text(name, value) for name, value in lesson["body"]]
    assert any(statement.claim in block and statement.source in block for block in blocks), statement
    if not statement.checked:
        assert any("belum kami cocokkan" in block and statement.source in block for block in blocks), statement
    else:
        assert statement.seen_at


REGULATION = re.compile(r"(UU No\. \d+/\d{4}|PP No\. \d+/\d{4}|Permenkop UKM No\. \d+/\d{4})")


@pytest.mark.parametrize(("module", "lesson"), LESSONS, ids=LESSON_IDS)
def test_every_cited_regulation_is_a_known_one(module, lesson):
    for citation in REGULATION.findall(_lesson_text(lesson)):
        assert citation in KNOWN_REGULATIONS, citation


def test_no_lesson_repeats_the_corrected_errors():
    text = " ".join(_lesson_text(lesson) for _module, lesson in LESSONS)
    for wrong in ("sekurang-kurangnya 20", "tiga anggota pendiri", "180 pesanan", "gaji dua karyawan Rp 4.000.000"):
        assert wrong not in text
    founding = _lesson_text(_lesson("mendirikan-koperasi-dan-status-badan-hukum"))
    assert "paling sedikit oleh 9 orang" in founding and "mengikuti ketentuan yang berlaku" not in founding
    # UU No. 17/2012 only ever appears as annulled; SAK ETAP only as replaced.
    law = _lesson_text(_lesson("dasar-hukum-koperasi"))
    assert "dibatalkan" in law and "menggantikan SAK ETAP" in law


def test_the_shu_lesson_works_from_shu_after_tax_to_the_members_part():
    """The lesson's figures are what the ledger computes: members' part, components, each member's share."""
    statement = type("Phu", (), {})()
    statement.shu_after_tax, statement.member_margin, statement.non_member_margin = (
        Decimal("70000000"),
        Decimal("240000000"),
        Decimal("40000000"),
    )
    part = members_shu_part(statement)
    assert part.amount == Decimal("60000000")
    # SHU before tax 80 juta less the final 0,5% on a 2 miliar turnover is the 70 juta after tax.
    assert Decimal("80000000") - Decimal("2000000000") * Decimal("0.005") == statement.shu_after_tax
    members = [
        MemberShuInput("J", "Pak Joko", Decimal("2400000"), Decimal("18000000")),
        MemberShuInput("S", "Bu Sri", Decimal("2300000"), Decimal("12345650")),
        MemberShuInput("L", "lainnya", Decimal("235300000"), Decimal("1769654350")),
    ]
    allocation = allocate_shu(shu_amount=part.amount, components=EXAMPLE_COMPONENTS, members=members)
    joko, sri = allocation.member("J"), allocation.member("S")
    assert (joko.jasa_modal, joko.jasa_usaha, joko.total) == (Decimal("90000"), Decimal("180000"), Decimal("270000"))
    assert (sri.jasa_modal, sri.jasa_usaha, sri.total) == (Decimal("86250"), Decimal("123457"), Decimal("209707"))
    text = _lesson_text(_lesson("shu-dan-pembagian-per-anggota"))
    for figure in (
        "Rp 80.000.000",
        "Rp 10.000.000",
        "Rp 70.000.000",
        "Rp 60.000.000",
        "Rp 24.000.000",
        "Rp 18.000.000",
        "Rp 9.000.000",
        "Rp 86.250",
        "Rp 123.457",
        "Rp 209.707",
        "Rp 270.000",
    ):
        assert figure in text, figure
    amounts = {c.key: c.amount for c in allocation.components}
    # The RAT's journal: non-members' part and 40% of the members' part to reserves, JUA + JMA to members.
    [distribution] = [e for e in _journal_examples(_lesson("shu-dan-pembagian-per-anggota")) if "RAT" in e["caption"]]
    credits = {line["account_code"]: Decimal(line["credit"]) for line in distribution["lines"]}
    assert credits["3105"] == amounts["cadangan"] + (statement.shu_after_tax - part.amount)
    assert credits["2103"] == amounts["jasa_usaha"] + amounts["jasa_modal"]


def test_the_statements_lesson_trial_balance_and_shu_after_tax_agree():
    lesson = _lesson("neraca-saldo-dan-laporan-keuangan")
    [closing] = [e for e in _journal_examples(lesson) if e["caption"] == "Jurnal penutup akhir tahun"]
    lines = {line["account_code"]: line for line in closing["lines"]}
    revenue = sum(Decimal(line["debit"]) for line in closing["lines"])
    expenses = sum(Decimal(line["credit"]) for code, line in lines.items() if code != "3106")
    shu_after_tax = Decimal(lines["3106"]["credit"])
    assert revenue - expenses == shu_after_tax == Decimal("8200000")
    tax = Decimal(lines["5201"]["credit"])
    assert tax == Decimal("960000000") * Decimal("0.005") == revenue * Decimal("0.005")
    member_margin = Decimal(lines["4101"]["debit"]) - Decimal(lines["5101"]["credit"])
    non_member_margin = Decimal(lines["4102"]["debit"]) - Decimal(lines["5108"]["credit"])
    statement = type(
        "Phu",
        (),
        {"shu_after_tax": shu_after_tax, "member_margin": member_margin, "non_member_margin": non_member_margin},
    )()
    assert members_shu_part(statement).amount == Decimal("6560000")
    text = _lesson_text(lesson)
    for figure in ("Rp 92.160.000", "Rp 23.040.000", "Rp 6.560.000", "Rp 1.057.800.000"):
        assert figure in text
    # The trial balance as listed balances.
    debit = [
        8500000,
        21000000,
        4500000,
        60000000,
        12000000,
        675840000,
        168960000,
        80600000,
        12000000,
        7200000,
        2400000,
        4800000,
    ]
    credit = [2400000, 6000000, 20000000, 400000, 6000000, 30000000, 18000000, 15000000, 768000000, 192000000]
    assert sum(debit) == sum(credit) == 1057800000


def test_journal_lines_on_member_income_name_the_member():
    """Credits to 4101/4103 name the member in the memo, as the ledger demands of a posted line."""
    for _module, lesson in LESSONS:
        for example in _journal_examples(lesson):
            for line in example["lines"]:
                if line["account_code"] in ("4101", "4103") and line["credit"] != "0" and "Menutup" not in line["memo"]:
                    assert re.search(r"(Bu|Pak) |anggota \d+", line["memo"]), (lesson["slug"], line)


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
