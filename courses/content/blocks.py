"""Shorthands the lesson files use to write (block name, value) pairs; see courses/blocks.py."""


def h(text):
    return ("heading", text)


def p(html):
    return ("paragraph", html)


def tip(html):
    return ("callout", {"kind": "tip", "text": html})


def warn(html):
    return ("callout", {"kind": "warning", "text": html})


def term(term, definition):
    return ("glossary", {"term": term, "definition": definition})


def line(code, name, debit, credit, memo):
    return {"account_code": code, "account_name": name, "debit": debit, "credit": credit, "memo": memo}


def journal(caption, *lines):
    return ("journal_example", {"caption": caption, "lines": list(lines)})
