"""CSV/XLSX exports of the incubator (ventures, KPI reports, milestones) through lms.exporter.

Every cell goes through lms.exporter's escaping; a big export runs as an lms.jobs background job
(`incubator.export`) instead of inside the request.
"""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import jobs
from lms.exporter import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, ListExporter

from . import selectors
from .forms import VentureFilterForm
from .models import KpiReport, Milestone

EXPORT_JOB = "incubator.export"


def filter_data(query: QueryDict) -> dict:
    form = VentureFilterForm(query or None)
    return form.cleaned_data if form.is_valid() else {}


def inline_limit() -> int:
    """Rows above which an export runs as a background job."""
    return getattr(settings, "INCUBATOR_EXPORT_INLINE_ROWS", 5000)


class VentureExport(ListExporter):
    filename = "usaha-binaan"
    sheet_title = "Usaha binaan"

    def __init__(self, data: dict):
        self.ventures = selectors.venture_rows(selectors.filtered_ventures(data))

    def count(self) -> int:
        return self.ventures.count()

    def header(self):
        return [
            _("ID"),
            _("Nama usaha"),
            _("Program"),
            _("Jenis"),
            _("Tahap"),
            _("Tahap sejak"),
            _("Tanggal masuk"),
            _("Sektor"),
            _("KBLI"),
            _("Kelurahan"),
            _("Kecamatan"),
            _("NIB"),
            _("Badan hukum"),
            _("Sertifikat halal"),
            _("PIRT"),
            _("Merek"),
            _("Laporan terakhir"),
            _("Tonggak lewat"),
        ]

    def rows(self):
        for v in self.ventures.iterator(chunk_size=1000):
            yield [
                v.pk,
                v.name,
                v.programme.name,
                v.get_kind_display(),
                v.get_stage_display(),
                v.stage_since,
                v.entry_date,
                v.sector,
                v.kbli,
                v.kelurahan,
                v.kecamatan,
                v.nib,
                v.legal_entity,
                v.halal_certificate,
                v.pirt,
                v.brand,
                v.last_period.strftime("%Y-%m") if v.last_period else "",
                v.overdue_milestones,
            ]


class KpiExport(ListExporter):
    filename = "laporan-kpi"
    sheet_title = "Laporan KPI"

    def __init__(self, data: dict):
        self.reports = (
            KpiReport.objects.filter(venture__in=selectors.filtered_ventures(data).values("pk"))
            .select_related("venture")
            .order_by("venture__name", "venture_id", "-is_baseline", "period")
        )

    def count(self) -> int:
        return self.reports.count()

    def header(self):
        return [
            _("ID usaha"),
            _("Nama usaha"),
            _("Bulan"),
            _("Data dasar"),
            _("Omzet"),
            _("Jumlah anggota"),
            _("Pekerja laki-laki"),
            _("Pekerja perempuan"),
            _("Aset"),
            _("Laba/SHU"),
            _("Pembiayaan"),
            _("Sumber"),
            _("Terlambat"),
            _("Beda dengan pembukuan"),
            _("Dikirim pada"),
        ]

    def rows(self):
        for r in self.reports.iterator(chunk_size=2000):
            yield [
                r.venture_id,
                r.venture.name,
                r.period.strftime("%Y-%m"),
                _("ya") if r.is_baseline else "",
                r.omzet,
                r.members,
                r.employees_male,
                r.employees_female,
                r.assets,
                r.shu,
                r.financing,
                r.get_source_display(),
                _("ya") if r.late else "",
                ", ".join(sorted(r.book_differences)),
                r.submitted_at,
            ]


class MilestoneExport(ListExporter):
    filename = "tonggak"
    sheet_title = "Tonggak"

    def __init__(self, data: dict):
        self.milestones = (
            Milestone.objects.filter(venture__in=selectors.filtered_ventures(data).values("pk"))
            .select_related("venture", "verified_by")
            .order_by("venture__name", "venture_id", "due_date", "pk")
        )

    def count(self) -> int:
        return self.milestones.count()

    def header(self):
        return [
            _("ID usaha"),
            _("Nama usaha"),
            _("Tonggak"),
            _("Jatuh tempo"),
            _("Tanggal tercapai"),
            _("Ada bukti"),
            _("Diverifikasi oleh"),
            _("Diverifikasi pada"),
        ]

    def rows(self):
        for m in self.milestones.iterator(chunk_size=2000):
            yield [
                m.venture_id,
                m.venture.name,
                m.title,
                m.due_date,
                m.done_date,
                _("ya") if m.evidence else "",
                m.verified_by.get_full_name() if m.verified_by else "",
                m.verified_at,
            ]


EXPORTS = {"usaha": VentureExport, "kpi": KpiExport, "tonggak": MilestoneExport}
EXPORT_LABELS = {
    "usaha": gettext_lazy("Usaha binaan"),
    "kpi": gettext_lazy("Laporan KPI"),
    "tonggak": gettext_lazy("Tonggak"),
}


def run_export_job(ctx: jobs.JobContext) -> jobs.JobResult:
    """params: what, fmt, query (the filters). The owner must still be an officer."""
    from lms.permissions import can

    params = ctx.params
    if not can(ctx.owner, "incubator.manage"):
        raise jobs.JobError(_("Anda tidak lagi berhak mengunduh data inkubasi."))
    exporter_class = EXPORTS.get(params.get("what"))
    if exporter_class is None or params.get("fmt") not in ("csv", "xlsx"):
        raise jobs.JobError(_("Ekspor ini tidak dikenal."))
    exporter = exporter_class(filter_data(QueryDict(params.get("query", ""))))
    ctx.progress(0, None, _("Menyusun berkas…"))
    content = exporter.render(params["fmt"])
    content_type = CSV_CONTENT_TYPE if params["fmt"] == "csv" else XLSX_CONTENT_TYPE
    return jobs.JobResult(content=content, filename=f"{exporter.filename}.{params['fmt']}", content_type=content_type)


def register() -> None:
    jobs.register(EXPORT_JOB, run=run_export_job, label=gettext_lazy("Ekspor data inkubasi"), soft_time_limit=600)
