"""Production settings: every secret from the environment, HTTPS only, real services."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# WhiteNoise serves the collected static files from the app processes (no CDN, no extra server).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SMS_BACKEND = env("SMS_BACKEND", default="console")

# Persistent database connections: without them every request opens a new PostgreSQL connection
# and the site serves 0.52-0.70x the rate it serves on SQLite; with them 0.86-1.09x (issue 10).
# Each gunicorn worker thread keeps one connection for CONN_MAX_AGE seconds, checked before reuse;
# size PostgreSQL's max_connections for workers x threads x web servers (+ Celery workers).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# With a shared cache (Redis), sessions are read from it and written through to the database:
# one query less on every signed-in page. (Never with a per-process cache: a logout in one worker
# would not reach another's copy.)
if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
