"""Celery beat's scheduler: the schedule lives in the database (django-celery-beat), where officers
and the admin see and change it; settings only seed it.

django-celery-beat's own DatabaseScheduler writes every entry of CELERY_BEAT_SCHEDULE over the
database row of the same name each time beat starts, so a changed interval or a paused entry
would come back after the next restart or deploy. This one only adds the entries that are missing:
what is in the database wins. To stop an entry for good, disable it (a deleted one comes back).
"""

from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler


class Scheduler(DatabaseScheduler):
    def update_from_dict(self, mapping):
        present = set(PeriodicTask.objects.filter(name__in=list(mapping)).values_list("name", flat=True))
        missing = {name: fields for name, fields in mapping.items() if name not in present}
        super().update_from_dict(missing)
        # Entries already in the database are scheduled from their rows (the scheduler reads all
        # enabled rows on its own), so nothing is lost by skipping them here.
