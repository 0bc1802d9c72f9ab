"""The demo question bank: ten questions per training day, in Indonesian, on that day's lessons.

Each entry: (title, kind, text, answer, extra). `answer` is the kind's answer in a short form that
`quizzes.demo` turns into the answer block: choices as (text, right) pairs, numbers as typed,
journal lines as (code, "D"/"C", amount), an SHU task as its figures. `extra` may hold feedback,
the explanation and the points. Titles are stable: the demo looks questions up by them.
"""

DAY_CATEGORIES = {
    1: "Hari 1 — Perkoperasian dan tata kelola",
    2: "Hari 2 — Manajemen usaha koperasi",
    3: "Hari 3 — Pembukuan dan laporan keuangan",
    4: "Hari 4 — Transformasi digital dan pengendalian internal",
}

QUESTIONS = {
    1: [
        (
            "Organ tertinggi koperasi",
            "single",
            "<p>Siapa yang memegang kekuasaan tertinggi dalam koperasi?</p>",
            [("Rapat Anggota", True), ("Pengurus", False), ("Pengawas", False), ("Dinas Koperasi", False)],
            {"explanation": "<p>UU 25/1992: Rapat Anggota adalah pemegang kekuasaan tertinggi dalam koperasi.</p>"},
        ),
        (
            "Jumlah pendiri koperasi primer",
            "numeric",
            "<p>Menurut UU 25/1992 sebagaimana diubah UU 6/2023, berapa orang paling sedikit untuk mendirikan "
            "koperasi primer?</p>",
            {"answer": "9", "unit": "none"},
            {"explanation": "<p>Pasal 6 yang diubah: koperasi primer dibentuk paling sedikit oleh 9 orang.</p>"},
        ),
        (
            "Prinsip keanggotaan",
            "truefalse",
            "<p>Keanggotaan koperasi bersifat sukarela dan terbuka.</p>",
            True,
            {"explanation": "<p>Itu prinsip koperasi yang pertama.</p>"},
        ),
        (
            "Tugas pengawas",
            "single",
            "<p>Siapa yang bertugas mengawasi pelaksanaan kebijakan dan pengelolaan koperasi?</p>",
            [("Pengawas", True), ("Pengurus", False), ("Manajer", False), ("Kasir", False)],
            {},
        ),
        (
            "Batas RAT",
            "numeric",
            "<p>Paling lambat berapa bulan setelah tahun buku berakhir Rapat Anggota Tahunan (RAT) harus diadakan?</p>",
            {"answer": "6", "unit": "none"},
            {"explanation": "<p>RAT diadakan paling lambat enam bulan setelah tahun buku berakhir.</p>"},
        ),
        (
            "Organ koperasi",
            "multiple",
            "<p>Manakah yang termasuk perangkat organisasi koperasi? Pilih semua yang benar.</p>",
            [("Rapat Anggota", True), ("Pengurus", True), ("Pengawas", True), ("Dinas Koperasi", False)],
            {},
        ),
        (
            "Singkatan AD/ART",
            "shorttext",
            "<p>AD dalam AD/ART koperasi adalah singkatan dari …</p>",
            ["Anggaran Dasar"],
            {},
        ),
        (
            "Simpanan pokok",
            "truefalse",
            "<p>Simpanan pokok dibayar sekali ketika masuk menjadi anggota, dengan jumlah yang sama untuk setiap "
            "anggota.</p>",
            True,
            {},
        ),
        (
            "Organ dan tugasnya",
            "matching",
            "<p>Jodohkan perangkat koperasi dengan tugas utamanya.</p>",
            [
                ("Rapat Anggota", "menetapkan AD/ART dan kebijakan umum"),
                ("Pengurus", "mengelola koperasi sehari-hari"),
                ("Pengawas", "mengawasi pengelolaan koperasi"),
            ],
            {"distractors": ["memberi izin usaha"]},
        ),
        (
            "Masa jabatan pengurus",
            "single",
            "<p>Masa jabatan pengurus koperasi paling lama …</p>",
            [("5 tahun", True), ("3 tahun", False), ("10 tahun", False), ("seumur hidup", False)],
            {},
        ),
    ],
    2: [
        (
            "Dasar rencana usaha",
            "single",
            "<p>Rencana usaha koperasi sebaiknya dimulai dari …</p>",
            [
                ("kebutuhan anggota yang nyata", True),
                ("keinginan pengurus", False),
                ("usaha yang sedang ramai di media sosial", False),
                ("besarnya pinjaman bank", False),
            ],
            {},
        ),
        (
            "Titik impas toko",
            "numeric",
            "<p>Biaya tetap toko koperasi Rp 5.600.000 sebulan dan margin kotornya 12% dari penjualan. Berapa "
            "penjualan sebulan agar toko tepat impas? Bulatkan ke ribuan terdekat.</p>",
            {"answer": "46.667.000", "tolerance": "1.000", "unit": "rupiah"},
            {
                "explanation": "<p>Titik impas = biaya tetap ÷ persentase margin kotor = 5.600.000 ÷ 12% ≈ Rp 46.667.000.</p>"
            },
        ),
        (
            "Margin beras",
            "numeric",
            "<p>Beras 5 kg dibeli Rp 62.000 dan dijual Rp 68.000. Berapa rupiah marginnya per karung?</p>",
            {"answer": "6.000", "unit": "rupiah"},
            {},
        ),
        (
            "Stok opname",
            "truefalse",
            "<p>Stok opname adalah menghitung fisik barang lalu mencocokkannya dengan kartu stok.</p>",
            True,
            {},
        ),
        (
            "Pengesahan RAPB",
            "single",
            "<p>Rencana kerja dan rencana anggaran pendapatan dan belanja (RAPB) koperasi disahkan oleh …</p>",
            [("Rapat Anggota", True), ("Pengurus", False), ("Pengawas", False), ("Manajer toko", False)],
            {},
        ),
        (
            "Penjualan kepada anggota",
            "truefalse",
            "<p>Penjualan kepada anggota dan kepada nonanggota harus dicatat terpisah.</p>",
            True,
            {"explanation": "<p>Hanya SHU dari anggota yang dibagi kembali kepada anggota.</p>"},
        ),
        (
            "Tanda bahaya simpan pinjam",
            "multiple",
            "<p>Manakah tanda bahaya di unit simpan pinjam? Pilih semua yang benar.</p>",
            [
                ("angsuran menunggak berbulan-bulan", True),
                ("pinjaman diberikan tanpa analisis kemampuan bayar", True),
                ("buku pinjaman dicocokkan setiap bulan", False),
                ("anggota menerima bukti setiap angsuran", False),
            ],
            {},
        ),
        (
            "Restrukturisasi kredit",
            "single",
            "<p>Anggota yang usahanya terdampak pandemi kesulitan membayar angsuran. Langkah yang tepat adalah …</p>",
            [
                ("menata ulang jadwal angsuran dengan kesepakatan tertulis", True),
                ("menghapus pinjamannya diam-diam", False),
                ("menagih seluruh pinjaman sekaligus", False),
                ("membiarkan tanpa catatan", False),
            ],
            {},
        ),
        (
            "Sapaan pelayanan",
            "shorttext",
            "<p>Catatan berisi keluhan dan saran anggota yang dikumpulkan di toko disebut buku …</p>",
            ["saran", "keluhan", "saran dan keluhan", "keluhan dan saran"],
            {},
        ),
        (
            "Jenis usaha dan contohnya",
            "matching",
            "<p>Jodohkan unit usaha dengan contohnya.</p>",
            [
                ("Toko koperasi", "menjual sembako kepada anggota"),
                ("Simpan pinjam", "meminjamkan modal usaha"),
                ("Penjualan daring", "mengantar sayur pesanan lewat aplikasi"),
            ],
            {},
        ),
    ],
    3: [
        (
            "Persamaan akuntansi",
            "single",
            "<p>Persamaan dasar akuntansi adalah …</p>",
            [
                ("Aset = Kewajiban + Ekuitas", True),
                ("Aset = Pendapatan − Beban", False),
                ("Kewajiban = Aset + Ekuitas", False),
                ("Ekuitas = Aset + Kewajiban", False),
            ],
            {},
        ),
        (
            "Simpanan pokok di bagan akun",
            "single",
            "<p>Dalam bagan akun Sinau, Simpanan Pokok termasuk kelompok …</p>",
            [("Ekuitas", True), ("Kewajiban", False), ("Aset", False), ("Pendapatan", False)],
            {"explanation": "<p>UU 25/1992 Pasal 41: simpanan pokok dan wajib adalah modal sendiri.</p>"},
        ),
        (
            "Jurnal setoran simpanan",
            "journal",
            "<p>Ani, anggota baru, menyetor simpanan pokok Rp 100.000 dan simpanan wajib Rp 25.000 secara tunai. "
            "Catat jurnalnya.</p>",
            [("1101", "D", "125.000"), ("3101", "C", "100.000"), ("3102", "C", "25.000")],
            {"points": "2"},
        ),
        (
            "Jurnal pinjaman anggota",
            "journal",
            "<p>Koperasi meminjamkan Rp 2.000.000 tunai kepada Budi, anggota. Catat jurnalnya.</p>",
            [("1107", "D", "2.000.000"), ("1101", "C", "2.000.000")],
            {
                "points": "2",
                "explanation": "<p>Pinjaman uang kepada anggota dicatat di <strong>Pinjaman Anggota</strong> (1107), "
                "terpisah dari Piutang Usaha Anggota (1103) yang dipakai untuk penjualan kredit toko.</p>",
            },
        ),
        (
            "Jurnal penjualan kepada anggota",
            "journal",
            "<p>Toko menjual barang tunai kepada anggota seharga Rp 300.000 (partisipasi bruto anggota). Catat jurnal "
            "penjualannya saja.</p>",
            [("1101", "D", "300.000"), ("4101", "C", "300.000")],
            {"points": "2", "grading": "net"},
        ),
        (
            "Jurnal dari latihan",
            "journal_exercise",
            "<p>Catat transaksi nomor 1 dari latihan “Setoran simpanan anggota baru”.</p>",
            {"exercise": "setoran-simpanan-anggota", "transaction_number": 1},
            {"points": "2"},
        ),
        (
            "SHU per anggota",
            "shu",
            "<p>SHU dari anggota tahun ini (bagian anggota dari SHU setelah pajak) Rp 60.000.000, dibagi menurut "
            "AD/ART seperti tabel. Hitung SHU tiap anggota.</p>",
            {
                "shu_amount": "60.000.000",
                # As in the day-3 lesson: jasa modal Rp 9 juta on Rp 240 juta of simpanan (3,75% a year).
                "components": [
                    ("cadangan", "40"),
                    ("jasa_usaha", "30"),
                    ("jasa_modal", "15"),
                    ("pengurus", "5"),
                    ("karyawan", "5"),
                    ("pendidikan", "2,5"),
                    ("sosial", "2,5"),
                ],
                "members": [
                    ("A001", "Siti", "2.400.000", "18.000.000"),
                    ("A002", "Budi", "9.600.000", "72.000.000"),
                    ("A003", "Dewi", "228.000.000", "1.710.000.000"),
                ],
            },
            {"points": "3"},
        ),
        (
            "Neraca saldo seimbang",
            "truefalse",
            "<p>Neraca saldo yang seimbang menjamin tidak ada kesalahan pencatatan sama sekali.</p>",
            False,
            {"explanation": "<p>Salah akun atau lupa mencatat tetap bisa seimbang.</p>"},
        ),
        (
            "Nama neraca di SAK EP",
            "shorttext",
            "<p>Menurut SAK EP, neraca disebut Laporan … Keuangan.</p>",
            ["Posisi"],
            {},
        ),
        (
            "Akun bersaldo normal debit",
            "multiple",
            "<p>Manakah akun yang saldo normalnya di debit? Pilih semua yang benar.</p>",
            [("Kas", True), ("Beban Gaji", True), ("Simpanan Wajib", False), ("Utang Usaha", False)],
            {},
        ),
    ],
    4: [
        (
            "Pemisahan tugas",
            "single",
            "<p>Contoh pemisahan tugas yang baik di koperasi adalah …</p>",
            [
                ("kasir menerima uang, orang lain mencatat dan mencocokkan", True),
                ("satu orang menerima, mencatat, dan menyimpan uang", False),
                ("pengawas ikut menjadi kasir", False),
                ("ketua menyimpan semua bukti di rumah", False),
            ],
            {},
        ),
        (
            "Koreksi jurnal yang sudah diposting",
            "truefalse",
            "<p>Jurnal yang sudah diposting boleh dihapus lalu diketik ulang bila salah.</p>",
            False,
            {"explanation": "<p>Koreksi dengan jurnal pembalik agar jejak audit tetap utuh.</p>"},
        ),
        (
            "Rekonsiliasi kas",
            "single",
            "<p>Mencocokkan saldo kas di buku dengan uang fisik dan rekening bank disebut …</p>",
            [("rekonsiliasi", True), ("restrukturisasi", False), ("reklasifikasi", False), ("registrasi", False)],
            {},
        ),
        (
            "Data pribadi anggota",
            "multiple",
            "<p>Manakah cara melindungi data pribadi anggota? Pilih semua yang benar.</p>",
            [
                ("membatasi siapa yang boleh membuka data", True),
                ("meminta persetujuan sebelum data dipakai", True),
                ("membagikan nomor KTP di grup WhatsApp", False),
                ("menyimpan sandi di kertas di meja kasir", False),
            ],
            {},
        ),
        (
            "Mlijo online",
            "single",
            "<p>Pada koperasi mlijo online, pesanan sayur anggota sebaiknya dicatat …</p>",
            [
                ("per transaksi dengan nama anggota, agar jasa usahanya terhitung", True),
                ("sebagai total harian saja", False),
                ("hanya di chat WhatsApp", False),
                ("tidak perlu dicatat", False),
            ],
            {},
        ),
        (
            "Jejak audit",
            "shorttext",
            "<p>Catatan siapa mengubah apa dan kapan dalam sistem disebut jejak …</p>",
            ["audit"],
            {},
        ),
        (
            "Pelaporan RAT ke Dinas",
            "truefalse",
            "<p>Koperasi melaporkan hasil RAT dan laporan keuangannya kepada Dinas.</p>",
            True,
            {},
        ),
        (
            "Kendali dan risikonya",
            "matching",
            "<p>Jodohkan pengendalian dengan risiko yang dicegahnya.</p>",
            [
                ("Pemisahan tugas", "kasir menggelapkan uang"),
                ("Kata sandi pribadi", "orang lain masuk ke sistem"),
                ("Stok opname bulanan", "barang hilang tidak ketahuan"),
            ],
            {"distractors": ["harga naik di pasar"]},
        ),
        (
            "Cadangan data",
            "numeric",
            "<p>Aturan 3-2-1: simpan paling sedikit berapa salinan data koperasi?</p>",
            {"answer": "3", "unit": "none"},
            {},
        ),
        (
            "Tanda kecurangan",
            "multiple",
            "<p>Manakah tanda kemungkinan kecurangan? Pilih semua yang benar.</p>",
            [
                ("bukti kas sering hilang", True),
                ("satu petugas menolak cuti dan menolak diganti", True),
                ("laporan bulanan tepat waktu", False),
                ("selisih kas dijelaskan dan dicatat", False),
            ],
            {},
        ),
    ],
}

# Pre-test and post-test: the same twelve questions (three per day), so the gain compares like with like.
PRE_POST = [
    "Organ tertinggi koperasi",
    "Jumlah pendiri koperasi primer",
    "Organ dan tugasnya",
    "Titik impas toko",
    "Pengesahan RAPB",
    "Restrukturisasi kredit",
    "Persamaan akuntansi",
    "Jurnal setoran simpanan",
    "SHU per anggota",
    "Pemisahan tugas",
    "Koreksi jurnal yang sudah diposting",
    "Data pribadi anggota",
]
