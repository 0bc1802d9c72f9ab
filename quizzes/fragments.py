"""The attempt form's questions as HTML, each rendered once per pinned version, layout and answer.

A whole class opening the same quiz renders the same 20 questions: the template language spent
most of the form's CPU on them (a journal task alone is four selects of the chart's accounts). A
question's HTML depends only on what the key holds — the version (immutable; its creation time
too, so a reused id never matches), the position, the option order, the saved answer and the
language — so it is kept in this process (bounded, least recently used first out). A question
shown with messages about its input is rendered fresh. Nothing here is shared between users but
HTML that every holder of the same key would see anyway, and no right answer is ever in it (the
form's views carry none)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

TEMPLATE = "quizzes/questions/_form_question.html"
MAX_ENTRIES = 2000

_rendered: OrderedDict[tuple, SafeString] = OrderedDict()  # render_to_string's own SafeString
_lock = threading.Lock()


def _key(answer, view) -> tuple:
    return (
        answer.version_id,
        answer.version.created_at,
        view.position,
        get_language(),
        json.dumps(answer.layout, sort_keys=True),
        json.dumps(answer.response, sort_keys=True),
    )


def form_question_html(answer, view) -> SafeString:
    """The question's section of the attempt form (its fields filled with the saved answer)."""
    if view.problems:
        return render_to_string(TEMPLATE, {"q": view})
    key = _key(answer, view)
    with _lock:
        html = _rendered.get(key)
        if html is not None:
            _rendered.move_to_end(key)
            return html
    html = render_to_string(TEMPLATE, {"q": view})
    with _lock:
        _rendered[key] = html
        while len(_rendered) > MAX_ENTRIES:
            _rendered.popitem(last=False)
    return html


def forget_rendered() -> None:
    """Empty the kept HTML (tests)."""
    with _lock:
        _rendered.clear()
