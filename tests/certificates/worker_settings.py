"""Settings of the Celery workers that tests/certificates/test_workers.py starts: the test settings
with real queues (not eager), the test's media folder, and queue names of the test's own, so the
worker .ci/run keeps running takes none of these tasks (and none of its tasks come here)."""

import os

from lms.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["SINAU_WORKER_MEDIA_ROOT"]
CELERY_TASK_ALWAYS_EAGER = False
_SUFFIX = os.environ["SINAU_WORKER_QUEUE_SUFFIX"]
CELERY_TASK_ROUTES = {name: {"queue": f"{route['queue']}-{_SUFFIX}"} for name, route in CELERY_TASK_ROUTES.items()}  # noqa: F405
