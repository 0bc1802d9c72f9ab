"""Content of the demo bookkeeping exercises (day 3 of the course), built on the domain patterns.

Amounts are Rupiah as text (exact Decimals); sides "D"/"C"; codes of the default chart. Each
exercise states its rounding rule. The slugs are stable: the day-3 lessons link to them.

The cooperatives are in Kota Mojokerto. Every cooperative has at least nine members (the founders a
primary cooperative needs, Pasal 6 UU No. 25/1992 as amended by UU No. 6/2023), every member pays
the same simpanan pokok (Penjelasan Pasal 41) while simpanan wajib differs, loans to members sit on
1107 Pinjaman Anggota apart from shop credit (1103), every credit to 4101/4103 names the member, and
the cost of what non-members bought goes to 5108.
"""

from __future__ import annotations

import datetime as dt

D, C = "D", "C"

ROUNDING_RULE = (
    "<p><em>Aturan pembulatan: setiap jumlah dibulatkan setengah ke atas ke Rp 1. Tulis jumlah "
    "seperti 1.250.000 (titik pemisah ribuan).</em></p>"
)
POKOK_RULE = (
    "<p>Simpanan pokok sama besar untuk setiap anggota (Penjelasan Pasal 41 UU No. 25/1992); simpanan "
    "wajib boleh berbeda karena dibayar berkala.</p>"
)

# --- 1. Setoran simpanan anggota baru ---------------------------------------------------------

_GUYUB_FOUNDERS = [
    # number, name, simpanan wajib paid before 2026 (Rp)
    ("A001", "Siti Aminah", "150000"),
    ("A002", "Budi Santoso", "100000"),
    ("A003", "Dewi Lestari", "150000"),
    ("A004", "Agus Salim", "50000"),
    ("A005", "Sri Wahyuni", "100000"),
    ("A006", "Bambang Prakoso", "150000"),
    ("A007", "Endang Susanti", "50000"),
    ("A008", "Yusuf Hidayat", "100000"),
    ("A009", "Lilik Maryati", "50000"),
]
_GUYUB_POKOK = "500000"

SETORAN_SIMPANAN = {
    "slug": "setoran-simpanan-anggota",
    "title": "Setoran simpanan anggota baru",
    "cooperative_name": "Koperasi Konsumen Guyub Rukun, Kelurahan Kranggan, Kota Mojokerto",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "simpanan_pokok": _GUYUB_POKOK,
    "instructions": (
        "<p>Koperasi Konsumen Guyub Rukun di Kelurahan Kranggan didirikan Desember 2025 oleh sembilan "
        "orang, jumlah paling sedikit untuk koperasi primer (Pasal 6 UU No. 25/1992 sebagaimana diubah "
        "UU No. 6/2023). Setiap pendiri sudah membayar simpanan pokok Rp 500.000 dan simpanan wajib "
        "Rp 50.000 per bulan yang sudah jatuh tempo baginya. Catat setiap transaksi Januari 2026 di buku "
        "latihan soal ini. Simpanan pokok dan simpanan wajib dicatat sebagai <strong>ekuitas</strong> "
        "(Pasal 41); simpanan sukarela sebagai kewajiban. Setiap baris simpanan harus menyebut "
        "anggotanya. Pakai nomor transaksi sebagai nomor bukti.</p>" + POKOK_RULE + ROUNDING_RULE
    ),
    "members": [(number, name) for number, name, _wajib in _GUYUB_FOUNDERS]
    + [("A010", "Rina Wulandari"), ("A011", "Joko Susilo")],
    # (account code, amount signed in the account's normal direction, member number)
    "opening_balances": [
        ("1101", "5400000", ""),
        *[("3101", _GUYUB_POKOK, number) for number, _name, _wajib in _GUYUB_FOUNDERS],
        *[("3102", wajib, number) for number, _name, wajib in _GUYUB_FOUNDERS],
    ],
    # (number, date, narrative)
    "transactions": [
        (
            1,
            dt.date(2026, 1, 5),
            "Rina Wulandari (A010), pedagang di Pasar Tanjung Anyar, masuk menjadi anggota. Ia membayar "
            "tunai simpanan pokok Rp 500.000 dan simpanan wajib bulan Januari Rp 50.000.",
        ),
        (
            2,
            dt.date(2026, 1, 6),
            "Joko Susilo (A011) masuk menjadi anggota dan mentransfer ke rekening bank koperasi simpanan "
            "pokok Rp 500.000 serta simpanan wajib Januari Rp 50.000.",
        ),
        (
            3,
            dt.date(2026, 1, 10),
            "Siti Aminah (A001), Budi Santoso (A002) dan Dewi Lestari (A003) masing-masing membayar tunai "
            "simpanan wajib Januari Rp 50.000.",
        ),
        (4, dt.date(2026, 1, 15), "Siti Aminah (A001) menabung simpanan sukarela tunai Rp 200.000."),
        (
            5,
            dt.date(2026, 1, 31),
            "Dewi Lestari (A003) pindah ke luar kota dan keluar dari keanggotaan. Koperasi mengembalikan "
            "tunai simpanan pokoknya (Rp 500.000) dan seluruh simpanan wajibnya (Rp 200.000).",
        ),
    ],
    # (transaction number, account code, side, amount, member number)
    "expected_lines": [
        (1, "1101", D, "550000", ""),
        (1, "3101", C, "500000", "A010"),
        (1, "3102", C, "50000", "A010"),
        (2, "1102", D, "550000", ""),
        (2, "3101", C, "500000", "A011"),
        (2, "3102", C, "50000", "A011"),
        (3, "1101", D, "150000", ""),
        (3, "3102", C, "50000", "A001"),
        (3, "3102", C, "50000", "A002"),
        (3, "3102", C, "50000", "A003"),
        (4, "1101", D, "200000", ""),
        (4, "2101", C, "200000", "A001"),
        (5, "3101", D, "500000", "A003"),
        (5, "3102", D, "200000", "A003"),
        (5, "1101", C, "700000", ""),
    ],
    "expected_balances": [],
}

# --- 2. Pinjaman dan angsuran -----------------------------------------------------------------

_USP_MEMBERS = [
    # number, name, simpanan wajib (Rp)
    ("A001", "Agus Prasetyo", "3000000"),
    ("A002", "Sri Rahayu", "2400000"),
    ("A003", "Eko Saputro", "3600000"),
    ("A004", "Nur Hidayah", "1800000"),
    ("A005", "Bambang Wijaya", "4200000"),
    ("A006", "Tri Utami", "2400000"),
    ("A007", "Hadi Purnomo", "3000000"),
    ("A008", "Wiwik Setyowati", "1200000"),
    ("A009", "Rudi Hartono", "3600000"),
]
_USP_POKOK = "1000000"

PINJAMAN_ANGSURAN = {
    "slug": "pinjaman-dan-angsuran",
    "title": "Pinjaman dan angsuran di unit simpan pinjam",
    "cooperative_name": "Koperasi Serba Usaha Sejahtera Bersama, Kelurahan Gunung Gedangan, Kota Mojokerto",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "simpanan_pokok": _USP_POKOK,
    "instructions": (
        "<p>Unit simpan pinjam koperasi hanya melayani anggota (Permenkop UKM No. 8/2023). Pinjaman "
        "kepada anggota dicatat di <strong>Pinjaman Anggota</strong> (1107), terpisah dari piutang "
        "belanja di toko; sebut anggotanya di setiap baris. Jasa pinjaman 1% per bulan dari pokok awal "
        "(flat) adalah <strong>Pendapatan Jasa Pinjaman</strong> (4103) dan juga harus menyebut "
        "anggotanya, karena jasa usaha dalam SHU dihitung dari transaksi setiap anggota. Biaya "
        "administrasi 1% dipotong saat pencairan (<strong>Pendapatan Administrasi</strong>, 4105). "
        "Akhir Maret, sisihkan 1% dari sisa pinjaman untuk pinjaman yang mungkin tak tertagih. Catat "
        "transaksi Februari–Maret 2026; pakai nomor transaksi sebagai nomor bukti.</p>" + POKOK_RULE + ROUNDING_RULE
    ),
    "members": [(number, name) for number, name, _wajib in _USP_MEMBERS],
    "opening_balances": [
        ("1101", "34200000", ""),
        ("1102", "10000000", ""),
        *[("3101", _USP_POKOK, number) for number, _name, _wajib in _USP_MEMBERS],
        *[("3102", wajib, number) for number, _name, wajib in _USP_MEMBERS],
        ("3103", "10000000", ""),
    ],
    "transactions": [
        (
            1,
            dt.date(2026, 2, 2),
            "Koperasi mencairkan pinjaman Rp 6.000.000 kepada Agus Prasetyo (A001), jangka 6 bulan, jasa "
            "1% per bulan dari pokok. Biaya administrasi 1% dipotong; sisanya dibayar tunai.",
        ),
        (
            2,
            dt.date(2026, 2, 5),
            "Koperasi mencairkan pinjaman Rp 3.000.000 kepada Sri Rahayu (A002), jangka 6 bulan, jasa 1% "
            "per bulan dari pokok. Biaya administrasi 1% dipotong; sisanya ditransfer dari rekening bank.",
        ),
        (
            3,
            dt.date(2026, 3, 2),
            "Agus Prasetyo (A001) membayar tunai angsuran pertama: pokok Rp 1.000.000 ditambah jasa "
            "pinjaman 1% dari Rp 6.000.000.",
        ),
        (
            4,
            dt.date(2026, 3, 5),
            "Sri Rahayu (A002) mentransfer angsuran pertama: pokok Rp 500.000 ditambah jasa pinjaman 1% "
            "dari Rp 3.000.000.",
        ),
        (
            5,
            dt.date(2026, 3, 31),
            "Koperasi membayar tunai gaji petugas simpan pinjam bulan Maret Rp 3.100.000 (di atas upah "
            "minimum Kota Mojokerto 2025).",
        ),
        (
            6,
            dt.date(2026, 3, 31),
            "Pengurus menyisihkan 1% dari sisa pinjaman anggota per 31 Maret untuk pinjaman yang mungkin tak tertagih.",
        ),
    ],
    "expected_lines": [
        (1, "1107", D, "6000000", "A001"),
        (1, "1101", C, "5940000", ""),
        (1, "4105", C, "60000", ""),
        (2, "1107", D, "3000000", "A002"),
        (2, "1102", C, "2970000", ""),
        (2, "4105", C, "30000", ""),
        (3, "1101", D, "1060000", ""),
        (3, "1107", C, "1000000", "A001"),
        (3, "4103", C, "60000", "A001"),
        (4, "1102", D, "530000", ""),
        (4, "1107", C, "500000", "A002"),
        (4, "4103", C, "30000", "A002"),
        (5, "5102", D, "3100000", ""),
        (5, "1101", C, "3100000", ""),
        (6, "5110", D, "75000", ""),
        (6, "1108", C, "75000", ""),
    ],
    "expected_balances": [],
}

# --- 3. Penjualan toko ------------------------------------------------------------------------

_TOKO_MEMBERS = [
    ("A001", "Fitri Handayani", "1200000"),
    ("A002", "Hendra Gunawan", "1800000"),
    ("A003", "Wahyuni Kusuma", "1500000"),
    ("A004", "Slamet Widodo", "2100000"),
    ("A005", "Ani Rahmawati", "900000"),
    ("A006", "Dwi Cahyono", "1500000"),
    ("A007", "Kartini Ningsih", "1800000"),
    ("A008", "Imam Syafii", "1200000"),
    ("A009", "Nanik Suryani", "1500000"),
]
_TOKO_POKOK = "500000"

PENJUALAN_TOKO = {
    "slug": "penjualan-toko-koperasi",
    "title": "Penjualan toko koperasi: anggota dan non-anggota",
    "cooperative_name": "Koperasi Konsumen Warga Prajurit Kulon, Kota Mojokerto",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "simpanan_pokok": _TOKO_POKOK,
    "instructions": (
        "<p>Toko koperasi mencatat persediaan secara perpetual: setiap penjualan dicatat dua kali, "
        "pendapatannya dan harga pokoknya. Penjualan kepada anggota adalah <strong>Partisipasi Bruto "
        "Anggota</strong> (4101, sebut anggotanya: angka ini dipakai untuk jasa usaha SHU) dengan harga "
        "pokok di <strong>Beban Pokok Penjualan Anggota</strong> (5101); penjualan kepada bukan anggota "
        "adalah <strong>Penjualan Non-Anggota</strong> (4102) dengan harga pokok di <strong>Beban Pokok "
        "Penjualan Non-Anggota</strong> (5108). Kekurangan barang saat stok opname dicatat di "
        "<strong>Beban Selisih Persediaan</strong> (5114), tidak disembunyikan di harga pokok. Koperasi "
        "ini membayar PPh final 0,5% dari peredaran bruto (PP No. 55/2022): catat pajak bulan Maret "
        "sebagai Beban Pajak dan Utang Pajak. Catat transaksi Maret 2026; pakai nomor transaksi sebagai "
        "nomor bukti.</p>" + POKOK_RULE + ROUNDING_RULE
    ),
    "members": [(number, name) for number, name, _wajib in _TOKO_MEMBERS],
    "opening_balances": [
        ("1101", "20000000", ""),
        ("1105", "30000000", ""),
        *[("3101", _TOKO_POKOK, number) for number, _name, _wajib in _TOKO_MEMBERS],
        *[("3102", wajib, number) for number, _name, wajib in _TOKO_MEMBERS],
        ("3103", "32000000", ""),
    ],
    "transactions": [
        (1, dt.date(2026, 3, 3), "Toko membeli barang dagangan secara kredit dari pemasok Rp 10.000.000."),
        (
            2,
            dt.date(2026, 3, 5),
            "Fitri Handayani (A001), anggota, membeli barang tunai Rp 1.200.000; harga pokok barang itu Rp 1.000.000.",
        ),
        (
            3,
            dt.date(2026, 3, 6),
            "Seorang pembeli bukan anggota membeli barang tunai Rp 2.400.000; harga pokoknya Rp 2.000.000.",
        ),
        (
            4,
            dt.date(2026, 3, 10),
            "Hendra Gunawan (A002), anggota, membeli barang secara kredit (bon) Rp 600.000; harga pokoknya Rp 500.000.",
        ),
        (5, dt.date(2026, 3, 25), "Toko membayar tunai sebagian utang kepada pemasok Rp 5.000.000."),
        (6, dt.date(2026, 3, 31), "Toko membayar tunai tagihan listrik dan air bulan Maret Rp 350.000."),
        (
            7,
            dt.date(2026, 3, 31),
            "Stok opname akhir Maret: gula pasir kurang 4 kg senilai harga pokok Rp 68.000. Selisih sudah "
            "diselidiki dan berita acaranya disetujui pengurus.",
        ),
        (
            8,
            dt.date(2026, 3, 31),
            "Catat PPh final 0,5% atas peredaran bruto (seluruh penjualan) bulan Maret; pajak disetor bulan April.",
        ),
    ],
    "expected_lines": [
        (1, "1105", D, "10000000", ""),
        (1, "2102", C, "10000000", ""),
        (2, "1101", D, "1200000", ""),
        (2, "4101", C, "1200000", "A001"),
        (2, "5101", D, "1000000", ""),
        (2, "1105", C, "1000000", ""),
        (3, "1101", D, "2400000", ""),
        (3, "4102", C, "2400000", ""),
        (3, "5108", D, "2000000", ""),
        (3, "1105", C, "2000000", ""),
        (4, "1103", D, "600000", "A002"),
        (4, "4101", C, "600000", "A002"),
        (4, "5101", D, "500000", ""),
        (4, "1105", C, "500000", ""),
        (5, "2102", D, "5000000", ""),
        (5, "1101", C, "5000000", ""),
        (6, "5104", D, "350000", ""),
        (6, "1101", C, "350000", ""),
        (7, "5114", D, "68000", ""),
        (7, "1105", C, "68000", ""),
        (8, "5201", D, "21000", ""),
        (8, "2109", C, "21000", ""),
    ],
    "expected_balances": [],
}

# --- 4. Tutup buku dan pembagian SHU ----------------------------------------------------------

# A shop cooperative of nine members in 2026: members bought Rp 480 juta (cost Rp 420 juta, so
# partisipasi neto Rp 60 juta), non-members Rp 80 juta (cost Rp 65 juta, gross profit Rp 15 juta).
# After wages (one employee at the Kota Mojokerto minimum wage, THR included), rent, utilities,
# depreciation, RAT costs and the final 0,5% tax on the Rp 560 juta turnover (PP 55/2022), SHU after
# tax is Rp 18.500.000. Members earned 60/75 = 80% of the margin, so SHU from members is
# Rp 14.800.000; the RAT puts the non-members' Rp 3.700.000 into reserves and shares the members'
# part. Jasa modal 15% of it (Rp 2.220.000) on Rp 40,5 juta of simpanan is about 5,5% a year: a
# limited return on capital.
SHU_MEMBERS = [
    # number, name, simpanan pokok, simpanan wajib, purchases in the year
    ("A001", "Slamet Riyadi", "500000", "2400000", "24000000"),
    ("A002", "Yuliana Putri", "500000", "3000000", "36000000"),
    ("A003", "Teguh Santosa", "500000", "3600000", "48000000"),
    ("A004", "Ratna Sari", "500000", "4200000", "60000000"),
    ("A005", "Dedi Kurniawan", "500000", "4800000", "72000000"),
    ("A006", "Sulastri", "500000", "3000000", "30000000"),
    ("A007", "Wahyu Nugroho", "500000", "4200000", "42000000"),
    ("A008", "Umi Kalsum", "500000", "5400000", "78000000"),
    ("A009", "Bagus Setiawan", "500000", "5400000", "90000000"),
]

TUTUP_BUKU_SHU = {
    "slug": "tutup-buku-dan-shu",
    "title": "Tutup buku dan pembagian SHU",
    "cooperative_name": "Koperasi Konsumen Mandiri Sejahtera, Kelurahan Meri, Kota Mojokerto",
    "period_start": dt.date(2026, 12, 31),
    "period_end": dt.date(2027, 3, 31),
    "grading_mode": "balances",
    "simpanan_pokok": "500000",
    "instructions": (
        "<p>Saldo awal buku ini adalah saldo per 31 Desember 2026 sebelum tutup buku, termasuk pendapatan "
        "dan beban tahun 2026. Beban Pajak adalah PPh final 0,5% dari peredaran bruto (PP No. 55/2022), "
        "jadi SHU yang ditutup sudah <strong>SHU setelah pajak</strong> (Pasal 45 UU No. 25/1992). "
        "(1) Tutup buku per 31 Desember 2026: pindahkan saldo pendapatan dan beban ke <strong>SHU Tahun "
        "Berjalan</strong> (boleh memakai halaman Tutup buku). (2) Setor Utang Pajak Desember lewat bank. "
        "(3) RAT 15 Maret 2027 memutuskan: hanya SHU dari anggota yang dibagi. SHU dari anggota dihitung "
        "menurut hasil usaha: partisipasi neto anggota dibagi hasil usaha seluruhnya (partisipasi neto "
        "ditambah laba kotor non-anggota), dikali SHU setelah pajak. Bagian non-anggota masuk seluruhnya "
        "ke <strong>Cadangan</strong>. Bagian anggota dibagi: cadangan 40%, jasa usaha anggota 30%, "
        "jasa modal anggota 15%, dana pengurus 5%, dana karyawan 5%, dana pendidikan 2,5%, dana sosial "
        "2,5%; jasa usaha dan jasa modal dicatat sebagai <strong>Utang SHU Anggota</strong>. (4) Bayar "
        "SHU Slamet Riyadi (A001). Yang dinilai adalah saldo akhir setiap akun, lalu periksa pembagian "
        "SHU per anggota di halaman SHU.</p>"
        "<p>Jasa modal anggota = JMA × simpanan anggota ÷ total simpanan; jasa usaha anggota = JUA × "
        "pembelian anggota ÷ total pembelian anggota.</p>" + POKOK_RULE + ROUNDING_RULE
    ),
    "members": [(number, name) for number, name, *_rest in SHU_MEMBERS],
    "member_shu": {number: (str(int(sp) + int(sw)), purchases) for number, _n, sp, sw, purchases in SHU_MEMBERS},
    "opening_balances": [
        ("1101", "4440000", ""),
        ("1102", "15000000", ""),
        ("1105", "45000000", ""),
        ("1201", "24000000", ""),
        ("1202", "7200000", ""),
        ("2102", "12000000", ""),
        ("2109", "240000", ""),
        *[("3101", sp, number) for number, _n, sp, _sw, _p in SHU_MEMBERS],
        *[("3102", sw, number) for number, _n, _sp, sw, _p in SHU_MEMBERS],
        ("3105", "10000000", ""),
        ("4101", "480000000", ""),
        ("4102", "80000000", ""),
        ("5101", "420000000", ""),
        ("5108", "65000000", ""),
        ("5102", "40300000", ""),
        ("5103", "6000000", ""),
        ("5104", "3000000", ""),
        ("5105", "2400000", ""),
        ("5106", "2000000", ""),
        ("5201", "2800000", ""),
    ],
    "transactions": [
        (
            1,
            dt.date(2026, 12, 31),
            "Tutup buku tahun 2026: tutup semua akun pendapatan dan beban ke SHU Tahun Berjalan.",
        ),
        (2, dt.date(2027, 1, 14), "Koperasi menyetor PPh final bulan Desember 2026 (Utang Pajak) lewat bank."),
        (
            3,
            dt.date(2027, 3, 15),
            "RAT menetapkan pembagian SHU setelah pajak tahun 2026 sesuai petunjuk: bagian non-anggota ke "
            "cadangan; bagian anggota ke cadangan, Utang SHU Anggota (jasa usaha dan jasa modal), dana "
            "pengurus, dana karyawan, dana pendidikan dan dana sosial.",
        ),
        (
            4,
            dt.date(2027, 3, 25),
            "Koperasi membayar tunai SHU Slamet Riyadi (A001): jasa modal Rp 158.963 dan jasa usaha Rp 222.000.",
        ),
    ],
    "expected_lines": [],
    # Final balances signed in each account's normal direction.
    "expected_balances": [
        ("1101", "4059037"),
        ("1102", "14760000"),
        ("1105", "45000000"),
        ("1201", "24000000"),
        ("1202", "7200000"),
        ("2102", "12000000"),
        ("2109", "0"),
        ("2103", "6279037"),
        ("2104", "740000"),
        ("2105", "740000"),
        ("2106", "370000"),
        ("2107", "370000"),
        ("3101", "4500000"),
        ("3102", "36000000"),
        ("3105", "19620000"),
        ("3106", "0"),
        ("4101", "0"),
        ("4102", "0"),
        ("5101", "0"),
        ("5108", "0"),
        ("5102", "0"),
        ("5103", "0"),
        ("5104", "0"),
        ("5105", "0"),
        ("5106", "0"),
        ("5201", "0"),
    ],
    # SHU from members (after tax) and the split the RAT decided.
    "shu_amount": "14800000",
    "shu_components": {
        "cadangan": "40",
        "jasa_usaha": "30",
        "jasa_modal": "15",
        "pengurus": "5",
        "karyawan": "5",
        "pendidikan": "2.5",
        "sosial": "2.5",
    },
}

EXERCISES = [SETORAN_SIMPANAN, PINJAMAN_ANGSURAN, PENJUALAN_TOKO, TUTUP_BUKU_SHU]
EXERCISE_SLUGS = [exercise["slug"] for exercise in EXERCISES]
