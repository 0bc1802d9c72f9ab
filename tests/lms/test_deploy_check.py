"""Production settings: `check --deploy` is clean, unsafe or missing settings stop start-up with a
message naming the variable, and each service is configured as docs/deploy.md says."""

import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lms.settings import guard

ROOT = Path(__file__).resolve().parents[2]

# Variables the production settings read; a test starts from none of them (the developer's shell or
# CI may have some set) and adds what it means.
PRODUCTION_VARIABLES = {
    "DATABASE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "REDIS_URL",
    "CACHE_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "MEDIA_STORAGE",
    "SENTRY_DSN",
    "FRONTEND_CACHE",
    "CONN_MAX_AGE",
    "DATABASE_POOL_MAX_SIZE",
}


def valid_environment(**overrides) -> dict:
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARIABLES}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "sinau.example.go.id",
            # Nothing connects at start-up: these hosts need not exist.
            "DATABASE_URL": "postgres://sinau@db.example:5432/sinau",
            "REDIS_URL": "redis://cache.example:6379/0",
            "CELERY_BROKER_URL": "redis://cache.example:6379/1",
            "EMAIL_URL": "smtp+tls://sinau:rahasia@mail.example:587",
            "DEFAULT_FROM_EMAIL": "Sinau <sinau@example.go.id>",
        }
    )
    for key, value in overrides.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return environment


def run(args, **overrides):
    return subprocess.run(
        args, cwd=ROOT, env=valid_environment(**overrides), capture_output=True, text=True, timeout=120
    )


def production_value(expression: str, **overrides) -> str:
    """Evaluate `expression` with the production settings loaded in a fresh interpreter."""
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = run([sys.executable, "-c", code], **overrides)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_is_clean_with_production_settings():
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "variable", "reason"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY", "is not set"),
        ({"SECRET_KEY": "dev-only-insecure-key-change-me-" + "x" * 40}, "SECRET_KEY", "development key"),
        ({"DEBUG": "true"}, "DEBUG", "is on"),
        ({"DATABASE_URL": None}, "DATABASE_URL", "is not set"),
        ({"DATABASE_URL": "sqlite:////tmp/sinau.sqlite3"}, "DATABASE_URL", "SQLite"),
        ({"DATABASE_URL": "postgres://sinau@db.example:port/sinau"}, "DATABASE_URL", "cannot be read"),
        ({"REDIS_URL": None}, "REDIS_URL", "is not set"),
        ({"CACHE_URL": "filecache:///tmp/sinau-cache"}, "CACHE_URL", "not a Redis cache"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS", "is not set"),
        ({"CELERY_BROKER_URL": "memory://"}, "CELERY_BROKER_URL", "not a Redis or RabbitMQ"),
        ({"MEDIA_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME", "is not set"),
    ],
)
def test_unsafe_or_missing_settings_stop_start_up_naming_the_variable(overrides, variable, reason):
    result = run([sys.executable, "manage.py", "check"], **overrides)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"django.core.exceptions.ImproperlyConfigured: {variable} "), result.stderr
    assert reason in last_line


@pytest.mark.parametrize(
    ("check", "value", "variable"),
    [
        (guard.check_secret_key, "", "SECRET_KEY"),
        (guard.check_secret_key, "short", "SECRET_KEY"),
        (guard.check_secret_key, "a" * 60, "SECRET_KEY"),
        (guard.check_debug, "1", "DEBUG"),
        (guard.check_debug, "On", "DEBUG"),
        (guard.check_allowed_hosts, " , ", "ALLOWED_HOSTS"),
        (guard.check_allowed_hosts, "*", "ALLOWED_HOSTS"),
        (guard.check_database_url, "mysql://sinau@db.example/sinau", "DATABASE_URL"),
        (guard.check_database_url, "postgress://sinau@db.example/sinau", "DATABASE_URL"),
        (guard.check_database_url, "postgres://sinau@db.example:5432", "DATABASE_URL"),
        (guard.check_database_url, "not a url", "DATABASE_URL"),
        (guard.check_broker_url, None, "CELERY_BROKER_URL"),
        (guard.check_email_url, None, "EMAIL_URL"),
        (guard.check_email_url, "consolemail://", "EMAIL_URL"),
    ],
)
def test_each_check_names_its_variable(check, value, variable):
    with pytest.raises(ImproperlyConfigured) as refused:
        check(value)
    assert str(refused.value).startswith(f"{variable} ")


def test_good_values_pass_the_checks():
    assert guard.check_debug(None) is None
    assert guard.check_debug("false") is None
    assert guard.check_allowed_hosts("a.go.id, b.go.id") == ["a.go.id", "b.go.id"]
    database = guard.check_database_url("postgres://sinau:p%40ss@db.example:5432/sinau")
    assert (database["ENGINE"], database["NAME"], database["PASSWORD"]) == (
        "django.db.backends.postgresql",
        "sinau",
        "p@ss",
    )
    assert guard.check_cache("redis://127.0.0.1:6379/0", None)["BACKEND"].endswith("RedisCache")
    assert guard.check_cache(None, "redis://127.0.0.1:6379/2")["LOCATION"] == "redis://127.0.0.1:6379/2"
    assert guard.check_broker_url("amqp://guest@127.0.0.1//") == "amqp://guest@127.0.0.1//"
    assert guard.check_email_url("smtp+ssl://u:p@mail.example:465")["EMAIL_USE_SSL"] is True
    assert guard.check_email_url("smtps://u:p@mail.example:587")["EMAIL_USE_TLS"] is True


def test_production_services_as_configured():
    values = json.loads(
        production_value(
            "__import__('json').dumps({'cache': settings.CACHES['default']['BACKEND'],"
            " 'session': settings.SESSION_ENGINE, 'email': settings.EMAIL_BACKEND, 'tls': settings.EMAIL_USE_TLS,"
            " 'static': settings.STORAGES['staticfiles']['BACKEND'], 'media': settings.STORAGES['default']['BACKEND'],"
            " 'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'debug': settings.DEBUG,"
            " 'whitenoise': settings.MIDDLEWARE[1], 'csrf': settings.CSRF_TRUSTED_ORIGINS})"
        )
    )
    assert values == {
        "cache": "django.core.cache.backends.redis.RedisCache",
        "session": "django.contrib.sessions.backends.cached_db",
        "email": "django.core.mail.backends.smtp.EmailBackend",
        "tls": True,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "media": "django.core.files.storage.FileSystemStorage",
        "eager": False,
        "debug": False,
        "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware",
        "csrf": ["https://sinau.example.go.id"],
    }


def test_media_on_s3_compatible_storage_by_configuration():
    storage = production_value(
        "settings.STORAGES['default']",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="sinau-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert "storages.backends.s3.S3Storage" in storage
    assert "'bucket_name': 'sinau-media'" in storage
    assert "'querystring_auth': True" in storage  # private files: signed, expiring links


def test_production_keeps_database_connections_and_checks_them():
    assert production_value('settings.DATABASES["default"]["CONN_MAX_AGE"]') == "600"
    assert production_value('settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]') == "True"
    assert production_value('settings.DATABASES["default"]["CONN_MAX_AGE"]', CONN_MAX_AGE="60") == "60"


def test_production_can_use_psycopgs_pool_instead():
    value = production_value(
        '(settings.DATABASES["default"]["CONN_MAX_AGE"], settings.DATABASES["default"]["OPTIONS"]["pool"])',
        DATABASE_POOL_MAX_SIZE="8",
    )
    assert value == "(0, {'min_size': 1, 'max_size': 8, 'timeout': 10})"


def test_sentry_and_frontend_cache_only_when_configured():
    assert production_value("__import__('sentry_sdk').get_client().is_active()") == "False"
    active = production_value(
        "__import__('sentry_sdk').get_client().is_active()", SENTRY_DSN="https://public@sentry.example/1"
    )
    assert active == "True"
    assert production_value("'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS") == "False"
    purge = production_value(
        "(settings.WAGTAILFRONTENDCACHE['default']['LOCATION'], 'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS)",
        FRONTEND_CACHE="http",
        FRONTEND_CACHE_URL="http://127.0.0.1:6081",
    )
    assert purge == "('http://127.0.0.1:6081', True)"


def test_logs_are_one_json_object_per_line():
    from lms.logs import JsonFormatter

    formatter = JsonFormatter()
    record = logging.LogRecord("sinau.jobs", logging.WARNING, __file__, 1, "Job %s retried", ("abc",), None)
    record.job_kind = "ledger.report_pdf"
    entry = json.loads(formatter.format(record))
    assert (entry["level"], entry["logger"], entry["message"]) == ("WARNING", "sinau.jobs", "Job abc retried")
    assert entry["job_kind"] == "ledger.report_pdf"
    try:
        raise ValueError("rusak")
    except ValueError:
        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "gagal", (), sys.exc_info())
    assert "ValueError: rusak" in json.loads(formatter.format(failed))["exception"]
    access = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        "%(h)s",
        ({"m": "GET", "U": "/healthz", "s": "200", "D": 1500, "h": "10.0.0.1"},),
        None,
    )
    line = json.loads(formatter.format(access))
    assert (line["method"], line["path"], line["status"], line["duration_ms"]) == ("GET", "/healthz", 200, 1.5)


def test_gunicorn_preloads_the_app_and_sizes_itself_from_the_environment():
    code = "import runpy; c = runpy.run_path('gunicorn.conf.py'); print(c['preload_app'], c['workers'], c['threads'])"
    env = {**os.environ, "WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "4"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "3", "4"], result.stderr
