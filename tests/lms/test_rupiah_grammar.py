"""The one grammar for typed Rupiah (`lms.formatting.parse_rupiah`), held by examples and properties,
and the browser's copy (`lms/static/lms/js/rupiah.js`) held to the same answers in Chromium."""

import string
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from lms.formatting import (
    RUPIAH_PATTERN,
    RupiahFormatError,
    RupiahFormField,
    format_rupiah,
    group_thousands,
    parse_rupiah,
)

RUPIAH_JS = Path(settings.BASE_DIR) / "lms" / "static" / "lms" / "js" / "rupiah.js"

ACCEPTED = {
    "0": "0.00",
    "5": "5.00",
    "1250000": "1250000.00",
    "1.250.000": "1250000.00",
    "1.250.000,50": "1250000.50",
    "1.250.000,5": "1250000.50",
    "2.500": "2500.00",
    "999": "999.00",
    "0,75": "0.75",
    "12,5": "12.50",
    "Rp 1.250.000": "1250000.00",
    "Rp1.250.000,05": "1250000.05",
    "rp 500": "500.00",
    "Rp. 5.000": "5000.00",
    "Rp\u00a010.000": "10000.00",
    "  1.000  ": "1000.00",
    "-1.000": "-1000.00",
    "-Rp 1.250.000": "-1250000.00",
    "-0": "0.00",
    "1.000.000.000.000": "1000000000000.00",
}

REFUSED = [
    "",
    "   ",
    "Rp",
    "1.2.3",  # posted as Rp 123 before
    "2.50",  # posted as Rp 2,50 before
    "1 000",  # spaces were dropped before
    "12 34 5",
    "１２３",  # full-width digits
    "١٢٣",  # Arabic-Indic digits
    "१२३",  # Devanagari digits
    "1.000,505",  # three decimals
    "1,2,3",
    "1.000.00",
    "12.34",
    "1000.000",  # a first group longer than three
    "1.00",
    "0.500",  # a leading zero before a group
    "007",
    ",5",
    "1.000,",
    "1.",
    ".5",
    "+1.000",
    "--5",
    "1e6",
    "Infinity",
    "NaN",
    "1_000",
    "Rp Rp 5",
    "5 Rp",
    "1.000 rupiah",
    "satu juta",
    "1,000.00",
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED.items())
def test_accepted_forms_read_exactly(text, expected):
    assert f"{parse_rupiah(text):.2f}" == expected


@pytest.mark.parametrize("text", REFUSED)
def test_refused_forms_raise_with_a_message_listing_the_accepted_forms(text):
    with pytest.raises(RupiahFormatError) as caught:
        parse_rupiah(text)
    assert isinstance(caught.value, ValueError)
    message = caught.value.message
    assert "1.250.000" in message and "1.250.000,50" in message and "Rp 1.250.000" in message


def test_non_text_is_refused():
    for value in (None, 5, Decimal("5")):
        with pytest.raises(ValueError):
            parse_rupiah(value)


money = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False, allow_infinity=False
)


@given(money, st.booleans())
@example(Decimal("0.05"), True)
@example(Decimal("-1250000.50"), True)
def test_format_then_parse_gives_the_amount_back(amount, with_symbol):
    assert parse_rupiah(format_rupiah(amount, with_symbol=with_symbol)) == amount


@given(st.integers(min_value=0, max_value=10**15), st.booleans(), st.sampled_from(["", ",5", ",05", ",50"]))
def test_plain_and_grouped_digits_read_the_same(whole, grouped, cents):
    digits = str(whole)
    text = (group_thousands(digits) if grouped else digits) + cents
    assert parse_rupiah(text) == Decimal(digits + ("." + cents[1:] if cents else ""))


@given(st.text(alphabet=string.digits + ".,- Rp\u00a0١１", max_size=14))
@hsettings(max_examples=400)
def test_anything_read_matches_the_grammar_and_formats_back(text):
    """Random text: either refused with RupiahFormatError, or read into an amount that the
    formatter writes back into a text read as the same amount (nothing is ever guessed at)."""
    try:
        amount = parse_rupiah(text)
    except RupiahFormatError:
        return
    assert all(c.isascii() or c == "\u00a0" for c in text.strip())
    assert amount.as_tuple().exponent >= -2
    assert parse_rupiah(format_rupiah(amount)) == amount


@st.composite
def badly_grouped(draw):
    """Dot groups of the wrong size: '1.2.3', '12.34', '1.0000'."""
    head = draw(st.integers(min_value=1, max_value=999))
    groups = draw(st.lists(st.integers(min_value=0, max_value=99999), min_size=1, max_size=3))
    sizes = draw(st.lists(st.sampled_from([1, 2, 4, 5]), min_size=len(groups), max_size=len(groups)))
    return str(head) + "".join("." + str(g).zfill(size)[-size:] for g, size in zip(groups, sizes, strict=True))


non_ascii_digit = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


@given(
    st.one_of(
        badly_grouped(),
        # spaces inside the number
        st.tuples(st.integers(1, 10**6), st.integers(0, 10**6)).map(lambda p: f"{p[0]} {p[1]}"),
        # three or more decimals
        st.tuples(st.integers(0, 10**6), st.integers(100, 10**5)).map(lambda p: f"{p[0]},{p[1]}"),
        # a non-ASCII digit anywhere in a good amount
        st.tuples(st.integers(0, 10**9), non_ascii_digit, st.integers(0, 12)).map(
            lambda p: (lambda s: s[: p[2] % (len(s) + 1)] + p[1] + s[p[2] % (len(s) + 1) :])(group_thousands(str(p[0])))
        ),
        # a dot before the decimals ("2.50")
        st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda p: f"{p[0]}.{p[1]:02d}"),
    )
)
def test_every_malformed_amount_is_refused(text):
    with pytest.raises(RupiahFormatError):
        parse_rupiah(text)


def test_form_field_reads_the_grammar_and_shows_amounts_the_same_way():
    field = RupiahFormField(required=False, max_digits=18, decimal_places=2)
    assert field.clean("1.250.000,50") == Decimal("1250000.50")
    assert field.clean("") is None
    assert field.prepare_value(Decimal("1250000.50")) == "1.250.000,50"
    assert field.clean(field.prepare_value(Decimal("-75000"))) == Decimal("-75000")
    from django.core.exceptions import ValidationError

    for bad in ("1.2.3", "2.50", "1 000", "１２３"):
        with pytest.raises(ValidationError) as caught:
            field.clean(bad)
        assert "1.250.000,50" in caught.value.messages[0]


def test_the_browser_copy_carries_the_same_pattern():
    assert RUPIAH_PATTERN in RUPIAH_JS.read_text(encoding="utf-8")


def _python_canonical(text):
    try:
        return f"{parse_rupiah(text):.2f}"
    except RupiahFormatError:
        return None


@pytest.mark.browser
def test_browser_and_server_read_every_example_alike():
    """Runs rupiah.js in Chromium on the tables above and on generated texts; each answer (the
    exact amount, or refused) must equal Python's."""
    from playwright.sync_api import sync_playwright

    samples = list(ACCEPTED) + REFUSED
    alphabet = "0123456789.,- Rp\u00a0١１"
    # Deterministic pseudo-random texts from the grammar's alphabet (no clock, no global seed).
    state = 20260
    for _ in range(600):
        length = state % 11
        text = ""
        for _ in range(length):
            state = (state * 1103515245 + 12345) % 2**31
            text += alphabet[state % len(alphabet)]
        state = (state * 1103515245 + 12345) % 2**31
        samples.append(text)
    samples += [format_rupiah(Decimal(n) / 100) for n in (0, 5, 99, 100, 123456789, -250000, 10**17)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.set_content("<!doctype html><title>rupiah</title>")
        page.add_script_tag(path=str(RUPIAH_JS))
        answers = page.evaluate("texts => texts.map(t => window.SinauRupiah.canonical(t))", samples)
        totals = page.evaluate(
            "texts => texts.map(t => window.SinauRupiah.format(window.SinauRupiah.toCents(t)))",
            [t for t in ACCEPTED if not t.strip().startswith("1.000.000.000")],
        )
        browser.close()
    mismatches = [
        (t, js, _python_canonical(t)) for t, js in zip(samples, answers, strict=True) if js != _python_canonical(t)
    ]
    assert not mismatches
    assert totals == [format_rupiah(parse_rupiah(t)) for t in ACCEPTED if not t.strip().startswith("1.000.000.000")]
    assert sum(1 for t in samples if _python_canonical(t) is not None) > 20


def test_numbers_that_are_not_money_take_the_same_grammar_with_more_decimals():
    """A quiz's numeric answer (pi to four places) is read with `max_decimals`: same dots and comma."""
    from lms.formatting import NUMBER_DECIMALS

    assert parse_rupiah("3,1416", max_decimals=NUMBER_DECIMALS) == Decimal("3.1416")
    assert parse_rupiah("1.250.000,125", max_decimals=NUMBER_DECIMALS) == Decimal("1250000.125")
    for bad in ("3.1416", "2.50", "1 000", "3,1234567", "１"):
        with pytest.raises(RupiahFormatError) as caught:
            parse_rupiah(bad, max_decimals=NUMBER_DECIMALS)
        assert "3,1416" in caught.value.message
    with pytest.raises(RupiahFormatError):
        parse_rupiah("3,1416")  # money keeps two decimals
