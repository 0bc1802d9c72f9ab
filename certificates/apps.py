"""Certificates: templates, issuance, PDF rendering, signing, verification and revocation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Sertifikat")

    def ready(self):
        from courses.signals import course_completed

        from . import bulk
        from .services import on_course_completed

        course_completed.connect(on_course_completed, dispatch_uid="certificates_on_course_completed")
        bulk.register()

        from django.db.models.signals import post_delete, post_save

        from .models import CertificateSignatory
        from .rendering import forget_layout

        def signatory_changed(sender, instance, **kwargs):
            forget_layout(instance.template_id)

        post_save.connect(
            signatory_changed, sender=CertificateSignatory, weak=False, dispatch_uid="certificates_signatory_saved"
        )
        post_delete.connect(
            signatory_changed, sender=CertificateSignatory, weak=False, dispatch_uid="certificates_signatory_deleted"
        )
