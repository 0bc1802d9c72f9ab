"""Pages of the certificates app: "Sertifikat saya", downloads, the cohort's issuing page, a
certificate's management page, and the public verification (by code, QR or PDF upload)."""

import hashlib

from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import Cohort, Enrollment
from lms.formatting import format_tanggal
from lms.permissions import can

from . import openbadge, selectors, services
from .forms import IssueForm, LookupForm, PdfCheckForm, ReissueForm, RevokeForm
from .models import Certificate, CertificateKind, normalize_code

# --- Trainee ---------------------------------------------------------------------------------


@login_required
def mine(request):
    certificates = list(selectors.my_certificates(user=request.user))
    return render(request, "certificates/mine.html", {"certificates": certificates})


def _certificate_or_404(code: str) -> Certificate:
    normalized = normalize_code(code)
    if normalized is None:
        raise Http404
    certificate = Certificate.objects.select_related("cohort", "holder").filter(code=normalized).first()
    if certificate is None:
        raise Http404
    return certificate


@login_required
def download(request, code: str):
    """The stored PDF, exactly as issued (never rendered again). The holder gets their valid
    certificates; officers, admins and the cohort's instructors any of them."""
    certificate = _certificate_or_404(code)
    if not can(request.user, "certificates.download_certificate", certificate):
        raise Http404
    staff = can(request.user, "certificates.view_history", certificate) or certificate.holder_id != request.user.pk
    if not staff and certificate.status != Certificate.Status.VALID:
        raise Http404  # a revoked or replaced certificate is no longer the holder's to hand out
    if not certificate.sha256:
        messages.info(request, _("PDF sertifikat ini sedang dibuat. Coba lagi dalam satu menit."))
        return redirect("certificates:mine")
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"sertifikat-{certificate.serial.replace('/', '-')}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Staff: issuing for a cohort, managing one certificate --------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def cohort_certificates(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    if not can(request.user, "certificates.issue_certificate", cohort):
        raise PermissionDenied
    form = IssueForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Periksa kembali isian penerbitan sertifikat."))
            return redirect("certificates:cohort", cohort_id=cohort.pk)
        kind = form.cleaned_data["kind"]
        reason = form.cleaned_data["override_reason"]
        enrollment_id = form.cleaned_data.get("enrollment")
        if enrollment_id:
            enrollment = get_object_or_404(Enrollment, pk=enrollment_id, cohort=cohort)
            try:
                result = services.issue_certificate(
                    enrollment=enrollment, kind=kind, by=request.user, override_reason=reason
                )
            except services.CertificateError as exc:
                messages.error(request, exc.message)
            else:
                if result.created:
                    messages.success(
                        request,
                        _("Sertifikat %(serial)s diterbitkan; PDF-nya sedang dibuat.")
                        % {"serial": result.certificate.serial},
                    )
                else:
                    messages.info(
                        request,
                        _("Peserta ini sudah punya sertifikat %(serial)s.") % {"serial": result.certificate.serial},
                    )
        else:
            from .bulk import start_bulk_issue

            job = start_bulk_issue(
                cohort=cohort, kind=kind, by=request.user, override_reason=reason, return_url=request.path
            )
            return redirect(job)
        return redirect("certificates:cohort", cohort_id=cohort.pk)
    rows = selectors.cohort_roster(cohort=cohort)
    context = {
        "cohort": cohort,
        "rows": rows,
        "counts": selectors.roster_counts(rows),
        "kinds": CertificateKind,
        "may_override": can(request.user, "certificates.override_eligibility"),
        "may_revoke": can(request.user, "certificates.revoke_certificate"),
    }
    return render(request, "certificates/cohort.html", context)


def _managed_certificate(request, pk: int, permission: str) -> Certificate:
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "course", "cohort", "replaced_by", "issued_by", "revoked_by"),
        pk=pk,
    )
    if not can(request.user, permission, certificate):
        raise PermissionDenied
    return certificate


@login_required
def manage(request, pk: int):
    certificate = _managed_certificate(request, pk, "certificates.download_certificate")
    if certificate.holder_id == request.user.pk and not can(request.user, "certificates.view_history", certificate):
        raise PermissionDenied
    may_revoke = can(request.user, "certificates.revoke_certificate", certificate)
    context = {
        "certificate": certificate,
        "fields": certificate.snapshot.get("fields", {}),
        "events": selectors.history(certificate=certificate) if may_revoke else [],
        "previous": Certificate.objects.filter(replaced_by=certificate).only("pk", "serial").first(),
        "may_revoke": may_revoke,
        "revoke_form": RevokeForm(),
        "reissue_form": ReissueForm(),
    }
    return render(request, "certificates/manage.html", context)


def _already_final_message(certificate: Certificate) -> str:
    if certificate.status == Certificate.Status.REVOKED:
        return _("Sertifikat ini sudah dicabut sebelumnya (%(date)s, %(reason)s); tidak ada yang diubah.") % {
            "date": format_tanggal(timezone.localdate(certificate.revoked_at)) if certificate.revoked_at else "",
            "reason": certificate.get_revocation_reason_display(),
        }
    return _("Sertifikat ini sudah diganti; cabut sertifikat penggantinya.")


@login_required
@require_POST
def revoke(request, pk: int):
    """Two steps: the manage page's form posts here and gets a page that shows what will be revoked,
    with the reason class (public) and the note (internal); that page posts again with
    `confirm=1`, which revokes. A certificate already revoked or replaced gets a clear message."""
    certificate = _managed_certificate(request, pk, "certificates.revoke_certificate")
    if certificate.status != Certificate.Status.VALID:
        messages.error(request, _already_final_message(certificate))
        return redirect("certificates:manage", pk=certificate.pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("certificates:manage", pk=certificate.pk)
    reason, note = form.cleaned_data["reason"], form.cleaned_data["note"].strip()
    if reason == Certificate.RevocationReason.OTHER and not note:
        messages.error(request, _("Tulis penjelasan untuk alasan lain."))
        return redirect("certificates:manage", pk=certificate.pk)
    if request.POST.get("confirm") != "1":
        context = {
            "certificate": certificate,
            "fields": certificate.snapshot.get("fields", {}),
            "form": form,
            "reason_label": Certificate.RevocationReason(reason).label,
            "note": note,
        }
        return render(request, "certificates/revoke_confirm.html", context)
    try:
        services.revoke_certificate(certificate=certificate, by=request.user, reason=reason, note=note)
    except services.CertificateError as exc:
        if exc.code in ("already_revoked", "replaced"):
            certificate.refresh_from_db()
            messages.error(request, _already_final_message(certificate))
        else:
            messages.error(request, exc.message)
    else:
        messages.success(request, _("Sertifikat %(serial)s dicabut.") % {"serial": certificate.serial})
    return redirect("certificates:manage", pk=certificate.pk)


@login_required
@require_POST
def reissue(request, pk: int):
    certificate = _managed_certificate(request, pk, "certificates.revoke_certificate")
    form = ReissueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("certificates:manage", pk=certificate.pk)
    try:
        new = services.reissue_certificate(certificate=certificate, by=request.user, note=form.cleaned_data["note"])
    except services.CertificateError as exc:
        messages.error(request, exc.message)
        return redirect("certificates:manage", pk=certificate.pk)
    messages.success(
        request,
        _("Diterbitkan ulang sebagai %(serial)s; %(old)s ditandai diganti.")
        % {"serial": new.serial, "old": certificate.serial},
    )
    return redirect("certificates:manage", pk=new.pk)


# --- Public verification -------------------------------------------------------------------------


def _rate_limited(request):
    """allauth's rate limiter (the cache holds the counters), one bucket per address."""
    rate = getattr(settings, "CERTIFICATES_VERIFY_RATE_LIMIT", "60/m/ip")
    allowed = ratelimit.consume(request, app="certificates", action="verify", config={"verify": rate}, limit_get=True)
    if allowed:
        return None
    if _wants_json(request):
        return JsonResponse(
            {"status": "rate_limited", "detail": _("Terlalu banyak permintaan. Coba lagi sebentar lagi.")}, status=429
        )
    return render(request, "certificates/rate_limited.html", status=429)


def _wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def public_facts(certificate: Certificate) -> dict:
    """What anyone with the code may know: no email, no phone, no internal notes."""
    fields = certificate.snapshot.get("fields", {})
    state = certificate.public_state()
    facts = {
        "status": state,
        "code": certificate.display_code,
        "serial": certificate.serial,
        "kind": certificate.kind,
        "kind_label": str(CertificateKind(certificate.kind).label),
        "holder": fields.get("nama", ""),
        "course": fields.get("kursus", ""),
        "cohort": fields.get("angkatan", ""),
        "training_dates": fields.get("tanggal_pelatihan", ""),
        "hours": fields.get("jp", ""),
        "place": fields.get("tempat", ""),
        "issuer": fields.get("penerbit", ""),
        "issued_at": certificate.issued_at.isoformat(),
        "expires_at": certificate.expires_at.isoformat() if certificate.expires_at else None,
        "sha256": certificate.sha256 or None,
        "signer": certificate.signer or None,
        "signer_fingerprint": certificate.signer_fingerprint or None,
        "revoked_at": None,
        "revocation_reason": None,
        "replaced_by": None,
    }
    if certificate.status == Certificate.Status.REVOKED:
        facts["revoked_at"] = certificate.revoked_at.isoformat()
        facts["revocation_reason"] = certificate.revocation_reason
        facts["revocation_reason_label"] = str(Certificate.RevocationReason(certificate.revocation_reason).label)
    if certificate.status == Certificate.Status.REPLACED and certificate.replaced_by_id:
        facts["replaced_by"] = request_free_verify_path(certificate.replaced_by.code)
    return facts


def request_free_verify_path(code: str) -> str:
    from django.urls import reverse

    return reverse("certificates:verify", args=[code])


@require_http_methods(["GET", "HEAD"])
def verify(request, code: str):
    limited = _rate_limited(request)
    if limited is not None:
        return limited
    normalized = normalize_code(code)
    certificate = selectors.certificate_by_code(normalized) if normalized else None
    if certificate is None:
        if _wants_json(request):
            return JsonResponse({"status": "unknown"}, status=404)
        raise Http404
    if normalized != code:
        # One canonical address per certificate (lower case, dashes, O for 0 … all land here).
        return redirect("certificates:verify", code=normalized, permanent=True)
    facts = public_facts(certificate)
    if _wants_json(request):
        return JsonResponse(facts)
    response = render(request, "certificates/verify.html", {"certificate": certificate, "facts": facts})
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def verify_lookup(request):
    """Type a code (GET ?code=) or upload a PDF (POST) to check it against what was issued."""
    limited = _rate_limited(request)
    if limited is not None:
        return limited
    lookup = LookupForm(request.GET or None)
    upload = PdfCheckForm(request.POST or None, request.FILES or None)
    status = 200
    match = None
    checked = False
    if request.method == "GET" and lookup.is_bound:
        if lookup.is_valid():
            normalized = normalize_code(lookup.cleaned_data["code"])
            if normalized is None:
                lookup.add_error("code", _("Kode verifikasi terdiri dari 16 huruf/angka, mis. ABCD-EFGH-JKMN-PQRS."))
            elif selectors.certificate_by_code(normalized) is None:
                lookup.add_error("code", _("Tidak ada sertifikat dengan kode ini. Periksa kembali kodenya."))
            else:
                return redirect("certificates:verify", code=normalized)
        status = 404 if lookup.errors else 200
    if request.method == "POST":
        if upload.is_valid():
            digest = hashlib.sha256()
            for chunk in upload.cleaned_data["pdf"].chunks():
                digest.update(chunk)
            match = selectors.certificate_by_hash(digest.hexdigest())
            checked = True
        else:
            status = 400
    context = {
        "lookup": lookup,
        "upload": upload,
        "checked": checked,
        "match": match,
        "facts": public_facts(match) if match else None,
    }
    if request.method == "POST" and _wants_json(request):
        if not checked:
            return JsonResponse({"status": "invalid", "errors": upload.errors.get_json_data()}, status=400)
        return JsonResponse(context["facts"] or {"status": "no_match"})
    return render(request, "certificates/verify_lookup.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def credential(request, code: str, fmt: str):
    """The Open Badges 3.0 credential of a certificate: JSON, or the signed VC-JWT."""
    limited = _rate_limited(request)
    if limited is not None:
        return limited
    normalized = normalize_code(code)
    certificate = selectors.certificate_by_code(normalized) if normalized == code else None
    if certificate is None or certificate.status == Certificate.Status.REPLACED:
        raise Http404
    if fmt == "jwt":
        token = openbadge.signed_credential(certificate)
        if token is None:
            raise Http404
        from django.http import HttpResponse

        return HttpResponse(token, content_type="application/vc+jwt")
    response = JsonResponse(openbadge.credential(certificate), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/ld+json"
    return response


@require_http_methods(["GET", "HEAD"])
def status_list(request, list_number: int):
    """A revocation status list (W3C Bitstring Status List) that every credential's
    `credentialStatus` points to: JSON, or the VC-JWT signed with the certificates' key when the
    client asks for `application/vc+jwt` (406 when no key is configured)."""
    limited = _rate_limited(request)
    if limited is not None:
        return limited
    indexes = selectors.status_list_indexes(list_number=list_number, size=openbadge.STATUS_LIST_BITS)
    if indexes is None:
        raise Http404
    if "application/vc+jwt" in request.headers.get("Accept", ""):
        from django.http import HttpResponse

        token = openbadge.signed_status_list(list_number, indexes)
        if token is None:
            return HttpResponse(status=406)
        response = HttpResponse(token, content_type="application/vc+jwt")
    else:
        response = JsonResponse(openbadge.status_list_credential(list_number, indexes))
        response["Content-Type"] = "application/vc+ld+json"
    response["Cache-Control"] = "public, max-age=60"  # a revocation shows within a minute
    response["Vary"] = "Accept"
    return response
