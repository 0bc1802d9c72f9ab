"""A venture's own books in Sinau: opening one, who may use it, and a month's KPI figures read from it.

The book is an ordinary ledger book of kind "venture" (same engine, chart and reports as the
practice books). `ledger` knows nothing of ventures: the access rule below is registered in
`ledger.access` at start-up (the venture's contacts write, officers read).

Figures for a month (closing entries left out, so December's income is not zeroed by closing):
- omzet: the month's income, credit − debit of every `pendapatan` account;
- SHU: the month's income less its expenses (`pendapatan` − `beban`), before tax;
- assets: the balance of every `aset` account at the month's end (contra accounts such as
  accumulated depreciation reduce it, as their credit balance does).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ledger import selectors as ledger_selectors
from ledger import services as ledger_services
from ledger.models import Account, AccountGroup, Book, BookKind

from .models import Venture
from .services import is_officer, next_month

ZERO = Decimal("0.00")


def venture_book_access(user, book) -> str | None:
    """ledger.access hook: "edit" for the venture's contacts, "view" for officers."""
    if getattr(book, "kind", None) != BookKind.VENTURE:
        return None
    venture = Venture.objects.filter(book_id=book.pk).only("pk").first()
    if venture is None:
        return None
    if venture.contacts.filter(pk=user.pk).exists():
        return "edit"
    return "view" if is_officer(user) else None


@transaction.atomic
def open_venture_book(*, venture: Venture, by) -> Book:
    """Give the venture its own book (once; a second call returns the same book)."""
    venture = Venture.objects.select_for_update().get(pk=venture.pk)
    if venture.book_id:
        return venture.book
    contacts = list(venture.contacts.order_by("pk"))
    if not contacts:
        raise ValidationError(_("Usaha ini belum punya kontak usaha yang akan mengisi pembukuannya."))
    owner = by if any(c.pk == by.pk for c in contacts) else contacts[0]
    # The WIB date (TIME_ZONE), not the server's: from 17.00 UTC on 31 December it is already the new year.
    today = timezone.localdate()
    book = ledger_services.create_venture_book(
        owner=owner,
        title=_("Pembukuan %(name)s") % {"name": venture.name},
        cooperative_name=venture.name,
        period_start=dt.date(venture.entry_date.year, 1, 1),
        period_end=dt.date(max(today.year, venture.entry_date.year), 12, 31),
    )
    venture.book = book
    venture.save(update_fields=["book"])
    return book


@dataclass
class BookFigures:
    """The month's figures from the book (`figures`: omzet, shu, assets) and links to their entries."""

    period: dt.date
    figures: dict = field(default_factory=dict)
    links: list = field(default_factory=list)


def _report_url(book, slug, **params) -> str:
    return reverse("ledger:report", args=[book.pk, slug]) + "?" + urlencode(params)


def kpi_figures_from_book(book: Book, period: dt.date) -> BookFigures:
    """Omzet, SHU and assets of `period`'s month from the book: three queries."""
    start = period.replace(day=1)
    end = next_month(start) - dt.timedelta(days=1)
    groups = dict(Account.objects.filter(chart_id=book.chart_id).values_list("pk", "group"))
    month = ledger_selectors.account_balances(book=book, start=start, end=end, exclude_closing=True)
    to_date = ledger_selectors.account_balances(book=book, end=end)
    income = sum((c - d for pk, (d, c) in month.items() if groups.get(pk) == AccountGroup.PENDAPATAN), ZERO)
    expenses = sum((d - c for pk, (d, c) in month.items() if groups.get(pk) == AccountGroup.BEBAN), ZERO)
    assets = sum((d - c for pk, (d, c) in to_date.items() if groups.get(pk) == AccountGroup.ASET), ZERO)
    figures = {
        "omzet": income.quantize(ZERO),
        "shu": (income - expenses).quantize(ZERO),
        "assets": assets.quantize(ZERO),
    }
    month_params = {"dari": start.isoformat(), "sampai": end.isoformat()}
    links = [
        {
            "key": "omzet",
            "label": _("Omzet"),
            "value": figures["omzet"],
            "url": _report_url(book, "hasil-usaha", **month_params),
        },
        {
            "key": "shu",
            "label": _("Laba / SHU"),
            "value": figures["shu"],
            "url": _report_url(book, "hasil-usaha", **month_params),
        },
        {
            "key": "assets",
            "label": _("Aset"),
            "value": figures["assets"],
            "url": _report_url(book, "posisi-keuangan", sampai=end.isoformat()),
        },
    ]
    return BookFigures(period=start, figures=figures, links=links)
