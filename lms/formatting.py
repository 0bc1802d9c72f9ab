"""Indonesian formats for money and dates, shared by templates, PDFs and exports."""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.forms import DecimalField as DjangoDecimalField
from django.forms import TextInput
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _


def group_thousands(digits: str) -> str:
    """'1250000' → '1.250.000' (Indonesian uses the dot to group thousands)."""
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def format_rupiah(value, *, with_symbol: bool = True, cents: bool | None = None) -> str:
    """Format an amount as `Rp 1.250.000` (or `Rp 1.250.000,50` when it has cents).

    `cents=None` shows cents only when the amount has them; True/False forces the choice.
    Negative amounts read `-Rp 1.250.000`. Values that are not numbers come back unchanged.
    """
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    whole, frac = f"{amount:.2f}".split(".")
    show_cents = cents if cents is not None else frac != "00"
    text = group_thousands(whole) + ("," + frac if show_cents else "")
    return f"{sign}Rp {text}" if with_symbol else f"{sign}{text}"


# The one grammar for a typed Rupiah amount (mirrored by lms/static/lms/js/rupiah.js, a test keeps
# the two in step): an optional minus, an optional "Rp" (or "Rp."), the whole part either plain ASCII
# digits or grouped by threes with dots, then an optional comma with one or two decimals.
# "1.2.3", "2.50", "1 000", "12 34 5", "007", full-width or other non-ASCII digits are refused.
RUPIAH_PATTERN = r"^(-)?(?:[Rr][Pp]\.?[ \u00a0]*)?(0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,([0-9]{1,2}))?$"
_RUPIAH_RE = re.compile(RUPIAH_PATTERN, re.ASCII)
RUPIAH_EXAMPLES = "1250000, 1.250.000, 1.250.000,50, Rp 1.250.000"
# A quiz's numeric answer that is not money (pi to four places, a ratio) is read by the same grammar
# with more decimals after the comma: `parse_rupiah(text, max_decimals=NUMBER_DECIMALS)`.
NUMBER_DECIMALS = 6


def _pattern(max_decimals: int) -> re.Pattern:
    if max_decimals == 2:
        return _RUPIAH_RE
    return re.compile(RUPIAH_PATTERN.replace("{1,2}", f"{{1,{max_decimals}}}"), re.ASCII)


class RupiahFormatError(ValueError):
    """Typed text that is not an amount in the one accepted form; `message` says which forms are."""

    def __init__(self, text, max_decimals: int = 2):
        super().__init__(text)
        self.text = text
        self.max_decimals = max_decimals

    @property
    def message(self) -> str:
        return rupiah_format_message(max_decimals=self.max_decimals)


def rupiah_forms_hint(*, max_decimals: int = 2) -> str:
    """The accepted forms of a typed amount (or number, with more decimals), as one sentence."""
    if max_decimals == 2:
        return _(
            "Tulis angka saja atau dengan titik setiap tiga angka, dan koma untuk sen (paling banyak dua "
            "angka), mis. %(examples)s."
        ) % {"examples": RUPIAH_EXAMPLES}
    return _(
        "Tulis angka saja atau dengan titik setiap tiga angka, dan koma sebelum desimal (paling banyak "
        "%(n)s angka), mis. 1.250.000, 12,5 atau 3,1416."
    ) % {"n": max_decimals}


def rupiah_format_message(*, max_decimals: int = 2) -> str:
    """The message shown for an amount that cannot be read, listing the accepted forms."""
    return _("Jumlah tidak dapat dibaca. %(hint)s") % {"hint": rupiah_forms_hint(max_decimals=max_decimals)}


def parse_rupiah(text: str, *, max_decimals: int = 2) -> Decimal:
    """Read an amount typed the Indonesian way: '1250000', '1.250.000', 'Rp 1.250.000,50', '-Rp 5.000'.

    The whole part is plain digits or dots every three digits; a comma is followed by one or two
    decimals (`max_decimals` more for a quiz's numbers that are not money). Anything else ('1.2.3',
    '2.50', '1 000', non-ASCII digits) raises `RupiahFormatError` (a ValueError) instead of being
    guessed at.
    """
    match = _pattern(max_decimals).match((text or "").strip()) if isinstance(text, str) else None
    if not match:
        raise RupiahFormatError(text, max_decimals)
    sign, whole, frac = match.groups()
    amount = Decimal(whole.replace(".", "") + ("." + frac if frac else ""))
    return -amount if sign and amount else amount


def format_tanggal(value, *, with_day: bool = False, with_time: bool = False) -> str:
    """'28 November 2026', or 'Sabtu, 28 November 2026 14.30' with options; month and day names
    follow the active language (Indonesian by default)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
    elif not isinstance(value, date):
        return str(value)
    fmt = ("l, " if with_day else "") + "j F Y"
    if with_time and isinstance(value, datetime):
        fmt += " H.i"
    return date_format(value, fmt)


class RupiahFormField(DjangoDecimalField):
    """A form field for money typed by a person, read with the one grammar (`parse_rupiah`).

    Shows the stored value the same way ("1.250.000" or "1.250.000,50", no "Rp") so a saved form
    reads back to the same amount; a refusal lists the accepted forms.
    """

    def __init__(self, *, max_digits=None, decimal_places=None, **kwargs):
        kwargs.setdefault("widget", TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "class": "amount"}))
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.widget.attrs.pop("step", None)

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return parse_rupiah(str(value))
        except ValueError:
            raise ValidationError(rupiah_format_message(), code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            return format_rupiah(value, with_symbol=False)
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        return attrs
