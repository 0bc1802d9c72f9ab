"""Wagtail admin for certificates (templates as snippets with a live PDF preview, per-course
settings, the list of issued certificates), and the panels other apps' pages show through
`{% hook_panels %}` (courses never imports certificates)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.admin_columns import YesNoColumn, field_column
from lms.admin_policies import RefusingPolicy
from lms.permissions import can

from . import selectors
from .models import Certificate, CertificateTemplate, CourseCertificateSettings
from .rendering import PLACEHOLDERS


def _placeholder_help() -> str:
    items = format_html_join("", "<li><code>{{{{ {} }}}}</code> — {}</li>", PLACEHOLDERS.items())
    intro = _(
        "Penanda yang bisa dipakai di isi (HTML) dan gaya (CSS). Penanda lain, tag templat, gambar dari luar "
        "dan HTML yang rusak ditolak saat disimpan, dengan alasannya. Pratinjau menampilkan data contoh."
    )
    return format_html("<p>{}</p><ul>{}</ul>", intro, items)


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Templat sertifikat")
    url_prefix = "sertifikat/templat"
    list_display = ["name", "kind", "orientation", "updated_at"]
    list_filter = ["kind", "orientation"]
    search_fields = ["name"]

    @property
    def edit_handler(self):
        return ObjectList(
            [
                FieldPanel("name"),
                FieldPanel("kind"),
                FieldPanel("orientation"),
                MultiFieldPanel(
                    [FieldPanel("issuer_name"), FieldPanel("issue_place"), FieldPanel("logo")], heading=_("Penerbit")
                ),
                HelpPanel(content=_placeholder_help(), heading=_("Penanda")),
                FieldPanel("body_html"),
                FieldPanel("css"),
                FieldPanel("background"),
                InlinePanel("signatories", label=_("Penanda tangan"), max_num=4),
            ]
        )


class CourseCertificateSettingsViewSet(ModelViewSet):
    model = CourseCertificateSettings
    icon = "cog"
    menu_label = _("Pengaturan per kursus")
    name = "certificates_course_settings"
    url_prefix = "sertifikat/kursus"
    form_fields = ["course", "completion_template", "attendance_template", "issue_on_completion", "validity_months"]
    list_display = [
        "course",
        "completion_template",
        "attendance_template",
        field_column(YesNoColumn, CourseCertificateSettings, "issue_on_completion"),
        "validity_months",
    ]


class CertificateViewSet(ModelViewSet):
    """Issued certificates, read-only here (issuing, revoking and reissuing have their own pages,
    which record who did it and why)."""

    model = Certificate
    icon = "tasks"
    menu_label = _("Sertifikat terbit")
    name = "certificates_certificate"
    url_prefix = "sertifikat/terbit"
    add_to_admin_menu = False
    inspect_view_enabled = True
    form_fields = ["expires_at"]
    list_display = [
        "serial",
        "holder",
        "course",
        "kind",
        "status",
        "issued_at",
        Column(
            "manage",
            label=_("Kelola"),
            accessor=lambda c: format_html(
                '<a href="{}">{}</a>', reverse("certificates:manage", args=[c.pk]), _("Riwayat, cabut, terbit ulang")
            ),
        ),
    ]
    list_filter = ["status", "kind", "year", "course"]
    search_fields = ["serial", "code", "holder__full_name"]
    list_export = [
        "serial",
        "code",
        "holder",
        "course",
        "cohort",
        "kind",
        "status",
        "issued_at",
        "expires_at",
        "sha256",
    ]


# Certificates are issued by services.issue_certificate (serial, code, PDF, event); the admin's
# create view made a row with only an expiry date and failed on the database.
register_permission_policy(Certificate, RefusingPolicy(Certificate))


class CertificatesGroup(ViewSetGroup):
    menu_label = _("Sertifikat")
    menu_icon = "doc-full"
    menu_order = 260
    items = (CertificateTemplateViewSet, CourseCertificateSettingsViewSet, CertificateViewSet)


@hooks.register("register_admin_viewset")
def register_certificate_viewsets():
    return CertificatesGroup()


# --- Panels on other apps' pages (see lms.templatetags.sinau.hook_panels) ---------------------------


@hooks.register("sinau_panel_course_page")
def course_page_certificates(request, page=None, enrollment=None, **kwargs):
    """On a course page: the trainee's certificates of that course, once issued (one query)."""
    if enrollment is None or page is None:
        return ""
    certificates = selectors.current_for_user_courses(user=request.user, course_ids=[page.pk]).get(page.pk, [])
    if not certificates:
        return ""
    return render_to_string("certificates/includes/panel.html", {"certificates": certificates}, request=request)


@hooks.register("sinau_panel_dashboard")
def dashboard_certificates(request, **kwargs):
    """On "Beranda saya": the user's certificates (one query; nothing when there are none)."""
    if not can(request.user, "lms.access_trainee_area"):
        return ""
    certificates = list(selectors.my_certificates(user=request.user)[:5])
    if not certificates:
        return ""
    return render_to_string(
        "certificates/includes/panel.html", {"certificates": certificates, "with_course": True}, request=request
    )


@hooks.register("sinau_panel_cohort_detail")
def cohort_certificates_link(request, cohort=None, **kwargs):
    if cohort is None or not can(request.user, "certificates.issue_certificate", cohort):
        return ""
    return format_html(
        '<a class="button button-secondary" href="{}">{}</a>',
        reverse("certificates:cohort", args=[cohort.pk]),
        _("Sertifikat"),
    )
