"""English is the second language: every entry of the catalogue is translated and none is fuzzy."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries(text):
    """(flags, msgid, msgstr values) per entry of a .po file, header excluded."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip() and not line.startswith("#~")]
        if not lines:
            continue
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line.strip()[1:-1]
        if "msgid" in fields and fields["msgid"]:
            yield flags, fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    found = list(entries(CATALOGUE.read_text(encoding="utf-8")))
    assert len(found) > 500
    untranslated = [msgid for _flags, msgid, values in found if not all(values)]
    fuzzy = [msgid for flags, msgid, _values in found if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_catalogue_is_committed_beside_the_source():
    # A machine without gettext still shows English: the .mo is in the repository, not only built.
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_size > 10_000
