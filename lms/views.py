"""Site-wide views: health check, the signed-in user's home, profile, error pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe
from django.views.static import serve

from . import health, roles
from .forms import ProfileForm


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico: browsers ask for it whatever the page's <link rel="icon"> says (a 404 in
    every browser's console and in the server's log); send them to the icon we have."""
    return redirect(static("lms/img/favicon.svg"))


@never_cache
@require_GET
def healthz(request):
    """Status code and "ok"/"error" for anyone (load balancers, uptime checks); which service failed
    and how only for staff or a monitor that sends `X-Health-Token: <HEALTHZ_TOKEN>` (issue 9, item 16)."""
    healthy, checks = health.run_checks()
    body = {"status": "ok" if healthy else "error"}
    if _may_see_health_details(request):
        body["checks"] = checks
    return JsonResponse(body, status=200 if healthy else 503)


def _may_see_health_details(request) -> bool:
    import hmac

    token = getattr(settings, "HEALTHZ_TOKEN", "")
    sent = request.headers.get("X-Health-Token", "")
    if token and sent and hmac.compare_digest(token.encode(), sent.encode()):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


# The role groups' names, as shown to their holders (the groups themselves keep Indonesian names).
ROLE_LABELS = {
    roles.TRAINEE: gettext_lazy("Peserta"),
    roles.INSTRUCTOR: gettext_lazy("Narasumber"),
    roles.OFFICER: gettext_lazy("Petugas Dinas"),
    roles.VENTURE_CONTACT: gettext_lazy("Kontak Usaha"),
    roles.ADMIN: gettext_lazy("Admin"),
}


@login_required
def dashboard(request):
    # Only the roles: other groups (e.g. the per-course editor groups of courses) are not shown.
    held = roles.user_roles(request.user)
    role_names = [ROLE_LABELS[role] for role in roles.ALL_ROLES if role in held]
    return render(request, "lms/dashboard.html", {"role_names": role_names})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Profil Anda sudah disimpan."))
            return redirect("profile")
        messages.error(request, _("Periksa kembali isian yang ditandai."))
    return render(request, "lms/profile.html", {"form": form})


@require_POST
def admin_logout(request):
    """Wagtail's admin logout, POST only. Wagtail's own view answers a GET with 405 but deletes the
    session cookie anyway, so a link or an image on any page could log staff out (issue 9, item 12)."""
    from wagtail.admin.views.account import LogoutView

    return LogoutView.as_view()(request)


def media_file(request, path):
    """Uploaded files for the dev server and the demo only (DEBUG or SERVE_FILES, see lms/settings/dev.py)."""
    if not (settings.DEBUG or getattr(settings, "SERVE_FILES", False)):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors that touch the database: the error may be the database itself.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render({}))
