"""Production settings: every secret from the environment, HTTPS only, real services.

Start-up refuses what would be unsafe or would quietly lose data (a missing SECRET_KEY, DEBUG on,
SQLite, a per-process cache, a broken DATABASE_URL, ...) with a message that names the variable
to set: see `lms/settings/guard.py` and docs/deploy.md for the full list of variables.
"""

import os
from pathlib import Path

import environ

from .guard import (
    check_allowed_hosts,
    check_broker_url,
    check_cache,
    check_database_url,
    check_debug,
    check_email_url,
    check_secret_key,
    fail,
)

# --- Safety first: refuse settings that are unsafe or lose data, before anything parses them ----
# (An optional .env file counts as the environment, as in base.py.)
environ.Env.read_env(Path(__file__).resolve().parents[2] / ".env", overwrite=False)
check_debug(os.environ.get("DEBUG"))
_secret_key = check_secret_key(os.environ.get("SECRET_KEY"))
_allowed_hosts = check_allowed_hosts(os.environ.get("ALLOWED_HOSTS"))
_database = check_database_url(os.environ.get("DATABASE_URL"))
_cache = check_cache(os.environ.get("REDIS_URL"), os.environ.get("CACHE_URL"))
_broker_url = check_broker_url(os.environ.get("CELERY_BROKER_URL"))
_email = check_email_url(os.environ.get("EMAIL_URL"))

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, env  # noqa: E402

DEBUG = False
SECRET_KEY = _secret_key
ALLOWED_HOSTS = _allowed_hosts
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[f"https://{host}" for host in ALLOWED_HOSTS])

# --- Database: PostgreSQL only -----------------------------------------------------------------
# Persistent connections (the default) or psycopg's pool (DATABASE_POOL_MAX_SIZE > 0): without
# either, every request opens a new PostgreSQL connection and the site serves 0.52-0.70x the rate
# it serves on SQLite; with persistent connections 0.86-1.09x (issue 10). With persistent
# connections each gunicorn worker thread (and each Celery worker process) keeps one connection for
# CONN_MAX_AGE seconds, checked before reuse; size PostgreSQL's max_connections for
# web servers x workers x threads + Celery processes + 10. The pool suits many threads per worker:
# a worker process then holds at most DATABASE_POOL_MAX_SIZE connections shared by its threads.
DATABASES = {"default": _database}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
_pool_max = env.int("DATABASE_POOL_MAX_SIZE", default=0)
if _pool_max > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django requires 0 with a pool: the pool keeps them
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
        "max_size": _pool_max,
        "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", 5))

# --- Cache and sessions: Redis, shared by every web and worker process -------------------------
# Rate limits (logins, SMS codes), the outline cache and sessions must be the same in every
# process: a per-process cache would let each gunicorn worker count its own login attempts.
CACHES = {"default": _cache}
# Sessions are read from Redis and written through to the database: one query less on every
# signed-in page, and a Redis restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Celery: a real broker; workers per queue (docs/deploy.md) ----------------------------------
CELERY_BROKER_URL = _broker_url
CELERY_TASK_ALWAYS_EAGER = False
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CACHES["default"]["LOCATION"])
# Workers log through LOGGING below (JSON on stdout) like the web processes.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- Email: SMTP ---------------------------------------------------------------------------------
vars().update(_email)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="") or fail(
    "DEFAULT_FROM_EMAIL", "is not set: give the sender of Sinau's emails, e.g. 'Sinau <sinau@kota.go.id>'."
)
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)  # a stuck mail server must not hang a worker
ADMINS = [("Admin", address) for address in env.list("ADMIN_EMAILS", default=[])]

# --- HTTPS ----------------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# /healthz answers the load balancer over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Cookies only over HTTPS. SECURE_COOKIES=false exists for `make serve` on plain HTTP at home.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)

# --- Static files: WhiteNoise serves the collected, hashed and compressed files -----------------
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")

# --- Media: local disk (one server, or a shared volume) or S3-compatible object storage --------
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "filesystem":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    # Private bucket: every file is served through a signed URL that expires (certificates, job
    # results and uploads are not public), never overwritten in place.
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME", default="")
            or fail("AWS_STORAGE_BUCKET_NAME", "is not set: MEDIA_STORAGE=s3 needs the bucket's name."),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
            "file_overwrite": False,
            "location": env("AWS_LOCATION", default=""),
        },
    }
else:
    fail("MEDIA_STORAGE", f"is {MEDIA_STORAGE!r}: use 'filesystem' (MEDIA_ROOT) or 's3' (AWS_* variables).")
# Django never serves MEDIA_URL here (lms.views.media_file answers 404): certificates and job
# results live in media and go out only through views that check who asks; nginx serves the
# public image renditions (docs/deploy.md).
SERVE_FILES = False
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SMS_BACKEND = env("SMS_BACKEND", default="console")

# --- Wagtail: purge the frontend cache (CDN or caching proxy) when a page is published ----------
# FRONTEND_CACHE=http with FRONTEND_CACHE_URL (nginx/Varnish PURGE), =cloudflare with
# CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONEID, =cloudfront with CLOUDFRONT_DISTRIBUTION_ID.
FRONTEND_CACHE = env("FRONTEND_CACHE", default="")
if FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_URL", default="")
            or fail("FRONTEND_CACHE_URL", "is not set: FRONTEND_CACHE=http needs the cache server's address."),
        }
    }
elif FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", default="")
            or fail("CLOUDFLARE_BEARER_TOKEN", "is not set: FRONTEND_CACHE=cloudflare needs an API token."),
            "ZONEID": env("CLOUDFLARE_ZONEID", default="")
            or fail("CLOUDFLARE_ZONEID", "is not set: FRONTEND_CACHE=cloudflare needs the zone id."),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID", default="")
            or fail("CLOUDFRONT_DISTRIBUTION_ID", "is not set: FRONTEND_CACHE=cloudfront needs it."),
        }
    }
elif FRONTEND_CACHE:
    fail("FRONTEND_CACHE", f"is {FRONTEND_CACHE!r}: use 'http', 'cloudflare', 'cloudfront' or leave it empty.")
if FRONTEND_CACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]

# --- Logs: one JSON object per line on stdout (journald / the container runtime collects them) --
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "lms.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "environ": {"level": "WARNING"},
        # Django's request errors reach the root handler (and Sentry); no emails to ADMINS.
        "django.request": {"level": "ERROR"},
    },
}

# --- Error reporting: Sentry (or a compatible service) when SENTRY_DSN is set -------------------
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,  # trainees' names, emails and phone numbers stay here
    )
