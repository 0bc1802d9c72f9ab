"""Wagtail admin screen: import questions from Moodle's GIFT or XML format into a category."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

MAX_IMPORT_BYTES = 1024 * 1024


class ImportForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Masukkan ke kategori"), queryset=None)
    file = forms.FileField(
        label=_("Berkas GIFT (.txt, .gift) atau Moodle XML (.xml)"),
        help_text=_("Paling besar 1 MB, teks UTF-8."),
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 1 MB)."))
        content = upload.read()
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("Berkas harus berupa teks UTF-8 (GIFT atau Moodle XML).")) from error
        if "\x00" in text:
            raise forms.ValidationError(_("Berkas harus berupa teks UTF-8 (GIFT atau Moodle XML)."))
        return {"name": upload.name, "text": text}


class ImportQuestionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "quizzes/admin/import.html"
    page_title = _("Impor soal (GIFT / Moodle XML)")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        from .models import Question

        policy = Question.snippet_viewset.permission_policy
        if not policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Without them the header names only "Beranda" (found walking the admin at 360x740).
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_quizzes_question:list"), "label": _("Soal")},
            {"url": "", "label": self.page_title},
        ]

    def _categories(self):
        from .wagtail_hooks import scoped_categories

        return scoped_categories(self.request.user).select_related("course")

    def get(self, request):
        return self._render(ImportForm(categories=self._categories()))

    def post(self, request):
        from .importers import import_questions

        form = ImportForm(request.POST, request.FILES, categories=self._categories())
        report = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = import_questions(
                category=form.cleaned_data["category"], text=upload["text"], filename=upload["name"], user=request.user
            )
        return self._render(form, report=report)

    def _render(self, form, report=None):
        context = self.get_context_data(
            form=form, report=report, index_url=reverse("wagtailsnippets_quizzes_question:list")
        )
        return self.render_to_response(context)
