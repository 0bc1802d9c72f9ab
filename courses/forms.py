"""Forms of the courses app; they validate input, the services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Attendance

MAX_CSV_BYTES = 1024 * 1024


class EnrolByCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode pendaftaran"),
        max_length=20,
        help_text=_("Kode dari panitia, mis. KOP2026A. Huruf besar atau kecil sama saja."),
        error_messages={"required": _("Tulis kode pendaftaran dari panitia.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Kode presensi"),
        max_length=12,
        help_text=_("6 angka yang ditampilkan narasumber di kelas."),
        error_messages={"required": _("Tulis 6 angka kode presensi yang ditampilkan narasumber.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}),
    )
    # From the QR link or "Presensi sekarang"; a garbled value is ignored (the code alone finds
    # the session) instead of answering with an error about a field the trainee never sees.
    session = forms.CharField(label=_("Sesi"), required=False, widget=forms.HiddenInput)

    def clean_session(self) -> int | None:
        value = (self.cleaned_data.get("session") or "").strip()
        return int(value) if value.isdigit() and len(value) < 10 else None


class AttendanceSheetForm(forms.Form):
    """One row of status buttons per enrolled trainee, named "status_<enrollment id>".

    Radio buttons, not a drop-down: the four words stay readable on a phone and each is one tap.
    Nothing chosen means "not recorded"."""

    def __init__(self, *args, rows, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for enrollment in rows:
            name = f"status_{enrollment.pk}"
            self.fields[name] = forms.ChoiceField(
                label=enrollment.user.full_name,
                choices=Attendance.Status.choices,
                required=False,
                initial=current.get(enrollment.pk, ""),
                widget=forms.RadioSelect(attrs={"class": "att-choice"}),
            )
            self.rows.append((enrollment, name))

    def statuses_all_present(self) -> dict[int, str]:
        """ "Semua hadir": every row left empty becomes present; rows already chosen keep their choice."""
        return {pk: status or Attendance.Status.PRESENT for pk, status in self.statuses().items()}

    def statuses(self) -> dict[int, str]:
        return {enrollment.pk: self.cleaned_data.get(name) or "" for enrollment, name in self.rows}

    def bound_rows(self):
        return [(enrollment, self[name]) for enrollment, name in self.rows]


class BulkEnrolForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV"),
        help_text=_("Kolom: nama, email, telepon, koperasi (baris pertama judul kolom). UTF-8, paling besar 1 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Berkas harus berformat CSV (.csv)."))
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar: paling besar 1 MB."))
        return upload
