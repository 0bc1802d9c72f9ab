"""The four-day cooperative-management curriculum as plain data, written in Bahasa Indonesia.

Each ``dayN`` module defines ``MODULE``: a dict with ``slug``, ``title``, ``day``, ``summary`` and
``lessons``; each lesson has ``slug``, ``title``, ``summary``, ``minutes``, ``required`` and ``body``,
a list of ``(block_name, value)`` pairs that the courses loader turns into a Wagtail StreamField.
Block names: heading, paragraph (HTML with p, b, i, ul, ol, li, h3 only), callout, journal_example,
glossary. Journal examples use the account codes and names of the shared chart of accounts, amounts
as plain-digit strings, and always balance.
"""

from html.parser import HTMLParser

from . import day1, day2, day3, day4

CURRICULUM = [day1.MODULE, day2.MODULE, day3.MODULE, day4.MODULE]


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, dropping the tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        # Block tags separate words even when the source has no whitespace between them.
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")


def _strip_tags(html):
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _block_texts(name, value):
    """Yield the readable text of one body block."""
    if name == "heading":
        yield value
    elif name == "paragraph":
        yield _strip_tags(value)
    elif name == "callout":
        yield _strip_tags(value["text"])
    elif name == "glossary":
        yield value["term"]
        yield _strip_tags(value["definition"])
    elif name == "journal_example":
        yield value["caption"]
        for line in value["lines"]:
            yield line["account_name"]
            yield line.get("memo", "")


def lesson_word_count(lesson) -> int:
    """Words of all readable text in a lesson body (HTML tags stripped, amounts and codes left out)."""
    words = 0
    for name, value in lesson["body"]:
        for text in _block_texts(name, value):
            words += sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
    return words
