"""Object rules of the incubator (django-rules, autodiscovered): officers see and manage every
venture; a venture contact sees and reports for the ventures they are a contact of, nothing else."""

import rules

from lms.permissions import is_admin, is_officer, is_venture_contact


@rules.predicate
def is_contact_of(user, venture):
    if venture is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_sinau_contact_ventures", None)
    if cached is None:
        cached = set(user.contact_ventures.values_list("pk", flat=True))
        user._sinau_contact_ventures = cached
    return venture.pk in cached


manages_incubation = is_officer | is_admin

# The officers' pages: dashboard, lists, exports, stage changes, verification, mentoring records.
rules.add_perm("incubator.manage", manages_incubation)
# One venture's page and its figures.
rules.add_perm("incubator.view_venture", manages_incubation | (is_venture_contact & is_contact_of))
# Sending a month's KPI report and milestone evidence for a venture.
rules.add_perm("incubator.report_venture", manages_incubation | (is_venture_contact & is_contact_of))
