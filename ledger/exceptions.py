"""Errors raised by the ledger: validation errors with a precise, per-line structure, and immutability."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class LedgerError(Exception):
    """Base class of every ledger error."""


class LedgerValidationError(LedgerError):
    """Bad input to a ledger service; nothing was written.

    `errors` has one shape everywhere::

        {
            "__all__": ["message about the whole entry", ...],
            "lines": {0: {"amount": ["message", ...], "account_code": [...]}, 3: {...}},
        }

    Line indexes are the positions in the `lines` list the caller passed (0-based); field names
    are the `LineInput` field names (`account_code`, `side`, `debit`, `credit`, `amount`,
    `member_number`, `memo`) or the service's keyword names (`date`, `description`, ...) for
    top-level problems that belong to a field, which then sit next to "__all__".
    Messages are Indonesian (lazy translations: call `str()` to render them).
    """

    def __init__(self, errors=None, *, message=None):
        if errors is None:
            errors = {}
        if message is not None:
            errors.setdefault("__all__", []).append(message)
        errors.setdefault("__all__", [])
        errors.setdefault("lines", {})
        self.errors = errors
        super().__init__(self.as_text())

    @property
    def messages(self) -> list[str]:
        """Every message as a flat list of strings (top level first, then by line)."""
        out = [str(m) for key, msgs in self.errors.items() if key != "lines" for m in msgs]
        for index in sorted(self.errors["lines"]):
            for field_messages in self.errors["lines"][index].values():
                out.extend(str(m) for m in field_messages)
        return out

    def line_errors(self, index: int) -> dict[str, list[str]]:
        return self.errors["lines"].get(index, {})

    def as_text(self) -> str:
        parts = [str(m) for key, msgs in self.errors.items() if key != "lines" for m in msgs]
        for index in sorted(self.errors["lines"]):
            for field_messages in self.errors["lines"][index].values():
                parts.extend(f"{_('Baris')} {index + 1}: {m}" for m in field_messages)
        return "; ".join(parts)


class LedgerImmutableError(LedgerError):
    """An attempt to change or delete a posted journal entry or one of its lines."""

    def __init__(self, message=None):
        super().__init__(
            str(message or _("Jurnal yang sudah diposting tidak dapat diubah atau dihapus; buat jurnal pembalik."))
        )


class ErrorCollector:
    """Builds the `LedgerValidationError.errors` structure while checking input."""

    def __init__(self):
        self.errors: dict = {"__all__": [], "lines": {}}

    def add(self, message, *, field: str = "__all__"):
        self.errors.setdefault(field, []).append(message)

    def add_line(self, index: int, field: str, message):
        self.errors["lines"].setdefault(index, {}).setdefault(field, []).append(message)

    def __bool__(self) -> bool:
        return any(v for k, v in self.errors.items() if k != "lines") or bool(self.errors["lines"])

    def raise_if_any(self):
        if self:
            raise LedgerValidationError(self.errors)
