"""Checking an exercise before it is saved: every problem of its data as Indonesian messages.

`validate_exercise(exercise)` works on unsaved clusters too (the Wagtail admin form's in-memory
children), so the admin form calls it once its inline formsets are applied and refuses to save an
exercise with problems. `ledger.grading` re-exports it for callers of the grader's interface.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from lms.formatting import format_rupiah

from .charts import SIMPANAN_POKOK
from .models import Account, GradingMode, MemberSubledger, NormalSide, Side

ZERO = Decimal("0")


def validate_exercise(exercise) -> list[str]:
    """Everything wrong with an exercise's data, as Indonesian messages (empty: the exercise is sound).

    Works on unsaved clusters too (the Wagtail admin form's in-memory children). Checks: the period,
    account codes exist and are postable in the exercise's chart, member numbers, opening balances
    balance, transaction numbers are unique and dated in the period, each transaction's expected
    lines balance (debit = credit) and use positive amounts, expected balances balance
    (Σ debit-normal = Σ credit-normal), simpanan pokok the same for every member, and the SHU
    settings (percentages add up to 100).
    """
    problems: list[str] = []
    if exercise.period_start and exercise.period_end and exercise.period_end < exercise.period_start:
        problems.append(_("Akhir periode tidak boleh sebelum awal periode."))
    if not exercise.chart_id:
        problems.append(_("Pilih bagan akun latihan."))
        return problems
    accounts = {a.code: a for a in Account.objects.filter(chart_id=exercise.chart_id)}

    def check_code(code: str, where: str) -> Account | None:
        account = accounts.get((code or "").strip())
        if account is None:
            problems.append(
                _("%(where)s: kode akun %(code)s tidak ada di bagan akun latihan.") % {"where": where, "code": code}
            )
        elif not account.is_postable:
            problems.append(
                _("%(where)s: akun %(code)s adalah akun induk (header) dan tidak dapat diposting.")
                % {"where": where, "code": code}
            )
            return None
        return account

    members = [m.number for m in exercise.members.all()]
    member_set = set(members)
    for number in sorted({n for n in members if members.count(n) > 1}):
        problems.append(_("Nomor anggota %(number)s dipakai lebih dari sekali.") % {"number": number})

    def check_member(number: str, where: str):
        if number and number not in member_set:
            problems.append(
                _("%(where)s: anggota nomor %(number)s tidak terdaftar.") % {"where": where, "number": number}
            )

    # Opening balances.
    debit = credit = ZERO
    for index, row in enumerate(exercise.opening_balances.all(), start=1):
        where = _("Saldo awal baris %(n)s") % {"n": index}
        account = check_code(row.account_code, where)
        check_member(row.member_number, where)
        if account is None or row.amount is None:
            continue
        # Revenue brought forward (a year-to-date opening balance) has no single member.
        if account.member_subledger and account.member_subledger != MemberSubledger.TRANSAKSI and not row.member_number:
            problems.append(
                _("%(where)s: akun %(code)s memerlukan nomor anggota.") % {"where": where, "code": account.code}
            )
        on_debit = (account.normal_side == NormalSide.DEBIT) == (row.amount >= 0)
        if on_debit:
            debit += abs(row.amount)
        else:
            credit += abs(row.amount)
    if debit != credit:
        problems.append(
            _("Saldo awal tidak seimbang: debit %(debit)s, kredit %(credit)s.")
            % {"debit": format_rupiah(debit), "credit": format_rupiah(credit)}
        )

    # Transactions.
    transactions = list(exercise.transactions.all())
    numbers = [tx.number for tx in transactions]
    for number in sorted({n for n in numbers if n is not None and numbers.count(n) > 1}):
        problems.append(_("Nomor transaksi %(n)s dipakai lebih dari sekali.") % {"n": number})
    for tx in transactions:
        if tx.date and exercise.period_start and exercise.period_end:
            if not (exercise.period_start <= tx.date <= exercise.period_end):
                problems.append(_("Transaksi %(n)s bertanggal di luar periode latihan.") % {"n": tx.number})

    # Expected lines per transaction.
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for row in exercise.expected_lines.all():
        where = _("Jawaban transaksi %(n)s") % {"n": row.transaction_number}
        if row.transaction_number not in numbers:
            problems.append(_("%(where)s: transaksi dengan nomor itu tidak ada.") % {"where": where})
        account = check_code(row.account_code, where)
        check_member(row.member_number, where)
        if (
            account is not None
            and account.member_subledger
            and not row.member_number
            and (account.member_subledger != MemberSubledger.TRANSAKSI or row.side == Side.CREDIT)
        ):
            problems.append(
                _("%(where)s: akun %(code)s memerlukan nomor anggota.") % {"where": where, "code": account.code}
            )
        if row.side not in (Side.DEBIT, Side.CREDIT):
            problems.append(_("%(where)s: sisi harus debit atau kredit.") % {"where": where})
            continue
        if row.amount is None or row.amount <= 0:
            problems.append(_("%(where)s: jumlah harus lebih dari nol.") % {"where": where})
            continue
        totals[row.transaction_number][0 if row.side == Side.DEBIT else 1] += row.amount
    for number in sorted(totals):
        d, c = totals[number]
        if d != c:
            problems.append(
                _("Jawaban transaksi %(n)s tidak seimbang: debit %(debit)s, kredit %(credit)s.")
                % {"n": number, "debit": format_rupiah(d), "credit": format_rupiah(c)}
            )

    # Expected balances.
    balances = list(exercise.expected_balances.all())
    debit_normal = credit_normal = ZERO
    seen = set()
    for row in balances:
        where = _("Saldo akhir akun %(code)s") % {"code": row.account_code}
        if row.account_code in seen:
            problems.append(_("%(where)s: akun dicantumkan lebih dari sekali.") % {"where": where})
        seen.add(row.account_code)
        account = check_code(row.account_code, where)
        if account is None or row.balance is None:
            continue
        if account.normal_side == NormalSide.DEBIT:
            debit_normal += row.balance
        else:
            credit_normal += row.balance
    if balances and debit_normal != credit_normal:
        problems.append(
            _("Saldo akhir yang diharapkan tidak seimbang: akun bersaldo normal debit %(debit)s, kredit %(credit)s.")
            % {"debit": format_rupiah(debit_normal), "credit": format_rupiah(credit_normal)}
        )
    if exercise.grading_mode == GradingMode.BALANCES and not balances and not totals:
        problems.append(_("Penilaian saldo akhir memerlukan saldo akhir yang diharapkan atau baris jawaban."))
    if exercise.grading_mode in (GradingMode.PER_LINE, GradingMode.PER_TRANSACTION) and not transactions:
        problems.append(_("Penilaian per baris atau per transaksi memerlukan paling sedikit satu transaksi."))

    problems.extend(simpanan_pokok_problems(exercise))

    # SHU settings.
    if exercise.shu_amount is not None or exercise.shu_components:
        from .exceptions import LedgerValidationError
        from .shu import allocate_shu

        if exercise.shu_amount is None or not exercise.shu_components:
            problems.append(_("Pengaturan SHU memerlukan jumlah SHU dan komponennya."))
        elif not isinstance(exercise.shu_components, dict):
            problems.append(_("Komponen SHU harus berupa pasangan nama komponen dan persentase."))
        else:
            try:
                allocate_shu(shu_amount=exercise.shu_amount, components=exercise.shu_components, members=[])
            except LedgerValidationError as error:
                problems.extend(error.messages)
    return problems


def simpanan_pokok_problems(exercise) -> list[str]:
    """Simpanan pokok is one amount for every member (Penjelasan Pasal 41 UU No. 25/1992).

    A member's pokok is what the exercise has them pay in: their opening balance on 3101 plus the
    expected credits to 3101 naming them (a member may pay it in instalments; a refund when leaving
    is a debit and does not count). Every member who pays any pokok must pay the same amount, and
    that amount must be the exercise's stated simpanan pokok when it states one.
    """
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in exercise.opening_balances.all():
        if (row.account_code or "").strip() == SIMPANAN_POKOK and row.member_number and row.amount:
            paid[row.member_number] += row.amount
    for row in exercise.expected_lines.all():
        if (
            (row.account_code or "").strip() == SIMPANAN_POKOK
            and row.side == Side.CREDIT
            and row.member_number
            and row.amount
        ):
            paid[row.member_number] += row.amount
    paid = {number: amount for number, amount in paid.items() if amount > 0}
    stated = getattr(exercise, "simpanan_pokok", None)
    problems: list[str] = []
    if stated is not None and stated > 0:
        wrong = sorted(number for number, amount in paid.items() if amount != stated)
        if wrong:
            problems.append(
                _(
                    "Simpanan pokok harus sama untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992): "
                    "latihan ini menetapkan %(stated)s, tetapi %(members)s."
                )
                % {
                    "stated": format_rupiah(stated),
                    "members": ", ".join(f"{number} {format_rupiah(paid[number])}" for number in wrong),
                }
            )
    elif len(set(paid.values())) > 1:
        problems.append(
            _("Simpanan pokok harus sama untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992): %(members)s.")
            % {"members": ", ".join(f"{number} {format_rupiah(paid[number])}" for number in sorted(paid))}
        )
    return problems
