"""`manage.py check --deploy` under production settings prints no warnings, and refuses a missing secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"DJANGO_SETTINGS_MODULE": "lms.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "sinau.example.go.id",
            "DATABASE_URL": "sqlite:////tmp/sinau-deploy-check.sqlite3",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check", env_overrides={"ALLOWED_HOSTS": "sinau.example.go.id"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def production_value(expression: str, **env) -> str:
    """Evaluate `expression` with the production settings loaded in a fresh interpreter."""
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL"}}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "sinau.example.go.id",
            "DATABASE_URL": "postgres://sinau@db.example:5432/sinau",
            **env,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_database_connections_and_checks_them():
    assert production_value('settings.DATABASES["default"]["CONN_MAX_AGE"]') == "600"
    assert production_value('settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]') == "True"
    assert production_value('settings.DATABASES["default"]["CONN_MAX_AGE"]', CONN_MAX_AGE="60") == "60"


def test_sessions_come_from_the_cache_only_when_it_is_shared():
    assert production_value("settings.SESSION_ENGINE") == "django.contrib.sessions.backends.db"
    shared = production_value("settings.SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/9")
    assert shared == "django.contrib.sessions.backends.cached_db"


def test_gunicorn_preloads_the_app_and_sizes_itself_from_the_environment():
    code = "import runpy; c = runpy.run_path('gunicorn.conf.py'); print(c['preload_app'], c['workers'], c['threads'])"
    env = {**os.environ, "WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "4"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "3", "4"], result.stderr
