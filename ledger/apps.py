"""Ledger: the practice double-entry book for cooperatives, its reports and its grader."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "ledger"
    verbose_name = _("Buku latihan")

    def ready(self):
        from . import jobs

        jobs.register()
