"""URLs: accounts, health, the apps' own pages, Wagtail admin and, last, Wagtail's page tree."""

from importlib import import_module

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.module_loading import module_has_submodule
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from . import job_views, views
from .admin_account import SinauAccountView

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("django-admin/", admin.site.urls),
    # Wagtail's own login form would bypass allauth's rate limits: send it to ours.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/logout/", views.admin_logout, name="admin_logout"),
    # Wagtail's "failwhale" raises an error on purpose to show staff the 500 page: not on this site.
    path("admin/failwhale/", views.error_404),
    # Wagtail's account page without its first-and-last-name panel (lms.admin_account).
    path("admin/account/", require_admin_access(SinauAccountView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("akun/", include("allauth.urls")),
    path("akun/profil/", views.profile, name="profile"),
    path("beranda/", views.dashboard, name="dashboard"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("proses/", job_views.job_list, name="job_list"),
    path("proses/<uuid:job_id>/", job_views.job_status, name="job_status"),
    path("proses/<uuid:job_id>/unduh/", job_views.job_download, name="job_download"),
    path("proses/<uuid:job_id>/ulang/", job_views.job_restart, name="job_restart"),
]

# Each app of ours with a urls module gets a prefix and its own namespace.
APP_URL_PREFIXES = {
    "courses": "kursus/",
    "quizzes": "kuis/",
    "ledger": "buku/",
    "incubator": "inkubasi/",
    "certificates": "",  # /sertifikat/ (trainees, staff) and /certificates/verify/ (public, in the QR)
}
for app_label, prefix in APP_URL_PREFIXES.items():
    if module_has_submodule(import_module(app_label), "urls"):
        urlpatterns.append(path(prefix, include(f"{app_label}.urls", namespace=app_label)))

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
# Uploaded media for the dev server and the demo (`make run`, DEBUG off); the view answers only
# when DEBUG or SERVE_FILES is on. Production serves media outside Django.
MEDIA_PREFIX = settings.MEDIA_URL.lstrip("/")
urlpatterns.append(re_path(rf"^{MEDIA_PREFIX}(?P<path>.*)$", views.media_file))

urlpatterns.append(path("", include(wagtail_urls)))

handler403 = "lms.views.error_403"
handler404 = "lms.views.error_404"
handler500 = "lms.views.error_500"
