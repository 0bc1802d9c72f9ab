"""gunicorn's settings for production (`gunicorn lms.wsgi` reads this file from the project root).

Workers and threads come from the environment so each host sizes itself:

    WEB_CONCURRENCY     worker processes (default: 2 x CPU cores + 1)
    GUNICORN_THREADS    threads per worker (default 1; with more, give PostgreSQL a connection each)
    GUNICORN_BIND       address (default 0.0.0.0:8000)
    GUNICORN_TIMEOUT    seconds before a stuck worker is restarted (default 30; long reports run as
                        background jobs, so no request needs more)
    GUNICORN_MAX_REQUESTS  requests before a worker is replaced (default 2000, 0: never)
    GUNICORN_LOG_FORMAT json (default: one JSON object per line, like Django's logs) or text
    GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket for `gunicornc` (default: none; the
                        built-in default path is one per user, which two instances on a host would share)
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Django, Wagtail and the apps are imported once in the master and shared copy-on-write by the
# workers: a worker's private memory drops from about 126 to 80 MiB (issue 10).
preload_app = True
# Recycle workers now and then so slow leaks cannot grow without bound (jitter: not all at once).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
control_socket_path = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
if control_socket_path:
    control_socket = control_socket_path
else:
    control_socket_disable = True
accesslog = "-"
errorlog = "-"
if os.environ.get("GUNICORN_LOG_FORMAT", "json") == "json":
    # The same shape as Django's and Celery's lines (lms.logs): the access line's parts as fields.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "lms.logs.JsonFormatter"}},
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
        },
        "root": {"handlers": ["stdout"], "level": "INFO"},
        "loggers": {
            "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
            "environ": {"level": "WARNING"},  # "no .env file" at every start: the environment is the config
        },
    }


def post_fork(server, worker):
    """Nothing opened in the master before the fork may be shared by two workers."""
    from django.core.cache import caches
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        # psycopg's pool (DATABASE_POOL_MAX_SIZE) runs threads that do not survive a fork.
        if connection.alias in getattr(type(connection), "_connection_pools", {}):
            connection.close_pool()
    connections.close_all()
    caches.close_all()
