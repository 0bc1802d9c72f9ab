"""Indonesian phone numbers: accept 0812…, 62812…, +62 812-… and store E.164 (+62812…)."""

import phonenumbers
from django import forms
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _("Nomor HP tidak valid. Tulis seperti 081234567890 atau +6281234567890.")


def normalize_phone(value: str) -> str:
    """Return the E.164 form of an Indonesian (or international) mobile number, or raise ValueError."""
    raw = (value or "").strip()
    if not raw or any(ch.isalpha() for ch in raw):
        raise ValueError(raw)
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(raw) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PhoneField(forms.CharField):
    """A form field that cleans to E.164 and explains the expected format in Indonesian."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Nomor HP/WhatsApp"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "placeholder": "0812…"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return normalize_phone(value)
        except ValueError:
            raise forms.ValidationError(INVALID_PHONE, code="invalid_phone") from None
