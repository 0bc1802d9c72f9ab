"""Pages of the incubation tracker: officers' lists and venture pages, the venture contact's own venture.

Thin views: a permission per object (incubator.rules), a selector or a service, a template.
A venture the user may not see answers 404 (its existence is not told).
"""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.permissions import can

from . import selectors, services
from .dashboard import venture_trends
from .forms import (
    EvidenceForm,
    KpiReportForm,
    MentoringDeleteForm,
    MentoringForm,
    MonthField,
    StageChangeForm,
    VentureFilterForm,
    VentureForm,
)
from .models import (
    ACTIVE_STAGES,
    KPI_FIGURES,
    ActionItem,
    KpiReport,
    MentoringRevision,
    MentoringSession,
    Milestone,
    Venture,
)

PAGE_SIZE = 50


def _officer_only(request):
    if not can(request.user, "incubator.manage"):
        raise PermissionDenied


def _venture_for(request, pk, permission="incubator.view_venture") -> Venture:
    venture = get_object_or_404(Venture.objects.select_related("programme", "book"), pk=pk)
    if not can(request.user, permission, venture):
        if can(request.user, "incubator.view_venture", venture):
            raise PermissionDenied
        raise Http404
    return venture


def _form_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def dashboard(request):
    _officer_only(request)
    from .dashboard import dashboard_context

    context = dashboard_context(request)
    today = timezone.localdate()
    last_month = services.month_start(services.month_start(today) - dt.timedelta(days=1))
    context.update({"value": f"{last_month:%Y-%m}", "max_month": f"{today:%Y-%m}"})
    return render(request, "incubator/dashboard.html", context)


@login_required
def venture_list(request):
    _officer_only(request)
    form = VentureFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    ventures = selectors.venture_rows(selectors.filtered_ventures(data))
    page = Paginator(ventures, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "incubator/venture_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "last_due": selectors.last_due_period(),
            "active_stages": [str(s) for s in ACTIVE_STAGES],
        },
    )


@login_required
def venture_create(request):
    _officer_only(request)
    form = VentureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            venture = services.create_venture(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Usaha binaan ditambahkan."))
            return redirect("incubator:venture_detail", venture.pk)
    return render(request, "incubator/form.html", {"form": form, "title": _("Tambah usaha binaan")})


@login_required
def my_venture(request):
    if not can(request.user, "lms.access_venture_area"):
        raise PermissionDenied
    ventures = list(selectors.ventures_of_contact(request.user))
    if len(ventures) == 1:
        return redirect("incubator:venture_detail", ventures[0].pk)
    return render(request, "incubator/my_ventures.html", {"ventures": ventures})


@login_required
def venture_detail(request, pk: int):
    venture = _venture_for(request, pk)
    page = selectors.venture_page(venture)
    context = {
        "venture": venture,
        "page": page,
        "manage": can(request.user, "incubator.manage"),
        "may_report": can(request.user, "incubator.report_venture", venture),
        "page_today": timezone.localdate(),
        "trends": venture_trends(page),
    }
    if context["manage"]:
        context["training"] = selectors.people_training(venture)
        context["stage_form"] = StageChangeForm()
        context["mentoring_history"] = list(
            MentoringRevision.objects.filter(venture=venture).select_related("changed_by")
        )
    return render(request, "incubator/venture_detail.html", context)


@login_required
def stage_change(request, pk: int):
    venture = _venture_for(request, pk, "incubator.manage")
    form = StageChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_stage(venture=venture, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Tahap usaha diperbarui."))
            return redirect("incubator:venture_detail", venture.pk)
    page = selectors.venture_page(venture)
    return render(request, "incubator/stage_form.html", {"venture": venture, "form": form, "page": page})


@login_required
def milestone_evidence(request, pk: int, milestone_pk: int):
    venture = _venture_for(request, pk, "incubator.report_venture")
    milestone = get_object_or_404(Milestone, pk=milestone_pk, venture=venture)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evidence(
                milestone=milestone,
                upload=form.cleaned_data["evidence"],
                done_date=form.cleaned_data["done_date"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Bukti tonggak terkirim; petugas akan memverifikasinya."))
            return redirect("incubator:venture_detail", venture.pk)
    return render(request, "incubator/evidence_form.html", {"venture": venture, "milestone": milestone, "form": form})


@login_required
def milestone_file(request, pk: int, milestone_pk: int):
    venture = _venture_for(request, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, venture=venture)
    if not milestone.evidence:
        raise Http404
    return FileResponse(
        milestone.evidence.open("rb"), as_attachment=True, filename=milestone.evidence.name.rsplit("/", 1)[-1]
    )


@login_required
@require_POST
def milestone_verify(request, pk: int, milestone_pk: int):
    venture = _venture_for(request, pk, "incubator.manage")
    milestone = get_object_or_404(Milestone, pk=milestone_pk, venture=venture)
    try:
        services.verify_milestone(milestone=milestone, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Tonggak diverifikasi."))
    return redirect("incubator:venture_detail", venture.pk)


def _mentoring_form(request, form, save, *, success: str, next_url: str, template: str, context: dict):
    """The round both mentoring forms make: a valid POST hands the session's fields to `save` (a
    service: its refusal lands on the form), then says `success` and goes to `next_url`; anything
    else shows the form again."""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            save(date=data["date"], mentor=data["mentor"], topics=data["topics"], notes=data["notes"], by=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(next_url)
    return render(request, template, {"form": form, **context})


@login_required
def mentoring_create(request, pk: int):
    venture = _venture_for(request, pk, "incubator.manage")
    form = MentoringForm(request.POST or None)
    return _mentoring_form(
        request,
        form,
        lambda **fields: services.record_mentoring(venture=venture, action_items=form.action_items(), **fields),
        success=_("Sesi pendampingan dicatat."),
        next_url=reverse("incubator:venture_detail", args=[venture.pk]),
        template="incubator/form.html",
        context={"venture": venture, "title": _("Catat sesi pendampingan")},
    )


def _session_for(request, pk: int, session_pk: int):
    """The venture (officers only: another role gets 403/404 as for the venture) and its session."""
    venture = _venture_for(request, pk, "incubator.manage")
    session = get_object_or_404(MentoringSession, pk=session_pk, venture=venture)
    return venture, session


@login_required
def mentoring_edit(request, pk: int, session_pk: int):
    venture, session = _session_for(request, pk, session_pk)
    form = MentoringForm(request.POST or None, session=session)
    return _mentoring_form(
        request,
        form,
        lambda **fields: services.update_mentoring(session=session, action_items=form.action_rows(), **fields),
        success=_("Sesi pendampingan diperbarui; isi sebelumnya disimpan di riwayat."),
        next_url=reverse("incubator:venture_detail", args=[venture.pk]) + "#pendampingan",
        template="incubator/mentoring_form.html",
        context={"venture": venture, "session": session, "title": _("Ubah sesi pendampingan")},
    )


@login_required
def mentoring_delete(request, pk: int, session_pk: int):
    """GET: what will be deleted and a confirmation form; POST: delete (kept in the history)."""
    venture, session = _session_for(request, pk, session_pk)
    form = MentoringDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_mentoring(session=session, reason=form.cleaned_data["reason"], by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Sesi pendampingan dihapus; isinya tetap tercatat di riwayat."))
        return redirect(reverse("incubator:venture_detail", args=[venture.pk]) + "#pendampingan")
    return render(request, "incubator/mentoring_delete.html", {"form": form, "venture": venture, "session": session})


@login_required
@require_POST
def action_item_toggle(request, pk: int, item_pk: int):
    venture = _venture_for(request, pk, "incubator.report_venture")
    item = get_object_or_404(ActionItem, pk=item_pk, session__venture=venture)
    services.set_action_item_done(item=item, done=request.POST.get("done") == "1", by=request.user)
    return redirect("incubator:venture_detail", venture.pk)


def _book_figures(venture, period):
    """Figures from the venture's own book for the month (None when it keeps no book in Sinau)."""
    if venture.book_id is None:
        return None
    from .books import kpi_figures_from_book

    return kpi_figures_from_book(venture.book, period)


@login_required
@require_POST
def open_book(request, pk: int):
    venture = _venture_for(request, pk, "incubator.report_venture")
    from .books import open_venture_book

    try:
        book = open_venture_book(venture=venture, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("incubator:venture_detail", venture.pk)
    messages.success(
        request, _("Pembukuan usaha siap. Catat transaksi di sini; laporan bulanan akan terisi dari buku ini.")
    )
    return redirect("ledger:book_detail", book.pk)


@login_required
def kpi_report(request, pk: int, baseline: bool = False):
    venture = _venture_for(request, pk, "incubator.report_venture")
    period = None
    raw_month = request.POST.get("period") if request.method == "POST" else request.GET.get("bulan")
    if raw_month:
        try:
            period = MonthField().clean(raw_month)
        except ValidationError:
            period = None
    if period is None and request.method != "POST":
        # Default: last month (the one usually being reported), or this month for a venture that just entered.
        period = services.month_start(services.month_start(timezone.localdate()) - dt.timedelta(days=1))
        if period < services.month_start(venture.entry_date):
            period = services.month_start(timezone.localdate())
    existing = None
    if baseline:
        existing = KpiReport.objects.filter(venture=venture, is_baseline=True).first()
        period = services.month_start(venture.entry_date)
    elif period is not None:
        existing = KpiReport.objects.filter(venture=venture, is_baseline=False, period=period).first()
    book = _book_figures(venture, period) if period is not None and not baseline else None
    if request.method == "POST":
        form = KpiReportForm(request.POST, baseline=baseline)
        if form.is_valid():
            try:
                _report, created = services.submit_kpi_report(
                    venture=venture,
                    period=period if baseline else form.cleaned_data["period"],
                    figures=form.figures(),
                    by=request.user,
                    baseline=baseline,
                    book_figures=book.figures if book else None,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                if created:
                    messages.success(request, _("Laporan tersimpan. Terima kasih."))
                else:
                    messages.success(
                        request, _("Laporan bulan ini sudah ada: isinya diperbarui dan versi lama disimpan di riwayat.")
                    )
                return redirect("incubator:venture_detail", venture.pk)
    else:
        initial = {}
        if existing is not None:
            initial = {name: getattr(existing, name) for name in KPI_FIGURES}
        elif book is not None:
            initial = dict(book.figures)
        if period is not None:
            initial["period"] = period
        form = KpiReportForm(initial=initial, baseline=baseline)
    return render(
        request,
        "incubator/kpi_form.html",
        {"venture": venture, "form": form, "existing": existing, "baseline": baseline, "book": book, "period": period},
    )


@login_required
def exports_page(request):
    _officer_only(request)
    from .exports import EXPORT_LABELS

    return render(
        request,
        "incubator/exports.html",
        {"exports": list(EXPORT_LABELS.items()), "query": request.GET.urlencode()},
    )


@login_required
def export_download(request, what: str, fmt: str):
    _officer_only(request)
    from lms import jobs

    from .exports import EXPORT_JOB, EXPORT_LABELS, EXPORTS, filter_data, inline_limit

    if what not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    exporter = EXPORTS[what](filter_data(request.GET))
    if exporter.count() <= inline_limit():
        return exporter.response(fmt)
    job = jobs.start_job(
        kind=EXPORT_JOB,
        owner=request.user,
        params={"what": what, "fmt": fmt, "query": request.GET.urlencode()},
        label=f"{EXPORT_LABELS[what]} ({fmt.upper()})",
        return_url=reverse("incubator:exports"),
    )
    return redirect("job_status", job.pk)


# --- Monthly report for the head of office ------------------------------------------------------


@login_required
def monthly_reports(request):
    """Officers: the stored monthly reports (every version) to download; POST a month to make a new
    version in the background (lms.jobs: progress page, then the download)."""
    _officer_only(request)
    from lms import jobs

    from . import monthly
    from .models import MonthlyReport

    error = ""
    raw = request.POST.get("bulan", "") if request.method == "POST" else ""
    if request.method == "POST":
        try:
            month = monthly.parse_month(raw)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            job = jobs.start_job(
                kind=monthly.JOB_KIND,
                owner=request.user,
                params={"month": f"{month:%Y-%m}"},
                label=_("Laporan bulanan inkubasi %(month)s (PDF)") % {"month": monthly.month_label(month)},
                return_url=reverse("incubator:monthly_reports"),
            )
            return redirect("job_status", job.pk)
    today = timezone.localdate()
    default = services.month_start(services.month_start(today) - dt.timedelta(days=1))
    reports = list(MonthlyReport.objects.select_related("created_by").order_by("-month", "-version")[:120])
    return render(
        request,
        "incubator/monthly_reports.html",
        {
            "reports": reports,
            "error": error,
            "value": raw or f"{default:%Y-%m}",
            "max_month": f"{today:%Y-%m}",
        },
    )


@login_required
def monthly_report_download(request, pk: int):
    _officer_only(request)
    from django.http import HttpResponse

    from .models import MonthlyReport
    from .monthly import read_stored

    report = get_object_or_404(MonthlyReport, pk=pk)
    try:
        content = read_stored(report)
    except (ValidationError, FileNotFoundError):
        messages.error(request, _("Berkas laporan ini tidak bisa dibaca atau sudah berubah; buat versi baru."))
        return redirect("incubator:monthly_reports")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
