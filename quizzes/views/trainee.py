"""The quiz page as trainees and instructors see it."""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from courses.forms import EnrolByCodeForm
from courses.selectors import course_outline

from ..access import quiz_access


def _refuse(request, access, *, reason: str):
    context = {"course": access.course, "reason": reason, "module": access.module, "enrol_form": EnrolByCodeForm()}
    return TemplateResponse(request, "courses/locked.html", context, status=403)


def serve_quiz(request, quiz):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    access = quiz_access(user=request.user, quiz=quiz)
    if not access.allowed:
        return _refuse(request, access, reason="not_enrolled")
    if access.module is not None and not access.module.is_released() and not access.teaches:
        return _refuse(request, access, reason="not_released")
    outline = course_outline(course=access.course, user=request.user)
    previous, following = outline.neighbours(quiz.pk)
    item = next((i for i in outline.items if i.page.pk == quiz.pk), None)
    context = quiz.get_context(request)
    context.update(
        {
            "course": access.course,
            "module": access.module,
            "enrollment": access.enrollment,
            "teaches": access.teaches,
            "done": bool(item and item.done),
            "previous": previous,
            "next": following,
        }
    )
    return TemplateResponse(request, "quizzes/quiz_page.html", context)
