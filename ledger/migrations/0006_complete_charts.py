"""Complete the charts created before the 2026 chart additions, keeping every existing book working.

Codes are the identity of accounts and posted lines are immutable, so nothing is renumbered or
removed: charts built on the default structure get the new accounts (when their codes are free),
two default names become precise (1103 is shop credit now that loans to members have 1107; 5101 is
the cost of what members bought now that 5108 holds non-members'), credits to 4101/4103 name the
member (sub-ledger "transaksi"), and the default display order is applied to the default codes.
The data is written out here (not imported from ledger.charts) so the migration stays as it ran.
"""

from django.db import migrations

# (code, name, group, normal side, postable, member sub-ledger, parent code)
ADDED = [
    ("1109", "Kas Kecil", "aset", "debit", True, "", "1100"),
    ("1107", "Pinjaman Anggota", "aset", "debit", True, "piutang", "1100"),
    ("1108", "Penyisihan Pinjaman Tak Tertagih", "aset", "credit", True, "", "1100"),
    ("1110", "Biaya Dibayar di Muka", "aset", "debit", True, "", "1100"),
    ("1203", "Penyertaan pada Koperasi Sekunder", "aset", "debit", True, "", "1200"),
    ("2108", "Simpanan Berjangka", "kewajiban", "credit", True, "simpanan", "2100"),
    ("2109", "Utang Pajak", "kewajiban", "credit", True, "", "2100"),
    ("2111", "Bagian Lancar Utang Bank", "kewajiban", "credit", True, "", "2100"),
    ("2110", "Dana Pembangunan Daerah Kerja", "kewajiban", "credit", True, "", "2100"),
    ("3107", "SHU Tahun Lalu", "ekuitas", "credit", True, "", "3000"),
    ("3108", "SHU Belum Dibagi", "ekuitas", "credit", True, "", "3000"),
    ("4105", "Pendapatan Administrasi", "pendapatan", "credit", True, "", "4000"),
    ("4106", "Pendapatan Jasa Antar", "pendapatan", "credit", True, "", "4000"),
    ("4107", "Pendapatan Bunga Bank", "pendapatan", "credit", True, "", "4000"),
    ("5108", "Beban Pokok Penjualan Non-Anggota", "beban", "debit", True, "", "5000"),
    ("5113", "Beban Upah Antar", "beban", "debit", True, "", "5000"),
    ("5111", "Beban Perlengkapan", "beban", "debit", True, "", "5000"),
    ("5112", "Beban Transportasi", "beban", "debit", True, "", "5000"),
    ("5109", "Beban Jasa Simpanan", "beban", "debit", True, "", "5000"),
    ("5110", "Beban Penyisihan Pinjaman Tak Tertagih", "beban", "debit", True, "", "5000"),
    ("5114", "Beban Selisih Persediaan", "beban", "debit", True, "", "5000"),
    ("5201", "Beban Pajak", "beban", "debit", True, "", "5000"),
]
# (code, old default name, new name): renamed only where the chart still has the old default name.
RENAMED = [
    ("1103", "Piutang Anggota", "Piutang Usaha Anggota"),
    ("5101", "Beban Pokok Penjualan", "Beban Pokok Penjualan Anggota"),
]
MEMBER_TRANSACTION_CODES = ["4101", "4103"]
# The default display order after the additions (codes of the default chart only).
ORDER = (
    "1000 1100 1101 1109 1102 1103 1107 1108 1104 1105 1106 1110 1200 1203 1201 1202 "
    "2000 2100 2101 2108 2102 2109 2111 2103 2104 2105 2106 2107 2110 2200 2201 "
    "3000 3101 3102 3103 3104 3105 3106 3107 3108 "
    "4000 4101 4103 4102 4104 4105 4106 4107 "
    "5000 5101 5108 5102 5113 5103 5104 5111 5112 5105 5106 5107 5109 5110 5114 5201"
).split()
# A chart is "built on the default structure" when it has these headers (the default and its copies).
STRUCTURE = {"1100", "1200", "2100", "3000", "4000", "5000"}


def complete_charts(apps, schema_editor):
    ChartTemplate = apps.get_model("ledger", "ChartTemplate")
    Account = apps.get_model("ledger", "Account")
    for chart in ChartTemplate.objects.all():
        accounts = {a.code: a for a in Account.objects.filter(chart=chart)}
        if not STRUCTURE <= set(accounts):
            continue
        for code, name, group, normal_side, postable, subledger, parent_code in ADDED:
            if code in accounts:
                continue
            accounts[code] = Account.objects.create(
                chart=chart,
                code=code,
                name=name,
                group=group,
                normal_side=normal_side,
                is_postable=postable,
                member_subledger=subledger,
                parent=accounts.get(parent_code),
                order=0,
            )
        for code, old, new in RENAMED:
            account = accounts.get(code)
            if account is not None and account.name == old:
                account.name = new
                account.save(update_fields=["name"])
        for code in MEMBER_TRANSACTION_CODES:
            account = accounts.get(code)
            if account is not None and account.is_postable and not account.member_subledger:
                account.member_subledger = "transaksi"
                account.save(update_fields=["member_subledger"])
        for index, code in enumerate(ORDER, start=1):
            account = accounts.get(code)
            if account is not None and account.order != index * 10:
                account.order = index * 10
                account.save(update_fields=["order"])


class Migration(migrations.Migration):
    dependencies = [("ledger", "0005_chart_additions_simpanan_pokok")]

    operations = [migrations.RunPython(complete_charts, migrations.RunPython.noop)]
