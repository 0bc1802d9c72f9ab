"""Day 1 of the curriculum: cooperative identity, law, organs, articles, membership and founding."""

from .blocks import h, journal, line, p, term, tip, warn

LESSON_PRINCIPLES = {
    "slug": "jati-diri-dan-prinsip-koperasi",
    "title": "Jati diri dan prinsip koperasi",
    "summary": "Koperasi adalah usaha milik bersama para anggotanya, dan prinsip-prinsipnya menjadi pegangan dalam setiap keputusan sehari-hari.",
    "minutes": 6,
    "required": True,
    "body": [
        h("Koperasi: usaha milik anggota"),
        p(
            "<p>Koperasi bukan sekadar toko murah atau tempat meminjam uang. Koperasi adalah badan usaha yang "
            "<b>dimiliki, dikendalikan, dan dimanfaatkan</b> oleh anggotanya sendiri.</p>"
            "<p>Anggota berperan ganda. Ia <b>pemilik</b> yang menanam simpanan dan ikut memutuskan arah usaha, "
            "sekaligus <b>pengguna jasa</b> yang berbelanja, menabung, meminjam, atau menjual hasil usahanya "
            "lewat koperasi.</p>"
            "<p>Peran ganda inilah yang membedakan koperasi dari perseroan. Di perseroan, pemegang saham terbesar "
            "paling berkuasa dan laba dibagi menurut besarnya saham. Di koperasi, setiap anggota punya satu suara, "
            "dan sisa hasil usaha (SHU) dibagi terutama menurut besarnya transaksi anggota dengan koperasinya.</p>"
        ),
        p(
            "<p>Contohnya Koperasi Konsumen Sejahtera Bersama yang mengelola toko kebutuhan pokok di sebuah "
            "kelurahan. Bu Rina, anggota yang juga pemilik warung, membeli beras dan minyak goreng dari toko "
            "koperasi setiap minggu, rata-rata Rp 1.500.000 sebulan. Semakin banyak ia berbelanja, semakin besar "
            "bagian SHU yang ia terima di akhir tahun. Namun suaranya di rapat anggota sama dengan suara anggota "
            "lain yang hanya sesekali berbelanja.</p>"
        ),
        h("Prinsip-prinsip koperasi"),
        p(
            "<p>UU No. 25/1992 tentang Perkoperasian memuat prinsip yang dipakai pengurus dan anggota saat "
            "mengambil keputusan:</p>"
            "<ol>"
            "<li><b>Keanggotaan sukarela dan terbuka.</b> Siapa pun yang memenuhi syarat dalam anggaran dasar "
            "boleh masuk dan boleh keluar tanpa paksaan.</li>"
            "<li><b>Pengelolaan yang demokratis.</b> Satu anggota satu suara; keputusan penting diambil dalam "
            "rapat anggota.</li>"
            "<li><b>Pembagian SHU yang adil</b>, sebanding dengan besarnya jasa usaha masing-masing anggota.</li>"
            "<li><b>Balas jasa yang terbatas atas modal.</b> Simpanan anggota mendapat imbalan yang wajar, bukan "
            "keuntungan spekulatif.</li>"
            "<li><b>Kemandirian.</b> Koperasi bertumpu pada kekuatan sendiri, tidak bergantung pada bantuan.</li>"
            "<li><b>Pendidikan perkoperasian</b> bagi anggota, pengurus, pengawas, dan karyawan.</li>"
            "<li><b>Kerja sama antarkoperasi</b>, misalnya belanja bersama agar harga kulakan lebih murah.</li>"
            "</ol>"
        ),
        tip(
            "<p>Saat ada usulan baru, ajukan tiga pertanyaan: Apakah ini melayani anggota? Apakah diputuskan "
            "bersama? Apakah manfaatnya dibagi secara adil? Tiga pertanyaan ini sering sudah cukup untuk menguji "
            "apakah usulan itu sejalan dengan prinsip koperasi.</p>"
        ),
        h("Prinsip dalam praktik sehari-hari"),
        p(
            "<p>Pada unit simpan pinjam, prinsip kemandirian berarti dana pinjaman sebaiknya terutama berasal dari "
            "simpanan anggota, bukan dari utang bank. Pada koperasi mlijo online, prinsip demokrasi terlihat ketika "
            "para pedagang sayur bersama-sama memutuskan biaya layanan aplikasi dan pembagian rute pengantaran. "
            "Prinsip pendidikan terlihat ketika koperasi menyisihkan dana pendidikan dari SHU untuk mengirim "
            "pengurusnya ke pelatihan seperti ini.</p>"
            "<p>Prinsip juga membantu menolak godaan. Bila seorang pemodal menawarkan dana besar asalkan ia "
            "mendapat suara lebih banyak, prinsip satu anggota satu suara memberi alasan yang jelas untuk menolak.</p>"
        ),
        term(
            "Sisa Hasil Usaha (SHU)",
            "<p>Pendapatan koperasi dalam satu tahun buku dikurangi biaya, penyusutan, dan kewajiban lain termasuk "
            "pajak. SHU bukan sekadar laba, karena sebagian besar berasal dari transaksi anggota sendiri dan "
            "kembali kepada mereka.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Anggota koperasi adalah pemilik sekaligus pengguna jasa.</li>"
            "<li>Satu anggota satu suara, berapa pun besar simpanannya.</li>"
            "<li>SHU dibagi terutama menurut jasa usaha, yaitu transaksi anggota dengan koperasi.</li>"
            "<li>Prinsip koperasi menjadi alat uji untuk setiap keputusan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Prinsip mana yang sudah paling baik dijalankan di koperasi Anda, dan "
            "prinsip mana yang paling perlu diperkuat tahun ini?</p>"
        ),
    ],
}

LESSON_LAW = {
    "slug": "dasar-hukum-koperasi",
    "title": "Dasar hukum koperasi",
    "summary": "Kenali peraturan utama yang mengatur koperasi, dari undang-undang sampai standar akuntansi, lengkap dengan pasal sumbernya, dan di mana anggaran dasar berperan.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Undang-undang sebagai payung"),
        p(
            "<p>Dasar hukum utama koperasi adalah <b>UU No. 25/1992 tentang Perkoperasian</b> sebagaimana telah "
            "diubah oleh <b>UU No. 6/2023</b> (penetapan Perppu Cipta Kerja). UU No. 17/2012 pernah menggantikannya, "
            "tetapi dibatalkan seluruhnya oleh Mahkamah Konstitusi (<b>Putusan MK No. 28/PUU-XI/2013</b>), sehingga "
            "UU No. 25/1992 berlaku kembali. Hal-hal pokok yang akan sering Anda temui:</p>"
            "<ul>"
            "<li><b>Pendiri</b>: koperasi primer dibentuk paling sedikit oleh 9 orang, koperasi sekunder paling "
            "sedikit oleh 3 koperasi (Pasal 6 sebagaimana diubah UU No. 6/2023).</li>"
            "<li><b>Perangkat organisasi</b>: Rapat Anggota, Pengurus, dan Pengawas; koperasi yang berusaha dengan "
            "prinsip syariah wajib juga punya Dewan Pengawas Syariah (Pasal 21 sebagaimana diubah). Rapat Anggota "
            "dapat diadakan secara daring dan/atau luring (Pasal 22 sebagaimana diubah).</li>"
            "<li><b>Modal sendiri</b>: simpanan pokok, simpanan wajib, dana cadangan, dan hibah (Pasal 41 ayat 2). "
            "Menurut Penjelasan Pasal 41, simpanan pokok adalah jumlah yang <b>sama banyaknya</b> bagi setiap "
            "anggota, dibayar saat masuk; simpanan wajib tidak harus sama dan dibayar berkala.</li>"
            "<li><b>Sisa hasil usaha</b>: Pasal 45 menyatakan SHU adalah pendapatan satu tahun buku dikurangi "
            "biaya, penyusutan, dan kewajiban lain <b>termasuk pajak</b>. Cadangan disisihkan lebih dahulu, sisanya "
            "dibagi sesuai anggaran dasar atau keputusan Rapat Anggota.</li>"
            "</ul>"
            "<p>Simpanan sukarela berbeda: anggota menabung secara sukarela dan boleh mengambilnya kembali, "
            "sehingga koperasi mencatatnya sebagai utang kepada anggota.</p>"
        ),
        warn(
            "<p>Sinau menuliskan sumber setiap pernyataan hukum. Pasal 6, 21, 22, 32, dan 45 kami cocokkan dengan teks "
            "yang dipublikasikan. Bunyi Pasal 26, Pasal 29, dan Penjelasan Pasal 41 belum kami cocokkan langsung "
            "dengan salinan resmi; periksa salinan UU di JDIH atau tanyakan kepada Dinas sebelum mengutipnya di "
            "RAT.</p>"
        ),
        h("Peraturan pelaksana yang perlu dikenal"),
        p(
            "<ul>"
            "<li><b>PP No. 7/2021</b> tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan UMKM, pelaksana "
            "UU Cipta Kerja. PP ini juga membagi usaha menurut modal di luar tanah dan bangunan: mikro sampai "
            "Rp 1 miliar, kecil lebih dari Rp 1 miliar sampai Rp 5 miliar, menengah lebih dari Rp 5 miliar sampai "
            "Rp 10 miliar.</li>"
            "<li><b>Permenkop UKM No. 3/2021</b> melaksanakan PP No. 7/2021 untuk koperasi dan UMKM secara umum. "
            "Salah satu bagiannya mengatur inkubasi wirausaha, termasuk materi legalitas, analisis pasar, "
            "pencatatan keuangan, dan pendampingan, yang menjadi pijakan program inkubasi Dinas.</li>"
            "<li><b>UU No. 4/2023</b> tentang Pengembangan dan Penguatan Sektor Keuangan dan <b>Permenkop UKM "
            "No. 8/2023</b> tentang Usaha Simpan Pinjam oleh Koperasi: layanan simpan pinjam koperasi hanya untuk "
            "anggota (dan koperasi lain). Koperasi yang melayani nonanggota masuk sektor jasa keuangan dan "
            "diawasi OJK.</li>"
            "<li><b>Permenkop UKM No. 2/2024</b> tentang kebijakan akuntansi koperasi mencabut pedoman tahun 2015 "
            "(Permenkop UKM No. 12, 13, dan 14 Tahun 2015).</li>"
            "<li><b>SAK EP</b> (Standar Akuntansi Keuangan Entitas Privat) berlaku efektif 1 Januari 2025 dan "
            "menggantikan SAK ETAP, yang sejak tanggal itu tidak berlaku lagi. KSP dan USP memakai SAK EP paling "
            "lambat untuk buku tahun 2025.</li>"
            "</ul>"
        ),
        term(
            "SAK EP",
            "<p>Standar Akuntansi Keuangan Entitas Privat dari Ikatan Akuntan Indonesia, pengganti SAK ETAP sejak "
            "1 Januari 2025. Salah satu alasan perpindahan bagi koperasi adalah SAK ETAP tidak dapat memisahkan "
            "pendapatan dari anggota dan dari nonanggota, padahal pemisahan itu penting untuk menghitung SHU.</p>",
        ),
        h("Anggaran dasar: hukum di dalam koperasi"),
        p(
            "<p>Di bawah undang-undang dan peraturan menteri, setiap koperasi punya aturan mainnya sendiri: "
            "<b>anggaran dasar (AD)</b> dan <b>anggaran rumah tangga (ART)</b>. Banyak pertanyaan sehari-hari "
            "dijawab di sana, misalnya berapa simpanan wajib per bulan atau bagaimana SHU dibagi.</p>"
            "<p>Contoh: Pengurus KSP Makmur Sentosa di Kelurahan Gedongan ingin menaikkan simpanan wajib dari "
            "Rp 20.000 menjadi Rp 30.000 per bulan. Karena besarnya diatur dalam ART, perubahan ini harus "
            "diputuskan Rapat Anggota, tidak cukup dengan surat edaran pengurus.</p>"
        ),
        tip(
            "<p>Simpan salinan digital undang-undang, peraturan menteri, dan AD/ART koperasi Anda dalam satu map "
            "di ponsel. Saat rapat, rujuk bunyi pasalnya, bukan ingatan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>UU No. 25/1992 sebagaimana diubah UU No. 6/2023 berlaku; UU No. 17/2012 dibatalkan MK.</li>"
            "<li>Pendiri paling sedikit 9 orang (Pasal 6); simpanan pokok sama untuk setiap anggota (Penjelasan "
            "Pasal 41).</li>"
            "<li>SHU dihitung setelah pajak (Pasal 45).</li>"
            "<li>Simpan pinjam hanya untuk anggota (UU No. 4/2023, Permenkop UKM No. 8/2023).</li>"
            "<li>SAK EP menggantikan SAK ETAP mulai 1 Januari 2025.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Standar akuntansi apa yang dipakai koperasi Anda saat ini, dan "
            "siapa yang bertanggung jawab memastikan laporan tahun ini sudah mengikuti ketentuan terbaru?</p>"
        ),
    ],
}

LESSON_ORGANS = {
    "slug": "perangkat-organisasi-koperasi",
    "title": "Perangkat organisasi: Rapat Anggota, Pengurus, dan Pengawas",
    "summary": "Tiga perangkat organisasi koperasi punya tugas yang berbeda dan saling mengimbangi; pahami siapa memutuskan apa.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Rapat Anggota: kekuasaan tertinggi"),
        p(
            "<p>Menurut UU No. 25/1992, <b>Rapat Anggota</b> memegang kekuasaan tertinggi dalam koperasi. Di sinilah "
            "anggota, dengan satu suara per orang, menetapkan anggaran dasar, memilih dan memberhentikan pengurus "
            "dan pengawas, menetapkan rencana kerja serta anggaran, dan mengesahkan laporan pertanggungjawaban "
            "pengurus.</p>"
            "<p>Rapat yang paling penting adalah <b>Rapat Anggota Tahunan (RAT)</b>. Dalam RAT, pengurus menyajikan "
            "laporan keuangan tahun lalu, pengawas menyampaikan hasil pengawasannya, dan anggota memutuskan "
            "pembagian SHU. RAT untuk mengesahkan pertanggungjawaban pengurus diadakan paling lambat "
            "<b>6 bulan setelah tahun buku</b> berakhir (Pasal 26 UU No. 25/1992); untuk tahun buku Januari–Desember, "
            "paling lambat akhir Juni. Rapat anggota boleh daring, luring, atau gabungan keduanya (Pasal 22 "
            "sebagaimana diubah UU No. 6/2023). Selain RAT, koperasi dapat mengadakan rapat anggota lain bila ada "
            "keputusan mendesak, sesuai tata cara dalam AD/ART.</p>"
        ),
        tip(
            "<p>Bagikan undangan, laporan keuangan, dan rencana kerja paling tidak beberapa hari sebelum RAT, "
            "misalnya lewat grup WhatsApp anggota dan salinan cetak di toko koperasi. Anggota yang sempat membaca "
            "akan bertanya lebih tajam dan memutuskan lebih baik.</p>"
        ),
        h("Pengurus: menjalankan usaha"),
        p(
            "<p><b>Pengurus</b> dipilih dari dan oleh anggota dalam Rapat Anggota. Pengurus mengelola organisasi dan "
            "usaha, mewakili koperasi di dalam dan di luar pengadilan, menyelenggarakan pembukuan, memelihara "
            "daftar anggota, dan menyusun laporan pertanggungjawaban. Masa jabatan pengurus <b>paling lama 5 "
            "tahun</b> (Pasal 29); AD/ART menetapkan lamanya dan jumlah pengurus. Bunyi Pasal 26 dan Pasal 29 "
            "belum kami cocokkan dengan salinan resmi UU; periksa di JDIH sebelum mengutipnya.</p>"
            "<p>Pengurus boleh mengangkat <b>manajer dan karyawan</b> untuk menjalankan usaha sehari-hari, "
            "misalnya kepala toko atau petugas kredit. Rencana mengangkat <b>pengelola (manajer)</b> harus diajukan "
            "kepada Rapat Anggota untuk <b>disetujui</b>; pengelola bertanggung jawab kepada pengurus, dan tanggung "
            "jawab pengurus kepada Rapat Anggota tidak berkurang (Pasal 32).</p>"
        ),
        h("Pengawas: menjaga agar tetap di jalur"),
        p(
            "<p><b>Pengawas</b> juga dipilih oleh Rapat Anggota. Tugasnya mengawasi pelaksanaan kebijakan dan "
            "pengelolaan koperasi, lalu melaporkan hasilnya secara tertulis kepada Rapat Anggota. Pengawas berhak "
            "memeriksa catatan dan dokumen, dan wajib merahasiakan hasil pemeriksaannya kepada pihak luar.</p>"
            "<p>Contoh di unit simpan pinjam: setiap triwulan pengawas mengambil sepuluh berkas pinjaman secara "
            "acak. Mereka mencocokkan formulir permohonan, persetujuan pengurus, bukti pencairan Rp 5.000.000, dan "
            "kartu angsuran anggota. Bila ada pinjaman yang cair tanpa persetujuan tertulis, temuan itu dicatat "
            "dan dilaporkan.</p>"
        ),
        warn(
            "<p>Jangan rangkap jabatan. Pengurus yang sekaligus menjadi pengawas, atau bendahara yang juga "
            "memeriksa kasnya sendiri, menghilangkan fungsi saling mengimbangi dan membuka peluang penyimpangan.</p>"
        ),
        term(
            "RAT (Rapat Anggota Tahunan)",
            "<p>Rapat anggota yang diadakan setiap tahun untuk mengesahkan laporan pertanggungjawaban pengurus "
            "dan laporan keuangan, menetapkan pembagian SHU, serta menyetujui rencana kerja dan anggaran tahun "
            "berikutnya.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Rapat Anggota adalah pemegang kekuasaan tertinggi; RAT paling lambat 6 bulan setelah tahun buku "
            "(Pasal 26).</li>"
            "<li>Masa jabatan pengurus paling lama 5 tahun (Pasal 29); mengangkat manajer perlu persetujuan "
            "Rapat Anggota (Pasal 32).</li>"
            "<li>Pengurus menjalankan organisasi dan usaha, dan bertanggung jawab kepada Rapat Anggota.</li>"
            "<li>Pengawas mengawasi dan melaporkan hasilnya kepada Rapat Anggota.</li>"
            "<li>Pemisahan peran mencegah penyimpangan dan menjaga kepercayaan anggota.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Kapan terakhir kali pengawas di koperasi Anda memeriksa catatan dan "
            "melaporkan hasilnya secara tertulis, dan apa yang perlu diperbaiki sebelum RAT berikutnya?</p>"
        ),
    ],
}

LESSON_ARTICLES = {
    "slug": "anggaran-dasar-dan-anggaran-rumah-tangga",
    "title": "Anggaran dasar dan anggaran rumah tangga (AD/ART)",
    "summary": "AD/ART adalah aturan main koperasi: apa isinya, bagaimana mengubahnya, dan bagaimana memakainya dalam urusan sehari-hari.",
    "minutes": 6,
    "required": True,
    "body": [
        h("Apa isi anggaran dasar"),
        p(
            "<p><b>Anggaran dasar (AD)</b> adalah aturan pokok yang dibuat saat pendirian dan menjadi bagian dari "
            "akta pendirian. Biasanya AD memuat:</p>"
            "<ul>"
            "<li>nama, tempat kedudukan, dan jangka waktu koperasi;</li>"
            "<li>maksud, tujuan, dan bidang usaha;</li>"
            "<li>syarat keanggotaan, hak, dan kewajiban anggota;</li>"
            "<li>tata cara Rapat Anggota, pemilihan pengurus, dan pengawas;</li>"
            "<li>permodalan, termasuk jenis simpanan;</li>"
            "<li>ketentuan pembagian SHU dan sanksi.</li>"
            "</ul>"
        ),
        h("Anggaran rumah tangga dan peraturan khusus"),
        p(
            "<p><b>Anggaran rumah tangga (ART)</b> merinci hal-hal yang dalam AD baru disebut garis besarnya. "
            "Contohnya, AD menyebut adanya simpanan pokok dan simpanan wajib, sedangkan ART menetapkan angkanya: "
            "simpanan pokok Rp 100.000 dibayar sekali dan sama untuk setiap anggota (Penjelasan Pasal 41 UU "
            "No. 25/1992; bunyi Penjelasan Pasal 41 belum kami cocokkan dengan salinan resmi), simpanan wajib "
            "Rp 25.000 per bulan.</p>"
            "<p>Di bawah ART, koperasi dapat membuat <b>peraturan khusus</b> atau prosedur operasional, misalnya "
            "prosedur pemberian pinjaman, batas pinjaman per anggota, atau tata cara pesanan di koperasi mlijo "
            "online. Peraturan khusus tidak boleh bertentangan dengan ART, dan ART tidak boleh bertentangan dengan "
            "AD.</p>"
        ),
        p(
            "<p>Contoh peraturan khusus di USP Koperasi Karya Mandiri: pinjaman pertama paling banyak "
            "Rp 3.000.000, jangka waktu paling lama 12 bulan, dan anggota baru boleh meminjam setelah tiga bulan "
            "membayar simpanan wajib dengan tertib. Aturan seperti ini melindungi dana anggota dan membuat "
            "keputusan petugas kredit bisa dipertanggungjawabkan.</p>"
        ),
        tip(
            "<p>Buat ringkasan AD/ART satu halaman dengan bahasa sehari-hari: besar simpanan, syarat pinjaman, cara "
            "keluar dari keanggotaan, dan persentase pembagian SHU. Tempel di toko koperasi dan kirim ke grup "
            "anggota.</p>"
        ),
        h("Mengubah AD/ART"),
        p(
            "<p>Perubahan AD/ART hanya dapat diputuskan oleh Rapat Anggota, dengan kuorum dan suara setuju sesuai "
            "ketentuan AD. Bahan perubahan sebaiknya dibagikan jauh hari sebelum rapat agar anggota sempat "
            "membahasnya.</p>"
        ),
        warn(
            "<p>Perubahan anggaran dasar tertentu, misalnya bidang usaha atau nama, perlu dibuatkan akta perubahan "
            "dan dilaporkan atau dimintakan persetujuan pemerintah sesuai ketentuan. Konsultasikan dengan notaris "
            "dan Dinas sebelum menjalankan usaha baru.</p>"
        ),
        term(
            "AD/ART",
            "<p>Singkatan dari anggaran dasar dan anggaran rumah tangga, dua dokumen aturan main koperasi. AD memuat "
            "pokok-pokoknya; ART merinci pelaksanaannya.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>AD memuat aturan pokok dan menjadi bagian dari akta pendirian.</li>"
            "<li>ART merinci pelaksanaan, misalnya besar simpanan wajib.</li>"
            "<li>Peraturan khusus mengatur prosedur operasional dan tidak boleh bertentangan dengan AD/ART.</li>"
            "<li>Perubahan AD/ART diputuskan oleh Rapat Anggota.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Aturan apa yang sering menjadi sumber salah paham di koperasi Anda, dan "
            "apakah aturan itu sudah tertulis jelas di AD/ART atau peraturan khusus?</p>"
        ),
    ],
}

LESSON_MEMBERSHIP = {
    "slug": "keanggotaan-dan-hak-anggota",
    "title": "Keanggotaan, hak, dan kewajiban anggota",
    "summary": "Siapa yang bisa menjadi anggota, apa hak dan kewajibannya, dan bagaimana mengurus anggota yang masuk atau keluar.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Menjadi anggota"),
        p(
            "<p>Anggota koperasi adalah pemilik sekaligus pengguna jasa koperasi. Syarat menjadi anggota ditetapkan "
            "dalam AD/ART, misalnya warga negara Indonesia yang cakap hukum, berdomisili di wilayah kerja koperasi, "
            "dan menyetujui AD/ART.</p>"
            "<p>Calon anggota mengisi formulir, menyerahkan fotokopi KTP, dan membayar simpanan pokok. Setelah "
            "disetujui pengurus, namanya dicatat dalam <b>buku daftar anggota</b> dengan nomor anggota, tanggal "
            "masuk, dan tanda tangan.</p>"
        ),
        h("Hak dan kewajiban"),
        p(
            "<p>Hak anggota pada umumnya:</p>"
            "<ul>"
            "<li>menghadiri, berbicara, dan memberikan suara dalam Rapat Anggota;</li>"
            "<li>memilih dan dipilih menjadi pengurus atau pengawas;</li>"
            "<li>meminta diadakan rapat anggota sesuai ketentuan AD;</li>"
            "<li>memperoleh pelayanan dan bagian SHU sesuai jasanya;</li>"
            "<li>mendapat keterangan tentang perkembangan koperasi.</li>"
            "</ul>"
            "<p>Kewajibannya: mematuhi AD/ART dan keputusan Rapat Anggota, membayar simpanan pokok dan wajib, "
            "berpartisipasi dalam usaha koperasi, serta menjaga kebersamaan.</p>"
        ),
        tip(
            "<p>Partisipasi adalah inti keanggotaan. Anggota yang tidak pernah berbelanja, menabung, atau meminjam "
            "tidak menambah kekuatan koperasi. Kenali anggota pasif dan ajak bicara: apa yang membuat mereka "
            "tidak memakai layanan koperasi?</p>"
        ),
        h("Anggota dan pelanggan nonanggota"),
        p(
            "<p>Toko koperasi boleh melayani pembeli nonanggota. Namun transaksi nonanggota dicatat terpisah, "
            "karena hanya SHU dari anggota yang dibagikan kembali kepada anggota. Pada koperasi mlijo online, "
            "pelanggan rumah tangga yang memesan sayur lewat WhatsApp biasanya bukan anggota, sedangkan para "
            "pedagang sayur yang memakai layanan koperasi adalah anggotanya.</p>"
        ),
        h("Anggota yang keluar"),
        p(
            "<p>Anggota boleh keluar sesuai tata cara AD/ART. Simpanan pokok dan wajibnya dikembalikan setelah "
            "diperhitungkan dengan kewajibannya. Contoh: Pak Darto keluar dengan simpanan pokok Rp 100.000 dan "
            "simpanan wajib Rp 900.000, tetapi masih punya sisa pinjaman Rp 400.000. Koperasi mengembalikan "
            "Rp 600.000 dan mencatat pelunasan pinjamannya, dengan berita acara yang ditandatangani kedua pihak.</p>"
        ),
        warn(
            "<p>Jangan mengembalikan simpanan secara tunai tanpa bukti. Setiap pengembalian harus punya kuitansi, "
            "persetujuan pengurus, dan catatan perubahan di buku daftar anggota.</p>"
        ),
        term(
            "Buku daftar anggota",
            "<p>Catatan resmi tentang setiap anggota: nomor anggota, nama, alamat, tanggal masuk, simpanan, tanggal "
            "keluar bila ada, dan tanda tangan. Pengurus wajib memeliharanya; pada Hari 4 kita membahas cara "
            "menyimpannya secara digital dengan aman.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Syarat keanggotaan diatur dalam AD/ART; setiap anggota dicatat dalam buku daftar anggota.</li>"
            "<li>Anggota punya hak suara, hak pelayanan, dan hak atas SHU sesuai jasanya.</li>"
            "<li>Transaksi anggota dan nonanggota dicatat terpisah.</li>"
            "<li>Anggota yang keluar menerima kembali simpanannya setelah diperhitungkan dengan kewajibannya.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Berapa persen anggota koperasi Anda yang benar-benar bertransaksi "
            "dalam tiga bulan terakhir, dan langkah apa yang bisa menaikkannya?</p>"
        ),
    ],
}

LESSON_FOUNDING = {
    "slug": "mendirikan-koperasi-dan-status-badan-hukum",
    "title": "Mendirikan koperasi dan status badan hukum",
    "summary": "Langkah mendirikan koperasi, dari rapat pendirian sampai akta, pengesahan badan hukum, dan NIB.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Dari kelompok menjadi koperasi"),
        p(
            "<p>Banyak koperasi baru berawal dari kelompok usaha: pedagang sayur keliling, perajin makanan rumahan, "
            "atau peserta program inkubasi Dinas. Sebelum mendirikan koperasi, pastikan calon anggota punya "
            "<b>kepentingan ekonomi yang sama</b> dan usaha bersama yang jelas, misalnya belanja bahan bersama "
            "atau pemasaran bersama.</p>"
            "<p>Koperasi primer didirikan <b>paling sedikit oleh 9 orang</b>; koperasi sekunder paling sedikit oleh "
            "3 koperasi (Pasal 6 UU No. 25/1992 sebagaimana diubah UU No. 6/2023). Kelompok tiga atau lima orang "
            "belum bisa menjadi koperasi; ajak calon anggota lain yang punya kepentingan yang sama. Rapat pendirian "
            "boleh diadakan secara daring (Pasal 22 sebagaimana diubah). Bila koperasi akan berusaha dengan prinsip "
            "syariah, siapkan sejak awal <b>Dewan Pengawas Syariah</b> (Pasal 21 ayat 2 sebagaimana diubah).</p>"
        ),
        h("Langkah-langkah pendirian"),
        p(
            "<ol>"
            "<li><b>Pendidikan dan rapat persiapan.</b> Calon anggota memahami prinsip koperasi, rencana usaha, "
            "serta besar simpanan pokok dan wajib.</li>"
            "<li><b>Rapat pendirian.</b> Para pendiri menyepakati anggaran dasar, memilih pengurus dan pengawas "
            "pertama, dan menetapkan simpanan pokok yang sama untuk setiap anggota. Buat notulen dan daftar hadir "
            "bertanda tangan.</li>"
            "<li><b>Akta pendirian.</b> Notaris yang berwenang membuat akta koperasi menyusun akta pendirian "
            "berdasarkan hasil rapat.</li>"
            "<li><b>Pengesahan badan hukum.</b> Akta diajukan untuk disahkan pemerintah; kini prosesnya daring dan "
            "biasanya dibantu notaris. Setelah disahkan, koperasi resmi berbadan hukum.</li>"
            "<li><b>NPWP, rekening bank, dan NIB.</b> Koperasi mendaftarkan NPWP, membuka rekening atas nama "
            "koperasi, lalu mengurus Nomor Induk Berusaha (NIB) melalui sistem OSS dengan kode KBLI yang sesuai "
            "bidang usahanya.</li>"
            "<li><b>Izin sesuai bidang usaha.</b> Usaha simpan pinjam, pangan olahan, atau bidang lain dapat "
            "memerlukan izin atau sertifikat tambahan, seperti PIRT atau sertifikat halal.</li>"
            "</ol>"
        ),
        tip(
            "<p>Sejak rapat pendirian, catat setiap simpanan pokok yang diterima dengan kuitansi bernomor dan "
            "simpan uangnya di rekening atas nama koperasi, bukan rekening pribadi pengurus.</p>"
        ),
        h("Mengapa status badan hukum penting"),
        p(
            "<p>Koperasi berbadan hukum dapat membuat perjanjian atas namanya sendiri, membuka rekening, mengajukan "
            "pembiayaan, dan ikut pengadaan. Harta koperasi terpisah dari harta pribadi pengurus. Koperasi Mlijo "
            "Online Sayur Segar, misalnya, baru bisa bekerja sama dengan penyedia pembayaran QRIS dan pasar induk "
            "setelah punya akta, badan hukum, dan NIB.</p>"
            "<p>Bagi peserta inkubasi, legalitas dan perizinan termasuk materi wajib dalam Permenkop UKM No. 3/2021. "
            "Dinas akan mencatat NIB, KBLI, status badan hukum, serta sertifikat halal atau PIRT sebagai tonggak "
            "perkembangan usaha Anda.</p>"
        ),
        warn(
            "<p>Waspadai tawaran pengurusan izin yang menjanjikan hasil instan dengan biaya tidak jelas. Minta "
            "rincian biaya tertulis dan cek kebenarannya kepada Dinas.</p>"
        ),
        term(
            "NIB (Nomor Induk Berusaha)",
            "<p>Identitas pelaku usaha yang diterbitkan melalui sistem OSS. NIB dipakai sebagai dasar perizinan "
            "berusaha dan dicatat bersama kode KBLI bidang usaha.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Dirikan koperasi atas dasar kepentingan ekonomi bersama, paling sedikit 9 pendiri (Pasal 6).</li>"
            "<li>Rapat pendirian menyepakati AD, memilih pengurus dan pengawas, serta menetapkan simpanan.</li>"
            "<li>Akta notaris dan pengesahan pemerintah memberi status badan hukum.</li>"
            "<li>NIB melalui OSS dan izin sesuai bidang usaha melengkapi legalitas.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Dokumen legalitas mana yang sudah dimiliki koperasi Anda, dan mana yang "
            "harus diselesaikan dalam tiga bulan ke depan?</p>"
        ),
    ],
}

LESSON_RAT = {
    "slug": "menyiapkan-rapat-anggota-tahunan",
    "title": "Menyiapkan Rapat Anggota Tahunan (RAT)",
    "summary": "Langkah menyiapkan RAT: batas waktu, undangan, kuorum, laporan pengurus dan pengawas, rencana anggaran, notulen, dan RAT daring.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Batas waktu dan undangan"),
        p(
            "<p>RAT untuk mengesahkan pertanggungjawaban pengurus diadakan paling lambat <b>6 bulan setelah tahun "
            "buku</b> berakhir (Pasal 26 UU No. 25/1992). Untuk tahun buku Januari–Desember, RAT paling lambat "
            "akhir Juni. Mulailah bersiap pada Januari: tutup buku, susun laporan keuangan, dan jadwalkan "
            "pemeriksaan pengawas.</p>"
            "<p><b>Undangan</b> dikirim kepada semua anggota sesuai tenggat dalam AD/ART, misalnya 14 hari sebelum "
            "rapat. Undangan memuat hari, jam, tempat atau tautan rapat daring, acara, dan cara memperoleh bahan "
            "rapat. Contoh: Koperasi Konsumen Sejahtera Bersama di Kelurahan Kranggan mengirim undangan lewat grup "
            "WhatsApp anggota, menempelnya di toko koperasi, dan menyediakan salinan cetak bahan rapat di kasir.</p>"
        ),
        h("Bahan yang disiapkan"),
        p(
            "<ul>"
            "<li><b>Laporan pertanggungjawaban pengurus</b>: kegiatan setahun, laporan keuangan (posisi keuangan, "
            "perhitungan hasil usaha dengan SHU setelah pajak, perubahan ekuitas, arus kas, catatan), dan usulan "
            "pembagian SHU menurut AD/ART.</li>"
            "<li><b>Laporan pengawas</b>: hasil pemeriksaan tertulis, temuan, dan tindak lanjutnya.</li>"
            "<li><b>Rencana kerja dan rencana anggaran pendapatan dan belanja (RAPB)</b> tahun berikutnya.</li>"
            "<li>Daftar anggota terbaru, daftar hadir, dan tata tertib rapat.</li>"
            "</ul>"
            "<p><b>Kuorum</b> dan cara mengambil keputusan mengikuti AD/ART, misalnya rapat sah bila dihadiri "
            "lebih dari separuh anggota. Bila kuorum tidak tercapai, ikuti tata cara penundaan dalam AD/ART; "
            "jangan memutuskan tanpa kuorum. Setiap anggota punya satu suara.</p>"
        ),
        warn(
            "<p>Lama tenggat undangan dan angka kuorum tidak diatur rinci dalam UU No. 25/1992; angkanya ada di "
            "AD/ART koperasi Anda. Angka dalam contoh ini hanya contoh. Bunyi Pasal 26 tentang batas 6 bulan "
            "belum kami cocokkan dengan salinan resmi UU; periksa di JDIH.</p>"
        ),
        h("RAT daring, notulen, dan biaya"),
        p(
            "<p>Rapat Anggota boleh diadakan secara daring dan/atau luring (Pasal 22 sebagaimana diubah UU "
            "No. 6/2023). Untuk RAT daring atau gabungan: kirim tautan bersama undangan, catat kehadiran dari "
            "daftar peserta, pastikan setiap anggota dapat berbicara dan memberi suara, dan rekam pemungutan "
            "suara. Anggota yang tidak punya ponsel pintar tetap harus bisa hadir di tempat.</p>"
            "<p><b>Notulen</b> mencatat jalannya rapat, jumlah hadir, setiap keputusan dengan jumlah suaranya, dan "
            "ditandatangani pimpinan rapat serta notulis. Keputusan tentang SHU menjadi dasar jurnal pembagian "
            "SHU. Biaya RAT, misalnya konsumsi dan sewa tenda Rp 1.500.000, dicatat sebagai beban "
            "perkoperasian.</p>"
        ),
        journal(
            "Biaya penyelenggaraan RAT dibayar tunai",
            line("5106", "Beban Perkoperasian (RAT, Pendidikan)", "1500000", "0", "Konsumsi dan tenda RAT"),
            line("1101", "Kas", "0", "1500000", "Nota dan kuitansi terlampir"),
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>RAT paling lambat 6 bulan setelah tahun buku (Pasal 26).</li>"
            "<li>Undangan, kuorum, dan tata tertib mengikuti AD/ART.</li>"
            "<li>Bahan RAT: laporan pengurus dengan laporan keuangan, laporan pengawas, dan RAPB.</li>"
            "<li>RAT boleh daring atau luring (Pasal 22 sebagaimana diubah); notulen mencatat setiap keputusan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Bahan RAT mana yang paling sering terlambat disiapkan di koperasi Anda, "
            "dan siapa yang bisa mulai menyiapkannya bulan ini?</p>"
        ),
    ],
}


MODULE = {
    "slug": "hari-1-perkoperasian-dan-tata-kelola",
    "title": "Hari 1 — Perkoperasian dan tata kelola",
    "day": 1,
    "summary": (
        "Hari pertama membahas jati diri koperasi, dasar hukumnya, dan perangkat organisasinya. "
        "Peserta memahami AD/ART, hak anggota, dan langkah menuju status badan hukum."
    ),
    "lessons": [
        LESSON_PRINCIPLES,
        LESSON_LAW,
        LESSON_ORGANS,
        LESSON_ARTICLES,
        LESSON_MEMBERSHIP,
        LESSON_FOUNDING,
        LESSON_RAT,
    ],
}
