"""Settings of the benchmarks: the test settings plus the plain-Wagtail baseline page type."""

from lms.settings.test import *  # noqa: F403
from lms.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench.baseline_app.apps.BaselineAppConfig"]
