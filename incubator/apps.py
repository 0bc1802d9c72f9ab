"""Incubator: ventures followed through incubation stages, milestones, mentoring and KPIs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncubatorConfig(AppConfig):
    name = "incubator"
    verbose_name = _("Inkubasi wirausaha")

    def ready(self):
        from . import exports

        exports.register()
