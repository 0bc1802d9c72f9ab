"""Wagtail admin of the ledger, grouped under "Buku latihan": charts of accounts (with a "salin"
action), accounts, and bookkeeping exercises (a snippet with inline members, opening balances,
transactions and the expected answer, checked for balance before it is saved).

Permissions: the seeded default chart and its accounts are read-only for everyone but admins;
an instructor edits the charts they copied (and their accounts). Account rights follow the chart
rights (`ledger.*_charttemplate`), so roles need no separate account permissions.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.widgets.button import MenuItem
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from lms import roles
from lms.admin_columns import YesNoColumn, field_column

from .exceptions import LedgerValidationError
from .models import (
    Account,
    ChartTemplate,
    ExerciseMember,
    ExerciseOpeningBalance,
    ExerciseTransaction,
    ExpectedBalance,
    ExpectedLine,
    LedgerExercise,
)

# --- Permissions ---------------------------------------------------------------------------


def _is_admin(user) -> bool:
    return bool(user.is_active and (user.is_superuser or roles.has_role(user, roles.ADMIN)))


def may_change_chart(user, chart: ChartTemplate | None) -> bool:
    """Admins change any chart; others only charts they copied, never the seeded default."""
    if chart is None:
        return False
    if _is_admin(user):
        return True
    return not chart.is_default and chart.created_by_id == user.pk


class ChartPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in ("change", "delete"):
            return may_change_chart(user, instance)
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        qs = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) & {"change", "delete"} and not _is_admin(user):
            qs = qs.filter(is_default=False, created_by=user)
        return qs


class AccountPermissionPolicy(ModelPermissionPolicy):
    """Rights on accounts are the rights on charts; instance rights follow the account's chart."""

    def user_has_permission(self, user, action):
        return user.has_perm(f"ledger.{action}_charttemplate") or user.has_perm(self._get_permission_name(action))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in ("change", "delete"):
            return may_change_chart(user, instance.chart)
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Account.objects.none()
        qs = Account.objects.all()
        if set(actions) & {"change", "delete"} and not _is_admin(user):
            qs = qs.filter(chart__is_default=False, chart__created_by=user)
        return qs


register_permission_policy(ChartTemplate, ChartPermissionPolicy(ChartTemplate))
register_permission_policy(Account, AccountPermissionPolicy(Account))


class InstanceCheckedEditView(EditView):
    """The generic edit view checks model rights only; this adds the per-instance rule."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InstanceCheckedDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Charts and accounts -------------------------------------------------------------------


class CopyChartForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama bagan salinan"), max_length=150)


class InstanceCheckedIndexView(IndexView):
    """Edit/delete buttons only on rows the user may change (the default chart's rows are read-only)."""

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None


class ChartIndexView(InstanceCheckedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                MenuItem(
                    gettext_lazy("Salin"),
                    url=reverse(f"{self.viewset_url_namespace}:salin", args=[instance.pk]),
                    icon_name="copy",
                    priority=15,
                )
            )
        return buttons

    @property
    def viewset_url_namespace(self):
        return self.index_url_name.rsplit(":", 1)[0]


def copy_chart_view(request, pk, *, viewset):
    """ "Salin": copy a chart (e.g. the seeded default) under a new name, then edit the copy."""
    from .services import copy_chart

    policy = viewset.permission_policy
    if not policy.user_has_permission(request.user, "add"):
        raise PermissionDenied
    chart = get_object_or_404(ChartTemplate, pk=pk)
    initial = {"name": _("%(name)s (salinan)") % {"name": chart.name}}
    form = CopyChartForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            copy = copy_chart(chart=chart, name=form.cleaned_data["name"], user=request.user)
        except LedgerValidationError as exc:
            form.add_error("name", "; ".join(exc.messages))
        else:
            from wagtail.admin import messages

            messages.success(request, _("Bagan akun “%(name)s” sudah disalin.") % {"name": copy.name})
            return redirect(viewset.get_url_name("edit"), copy.pk)
    return TemplateResponse(
        request,
        "ledger/admin/copy_chart.html",
        {"form": form, "chart": chart, "index_url": reverse(viewset.get_url_name("list"))},
    )


class ChartTemplateViewSet(SnippetViewSet):
    model = ChartTemplate
    icon = "list-ul"
    menu_label = gettext_lazy("Bagan akun")
    url_prefix = "buku-latihan/bagan-akun"
    list_display = ["name", field_column(YesNoColumn, ChartTemplate, "is_default"), "created_by"]
    search_fields = ["name"]
    index_view_class = ChartIndexView
    edit_view_class = InstanceCheckedEditView
    delete_view_class = InstanceCheckedDeleteView
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("salin/<int:pk>/", lambda request, pk: copy_chart_view(request, pk, viewset=self), name="salin"),
        ]


class AccountViewSet(SnippetViewSet):
    model = Account
    icon = "list-ol"
    menu_label = gettext_lazy("Akun")
    url_prefix = "buku-latihan/akun"
    list_display = [
        "code",
        "name",
        "group",
        "normal_side",
        field_column(YesNoColumn, Account, "is_postable"),
        "member_subledger",
        "chart",
    ]
    list_filter = ["chart", "group", "is_postable"]
    search_fields = ["code", "name"]
    ordering = ["chart", "order", "code"]
    index_view_class = InstanceCheckedIndexView
    edit_view_class = InstanceCheckedEditView
    delete_view_class = InstanceCheckedDeleteView
    copy_view_enabled = False
    panels = [
        FieldPanel("chart"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("group"), FieldPanel("normal_side")]),
        FieldRowPanel([FieldPanel("is_postable"), FieldPanel("member_subledger")]),
        FieldPanel("parent"),
        FieldPanel("order"),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("AccountAdminForm", (AccountFormMixin, form_class), {})


class AccountFormMixin:
    """Only charts the user may change are offered; the default chart stays read-only."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        user = for_user
        if user is not None and "chart" in self.fields and not _is_admin(user):
            self.fields["chart"].queryset = ChartTemplate.objects.filter(is_default=False, created_by=user)


# --- Exercises -----------------------------------------------------------------------------


CHILD_FORMSETS = {
    "members": ExerciseMember,
    "opening_balances": ExerciseOpeningBalance,
    "transactions": ExerciseTransaction,
    "expected_lines": ExpectedLine,
    "expected_balances": ExpectedBalance,
}


def validate_exercise_cluster(exercise: LedgerExercise) -> list[str]:
    """Messages from the ledger core's `validate_exercise` (empty: the exercise is consistent)."""
    from .validation import validate_exercise

    problems = validate_exercise(exercise)
    if not problems:
        return []
    try:
        error = ValidationError(problems)
    except (TypeError, ValueError):
        return [str(problems)]
    return [str(message) for message in error.messages]


class LedgerExerciseForm(WagtailAdminModelForm):
    """Refuses an exercise whose submitted answer does not balance (checked on the inline data)."""

    def clean(self):
        cleaned = super().clean()
        if self.errors or not all(formset.is_valid() for formset in self.formsets.values()):
            return cleaned
        if not cleaned.get("chart") or not cleaned.get("period_start") or not cleaned.get("period_end"):
            return cleaned
        probe = LedgerExercise(
            pk=self.instance.pk,
            **{
                name: cleaned.get(name)
                for name in (
                    "title",
                    "slug",
                    "chart",
                    "period_start",
                    "period_end",
                    "cooperative_name",
                    "grading_mode",
                    "tolerance",
                    "feedback_names_accounts",
                    "shu_amount",
                    "shu_components",
                    "simpanan_pokok",
                )
                if name in cleaned
            },
        )
        for relation, model in CHILD_FORMSETS.items():
            formset = self.formsets.get(relation)
            if formset is None:
                continue
            children = []
            field_names = {f.name for f in model._meta.concrete_fields} - {"id", "exercise", "sort_order"}
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None)
                if not data or data.get("DELETE") or (not form.has_changed() and form.instance.pk is None):
                    continue
                children.append(model(**{k: v for k, v in data.items() if k in field_names}))
            setattr(probe, relation, children)
        for message in validate_exercise_cluster(probe):
            self.add_error(None, message)
        return cleaned


class LedgerExerciseViewSet(SnippetViewSet):
    model = LedgerExercise
    icon = "calculator"
    menu_label = gettext_lazy("Latihan pembukuan")
    url_prefix = "buku-latihan/latihan"
    list_display = [
        "title",
        "slug",
        field_column(YesNoColumn, LedgerExercise, "live"),
        "grading_mode",
        "cooperative_name",
        "updated_at",
    ]
    list_filter = ["live", "grading_mode"]
    search_fields = ["title", "slug"]
    copy_view_enabled = False
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("live"),
                    FieldPanel("cooperative_name"),
                    FieldPanel("chart"),
                    FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                    FieldPanel("instructions"),
                    FieldRowPanel([FieldPanel("grading_mode"), FieldPanel("tolerance")]),
                    FieldPanel("feedback_names_accounts"),
                ],
                heading=gettext_lazy("Latihan"),
            ),
            ObjectList(
                [
                    FieldPanel("simpanan_pokok"),
                    InlinePanel("members", heading=gettext_lazy("Anggota"), label=gettext_lazy("Anggota")),
                    InlinePanel(
                        "opening_balances", heading=gettext_lazy("Saldo awal"), label=gettext_lazy("Saldo awal")
                    ),
                ],
                heading=gettext_lazy("Anggota dan saldo awal"),
            ),
            ObjectList(
                [InlinePanel("transactions", heading=gettext_lazy("Transaksi"), label=gettext_lazy("Transaksi"))],
                heading=gettext_lazy("Transaksi"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "expected_lines",
                        heading=gettext_lazy("Jawaban per baris"),
                        label=gettext_lazy("Baris jawaban"),
                        help_text=gettext_lazy(
                            "Baris jurnal yang diharapkan per nomor transaksi; debit dan kredit tiap transaksi "
                            "harus seimbang."
                        ),
                    ),
                    InlinePanel(
                        "expected_balances",
                        heading=gettext_lazy("Saldo akhir yang diharapkan"),
                        label=gettext_lazy("Saldo akhir"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("shu_amount"), FieldPanel("shu_components")],
                        heading=gettext_lazy("Pembagian SHU (opsional)"),
                    ),
                ],
                heading=gettext_lazy("Kunci jawaban"),
            ),
        ],
        base_form_class=LedgerExerciseForm,
    )


class LedgerViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Buku latihan")
    menu_icon = "calculator"
    menu_order = 300
    items = (LedgerExerciseViewSet, ChartTemplateViewSet, AccountViewSet)


register_snippet(LedgerViewSetGroup)
