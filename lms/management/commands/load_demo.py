"""`manage.py load_demo`: build the demo site (idempotent) and print the demo logins."""

import logging
from importlib import import_module

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule

from lms import demo

# Our apps, in dependency order (courses links the ledger exercises, so ledger comes first); each may have a `demo` module with `load(*, stdout, people)`.
DEMO_APPS = ["ledger", "courses", "quizzes", "incubator", "certificates"]


class Command(BaseCommand):
    help = "Load the Sinau demo data (users in every role, the course, cohorts, ...). Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off (never in production).")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo data is for development: DEBUG is off. Use --force if you really mean it.")
        self.stdout.write("Memuat data demo Sinau …")
        # The demo's emails (invitations, certificates with their PDF attached) would flood the
        # console backend of `make run`: keep them in memory and say how many there were.
        # Wagtail logs every page created/edited/published at INFO: hundreds of lines for the demo.
        wagtail_log = logging.getLogger("wagtail")
        wagtail_level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            if not hasattr(mail, "outbox"):
                mail.outbox = []
            before = len(mail.outbox)
            people = demo.load(stdout=self.stdout)
            for app_label in DEMO_APPS:
                module = import_module(app_label)
                if module_has_submodule(module, "demo"):
                    import_module(f"{app_label}.demo").load(stdout=self.stdout, people=people)
            sent = len(mail.outbox) - before
        wagtail_log.setLevel(wagtail_level)
        if sent:
            self.stdout.write(f"  {sent} email demo tidak dikirim (disimpan di memori).")
        self.print_logins()

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Data demo siap. Login demo (kata sandi sama untuk semua):"))
        self.stdout.write(f"  kata sandi: {demo.DEMO_PASSWORD}")
        for role, email in demo.LOGIN_TABLE:
            self.stdout.write(f"  {role:<28} {email}")
        self.stdout.write("  Masuk di http://127.0.0.1:8000/akun/login/ · admin konten: http://127.0.0.1:8000/admin/")
