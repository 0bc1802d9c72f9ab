"""Test settings: fast hashing, in-memory mail and SMS; DATABASE_URL may point at PostgreSQL."""

import hashlib
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-0123456789"  # nosec B105  # test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "locmem"
MEDIA_ROOT = tempfile.mkdtemp(prefix="sinau-test-media-")
# Tests run tasks in-process unless a test asks for the real worker (see tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: threads then meet SQLite's real file
    # lock (WAL, busy timeout, BEGIN IMMEDIATE) as the web processes do, not shared-cache table locks.
    # One file per checkout (so `pytest --reuse-db` can keep it), in the temporary directory.
    _checkout = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"sinau-test-{_checkout}.sqlite3")}  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
