"""Instructor and officer pages: cohort lists, roster, attendance marking, check-in code, report, day plans."""

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms import exporter
from lms.permissions import can

from .. import checkin
from ..content.facilitation import FACILITATION
from ..forms import AttendanceSheetForm
from ..models import Cohort, Enrollment, Session
from ..selectors import all_cohorts, attendance_table, cohort_roster, cohorts_for_instructor


def _cohort_for(request, pk) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    if not can(request.user, "courses.manage_cohort", cohort):
        raise PermissionDenied
    return cohort


@login_required
def instructor_cohorts(request):
    if not can(request.user, "lms.access_instructor_area"):
        raise PermissionDenied
    return render(
        request,
        "courses/cohort_list.html",
        {
            "cohorts": cohorts_for_instructor(user=request.user),
            "title": _("Angkatan yang saya ajar"),
        },
    )


@login_required
def officer_cohorts(request):
    if not can(request.user, "lms.access_officer_area"):
        raise PermissionDenied
    return render(request, "courses/cohort_list.html", {"cohorts": all_cohorts(), "title": _("Semua angkatan")})


ROSTER_FILTERS = {
    "": gettext_lazy("Semua peserta"),
    "belum": gettext_lazy("Belum lulus"),
    "lulus": gettext_lazy("Lulus"),
    "kurang-hadir": gettext_lazy("Kehadiran di bawah syarat"),
}


def _filter_roster(rows, *, query: str, show: str, sessions: int, min_percent: int):
    query = " ".join(query.split()).lower()
    kept = []
    for row in rows:
        user = row.enrollment.user
        if query and query not in f"{user.full_name} {user.organisation} {user.email}".lower():
            continue
        if show == "lulus" and not row.completed:
            continue
        if show == "belum" and row.completed:
            continue
        if show == "kurang-hadir" and not (sessions and row.attended * 100 < min_percent * sessions):
            continue
        kept.append(row)
    return kept


@login_required
def cohort_detail(request, pk: int):
    cohort = _cohort_for(request, pk)
    roster = cohort_roster(cohort=cohort)
    query = request.GET.get("q", "")[:100]
    show = request.GET.get("tampil", "")
    show = show if show in ROSTER_FILTERS else ""
    rows = _filter_roster(
        roster.rows,
        query=query,
        show=show,
        sessions=len(roster.sessions),
        min_percent=cohort.course.min_attendance_percent,
    )
    return render(
        request,
        "courses/cohort_detail.html",
        {
            "cohort": cohort,
            "roster": roster,
            "rows": rows,
            "query": query,
            "show": show,
            "filters": ROSTER_FILTERS.items(),
            "session_count": len(roster.sessions),
            "import_url": reverse("courses_admin_bulk_enrol", args=[cohort.pk]),
            "facilitation_days": sorted(FACILITATION),
        },
    )


@login_required
def session_attendance(request, pk: int, session_pk: int):
    cohort = _cohort_for(request, pk)
    session = get_object_or_404(Session, pk=session_pk, cohort=cohort)
    enrollments = list(
        cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN)
        .select_related("user")
        .order_by("user__full_name")
    )
    current = dict(session.attendances.values_list("enrollment_id", "status"))
    form = AttendanceSheetForm(request.POST or None, rows=enrollments, current=current)
    if request.method == "POST" and form.is_valid():
        from ..services import CourseError, mark_attendance_sheet

        all_present = "all_present" in request.POST
        statuses = form.statuses_all_present() if all_present else form.statuses()
        try:
            changed = mark_attendance_sheet(session=session, statuses=statuses, recorded_by=request.user)
        except CourseError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Kehadiran disimpan (%(count)s perubahan).") % {"count": changed})
            if all_present:
                # Back to the sheet: the instructor now changes only the exceptions.
                return redirect("courses:session_attendance", pk=cohort.pk, session_pk=session.pk)
            return redirect("courses:cohort_detail", pk=cohort.pk)
    return render(request, "courses/session_attendance.html", {"cohort": cohort, "session": session, "form": form})


def qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


@login_required
def session_code(request, pk: int, session_pk: int):
    cohort = _cohort_for(request, pk)
    session = get_object_or_404(Session, pk=session_pk, cohort=cohort)
    now = timezone.now()
    code = checkin.current_code(session.pk, now)
    link = request.build_absolute_uri(reverse("courses:check_in") + f"?sesi={session.pk}&kode={code}")
    return render(
        request,
        "courses/session_code.html",
        {
            "cohort": cohort,
            "session": session,
            "code": code,
            "link": link,
            "qr": mark_safe(qr_svg(link)),  # noqa: S308  # nosec B308, B703  # SVG made by qrcode from our own URL
            "seconds_left": checkin.seconds_left(now),
            "open_now": session.starts_at - checkin.GRACE <= now <= session.ends_at + checkin.GRACE,
        },
    )


@login_required
def attendance_report(request, pk: int):
    cohort = _cohort_for(request, pk)
    header, rows = attendance_table(cohort=cohort)
    export = request.GET.get("format")
    if export in exporter.FORMATS:
        if export == "csv":
            content = exporter.render_csv(header, rows)
        else:
            content = exporter.render_xlsx(header, rows, title=_("Kehadiran"))
        return exporter.download(content, filename=f"kehadiran-{cohort.pk}", fmt=export)
    return render(request, "courses/attendance_report.html", {"cohort": cohort, "header": header, "rows": rows})


@login_required
def completion_recalculation(request, pk: int):
    """Preview what today's completion rule gives each trainee; POST records the new completions."""
    from ..services import preview_completion_recalculation, recalculate_completions

    cohort = _cohort_for(request, pk)
    if request.method == "POST":
        granted = recalculate_completions(cohort=cohort, by=request.user)
        if granted:
            messages.success(
                request,
                ngettext(
                    "%(n)s peserta kini tercatat lulus.",
                    "%(n)s peserta kini tercatat lulus.",
                    len(granted),
                )
                % {"n": len(granted)},
            )
        else:
            messages.info(request, _("Tidak ada perubahan: tidak ada peserta baru yang memenuhi syarat."))
        return redirect("courses:cohort_detail", pk=cohort.pk)
    rows = preview_completion_recalculation(cohort=cohort)
    groups = {change: [row for row in rows if row.change == change] for change in ("grant", "stands", "keep", "none")}
    return render(request, "courses/completion_recalculation.html", {"cohort": cohort, "groups": groups})


@login_required
def facilitation(request, pk: int, day: int):
    """The instructors' plan for one training day (timing, group work, pairing, paper fallback)."""
    cohort = _cohort_for(request, pk)
    plan = FACILITATION.get(day)
    if plan is None:
        raise Http404
    return render(
        request,
        "courses/facilitation.html",
        {"cohort": cohort, "day": day, "plan": plan, "days": sorted(FACILITATION)},
    )
