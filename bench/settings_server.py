"""Settings of the site the benchmarks serve with gunicorn: production's settings (WhiteNoise with
compressed manifest storage, persistent database connections, Redis-backed sessions when Redis
is there) plus the plain-Wagtail baseline page type of `bench/baseline_app`.

The benchmarks run on a developer's machine or in CI, over plain HTTP on 127.0.0.1, so the few
environment variables production insists on get bench-only defaults here. When production's
settings refuse the environment (SQLite, no shared cache: the bench's fallback when PostgreSQL or
Redis is missing), the same serving choices are applied on top of the base settings instead, and
the bench says it measured the fallback.
"""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")
os.environ.setdefault("ACCOUNT_EMAIL_VERIFICATION", "none")
# Production's guard wants an SMTP server and a broker: nothing is mailed during a bench (emails
# are Celery tasks, and no worker consumes this broker unless a bench starts one).
os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:1025")
os.environ.setdefault("DEFAULT_FROM_EMAIL", "Sinau bench <bench@sinau.test>")
if os.environ.get("REDIS_URL"):
    os.environ.setdefault("CELERY_BROKER_URL", os.environ["REDIS_URL"])

try:
    from lms.settings.production import *  # noqa: F403

    PRODUCTION_SETTINGS = True
except ImproperlyConfigured:
    from lms.settings.base import *  # noqa: F403
    from lms.settings.base import CACHES, DATABASES, MIDDLEWARE

    PRODUCTION_SETTINGS = False
    DEBUG = False
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    SECRET_KEY = os.environ["SECRET_KEY"]
    ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
    MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
    # Where bench/run.py collected the static files (production reads STATIC_ROOT; base does not).
    STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))  # noqa: F405
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline_app.apps.BaselineAppConfig"]  # noqa: F405
# The load generator speaks plain HTTP to 127.0.0.1: secure-only cookies would still be sent by
# it, but keep the site usable from a browser on the same machine while a bench runs.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
