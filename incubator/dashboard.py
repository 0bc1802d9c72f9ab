"""The officers' incubation dashboard: counts per stage and kind, late reports, milestones due."""

from django.utils import timezone

from . import selectors
from .forms import VentureFilterForm
from .models import Stage


def dashboard_context(request) -> dict:
    form = VentureFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    ventures = selectors.filtered_ventures(data)
    counts = selectors.stage_counts(ventures)
    return {
        "form": form,
        "today": timezone.localdate(),
        "stage_counts": [(label, counts[value], value) for value, label in Stage.choices],
        "total": sum(counts.values()),
    }
