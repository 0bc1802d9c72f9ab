"""Start-up checks of the production settings: each takes the raw environment value and returns the
setting, or stops start-up with ImproperlyConfigured whose message begins with the variable's name.

They run before anything else in `lms.settings.production` reads the environment, so a bad value
is reported by name here instead of as a parsing error deep inside a library. Messages are English
on purpose: they are read by whoever runs the server, in its logs, never by trainees.
"""

from __future__ import annotations

import warnings
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "y", "on"}
DEV_KEY_PREFIXES = ("dev-only", "test-only", "django-insecure")
BROKER_SCHEMES = {"redis", "rediss", "amqp", "amqps", "pyamqp"}
REDIS_SCHEMES = {"redis", "rediss", "unix"}
SMTP_SCHEMES = {"smtp", "smtps", "smtp+tls", "smtp+ssl"}


def fail(variable: str, problem: str):
    """Stop start-up: '<VARIABLE> <problem>'."""
    raise ImproperlyConfigured(f"{variable} {problem}")


def check_debug(value: str | None) -> None:
    if value is not None and value.strip().lower() in TRUE_VALUES:
        fail("DEBUG", "is on: production never shows debug pages (they expose settings and code). Unset DEBUG.")


def check_secret_key(value: str | None) -> str:
    if not value:
        fail(
            "SECRET_KEY",
            "is not set: give a long random value, e.g. from `python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'`.",
        )
    if value.startswith(DEV_KEY_PREFIXES):
        fail("SECRET_KEY", "is a development key: give a long random value of your own.")
    if len(value) < 50 or len(set(value)) < 5:
        fail("SECRET_KEY", "is too short or too simple: give at least 50 random characters.")
    return value


def check_allowed_hosts(value: str | None) -> list[str]:
    hosts = [host.strip() for host in (value or "").split(",") if host.strip()]
    if not hosts:
        fail("ALLOWED_HOSTS", "is not set: give the site's host names, comma-separated, e.g. sinau.kota.go.id.")
    if "*" in hosts:
        fail("ALLOWED_HOSTS", "contains '*': name the site's host names instead.")
    return hosts


def check_database_url(value: str | None) -> dict:
    example = "e.g. postgres://sinau:PASSWORD@127.0.0.1:5432/sinau"
    if not value:
        fail("DATABASE_URL", f"is not set: production needs PostgreSQL, {example}.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # django-environ warns on an unknown scheme; we say more below
            config = environ.Env.db_url_config(value)
    except (ValueError, KeyError) as exc:
        fail("DATABASE_URL", f"cannot be read ({exc}); {example} (percent-encode special characters).")
    engine = config.get("ENGINE", "")
    if "sqlite" in engine:
        fail(
            "DATABASE_URL",
            "points at SQLite: production needs PostgreSQL (SQLite takes one writer at a "
            "time and cannot be shared by several servers).",
        )
    if engine != "django.db.backends.postgresql":
        scheme = urlsplit(value).scheme or "no scheme"
        fail("DATABASE_URL", f"is not a PostgreSQL address ({scheme}): production supports PostgreSQL only, {example}.")
    if not config.get("NAME"):
        fail("DATABASE_URL", f"names no database: {example}.")
    if not config.get("HOST"):
        fail("DATABASE_URL", f"names no host: {example}.")
    return config


def check_cache(redis_url: str | None, cache_url: str | None) -> dict:
    """Redis, shared by every process: rate limits and sessions must be the same in all of them."""
    if cache_url:
        try:
            config = environ.Env.cache_url_config(cache_url)
        except (ImproperlyConfigured, ValueError, KeyError) as exc:
            fail("CACHE_URL", f"cannot be read ({exc}); production needs Redis: set REDIS_URL instead.")
        if "redis" not in config.get("BACKEND", "").lower():
            fail(
                "CACHE_URL",
                "is not a Redis cache: production needs one cache shared by every process "
                "(set REDIS_URL=redis://HOST:6379/0 and unset CACHE_URL).",
            )
        return config
    if not redis_url:
        fail(
            "REDIS_URL",
            "is not set: production needs Redis as the shared cache and session store, e.g. redis://127.0.0.1:6379/0.",
        )
    if urlsplit(redis_url).scheme not in REDIS_SCHEMES:
        fail("REDIS_URL", "is not a Redis address: give redis://HOST:6379/0 (or rediss:// with TLS).")
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": "sinau"}


def check_broker_url(value: str | None) -> str:
    if not value:
        fail(
            "CELERY_BROKER_URL",
            "is not set: production runs PDFs and emails in Celery workers, "
            "e.g. redis://127.0.0.1:6379/1 (another database than the cache's) or amqp://.",
        )
    if urlsplit(value).scheme not in BROKER_SCHEMES:
        fail("CELERY_BROKER_URL", "is not a Redis or RabbitMQ address: tasks would run inside web requests.")
    return value


def check_email_url(value: str | None) -> dict:
    if not value:
        fail("EMAIL_URL", "is not set: production sends email over SMTP, e.g. smtp+tls://USER:PASSWORD@HOST:587.")
    if urlsplit(value).scheme not in SMTP_SCHEMES:
        fail(
            "EMAIL_URL",
            "is not an SMTP address: use smtp+tls:// or smtps:// (STARTTLS, port 587), smtp+ssl:// (TLS, port 465) or smtp://.",
        )
    try:
        return environ.Env.email_url_config(value)
    except (ValueError, KeyError) as exc:
        fail("EMAIL_URL", f"cannot be read ({exc}).")
