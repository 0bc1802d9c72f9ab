"""Wagtail admin screens of the courses app that are not plain model views: bulk CSV enrolment."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.permissions import can

from .bulk import CsvRejected, bulk_enroll
from .forms import BulkEnrolForm
from .models import Cohort


class BulkEnrolView(WagtailAdminTemplateMixin, FormView):
    """Upload a CSV of trainees for one cohort; answers with a per-row report."""

    form_class = BulkEnrolForm
    template_name = "courses/admin/bulk_enrol.html"
    page_title = gettext_lazy("Impor peserta dari CSV")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=kwargs["pk"])
        if not can(request.user, "courses.manage_cohort", self.cohort):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.cohort)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("courses_cohort:index"), "label": _("Angkatan")},
            {"url": reverse("courses_cohort:edit", args=[self.cohort.pk]), "label": self.cohort.name},
            {"url": "", "label": _("Impor peserta")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohort"] = self.cohort
        context["breadcrumbs_items"] = self.get_breadcrumbs_items()
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = bulk_enroll(cohort=self.cohort, raw=upload.read(), acting_user=self.request.user)
        except CsvRejected as exc:
            form.add_error("file", str(exc))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=BulkEnrolForm(), report=report))

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
