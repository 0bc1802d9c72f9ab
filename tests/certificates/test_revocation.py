"""Revocation and reissue: reasons, twice, the chain, history, and what the holder still sees."""

import datetime as dt

import pytest
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from lms.formatting import format_tanggal

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
    issued, expires = timezone.localtime(certificate.issued_at), timezone.localtime(certificate.expires_at)
    assert (expires.year - issued.year) * 12 + expires.month - issued.month == 24
    assert certificate.snapshot["fields"]["berlaku_sampai"]


@pytest.mark.parametrize(
    ("issued_utc", "months", "until"),
    [
        # 01.00 WIB on 1 March 2027 is still 28 February in UTC: one month later is 1 April in WIB.
        (dt.datetime(2027, 2, 28, 18, 0, tzinfo=dt.UTC), 1, dt.date(2027, 4, 1)),
        # 00.30 WIB on 1 January 2027 (31 December 2026 in UTC): a year later is 1 January 2028.
        (dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC), 12, dt.date(2028, 1, 1)),
        # 31 January WIB: the month after ends on its last day.
        (dt.datetime(2027, 1, 31, 3, 0, tzinfo=dt.UTC), 1, dt.date(2027, 2, 28)),
    ],
)
def test_expiry_is_counted_on_the_wib_calendar(setup, officer, issued_utc, months, until):
    setup.settings.validity_months = months
    setup.settings.save()
    with committed():
        certificate = services.issue_certificate(
            enrollment=setup.enrollments["done"], by=officer, now=issued_utc
        ).certificate
    assert timezone.localdate(certificate.expires_at) == until
    assert timezone.localtime(certificate.expires_at).time() == timezone.localtime(issued_utc).time()
    assert certificate.snapshot["fields"]["berlaku_sampai"] == format_tanggal(until)
    assert certificate.year == timezone.localdate(issued_utc).year


def test_history_lists_the_whole_chain(client_for, certificate, officer):
    from django.urls import reverse

    with committed():
        new = services.reissue_certificate(certificate=certificate, by=officer, note="Perbaikan nama")
    body = client_for(officer).get(reverse("certificates:manage", args=[new.pk])).content.decode()
    assert certificate.serial in body and new.serial in body
    assert "Perbaikan nama" in body and "Diterbitkan" in body
