"""Day 3 of the curriculum: bookkeeping with the shared chart of accounts, statements and SHU."""

from .blocks import h, journal, line, p, term, tip, warn

LESSON_DOUBLE_ENTRY = {
    "slug": "persamaan-akuntansi-dan-pencatatan-berpasangan",
    "title": "Persamaan akuntansi dan pencatatan berpasangan",
    "summary": "Setiap transaksi koperasi dicatat di dua sisi, debit dan kredit, sehingga persamaan aset sama dengan kewajiban ditambah ekuitas selalu terjaga.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Persamaan dasar"),
        p(
            "<p>Seluruh pembukuan koperasi bertumpu pada satu persamaan:</p>"
            "<p><b>Aset = Kewajiban + Ekuitas</b></p>"
            "<p><b>Aset</b> adalah apa yang dimiliki koperasi: kas, saldo bank, piutang, persediaan barang, dan "
            "peralatan. <b>Kewajiban</b> adalah apa yang harus dibayar kepada pihak lain, misalnya simpanan "
            "sukarela anggota dan utang kepada pemasok. <b>Ekuitas</b> adalah modal sendiri, antara lain simpanan "
            "pokok, simpanan wajib, cadangan, dan SHU tahun berjalan.</p>"
            "<p>Pendapatan menambah ekuitas, beban menguranginya. Selisih keduanya dalam setahun adalah SHU.</p>"
        ),
        h("Debit dan kredit"),
        p(
            "<p>Setiap transaksi mengubah paling sedikit dua akun. Pencatatan berpasangan menuliskan perubahan itu "
            "di sisi <b>debit</b> (kiri) dan <b>kredit</b> (kanan) dengan jumlah yang sama.</p>"
            "<ul>"
            "<li>Aset dan beban bertambah di debit, berkurang di kredit.</li>"
            "<li>Kewajiban, ekuitas, dan pendapatan bertambah di kredit, berkurang di debit.</li>"
            "</ul>"
            "<p>Contoh: Koperasi Konsumen Maju Bersama baru berdiri. Dua puluh anggota membayar simpanan pokok "
            "Rp 100.000 dan simpanan wajib bulan pertama Rp 50.000 secara tunai. Kas bertambah Rp 3.000.000 "
            "(aset, debit), simpanan pokok Rp 2.000.000 dan simpanan wajib Rp 1.000.000 (ekuitas, kredit).</p>"
        ),
        journal(
            "Dua puluh anggota pendiri membayar simpanan pokok dan wajib",
            line("1101", "Kas", "3000000", "0", "Setoran 20 anggota"),
            line("3101", "Simpanan Pokok", "0", "2000000", "20 × Rp 100.000"),
            line("3102", "Simpanan Wajib", "0", "1000000", "20 × Rp 50.000"),
        ),
        p(
            "<p>Persamaannya: aset Rp 3.000.000 = kewajiban Rp 0 + ekuitas Rp 3.000.000. Lalu koperasi membeli "
            "barang dagangan Rp 1.500.000 secara kredit dari pemasok. Persediaan bertambah (debit), utang usaha "
            "bertambah (kredit). Sekarang aset Rp 4.500.000 = kewajiban Rp 1.500.000 + ekuitas Rp 3.000.000. "
            "Persamaan tetap seimbang.</p>"
        ),
        journal(
            "Membeli persediaan secara kredit dari pemasok",
            line("1105", "Persediaan Barang Dagangan", "1500000", "0", "Stok awal toko dari pemasok"),
            line("2102", "Utang Usaha", "0", "1500000", "Jatuh tempo 30 hari"),
        ),
        h("Aturan yang dijaga Sinau"),
        p(
            "<p>Buku latihan di Sinau menolak jurnal yang jumlah debitnya tidak sama dengan jumlah kreditnya, baris "
            "yang berisi debit dan kredit sekaligus, serta baris yang memakai akun induk (akun judul) yang tidak "
            "dapat diposting. Aturan yang sama berlaku dalam pembukuan koperasi Anda sendiri.</p>"
        ),
        tip(
            "<p>Sebelum menulis jurnal, tanyakan dua hal: akun apa saja yang berubah, dan apakah masing-masing "
            "bertambah atau berkurang? Jawaban itu langsung menunjukkan sisi debit dan kreditnya.</p>"
        ),
        term(
            "Jurnal",
            "<p>Catatan satu transaksi berdasarkan bukti, berisi tanggal, keterangan, akun-akun yang didebit dan "
            "dikredit, serta jumlahnya. Jumlah debit selalu sama dengan jumlah kredit.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Aset = Kewajiban + Ekuitas, setiap saat.</li>"
            "<li>Aset dan beban bertambah di debit; kewajiban, ekuitas, dan pendapatan bertambah di kredit.</li>"
            "<li>Setiap jurnal seimbang: jumlah debit sama dengan jumlah kredit.</li>"
            "<li>Setiap jurnal harus didukung bukti transaksi.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Ambil satu transaksi koperasi Anda kemarin. Akun apa yang bertambah, "
            "akun apa yang berkurang, dan bagaimana jurnalnya?</p>"
        ),
    ],
}

LESSON_CHART = {
    "slug": "bagan-akun-koperasi",
    "title": "Bagan akun koperasi",
    "summary": "Bagan akun adalah daftar akun bernomor yang dipakai semua transaksi; kenali kelompoknya dan akun-akun khas koperasi.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Lima kelompok akun"),
        p(
            "<p>Bagan akun di Sinau memakai kode empat angka. Angka pertama menunjukkan kelompoknya:</p>"
            "<ul>"
            "<li><b>1 — Aset</b>: 1101 Kas, 1109 Kas Kecil, 1102 Bank, 1103 Piutang Usaha Anggota (bon belanja), "
            "1107 Pinjaman Anggota, 1108 Penyisihan Pinjaman Tak Tertagih, 1104 Piutang Non-Anggota, 1105 "
            "Persediaan Barang Dagangan, 1106 Perlengkapan, 1110 Biaya Dibayar di Muka, 1203 Penyertaan pada "
            "Koperasi Sekunder, 1201 Aset Tetap, 1202 Akumulasi Penyusutan Aset Tetap.</li>"
            "<li><b>2 — Kewajiban</b>: 2101 Simpanan Sukarela, 2108 Simpanan Berjangka, 2102 Utang Usaha, 2109 "
            "Utang Pajak, 2111 Bagian Lancar Utang Bank, 2103 Utang SHU Anggota, 2104 Dana Pengurus, 2105 Dana "
            "Karyawan, 2106 Dana Pendidikan, 2107 Dana Sosial, 2110 Dana Pembangunan Daerah Kerja, 2201 Utang "
            "Bank.</li>"
            "<li><b>3 — Ekuitas</b>: 3101 Simpanan Pokok, 3102 Simpanan Wajib, 3103 Modal Penyertaan, 3104 "
            "Hibah/Donasi, 3105 Cadangan, 3106 SHU Tahun Berjalan, 3107 SHU Tahun Lalu, 3108 SHU Belum "
            "Dibagi.</li>"
            "<li><b>4 — Pendapatan</b>: 4101 Partisipasi Bruto Anggota, 4103 Pendapatan Jasa Pinjaman, 4102 "
            "Penjualan Non-Anggota, 4104 Pendapatan Lain-lain, 4105 Pendapatan Administrasi, 4106 Pendapatan Jasa "
            "Antar, 4107 Pendapatan Bunga Bank.</li>"
            "<li><b>5 — Beban</b>: 5101 Beban Pokok Penjualan Anggota, 5108 Beban Pokok Penjualan Non-Anggota, "
            "5102 Beban Gaji, 5113 Beban Upah Antar, 5103 Beban Sewa, 5104 Beban Listrik &amp; Air, 5111 Beban "
            "Perlengkapan, 5112 Beban Transportasi, 5105 Beban Penyusutan, 5106 Beban Perkoperasian (RAT, "
            "Pendidikan), 5107 Beban Bunga, 5109 Beban Jasa Simpanan, 5110 Beban Penyisihan Pinjaman Tak Tertagih, "
            "5114 Beban Selisih Persediaan, 5201 Beban Pajak.</li>"
            "</ul>"
            "<p>Kode seperti 1000, 1100, atau 2100 adalah <b>akun induk</b> (judul kelompok). Akun induk hanya "
            "menjumlahkan; jurnal selalu memakai akun di bawahnya. Dalam latihan, yang dinilai adalah kodenya, "
            "bukan nama yang diketik.</p>"
        ),
        h("Akun-akun khas koperasi"),
        p(
            "<p><b>Simpanan pokok dan simpanan wajib</b> dicatat sebagai ekuitas di Sinau, mengikuti UU No. 25/1992 "
            "Pasal 41 yang menyebut keduanya sebagai modal sendiri koperasi. Perlu Anda ketahui: sebagian praktik "
            "akuntansi mencatatnya sebagai kewajiban, dengan alasan simpanan itu dikembalikan saat anggota keluar. "
            "Ikuti kebijakan akuntansi koperasi Anda dan jelaskan pilihannya dalam catatan atas laporan keuangan.</p>"
            "<p><b>Simpanan sukarela</b> selalu kewajiban, karena anggota dapat menariknya. <b>Dana pengurus, "
            "karyawan, pendidikan, dan sosial</b> juga kewajiban: bagian SHU yang sudah ditetapkan RAT tetapi belum "
            "dipakai.</p>"
            "<p>Di sisi pendapatan, transaksi anggota dicatat di <b>Partisipasi Bruto Anggota</b> dan <b>Pendapatan "
            "Jasa Pinjaman</b> atas nama anggotanya, terpisah dari <b>Penjualan Non-Anggota</b>. Harga pokoknya juga "
            "dipisah: 5101 untuk barang yang dibeli anggota, 5108 untuk nonanggota. Dengan begitu laporan "
            "menunjukkan <b>partisipasi neto anggota</b> (partisipasi bruto dikurangi harga pokoknya) terpisah dari "
            "laba kotor nonanggota, dasar untuk menghitung SHU bagian anggota. Akun 1108 adalah akun lawan aset: "
            "saldonya di kredit dan mengurangi pinjaman anggota di neraca.</p>"
        ),
        warn(
            '<p>Jangan membuat akun baru sembarangan, misalnya "Kas Bu Ani" atau "Lain-lain 2". Akun yang '
            "bertambah tanpa aturan membuat laporan sulit dibaca dan sulit diperiksa. Perubahan bagan akun "
            "diputuskan pengurus dan dicatat.</p>"
        ),
        h("Contoh: tahun pendirian"),
        p(
            "<p>Koperasi Mlijo Online Sayur Segar menerima pinjaman bank Rp 50.000.000 untuk membeli kendaraan "
            "pengantaran, dan hibah satu unit lemari pendingin senilai Rp 15.000.000 dari mitra usaha.</p>"
        ),
        journal(
            "Pinjaman bank masuk ke rekening koperasi",
            line("1102", "Bank", "50000000", "0", "Pencairan pinjaman bank"),
            line("2201", "Utang Bank", "0", "50000000", "Tenor 3 tahun"),
        ),
        journal(
            "Menerima hibah lemari pendingin",
            line("1201", "Aset Tetap", "15000000", "0", "Lemari pendingin sayur"),
            line("3104", "Hibah/Donasi", "0", "15000000", "Hibah dari mitra usaha"),
        ),
        tip(
            "<p>Cetak bagan akun satu halaman dan tempel di meja bendahara. Kode akun yang selalu terlihat "
            "mengurangi salah posting.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Kode akun: 1 aset, 2 kewajiban, 3 ekuitas, 4 pendapatan, 5 beban.</li>"
            "<li>Akun induk tidak dipakai dalam jurnal.</li>"
            "<li>Di Sinau, simpanan pokok dan wajib adalah ekuitas (UU No. 25/1992 Pasal 41); sebagian praktik "
            "mencatatnya sebagai kewajiban.</li>"
            "<li>Pendapatan dan harga pokok dari anggota dan nonanggota dicatat di akun yang berbeda.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Apakah bagan akun koperasi Anda sudah memisahkan pendapatan dari anggota "
            "dan nonanggota? Jika belum, akun apa yang perlu ditambahkan?</p>"
        ),
    ],
}

LESSON_MEMBER_ACCOUNTS = {
    "slug": "mencatat-simpanan-dan-pinjaman-anggota",
    "title": "Mencatat simpanan dan pinjaman anggota",
    "summary": "Jurnal untuk simpanan anggota, pencairan pinjaman, angsuran, dan anggota yang keluar, lengkap dengan buku pembantu per anggota.",
    "minutes": 9,
    "required": True,
    "body": [
        h("Simpanan anggota"),
        p(
            "<p>Setiap simpanan dicatat di dua tempat: di <b>jurnal</b> dengan akun simpanannya, dan di <b>buku "
            "pembantu</b> atas nama anggota. Buku pembantu menunjukkan saldo simpanan setiap anggota, yang nanti "
            "dipakai untuk menghitung jasa modal dalam SHU.</p>"
            "<ul>"
            "<li>Simpanan pokok: kredit 3101 Simpanan Pokok.</li>"
            "<li>Simpanan wajib: kredit 3102 Simpanan Wajib.</li>"
            "<li>Simpanan sukarela: kredit 2101 Simpanan Sukarela; saat ditarik, akun ini didebit.</li>"
            "</ul>"
            "<p>Bila anggota membayar lewat transfer atau QRIS, yang didebit adalah 1102 Bank, bukan 1101 Kas.</p>"
        ),
        h("Pinjaman dan angsuran"),
        p(
            "<p>Layanan simpan pinjam koperasi hanya untuk anggota (UU No. 4/2023; Permenkop UKM No. 8/2023). Bu "
            "Wati, anggota, meminjam Rp 5.000.000 untuk 10 bulan dengan jasa flat 1% per bulan. Saat pinjaman cair, "
            "akun 1107 Pinjaman Anggota bertambah dan kas berkurang. Akun 1103 Piutang Usaha Anggota dipakai untuk "
            "bon belanja di toko, bukan untuk pinjaman uang.</p>"
        ),
        journal(
            "Pencairan pinjaman Bu Wati",
            line("1107", "Pinjaman Anggota", "5000000", "0", "Pinjaman Bu Wati, 10 bulan"),
            line("1101", "Kas", "0", "5000000", "Pencairan tunai"),
        ),
        p(
            "<p>Setiap angsuran Rp 550.000 terdiri atas pokok Rp 500.000 yang mengurangi pinjaman, dan jasa "
            "Rp 50.000 yang menjadi pendapatan. Baris jasa pinjaman mencatat nama anggotanya, karena jasa usaha "
            "dalam SHU menghitung seluruh transaksi anggota, termasuk jasa pinjaman yang ia bayar.</p>"
        ),
        journal(
            "Angsuran bulanan Bu Wati lewat QRIS",
            line("1102", "Bank", "550000", "0", "Angsuran ke-2 via QRIS"),
            line("1107", "Pinjaman Anggota", "0", "500000", "Pokok, Bu Wati"),
            line("4103", "Pendapatan Jasa Pinjaman", "0", "50000", "Jasa 1%, atas nama Bu Wati"),
        ),
        tip(
            "<p>Setiap akhir bulan, jumlahkan saldo semua anggota di buku pembantu piutang. Hasilnya harus sama "
            "dengan saldo akun 1107 Pinjaman Anggota di buku besar. Lakukan hal yang sama untuk setiap jenis "
            "simpanan.</p>"
        ),
        h("Anggota yang keluar"),
        p(
            "<p>Ingat Pak Darto dari Hari 1: simpanan pokok Rp 100.000, simpanan wajib Rp 900.000, dan sisa "
            "pinjaman Rp 400.000. Simpanannya diperhitungkan dengan sisa pinjaman, lalu sisanya Rp 600.000 "
            "dibayarkan tunai. Dalam satu jurnal:</p>"
        ),
        journal(
            "Pak Darto keluar; simpanan diperhitungkan dengan sisa pinjaman",
            line("3101", "Simpanan Pokok", "100000", "0", "Pengembalian simpanan pokok"),
            line("3102", "Simpanan Wajib", "900000", "0", "Pengembalian simpanan wajib"),
            line("1107", "Pinjaman Anggota", "0", "400000", "Pelunasan sisa pinjaman"),
            line("1101", "Kas", "0", "600000", "Dibayar tunai, kuitansi bertanda tangan"),
        ),
        warn(
            "<p>Jangan mencatat pinjaman anggota di akun beban atau mencampurnya dengan simpanan. Pinjaman adalah "
            "aset sampai lunas; simpanan adalah ekuitas atau kewajiban. Salah akun membuat SHU dan neraca "
            "keliru.</p>"
        ),
        term(
            "Buku pembantu",
            "<p>Rincian saldo per anggota untuk akun tertentu, misalnya simpanan wajib atau piutang anggota. "
            "Jumlah seluruh buku pembantu harus sama dengan saldo akun induknya di buku besar.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Simpanan pokok dan wajib dikredit ke ekuitas; simpanan sukarela ke kewajiban.</li>"
            "<li>Pencairan pinjaman: debit 1107 Pinjaman Anggota, kredit Kas atau Bank; hanya untuk anggota.</li>"
            "<li>Angsuran memisahkan pokok (mengurangi pinjaman) dan jasa (pendapatan atas nama anggota).</li>"
            "<li>Buku pembantu per anggota harus cocok dengan buku besar setiap bulan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Kapan terakhir kali koperasi Anda mencocokkan jumlah buku pembantu "
            "piutang dengan saldo buku besar, dan berapa selisihnya?</p>"
        ),
    ],
}

LESSON_RETAIL_SALES = {
    "slug": "mencatat-penjualan-toko",
    "title": "Mencatat penjualan toko koperasi",
    "summary": "Jurnal pembelian dan penjualan barang, penjualan kepada anggota dan nonanggota, serta beban pokok penjualannya.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Dua sisi setiap penjualan"),
        p(
            "<p>Di Sinau, toko koperasi mencatat persediaan secara terus-menerus. Setiap penjualan menghasilkan dua "
            "pasang catatan:</p>"
            "<ol>"
            "<li><b>Pendapatan</b>: kas, bank, atau piutang bertambah; pendapatan bertambah.</li>"
            "<li><b>Harga pokok</b>: beban pokok penjualan bertambah; persediaan berkurang sebesar harga belinya.</li>"
            "</ol>"
            "<p>Akun pendapatan dan harga pokok tergantung pembelinya. Penjualan kepada anggota masuk 4101 "
            "Partisipasi Bruto Anggota atas nama anggota, harga pokoknya 5101 Beban Pokok Penjualan Anggota. "
            "Kepada nonanggota masuk 4102 Penjualan Non-Anggota, harga pokoknya 5108 Beban Pokok Penjualan "
            "Non-Anggota.</p>"
        ),
        h("Contoh di Toko Koperasi Sejahtera Bersama"),
        p(
            "<p>Bu Rina (anggota nomor 0127) membeli sembako Rp 250.000 secara tunai. Harga beli barang-barang itu "
            "Rp 200.000.</p>"
        ),
        journal(
            "Penjualan tunai kepada anggota",
            line("1101", "Kas", "250000", "0", "Nota 0457, anggota 0127"),
            line("4101", "Partisipasi Bruto Anggota", "0", "250000", "Belanja Bu Rina"),
            line("5101", "Beban Pokok Penjualan Anggota", "200000", "0", "Harga pokok nota 0457"),
            line("1105", "Persediaan Barang Dagangan", "0", "200000", "Barang keluar"),
        ),
        p(
            "<p>Seorang pembeli umum membayar Rp 150.000 dengan QRIS; harga pokoknya Rp 120.000. Uang masuk ke "
            "rekening bank, dan pendapatannya dicatat sebagai penjualan nonanggota.</p>"
        ),
        journal(
            "Penjualan kepada nonanggota dengan QRIS",
            line("1102", "Bank", "150000", "0", "Nota 0458, QRIS"),
            line("4102", "Penjualan Non-Anggota", "0", "150000", "Pembeli umum"),
            line("5108", "Beban Pokok Penjualan Non-Anggota", "120000", "0", "Harga pokok nota 0458"),
            line("1105", "Persediaan Barang Dagangan", "0", "120000", "Barang keluar"),
        ),
        tip(
            "<p>Bila anggota berbelanja dengan bon, debitnya 1103 Piutang Usaha Anggota, bukan Kas. Penjualannya tetap "
            "dicatat sebagai Partisipasi Bruto Anggota atas nama anggota tersebut.</p>"
        ),
        h("Pembelian dan selisih stok"),
        p(
            "<p>Saat toko membeli barang dari distributor, persediaan didebit; kreditnya Kas, Bank, atau Utang "
            "Usaha bila dibayar kemudian. Saat stok opname menemukan barang kurang, misalnya gula 4 kg senilai "
            "Rp 68.000, selisih yang sudah diselidiki dan disetujui pengurus dibebankan ke <b>5114 Beban Selisih "
            "Persediaan</b>, bukan disembunyikan di beban pokok penjualan. Akun tersendiri membuat kehilangan "
            "barang terlihat di laporan dan mudah dipantau pengawas. Lampirkan berita acara opname sebagai "
            "bukti.</p>"
        ),
        journal(
            "Selisih kurang stok opname yang disetujui pengurus",
            line("5114", "Beban Selisih Persediaan", "68000", "0", "Gula pasir 4 kg, berita acara opname"),
            line("1105", "Persediaan Barang Dagangan", "0", "68000", "Penyesuaian ke hasil hitung fisik"),
        ),
        warn(
            "<p>Penjualan kepada anggota yang dicatat sebagai penjualan nonanggota, atau sebaliknya, langsung "
            "mengubah bagian SHU setiap anggota. Pastikan kasir selalu mencatat nomor anggota.</p>"
        ),
        term(
            "Beban pokok penjualan",
            "<p>Harga beli barang yang sudah terjual. Selisih antara penjualan dan beban pokok penjualan adalah "
            "margin kotor toko, sumber untuk membayar gaji, listrik, sewa, dan akhirnya SHU.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Setiap penjualan dicatat dua kali: pendapatan dan harga pokoknya.</li>"
            "<li>Anggota: 4101 dan 5101; nonanggota: 4102 dan 5108.</li>"
            "<li>Pembayaran QRIS atau transfer masuk ke 1102 Bank.</li>"
            "<li>Selisih stok dibukukan di 5114 setelah diselidiki dan disetujui, dengan bukti berita acara.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Dari seluruh penjualan toko koperasi Anda bulan lalu, berapa bagian yang "
            "tercatat atas nama anggota, dan apakah angka itu masuk akal?</p>"
        ),
    ],
}

LESSON_STATEMENTS = {
    "slug": "neraca-saldo-dan-laporan-keuangan",
    "title": "Neraca saldo dan laporan keuangan (SAK EP)",
    "summary": "Dari neraca saldo ke jurnal penyesuaian, pajak, dan penutup, lalu ke laporan keuangan koperasi menurut SAK EP dengan SHU setelah pajak.",
    "minutes": 10,
    "required": True,
    "body": [
        h("Neraca saldo"),
        p(
            "<p>Neraca saldo adalah daftar saldo semua akun pada satu tanggal. Jumlah saldo debit harus sama dengan "
            "jumlah saldo kredit. Toko Koperasi Sejahtera Bersama dari Hari 2 menjalankan rencananya: penjualan "
            "naik menjadi rata-rata Rp 80.000.000 sebulan, Rp 960.000.000 setahun, 80% kepada anggota. Neraca "
            "saldonya per 31 Desember, sesudah penyesuaian:</p>"
            "<ul>"
            "<li>Debit: Kas Rp 8.500.000; Bank Rp 21.000.000; Piutang Usaha Anggota Rp 4.500.000; Persediaan Barang "
            "Dagangan Rp 60.000.000; Aset Tetap Rp 12.000.000; Beban Pokok Penjualan Anggota Rp 675.840.000; Beban "
            "Pokok Penjualan Non-Anggota Rp 168.960.000; Beban Gaji Rp 80.600.000 (dua karyawan Rp 3.100.000 "
            "sebulan ditambah THR); Beban Sewa Rp 12.000.000; Beban Listrik &amp; Air Rp 7.200.000; Beban "
            "Penyusutan Rp 2.400.000; Beban Pajak Rp 4.800.000. Jumlah Rp 1.057.800.000.</li>"
            "<li>Kredit: Akumulasi Penyusutan Aset Tetap Rp 2.400.000; Simpanan Sukarela Rp 6.000.000; Utang Usaha "
            "Rp 20.000.000; Utang Pajak Rp 400.000; Simpanan Pokok Rp 6.000.000 (60 anggota × Rp 100.000); "
            "Simpanan Wajib Rp 30.000.000; Modal Penyertaan Rp 18.000.000; Cadangan Rp 15.000.000; Partisipasi "
            "Bruto Anggota Rp 768.000.000; Penjualan Non-Anggota Rp 192.000.000. Jumlah Rp 1.057.800.000.</li>"
            "</ul>"
        ),
        h("Penyesuaian, pajak, dan penutupan"),
        p(
            "<p>Sebelum laporan disusun, catat penyesuaian, misalnya penyusutan. Rak dan mesin kasir senilai "
            "Rp 12.000.000 disusutkan selama 5 tahun, jadi Rp 2.400.000 setahun.</p>"
        ),
        journal(
            "Penyusutan aset tetap satu tahun",
            line("5105", "Beban Penyusutan", "2400000", "0", "Rp 12.000.000 : 5 tahun"),
            line("1202", "Akumulasi Penyusutan Aset Tetap", "0", "2400000", "Rak dan mesin kasir"),
        ),
        p(
            "<p>Koperasi ini masih dalam 4 tahun pajak pertamanya dan peredaran brutonya di bawah Rp 4,8 miliar, "
            "jadi ia membayar PPh final 0,5% dari peredaran bruto setiap bulan (PP No. 55/2022). Untuk Desember: "
            "0,5% × Rp 80.000.000 = Rp 400.000, disetor bulan berikutnya.</p>"
        ),
        journal(
            "PPh final 0,5% atas peredaran bruto Desember",
            line("5201", "Beban Pajak", "400000", "0", "0,5% × Rp 80.000.000 (PP 55/2022)"),
            line("2109", "Utang Pajak", "0", "400000", "Disetor paling lambat 15 Januari"),
        ),
        p(
            "<p>Lalu akun pendapatan dan beban ditutup ke SHU Tahun Berjalan. Pendapatan Rp 960.000.000 dikurangi "
            "beban sebelum pajak Rp 947.000.000 menghasilkan SHU sebelum pajak Rp 13.000.000; setelah Beban Pajak "
            "Rp 4.800.000, <b>SHU setelah pajak Rp 8.200.000</b>. Inilah SHU menurut Pasal 45 UU No. 25/1992.</p>"
        ),
        journal(
            "Jurnal penutup akhir tahun",
            line("4101", "Partisipasi Bruto Anggota", "768000000", "0", "Menutup pendapatan anggota"),
            line("4102", "Penjualan Non-Anggota", "192000000", "0", "Menutup pendapatan nonanggota"),
            line("5101", "Beban Pokok Penjualan Anggota", "0", "675840000", "Menutup beban"),
            line("5108", "Beban Pokok Penjualan Non-Anggota", "0", "168960000", "Menutup beban"),
            line("5102", "Beban Gaji", "0", "80600000", "Menutup beban"),
            line("5103", "Beban Sewa", "0", "12000000", "Menutup beban"),
            line("5104", "Beban Listrik & Air", "0", "7200000", "Menutup beban"),
            line("5105", "Beban Penyusutan", "0", "2400000", "Menutup beban"),
            line("5201", "Beban Pajak", "0", "4800000", "Menutup beban pajak"),
            line("3106", "SHU Tahun Berjalan", "0", "8200000", "SHU setelah pajak"),
        ),
        h("Laporan keuangan menurut SAK EP"),
        p(
            "<p>SAK EP berlaku sejak 1 Januari 2025 menggantikan SAK ETAP, dan Permenkop UKM No. 2/2024 menjadi "
            "acuan kebijakan akuntansi koperasi. Laporan lengkapnya:</p>"
            "<ol>"
            "<li><b>Laporan Posisi Keuangan</b> (dulu disebut neraca): aset Rp 103.600.000 = kewajiban "
            "Rp 26.400.000 + ekuitas Rp 77.200.000, termasuk SHU Tahun Berjalan Rp 8.200.000.</li>"
            "<li><b>Laporan Perhitungan Hasil Usaha</b>: partisipasi neto anggota Rp 92.160.000 (Rp 768.000.000 "
            "dikurangi harga pokoknya) terpisah dari laba kotor nonanggota Rp 23.040.000; beban usaha "
            "Rp 102.200.000; SHU sebelum pajak Rp 13.000.000; pajak Rp 4.800.000; SHU setelah pajak "
            "Rp 8.200.000. Bagian anggota: Rp 8.200.000 × 92.160.000 : 115.200.000 = Rp 6.560.000.</li>"
            "<li><b>Laporan Perubahan Ekuitas</b>.</li>"
            "<li><b>Laporan Arus Kas</b>.</li>"
            "<li><b>Catatan atas Laporan Keuangan</b>, termasuk kebijakan akuntansi untuk simpanan pokok dan "
            "wajib.</li>"
            "</ol>"
        ),
        warn(
            '<p>Bila neraca saldo tidak seimbang, jangan menambal selisihnya dengan akun "lain-lain". Telusuri '
            "jurnal satu per satu sampai kesalahannya ditemukan.</p>"
        ),
        tip(
            "<p>Susun neraca saldo setiap bulan, bukan hanya menjelang RAT. Kesalahan kecil lebih mudah ditemukan "
            "saat transaksinya masih segar dalam ingatan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Neraca saldo harus seimbang sebelum laporan disusun.</li>"
            "<li>Catat penyesuaian dan pajak, lalu tutup pendapatan dan beban ke SHU Tahun Berjalan.</li>"
            "<li>SHU menurut Pasal 45 adalah SHU setelah pajak.</li>"
            "<li>PHU memisahkan partisipasi neto anggota dari laba kotor nonanggota.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Laporan mana dari lima laporan di atas yang belum pernah disusun "
            "koperasi Anda, dan siapa yang akan menyiapkannya untuk RAT berikutnya?</p>"
        ),
    ],
}

LESSON_SHU = {
    "slug": "shu-dan-pembagian-per-anggota",
    "title": "SHU dan pembagiannya per anggota",
    "summary": "Dari SHU setelah pajak ke SHU bagian anggota, pembagiannya menurut AD/ART, dan bagian setiap anggota dengan pembulatan setengah ke atas ke Rp 1.",
    "minutes": 10,
    "required": True,
    "body": [
        h("Dari SHU setelah pajak ke bagian anggota"),
        p(
            "<p>Menurut UU No. 25/1992 Pasal 45, SHU adalah pendapatan satu tahun buku dikurangi biaya, penyusutan, "
            "dan kewajiban lain <b>termasuk pajak</b>. Cadangan disisihkan lebih dahulu, lalu sisanya dibagi sesuai "
            "AD/ART atau keputusan RAT. Hanya SHU yang berasal dari transaksi anggota yang dibagikan kembali "
            "kepada anggota; bagian dari nonanggota diperlakukan sesuai AD/ART dan keputusan RAT, misalnya "
            "seluruhnya masuk cadangan.</p>"
            "<p>Contoh: Koperasi Serba Usaha Karya Mandiri di Kelurahan Prajurit Kulon setahun menjual "
            "Rp 1.800.000.000 kepada anggota dan Rp 200.000.000 kepada nonanggota.</p>"
            "<ul>"
            "<li>Partisipasi neto anggota (penjualan kepada anggota dikurangi harga pokoknya) Rp 240.000.000.</li>"
            "<li>Laba kotor nonanggota Rp 40.000.000.</li>"
            "<li>Beban usaha Rp 200.000.000, jadi SHU sebelum pajak Rp 80.000.000.</li>"
            "<li>PPh final 0,5% × peredaran bruto Rp 2.000.000.000 = Rp 10.000.000 (PP No. 55/2022).</li>"
            "<li><b>SHU setelah pajak Rp 70.000.000.</b></li>"
            "<li>Bagian anggota = Rp 70.000.000 × 240.000.000 : (240.000.000 + 40.000.000) = "
            "<b>Rp 60.000.000</b>; bagian nonanggota Rp 10.000.000 masuk cadangan.</li>"
            "</ul>"
            "<p>AD/ART-nya membagi SHU bagian anggota Rp 60.000.000 sebagai berikut, jumlahnya tepat 100%:</p>"
            "<ul>"
            "<li>Cadangan 40% = Rp 24.000.000</li>"
            "<li>Jasa usaha anggota (JUA) 30% = Rp 18.000.000</li>"
            "<li>Jasa modal anggota (JMA) 15% = Rp 9.000.000</li>"
            "<li>Dana pengurus 5% = Rp 3.000.000</li>"
            "<li>Dana karyawan 5% = Rp 3.000.000</li>"
            "<li>Dana pendidikan 2,5% = Rp 1.500.000</li>"
            "<li>Dana sosial 2,5% = Rp 1.500.000</li>"
            "</ul>"
        ),
        warn(
            "<p>Jumlah persentase pembagian harus tepat 100%. Sinau menolak pembagian yang jumlahnya kurang atau "
            "lebih dari 100%. Jasa modal dibatasi: di sini Rp 9.000.000 atas simpanan Rp 240.000.000, yaitu 3,75% "
            "setahun, sesuai prinsip balas jasa yang terbatas atas modal.</p>"
        ),
        h("Bagian setiap anggota"),
        p(
            "<p>Rumusnya:</p>"
            "<p><b>SHU anggota = JMA × (simpanan anggota : total simpanan) + JUA × (transaksi anggota : total "
            "transaksi anggota)</b></p>"
            "<p>Transaksi anggota mencakup belanja dan jasa pinjaman yang ia bayar. Total simpanan pokok dan wajib "
            "seluruh anggota Rp 240.000.000, total transaksi anggota setahun Rp 1.800.000.000. Pak Joko punya "
            "simpanan Rp 2.400.000 dan transaksi Rp 18.000.000:</p>"
            "<ul>"
            "<li>Jasa modal: Rp 9.000.000 × 2.400.000 : 240.000.000 = Rp 90.000.</li>"
            "<li>Jasa usaha: Rp 18.000.000 × 18.000.000 : 1.800.000.000 = Rp 180.000.</li>"
            "<li>Jumlah SHU Pak Joko: Rp 270.000.</li>"
            "</ul>"
        ),
        h("Aturan pembulatan"),
        p(
            "<p>Di Sinau, <b>setiap komponen dibulatkan sendiri-sendiri ke Rp 1 terdekat dengan pembulatan "
            "setengah ke atas</b>, baru kemudian dijumlahkan. Contoh buku terbitan sering berbeda beberapa rupiah "
            "karena aturan pembulatannya berbeda, jadi selalu tuliskan aturannya.</p>"
            "<p>Contoh: Bu Sri punya simpanan Rp 2.300.000 dan transaksi Rp 12.345.650. Jasa modalnya "
            "Rp 9.000.000 × 2.300.000 : 240.000.000 = Rp 86.250 tepat. Jasa usahanya Rp 18.000.000 × 12.345.650 : "
            "1.800.000.000 = Rp 123.456,50, dibulatkan setengah ke atas menjadi Rp 123.457. SHU Bu Sri "
            "Rp 209.707.</p>"
        ),
        journal(
            "Pembagian SHU setelah pajak sesuai keputusan RAT",
            line("3106", "SHU Tahun Berjalan", "70000000", "0", "SHU setelah pajak dibagi"),
            line("3105", "Cadangan", "0", "34000000", "Bagian nonanggota Rp 10.000.000 + 40% bagian anggota"),
            line("2103", "Utang SHU Anggota", "0", "27000000", "JUA 30% + JMA 15%"),
            line("2104", "Dana Pengurus", "0", "3000000", "5%"),
            line("2105", "Dana Karyawan", "0", "3000000", "5%"),
            line("2106", "Dana Pendidikan", "0", "1500000", "2,5%"),
            line("2107", "Dana Sosial", "0", "1500000", "2,5%"),
        ),
        journal(
            "SHU Pak Joko dibayarkan tunai",
            line("2103", "Utang SHU Anggota", "270000", "0", "Jasa modal Rp 90.000 + jasa usaha Rp 180.000"),
            line("1101", "Kas", "0", "270000", "Kuitansi ditandatangani Pak Joko"),
        ),
        tip(
            "<p>Umumkan daftar SHU per anggota sebelum dibayarkan, lengkap dengan simpanan dan total transaksi "
            "masing-masing. Halaman SHU di buku latihan Sinau menunjukkan SHU setelah pajak, bagian anggota, dan "
            "cara menghitungnya.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>SHU dihitung setelah pajak (Pasal 45); cadangan disisihkan lebih dahulu.</li>"
            "<li>Hanya SHU bagian anggota yang dibagi kepada anggota, menurut partisipasi neto anggota.</li>"
            "<li>Persentase pembagian harus berjumlah tepat 100%.</li>"
            "<li>Setiap komponen dibulatkan setengah ke atas ke Rp 1, lalu dijumlahkan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Hitung SHU Anda sendiri dengan persentase dalam AD/ART koperasi Anda. "
            "Apakah hasilnya sama dengan yang Anda terima tahun lalu? Jika berbeda, dari mana selisihnya?</p>"
        ),
    ],
}

LESSON_TAXES = {
    "slug": "pajak-koperasi",
    "title": "Pajak koperasi",
    "summary": "PPh final 0,5% bagi koperasi baru (PP No. 55/2022), lalu rezim normal; PPh 21 karyawan, PPh final atas jasa simpanan, dan pajak atas SHU anggota.",
    "minutes": 9,
    "required": True,
    "body": [
        h("Tahun-tahun pertama: PPh final 0,5%"),
        p(
            "<p>Koperasi adalah wajib pajak badan dan perlu NPWP sendiri. Koperasi yang peredaran brutonya setahun "
            "tidak lebih dari <b>Rp 4,8 miliar</b> boleh membayar <b>PPh final 0,5% dari peredaran bruto</b> setiap "
            "bulan, paling lama <b>4 tahun pajak</b> sejak terdaftar (PP No. 55/2022). Peredaran bruto mencakup "
            "penjualan kepada anggota dan nonanggota serta jasa pinjaman.</p>"
            "<p>Contoh: Koperasi Konsumen Sejahtera Bersama di Kelurahan Kranggan menjual Rp 80.000.000 pada bulan "
            "Maret. Pajaknya 0,5% × Rp 80.000.000 = Rp 400.000, disetor bulan berikutnya.</p>"
        ),
        journal(
            "PPh final 0,5% peredaran bruto Maret",
            line("5201", "Beban Pajak", "400000", "0", "0,5% × Rp 80.000.000 (PP 55/2022)"),
            line("2109", "Utang Pajak", "0", "400000", "Masa Maret"),
        ),
        journal(
            "Menyetor PPh final Maret lewat bank",
            line("2109", "Utang Pajak", "400000", "0", "Setoran dengan kode billing"),
            line("1102", "Bank", "0", "400000", "Bukti penerimaan negara terlampir"),
        ),
        p(
            "<p>Beban pajak ini mengurangi SHU. Karena itu SHU yang dibagi di RAT adalah <b>SHU setelah pajak</b> "
            "(Pasal 45 UU No. 25/1992). Setelah 4 tahun pajak, atau bila peredaran bruto melewati Rp 4,8 miliar, "
            "koperasi masuk <b>rezim normal</b>: PPh badan dihitung dari penghasilan neto, dengan pengurangan tarif "
            "50% untuk bagian peredaran bruto sampai Rp 4,8 miliar bagi peredaran bruto sampai Rp 50 miliar "
            "(Pasal 31E UU PPh).</p>"
        ),
        h("Pajak yang dipotong koperasi"),
        p(
            "<ul>"
            "<li><b>PPh 21 karyawan</b>: koperasi memotong PPh 21 atas gaji karyawan dan honor pengurus menurut "
            "ketentuan PPh 21 yang berlaku, menyetor, dan melaporkannya.</li>"
            "<li><b>Jasa simpanan</b> yang dibayar kepada anggota orang pribadi dikenai PPh final: 0% sampai "
            "Rp 240.000 sebulan, 10% dari jumlah bruto bila lebih (PP No. 15/2009).</li>"
            "</ul>"
            "<p>Contoh: jasa simpanan sukarela Pak Hadi bulan ini Rp 300.000, lebih dari Rp 240.000, jadi dipotong "
            "10% = Rp 30.000; Rp 270.000 ditambahkan ke simpanannya.</p>"
        ),
        journal(
            "Jasa simpanan Pak Hadi dengan PPh final 10%",
            line("5109", "Beban Jasa Simpanan", "300000", "0", "Jasa simpanan sukarela Pak Hadi"),
            line("2101", "Simpanan Sukarela", "0", "270000", "Dikreditkan ke simpanan Pak Hadi"),
            line("2109", "Utang Pajak", "0", "30000", "PPh final 10% (PP 15/2009)"),
        ),
        warn(
            "<p>Perlakuan pajak atas <b>SHU yang dibagikan kepada anggota</b> belum dapat kami pastikan dari sumber "
            "resmi untuk pelatihan ini. Sebelum membayar SHU, tanyakan kepada KPP Pratama Mojokerto apakah ada "
            "pajak yang harus dipotong dan bagaimana cara melaporkannya. Tarif dan tenggat setor juga dapat "
            "berubah; periksa ketentuan terbaru.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>PPh final 0,5% dari peredaran bruto, paling lama 4 tahun pajak bagi koperasi (PP No. 55/2022).</li>"
            "<li>Pajak mengurangi SHU; yang dibagi adalah SHU setelah pajak (Pasal 45).</li>"
            "<li>Koperasi memotong PPh 21 karyawan dan PPh final jasa simpanan (PP No. 15/2009).</li>"
            "<li>Pajak atas SHU anggota: tanyakan kepada KPP.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Sejak tahun berapa koperasi Anda terdaftar sebagai wajib pajak, dan "
            "kapan ia akan keluar dari PPh final 0,5%?</p>"
        ),
    ],
}


MODULE = {
    "slug": "hari-3-pembukuan-dan-laporan-keuangan-koperasi",
    "title": "Hari 3 — Pembukuan dan laporan keuangan koperasi",
    "day": 3,
    "summary": (
        "Hari ketiga melatih pencatatan berpasangan dengan bagan akun koperasi, dari simpanan, pinjaman, dan "
        "penjualan toko sampai neraca saldo dan laporan keuangan SAK EP. Hari ini ditutup dengan menghitung SHU "
        "per anggota."
    ),
    "lessons": [
        LESSON_DOUBLE_ENTRY,
        LESSON_CHART,
        LESSON_MEMBER_ACCOUNTS,
        LESSON_RETAIL_SALES,
        LESSON_STATEMENTS,
        LESSON_SHU,
        LESSON_TAXES,
    ],
}
