"""The quiz page and attempts as trainees take them (and instructors look at them).

Every answer is read and graded on the server; the page works without JavaScript (plain forms:
"Simpan jawaban", "Selesai", "Kirim sekarang"); `static/quizzes/attempt.js` adds autosave, a
countdown and the automatic submit when time runs out.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.forms import EnrolByCodeForm
from courses.models import Cohort
from courses.selectors import course_outline
from lms.permissions import can

from ..access import quiz_access
from ..fragments import form_question_html
from ..models import QuizAttempt, QuizKind, QuizPage
from ..presenters import question_view
from ..selectors import attempt_answers, quiz_overview, quiz_window, review_flags
from ..services import QuizError, finish_if_overdue, finish_overdue_attempts, save_answers, start_attempt


def _refuse(request, access, *, reason: str):
    context = {"course": access.course, "reason": reason, "module": access.module, "enrol_form": EnrolByCodeForm()}
    return TemplateResponse(request, "courses/locked.html", context, status=403)


def serve_quiz(request, quiz):
    """The quiz page: intro, rules, the trainee's attempts and grade, the start button; for staff,
    links to the gradebooks and the regrade screen."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    access = quiz_access(user=request.user, quiz=quiz)
    if not access.allowed:
        return _refuse(request, access, reason="not_enrolled")
    if access.module is not None and not access.module.is_released() and not access.teaches:
        return _refuse(request, access, reason="not_released")
    overview = None
    attempt_rows = []
    if access.enrollment is not None:
        finish_overdue_attempts(user=request.user, quiz=quiz)
        overview = quiz_overview(quiz=quiz, user=request.user, cohort_id=access.enrollment.cohort_id)
        for attempt in overview.attempts:
            flags = review_flags(quiz=quiz, window=overview.window, attempt_finished=attempt.is_finished, staff=False)
            attempt_rows.append({"attempt": attempt, "show_score": flags.score})
    outline = course_outline(course=access.course, user=request.user)
    previous, following = outline.neighbours(quiz.pk)
    cohorts = []
    if access.teaches:
        cohorts = [
            cohort
            for cohort in Cohort.objects.filter(course=access.course).order_by("-start_date")
            if can(request.user, "quizzes.view_gradebook", cohort)
        ]
    context = quiz.get_context(request)
    context.update(
        {
            "course": access.course,
            "module": access.module,
            "enrollment": access.enrollment,
            "teaches": access.teaches,
            "overview": overview,
            "attempt_rows": attempt_rows,
            "grade_visible": bool(attempt_rows) and any(row["show_score"] for row in attempt_rows),
            "cohorts": cohorts,
            "may_regrade": access.teaches and can(request.user, "quizzes.regrade_quiz", quiz),
            "previous": previous,
            "next": following,
            "is_pretest": quiz.kind == QuizKind.PRETEST,
        }
    )
    return TemplateResponse(request, "quizzes/quiz_page.html", context)


@login_required
@require_POST
def start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = start_attempt(user=request.user, quiz=quiz)
    except QuizError as error:
        if error.code == "not_enrolled":
            raise Http404 from error
        messages.error(request, error.message)
        return redirect(quiz.url)
    return redirect("quizzes:attempt", attempt.pk)


def _own_attempt(request, pk) -> QuizAttempt:
    """The signed-in trainee's attempt; anyone else's is a 404 (no leak of its existence)."""
    return get_object_or_404(QuizAttempt.objects.select_related("quiz"), pk=pk, user=request.user)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _attempt_page(request, attempt, *, problems=None, general=None, status=200):
    answers = attempt_answers(attempt)
    problems = problems or {}
    views = []
    for answer in answers:
        view = question_view(answer, problems=problems.get(answer.position))
        view.html = form_question_html(answer, view)
        views.append(view)
    quiz = attempt.quiz
    context = {
        "page": quiz,
        "quiz": quiz,
        "attempt": attempt,
        "questions": views,
        "general_problems": general or [],
        "seconds_left": attempt.seconds_left(),
        "answered": sum(1 for v in views if v.answered),
    }
    return TemplateResponse(request, "quizzes/attempt.html", context, status=status)


@login_required
def attempt_view(request, pk: int):
    """GET: the form with the saved answers. POST: save (action=save), save and go to the summary
    (action=review), or save and submit (action=submit). JSON when the script autosaves."""
    attempt = _own_attempt(request, pk)
    if request.method != "POST":
        if finish_if_overdue(attempt):
            if attempt.auto_submitted:
                messages.info(request, _("Waktu habis: jawaban yang tersimpan sudah dikirim."))
            return redirect("quizzes:review", attempt.pk)
        return _attempt_page(request, attempt)

    action = request.POST.get("action", "save")
    outcome = save_answers(attempt=attempt, user=request.user, data=request.POST, submit=action == "submit")
    if _wants_json(request):
        return JsonResponse(
            {
                "saved": outcome.saved,
                "finished": outcome.attempt.is_finished,
                "late": outcome.late,
                "problems": {str(k): v for k, v in outcome.read.problems.items()},
                "general": outcome.read.general,
                "seconds_left": outcome.attempt.seconds_left(),
                "review_url": reverse("quizzes:review", args=[attempt.pk]),
            },
            status=409 if (outcome.already_finished or outcome.late) and action != "submit" else 200,
        )
    if outcome.late:
        messages.warning(
            request,
            _("Waktu habis sebelum jawaban ini sampai: percobaan dikirim dengan jawaban yang tersimpan sebelumnya."),
        )
        return redirect("quizzes:review", attempt.pk)
    if outcome.already_finished:
        messages.info(request, _("Percobaan ini sudah dikirim sebelumnya; dihitung satu kali."))
        return redirect("quizzes:review", attempt.pk)
    if outcome.finished_now:
        messages.success(request, _("Jawaban terkirim. Terima kasih!"))
        return redirect("quizzes:review", attempt.pk)
    if outcome.read.problems or outcome.read.general:
        numbers = ", ".join(str(n) for n in sorted(outcome.read.problems))
        if numbers:
            messages.warning(
                request,
                _("Soal nomor %(numbers)s perlu diperiksa; lihat pesan pada soal itu. Jawaban lain sudah tersimpan.")
                % {"numbers": numbers},
            )
        else:
            messages.warning(request, _("Sebagian jawaban perlu diperiksa; lihat pesan pada soal yang ditandai."))
        return _attempt_page(request, attempt, problems=outcome.read.problems, general=outcome.read.general)
    if action == "review":
        return redirect("quizzes:confirm", attempt.pk)
    messages.success(request, _("Jawaban tersimpan."))
    position = action.removeprefix("save-")
    anchor = f"#soal-{position}" if position.isdigit() else ""
    return redirect(reverse("quizzes:attempt", args=[attempt.pk]) + anchor)


@login_required
def confirm(request, pk: int):
    """Before sending: which questions are still unanswered, and the "Kirim sekarang" button."""
    attempt = _own_attempt(request, pk)
    if finish_if_overdue(attempt):
        return redirect("quizzes:review", attempt.pk)
    views = [question_view(answer) for answer in attempt_answers(attempt)]
    context = {
        "page": attempt.quiz,
        "attempt": attempt,
        "questions": views,
        "unanswered": [v.position for v in views if not v.answered],
        "seconds_left": attempt.seconds_left(),
    }
    return TemplateResponse(request, "quizzes/confirm.html", context)


@login_required
def review(request, pk: int):
    """A finished attempt, showing what the quiz's review options allow (staff see everything)."""
    attempt = get_object_or_404(QuizAttempt.objects.select_related("quiz", "user"), pk=pk)
    if not can(request.user, "quizzes.view_attempt", attempt):
        raise Http404
    own = attempt.user_id == request.user.pk
    quiz = attempt.quiz
    if own:
        if not finish_if_overdue(attempt):
            return redirect("quizzes:attempt", attempt.pk)
    window = quiz_window(quiz=quiz, user=attempt.user, cohort_id=attempt.cohort_id)
    flags = review_flags(quiz=quiz, window=window, attempt_finished=attempt.is_finished, staff=not own)
    views = []
    if attempt.is_finished:
        views = [question_view(answer, review=flags) for answer in attempt_answers(attempt)]
    context = {
        "page": quiz,
        "quiz": quiz,
        "attempt": attempt,
        "own": own,
        "flags": flags,
        "questions": views,
        "now": timezone.now(),
        "window": window,
    }
    return TemplateResponse(request, "quizzes/review.html", context)
