"""Settings of the Celery workers that tests/certificates/test_workers.py starts: the test settings
with real queues (not eager), the test's media folder, each email written to a file in the
test's folder (to count them), and queue names of the test's own, so the
worker .ci/run keeps running takes none of these tasks (and none of its tasks come here)."""

import os

from lms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["SINAU_WORKER_MEDIA_ROOT"]
CELERY_TASK_ALWAYS_EAGER = False
_SUFFIX = os.environ["SINAU_WORKER_QUEUE_SUFFIX"]
CELERY_TASK_ROUTES = {name: {"queue": f"{route['queue']}-{_SUFFIX}"} for name, route in CELERY_TASK_ROUTES.items()}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["SINAU_WORKER_MAIL_DIR"]
