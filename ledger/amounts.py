"""Reading amounts as typed: the helpers the posting services and the grader share.

Both `ledger.services` (which refuses bad input) and `ledger.grading` (which grades whatever a
trainee typed, readable or not) read a journal line's columns the same way; this module sits below
both so neither imports the other's private helpers.
"""

from __future__ import annotations

from decimal import Decimal

from lms.formatting import parse_rupiah


def is_blank(value) -> bool:
    """An empty column: None, or text with nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_amount(value) -> Decimal:
    """Decimal from a Decimal/int/float/text amount; ValueError (or InvalidOperation) when it is not a
    finite number. Text is read as Rupiah with `lms.formatting.parse_rupiah` ("1.250.000")."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        amount = parse_rupiah(value)
    else:
        raise ValueError(value)
    if not amount.is_finite():
        raise ValueError(value)
    return amount
