"""SHU (sisa hasil usaha) allocation: components by percentage, then jasa modal and jasa usaha per member.

Rules (docs/ledger.md, domain-koperasi.md):
- the components' percentages must add up to exactly 100 %, else `LedgerValidationError`;
- a component's amount is SHU × percent / 100, rounded half-up to the cent;
- per member, jasa modal = JMA × member's simpanan / total simpanan and jasa usaha = JUA × member's
  transactions / total member transactions, EACH rounded half-up to Rp 1;
- the rounding difference (sum of the rounded shares − the component amount) is reported, never hidden.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.formatting import format_rupiah, parse_rupiah

from .charts import MEMBER_REVENUE_CODES, SIMPANAN_POKOK, SIMPANAN_WAJIB
from .exceptions import ErrorCollector

ZERO = Decimal("0")
HUNDRED = Decimal("100")
RUPIAH = Decimal("1")
CENT = Decimal("0.01")

JASA_USAHA = "jasa_usaha"
JASA_MODAL = "jasa_modal"
COMPONENT_LABELS = {
    "cadangan": gettext_lazy("Cadangan"),
    JASA_USAHA: gettext_lazy("Jasa usaha anggota (JUA)"),
    JASA_MODAL: gettext_lazy("Jasa modal anggota (JMA)"),
    "pengurus": gettext_lazy("Dana pengurus"),
    "karyawan": gettext_lazy("Dana karyawan"),
    "pendidikan": gettext_lazy("Dana pendidikan"),
    "sosial": gettext_lazy("Dana sosial"),
    "pembangunan_daerah": gettext_lazy("Dana pembangunan daerah kerja"),
}
# The example split of the domain file (cooperative AD/ART vary; exercises define their own).
EXAMPLE_COMPONENTS = {
    "cadangan": Decimal("40"),
    JASA_USAHA: Decimal("30"),
    JASA_MODAL: Decimal("15"),
    "pengurus": Decimal("5"),
    "karyawan": Decimal("5"),
    "pendidikan": Decimal("2.5"),
    "sosial": Decimal("2.5"),
}


@dataclass
class MemberShuInput:
    """A member's figures for SHU: simpanan (pokok + wajib) and transactions with the cooperative."""

    number: str
    name: str
    simpanan: Decimal
    transactions: Decimal


@dataclass
class ShuComponent:
    key: str
    label: str
    percent: Decimal
    amount: Decimal  # rounded half-up to the cent


@dataclass
class MemberShu:
    number: str
    name: str
    simpanan: Decimal
    transactions: Decimal
    jasa_modal: Decimal  # rounded half-up to Rp 1
    jasa_usaha: Decimal  # rounded half-up to Rp 1

    @property
    def total(self) -> Decimal:
        return self.jasa_modal + self.jasa_usaha


@dataclass
class ShuAllocation:
    shu_amount: Decimal
    components: list[ShuComponent]
    members: list[MemberShu] = field(default_factory=list)
    total_simpanan: Decimal = ZERO
    total_transactions: Decimal = ZERO

    def component(self, key: str) -> ShuComponent | None:
        return next((c for c in self.components if c.key == key), None)

    def member(self, number: str) -> MemberShu | None:
        return next((m for m in self.members if m.number == number), None)

    @property
    def jasa_modal_amount(self) -> Decimal:
        c = self.component(JASA_MODAL)
        return c.amount if c else ZERO

    @property
    def jasa_usaha_amount(self) -> Decimal:
        c = self.component(JASA_USAHA)
        return c.amount if c else ZERO

    @property
    def jasa_modal_allocated(self) -> Decimal:
        return sum((m.jasa_modal for m in self.members), ZERO)

    @property
    def jasa_usaha_allocated(self) -> Decimal:
        return sum((m.jasa_usaha for m in self.members), ZERO)

    @property
    def jasa_modal_rounding_difference(self) -> Decimal:
        """Sum of the rounded jasa modal shares minus the JMA amount (positive: over-allocated)."""
        return self.jasa_modal_allocated - self.jasa_modal_amount if self.members else ZERO

    @property
    def jasa_usaha_rounding_difference(self) -> Decimal:
        return self.jasa_usaha_allocated - self.jasa_usaha_amount if self.members else ZERO

    @property
    def rounding_difference(self) -> Decimal:
        return self.jasa_modal_rounding_difference + self.jasa_usaha_rounding_difference

    @property
    def components_total(self) -> Decimal:
        return sum((c.amount for c in self.components), ZERO)

    @property
    def members_total(self) -> Decimal:
        return sum((m.total for m in self.members), ZERO)


def round_rupiah(value: Decimal) -> Decimal:
    """Half-up to Rp 1 (0,5 goes up)."""
    return value.quantize(RUPIAH, rounding=ROUND_HALF_UP)


def _to_decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().replace("%", "").replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        number = Decimal(text)
    else:
        raise ValueError(value)
    if not number.is_finite():
        raise ValueError(value)
    return number


def _to_money(value) -> Decimal:
    """Like `_to_decimal`, but text is read as Rupiah ("1.250.000", "Rp 1.250.000,50")."""
    if isinstance(value, str):
        number = parse_rupiah(value)
        if not number.is_finite():
            raise ValueError(value)
        return number
    return _to_decimal(value)


def format_percent(value: Decimal) -> str:
    """'97,5%' — Indonesian decimal comma, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _share(part: Decimal, whole: Decimal, amount: Decimal) -> Decimal:
    if whole == 0:
        return ZERO
    with localcontext() as ctx:
        ctx.prec = 60
        return round_rupiah(amount * part / whole)


def allocate_shu(*, shu_amount, components: dict, members: list[MemberShuInput] | None = None) -> ShuAllocation:
    """Split `shu_amount` by `components` ({key: percent}) and share JMA/JUA among `members`.

    Raises LedgerValidationError (field keys "shu_amount", "components", "members") when the SHU is
    not a positive amount, a percentage is not a number or is negative, the percentages do not add
    up to exactly 100, JUA/JMA are missing while members are given, or member figures are negative.
    """
    errors = ErrorCollector()
    members = list(members or [])
    try:
        shu = _to_money(shu_amount)
        if shu <= 0:
            errors.add(_("SHU yang dibagi harus lebih dari nol."), field="shu_amount")
    except (ValueError, InvalidOperation):
        shu = None
        errors.add(_("SHU yang dibagi harus berupa angka."), field="shu_amount")

    percents: dict[str, Decimal] = {}
    for key, raw in (components or {}).items():
        label = COMPONENT_LABELS.get(key, key)
        try:
            pct = _to_decimal(raw)
        except (ValueError, InvalidOperation):
            errors.add(_("Persentase %(component)s harus berupa angka.") % {"component": label}, field="components")
            continue
        if pct < 0:
            errors.add(_("Persentase %(component)s tidak boleh negatif.") % {"component": label}, field="components")
            continue
        percents[key] = pct
    if not components:
        errors.add(_("Isi komponen pembagian SHU dan persentasenya."), field="components")
    elif len(percents) == len(components):
        total_pct = sum(percents.values(), ZERO)
        if total_pct != HUNDRED:
            errors.add(
                _("Jumlah persentase komponen SHU harus tepat 100%%, sekarang %(total)s.")
                % {"total": format_percent(total_pct)},
                field="components",
            )
    if members and components and (JASA_USAHA not in components or JASA_MODAL not in components):
        errors.add(
            _(
                "Komponen jasa usaha anggota (JUA) dan jasa modal anggota (JMA) wajib ada untuk menghitung SHU per anggota."
            ),
            field="components",
        )

    parsed_members = []
    for member in members:
        try:
            simpanan, transactions = _to_money(member.simpanan), _to_money(member.transactions)
        except (ValueError, InvalidOperation):
            errors.add(_("Angka anggota %(number)s tidak terbaca.") % {"number": member.number}, field="members")
            continue
        if simpanan < 0 or transactions < 0:
            errors.add(
                _("Simpanan dan transaksi anggota %(number)s tidak boleh negatif.") % {"number": member.number},
                field="members",
            )
            continue
        parsed_members.append(MemberShuInput(member.number, member.name, simpanan, transactions))
    errors.raise_if_any()

    allocation = ShuAllocation(
        shu_amount=shu,
        components=[
            ShuComponent(
                key=key,
                label=str(COMPONENT_LABELS.get(key, key.replace("_", " ").capitalize())),
                percent=pct,
                amount=(shu * pct / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP),
            )
            for key, pct in percents.items()
        ],
    )
    if not parsed_members:
        return allocation
    total_simpanan = sum((m.simpanan for m in parsed_members), ZERO)
    total_transactions = sum((m.transactions for m in parsed_members), ZERO)
    if total_simpanan == 0 and allocation.jasa_modal_amount > 0:
        errors.add(_("Total simpanan anggota nol: jasa modal tidak dapat dibagi."), field="members")
    if total_transactions == 0 and allocation.jasa_usaha_amount > 0:
        errors.add(_("Total transaksi anggota nol: jasa usaha tidak dapat dibagi."), field="members")
    errors.raise_if_any()
    allocation.total_simpanan = total_simpanan
    allocation.total_transactions = total_transactions
    allocation.members = [
        MemberShu(
            number=m.number,
            name=m.name,
            simpanan=m.simpanan,
            transactions=m.transactions,
            jasa_modal=_share(m.simpanan, total_simpanan, allocation.jasa_modal_amount),
            jasa_usaha=_share(m.transactions, total_transactions, allocation.jasa_usaha_amount),
        )
        for m in parsed_members
    ]
    return allocation


def shu_member_figures_from_book(book, as_of: dt.date | None = None) -> list[MemberShuInput]:
    """Each member's simpanan and transactions as the book records them (3 queries).

    - simpanan = the member's balance on 3101 Simpanan Pokok + 3102 Simpanan Wajib (sukarela is a
      liability and earns no jasa modal);
    - transactions = the member's net credits on the member-revenue accounts
      (`charts.MEMBER_REVENUE_CODES`: 4101 Partisipasi Bruto Anggota and 4103 Pendapatan Jasa
      Pinjaman): a credit to them names the member (the posting rule); reversals cancel.
    Closing entries carry no member, so closing the period does not change the figures.
    """
    from .models import Account, Member
    from .selectors import member_account_balances

    accounts = dict(
        Account.objects.filter(
            chart_id=book.chart_id, code__in=[SIMPANAN_POKOK, SIMPANAN_WAJIB, *MEMBER_REVENUE_CODES]
        ).values_list("pk", "code")
    )
    balances = member_account_balances(book=book, account_ids=list(accounts), end=as_of)
    simpanan: dict[int, Decimal] = {}
    transactions: dict[int, Decimal] = {}
    for (account_id, member_id), (debit, credit) in balances.items():
        if member_id is None:
            continue
        target = transactions if accounts[account_id] in MEMBER_REVENUE_CODES else simpanan
        target[member_id] = target.get(member_id, ZERO) + credit - debit
    return [
        MemberShuInput(m.number, m.name, simpanan.get(m.pk, ZERO), transactions.get(m.pk, ZERO))
        for m in Member.objects.filter(book=book).order_by("number")
    ]


@dataclass
class MembersShuPart:
    """The part of SHU after tax that comes from business with members, and how it was found.

    Only SHU from members is shared with members (UU No. 25/1992 Pasal 45 ayat 2 shares SHU "by
    each member's business with the cooperative"). The PHU shows the margin on business with
    members (partisipasi neto plus service income from members) apart from the gross profit on
    sales to non-members; other income, the other expenses and tax are common to both, so SHU
    after tax is split in the proportion of the two margins. A cooperative's accounting policy or
    its RAT may use another key; this is the one Sinau shows and explains.
    """

    shu_after_tax: Decimal
    member_margin: Decimal
    non_member_margin: Decimal
    amount: Decimal  # rounded half-up to Rp 1

    @property
    def total_margin(self) -> Decimal:
        return max(self.member_margin, ZERO) + max(self.non_member_margin, ZERO)

    @property
    def non_member_amount(self) -> Decimal:
        return self.shu_after_tax - self.amount if self.shu_after_tax > 0 else ZERO

    @property
    def ratio(self) -> Decimal | None:
        if self.total_margin <= 0:
            return None
        return max(self.member_margin, ZERO) / self.total_margin

    def explanation(self) -> str:
        """One Indonesian sentence with the figures, for the SHU page and its exports."""
        if self.shu_after_tax <= 0:
            return _("SHU setelah pajak %(shu)s: tidak ada SHU yang dibagi.") % {
                "shu": format_rupiah(self.shu_after_tax)
            }
        if self.ratio is None:
            return _(
                "Hasil usaha dengan anggota dan non-anggota tidak positif, sehingga bagian anggota tidak "
                "dapat dihitung dari PHU; isi SHU yang dibagi sesuai keputusan RAT."
            )
        return _(
            "SHU dari anggota = SHU setelah pajak %(shu)s × hasil usaha dengan anggota %(member)s ÷ hasil "
            "usaha seluruhnya %(total)s (anggota %(member)s + laba kotor non-anggota %(non_member)s) = "
            "%(amount)s. Sisanya, %(rest)s, berasal dari non-anggota dan tidak dibagikan kepada anggota."
        ) % {
            "shu": format_rupiah(self.shu_after_tax),
            "member": format_rupiah(max(self.member_margin, ZERO)),
            "total": format_rupiah(self.total_margin),
            "non_member": format_rupiah(max(self.non_member_margin, ZERO)),
            "amount": format_rupiah(self.amount),
            "rest": format_rupiah(self.non_member_amount),
        }


def members_shu_part(statement) -> MembersShuPart:
    """SHU from members out of a PHU (`ledger.reports.IncomeStatement`); see `MembersShuPart`."""
    shu = statement.shu_after_tax
    member, non_member = statement.member_margin, statement.non_member_margin
    part = MembersShuPart(shu_after_tax=shu, member_margin=member, non_member_margin=non_member, amount=ZERO)
    if shu > 0 and part.ratio is not None:
        with localcontext() as ctx:
            ctx.prec = 60
            part.amount = round_rupiah(shu * max(member, ZERO) / part.total_margin)
    return part


def allocation_for_exercise(*, exercise, book=None) -> ShuAllocation | None:
    """The SHU allocation an exercise expects (None when it has no SHU settings).

    Member figures come from the exercise's members (`shu_simpanan`, `shu_transactions`) when the
    instructor filled them in, else from `book` (`shu_member_figures_from_book`).
    """
    if exercise.shu_amount is None or not exercise.shu_components:
        return None
    exercise_members = list(exercise.members.all())
    if exercise_members and all(
        m.shu_simpanan is not None and m.shu_transactions is not None for m in exercise_members
    ):
        figures = [MemberShuInput(m.number, m.name, m.shu_simpanan, m.shu_transactions) for m in exercise_members]
    elif book is not None:
        figures = shu_member_figures_from_book(book)
    else:
        figures = []
    return allocate_shu(shu_amount=exercise.shu_amount, components=exercise.shu_components, members=figures)


def describe_rounding(allocation: ShuAllocation) -> str:
    """One Indonesian sentence about the rounding difference, for pages and exports."""
    diff = allocation.rounding_difference
    if diff == 0:
        return _("Pembulatan per anggota (setengah ke atas, ke Rp 1) tidak menimbulkan selisih.")
    return _("Selisih pembulatan (jumlah bagian anggota dikurangi komponen JMA + JUA): %(diff)s.") % {
        "diff": format_rupiah(diff)
    }
