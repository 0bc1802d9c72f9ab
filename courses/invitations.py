"""The invitation a bulk-imported trainee receives: a link to set a password (sent by the
`courses.send_invitation` task; `courses.bulk` only enqueues it)."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Cohort


def invitation_link(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def deliver_invitation(user, cohort: Cohort) -> None:
    """Send the invitation email now (called by the `courses.send_invitation` task)."""
    context = {"user": user, "cohort": cohort, "link": invitation_link(user)}
    send_mail(
        subject=_("[Sinau] Undangan pelatihan %(course)s") % {"course": cohort.course.title},
        message=render_to_string("courses/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
