"""Reading amounts as typed: the helpers the posting services and the grader share.

Both `ledger.services` (which refuses bad input) and `ledger.grading` (which grades whatever a
trainee typed, readable or not) read a journal line's columns the same way; this module sits below
both so neither imports the other's private helpers.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, Sum

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


# --- Exact on every database ----------------------------------------------------------------
# PostgreSQL's numeric is exact; SQLite keeps a decimal column as an 8-byte float (about 15.9
# significant digits) and Django reads it back rounded to 15 significant digits. So Sinau caps
# amounts where every one of them, and every total a book can reach, has at most 15 significant
# digits (13 before the comma, 2 sen), and sums money on SQLite as whole sen (64-bit integers,
# exact) instead of adding floats. The same limits hold on PostgreSQL, so a book behaves the same
# on both (issue 9, item 2; tests/ledger/test_money_limits.py).
CENT = Decimal("0.01")
# One line: at most Rp 1 triliun, far above any cooperative the course is for.
MAX_AMOUNT = Decimal(10) ** 12
# Everything a book's debit side adds up to (and so any balance or report total): below Rp 10 triliun.
MAX_BOOK_TOTAL = Decimal(10) ** 13 - CENT


class MoneySum(Sum):
    """`MoneySum("amount", filter=Q(...))`: SUM of a money column, exact on SQLite too.

    On SQLite it adds whole sen as 64-bit integers (exact) and divides once at the end; elsewhere
    it is a plain SUM.
    """

    output_field = DecimalField(max_digits=20, decimal_places=2)

    def as_sqlite(self, compiler, connection, **extra_context):
        in_sen = self.copy()
        in_sen.template = "%(function)s(%(distinct)sCAST(ROUND(%(expressions)s * 100) AS INTEGER))"
        sql, params = in_sen.as_sql(compiler, connection, **extra_context)
        # The exact integer total of sen, divided once: the nearest float to the decimal total,
        # which Django reads back at 15 significant digits, i.e. exactly, below MAX_BOOK_TOTAL.
        return f"(({sql}) / 100.0)", params
