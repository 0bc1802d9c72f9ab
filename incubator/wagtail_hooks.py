"""Wagtail admin of the incubator: programmes (with milestone templates), ventures and KPI reports,
with filters, search, CSV/XLSX export (cells escaped by lms.exporter's patch) and Wagtail's history
of every change made in the admin. Stage changes, verification and reports have their own pages
(/inkubasi/), which keep who did what and why."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.admin_columns import RupiahColumn, YesNoColumn, field_column
from lms.admin_policies import RefusingPolicy

from .models import KpiReport, Programme, Venture


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "calendar"
    menu_label = _("Program inkubasi")
    url_prefix = "inkubasi/program"
    list_display = ["name", "intake_year", "start_date", "end_date"]
    list_filter = ["intake_year"]
    search_fields = ["name"]
    list_export = ["name", "intake_year", "start_date", "end_date", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("intake_year"), FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("description"),
            InlinePanel("milestone_templates", label=_("Templat tonggak")),
        ]
    )


class VentureViewSet(SnippetViewSet):
    model = Venture
    icon = "group"
    menu_label = _("Usaha binaan")
    url_prefix = "inkubasi/usaha"
    list_display = [
        "name",
        "programme",
        "kind",
        "stage",
        "kecamatan",
        Column(
            "page",
            label=_("Halaman"),
            accessor=lambda v: format_html(
                '<a href="{}">{}</a>', reverse("incubator:venture_detail", args=[v.pk]), _("Buka")
            ),
        ),
    ]
    list_filter = ["programme", "stage", "kind", "kecamatan"]
    search_fields = ["name", "brand", "nib", "kbli"]
    list_export = [
        "name",
        "programme",
        "kind",
        "stage",
        "stage_since",
        "entry_date",
        "sector",
        "kbli",
        "kelurahan",
        "kecamatan",
        "nib",
        "legal_entity",
        "halal_certificate",
        "pirt",
        "brand",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("programme"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("entry_date")]),
            MultiFieldPanel([FieldPanel("sector"), FieldPanel("kbli"), FieldPanel("brand")], heading=_("Usaha")),
            MultiFieldPanel([FieldPanel("kelurahan"), FieldPanel("kecamatan")], heading=_("Wilayah")),
            MultiFieldPanel(
                [FieldPanel("nib"), FieldPanel("legal_entity"), FieldPanel("halal_certificate"), FieldPanel("pirt")],
                heading=_("Legalitas"),
            ),
            FieldPanel("contacts"),
            FieldPanel("people"),
        ]
    )


class KpiReportViewSet(ModelViewSet):
    """KPI reports, for looking up and exporting (they are sent and edited on /inkubasi/, with history)."""

    model = KpiReport
    icon = "table"
    menu_label = _("Laporan KPI")
    name = "incubator_kpi"
    url_prefix = "inkubasi/kpi"
    inspect_view_enabled = True
    form_fields = ["late"]
    list_display = [
        "venture",
        "period",
        field_column(YesNoColumn, KpiReport, "is_baseline"),
        field_column(RupiahColumn, KpiReport, "omzet"),
        "members",
        "source",
        field_column(YesNoColumn, KpiReport, "late"),
    ]
    list_filter = ["is_baseline", "source", "late", "venture__programme"]
    search_fields = ["venture__name"]
    list_export = [
        "venture",
        "period",
        "is_baseline",
        "omzet",
        "members",
        "employees_male",
        "employees_female",
        "assets",
        "shu",
        "financing",
        "source",
        "late",
        "submitted_at",
    ]


# Reports are sent on /inkubasi/ (services.submit_kpi_report: lateness, book figures, history); the
# admin's create view made a row without venture or month and failed on the database.
register_permission_policy(KpiReport, RefusingPolicy(KpiReport))


class IncubatorGroup(ViewSetGroup):
    menu_label = _("Inkubasi")
    menu_icon = "group"
    menu_order = 270
    items = (ProgrammeViewSet, VentureViewSet, KpiReportViewSet)


@hooks.register("register_admin_viewset")
def register_incubator_viewsets():
    return IncubatorGroup()


@hooks.register("after_create_snippet")
def start_admin_created_venture(request, instance):
    """A venture added in the admin gets its first stage entry and its template milestones."""
    if isinstance(instance, Venture):
        from .services import start_venture

        start_venture(venture=instance, by=request.user)
