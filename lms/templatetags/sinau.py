"""Template filters used on every page: Rupiah, Indonesian dates, permission checks."""

from django import template

from lms.formatting import format_rupiah, format_tanggal
from lms.permissions import can as can_do

register = template.Library()


@register.filter
def rupiah(value, arg=""):
    """{{ amount|rupiah }} → Rp 1.250.000; {{ amount|rupiah:"angka" }} drops the symbol."""
    return format_rupiah(value, with_symbol=arg != "angka")


@register.filter
def tanggal(value, arg=""):
    """{{ d|tanggal }} → 28 November 2026; "hari" adds the weekday, "jam" the time."""
    options = set(arg.split(",")) if arg else set()
    return format_tanggal(value, with_day="hari" in options, with_time="jam" in options)


@register.filter
def can(user, permission):
    """{% if user|can:"lms.access_officer_area" %} — object-free check; for objects use
    {% load rules %}{% has_perm "app.perm" user obj as allowed %}."""
    return can_do(user, permission)


@register.simple_tag(takes_context=True)
def hook_panels(context, name, **kwargs):
    """{% hook_panels "course_page" page=page enrollment=enrollment %}: the HTML that apps registered
    for this spot with Wagtail's hook registry (`@hooks.register("sinau_panel_course_page")`, each a
    function of the request and these keyword arguments returning HTML or ""). Lets a lower app's
    page show a higher app's panel without importing it (courses shows certificates)."""
    from django.utils.safestring import mark_safe
    from wagtail import hooks

    request = context.get("request")
    if request is None:
        return ""
    parts = [fn(request, **kwargs) for fn in hooks.get_hooks(f"sinau_panel_{name}")]
    return mark_safe("".join(str(part) for part in parts if part))  # noqa: S308  # nosec B308, B703  # hooks return escaped HTML
