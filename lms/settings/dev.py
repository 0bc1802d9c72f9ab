"""Development settings: the embedded defaults (SQLite, Celery eager, console email)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
# `make run` is the demo: DEBUG off (the site's own 404/500 pages, no URL list), and Django's dev
# server still hands out static files (`runserver --insecure`) and uploaded media (lms/urls.py).
# Never set in production settings: there the web server or WhiteNoise serves files.
SERVE_FILES = env.bool("SERVE_FILES", default=True)
