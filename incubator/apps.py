"""Incubator: ventures followed through incubation stages, milestones, mentoring and KPIs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncubatorConfig(AppConfig):
    name = "incubator"
    verbose_name = _("Inkubasi wirausaha")

    def ready(self):
        from ledger.access import register_book_access

        from . import exports, monthly, totals
        from .books import venture_book_access

        exports.register()
        monthly.register()
        totals.connect()  # the dashboard's monthly KPI totals follow every report written
        # A venture's own books: its contacts write in them, officers read them.
        register_book_access(venture_book_access)
