"""The default cooperative chart of accounts ("Bagan Akun Koperasi (Sinau)") and its idempotent seeding.

Codes are the identity of an account everywhere in Sinau (grading, links, exercises): never
renumber them. Simpanan pokok and wajib are equity in this product (UU 25/1992 Pasal 41).
"""

from __future__ import annotations

from decimal import Decimal

DEFAULT_CHART_NAME = "Bagan Akun Koperasi (Sinau)"
DEFAULT_CHART_SLUG = "bagan-akun-koperasi-sinau"
DEFAULT_CHART_DESCRIPTION = (
    "Bagan akun baku untuk latihan pembukuan koperasi di Sinau. Simpanan pokok dan simpanan wajib "
    "dicatat sebagai ekuitas (UU No. 25/1992 pasal 41). Salin bagan ini untuk menyesuaikannya."
)

# (code, name, group, normal side, postable, member sub-ledger, parent code). The list order is the
# display order; codes added later (1107–1110, 1203, 2108–2111, 3107–3108, 4105–4107, 5108–5114,
# 5201) sit next to their kin. Migration 0006 adds them to charts created before they existed.
DEFAULT_ACCOUNTS: list[tuple[str, str, str, str, bool, str, str | None]] = [
    ("1000", "ASET", "aset", "debit", False, "", None),
    ("1100", "Aset Lancar", "aset", "debit", False, "", "1000"),
    ("1101", "Kas", "aset", "debit", True, "", "1100"),
    ("1109", "Kas Kecil", "aset", "debit", True, "", "1100"),
    ("1102", "Bank", "aset", "debit", True, "", "1100"),
    ("1103", "Piutang Usaha Anggota", "aset", "debit", True, "piutang", "1100"),
    ("1107", "Pinjaman Anggota", "aset", "debit", True, "piutang", "1100"),
    ("1108", "Penyisihan Pinjaman Tak Tertagih", "aset", "credit", True, "", "1100"),
    ("1104", "Piutang Non-Anggota", "aset", "debit", True, "", "1100"),
    ("1105", "Persediaan Barang Dagangan", "aset", "debit", True, "", "1100"),
    ("1106", "Perlengkapan", "aset", "debit", True, "", "1100"),
    ("1110", "Biaya Dibayar di Muka", "aset", "debit", True, "", "1100"),
    ("1200", "Aset Tidak Lancar", "aset", "debit", False, "", "1000"),
    ("1203", "Penyertaan pada Koperasi Sekunder", "aset", "debit", True, "", "1200"),
    ("1201", "Aset Tetap", "aset", "debit", True, "", "1200"),
    ("1202", "Akumulasi Penyusutan Aset Tetap", "aset", "credit", True, "", "1200"),
    ("2000", "KEWAJIBAN", "kewajiban", "credit", False, "", None),
    ("2100", "Kewajiban Jangka Pendek", "kewajiban", "credit", False, "", "2000"),
    ("2101", "Simpanan Sukarela", "kewajiban", "credit", True, "simpanan", "2100"),
    ("2108", "Simpanan Berjangka", "kewajiban", "credit", True, "simpanan", "2100"),
    ("2102", "Utang Usaha", "kewajiban", "credit", True, "", "2100"),
    ("2109", "Utang Pajak", "kewajiban", "credit", True, "", "2100"),
    ("2111", "Bagian Lancar Utang Bank", "kewajiban", "credit", True, "", "2100"),
    ("2103", "Utang SHU Anggota", "kewajiban", "credit", True, "", "2100"),
    ("2104", "Dana Pengurus", "kewajiban", "credit", True, "", "2100"),
    ("2105", "Dana Karyawan", "kewajiban", "credit", True, "", "2100"),
    ("2106", "Dana Pendidikan", "kewajiban", "credit", True, "", "2100"),
    ("2107", "Dana Sosial", "kewajiban", "credit", True, "", "2100"),
    ("2110", "Dana Pembangunan Daerah Kerja", "kewajiban", "credit", True, "", "2100"),
    ("2200", "Kewajiban Jangka Panjang", "kewajiban", "credit", False, "", "2000"),
    ("2201", "Utang Bank", "kewajiban", "credit", True, "", "2200"),
    ("3000", "EKUITAS", "ekuitas", "credit", False, "", None),
    ("3101", "Simpanan Pokok", "ekuitas", "credit", True, "simpanan", "3000"),
    ("3102", "Simpanan Wajib", "ekuitas", "credit", True, "simpanan", "3000"),
    ("3103", "Modal Penyertaan", "ekuitas", "credit", True, "", "3000"),
    ("3104", "Hibah/Donasi", "ekuitas", "credit", True, "", "3000"),
    ("3105", "Cadangan", "ekuitas", "credit", True, "", "3000"),
    ("3106", "SHU Tahun Berjalan", "ekuitas", "credit", True, "", "3000"),
    ("3107", "SHU Tahun Lalu", "ekuitas", "credit", True, "", "3000"),
    ("3108", "SHU Belum Dibagi", "ekuitas", "credit", True, "", "3000"),
    ("4000", "PENDAPATAN", "pendapatan", "credit", False, "", None),
    ("4101", "Partisipasi Bruto Anggota", "pendapatan", "credit", True, "transaksi", "4000"),
    ("4103", "Pendapatan Jasa Pinjaman", "pendapatan", "credit", True, "transaksi", "4000"),
    ("4102", "Penjualan Non-Anggota", "pendapatan", "credit", True, "", "4000"),
    ("4104", "Pendapatan Lain-lain", "pendapatan", "credit", True, "", "4000"),
    ("4105", "Pendapatan Administrasi", "pendapatan", "credit", True, "", "4000"),
    ("4106", "Pendapatan Jasa Antar", "pendapatan", "credit", True, "", "4000"),
    ("4107", "Pendapatan Bunga Bank", "pendapatan", "credit", True, "", "4000"),
    ("5000", "BEBAN", "beban", "debit", False, "", None),
    ("5101", "Beban Pokok Penjualan Anggota", "beban", "debit", True, "", "5000"),
    ("5108", "Beban Pokok Penjualan Non-Anggota", "beban", "debit", True, "", "5000"),
    ("5102", "Beban Gaji", "beban", "debit", True, "", "5000"),
    ("5113", "Beban Upah Antar", "beban", "debit", True, "", "5000"),
    ("5103", "Beban Sewa", "beban", "debit", True, "", "5000"),
    ("5104", "Beban Listrik & Air", "beban", "debit", True, "", "5000"),
    ("5111", "Beban Perlengkapan", "beban", "debit", True, "", "5000"),
    ("5112", "Beban Transportasi", "beban", "debit", True, "", "5000"),
    ("5105", "Beban Penyusutan", "beban", "debit", True, "", "5000"),
    ("5106", "Beban Perkoperasian (RAT, Pendidikan)", "beban", "debit", True, "", "5000"),
    ("5107", "Beban Bunga", "beban", "debit", True, "", "5000"),
    ("5109", "Beban Jasa Simpanan", "beban", "debit", True, "", "5000"),
    ("5110", "Beban Penyisihan Pinjaman Tak Tertagih", "beban", "debit", True, "", "5000"),
    ("5114", "Beban Selisih Persediaan", "beban", "debit", True, "", "5000"),
    ("5201", "Beban Pajak", "beban", "debit", True, "", "5000"),
]

# Well-known codes the services and reports rely on.
KAS = "1101"
SHU_TAHUN_BERJALAN = "3106"
PARTISIPASI_BRUTO_ANGGOTA = "4101"
PENDAPATAN_JASA_PINJAMAN = "4103"
PENJUALAN_NON_ANGGOTA = "4102"
SIMPANAN_POKOK = "3101"
SIMPANAN_WAJIB = "3102"
BEBAN_POKOK_PENJUALAN_ANGGOTA = "5101"
BEBAN_POKOK_PENJUALAN_NON_ANGGOTA = "5108"
BEBAN_PAJAK = "5201"
UTANG_PAJAK = "2109"
# Revenue from members (the PHU shows it apart; SHU jasa usaha counts each member's lines on it).
MEMBER_REVENUE_CODES = frozenset({PARTISIPASI_BRUTO_ANGGOTA, PENDAPATAN_JASA_PINJAMAN})
NON_MEMBER_REVENUE_CODES = frozenset({PENJUALAN_NON_ANGGOTA})
# Cost of what was sold to members / to non-members: partisipasi neto and non-members' gross profit.
MEMBER_COST_CODES = frozenset({BEBAN_POKOK_PENJUALAN_ANGGOTA})
NON_MEMBER_COST_CODES = frozenset({BEBAN_POKOK_PENJUALAN_NON_ANGGOTA})
# Income tax of the cooperative: SHU after tax (Pasal 45 UU No. 25/1992) is shown after it.
TAX_EXPENSE_CODES = frozenset({BEBAN_PAJAK})
# Final income tax on turnover for cooperatives in their first tax years (PP No. 55/2022 Pasal 59).
PP55_FINAL_TAX_RATE = Decimal("0.005")


def default_chart():
    """The default chart, seeded (idempotently) when missing."""
    from .models import ChartTemplate

    chart = ChartTemplate.objects.filter(is_default=True).order_by("pk").first()
    return chart if chart is not None else seed_default_chart()


def seed_default_chart(chart_model=None, account_model=None):
    """Create or complete the default chart; safe to run again (existing accounts are left as they are).

    Data migrations pass their historical models; other callers use the current ones.
    """
    if chart_model is None or account_model is None:
        from .models import Account, ChartTemplate

        chart_model, account_model = ChartTemplate, Account
    chart, created = chart_model.objects.get_or_create(
        slug=DEFAULT_CHART_SLUG,
        defaults={"name": DEFAULT_CHART_NAME, "description": DEFAULT_CHART_DESCRIPTION, "is_default": True},
    )
    if not created and not chart_model.objects.filter(is_default=True).exists():
        chart.is_default = True
        chart.save(update_fields=["is_default"])
    existing = {a.code: a for a in account_model.objects.filter(chart=chart)}
    for order, (code, name, group, normal_side, postable, subledger, parent_code) in enumerate(
        DEFAULT_ACCOUNTS, start=1
    ):
        if code in existing:
            continue
        existing[code] = account_model.objects.create(
            chart=chart,
            code=code,
            name=name,
            group=group,
            normal_side=normal_side,
            is_postable=postable,
            member_subledger=subledger,
            parent=existing.get(parent_code) if parent_code else None,
            order=order * 10,
        )
    return chart
