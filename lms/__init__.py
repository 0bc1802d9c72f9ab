"""Sinau project package: settings, URLs, the Celery app, roles and permissions, site pages."""

from .celery import app as celery_app

__all__ = ["celery_app"]
