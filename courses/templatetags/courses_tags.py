"""Small template helpers for the roster tables."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

SHORT_LABELS = {"present": _("H"), "late": _("T"), "excused": _("I"), "absent": _("A")}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def attendance_label(status):
    """One-letter mark of an attendance status (H/T/I/A), "–" when nothing was recorded."""
    return SHORT_LABELS.get(status, "–")
