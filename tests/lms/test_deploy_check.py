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
