"""Courses: Wagtail page types, cohorts, enrolment, attendance, progress and completion."""

from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


def instructor_supervises_book(viewer, owner) -> bool:
    """Ledger hook: an instructor may see the books of trainees enrolled in a cohort they teach."""
    if not getattr(viewer, "is_authenticated", False) or owner is None:
        return False
    from .models import Enrollment

    # A withdrawn trainee's book is theirs alone again (issue 9, item 11).
    return (
        Enrollment.objects.filter(user_id=owner.pk, cohort__instructors=viewer)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .exists()
    )


def instructor_supervised_owners(viewer):
    """Ledger hook for listing: the ids of the trainees enrolled in cohorts `viewer` teaches, as a
    subquery (the book list stays one query however many trainees there are)."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    from .models import Enrollment

    return (
        Enrollment.objects.filter(cohort__instructors=viewer)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .values("user_id")
    )


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Kursus")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import handlers
        from .models import Cohort, CoursePage

        page_published.connect(handlers.course_published, sender=CoursePage, dispatch_uid="courses_course_published")
        # The cached structure of a course (courses.structure) follows every change below it.
        post_save.connect(handlers.page_changed, dispatch_uid="courses_structure_saved")
        post_delete.connect(handlers.page_changed, dispatch_uid="courses_structure_deleted")
        page_published.connect(handlers.page_changed, dispatch_uid="courses_structure_published")
        page_unpublished.connect(handlers.page_changed, dispatch_uid="courses_structure_unpublished")
        post_page_move.connect(handlers.page_moved, dispatch_uid="courses_structure_moved")
        pre_delete.connect(handlers.course_deleted, sender=CoursePage, dispatch_uid="courses_course_deleted")
        post_save.connect(handlers.cohort_saved, sender=Cohort, dispatch_uid="courses_cohort_saved")
        post_delete.connect(handlers.cohort_saved, sender=Cohort, dispatch_uid="courses_cohort_deleted")
        m2m_changed.connect(
            handlers.cohort_instructors_changed,
            sender=Cohort.instructors.through,
            dispatch_uid="courses_cohort_instructors",
        )
        ledger = import_module("ledger")
        if module_has_submodule(ledger, "access"):
            access = import_module("ledger.access")
            access.register_book_supervisor(instructor_supervises_book)
            if hasattr(access, "register_supervised_owners"):
                access.register_supervised_owners(instructor_supervised_owners)
