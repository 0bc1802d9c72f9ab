"""Signal receivers: keep each course's editor group in step with its instructors, and forget a
course's cached structure when a page under it changes."""

from django.db import transaction


def _sync_later(course_id):
    def run():
        from .models import CoursePage
        from .services import sync_course_editors

        course = CoursePage.objects.filter(pk=course_id).first()
        if course is not None:
            sync_course_editors(course=course)

    transaction.on_commit(run)


def course_published(sender, instance, **kwargs):
    _sync_later(instance.pk)


def cohort_saved(sender, instance, **kwargs):
    if instance.course_id:
        _sync_later(instance.course_id)


def cohort_instructors_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and getattr(instance, "course_id", None):
        _sync_later(instance.course_id)


def course_deleted(sender, instance, **kwargs):
    """The course's editor group goes with the course (pre_delete: the link row still exists)."""
    from django.contrib.auth.models import Group

    Group.objects.filter(course_editor_of__course_id=instance.pk).delete()


def page_changed(sender, instance, **kwargs):
    """post_save/post_delete of any page, Wagtail's publish/unpublish: the cached structure of the
    course above it (if any) is rebuilt on the next request."""
    from wagtail.models import Page

    from .structure import invalidate_below

    if isinstance(instance, Page) and instance.path:
        invalidate_below(instance.path)


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    from .structure import invalidate_below

    for page in (parent_page_before, parent_page_after, instance):
        if page is not None and page.path:
            invalidate_below(page.path)
