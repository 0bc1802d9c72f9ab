"""Instructor-only plans for each training day: two instructors, 31 trainees, 08.00–15.30.

Shown at /kursus/angkatan/<cohort>/fasilitasi/<day>/ to the cohort's instructors, officers and
admins only (courses.manage_cohort); trainees never see them and they count in no progress figure.
Each day: `schedule` rows (start, end, activity, who leads: "A" the main instructor, "B" the second,
"A+B" both), then HTML (p, b, ul, ol, li only) for group work, pairing at the ledger and the paper
fallback when the connection fails.
"""

GROUPS_31 = (
    "<p>31 peserta dibagi menjadi <b>enam kelompok</b>: lima kelompok berlima dan satu kelompok berenam. "
    "Campur peserta dari koperasi yang berbeda; peserta dari koperasi yang sama duduk di kelompok berbeda "
    "agar mereka bertukar pengalaman.</p>"
)

PAPER = (
    "<p>Bila internet atau listrik putus lebih dari 10 menit, pindah ke <b>paket kertas</b> yang dicetak "
    "sehari sebelumnya: ringkasan pelajaran hari ini, lembar kerja, dan daftar hadir kertas. Narasumber B "
    "mencatat kehadiran di daftar kertas lalu memasukkannya ke Sinau (Catat kehadiran) setelah koneksi "
    "pulih, pada hari yang sama. Pekerjaan peserta di kertas difoto dan disimpan per kelompok.</p>"
)

FACILITATION = {
    1: {
        "title": "Hari 1 — Perkoperasian dan tata kelola",
        "intro": "<p>Tujuan hari ini: peserta dapat menyebut dasar hukum koperasi dengan pasalnya, membedakan "
        "tugas Rapat Anggota, Pengurus, dan Pengawas, serta menyusun daftar persiapan RAT koperasinya.</p>",
        "schedule": [
            ("08.00", "08.30", "Registrasi, presensi dengan kode, pembagian kelompok", "B"),
            ("08.30", "09.15", "Pembukaan dan jati diri koperasi; tiga pertanyaan uji prinsip", "A"),
            ("09.15", "10.15", "Dasar hukum: peserta mencari pasal di salinan UU yang dibagikan", "A+B"),
            ("10.15", "10.30", "Istirahat", ""),
            ("10.30", "11.45", "Perangkat organisasi: bermain peran RAT per kelompok", "A+B"),
            ("11.45", "12.45", "Istirahat, salat, makan", ""),
            ("12.45", "14.00", "AD/ART dan keanggotaan: membaca AD/ART contoh, mencari simpanan pokok", "A"),
            ("14.00", "15.00", "Persiapan RAT dan pendirian: daftar periksa per koperasi peserta", "B"),
            ("15.00", "15.30", "Kuis harian di Sinau, refleksi, penutup", "A+B"),
        ],
        "group_work": GROUPS_31
        + "<p>Bermain peran RAT: setiap kelompok memilih pimpinan rapat, pengurus yang membacakan laporan, "
        "pengawas, dan anggota yang bertanya. Narasumber A mengamati kelompok 1–3, Narasumber B kelompok "
        "4–6, lalu masing-masing memberi satu catatan.</p>",
        "ledger_pairs": "<p>Hari ini belum memakai buku latihan. Pastikan setiap peserta sudah bisa masuk ke "
        "Sinau dari ponselnya sebelum pulang; yang gagal dibantu Narasumber B saat istirahat.</p>",
        "paper": PAPER,
    },
    2: {
        "title": "Hari 2 — Manajemen usaha koperasi",
        "intro": "<p>Tujuan hari ini: peserta menghitung titik impas unit usahanya, memahami risiko simpan "
        "pinjam, dan merancang layanan anggota, termasuk untuk koperasi produsen.</p>",
        "schedule": [
            ("08.00", "08.30", "Presensi dengan kode, ulasan singkat Hari 1", "B"),
            ("08.30", "09.45", "Perencanaan usaha: titik impas toko dengan angka kelompok", "A"),
            ("09.45", "10.00", "Istirahat", ""),
            ("10.00", "11.00", "Operasional toko: simulasi stok opname dengan kartu stok", "A+B"),
            ("11.00", "12.00", "Simpan pinjam dan risikonya: menghitung angsuran dan tunggakan", "A"),
            ("12.00", "13.00", "Istirahat, salat, makan", ""),
            ("13.00", "14.00", "Koperasi produsen dan pemasaran: kelompok menyusun standar mutu", "B"),
            ("14.00", "15.00", "Pemasaran, layanan anggota, dan pemulihan kredit: studi kasus", "A+B"),
            ("15.00", "15.30", "Kuis kasus di Sinau, penutup", "A+B"),
        ],
        "group_work": GROUPS_31
        + "<p>Setiap kelompok memakai satu unit usaha nyata dari anggotanya. Kelompok menulis angka di kertas "
        "plano: penjualan, margin, biaya tetap, titik impas; dua kelompok mempresentasikan, yang lain "
        "bertanya.</p>",
        "ledger_pairs": "<p>Belum memakai buku latihan. Narasumber B menyiapkan buku latihan kosong untuk setiap "
        "pasangan Hari 3 dan memeriksa bahwa latihan Hari 3 sudah terbit.</p>",
        "paper": PAPER,
    },
    3: {
        "title": "Hari 3 — Pembukuan dan laporan keuangan koperasi",
        "intro": "<p>Tujuan hari ini: peserta mencatat jurnal berpasangan di buku latihan, menyusun neraca saldo "
        "dan laporan keuangan, lalu menghitung SHU setelah pajak dan bagian setiap anggota.</p>",
        "schedule": [
            ("08.00", "08.30", "Presensi, pembagian pasangan buku latihan", "B"),
            ("08.30", "09.30", "Persamaan akuntansi dan bagan akun: kartu akun per kelompok", "A"),
            ("09.30", "10.30", "Latihan: setoran simpanan, pinjaman dan angsuran (berpasangan)", "A+B"),
            ("10.30", "10.45", "Istirahat", ""),
            ("10.45", "12.00", "Latihan: penjualan toko kepada anggota dan nonanggota", "A+B"),
            ("12.00", "13.00", "Istirahat, salat, makan", ""),
            ("13.00", "14.00", "Neraca saldo, pajak, dan laporan keuangan SAK EP", "A"),
            ("14.00", "15.00", "Latihan: tutup buku dan SHU; halaman SHU di Sinau", "A+B"),
            ("15.00", "15.30", "Pembahasan kesalahan yang paling sering, penutup", "A"),
        ],
        "group_work": GROUPS_31
        + "<p>Kartu akun: setiap kelompok menerima kartu bertuliskan akun dan harus menyusunnya ke lima "
        "kelompok akun dengan sisi normalnya, sebelum masuk ke buku latihan.</p>",
        "ledger_pairs": "<p><b>15 pasangan dan satu bertiga.</b> Satu orang "
        "mengetik jurnal, pasangannya membaca bukti transaksi dan memeriksa sisi debit dan kredit; bergantian "
        "setiap transaksi. Pasangkan peserta yang sudah biasa membukukan dengan yang belum. Narasumber A "
        "menjelaskan di depan, Narasumber B berkeliling dan membuka halaman penilaian pasangan yang "
        "tertinggal. Ingatkan: baris di sisi yang salah mendapat nilai paling kecil, jadi periksa sisinya "
        "dulu.</p>",
        "paper": PAPER
        + "<p>Untuk buku latihan, paket kertas berisi formulir jurnal kosong dan kunci jawaban yang hanya "
        "dipegang narasumber. Pasangan mengerjakan di formulir; setelah koneksi pulih, mereka memasukkannya ke "
        "buku latihan agar dinilai.</p>",
    },
    4: {
        "title": "Hari 4 — Transformasi digital dan pengendalian internal",
        "intro": "<p>Tujuan hari ini: peserta merencanakan digitalisasi data anggota, menyusun pengendalian kas "
        "dan daftar periksa pengawas, memahami registrasi dan pelaporan, lalu menyelesaikan kuis akhir.</p>",
        "schedule": [
            ("08.00", "08.30", "Presensi dengan kode (sesi terakhir), ulasan Hari 3", "B"),
            ("08.30", "09.30", "Digitalisasi data anggota dan kasus mlijo online", "A"),
            ("09.30", "10.30", "Pengendalian internal, tata kelola, hitung kas mendadak (simulasi)", "A+B"),
            ("10.30", "10.45", "Istirahat", ""),
            ("10.45", "11.45", "Pelindungan data pribadi; registrasi dan pelaporan (AHU, ODS, OSS)", "B"),
            ("11.45", "12.45", "Istirahat, salat, makan", ""),
            ("12.45", "13.45", "Pelaporan kepada Dinas: lembar kendali legalitas per koperasi", "A"),
            ("13.45", "14.45", "Kuis akhir di Sinau", "A+B"),
            ("14.45", "15.30", "Kelulusan, sertifikat, evaluasi pelatihan, penutup", "A+B"),
        ],
        "group_work": GROUPS_31
        + "<p>Simulasi hitung kas mendadak: satu anggota kelompok menjadi kasir dengan amplop uang mainan dan "
        "buku kas yang berselisih; yang lain menjadi pengawas dan harus menemukan selisihnya dengan daftar "
        "periksa.</p>",
        "ledger_pairs": "<p>Kuis akhir dikerjakan sendiri-sendiri. Narasumber B memeriksa di halaman angkatan "
        "siapa yang belum memenuhi syarat kelulusan (kehadiran, materi, kuis) dan membantu mereka sebelum "
        "penutupan.</p>",
        "paper": PAPER
        + "<p>Bila kuis akhir tidak bisa dibuka, tunda ke sesi daring yang dijadwalkan narasumber dalam tiga "
        "hari; jangan memakai kuis kertas untuk nilai kelulusan.</p>",
    },
}
