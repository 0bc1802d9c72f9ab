"""Forms of the certificates app: issuing, revoking, reissuing, and the public checker."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Certificate, CertificateKind

MAX_PDF_UPLOAD = 10 * 1024 * 1024


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=64,
        help_text=_("16 huruf/angka yang tercetak di sertifikat, mis. ABCD-EFGH-JKMN-PQRS."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Tulis kode verifikasi dari sertifikat.")},
    )


class PdfCheckForm(forms.Form):
    pdf = forms.FileField(
        label=_("Berkas PDF sertifikat"),
        help_text=_("Kami hanya menghitung sidik jari (SHA-256) berkas ini; berkasnya tidak disimpan. Maks. 10 MB."),
        error_messages={"required": _("Pilih berkas PDF sertifikat."), "empty": _("Berkas ini kosong.")},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_UPLOAD:
            raise forms.ValidationError(_("Berkas terlalu besar (maks. 10 MB)."), code="too_large")
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(
                _("Berkas ini bukan PDF. Unggah berkas PDF sertifikat yang Anda terima."), code="not_pdf"
            )
        return upload


class IssueForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=CertificateKind.choices)
    enrollment = forms.IntegerField(required=False, widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=_("Alasan pengecualian (khusus petugas Dinas)"),
        required=False,
        max_length=500,
        widget=forms.TextInput,
        help_text=_("Hanya bila peserta belum memenuhi syarat tetapi tetap berhak, mis. keputusan panitia."),
    )


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Alasan pencabutan"),
        choices=[("", "—")] + list(Certificate.RevocationReason.choices),
        error_messages={"required": _("Pilih alasan pencabutan.")},
    )
    note = forms.CharField(
        label=_("Catatan (tidak ditampilkan untuk umum)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReissueForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan penerbitan ulang"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mis. perbaikan nama. Sertifikat baru mendapat nomor dan kode baru; yang lama ditandai diganti."),
        error_messages={"required": _("Tulis alasan penerbitan ulang.")},
    )
