"""`manage.py load_scale_data`: the sizes the speed targets talk about (issues 10 and 14).

Courses of 5 and 60 lessons with one enrolled trainee (who finished every other lesson), that
trainee's practice books of 100 and 10,000 journal entries, and an incubation programme of 10,000
ventures with 120,000 monthly KPI reports (incubator.scale; `--ventures 0` skips it). `make bench` loads it after
`load_demo`; it is safe to run twice (what exists is kept). Not for production: the trainee's
password is the demo password.
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courses import scale as courses_scale
from incubator import scale as incubator_scale
from ledger import scale as ledger_scale
from lms import demo, roles

SCALE_TRAINEE = ("skala@sinau.test", "Peserta Skala")


def sizes(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise CommandError(f"Not a list of numbers: {text!r}") from exc
    if not values or min(values) < 1:
        raise CommandError(f"Sizes must be positive numbers: {text!r}")
    return values


class Command(BaseCommand):
    help = (
        "Load scale data for the benchmarks: courses of 5 and 60 lessons, books of 100 and 10,000 entries, "
        "10,000 ventures with 120,000 KPI reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lessons", default="5,60", help="lesson counts of the courses (comma-separated)")
        parser.add_argument("--entries", default="100,10000", help="entry counts of the books (comma-separated)")
        parser.add_argument(
            "--ventures", type=int, default=10000, help="ventures in the scale incubation programme (0: none)"
        )
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off (never in production).")

    def handle(self, *args, lessons, entries, ventures=10000, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Scale data is for benchmarks: DEBUG is off. Use --force if you really mean it.")
        lesson_sizes, entry_sizes = sizes(lessons), sizes(entries)
        if ventures < 0:
            raise CommandError(f"--ventures must be 0 or more: {ventures}")
        self.stdout.write("Memuat data skala …")
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # not a line per page created
        with transaction.atomic():
            roles.sync_roles()
            trainee, _created = demo._ensure_user(
                email=SCALE_TRAINEE[0], full_name=SCALE_TRAINEE[1], role=roles.TRAINEE
            )
            courses_scale.load(trainee=trainee, sizes=lesson_sizes, stdout=self.stdout)
        ledger_scale.load(owner=trainee, sizes=entry_sizes, stdout=self.stdout)
        incubator_scale.load(ventures=ventures, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Data skala siap. Peserta: {SCALE_TRAINEE[0]} ({demo.DEMO_PASSWORD})"))
