"""Columns for the apps' Wagtail admin listings, in the words the rest of the site uses.

A model field named in `list_display` is shown as Python prints it: a yes/no field as "True" or
"False" (Wagtail's BooleanColumn draws an icon titled True/False), an amount as "6200000,00".
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from .formatting import format_rupiah


class YesNoColumn(Column):
    """A yes/no field as "Ya" or "Tidak" (empty when the field is empty)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("Ya") if value else _("Tidak")


class RupiahColumn(Column):
    """An amount as the site writes it, "6.200.000" (the field's label names the currency: "Omzet (Rp)")."""

    def get_value(self, instance):
        return format_rupiah(super().get_value(instance), with_symbol=False)


def field_column(column_class, model, name: str, **kwargs) -> Column:
    """`column_class` for `model`'s field `name`, labelled and sorted as a plain `list_display` name."""
    kwargs.setdefault("label", capfirst(model._meta.get_field(name).verbose_name))
    return column_class(name, sort_key=name, **kwargs)
