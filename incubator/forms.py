"""Forms of the incubator pages (the rules live in incubator.services; forms only read the input)."""

import datetime as dt
import re
from decimal import InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.formatting import format_rupiah, parse_rupiah

from .models import KPI_FIGURES, Programme, Stage, VentureKind

_AMOUNT_CHARS = re.compile(r"^-?\s*(Rp\.?\s*)?-?[0-9.,\s]+$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class MoneyField(forms.CharField):
    """A Rupiah figure typed the Indonesian way (1.250.000 or 1.250.000,50); parsed by lms.formatting."""

    def __init__(self, *, allow_negative=False, **kwargs):
        self.allow_negative = allow_negative
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "amount"})

    def prepare_value(self, value):
        if value not in (None, "") and not isinstance(value, str):
            return format_rupiah(value, with_symbol=False)
        return value

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        if not _AMOUNT_CHARS.match(value):
            raise forms.ValidationError(_("Tulis angka, mis. 1.250.000."), code="letters")
        try:
            amount = parse_rupiah(value)
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(_("Tulis angka, mis. 1.250.000."), code="invalid") from None
        if amount < 0 and not self.allow_negative:
            raise forms.ValidationError(_("Tidak boleh negatif."), code="negative")
        return amount


class MonthField(forms.CharField):
    """A month as YYYY-MM (the browser's month picker); cleans to the first day of the month."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return f"{value:%Y-%m}"
        return value

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        match = _MONTH.match(value.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(_("Tulis bulan sebagai TTTT-BB, mis. 2026-01."), code="invalid")
        return dt.date(int(match.group(1)), int(match.group(2)), 1)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VentureFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    programme = forms.ModelChoiceField(label=_("Program"), queryset=Programme.objects.all(), required=False)
    stage = forms.ChoiceField(label=_("Tahap"), choices=[("", _("Semua tahap")), *Stage.choices], required=False)
    kind = forms.ChoiceField(label=_("Jenis"), choices=[("", _("Semua jenis")), *VentureKind.choices], required=False)
    kecamatan = forms.CharField(label=_("Kecamatan"), required=False)
    sector = forms.CharField(label=_("Sektor"), required=False)


class VentureForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Program"), queryset=Programme.objects.all())
    name = forms.CharField(label=_("Nama usaha"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis"), choices=VentureKind.choices)
    entry_date = forms.DateField(label=_("Tanggal masuk"), widget=DateInput())
    sector = forms.CharField(label=_("Sektor"), max_length=120, required=False)
    kbli = forms.RegexField(
        label=_("KBLI"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("KBLI terdiri dari lima angka.")},
    )
    kelurahan = forms.CharField(label=_("Kelurahan"), max_length=100, required=False)
    kecamatan = forms.CharField(label=_("Kecamatan"), max_length=100, required=False)
    nib = forms.RegexField(
        label=_("NIB"), regex=r"^\d{13}$", required=False, error_messages={"invalid": _("NIB terdiri dari 13 angka.")}
    )
    legal_entity = forms.CharField(label=_("Badan hukum"), max_length=100, required=False)
    halal_certificate = forms.CharField(label=_("Sertifikat halal"), max_length=60, required=False)
    pirt = forms.CharField(label=_("PIRT"), max_length=30, required=False)


class StageChangeForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Tahap baru"), choices=Stage.choices)
    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    override = forms.BooleanField(
        label=_("Pengecualian petugas: izinkan melompati atau mundur dari jalur tahap"), required=False
    )


class EvidenceForm(forms.Form):
    evidence = forms.FileField(label=_("Berkas bukti (PDF, JPG atau PNG, paling besar 5 MB)"))
    done_date = forms.DateField(label=_("Tanggal tercapai"), widget=DateInput())
    note = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


ACTION_ROWS = 3


class MentoringForm(forms.Form):
    """A mentoring session; with `session` it edits that one (its action items pre-filled, each row
    carrying the item's id so an edit keeps the item's done mark)."""

    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    mentor = forms.CharField(label=_("Pendamping"), max_length=150)
    topics = forms.CharField(label=_("Topik"), max_length=300)
    notes = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, data=None, *args, session=None, **kwargs):
        items = list(session.action_items.order_by("due_date", "pk")) if session is not None else []
        if session is not None and data is None and "initial" not in kwargs:
            initial = {"date": session.date, "mentor": session.mentor, "topics": session.topics, "notes": session.notes}
            for index, item in enumerate(items, 1):
                initial.update(
                    {f"action_{index}": item.text, f"action_{index}_due": item.due_date, f"action_{index}_id": item.pk}
                )
            kwargs["initial"] = initial
        super().__init__(data, *args, **kwargs)
        self.rows = max(ACTION_ROWS, len(items))
        for index in range(1, self.rows + 1):
            self.fields[f"action_{index}"] = forms.CharField(
                label=_("Tindak lanjut %(n)s") % {"n": index}, max_length=300, required=False
            )
            self.fields[f"action_{index}_due"] = forms.DateField(
                label=_("Batas waktu tindak lanjut %(n)s") % {"n": index}, required=False, widget=DateInput()
            )
            if session is not None:
                self.fields[f"action_{index}_id"] = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def action_items(self):
        return [
            (self.cleaned_data.get(f"action_{i}"), self.cleaned_data.get(f"action_{i}_due"))
            for i in range(1, self.rows + 1)
        ]

    def action_rows(self):
        """[(item id or None, text, due date)] for `services.update_mentoring`."""
        return [
            (
                self.cleaned_data.get(f"action_{i}_id"),
                self.cleaned_data.get(f"action_{i}"),
                self.cleaned_data.get(f"action_{i}_due"),
            )
            for i in range(1, self.rows + 1)
        ]


class MentoringDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan menghapus"),
        max_length=300,
        required=False,
        help_text=_("Tidak wajib; disimpan di riwayat pendampingan usaha ini."),
    )


class KpiReportForm(forms.Form):
    period = MonthField(label=_("Bulan"))
    omzet = MoneyField(label=_("Omzet bulan ini (Rp)"))
    members = forms.IntegerField(
        label=_("Jumlah anggota"), min_value=0, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    employees_male = forms.IntegerField(label=_("Pekerja laki-laki"), min_value=0)
    employees_female = forms.IntegerField(label=_("Pekerja perempuan"), min_value=0)
    assets = MoneyField(label=_("Aset akhir bulan (Rp)"))
    shu = MoneyField(
        label=_("Laba / SHU bulan ini (Rp)"), allow_negative=True, help_text=_("Rugi ditulis dengan tanda minus.")
    )
    financing = MoneyField(label=_("Pembiayaan diperoleh bulan ini (Rp)"))

    def __init__(self, *args, baseline=False, **kwargs):
        super().__init__(*args, **kwargs)
        if baseline:
            del self.fields["period"]

    def figures(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in KPI_FIGURES}
