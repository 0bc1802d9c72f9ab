"""Typed text: the one rule for direction-control characters (issue 9, item 15).

Right-to-left override and the other bidirectional embedding/isolate controls make a name or a
description display as something else ("Budi\u202eGNP.exe" shows "Budiexe.PNG"): a display
spoofing trick, and no Indonesian text needs them. Every form field of the site drops them
(`install_form_rule`, called from LmsConfig.ready; password fields are left alone so a password
keeps every character it was set with), and services that take text directly call `strip_bidi`.
"""

from __future__ import annotations

# LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; ALM. (LRM/RLM marks do not reorder text: kept.)
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"))


def strip_bidi(value):
    """`value` without bidirectional override/embedding/isolate controls (non-text as it is)."""
    return value.translate(BIDI_CONTROLS) if isinstance(value, str) else value


def install_form_rule() -> None:
    """Make every `forms.CharField` (and its subclasses: email, slug, URL, the admin's) drop the
    controls when it cleans a value. Idempotent."""
    from django import forms

    original = forms.CharField.to_python
    if getattr(original, "sinau_bidi", False):
        return

    def to_python(self, value):
        value = original(self, value)
        if isinstance(self.widget, forms.PasswordInput):
            return value
        return strip_bidi(value)

    to_python.sinau_bidi = True
    forms.CharField.to_python = to_python
