"""Instructor and officer pages: a cohort's gradebook, one quiz's attempts and item statistics, the
pre-/post-test learning gain, and regrading with a preview. Exports go through `lms.exporter`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import Cohort
from lms import exporter
from lms.permissions import can

from ..exports import AttemptsExport, GainExport, GradebookExport, StatisticsExport
from ..models import QuizKind, QuizPage
from ..selectors import cohort_gradebook, learning_gain, question_statistics, quiz_attempts_of_cohort
from ..services import apply_regrade, finish_overdue_attempts, regrade_preview


def _cohort_for(request, pk) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    if not can(request.user, "quizzes.view_gradebook", cohort):
        raise PermissionDenied
    return cohort


def _quiz_of(cohort, quiz_id) -> QuizPage:
    """A live quiz of the cohort's course; another course's quiz is a 404."""
    return get_object_or_404(QuizPage.objects.live().descendant_of(cohort.course), pk=quiz_id)


def _export(request, exporter_obj):
    fmt = request.GET.get("format")
    if fmt in exporter.FORMATS:
        return exporter_obj.response(fmt)
    return None


@login_required
def gradebook(request, cohort_id: int):
    cohort = _cohort_for(request, cohort_id)
    finish_overdue_attempts()
    book = cohort_gradebook(cohort=cohort)
    response = _export(request, GradebookExport(book))
    if response is not None:
        return response
    posttests = [q for q in book.quizzes if q.kind == QuizKind.POSTTEST and q.pretest_id]
    return render(request, "quizzes/gradebook.html", {"cohort": cohort, "book": book, "posttests": posttests})


@login_required
def quiz_report(request, cohort_id: int, quiz_id: int):
    cohort = _cohort_for(request, cohort_id)
    quiz = _quiz_of(cohort, quiz_id)
    finish_overdue_attempts(quiz=quiz)
    stats = question_statistics(quiz=quiz, cohort=cohort)
    attempts = quiz_attempts_of_cohort(quiz=quiz, cohort=cohort)
    what = request.GET.get("data")
    response = _export(
        request,
        StatisticsExport(quiz, cohort, stats) if what == "statistik" else AttemptsExport(quiz, cohort, attempts),
    )
    if response is not None:
        return response
    return render(
        request,
        "quizzes/quiz_report.html",
        {
            "cohort": cohort,
            "quiz": quiz,
            "stats": stats,
            "attempts": attempts,
            "may_regrade": can(request.user, "quizzes.regrade_quiz", quiz),
        },
    )


@login_required
def gain(request, cohort_id: int, quiz_id: int):
    cohort = _cohort_for(request, cohort_id)
    quiz = _quiz_of(cohort, quiz_id)
    if quiz.kind != QuizKind.POSTTEST or not quiz.pretest_id:
        raise Http404
    report = learning_gain(posttest=quiz, cohort=cohort)
    response = _export(request, GainExport(report))
    if response is not None:
        return response
    return render(request, "quizzes/gain.html", {"cohort": cohort, "quiz": quiz, "report": report})


@login_required
def regrade(request, quiz_id: int):
    """GET: what a regrade would change. POST: regrade (the preview's numbers, recomputed under lock)."""
    quiz = get_object_or_404(QuizPage.objects.all(), pk=quiz_id)
    if not can(request.user, "quizzes.regrade_quiz", quiz):
        raise PermissionDenied
    if request.method == "POST":
        plan = apply_regrade(quiz=quiz, user=request.user)
        messages.success(
            request,
            _("Penilaian ulang selesai: %(n)s percobaan berubah nilainya dari %(total)s yang diperiksa.")
            % {"n": plan.affected, "total": plan.attempts},
        )
        return redirect("quizzes:regrade", quiz.pk)
    plan = regrade_preview(quiz=quiz)
    return render(request, "quizzes/regrade.html", {"quiz": quiz, "plan": plan})
