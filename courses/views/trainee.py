"""Trainee pages: my courses, enrol by code, mark a lesson done, self check-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import CheckInForm, EnrolByCodeForm
from ..models import LessonPage
from ..selectors import my_courses as select_my_courses
from ..services import CourseError, check_in, enroll_with_code, mark_lesson_done


@login_required
def my_courses(request):
    form = EnrolByCodeForm()
    now = timezone.now()
    return render(
        request,
        "courses/my_courses.html",
        {"courses": select_my_courses(user=request.user, now=now), "form": form, "now": now},
    )


@login_required
def enrol(request):
    form = EnrolByCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = enroll_with_code(user=request.user, code=form.cleaned_data["code"])
        except CourseError as exc:
            if exc.code != "already_enrolled":
                form.add_error("code", exc.message)
            else:
                # A double tap on "Daftar" (or an old tab) lands where the first one did.
                messages.info(request, exc.message)
                return redirect("courses:my_courses")
        else:
            messages.success(
                request, _("Selamat datang di %(cohort)s! Anda sudah terdaftar.") % {"cohort": enrollment.cohort.name}
            )
            return redirect("courses:my_courses")
    status = 400 if form.errors else 200
    return render(request, "courses/enrol.html", {"form": form}, status=status)


@login_required
@require_POST
def lesson_done(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        mark_lesson_done(user=request.user, lesson=lesson)
    except CourseError as exc:
        messages.error(request, exc.message)
        return redirect(lesson.url)
    messages.success(request, _('Pelajaran "%(title)s" ditandai selesai.') % {"title": lesson.title})
    next_url = request.POST.get("next", "")
    sibling = LessonPage.objects.live().filter(pk=next_url).first() if next_url.isdigit() else None
    return redirect(sibling.url if sibling else lesson.url)


@login_required
def check_in_view(request):
    initial = {"code": request.GET.get("kode", ""), "session": request.GET.get("sesi") or None}
    form = CheckInForm(request.POST or None, initial=initial)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = check_in(
                user=request.user, code=form.cleaned_data["code"], session_id=form.cleaned_data.get("session")
            )
        except CourseError as exc:
            form.add_error("code", exc.message)
        else:
            if result.created:
                messages.success(
                    request,
                    _("Presensi tercatat: %(status)s, %(session)s.")
                    % {"status": result.attendance.get_status_display(), "session": result.attendance.session.title},
                )
            else:
                messages.info(
                    request,
                    _("Anda sudah tercatat untuk sesi ini (%(status)s); tidak ada yang berubah.")
                    % {"status": result.attendance.get_status_display()},
                )
            return redirect("courses:my_courses")
    status = 400 if form.errors else 200
    return render(request, "courses/check_in.html", {"form": form}, status=status)
