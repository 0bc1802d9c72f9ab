"""Content of the demo bookkeeping exercises (day 3 of the course), built on the domain patterns.

Amounts are Rupiah as text (exact Decimals); sides "D"/"C"; codes of the default chart. Each
exercise states its rounding rule. The slugs are stable: the day-3 lessons link to them.
"""

from __future__ import annotations

import datetime as dt

D, C = "D", "C"

ROUNDING_RULE = (
    "<p><em>Aturan pembulatan: setiap jumlah dibulatkan setengah ke atas ke Rp 1. Tulis jumlah "
    "seperti 1.250.000 (titik pemisah ribuan).</em></p>"
)

SETORAN_SIMPANAN = {
    "slug": "setoran-simpanan-anggota",
    "title": "Setoran simpanan anggota baru",
    "cooperative_name": "Koperasi Konsumen Guyub Rukun",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "instructions": (
        "<p>Koperasi Konsumen Guyub Rukun baru berdiri dengan tiga anggota. Catat setiap transaksi "
        "Januari 2026 di buku latihan soal ini. Simpanan pokok dan simpanan wajib dicatat sebagai "
        "<strong>ekuitas</strong> (UU No. 25/1992 pasal 41); simpanan sukarela sebagai kewajiban. "
        "Setiap baris simpanan harus menyebut anggotanya. Pakai nomor transaksi sebagai nomor bukti.</p>"
        + ROUNDING_RULE
    ),
    "members": [
        ("A001", "Siti Aminah"),
        ("A002", "Budi Santoso"),
        ("A003", "Dewi Lestari"),
        ("A004", "Rina Wulandari"),
        ("A005", "Joko Susilo"),
    ],
    # (account code, amount signed in the account's normal direction, member number)
    "opening_balances": [
        ("1101", "3300000", ""),
        ("3101", "500000", "A001"),
        ("3101", "500000", "A002"),
        ("3101", "500000", "A003"),
        ("3102", "600000", "A001"),
        ("3102", "600000", "A002"),
        ("3102", "600000", "A003"),
    ],
    # (number, date, narrative)
    "transactions": [
        (
            1,
            dt.date(2026, 1, 5),
            "Rina Wulandari (A004) masuk menjadi anggota. Ia membayar tunai simpanan pokok Rp 500.000 "
            "dan simpanan wajib bulan Januari Rp 50.000.",
        ),
        (
            2,
            dt.date(2026, 1, 6),
            "Joko Susilo (A005) masuk menjadi anggota dan membayar tunai simpanan pokok Rp 500.000 serta "
            "simpanan wajib Januari Rp 50.000.",
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
            "Dewi Lestari (A003) keluar dari keanggotaan. Koperasi mengembalikan tunai seluruh simpanan "
            "pokoknya (Rp 500.000) dan simpanan wajibnya (Rp 650.000).",
        ),
    ],
    # (transaction number, account code, side, amount, member number)
    "expected_lines": [
        (1, "1101", D, "550000", ""),
        (1, "3101", C, "500000", "A004"),
        (1, "3102", C, "50000", "A004"),
        (2, "1101", D, "550000", ""),
        (2, "3101", C, "500000", "A005"),
        (2, "3102", C, "50000", "A005"),
        (3, "1101", D, "150000", ""),
        (3, "3102", C, "50000", "A001"),
        (3, "3102", C, "50000", "A002"),
        (3, "3102", C, "50000", "A003"),
        (4, "1101", D, "200000", ""),
        (4, "2101", C, "200000", "A001"),
        (5, "3101", D, "500000", "A003"),
        (5, "3102", D, "650000", "A003"),
        (5, "1101", C, "1150000", ""),
    ],
    "expected_balances": [],
}

PINJAMAN_ANGSURAN = {
    "slug": "pinjaman-dan-angsuran",
    "title": "Pinjaman dan angsuran di unit simpan pinjam",
    "cooperative_name": "Koperasi Simpan Pinjam Sejahtera Bersama",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "instructions": (
        "<p>Unit simpan pinjam koperasi memberi pinjaman kepada anggota dengan jasa pinjaman 1% per "
        "bulan dari pokok pinjaman awal (flat). Angsuran pokok mengurangi <strong>Piutang Anggota</strong> "
        "(sebut anggotanya); jasa pinjaman adalah <strong>Pendapatan Jasa Pinjaman</strong>. Catat "
        "transaksi Februari–Maret 2026; pakai nomor transaksi sebagai nomor bukti.</p>" + ROUNDING_RULE
    ),
    "members": [
        ("A001", "Agus Prasetyo"),
        ("A002", "Sri Rahayu"),
        ("A003", "Eko Saputro"),
        ("A004", "Nur Hidayah"),
        ("A005", "Bambang Wijaya"),
    ],
    "opening_balances": [
        ("1101", "50000000", ""),
        ("3101", "1000000", "A001"),
        ("3101", "1000000", "A002"),
        ("3101", "1000000", "A003"),
        ("3101", "1000000", "A004"),
        ("3101", "1000000", "A005"),
        ("3102", "3000000", "A001"),
        ("3102", "3000000", "A002"),
        ("3102", "3000000", "A003"),
        ("3102", "3000000", "A004"),
        ("3102", "3000000", "A005"),
        ("3103", "30000000", ""),
    ],
    "transactions": [
        (
            1,
            dt.date(2026, 2, 2),
            "Koperasi memberi pinjaman tunai Rp 6.000.000 kepada Agus Prasetyo (A001), jangka 6 bulan, "
            "jasa 1% per bulan dari pokok.",
        ),
        (
            2,
            dt.date(2026, 2, 5),
            "Koperasi memberi pinjaman tunai Rp 3.000.000 kepada Sri Rahayu (A002), jangka 6 bulan, "
            "jasa 1% per bulan dari pokok.",
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
            "Sri Rahayu (A002) membayar tunai angsuran pertama: pokok Rp 500.000 ditambah jasa pinjaman "
            "1% dari Rp 3.000.000.",
        ),
        (5, dt.date(2026, 3, 31), "Koperasi membayar tunai gaji petugas simpan pinjam bulan Maret Rp 1.500.000."),
    ],
    "expected_lines": [
        (1, "1103", D, "6000000", "A001"),
        (1, "1101", C, "6000000", ""),
        (2, "1103", D, "3000000", "A002"),
        (2, "1101", C, "3000000", ""),
        (3, "1101", D, "1060000", ""),
        (3, "1103", C, "1000000", "A001"),
        (3, "4103", C, "60000", ""),
        (4, "1101", D, "530000", ""),
        (4, "1103", C, "500000", "A002"),
        (4, "4103", C, "30000", ""),
        (5, "5102", D, "1500000", ""),
        (5, "1101", C, "1500000", ""),
    ],
    "expected_balances": [],
}

PENJUALAN_TOKO = {
    "slug": "penjualan-toko-koperasi",
    "title": "Penjualan toko koperasi: anggota dan non-anggota",
    "cooperative_name": "Koperasi Konsumen Warung Warga RW 05",
    "period_start": dt.date(2026, 1, 1),
    "period_end": dt.date(2026, 12, 31),
    "grading_mode": "per_line",
    "instructions": (
        "<p>Toko koperasi mencatat persediaan secara perpetual: setiap penjualan dicatat dua kali, "
        "pendapatannya dan harga pokoknya (<strong>Beban Pokok Penjualan</strong> / Persediaan). Penjualan "
        "kepada anggota adalah <strong>Partisipasi Bruto Anggota</strong> (sebut anggotanya: angka ini "
        "dipakai untuk jasa usaha SHU); penjualan kepada bukan anggota adalah "
        "<strong>Penjualan Non-Anggota</strong>. Catat transaksi Maret 2026; pakai nomor transaksi "
        "sebagai nomor bukti.</p>" + ROUNDING_RULE
    ),
    "members": [
        ("A001", "Fitri Handayani"),
        ("A002", "Hendra Gunawan"),
        ("A003", "Wahyuni Kusuma"),
    ],
    "opening_balances": [
        ("1101", "20000000", ""),
        ("1105", "30000000", ""),
        ("3101", "500000", "A001"),
        ("3101", "500000", "A002"),
        ("3101", "1000000", "A003"),
        ("3102", "2000000", "A001"),
        ("3102", "2000000", "A002"),
        ("3102", "4000000", "A003"),
        ("3103", "40000000", ""),
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
            "Hendra Gunawan (A002), anggota, membeli barang secara kredit Rp 600.000; harga pokoknya Rp 500.000.",
        ),
        (5, dt.date(2026, 3, 25), "Toko membayar tunai sebagian utang kepada pemasok Rp 5.000.000."),
        (6, dt.date(2026, 3, 31), "Toko membayar tunai tagihan listrik dan air bulan Maret Rp 350.000."),
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
        (3, "5101", D, "2000000", ""),
        (3, "1105", C, "2000000", ""),
        (4, "1103", D, "600000", "A002"),
        (4, "4101", C, "600000", "A002"),
        (4, "5101", D, "500000", ""),
        (4, "1105", C, "500000", ""),
        (5, "2102", D, "5000000", ""),
        (5, "1101", C, "5000000", ""),
        (6, "5104", D, "350000", ""),
        (6, "1101", C, "350000", ""),
    ],
    "expected_balances": [],
}

# The domain file's SHU example: SHU from members Rp 60.000.000; total simpanan pokok+wajib
# Rp 40.000.000; member purchases Rp 300.000.000; member A001 (simpanan 2.000.000, purchases
# 12.000.000) gets jasa modal 600.000 + jasa usaha 600.000 = 1.200.000.
SHU_MEMBERS = [
    # number, name, simpanan pokok, simpanan wajib, purchases in the year
    ("A001", "Slamet Riyadi", "400000", "1600000", "12000000"),
    ("A002", "Yuliana Putri", "800000", "3200000", "30000000"),
    ("A003", "Teguh Santosa", "1200000", "4800000", "45000000"),
    ("A004", "Ratna Sari", "1600000", "6400000", "60000000"),
    ("A005", "Dedi Kurniawan", "4000000", "16000000", "153000000"),
]

TUTUP_BUKU_SHU = {
    "slug": "tutup-buku-dan-shu",
    "title": "Tutup buku dan pembagian SHU",
    "cooperative_name": "Koperasi Konsumen Toko Desa Mandiri",
    "period_start": dt.date(2026, 12, 1),
    "period_end": dt.date(2027, 3, 31),
    "grading_mode": "balances",
    "instructions": (
        "<p>Saldo awal buku ini adalah saldo per 1 Desember 2026, termasuk pendapatan dan beban tahun "
        "berjalan. Seluruh SHU berasal dari transaksi dengan anggota. (1) Tutup buku per 31 Desember "
        "2026: pindahkan saldo pendapatan dan beban ke <strong>SHU Tahun Berjalan</strong> (boleh "
        "memakai halaman Tutup buku). (2) RAT 15 Maret 2027 membagi SHU: cadangan 40%, jasa usaha "
        "anggota 25%, jasa modal anggota 20%, dana pengurus 5%, dana karyawan 5%, dana pendidikan "
        "2,5%, dana sosial 2,5%; bagian anggota (jasa usaha + jasa modal) dicatat sebagai "
        "<strong>Utang SHU Anggota</strong>. (3) Bayar SHU Slamet Riyadi (A001). Yang dinilai adalah "
        "saldo akhir setiap akun, lalu periksa pembagian SHU per anggota di halaman SHU.</p>"
        "<p>Jasa modal anggota = JMA × simpanan anggota ÷ total simpanan; jasa usaha anggota = JUA × "
        "pembelian anggota ÷ total pembelian anggota.</p>" + ROUNDING_RULE
    ),
    "members": [(number, name) for number, name, *_rest in SHU_MEMBERS],
    "member_shu": {number: (str(int(sp) + int(sw)), purchases) for number, _n, sp, sw, purchases in SHU_MEMBERS},
    "opening_balances": [
        ("1101", "50000000", ""),
        ("1105", "40000000", ""),
        ("1201", "30000000", ""),
        ("2102", "10000000", ""),
        *[("3101", sp, number) for number, _n, sp, _sw, _p in SHU_MEMBERS],
        *[("3102", sw, number) for number, _n, _sp, sw, _p in SHU_MEMBERS],
        ("3105", "10000000", ""),
        ("4101", "300000000", ""),
        ("5101", "210000000", ""),
        ("5102", "18000000", ""),
        ("5103", "6000000", ""),
        ("5104", "3000000", ""),
        ("5106", "3000000", ""),
    ],
    "transactions": [
        (
            1,
            dt.date(2026, 12, 31),
            "Tutup buku tahun 2026: tutup semua akun pendapatan dan beban ke SHU Tahun Berjalan.",
        ),
        (
            2,
            dt.date(2027, 3, 15),
            "RAT menetapkan pembagian SHU tahun 2026 sesuai persentase di petunjuk: cadangan, bagian "
            "anggota (jasa usaha dan jasa modal, sebagai Utang SHU Anggota), dana pengurus, dana "
            "karyawan, dana pendidikan dan dana sosial.",
        ),
        (
            3,
            dt.date(2027, 3, 25),
            "Koperasi membayar tunai SHU Slamet Riyadi (A001): jasa modal Rp 600.000 dan jasa usaha Rp 600.000.",
        ),
    ],
    "expected_lines": [],
    # Final balances signed in each account's normal direction.
    "expected_balances": [
        ("1101", "48800000"),
        ("1105", "40000000"),
        ("1201", "30000000"),
        ("2102", "10000000"),
        ("2103", "25800000"),
        ("2104", "3000000"),
        ("2105", "3000000"),
        ("2106", "1500000"),
        ("2107", "1500000"),
        ("3101", "8000000"),
        ("3102", "32000000"),
        ("3105", "34000000"),
        ("3106", "0"),
        ("4101", "0"),
        ("5101", "0"),
        ("5102", "0"),
        ("5103", "0"),
        ("5104", "0"),
        ("5106", "0"),
    ],
    "shu_amount": "60000000",
    "shu_components": {
        "cadangan": "40",
        "jasa_usaha": "25",
        "jasa_modal": "20",
        "pengurus": "5",
        "karyawan": "5",
        "pendidikan": "2.5",
        "sosial": "2.5",
    },
}

EXERCISES = [SETORAN_SIMPANAN, PINJAMAN_ANGSURAN, PENJUALAN_TOKO, TUTUP_BUKU_SHU]
EXERCISE_SLUGS = [exercise["slug"] for exercise in EXERCISES]
