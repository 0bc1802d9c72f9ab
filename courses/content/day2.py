"""Day 2 of the curriculum: running the cooperative's business, from planning to credit restructuring."""

from .blocks import h, journal, line, p, term, tip, warn

LESSON_PLANNING = {
    "slug": "perencanaan-usaha-koperasi",
    "title": "Perencanaan usaha koperasi",
    "summary": "Rencana usaha koperasi berangkat dari kebutuhan anggota, diuji dengan hitungan sederhana, dan disahkan dalam RAT.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Mulai dari kebutuhan anggota"),
        p(
            "<p>Usaha koperasi ada untuk melayani anggota. Karena itu, rencana usaha dimulai dengan pertanyaan: "
            "<b>apa yang paling dibutuhkan anggota dan belum terlayani dengan baik?</b> Bagi pemilik warung, "
            "jawabannya mungkin kulakan sembako yang lebih murah. Bagi pedagang sayur keliling, mungkin pesanan "
            "daring dan pembayaran nontunai. Bagi pekerja harian, mungkin pinjaman kecil yang cepat dan "
            "wajar biayanya.</p>"
            "<p>Kumpulkan jawabannya dengan cara sederhana: formulir singkat di grup WhatsApp, obrolan saat "
            "anggota membayar simpanan wajib, atau catatan keluhan di toko. Lengkapi dengan pengamatan pasar: "
            "siapa pesaingnya, berapa harga mereka, dan apa kelebihan koperasi.</p>"
        ),
        h("Menguji rencana dengan angka"),
        p(
            "<p>Rencana yang baik selalu diuji dengan hitungan titik impas. Contoh Toko Koperasi Sejahtera "
            "Bersama:</p>"
            "<ul>"
            "<li>margin kotor rata-rata 12% dari penjualan;</li>"
            "<li>biaya tetap per bulan: gaji dua karyawan Rp 6.200.000 (masing-masing Rp 3.100.000, tidak di bawah "
            "UMK Kota Mojokerto 2025 sekitar Rp 3,03 juta), sewa Rp 1.000.000, listrik dan air Rp 600.000, "
            "jumlahnya Rp 7.800.000.</li>"
            "</ul>"
            "<p>Dengan penjualan Rp 60.000.000 sebulan, margin kotornya Rp 7.200.000, kurang Rp 600.000 dari biaya "
            "tetap. Titik impasnya Rp 7.800.000 dibagi 12%, yaitu Rp 65.000.000 per bulan. Artinya toko perlu "
            "menambah penjualan sekitar Rp 5.000.000 sebulan, menaikkan margin, atau menekan biaya. Jangan menekan "
            "gaji di bawah upah minimum: UMK ditetapkan Gubernur setiap tahun, jadi periksa angka tahun berjalan. "
            "Ingat juga THR satu bulan gaji setahun sekali.</p>"
        ),
        tip(
            "<p>Hitung titik impas sebelum membuka unit usaha baru, lalu pantau setiap bulan. Satu lembar kertas "
            "berisi penjualan, margin, dan biaya tetap sudah cukup untuk mengetahui apakah usaha bergerak ke arah "
            "yang benar.</p>"
        ),
        h("Rencana kerja dan anggaran dalam RAT"),
        p(
            "<p>Rencana usaha dituangkan dalam <b>rencana kerja dan rencana anggaran pendapatan dan belanja "
            "(RAPB)</b> koperasi. Pengurus menyusunnya, pengawas menelaahnya, dan Rapat Anggota mengesahkannya. "
            "Isinya antara lain target penjualan atau pinjaman, rencana belanja aset, kebutuhan modal, dan "
            "target jumlah anggota aktif.</p>"
            "<p>Untuk koperasi baru di program inkubasi, rencana ini juga menjadi dasar pendampingan. Analisis "
            "pasar dan pencatatan keuangan termasuk materi inkubasi, sehingga pendamping dari Dinas dapat membantu "
            "menguji angka-angkanya.</p>"
        ),
        warn(
            "<p>Jangan menyusun rencana hanya karena ada tawaran bantuan atau pinjaman. Modal dari luar harus "
            "mengikuti rencana usaha yang masuk akal, bukan sebaliknya.</p>"
        ),
        term(
            "Titik impas",
            "<p>Tingkat penjualan ketika margin kotor tepat menutup biaya tetap, sehingga usaha tidak untung dan "
            "tidak rugi. Rumus sederhananya: biaya tetap dibagi persentase margin kotor.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Rencana usaha dimulai dari kebutuhan anggota yang nyata.</li>"
            "<li>Uji rencana dengan hitungan titik impas sebelum dijalankan.</li>"
            "<li>Rencana kerja dan RAPB disahkan oleh Rapat Anggota.</li>"
            "<li>Modal dari luar mengikuti rencana, bukan menjadi alasan membuat rencana.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Berapa titik impas bulanan unit usaha utama koperasi Anda, dan apakah "
            "penjualan tiga bulan terakhir sudah melewatinya?</p>"
        ),
    ],
}

LESSON_RETAIL = {
    "slug": "operasional-toko-koperasi",
    "title": "Operasional toko koperasi: stok, harga, dan penjualan",
    "summary": "Cara menjaga stok, menetapkan harga, dan memisahkan penjualan kepada anggota dan nonanggota di toko koperasi.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Mengelola stok"),
        p(
            "<p>Stok adalah uang anggota yang berbentuk barang. Stok yang terlalu banyak membuat uang mengendap dan "
            "barang kedaluwarsa; stok yang terlalu sedikit membuat anggota pindah belanja ke tempat lain.</p>"
            "<ul>"
            "<li><b>Kartu stok</b> untuk setiap barang: tanggal, barang masuk, barang keluar, dan sisa.</li>"
            "<li><b>Keluarkan yang pertama masuk lebih dahulu</b>, terutama untuk barang bertanggal kedaluwarsa "
            "seperti susu, roti, dan minyak goreng.</li>"
            "<li><b>Stok opname</b> setiap bulan: hitung fisik barang dan cocokkan dengan kartu stok atau "
            "aplikasi kasir.</li>"
            "</ul>"
            "<p>Contoh: menurut aplikasi kasir, sisa gula pasir 40 kg, tetapi hasil hitung fisik 36 kg. Selisih "
            "4 kg senilai Rp 68.000 harus dicari penyebabnya: salah catat, barang rusak, atau hilang. Catat hasil "
            "opname dalam berita acara yang ditandatangani petugas toko dan pengurus.</p>"
        ),
        warn(
            "<p>Selisih stok yang kecil tetapi terjadi setiap bulan adalah tanda bahaya. Jangan langsung "
            "menyesuaikan catatan tanpa penjelasan; laporkan kepada pengawas.</p>"
        ),
        h("Menetapkan harga"),
        p(
            "<p>Harga jual dihitung dari harga pokok ditambah margin yang menutup biaya toko. Contoh: beras 5 kg "
            "dibeli Rp 62.000 dari distributor, lalu dijual Rp 68.000. Marginnya Rp 6.000, kira-kira 9% dari harga "
            "jual.</p>"
            "<p>Koperasi boleh memberi harga khusus anggota, tetapi banyak toko koperasi memilih harga yang sama "
            "dengan pasar lalu mengembalikan manfaatnya kepada anggota melalui SHU. Pilihan mana pun harus "
            "tertulis dan diketahui anggota. Bandingkan harga dengan toko sekitar setiap bulan agar toko koperasi "
            "tetap bersaing.</p>"
        ),
        h("Penjualan kepada anggota dan nonanggota"),
        p(
            "<p>Toko koperasi melayani anggota dan juga pembeli umum. Keduanya harus dicatat terpisah karena hanya "
            "SHU dari transaksi anggota yang dibagikan kembali kepada anggota, dan bagian jasa usaha tiap anggota "
            "dihitung dari total belanjanya setahun.</p>"
            "<p>Cara praktisnya: kasir menanyakan nomor atau kartu anggota di setiap transaksi, lalu aplikasi kasir "
            "mencatat penjualan atas nama anggota itu. Penjualan tanpa nomor anggota dicatat sebagai penjualan "
            "nonanggota. Di pembukuan, penjualan kepada anggota masuk akun Partisipasi Bruto Anggota, sedangkan "
            "kepada nonanggota masuk akun Penjualan Non-Anggota. Cara menjurnalnya dibahas pada Hari 3.</p>"
        ),
        tip(
            "<p>Anggota yang berbelanja secara kredit (bon) harus punya batas yang ditetapkan pengurus, misalnya "
            "paling banyak Rp 500.000 dan lunas sebelum tanggal 10 bulan berikutnya. Catat setiap bon atas nama "
            "anggota dan mintakan tanda tangan.</p>"
        ),
        term(
            "Stok opname",
            "<p>Penghitungan fisik persediaan barang pada tanggal tertentu untuk dicocokkan dengan catatan. "
            "Selisihnya diselidiki dan dilaporkan.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Pakai kartu stok, keluarkan barang yang lebih dahulu masuk, dan lakukan stok opname bulanan.</li>"
            "<li>Harga jual dihitung dari harga pokok ditambah margin yang menutup biaya.</li>"
            "<li>Catat penjualan anggota dan nonanggota secara terpisah dengan nomor anggota.</li>"
            "<li>Penjualan kredit kepada anggota harus berbatas dan tercatat.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Apakah toko koperasi Anda saat ini bisa menunjukkan berapa total "
            "belanja setiap anggota tahun lalu? Jika belum, apa yang harus diubah di kasir mulai minggu depan?</p>"
        ),
    ],
}

LESSON_SAVINGS_LOANS = {
    "slug": "dasar-simpan-pinjam-dan-risiko",
    "title": "Dasar simpan pinjam dan risikonya",
    "summary": "Cara kerja unit simpan pinjam, cara menghitung angsuran dan jasa pinjaman, serta cara menjaga pinjaman tetap sehat.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Cara kerja simpan pinjam"),
        p(
            "<p>Koperasi simpan pinjam (KSP) atau unit simpan pinjam (USP) menghimpun simpanan dari anggota dan "
            "menyalurkannya kembali sebagai pinjaman kepada anggota. Pendapatannya berasal dari <b>jasa "
            "pinjaman</b>, sedangkan biayanya antara lain jasa simpanan, gaji petugas, dan biaya operasional.</p>"
            "<p>Karena uang yang dipinjamkan adalah uang anggota, setiap pinjaman harus diputuskan dengan hati-hati "
            "dan tercatat rapi: formulir permohonan, analisis, persetujuan tertulis, perjanjian, bukti pencairan, "
            "dan kartu angsuran.</p>"
        ),
        h("Menghitung angsuran"),
        p(
            "<p>Contoh: Bu Wati, pedagang gorengan, meminjam Rp 5.000.000 untuk 10 bulan dengan jasa 1% per "
            "bulan.</p>"
            "<ul>"
            "<li><b>Cara flat</b>: jasa dihitung dari pinjaman awal, Rp 50.000 setiap bulan. Angsurannya pokok "
            "Rp 500.000 ditambah jasa Rp 50.000, yaitu Rp 550.000 per bulan. Total jasa Rp 500.000.</li>"
            "<li><b>Cara menurun</b>: jasa dihitung dari sisa pokok. Bulan pertama Rp 50.000, bulan kedua "
            "Rp 45.000, dan seterusnya sampai Rp 5.000 pada bulan kesepuluh. Total jasa Rp 275.000.</li>"
            "</ul>"
            "<p>Dengan tarif yang tampak sama, cara flat hampir dua kali lebih mahal bagi peminjam. Jelaskan cara "
            "hitung ini secara terbuka kepada anggota sebelum mereka menandatangani perjanjian.</p>"
        ),
        journal(
            "Bu Wati membayar angsuran pertama secara tunai (cara flat)",
            line("1101", "Kas", "550000", "0", "Angsuran ke-1 pinjaman Bu Wati"),
            line("1107", "Pinjaman Anggota", "0", "500000", "Pokok pinjaman"),
            line("4103", "Pendapatan Jasa Pinjaman", "0", "50000", "Jasa 1% dari Rp 5.000.000, atas nama Bu Wati"),
        ),
        h("Menilai dan memantau risiko"),
        p(
            "<p>Risiko terbesar unit simpan pinjam adalah <b>kredit macet</b>: anggota berhenti mengangsur. "
            "Sebelum memberi pinjaman, nilai watak dan riwayat peminjam, kemampuan membayar dari usahanya, modal "
            "sendiri, jaminan bila ada, serta kondisi usahanya. Misalnya, koperasi dapat menetapkan dalam "
            "peraturan khusus bahwa angsuran tidak boleh melebihi sepertiga penghasilan bersih peminjam.</p>"
            "<p>Setelah cair, pantau setiap bulan. Kelompokkan pinjaman menurut lama tunggakan, misalnya lancar, "
            "kurang lancar, diragukan, dan macet, sesuai kebijakan koperasi. Hitung porsi pinjaman bermasalah: bila "
            "dari pinjaman beredar Rp 250.000.000 ada Rp 15.000.000 yang menunggak lebih dari tiga bulan, porsinya "
            "6%.</p>"
        ),
        warn(
            "<p>Jaga likuiditas. Simpanan sukarela bisa ditarik kapan saja, jadi jangan salurkan seluruh dana "
            "sebagai pinjaman. Sisihkan kas dan saldo bank yang cukup untuk melayani penarikan anggota.</p>"
        ),
        tip(
            "<p>Tagih sejak hari pertama terlambat. Pengingat WhatsApp yang sopan sehari sebelum jatuh tempo, "
            "telepon pada hari pertama terlambat, dan kunjungan pada minggu kedua jauh lebih efektif daripada "
            "menunggu tiga bulan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Simpan pinjam memutar uang anggota untuk anggota; setiap pinjaman harus terdokumentasi.</li>"
            "<li>Jasa flat dan jasa menurun menghasilkan biaya yang sangat berbeda; jelaskan secara terbuka.</li>"
            "<li>Nilai kemampuan membayar sebelum mencairkan, lalu pantau tunggakan setiap bulan.</li>"
            "<li>Sisihkan dana untuk penarikan simpanan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Berapa persen pinjaman di koperasi Anda yang menunggak lebih dari tiga "
            "bulan, dan siapa yang bertugas menagihnya minggu ini?</p>"
        ),
    ],
}

LESSON_MARKETING = {
    "slug": "pemasaran-dan-pelayanan-anggota",
    "title": "Pemasaran dan pelayanan anggota",
    "summary": "Pemasaran koperasi berarti membuat anggota memilih koperasinya sendiri: kenali kebutuhan mereka dan layani dengan standar yang jelas.",
    "minutes": 6,
    "required": True,
    "body": [
        h("Anggota adalah pasar pertama"),
        p(
            "<p>Koperasi punya keunggulan yang tidak dimiliki toko lain: pelanggannya adalah pemiliknya sendiri. "
            "Namun anggota tetap bebas memilih. Mereka akan berbelanja, menabung, dan meminjam di koperasi bila "
            "layanannya mudah, harganya wajar, dan mereka merasa dihargai.</p>"
            "<p>Kenali anggota Anda. Siapa yang aktif, siapa yang pasif, barang apa yang paling sering dicari, dan "
            "jam berapa mereka berbelanja? Data penjualan per nomor anggota dari kasir dapat menjawab banyak "
            "pertanyaan ini.</p>"
        ),
        h("Cara promosi yang sederhana"),
        p(
            "<ul>"
            "<li><b>Katalog WhatsApp</b>: kirim daftar harga mingguan toko ke grup anggota.</li>"
            "<li><b>Ingatkan manfaat SHU</b>: sampaikan bahwa setiap belanja anggota ikut menentukan bagian SHU "
            "yang ia terima.</li>"
            "<li><b>Paket kebutuhan bulanan</b>: beras, minyak goreng, gula, dan telur dalam satu paket, misalnya "
            "Rp 250.000, yang dapat dipesan lebih dahulu dan diambil saat gajian.</li>"
            "<li><b>Kerja sama antarkoperasi</b>: belanja bersama dengan koperasi lain agar harga kulakan lebih "
            "murah.</li>"
            "</ul>"
            "<p>Koperasi mlijo online memakai cara yang sama: setiap pukul 05.00 admin mengirim daftar sayur dan "
            "harga hari itu, pesanan ditutup pukul 08.00, dan pengantaran dilakukan sebelum pukul 11.00.</p>"
        ),
        tip(
            "<p>Buat janji layanan yang bisa diukur dan tepati: misalnya, pencairan pinjaman paling lama tiga hari "
            "kerja sejak berkas lengkap, atau pesanan sayur tiba sebelum pukul 11.00. Janji kecil yang ditepati "
            "lebih meyakinkan daripada spanduk besar.</p>"
        ),
        h("Melayani dan mendengar keluhan"),
        p(
            "<p>Sediakan saluran keluhan yang jelas: nomor WhatsApp khusus, buku saran di toko, atau formulir di "
            "aplikasi. Catat setiap keluhan, siapa yang menangani, dan kapan selesai. Keluhan yang berulang "
            "adalah bahan perbaikan, bukan gangguan.</p>"
            "<p>Contoh: beberapa anggota mengeluh sayur bayam sering layu saat tiba. Setelah dicatat, koperasi "
            "mlijo mengubah urutan rute pengantaran dan memakai kotak berpendingin sederhana. Keluhan turun dalam "
            "dua minggu.</p>"
        ),
        warn(
            "<p>Jangan menjanjikan imbal jasa simpanan atau hadiah yang tidak masuk akal untuk menarik anggota. "
            "Janji seperti itu merusak kepercayaan dan keuangan koperasi.</p>"
        ),
        term(
            "Standar layanan",
            "<p>Janji tertulis tentang mutu dan kecepatan layanan, misalnya jam buka toko, lama proses pinjaman, "
            "atau batas waktu pengantaran. Standar layanan diumumkan kepada anggota dan diperiksa secara berkala "
            "oleh pengurus.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Anggota adalah pasar pertama; kenali kebutuhan dan kebiasaan mereka dari data.</li>"
            "<li>Promosi sederhana lewat WhatsApp, paket bulanan, dan pengingat manfaat SHU.</li>"
            "<li>Tetapkan standar layanan yang terukur dan tepati.</li>"
            "<li>Catat dan tindak lanjuti setiap keluhan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Janji layanan apa yang bisa koperasi Anda umumkan bulan ini, dan "
            "bagaimana Anda akan mengukur bahwa janji itu ditepati?</p>"
        ),
    ],
}

LESSON_RECOVERY = {
    "slug": "pemulihan-pasca-pandemi-restrukturisasi-kredit",
    "title": "Pemulihan pasca-pandemi: restrukturisasi kredit dan penundaan angsuran",
    "summary": "Cara membantu anggota yang usahanya terpukul tanpa membahayakan simpanan anggota lain: restrukturisasi yang tertulis, terukur, dan dipantau.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Mengapa restrukturisasi diperlukan"),
        p(
            "<p>Masa pandemi membuat banyak usaha anggota berhenti atau omzetnya anjlok. Pedagang makanan "
            "kehilangan pembeli, pengemudi ojek kehilangan penumpang, dan angsuran pinjaman pun tersendat. "
            "Sebagian anggota sudah pulih, sebagian masih tertatih.</p>"
            "<p><b>Restrukturisasi kredit</b> adalah perubahan syarat pinjaman agar anggota yang usahanya masih "
            "berjalan tetap mampu membayar. Tujuannya menyelamatkan pinjaman dan usaha anggota, bukan "
            "menyembunyikan kredit macet.</p>"
        ),
        h("Bentuk-bentuk keringanan"),
        p(
            "<ul>"
            "<li><b>Penundaan angsuran pokok</b> untuk beberapa bulan; anggota hanya membayar jasa.</li>"
            "<li><b>Perpanjangan jangka waktu</b> sehingga angsuran per bulan lebih kecil.</li>"
            "<li><b>Penurunan tarif jasa</b> untuk sementara waktu.</li>"
            "<li><b>Gabungan</b> dari beberapa cara di atas.</li>"
            "</ul>"
            "<p>Contoh: Bu Sumi, penjual nasi di dekat sekolah, masih punya sisa pokok Rp 6.000.000 dengan jasa 1% "
            "per bulan dari sisa pokok. Saat sekolah tutup, koperasi menunda angsuran pokoknya tiga bulan; ia hanya "
            "membayar jasa Rp 60.000 per bulan. Setelah itu sisa pokok diangsur 12 bulan, Rp 500.000 per bulan "
            "ditambah jasa yang menurun.</p>"
        ),
        journal(
            "Selama penundaan, Bu Sumi hanya membayar jasa bulan ini",
            line("1101", "Kas", "60000", "0", "Jasa pinjaman Bu Sumi masa penundaan"),
            line("4103", "Pendapatan Jasa Pinjaman", "0", "60000", "Jasa 1% dari sisa pokok Rp 6.000.000, Bu Sumi"),
        ),
        p(
            "<p>Perhatikan: keputusan menunda pokok sendiri tidak dijurnal, karena belum ada uang yang berpindah. "
            "Sisa pokok Rp 6.000.000 tetap tercatat sebagai 1107 Pinjaman Anggota dan tetap harus dipantau.</p>"
        ),
        h("Aturan main yang harus dipegang"),
        p(
            "<ul>"
            "<li>Kebijakan restrukturisasi ditulis, diputuskan pengurus sesuai AD/ART, dan dilaporkan dalam "
            "Rapat Anggota.</li>"
            "<li>Setiap permohonan dinilai satu per satu: apakah usahanya masih berjalan dan berapa kemampuan "
            "bayarnya sekarang?</li>"
            "<li>Perubahan syarat dituangkan dalam addendum perjanjian yang ditandatangani kedua pihak.</li>"
            "<li>Pinjaman yang direstrukturisasi diberi tanda khusus dan dipantau terpisah.</li>"
            "</ul>"
        ),
        warn(
            "<p>Restrukturisasi berulang-ulang untuk pinjaman yang sebenarnya sudah tidak tertagih hanya menunda "
            "masalah dan membuat laporan keuangan tampak lebih baik dari kenyataan. Laporkan apa adanya kepada "
            "pengawas dan Rapat Anggota.</p>"
        ),
        tip(
            "<p>Hitung dampaknya pada kas. Bila 20 peminjam menunda pokok Rp 500.000 per bulan, kas masuk "
            "berkurang Rp 10.000.000 setiap bulan. Pastikan koperasi tetap sanggup melayani penarikan simpanan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Restrukturisasi membantu anggota yang usahanya masih berjalan agar tetap mampu membayar.</li>"
            "<li>Bentuknya: penundaan pokok, perpanjangan waktu, penurunan jasa, atau gabungannya.</li>"
            "<li>Kebijakan tertulis, penilaian per anggota, addendum, dan pemantauan khusus wajib ada.</li>"
            "<li>Restrukturisasi bukan cara menyembunyikan kredit macet.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Apakah koperasi Anda masih punya pinjaman hasil restrukturisasi masa "
            "pandemi, dan bagaimana perkembangan pembayarannya dalam enam bulan terakhir?</p>"
        ),
    ],
}

LESSON_PRODUCERS = {
    "slug": "koperasi-produsen-dan-pemasaran",
    "title": "Koperasi produsen dan pemasaran",
    "summary": "Koperasi yang memasarkan hasil usaha anggotanya: partisipasi anggota berupa barang yang disetor, jasa pemasaran, dan pencatatannya.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Anggota sebagai pemasok"),
        p(
            "<p>Di koperasi konsumen, anggota berpartisipasi dengan membeli. Di <b>koperasi produsen dan "
            "pemasaran</b>, anggota berpartisipasi dengan <b>menyetor hasil usahanya</b>: keripik, sambal, batik, "
            "atau sayur. Koperasi mengumpulkan, mengemas, memasarkan, dan menjualnya ke toko, pasar, atau "
            "pembeli daring. Banyak dari 18 koperasi peserta inkubasi Dinas berjalan seperti ini: para perajin "
            "makanan rumahan menjual bersama agar lolos syarat pembeli besar.</p>"
            "<p>Karena itu ukuran partisipasi anggota adalah <b>nilai barang yang ia setor</b> dan jasa yang ia "
            "pakai, bukan belanjanya. Jasa usaha dalam SHU dibagi menurut ukuran itu, sesuai AD/ART.</p>"
        ),
        h("Contoh: titip jual dengan jasa pemasaran"),
        p(
            "<p>Koperasi Produsen Olahan Pangan Majapahit di Kelurahan Wates menjual keripik para anggotanya ke "
            "toko oleh-oleh dan pedagang di Pasar Tanjung Anyar. Bu Ani (anggota 031) menitipkan keripik; koperasi "
            "menjualnya Rp 2.600.000 kepada sebuah toko yang membayar lewat transfer. Sesuai keputusan RAT, "
            "koperasi memungut <b>jasa pemasaran 10%</b>, yaitu Rp 260.000, dan sisanya Rp 2.340.000 adalah hak Bu "
            "Ani.</p>"
            "<p>Jasa pemasaran dibayar oleh anggota atas layanan koperasi, jadi dicatat sebagai Partisipasi Bruto "
            "Anggota atas nama Bu Ani. Hak Bu Ani dicatat sebagai utang sampai dibayarkan.</p>"
        ),
        journal(
            "Keripik titipan Bu Ani terjual; jasa pemasaran 10%",
            line("1102", "Bank", "2600000", "0", "Transfer toko oleh-oleh, faktur 112"),
            line("4101", "Partisipasi Bruto Anggota", "0", "260000", "Jasa pemasaran, anggota 031 Bu Ani"),
            line("2102", "Utang Usaha", "0", "2340000", "Hak Bu Ani atas penjualan keripik"),
        ),
        journal(
            "Hasil penjualan dibayarkan kepada Bu Ani",
            line("2102", "Utang Usaha", "2340000", "0", "Pelunasan hak Bu Ani"),
            line("1102", "Bank", "0", "2340000", "Transfer ke rekening Bu Ani"),
        ),
        tip(
            "<p>Berikan tanda terima setiap kali anggota menyetor barang: tanggal, jenis, jumlah, dan mutu. Tanda "
            "terima ini menjadi bukti jurnal dan dasar menghitung jasa usaha anggota di akhir tahun.</p>"
        ),
        h("Mutu, harga, dan risiko"),
        p(
            "<p>Pembeli besar menuntut mutu yang sama dari semua anggota. Sepakati standar bersama: berat kemasan, "
            "tanggal kedaluwarsa, label, PIRT, dan sertifikat halal. Harga jual ditetapkan bersama, bukan "
            "berlomba menurunkan harga antaranggota.</p>"
            "<p>Bila koperasi membeli putus barang anggota (bukan titip jual), barang itu menjadi persediaan "
            "koperasi, dan risikonya ikut pindah. Pilihan cara ini sebaiknya diputuskan Rapat Anggota dan ditulis "
            "dalam peraturan khusus.</p>"
        ),
        warn(
            "<p>Bagan akun Sinau dibuat terutama untuk koperasi konsumen dan simpan pinjam. Pencatatan titip jual "
            "di atas adalah salah satu cara yang sah; kebijakan akuntansi koperasi produsen Anda bisa berbeda. "
            "Tuliskan pilihan Anda di catatan atas laporan keuangan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Di koperasi produsen, partisipasi anggota berupa barang yang disetor.</li>"
            "<li>Jasa pemasaran dari anggota dicatat sebagai partisipasi anggota atas namanya.</li>"
            "<li>Hak anggota atas hasil penjualan adalah utang koperasi sampai dibayar.</li>"
            "<li>Standar mutu bersama membuka pasar yang lebih besar.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Produk anggota mana di koperasi Anda yang bisa dipasarkan bersama, dan "
            "standar mutu apa yang harus disepakati lebih dulu?</p>"
        ),
    ],
}


MODULE = {
    "slug": "hari-2-manajemen-usaha-koperasi",
    "title": "Hari 2 — Manajemen usaha koperasi",
    "day": 2,
    "summary": (
        "Hari kedua membahas cara menjalankan usaha koperasi: perencanaan, toko, simpan pinjam, dan pelayanan "
        "anggota. Peserta juga belajar memulihkan pinjaman pasca-pandemi dengan restrukturisasi yang sehat."
    ),
    "lessons": [
        LESSON_PLANNING,
        LESSON_RETAIL,
        LESSON_SAVINGS_LOANS,
        LESSON_MARKETING,
        LESSON_RECOVERY,
        LESSON_PRODUCERS,
    ],
}
