"""WSGI entry point (gunicorn lms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")
application = get_wsgi_application()
# Import the URLconf, and with it every view module and Wagtail's admin URLs, now rather than on
# each worker's first request: under gunicorn's --preload this runs once in the master and the
# workers share it (about 0.4 s of CPU per worker, again after every max_requests recycle).
get_resolver().url_patterns  # noqa: B018 - evaluated for its imports
