"""Object permissions of the certificates app (django-rules, autodiscovered)."""

import rules

from courses.rules import is_cohort_instructor
from lms.permissions import is_admin, is_instructor, is_officer


@rules.predicate
def is_holder(user, certificate):
    return certificate is not None and user.is_authenticated and certificate.holder_id == user.pk


@rules.predicate
def teaches_certificate_cohort(user, certificate):
    if certificate is None or not user.is_authenticated:
        return False
    return certificate.cohort.instructors.filter(pk=user.pk).exists()


runs_office = is_officer | is_admin

# Issue for one trainee or a whole cohort (object: the cohort). Overriding the completion
# condition is for officers and admins only (checked by the service, which records the reason).
rules.add_perm("certificates.issue_certificate", runs_office | (is_instructor & is_cohort_instructor))
rules.add_perm("certificates.override_eligibility", runs_office)
# Download the PDF and see the certificate's page (object: the certificate).
rules.add_perm(
    "certificates.download_certificate", is_holder | runs_office | (is_instructor & teaches_certificate_cohort)
)
# Revoke, reissue, and see the history (object: the certificate).
rules.add_perm("certificates.revoke_certificate", runs_office)
rules.add_perm("certificates.view_history", runs_office)
