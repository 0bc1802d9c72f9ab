"""Wagtail integration of the quiz engine: serving quiz pages (the model never imports its views),
and the admin menu "Kuis": question bank (questions, categories), import from GIFT / Moodle XML,
schedules per cohort and per-trainee overrides.

Scoping: admins see everything; an instructor sees and chooses only the questions, categories and
quizzes of the courses they teach (course instructor or instructor of one of its cohorts); officers
see schedules and overrides of every cohort (they run cohorts), not the question bank.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from courses.models import Cohort, CoursePage
from lms.permissions import is_admin, is_officer

from .admin_views import ImportQuestionsView
from .models import Question, QuestionCategory, QuizOverride, QuizPage, QuizSchedule
from .views.trainee import serve_quiz


@hooks.register("on_serve_page")
def serve_quiz_pages(next_serve):
    """Quiz pages are served by `quizzes.views.trainee.serve_quiz`; other pages pass through."""

    def serve(page, request, args, kwargs):
        if isinstance(page, QuizPage):
            return serve_quiz(request, page)
        return next_serve(page, request, args, kwargs)

    return serve


# --- Who sees what --------------------------------------------------------------------------


def taught_course_ids(user):
    """Ids of the courses `user` teaches (assigned to the course or to one of its cohorts), as a query."""
    return CoursePage.objects.filter(Q(instructors=user) | Q(cohorts__instructors=user)).values("pk")


def _sees_all_courses(user) -> bool:
    return bool(is_admin(user))


def _sees_all_cohorts(user) -> bool:
    return bool(is_admin(user) or is_officer(user))


def scoped_categories(user):
    qs = QuestionCategory.objects.all()
    return qs if _sees_all_courses(user) else qs.filter(course__in=taught_course_ids(user))


def scoped_questions(user):
    qs = Question.objects.select_related("category")
    return qs if _sees_all_courses(user) else qs.filter(category__course__in=taught_course_ids(user))


def scoped_quizzes(user):
    qs = QuizPage.objects.all()
    if _sees_all_cohorts(user):
        return qs
    paths = list(CoursePage.objects.filter(pk__in=taught_course_ids(user)).values_list("path", flat=True))
    query = Q(pk__in=[])
    for course_path in paths:
        query |= Q(path__startswith=course_path)
    return qs.filter(query)


def scoped_cohorts(user):
    qs = Cohort.objects.select_related("course")
    return qs if _sees_all_cohorts(user) else qs.filter(instructors=user)


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the role, instance permissions from the scope (`scope(user)`)."""

    scope = None

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return type(self).scope(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return type(self).scope(user)


def _policy(model, scope):
    policy_class = type(f"{model.__name__}PermissionPolicy", (ScopedPermissionPolicy,), {"scope": staticmethod(scope)})
    return policy_class(model)


def _schedules(user):
    qs = QuizSchedule.objects.all()
    return qs if _sees_all_cohorts(user) else qs.filter(cohort__instructors=user)


def _overrides(user):
    qs = QuizOverride.objects.all()
    return qs if _sees_all_cohorts(user) else qs.filter(quiz__in=scoped_quizzes(user))


register_permission_policy(QuestionCategory, _policy(QuestionCategory, scoped_categories))
register_permission_policy(Question, _policy(Question, scoped_questions))
register_permission_policy(QuizSchedule, _policy(QuizSchedule, _schedules))
register_permission_policy(QuizOverride, _policy(QuizOverride, _overrides))


class ScopedIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["view", "change"])


class ScopedEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedChooserMixin:
    """The chooser in a quiz's question list offers only what the editor may use."""

    def get_object_list(self):
        return self.model.snippet_viewset.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change"]
        )


class ScopedChooseView(ScopedChooserMixin, ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserMixin, ChooseResultsView):
    pass


class ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView


# --- Forms ----------------------------------------------------------------------------------


class CategoryForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not _sees_all_courses(for_user) and "course" in self.fields:
            self.fields["course"].queryset = CoursePage.objects.filter(pk__in=taught_course_ids(for_user))


class QuestionForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "category" in self.fields:
            self.fields["category"].queryset = scoped_categories(for_user).select_related("course")


class ScheduleForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            if "quiz" in self.fields:
                self.fields["quiz"].queryset = scoped_quizzes(for_user)
            if "cohort" in self.fields:
                self.fields["cohort"].queryset = scoped_cohorts(for_user)


class OverrideForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        if for_user is not None and "quiz" in self.fields:
            self.fields["quiz"].queryset = scoped_quizzes(for_user)

    def save(self, commit=True):
        if self.instance.created_by_id is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


# --- Viewsets -------------------------------------------------------------------------------


class QuestionIndexView(ScopedIndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    gettext_lazy("Impor GIFT / Moodle XML"),
                    url=reverse("quizzes_admin_import"),
                    icon_name="upload",
                )
            )
        return buttons


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = gettext_lazy("Soal")
    url_prefix = "kuis/soal"
    list_display = ["title", "kind", "category", "points", "updated_at"]
    list_filter = ["category", "kind"]
    search_fields = ["title"]
    index_view_class = QuestionIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    chooser_viewset_class = ScopedChooserViewSet
    copy_view_enabled = True

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("QuestionAdminForm", (QuestionForm, form_class), {})


class CategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Kategori soal")
    url_prefix = "kuis/kategori"
    list_display = ["name", "course", "order"]
    list_filter = ["course"]
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    chooser_viewset_class = ScopedChooserViewSet
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("CategoryAdminForm", (CategoryForm, form_class), {})


class ScheduleViewSet(SnippetViewSet):
    model = QuizSchedule
    icon = "date"
    menu_label = gettext_lazy("Jadwal kuis per angkatan")
    url_prefix = "kuis/jadwal"
    list_display = ["quiz", "cohort", "opens_at", "closes_at"]
    list_filter = ["cohort"]
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("quiz"), FieldPanel("cohort"), FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
        base_form_class=ScheduleForm,
    )


class OverrideViewSet(SnippetViewSet):
    model = QuizOverride
    icon = "user"
    menu_label = gettext_lazy("Pengecualian peserta")
    url_prefix = "kuis/pengecualian"
    list_display = ["quiz", "user", "extra_attempts", "extra_minutes", "closes_at", "reason"]
    list_filter = ["quiz"]
    search_fields = ["user__full_name", "user__email"]
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("quiz"),
            FieldPanel("user"),
            FieldRowPanel([FieldPanel("extra_attempts"), FieldPanel("extra_minutes")]),
            FieldPanel("closes_at"),
            FieldPanel("reason"),
        ],
        base_form_class=OverrideForm,
    )


class QuizViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Kuis")
    menu_icon = "help"
    menu_order = 260
    items = (QuestionViewSet, CategoryViewSet, ScheduleViewSet, OverrideViewSet)


register_snippet(QuizViewSetGroup)


# --- Question versions and import --------------------------------------------------------------


def _record_version(request, instance):
    if isinstance(instance, Question):
        from .services import record_question_version

        record_question_version(question=instance, user=request.user)


@hooks.register("after_create_snippet")
def version_new_question(request, instance):
    _record_version(request, instance)


@hooks.register("after_edit_snippet")
def version_edited_question(request, instance):
    _record_version(request, instance)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("kuis/impor/", ImportQuestionsView.as_view(), name="quizzes_admin_import")]
