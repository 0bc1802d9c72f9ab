"""Indonesian formats for money and dates, shared by templates, PDFs and exports."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone
from django.utils.dateformat import format as date_format


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


def parse_rupiah(text: str) -> Decimal:
    """Read an amount typed the Indonesian way: '1.250.000', 'Rp 1.250.000,50', '1250000'.

    Raises ValueError for anything that is not a plain amount.
    """
    raw = (text or "").strip().replace("Rp", "").replace("rp", "").replace(" ", "")
    if not raw:
        raise ValueError("empty")
    if "," in raw:
        whole, _, frac = raw.rpartition(",")
        raw = whole.replace(".", "") + "." + frac
    elif raw.count(".") > 1 or (raw.count(".") == 1 and len(raw.split(".")[1]) == 3):
        raw = raw.replace(".", "")
    if not raw.replace(".", "", 1).lstrip("-").isdigit():
        raise ValueError(text)
    return Decimal(raw)


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
