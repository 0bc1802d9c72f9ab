"""Wagtail integration: serving the course pages, and the admin's cohorts, sessions and enrolments
as ModelViewSets, plus the CSV import screen."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from lms import roles
from lms.permissions import can, is_admin, is_officer

from .admin_views import BulkEnrolView
from .models import Cohort, Completion, CoursePage, Enrollment, Session
from .views.pages import PAGE_VIEWS


# order=1: inside Wagtail's own hook (order 0), which checks page view restrictions first.
@hooks.register("on_serve_page", order=1)
def serve_course_pages(next_serve):
    """Course, day and lesson pages are served by `courses.views.pages`; other pages pass through."""

    def serve(page, request, args, kwargs):
        view = PAGE_VIEWS.get(type(page))
        if view is None:
            return next_serve(page, request, args, kwargs)
        return view(request, page, **kwargs)

    return serve


# A draft the same editor created under the same parent with the same slug this recently is the
# page their autosave created a moment ago (see finish_the_autosaved_page).
AUTOSAVE_WINDOW = timedelta(minutes=15)


@hooks.register("before_create_page")
def finish_the_autosaved_page(request, parent_page, page_class):
    """Wagtail's autosave creates the page on the "add" screen as soon as a title is typed and then
    switches the screen to editing it. "Simpan konsep" pressed before that switch posted the add
    form again: "The slug … is already in use", with the autosaved draft left behind. Such a post
    is the same page: it is saved as an edit of that draft instead (JSON autosaves likewise).

    Any page type: quizzes (a type courses does not know) autosave the same way on their add screen."""
    draft = autosaved_draft(request, parent_page, page_class)
    if draft is None:
        return None
    return PageEditView.as_view()(request, page_id=draft.pk)


def autosaved_draft(request, parent_page, page_class):
    """The draft this editor's autosave made a moment ago under `parent_page` with the posted slug."""
    if request.method != "POST":
        return None
    slug = (request.POST.get("slug") or "").strip()
    if not slug:
        return None
    draft = (
        page_class.objects.child_of(parent_page)
        .filter(
            slug=slug,
            live=False,
            first_published_at__isnull=True,
            owner=request.user,
            latest_revision_created_at__gte=timezone.now() - AUTOSAVE_WINDOW,
        )
        .first()
    )
    return draft


def _sees_everything(user) -> bool:
    return is_officer(user) or is_admin(user)


class ScopedIndexView(IndexView):
    """Officers see every row; an instructor only the rows of the cohorts they teach."""

    scope_lookup = "instructors"

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if _sees_everything(self.request.user):
            return queryset
        return queryset.filter(**{self.scope_lookup: self.request.user}).distinct()


class ScopedEditView(EditView):
    cohort_attr = None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        cohort = getattr(obj, self.cohort_attr) if self.cohort_attr else obj
        if not can(self.request.user, "courses.change_cohort", cohort):
            raise PermissionDenied
        return obj


def scoped_object_view(view_class, cohort_attr=None):
    """`view_class` (history, usage, copy, delete of a viewset) refusing an object of a cohort the
    user may not change, as the edit view does: an instructor reads only their own cohorts' rows
    (issue 9, item 10)."""

    class ScopedObjectView(view_class):
        def get_object(self, *args, **kwargs):
            obj = super().get_object(*args, **kwargs)
            cohort = getattr(obj, cohort_attr) if cohort_attr else obj
            if not can(self.request.user, "courses.change_cohort", cohort):
                raise PermissionDenied
            return obj

    ScopedObjectView.__name__ = ScopedObjectView.__qualname__ = f"Scoped{view_class.__name__}"
    return ScopedObjectView


def _scope_object_views(viewset_class, cohort_attr=None):
    for name in (
        "history_view_class",
        "usage_view_class",
        "copy_view_class",
        "delete_view_class",
        "inspect_view_class",
    ):
        base = getattr(viewset_class, name, None)
        if base is not None:
            setattr(viewset_class, name, scoped_object_view(base, cohort_attr))
    return viewset_class


class CohortForm(WagtailAdminModelForm):
    """Instructors may adjust their cohort (dates, venue, sessions) but not move it to another course.

    The course is a plain drop-down of the courses by title (officers know courses by name, not by
    their place in the page tree)."""

    course = forms.ModelChoiceField(
        label=_("kursus"),
        queryset=CoursePage.objects.order_by("title"),
        widget=forms.Select,
        empty_label=_("— pilih kursus —"),
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not _sees_everything(for_user) and "course" in self.fields:
            self.fields["course"].disabled = True


class SessionForm(WagtailAdminModelForm):
    """Instructors add sessions only to the cohorts they teach."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not _sees_everything(for_user) and "cohort" in self.fields:
            self.fields["cohort"].queryset = Cohort.objects.filter(instructors=for_user)


class EnrollmentForm(WagtailAdminModelForm):
    """Officers add or change an enrolment by hand: the cohort's capacity still holds, and
    "lulus" is only ever set by the completion rule (it comes with a Completion record)."""

    def clean(self):
        cleaned = super().clean()
        cohort, status = cleaned.get("cohort"), cleaned.get("status")
        instance = self.instance
        if cohort is None or status is None:
            return cleaned
        if status == Enrollment.Status.COMPLETED and not Completion.objects.filter(enrollment_id=instance.pk).exists():
            self.add_error(
                "status",
                _("Status lulus dicatat otomatis ketika peserta memenuhi syarat kelulusan; pilih Aktif."),
            )
        takes_a_place = status != Enrollment.Status.WITHDRAWN
        had_this_place = (
            instance.pk is not None
            and instance.cohort_id == cohort.pk
            and instance.status != Enrollment.Status.WITHDRAWN
        )
        if takes_a_place and not had_this_place:
            taken = cohort.enrollments.exclude(status=Enrollment.Status.WITHDRAWN).exclude(pk=instance.pk).count()
            if taken >= cohort.capacity:
                self.add_error(
                    "cohort",
                    _("Angkatan ini sudah penuh (%(taken)s dari %(capacity)s tempat terisi).")
                    % {"taken": taken, "capacity": cohort.capacity},
                )
        return cleaned

    def save(self, commit=True):
        enrollment = super().save(commit=commit)
        if commit and enrollment.status != Enrollment.Status.WITHDRAWN:
            # Same as enrolling through the services: the person becomes a trainee.
            if not roles.has_role(enrollment.user, roles.TRAINEE):
                roles.assign_role(enrollment.user, roles.TRAINEE)
        return enrollment


class CohortEditView(ScopedEditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Impor peserta (CSV)"),
                url=reverse("courses_admin_bulk_enrol", args=[self.object.pk]),
                icon_name="group",
                priority=5,
            )
        )
        buttons.append(
            Button(
                _("Daftar peserta & kehadiran"),
                url=reverse("courses:cohort_detail", args=[self.object.pk]),
                icon_name="list-ul",
                priority=6,
            )
        )
        return buttons


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Angkatan")
    add_to_admin_menu = False
    name = "courses_cohort"
    url_prefix = "kursus/angkatan"
    index_view_class = ScopedIndexView
    edit_view_class = CohortEditView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "course",
                "name",
                "start_date",
                "end_date",
                "venue",
                "capacity",
                "instructors",
                "enrolment_code",
                "code_expires_at",
                "status",
            )
        ],
        base_form_class=CohortForm,
    )
    list_filter = ["status", "course"]
    search_fields = ["name", "venue", "enrolment_code"]
    list_export = ["name", "course", "start_date", "end_date", "venue", "capacity", "status"]
    list_display = [
        "name",
        "course",
        "start_date",
        "status",
        Column(
            "import",
            label=_("Peserta"),
            accessor=lambda cohort: format_html(
                '<a href="{}">{}</a>', reverse("courses_admin_bulk_enrol", args=[cohort.pk]), _("Impor CSV")
            ),
        ),
    ]


class SessionIndexView(ScopedIndexView):
    scope_lookup = "cohort__instructors"


class SessionEditView(ScopedEditView):
    cohort_attr = "cohort"


class SessionViewSet(ModelViewSet):
    model = Session
    icon = "date"
    menu_label = _("Sesi")
    name = "courses_session"
    url_prefix = "kursus/sesi"
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "cohort",
                "number",
                "title",
                "date",
                "start_time",
                "end_time",
                "location",
            )
        ],
        base_form_class=SessionForm,
    )
    list_display = ["cohort", "number", "title", "date", "start_time", "end_time"]
    list_filter = ["cohort"]


class EnrollmentIndexView(ScopedIndexView):
    scope_lookup = "cohort__instructors"


class EnrollmentEditView(ScopedEditView):
    cohort_attr = "cohort"


class EnrollmentViewSet(ModelViewSet):
    model = Enrollment
    icon = "user"
    menu_label = _("Pendaftaran")
    name = "courses_enrollment"
    url_prefix = "kursus/pendaftaran"
    index_view_class = EnrollmentIndexView
    edit_view_class = EnrollmentEditView
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("cohort"), FieldPanel("status")],
        base_form_class=EnrollmentForm,
    )
    list_display = ["user", "cohort", "status", "enrolled_at"]
    list_filter = ["cohort", "status"]
    search_fields = ["user__full_name", "user__email"]
    list_export = ["user", "cohort", "status", "enrolled_at"]


_scope_object_views(CohortViewSet)
_scope_object_views(SessionViewSet, "cohort")
_scope_object_views(EnrollmentViewSet, "cohort")


class TrainingGroup(ViewSetGroup):
    menu_label = _("Pelatihan")
    menu_icon = "group"
    menu_order = 250
    items = (CohortViewSet, SessionViewSet, EnrollmentViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingGroup()


@hooks.register("register_admin_urls")
def register_bulk_enrol_url():
    return [path("kursus/angkatan/<int:pk>/impor/", BulkEnrolView.as_view(), name="courses_admin_bulk_enrol")]


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_cohorts(request, page):
    """Cohorts keep enrolments, attendance and completions: a course that has them is not deleted."""
    if Cohort.objects.filter(course__path__startswith=page.path).exists():
        messages.error(request, _("Kursus ini masih memiliki angkatan. Hapus atau arsipkan angkatannya lebih dulu."))
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None


# --- Panels on the site's home page and "Beranda saya" (see lms.templatetags.sinau.hook_panels) ----


@hooks.register("sinau_panel_next_step")
def next_step_panel(request, **kwargs):
    """Signed in: the one next step for each role the user holds (trainee, instructor, officer)."""
    from django.template.loader import render_to_string

    from .selectors import instructor_next_step, officer_next_step, trainee_next_step

    user = request.user
    if not user.is_authenticated:
        return ""
    steps = []
    if can(user, "lms.access_trainee_area"):
        steps.append(trainee_next_step(user=user))
    if can(user, "lms.access_instructor_area"):
        steps.append(instructor_next_step(user=user))
    if can(user, "lms.access_officer_area"):
        steps.append(officer_next_step())
    steps = [step for step in steps if step is not None]
    if not steps:
        return ""
    return render_to_string("courses/includes/next_step.html", {"steps": steps}, request=request)


@hooks.register("sinau_panel_home_public")
def home_public_panel(request, **kwargs):
    """Everyone: the open courses and the cohorts one can still join, with how to join."""
    from django.template.loader import render_to_string

    from .selectors import open_courses, upcoming_cohorts

    context = {"courses": open_courses(), "cohorts": upcoming_cohorts()}
    return render_to_string("courses/includes/home_public.html", context, request=request)
