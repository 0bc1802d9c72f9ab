"""How the course pages are served: public summary for everyone, lessons only for those allowed.

Wagtail reaches these functions through the `on_serve_page` hook in courses/wagtail_hooks.py
(`PAGE_VIEWS`); the page models never import this module. The course's shape comes from the cache
(`courses.structure`), the trainee's enrolment and progress from one query each.
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from lms.permissions import can

from ..forms import EnrolByCodeForm
from ..models import CoursePage, LessonPage, ModulePage
from ..selectors import OutlineItem, course_outline, enrollment_for, trainee_standing, upcoming_cohorts
from ..services import record_lesson_visit
from ..structure import lesson_place


def _course_of(page) -> CoursePage:
    """The course above a module or lesson, found by its tree path in one query (routing usually
    hands the course over, so this is for days and previews)."""
    course_depth = page.depth - (1 if isinstance(page, ModulePage) else 2)
    return CoursePage.objects.get(path=page.path[: CoursePage.steplen * course_depth])


def _access(request, course, lesson=None):
    """(may see lessons, enrollment or None, teaches) for the current user."""
    user = request.user
    if not user.is_authenticated:
        return False, None, False
    enrollment = enrollment_for(user=user, course_id=course.pk, lesson_id=lesson.pk if lesson else None)
    if enrollment is not None:
        return True, enrollment, False
    allowed = can(user, "courses.view_course_content", course)
    return allowed, None, allowed


def serve_course(request, course: CoursePage, **kwargs):
    allowed, enrollment, teaches = _access(request, course)
    outline = course_outline(course=course, user=request.user, enrollment=enrollment)
    context = course.get_context(request)
    context.update(
        {
            "allowed": allowed,
            "enrollment": enrollment,
            "teaches": teaches,
            "outline": outline,
            "enrol_form": EnrolByCodeForm(),
            "upcoming": upcoming_cohorts(course_id=course.pk),
            "share_url": request.build_absolute_uri(course.url),
        }
    )
    if enrollment is not None:
        last = enrollment.last_lesson_id
        context["resume_item"] = (
            next((item for item in outline.items if item.page.pk == last), None) or outline.first_open_item()
        )
        context["standing"] = trainee_standing(enrollment=enrollment, course=course, outline=outline)
    return TemplateResponse(request, "courses/course_page.html", context)


def serve_module(request, module: ModulePage, course: CoursePage | None = None, **kwargs):
    course = course or _course_of(module)
    return redirect(f"{course.url}#hari-{module.day_number}")


def _refuse(request, course, *, reason: str, module=None):
    context = {"course": course, "reason": reason, "module": module, "enrol_form": EnrolByCodeForm()}
    return TemplateResponse(request, "courses/locked.html", context, status=403)


def serve_lesson(request, lesson: LessonPage, course: CoursePage | None = None, **kwargs):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = course or _course_of(lesson)
    allowed, enrollment, teaches = _access(request, course, lesson)
    if not allowed:
        return _refuse(request, course, reason="not_enrolled")
    place = lesson_place(course, lesson)
    module = place.module
    released = module is None or module.is_released()
    if not released and not teaches:
        return _refuse(request, course, reason="not_released", module=module)
    previous = following = None
    if place.previous is not None:
        previous = OutlineItem(page=place.previous, kind=place.previous.kind, done=False, locked=False)
    if place.next is not None:
        following = OutlineItem(page=place.next, kind=place.next.kind, done=False, locked=False)
    if enrollment is not None:
        record_lesson_visit(enrollment=enrollment, lesson=lesson)
    context = lesson.get_context(request)
    context.update(
        {
            "course": course,
            "module": module,
            "enrollment": enrollment,
            "teaches": teaches,
            "done": bool(enrollment is not None and enrollment.lesson_done),
            "previous": previous,
            "next": following,
        }
    )
    return TemplateResponse(request, "courses/lesson_page.html", context)


# Page type → serving function (looked up by courses/wagtail_hooks.py).
PAGE_VIEWS = {CoursePage: serve_course, ModulePage: serve_module, LessonPage: serve_lesson}
