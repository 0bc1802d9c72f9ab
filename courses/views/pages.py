"""How the course pages are served: public summary for everyone, lessons only for those allowed."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from lms.permissions import can

from ..forms import EnrolByCodeForm
from ..models import CoursePage, LessonPage, ModulePage
from ..selectors import course_outline
from ..services import active_enrollment_for, record_lesson_visit


def _course_of(page) -> CoursePage:
    """The course above a module/lesson/quiz, found by its tree path in one query."""
    course_depth = page.depth - (1 if isinstance(page, ModulePage) else 2)
    return CoursePage.objects.get(path=page.path[: CoursePage.steplen * course_depth])


def _access(request, course):
    """(may see lessons, enrollment or None, teaches) for the current user."""
    user = request.user
    if not user.is_authenticated:
        return False, None, False
    enrollment = active_enrollment_for(user=user, course_id=course.pk)
    if enrollment is not None:
        return True, enrollment, False
    allowed = can(user, "courses.view_course_content", course)
    return allowed, None, allowed


def serve_course(request, course: CoursePage):
    allowed, enrollment, teaches = _access(request, course)
    context = course.get_context(request)
    context.update(
        {
            "allowed": allowed,
            "enrollment": enrollment,
            "teaches": teaches,
            "outline": course_outline(course=course, user=request.user),
            "enrol_form": EnrolByCodeForm(),
        }
    )
    if enrollment is not None:
        last = enrollment.last_lesson_id
        context["resume_item"] = (
            next((item for item in context["outline"].items if item.page.pk == last), None)
            or context["outline"].first_open_item()
        )
    return TemplateResponse(request, "courses/course_page.html", context)


def serve_module(request, module: ModulePage):
    course = _course_of(module)
    return redirect(f"{course.url}#hari-{module.day_number}")


def _refuse(request, course, *, reason: str, module=None):
    context = {"course": course, "reason": reason, "module": module, "enrol_form": EnrolByCodeForm()}
    return TemplateResponse(request, "courses/locked.html", context, status=403)


def _serve_content(request, page, template: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = _course_of(page)
    allowed, enrollment, teaches = _access(request, course)
    if not allowed:
        return _refuse(request, course, reason="not_enrolled")
    outline = course_outline(course=course, user=request.user)
    module_entry = next((m for m in outline.modules if page.path.startswith(m.module.path)), None)
    if module_entry is not None and not module_entry.released and not teaches:
        return _refuse(request, course, reason="not_released", module=module_entry.module)
    previous, following = outline.neighbours(page.pk)
    item = next((i for i in module_entry.items if i.page.pk == page.pk), None) if module_entry else None
    if enrollment is not None and isinstance(page, LessonPage):
        record_lesson_visit(enrollment=enrollment, lesson=page)
    context = page.get_context(request)
    context.update(
        {
            "course": course,
            "module": module_entry.module if module_entry else None,
            "outline": outline,
            "enrollment": enrollment,
            "teaches": teaches,
            "done": bool(item and item.done),
            "previous": previous,
            "next": following,
        }
    )
    return TemplateResponse(request, template, context)


def serve_lesson(request, lesson):
    return _serve_content(request, lesson, "courses/lesson_page.html")
