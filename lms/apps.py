"""App config for the project glue: roles are re-synced after every migrate; the glue's Celery
tasks are registered in every process (web processes enqueue `lms.run_background_job` by name)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Sinau")

    def ready(self):
        from . import exporter, queue, roles, tasks  # noqa: F401  (tasks: registers the job runner with Celery; queue: its request hooks)

        # The Wagtail admin's list_export writes CSV/XLSX with its own writer: same escaping rule.
        exporter.patch_wagtail_spreadsheet_export()
        # Typed text loses right-to-left overrides and other direction controls (display spoofing).
        from .text import install_form_rule

        install_form_rule()
        # Rich text that is not the editor's JSON is no value, not a 500.
        from .security import patch_draftail_input

        patch_draftail_input()

        # Permissions of apps migrated after our data migration exist only after post_migrate;
        # re-syncing here attaches them to the role groups (idempotent).
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="lms.sync_roles")
