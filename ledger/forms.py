"""Forms of the ledger pages: the journal entry (header + N line rows, no JavaScript needed),
reversal, practice book, member, closing and SHU allocation.

The forms read what was typed and catch what can be caught without the book (letters in an
amount, three decimals, zero, both sides on one row); the posting service checks the rest and
its `LedgerValidationError` is put back on the same rows and fields by `apply_service_errors`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.formatting import format_rupiah, parse_rupiah, rupiah_format_message

from .amounts import MAX_AMOUNT
from .models import AccountGroup

CENT = Decimal("0.01")
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
INITIAL_ROWS = 4
ADD_ROWS = 4
MAX_ROWS = 60

# Field names of the posting service's LineInput → field names of a line row.
SERVICE_LINE_FIELDS = {
    "account_code": "account",
    "debit": "debit",
    "credit": "credit",
    "amount": "debit",
    "side": "debit",
    "member_number": "member",
    "memo": "memo",
}


def parse_amount(text: str) -> Decimal:
    """An amount typed the Indonesian way, checked; raises ValidationError with an Indonesian message."""
    try:
        amount = parse_rupiah(text)
    except ValueError:
        raise forms.ValidationError(rupiah_format_message(), code="invalid") from None
    if amount != amount.quantize(CENT):
        raise forms.ValidationError(_("Jumlah paling banyak dua angka di belakang koma (sen)."), code="decimals")
    if amount <= 0:
        raise forms.ValidationError(_("Jumlah harus lebih dari nol."), code="not_positive")
    if amount > MAX_AMOUNT:
        raise forms.ValidationError(
            _("Jumlah terlalu besar: paling banyak %(max)s.") % {"max": format_rupiah(MAX_AMOUNT)}, code="too_large"
        )
    return amount.quantize(CENT)


class AmountField(forms.CharField):
    """A Rupiah amount typed as `1.250.000` or `1.250.000,50`; cleans to a Decimal (None when empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "amount"})

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        return parse_amount(value)


def account_index(accounts) -> dict[str, str]:
    """{code: name} of the postable accounts, in chart order (the entry form's one account control)."""
    return {account.code: account.name for account in accounts if account.is_postable}


def account_label(code: str, name: str) -> str:
    """'1101 — Kas': how the account control and its suggestions (datalist) show an account."""
    return f"{code} — {name}"


def account_suggestions(accounts) -> list[tuple[str, str]]:
    """(value, group label) of each postable account for the entry form's <datalist>, grouped by
    type: aset, kewajiban, ekuitas, pendapatan, beban, then by code. A datalist cannot hold
    <optgroup>s, so each suggestion carries its group as the option's label (shown beside it)."""
    order = {group: position for position, group in enumerate(AccountGroup.values)}
    labels = dict(AccountGroup.choices)
    rows = sorted(
        (account for account in accounts if account.is_postable),
        key=lambda account: (order.get(account.group, len(order)), account.code),
    )
    return [(account_label(account.code, account.name), str(labels.get(account.group, ""))) for account in rows]


def resolve_account(text: str, index: dict[str, str]) -> str:
    """The account code meant by what was typed in a row's one account control.

    Accepts the code ("1101"), the suggestion picked from the list ("1101 — Kas", also "1101 Kas"),
    the exact name ("kas") or a name part that fits one account only ("penjualan non"). A typed
    code that is not postable here is passed on, so the posting service says why ("akun induk").
    Raises ValidationError naming the candidates when several accounts fit, or when none does.
    """
    typed = " ".join((text or "").split())
    if not typed:
        return ""
    first = typed.split(" ", 1)[0]
    if first in index or (first.isascii() and first.isdigit()):
        return first
    wanted = typed.casefold()
    names = {code: name.casefold() for code, name in index.items()}
    for rule in (
        lambda name: name == wanted,
        lambda name: name.startswith(wanted),
        lambda name: wanted in name,
    ):
        found = [code for code, name in names.items() if rule(name)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = ", ".join(account_label(code, index[code]) for code in found[:5])
            raise forms.ValidationError(
                _(
                    "Ada beberapa akun yang cocok dengan “%(typed)s”: %(accounts)s. Ketik kodenya atau pilih dari daftar."
                )
                % {"typed": typed, "accounts": shown + (", …" if len(found) > 5 else "")},
                code="ambiguous",
            )
    raise forms.ValidationError(
        _("Akun “%(typed)s” tidak ada di bagan buku ini. Ketik kode atau nama akun, lalu pilih dari daftar.")
        % {"typed": typed},
        code="unknown",
    )


class AccountField(forms.CharField):
    """One control per journal row: a text box with the chart's accounts as suggestions (a
    <datalist>, so it works without JavaScript); the server resolves what was typed."""

    def __init__(self, *, index=None, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.index = index or {}
        self.widget.attrs.update(
            {"list": "account-options", "autocomplete": "off", "class": "account-input", "spellcheck": "false"}
        )

    def clean(self, value):
        value = super().clean(value)
        return resolve_account(value, self.index)

    def prepare_value(self, value):
        code = str(value or "").strip()
        if code in self.index:
            return account_label(code, self.index[code])
        return value


def member_choices(members) -> list:
    return [("", _("— tanpa anggota —"))] + [(m.number, f"{m.number} — {m.name}") for m in members]


class EntryHeaderForm(forms.Form):
    date = forms.DateField(
        label=_("Tanggal"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Tanggal wajib diisi."), "invalid": _("Tanggal tidak dapat dibaca.")},
    )
    description = forms.CharField(
        label=_("Keterangan"),
        max_length=255,
        error_messages={"required": _("Keterangan wajib diisi.")},
    )
    voucher = forms.CharField(label=_("Nomor bukti"), max_length=30, required=False)
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    line_count = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_ROWS)

    def __init__(self, *args, book=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.book = book
        if book is not None:
            self.fields["date"].widget.attrs.update(
                {"min": book.period_start.isoformat(), "max": book.period_end.isoformat()}
            )
            self.fields["date"].help_text = _("Dalam periode buku.")

    def clean_date(self):
        value = self.cleaned_data["date"]
        book = self.book
        if book is not None and not (book.period_start <= value <= book.period_end):
            from lms.formatting import format_tanggal

            raise forms.ValidationError(
                _("Tanggal harus di dalam periode buku (%(start)s – %(end)s).")
                % {"start": format_tanggal(book.period_start), "end": format_tanggal(book.period_end)}
            )
        return value


class EntryLineForm(forms.Form):
    """One line row; a row with nothing typed is blank and ignored."""

    account = AccountField(label=_("Akun"))
    debit = AmountField(label=_("Debit"))
    credit = AmountField(label=_("Kredit"))
    member = forms.ChoiceField(label=_("Anggota"), required=False)
    memo = forms.CharField(label=_("Catatan"), required=False, max_length=255)

    def __init__(self, *args, accounts_index=None, members_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].index = accounts_index or {}
        self.fields["account"].widget.attrs["placeholder"] = _("Ketik kode atau nama akun")
        self.fields["member"].choices = members_choices
        self.fields["member"].error_messages["invalid_choice"] = _("Anggota ini tidak terdaftar di buku ini.")

    def raw(self, name: str) -> str:
        if not self.is_bound:
            return str(self.initial.get(name) or "")
        return str(self.data.get(self.add_prefix(name)) or "")

    @property
    def is_blank(self) -> bool:
        return not any(self.raw(name).strip() for name in self.fields)

    def clean(self):
        data = super().clean()
        if self.is_blank:
            return data
        has_debit = bool(self.raw("debit").strip())
        has_credit = bool(self.raw("credit").strip())
        if not self.raw("account").strip() and "account" not in self.errors:
            self.add_error("account", _("Pilih akun."))
        if has_debit and has_credit:
            self.add_error("credit", _("Isi debit atau kredit saja, tidak keduanya pada satu baris."))
        elif not has_debit and not has_credit:
            self.add_error("debit", _("Isi jumlah di kolom debit atau kredit."))
        return data


class JournalEntryForm:
    """The whole entry: header form + `line_count` line rows (prefix `lines-<i>`).

    Works without JavaScript: the "add rows" button re-renders with more rows, keeping the input.
    """

    def __init__(self, *, book, accounts, members, data=None, add_rows: bool = False):
        self.book = book
        self.accounts_index = account_index(accounts)
        self.members_choices = member_choices(members)
        self.non_form_errors: list[str] = []
        self.data = data
        count = INITIAL_ROWS
        if data is not None:
            try:
                count = int(data.get("line_count") or INITIAL_ROWS)
            except ValueError:
                count = INITIAL_ROWS
            count = max(1, min(count, MAX_ROWS))
        if add_rows:
            # Re-render the typed values as an unbound form (no error messages yet) with more rows.
            count = min(count + ADD_ROWS, MAX_ROWS)
            header_initial = {name: data.get(name, "") for name in ("date", "description", "voucher", "nonce")}
            header_initial["line_count"] = count
            self.header = EntryHeaderForm(initial=header_initial, book=book)
            self.lines = [
                self._line_form(i, initial={f: data.get(f"lines-{i}-{f}", "") for f in EntryLineForm.base_fields})
                for i in range(count)
            ]
        elif data is not None:
            self.header = EntryHeaderForm(data, book=book)
            self.lines = [self._line_form(i, data=data) for i in range(count)]
        else:
            today = timezone.localdate()
            start = book.period_start
            default_date = today if book.period_start <= today <= book.period_end else start
            self.header = EntryHeaderForm(
                initial={"date": default_date, "nonce": uuid.uuid4().hex, "line_count": count}, book=book
            )
            self.lines = [self._line_form(i) for i in range(count)]
        self.line_count = count

    def _line_form(self, index: int, **kwargs) -> EntryLineForm:
        return EntryLineForm(
            prefix=f"lines-{index}",
            accounts_index=self.accounts_index,
            members_choices=self.members_choices,
            **kwargs,
        )

    @property
    def nonce(self) -> str:
        if self.data is not None:
            return str(self.data.get("nonce") or "")
        return str(self.header.initial.get("nonce") or "")

    def is_valid(self) -> bool:
        valid = self.header.is_valid()
        for form in self.lines:
            valid = form.is_valid() and valid
        if valid and not self.filled_rows():
            self.non_form_errors.append(
                str(_("Jurnal belum memiliki baris; isi paling sedikit satu baris debit dan satu baris kredit."))
            )
            valid = False
        return valid

    def filled_rows(self) -> list[tuple[int, EntryLineForm]]:
        return [(i, form) for i, form in enumerate(self.lines) if not form.is_blank]

    def line_inputs(self):
        """(LineInput list, row index of each input) for the posting service."""
        from .services import LineInput

        inputs, rows = [], []
        for index, form in self.filled_rows():
            data = form.cleaned_data
            inputs.append(
                LineInput(
                    account_code=data.get("account") or "",
                    debit=data.get("debit"),
                    credit=data.get("credit"),
                    member_number=data.get("member") or None,
                    memo=data.get("memo") or "",
                )
            )
            rows.append(index)
        return inputs, rows

    def apply_service_errors(self, errors: dict, rows: list[int]) -> None:
        """Put a LedgerValidationError's messages on the header fields and on the right row and field."""
        for key, messages in errors.items():
            if key == "lines":
                continue
            for message in messages:
                if key in self.header.fields and key != "nonce":
                    self.header.add_error(key, str(message))
                else:
                    self.non_form_errors.append(str(message))
        for index, fields in (errors.get("lines") or {}).items():
            try:
                form = self.lines[rows[int(index)]]
            except (IndexError, ValueError):
                for messages in fields.values():
                    self.non_form_errors.extend(str(m) for m in messages)
                continue
            for field, messages in fields.items():
                target = SERVICE_LINE_FIELDS.get(field)
                for message in messages:
                    form.add_error(target, str(message))

    def error_summary(self) -> list[dict]:
        """Every message with the id of the field it belongs to (for the summary at the top)."""
        summary = [{"message": m, "target": ""} for m in self.non_form_errors]
        for field, messages in self.header.errors.items():
            target = self.header[field].auto_id if field in self.header.fields else ""
            label = self.header.fields[field].label if field in self.header.fields else ""
            summary.extend({"message": f"{label}: {m}" if label else m, "target": target} for m in messages)
        for index, form in enumerate(self.lines):
            if not form.is_bound or not form.errors:
                continue
            for field, messages in form.errors.items():
                target = form[field].auto_id if field in form.fields else f"row-{index}"
                for message in messages:
                    summary.append(
                        {"message": _("Baris %(n)s: %(msg)s") % {"n": index + 1, "msg": message}, "target": target}
                    )
        return summary

    @property
    def has_errors(self) -> bool:
        if self.non_form_errors:
            return True
        if self.header.is_bound and self.header.errors:
            return True
        return any(form.is_bound and form.errors for form in self.lines)


class ReversalForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pembalikan"),
        max_length=200,
        error_messages={"required": _("Tuliskan alasan pembalikan.")},
        help_text=_("Mis. salah akun, salah jumlah, transaksi dicatat dua kali."),
    )
    date = forms.DateField(
        label=_("Tanggal jurnal pembalik"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Kosongkan untuk memakai tanggal jurnal asli."),
    )


class PracticeBookForm(forms.Form):
    title = forms.CharField(label=_("Judul buku"), max_length=200, required=False)
    cooperative_name = forms.CharField(label=_("Nama koperasi"), max_length=200, required=False)
    year = forms.IntegerField(
        label=_("Tahun buku"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Periode 1 Januari – 31 Desember tahun ini; kosongkan untuk tahun berjalan."),
    )
    simpanan_pokok = AmountField(
        label=_("Simpanan pokok per anggota"),
        required=False,
        help_text=_(
            "Sama besar untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992); buku memberi peringatan "
            "bila simpanan pokok anggota berbeda. Boleh dikosongkan."
        ),
    )

    def period(self) -> tuple[dt.date, dt.date] | tuple[None, None]:
        year = self.cleaned_data.get("year")
        if not year:
            return None, None
        return dt.date(year, 1, 1), dt.date(year, 12, 31)


class MemberForm(forms.Form):
    number = forms.CharField(label=_("Nomor anggota"), max_length=20)
    name = forms.CharField(label=_("Nama"), max_length=150)


class ClosingForm(forms.Form):
    date = forms.DateField(
        label=_("Tutup buku per tanggal"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PercentField(forms.CharField):
    """A percentage typed as `40`, `2,5` or `2.5`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "percent"})

    def clean(self, value):
        value = (super().clean(value) or "").strip().replace("%", "").replace(",", ".")
        if not value:
            return Decimal("0")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise forms.ValidationError(_("Tulis persentase sebagai angka, mis. 40 atau 2,5.")) from None
        if not number.is_finite() or number < 0 or number > 100:
            raise forms.ValidationError(_("Persentase harus antara 0 dan 100."))
        return number


SHU_COMPONENTS = [
    ("cadangan", _("Cadangan")),
    ("jasa_usaha", _("Jasa usaha anggota (JUA)")),
    ("jasa_modal", _("Jasa modal anggota (JMA)")),
    ("pengurus", _("Dana pengurus")),
    ("karyawan", _("Dana karyawan")),
    ("pendidikan", _("Dana pendidikan")),
    ("sosial", _("Dana sosial")),
]
DEFAULT_SHU_PERCENT = {
    "cadangan": "40",
    "jasa_usaha": "30",
    "jasa_modal": "15",
    "pengurus": "5",
    "karyawan": "5",
    "pendidikan": "2,5",
    "sosial": "2,5",
}


class ShuAllocationForm(forms.Form):
    """The SHU to share and the components' percentages (they must add up to 100%)."""

    shu_amount = forms.CharField(
        label=_("SHU yang dibagi"),
        required=False,
        help_text=_("Kosongkan untuk memakai SHU dari anggota: bagian anggota dari SHU setelah pajak buku ini."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "amount"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in SHU_COMPONENTS:
            self.fields[f"pct_{key}"] = PercentField(label=label, initial=DEFAULT_SHU_PERCENT[key])

    def clean_shu_amount(self):
        text = (self.cleaned_data.get("shu_amount") or "").strip()
        if not text:
            return None
        return parse_amount(text)

    def clean(self):
        data = super().clean()
        percents = {key: data.get(f"pct_{key}") for key, _label in SHU_COMPONENTS}
        if all(value is not None for value in percents.values()):
            total = sum(percents.values(), Decimal("0"))
            if total != Decimal("100"):
                raise forms.ValidationError(
                    _("Jumlah persentase komponen SHU harus 100%%; sekarang %(total)s%%.")
                    % {"total": f"{total.normalize():f}".replace(".", ",")}
                )
        data["percents"] = percents
        return data

    def percent_fields(self):
        return [self[f"pct_{key}"] for key, _label in SHU_COMPONENTS]
