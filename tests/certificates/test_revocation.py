"""Revocation and reissue: reasons, twice, the chain, history, and what the holder still sees."""

import pytest

from certificates import services
from certificates.models import Certificate

from .conftest import committed


@pytest.fixture
def certificate(setup, officer):
    with committed():
        return services.issue_certificate(enrollment=setup.enrollments["done"], by=officer).certificate


def test_revoke_records_reason_date_and_who(certificate, officer):
    revoked = services.revoke_certificate(certificate=certificate, by=officer, reason="data_error", note="Nama salah")
    assert revoked.status == "revoked" and revoked.revoked_at and revoked.revoked_by == officer
    assert revoked.events.filter(action="revoked", actor=officer, note__contains="Nama salah").exists()


def test_revoking_twice_is_refused(certificate, officer):
    services.revoke_certificate(certificate=certificate, by=officer, reason="data_error")
    with pytest.raises(services.CertificateError) as refused:
        services.revoke_certificate(certificate=certificate, by=officer, reason="data_error")
    assert refused.value.code == "already_revoked"
    assert certificate.events.filter(action="revoked").count() == 1


@pytest.mark.parametrize(
    ("reason", "note", "code"), [("", "", "bad_reason"), ("nonsense", "", "bad_reason"), ("other", " ", "note_missing")]
)
def test_revoke_needs_a_known_reason(certificate, officer, reason, note, code):
    with pytest.raises(services.CertificateError) as refused:
        services.revoke_certificate(certificate=certificate, by=officer, reason=reason, note=note)
    assert refused.value.code == code
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"


def test_reissue_gives_a_new_serial_and_code_and_marks_the_old_replaced(certificate, officer, setup):
    user = setup.people["done"]
    user.full_name = "Dra. Siti Aminah Rahayu, M.M."
    user.save()
    with committed():
        new = services.reissue_certificate(certificate=certificate, by=officer, note="Perbaikan nama")
    old = Certificate.objects.get(pk=certificate.pk)
    assert old.status == "replaced" and old.replaced_by == new
    assert new.serial != old.serial and new.code != old.code and new.number == old.number + 1
    assert new.snapshot["fields"]["nama"] == "Dra. Siti Aminah Rahayu, M.M."
    assert old.snapshot["fields"]["nama"] == "Dra. Siti Aminah, M.M."  # the old one is never rewritten
    assert Certificate.objects.get(pk=new.pk).sha256
    with pytest.raises(services.CertificateError) as refused:
        services.reissue_certificate(certificate=old, by=officer, note="lagi")
    assert refused.value.code == "replaced"
    with pytest.raises(services.CertificateError) as refused:
        services.revoke_certificate(certificate=old, by=officer, reason="data_error")
    assert refused.value.code == "replaced"


def test_reissue_needs_a_reason(certificate, officer):
    with pytest.raises(services.CertificateError) as refused:
        services.reissue_certificate(certificate=certificate, by=officer, note="  ")
    assert refused.value.code == "note_missing"


def test_a_revoked_certificate_can_be_reissued(certificate, officer):
    services.revoke_certificate(certificate=certificate, by=officer, reason="data_error")
    with committed():
        new = services.reissue_certificate(certificate=certificate, by=officer, note="Data diperbaiki")
    assert new.status == "valid"
    assert Certificate.objects.get(pk=certificate.pk).status == "replaced"


def test_optional_expiry_from_the_course_settings(setup, officer):
    setup.settings.validity_months = 24
    setup.settings.save()
    with committed():
        certificate = services.issue_certificate(enrollment=setup.enrollments["done"], by=officer).certificate
    months = (
        (certificate.expires_at.year - certificate.issued_at.year) * 12
        + certificate.expires_at.month
        - certificate.issued_at.month
    )
    assert months == 24
    assert certificate.snapshot["fields"]["berlaku_sampai"]


def test_history_lists_the_whole_chain(client_for, certificate, officer):
    from django.urls import reverse

    with committed():
        new = services.reissue_certificate(certificate=certificate, by=officer, note="Perbaikan nama")
    body = client_for(officer).get(reverse("certificates:manage", args=[new.pk])).content.decode()
    assert certificate.serial in body and new.serial in body
    assert "Perbaikan nama" in body and "Diterbitkan" in body
