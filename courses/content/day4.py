"""Day 4 of the curriculum: digital member services, the mlijo online case, internal control, data protection, reporting."""

from .blocks import h, journal, line, p, term, tip, warn

LESSON_DIGITAL_MEMBERS = {
    "slug": "digitalisasi-data-dan-layanan-anggota",
    "title": "Digitalisasi data dan layanan anggota",
    "summary": "Memindahkan buku daftar anggota dan buku simpanan ke sistem digital dengan rapi, lalu memakainya untuk melayani anggota lebih cepat.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Mengapa digital"),
        p(
            "<p>Banyak koperasi masih mencatat anggota di buku tulis dan simpanan di kartu kertas. Cara ini "
            "lambat: anggota yang ingin tahu saldo simpanannya harus datang ke kantor, dan bendahara butuh "
            "berhari-hari untuk menghitung SHU. Catatan kertas juga mudah rusak, hilang, atau diubah tanpa "
            "jejak.</p>"
            "<p>Dengan data digital, anggota dapat mengecek saldo dari ponsel, membayar simpanan wajib lewat QRIS, "
            "dan menerima bukti setoran elektronik. Pengurus dapat melihat anggota aktif, tunggakan, dan transaksi "
            "per anggota kapan saja.</p>"
        ),
        h("Langkah memindahkan data"),
        p(
            "<ol>"
            "<li><b>Rapikan data di kertas lebih dahulu.</b> Satu anggota satu nomor. Cari nama ganda, anggota yang "
            "sudah keluar, dan data yang tidak lengkap.</li>"
            "<li><b>Tetapkan data yang dicatat</b>: nomor anggota, nama sesuai KTP, NIK, alamat, nomor ponsel, "
            "tanggal masuk, serta saldo simpanan pokok, wajib, dan sukarela. Jangan mengumpulkan data yang tidak "
            "diperlukan.</li>"
            "<li><b>Cocokkan saldo sebelum dimasukkan.</b> Jumlah saldo simpanan semua anggota harus sama dengan "
            "saldo akun simpanan di buku besar. Selisihnya diselesaikan dulu, jangan ikut dipindahkan.</li>"
            "<li><b>Jalankan paralel satu bulan.</b> Catat di kertas dan di sistem sekaligus, lalu bandingkan di "
            "akhir bulan.</li>"
            "<li><b>Minta anggota memeriksa datanya sendiri</b>, misalnya dengan mengirimkan ringkasan saldo "
            "kepada setiap anggota.</li>"
            "</ol>"
        ),
        p(
            "<p>Contoh: KSP Makmur Sentosa dengan 250 anggota memindahkan datanya dalam enam minggu. Dua petugas "
            "memasukkan data, satu pengurus memeriksa sampel 25 kartu secara acak. Ditemukan tiga anggota tercatat "
            "ganda dan satu saldo simpanan wajib yang selisih Rp 150.000; semuanya diselesaikan sebelum sistem "
            "dipakai penuh.</p>"
        ),
        tip(
            "<p>Simpan kartu dan buku lama di tempat aman setelah digitalisasi. Dokumen itu tetap menjadi bukti "
            "asal saldo awal bila kelak ada anggota yang mempertanyakannya.</p>"
        ),
        h("Hak akses dan cadangan data"),
        p(
            "<p>Tidak semua orang perlu melihat semua data. Kasir cukup melihat nama dan nomor anggota; petugas "
            "kredit melihat data pinjaman; pengawas dapat membaca semuanya tetapi tidak mengubah. Setiap orang "
            "memakai akunnya sendiri, tidak berbagi kata sandi.</p>"
            "<p>Buat cadangan data secara berkala dan simpan di tempat terpisah. Uji pemulihannya sesekali: "
            "cadangan yang tidak pernah dicoba belum tentu bisa dipakai.</p>"
        ),
        warn(
            "<p>Jangan memakai satu akun bersama untuk semua petugas. Tanpa akun pribadi, sistem tidak bisa "
            "menunjukkan siapa mencatat apa, dan kecurangan sulit ditelusuri.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Data digital mempercepat layanan dan membuat catatan lebih sulit diubah diam-diam.</li>"
            "<li>Rapikan dan cocokkan data kertas sebelum dipindahkan; jalankan paralel sebulan.</li>"
            "<li>Kumpulkan hanya data yang diperlukan.</li>"
            "<li>Akun pribadi untuk setiap petugas, hak akses sesuai tugas, dan cadangan data yang teruji.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Jika besok buku daftar anggota koperasi Anda hilang, berapa lama waktu "
            "yang dibutuhkan untuk menyusunnya kembali, dan apa langkah pertama untuk mencegah hal itu?</p>"
        ),
    ],
}

LESSON_MLIJO = {
    "slug": "penjualan-daring-kasus-mlijo-online",
    "title": "Penjualan daring: kasus koperasi mlijo online",
    "summary": "Bagaimana koperasi pedagang sayur keliling mengelola pesanan WhatsApp, pembayaran QRIS, rute pengantaran, dan pencatatannya.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Cara kerja Koperasi Mlijo Online Sayur Segar"),
        p(
            "<p>Koperasi ini beranggotakan 35 mlijo, pedagang sayur keliling. Dulu setiap mlijo kulakan sendiri di "
            "pasar induk pukul 02.00 dalam jumlah kecil, sehingga harganya kurang bersaing. Sekarang koperasi "
            "menjalankan dua layanan:</p>"
            "<ol>"
            "<li><b>Kulakan bersama untuk anggota.</b> Koperasi belanja dalam jumlah besar di pasar induk, lalu "
            "setiap pagi para mlijo mengambil dagangannya dari gudang koperasi dan membayarnya.</li>"
            "<li><b>Toko daring untuk rumah tangga.</b> Pukul 05.00 admin mengirim daftar sayur dan harga ke grup "
            "pelanggan; pelanggan memesan lewat WhatsApp atau aplikasi sampai pukul 08.00. Koperasi menyiapkan "
            "paketnya di gudang.</li>"
            "</ol>"
            "<p>Pesanan daring dikelompokkan per kelurahan dan dititipkan kepada mlijo yang rutenya melewati "
            "wilayah itu, sehingga satu mlijo mengantar 20–30 paket sambil berkeliling dan mendapat upah antar "
            "sesuai kesepakatan. Pelanggan membayar dengan QRIS atas nama koperasi, atau tunai kepada mlijo yang "
            "menyetorkannya sore harinya.</p>"
        ),
        h("Mencatat transaksi anggota"),
        p(
            "<p>Setiap pagi Pak Slamet, anggota nomor 012, mengambil dagangan senilai Rp 850.000 dari gudang "
            "koperasi dan membayarnya dengan QRIS. Harga pokoknya bagi koperasi Rp 780.000. Karena pembelinya "
            "anggota, pendapatannya masuk Partisipasi Bruto Anggota dan ikut menentukan jasa usaha Pak Slamet "
            "dalam SHU.</p>"
        ),
        journal(
            "Pak Slamet mengambil dagangan dan membayar dengan QRIS",
            line("1102", "Bank", "850000", "0", "QRIS, anggota 012"),
            line("4101", "Partisipasi Bruto Anggota", "0", "850000", "Kulakan sayur Pak Slamet"),
            line("5101", "Beban Pokok Penjualan Anggota", "780000", "0", "Harga pokok sayur"),
            line("1105", "Persediaan Barang Dagangan", "0", "780000", "Keluar dari gudang"),
        ),
        p(
            "<p>Paket yang dipesan rumah tangga lewat toko daring koperasi adalah penjualan kepada nonanggota, karena "
            "pelanggannya bukan anggota, dan dicatat di Penjualan Non-Anggota. Dengan pemisahan ini, jasa usaha "
            "para mlijo dalam SHU dihitung dari kulakan mereka sendiri.</p>"
        ),
        warn(
            "<p>Jangan menerima tangkapan layar bukti bayar sebagai bukti. Tangkapan layar mudah dipalsukan. Cek "
            "dana masuk di aplikasi merchant QRIS atau mutasi rekening koperasi sebelum barang diserahkan.</p>"
        ),
        h("Rekonsiliasi harian"),
        p(
            "<p>Setiap sore, admin toko daring mencocokkan tiga daftar: pesanan yang masuk, pesanan yang diantar, dan uang "
            "yang diterima (QRIS ditambah setoran tunai). Contoh: hari Senin ada 52 pesanan senilai "
            "Rp 2.730.000, sejalan dengan omzet sekitar Rp 72.000.000 sebulan untuk 26 hari kerja. Mutasi QRIS "
            "Rp 2.080.000, setoran tunai Rp 550.000, jumlahnya Rp 2.630.000. Selisih Rp 100.000 ternyata dua "
            "pesanan yang dibatalkan karena sayurnya habis. Pembatalan dicatat, selisih terjelaskan.</p>"
        ),
        tip(
            "<p>Tetapkan batas waktu yang sama setiap hari: pesanan ditutup pukul 08.00, pengantaran selesai "
            "pukul 11.00, setoran tunai paling lambat pukul 16.00. Kebiasaan yang tetap memudahkan pemeriksaan.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Kulakan bersama dan rute per kelurahan menekan biaya para mlijo.</li>"
            "<li>Transaksi anggota dicatat di Partisipasi Bruto Anggota; pembeli umum di Penjualan Non-Anggota.</li>"
            "<li>Pastikan dana QRIS benar-benar masuk; jangan percaya tangkapan layar.</li>"
            "<li>Cocokkan pesanan, pengantaran, dan uang masuk setiap hari.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Layanan apa di koperasi Anda yang bisa dipesan atau dibayar secara "
            "daring, dan bagaimana Anda akan mencocokkan pesanan dengan uang yang masuk setiap hari?</p>"
        ),
    ],
}

LESSON_INTERNAL_CONTROL = {
    "slug": "pengendalian-internal-dan-pencegahan-kecurangan",
    "title": "Pengendalian internal dan pencegahan kecurangan",
    "summary": "Pemisahan tugas, jejak audit, rekonsiliasi, dan koreksi dengan jurnal pembalik melindungi uang anggota dari kesalahan dan kecurangan.",
    "minutes": 9,
    "required": True,
    "body": [
        h("Pemisahan tugas"),
        p(
            "<p>Kecurangan paling mudah terjadi bila satu orang menguasai seluruh proses. Karena itu pisahkan tiga "
            "peran:</p>"
            "<ul>"
            "<li><b>yang menyetujui</b>, misalnya ketua pengurus yang menyetujui pinjaman;</li>"
            "<li><b>yang memegang uang atau barang</b>, misalnya kasir atau kepala gudang;</li>"
            "<li><b>yang mencatat</b>, misalnya bagian pembukuan.</li>"
            "</ul>"
            "<p>Di koperasi kecil yang petugasnya sedikit, pemisahan penuh memang sulit. Gantilah dengan "
            "pemeriksaan: pengawas atau pengurus lain memeriksa sampel transaksi setiap bulan.</p>"
            "<p>Contoh kasus yang sering terjadi: seorang petugas kredit membuat pinjaman atas nama anggota yang "
            "tidak pernah mengajukan, lalu mengambil uangnya sendiri. Pencegahannya sederhana: pencairan hanya "
            "setelah persetujuan tertulis pengurus, ditransfer ke rekening anggota, dan anggota menerima "
            "konfirmasi langsung dari koperasi.</p>"
        ),
        h("Jejak audit dan larangan mengubah jurnal"),
        p(
            "<p><b>Jejak audit</b> berarti setiap catatan bisa ditelusuri: siapa mencatat, kapan, dan berdasarkan "
            "bukti apa. Karena itu, jurnal yang sudah diposting <b>tidak boleh diubah atau dihapus</b>. Kesalahan "
            "dikoreksi dengan <b>jurnal pembalik</b>, lalu dicatat jurnal yang benar.</p>"
            "<p>Contoh: bendahara memposting tagihan listrik Rp 1.500.000, padahal tagihannya Rp 150.000. Jurnal "
            "lama dibiarkan, lalu dibuat dua jurnal baru.</p>"
        ),
        journal(
            "Jurnal pembalik: membatalkan posting listrik yang salah",
            line("1101", "Kas", "1500000", "0", "Pembalik jurnal listrik yang salah jumlah"),
            line("5104", "Beban Listrik & Air", "0", "1500000", "Pembalik jurnal listrik yang salah jumlah"),
        ),
        journal(
            "Jurnal yang benar sesuai tagihan",
            line("5104", "Beban Listrik & Air", "150000", "0", "Tagihan listrik toko bulan ini"),
            line("1101", "Kas", "0", "150000", "Dibayar tunai, struk terlampir"),
        ),
        p(
            "<p>Dengan cara ini, pemeriksa dapat melihat kesalahan dan koreksinya. Di buku latihan Sinau pun jurnal "
            "yang sudah diposting tidak dapat diubah; koreksinya selalu lewat pembalikan.</p>"
        ),
        warn(
            "<p>Waspadai tanda bahaya: petugas yang tidak pernah mau cuti, catatan yang sering dikoreksi, bukti "
            "transaksi yang hilang, dan anggota yang mengeluh saldonya tidak sesuai. Tanda-tanda ini perlu "
            "diperiksa, bukan diabaikan.</p>"
        ),
        h("Rekonsiliasi"),
        p(
            "<ul>"
            "<li><b>Kas harian</b>: hitung uang fisik di laci dan cocokkan dengan catatan kasir setiap tutup "
            "toko.</li>"
            "<li><b>Rekonsiliasi bank</b>: cocokkan mutasi rekening dengan akun Bank setiap bulan.</li>"
            "<li><b>Buku pembantu</b>: jumlah simpanan dan piutang per anggota harus sama dengan buku besar.</li>"
            "<li><b>Konfirmasi anggota</b>: kirim ringkasan saldo kepada anggota, minimal setahun sekali.</li>"
            "</ul>"
        ),
        tip(
            "<p>Pengawas sebaiknya melakukan kas opname mendadak, tanpa pemberitahuan. Pemeriksaan yang jadwalnya "
            "sudah diketahui mudah dipersiapkan untuk terlihat rapi.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Pisahkan penyetuju, pemegang uang, dan pencatat; bila tidak bisa, perbanyak pemeriksaan.</li>"
            "<li>Jurnal yang sudah diposting tidak diubah; koreksi dengan jurnal pembalik lalu jurnal yang benar.</li>"
            "<li>Rekonsiliasi kas, bank, buku pembantu, dan saldo anggota secara rutin.</li>"
            "<li>Tanda bahaya harus ditindaklanjuti.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Di koperasi Anda, adakah satu orang yang bisa menyetujui, memegang "
            "uang, dan mencatat transaksi yang sama? Apa perubahan kecil yang bisa dilakukan bulan ini?</p>"
        ),
    ],
}

LESSON_DATA_PROTECTION = {
    "slug": "pelindungan-data-pribadi-anggota",
    "title": "Pelindungan data pribadi anggota",
    "summary": "Data anggota adalah amanah: apa yang diatur UU No. 27/2022 tentang Pelindungan Data Pribadi dan kebiasaan aman sehari-hari di koperasi.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Data pribadi di koperasi"),
        p(
            "<p>Koperasi menyimpan banyak data pribadi: nama, NIK, foto KTP, alamat, nomor ponsel, saldo simpanan, "
            "pinjaman, dan riwayat angsuran. Data keuangan seperti saldo dan pinjaman sangat sensitif. Bila bocor, "
            "anggota bisa menjadi sasaran penipuan atau merasa malu di lingkungannya.</p>"
            "<p><b>UU No. 27/2022 tentang Pelindungan Data Pribadi</b> (UU PDP) mengatur cara data pribadi "
            "dikumpulkan, dipakai, disimpan, dan dihapus. Koperasi yang mengolah data anggota wajib mematuhinya, "
            "dan undang-undang ini menggolongkan data keuangan pribadi sebagai data yang bersifat spesifik, yang "
            "perlu pelindungan lebih.</p>"
        ),
        h("Prinsip yang perlu dipegang"),
        p(
            "<ul>"
            "<li><b>Kumpulkan seperlunya.</b> Untuk melayani pinjaman, koperasi perlu NIK dan penghasilan, tetapi "
            "tidak perlu data yang tidak berkaitan.</li>"
            "<li><b>Jelaskan tujuannya.</b> Sampaikan kepada anggota untuk apa datanya dipakai, dan pakai hanya "
            "untuk tujuan itu.</li>"
            "<li><b>Jaga keamanannya.</b> Batasi akses, pakai kata sandi yang kuat, dan kunci lemari arsip.</li>"
            "<li><b>Hormati hak anggota</b> untuk mengetahui, memperbaiki, dan meminta penghapusan datanya sesuai "
            "ketentuan.</li>"
            "<li><b>Tangani kebocoran.</b> Bila terjadi kebocoran, segera hentikan, catat kejadiannya, dan "
            "beri tahu pihak yang terdampak sesuai ketentuan UU PDP.</li>"
            "</ul>"
        ),
        warn(
            "<p>Jangan pernah mengumumkan nama anggota yang menunggak angsuran di grup WhatsApp atau papan "
            "pengumuman. Selain mempermalukan, cara ini membuka data keuangan pribadi kepada orang yang tidak "
            "berhak. Tagih secara pribadi dan sopan.</p>"
        ),
        h("Kebiasaan aman sehari-hari"),
        p(
            "<p>Banyak kebocoran terjadi karena kebiasaan kecil. Contoh yang sering ditemui:</p>"
            "<ul>"
            "<li>mengirim berkas Excel berisi NIK dan saldo seluruh anggota ke grup WhatsApp pengurus;</li>"
            "<li>foto KTP anggota tersimpan di galeri ponsel pribadi petugas;</li>"
            "<li>ponsel kasir tanpa kunci layar ditinggal di meja toko.</li>"
            "</ul>"
            "<p>Gantilah dengan kebiasaan yang aman: bagikan laporan tanpa NIK, simpan dokumen di sistem koperasi "
            "yang berakun, pasang kunci layar, dan hapus salinan yang tidak diperlukan. Pada koperasi mlijo online, "
            "mlijo cukup melihat nama, alamat, dan pesanan pelanggan di rutenya hari itu, bukan seluruh daftar "
            "pelanggan.</p>"
        ),
        tip(
            "<p>Tunjuk satu pengurus sebagai penanggung jawab data. Tugasnya sederhana: tahu data apa yang "
            "disimpan, di mana, siapa yang boleh melihatnya, dan apa yang harus dilakukan bila terjadi "
            "kebocoran.</p>"
        ),
        term(
            "Data pribadi",
            "<p>Data tentang orang perseorangan yang dapat mengenali orang itu, secara langsung maupun bila "
            "digabungkan dengan informasi lain, misalnya nama dengan NIK, nomor ponsel, atau alamat.</p>",
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Koperasi wajib melindungi data pribadi anggota sesuai UU No. 27/2022.</li>"
            "<li>Kumpulkan seperlunya, jelaskan tujuannya, dan batasi aksesnya.</li>"
            "<li>Jangan menyebarkan data tunggakan atau berkas berisi NIK ke grup.</li>"
            "<li>Tunjuk penanggung jawab data dan siapkan langkah bila terjadi kebocoran.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Di mana saja salinan data anggota koperasi Anda tersimpan saat ini, "
            "termasuk di ponsel pribadi, dan salinan mana yang sebaiknya dihapus minggu ini?</p>"
        ),
    ],
}

LESSON_REPORTING = {
    "slug": "pelaporan-kepada-dinas",
    "title": "Pelaporan kepada Dinas",
    "summary": "Laporan apa yang diserahkan kepada Dinas, bagaimana menyiapkannya dari pembukuan, dan mengapa data yang jujur menguntungkan koperasi.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Mengapa melapor"),
        p(
            "<p>Dinas Koperasi, UKM, Perindustrian dan Perdagangan membina koperasi di wilayahnya. Untuk itu Dinas "
            "perlu tahu keadaan setiap koperasi: jumlah anggota, volume usaha, kesehatan keuangan, dan apakah RAT "
            "sudah diselenggarakan. Data ini menjadi dasar pelatihan, pendampingan, dan program bantuan.</p>"
            "<p>Laporan yang jujur justru menguntungkan koperasi. Masalah yang dilaporkan lebih awal, misalnya "
            "kredit macet yang naik, bisa segera mendapat pendampingan.</p>"
        ),
        h("Apa yang dilaporkan"),
        p(
            "<ul>"
            "<li><b>Hasil RAT</b>: laporan pertanggungjawaban pengurus, laporan pengawas, dan keputusan rapat, "
            "termasuk pembagian SHU.</li>"
            "<li><b>Laporan keuangan tahunan</b>: Laporan Posisi Keuangan, Laporan Perhitungan Hasil Usaha, "
            "Laporan Perubahan Ekuitas, Laporan Arus Kas, dan Catatan atas Laporan Keuangan.</li>"
            "<li><b>Data kelembagaan</b>: jumlah anggota, pengurus, pengawas, karyawan, serta perubahan AD/ART "
            "bila ada.</li>"
            "</ul>"
            "<p>Bentuk, jadwal, dan saluran pelaporannya mengikuti permintaan Dinas. Bila ada aplikasi pendataan "
            "yang ditentukan, gunakan itu.</p>"
        ),
        h("Laporan perkembangan peserta inkubasi"),
        p(
            "<p>Koperasi baru dalam program inkubasi juga melaporkan perkembangannya secara berkala lewat Sinau: "
            "omzet, jumlah anggota, jumlah pekerja laki-laki dan perempuan, aset, SHU, dan pembiayaan yang "
            "diperoleh. Angka pertama saat masuk program menjadi data awal, lalu perkembangan dibandingkan "
            "dengan angka itu, termasuk beberapa tahun setelah lulus.</p>"
            "<p>Tonggak legalitas seperti NIB, KBLI, status badan hukum, sertifikat halal, atau PIRT dilaporkan "
            "dengan bukti dokumen. Kelas usaha mengikuti PP No. 7/2021: usaha mikro bermodal sampai Rp 1 miliar di "
            "luar tanah dan bangunan.</p>"
            "<p>Contoh: saat masuk inkubasi, toko daring Koperasi Mlijo Online Sayur Segar mencatat omzet "
            "Rp 45.000.000 per bulan dan koperasinya 28 anggota. Enam bulan kemudian omzet toko daring "
            "Rp 72.000.000 per bulan (sekitar 52 pesanan sehari) dan anggotanya 35 orang. Kulakan para anggota di "
            "gudang koperasi dilaporkan sebagai partisipasi anggota, terpisah dari omzet toko daring. Angka ini "
            "diambil dari buku besar dan buku daftar anggota, bukan perkiraan.</p>"
        ),
        warn(
            "<p>Angka dalam laporan kepada Dinas harus sama dengan pembukuan dan laporan RAT. Angka yang dibuat "
            "berbeda untuk tujuan tertentu, misalnya agar tampak lebih besar saat mengajukan bantuan, merusak "
            "kepercayaan dan dapat berakibat hukum.</p>"
        ),
        tip(
            "<p>Siapkan satu map laporan per tahun berisi undangan dan notulen RAT, daftar hadir, laporan keuangan "
            "yang ditandatangani, dan bukti pengiriman laporan. Saat Dinas meminta data, semuanya sudah siap.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Laporan kepada Dinas menjadi dasar pembinaan dan pendampingan.</li>"
            "<li>Laporkan hasil RAT, laporan keuangan tahunan, dan data kelembagaan sesuai permintaan Dinas.</li>"
            "<li>Peserta inkubasi melaporkan perkembangan berkala dibandingkan data awal.</li>"
            "<li>Semua angka harus sama dengan pembukuan.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Jika Dinas meminta laporan koperasi Anda minggu depan, dokumen apa yang "
            "sudah siap, dan apa yang masih harus dilengkapi?</p>"
        ),
    ],
}

LESSON_GOVERNANCE = {
    "slug": "tata-kelola-dan-pengendalian-kecurangan",
    "title": "Tata kelola dan pengendalian kecurangan",
    "summary": "Benturan kepentingan, pinjaman kepada pengurus, dua tanda tangan, batas kas, hitung kas mendadak, dan daftar periksa pengawas.",
    "minutes": 8,
    "required": True,
    "body": [
        h("Benturan kepentingan"),
        p(
            "<p>Kecurangan di koperasi jarang dimulai dari niat jahat; lebih sering dari kebiasaan longgar yang "
            "dibiarkan. Tata kelola yang baik membuat kecurangan sulit dilakukan dan cepat ketahuan.</p>"
            "<p><b>Benturan kepentingan</b> terjadi bila pengurus, pengawas, atau karyawan dapat untung pribadi dari "
            "keputusan koperasi, misalnya ketua membeli stok dari toko milik adiknya. Aturannya: ungkapkan "
            "hubungan itu secara tertulis, jangan ikut memutuskan, dan catat di notulen.</p>"
            "<p><b>Pinjaman kepada pengurus dan pengawas</b> memakai syarat yang sama dengan anggota lain, diputuskan "
            "oleh pengurus lain tanpa yang bersangkutan, tidak melebihi batas dalam peraturan khusus, dan "
            "dilaporkan di RAT.</p>"
        ),
        h("Kas dan bank"),
        p(
            "<ul>"
            "<li><b>Dua tanda tangan</b> untuk setiap penarikan atau transfer bank, misalnya ketua dan bendahara; "
            "token internet banking tidak dipegang satu orang.</li>"
            "<li><b>Batas kas</b>: uang tunai di atas batas, misalnya Rp 5.000.000, disetor ke bank hari itu "
            "juga.</li>"
            "<li><b>Kas kecil</b> dengan jumlah tetap untuk belanja kecil, diisi kembali sebesar bukti yang "
            "dipakai.</li>"
            "<li><b>Hitung kas mendadak</b> oleh pengawas tanpa pemberitahuan; hasilnya dicocokkan dengan saldo "
            "buku dan ditandatangani.</li>"
            "</ul>"
            "<p>Contoh di Koperasi Karya Mandiri, Kelurahan Magersari: kas kecil Rp 1.000.000 dibentuk dari bank. "
            "Sebulan kemudian bukti belanja perlengkapan Rp 350.000 dan ongkos angkut Rp 250.000 diperiksa, lalu kas "
            "kecil diisi kembali Rp 600.000.</p>"
        ),
        journal(
            "Membentuk kas kecil",
            line("1109", "Kas Kecil", "1000000", "0", "Dana tetap kas kecil"),
            line("1102", "Bank", "0", "1000000", "Cek ditandatangani ketua dan bendahara"),
        ),
        journal(
            "Mengisi kembali kas kecil sebesar bukti",
            line("5111", "Beban Perlengkapan", "350000", "0", "Kertas struk dan kantong belanja"),
            line("5112", "Beban Transportasi", "250000", "0", "Ongkos angkut dari distributor"),
            line("1102", "Bank", "0", "600000", "Pengisian kembali kas kecil"),
        ),
        warn(
            "<p>Selisih kurang saat hitung kas jangan ditutup dengan uang pribadi kasir secara diam-diam. Catat, "
            "selidiki, dan laporkan; selisih yang berulang adalah tanda bahaya.</p>"
        ),
        h("Daftar periksa pengawas"),
        p(
            "<ul>"
            "<li>Hitung kas mendadak dan cocokkan rekening koran dengan buku bank setiap bulan.</li>"
            "<li>Ambil sampel berkas pinjaman: persetujuan, jaminan, dan kartu angsuran.</li>"
            "<li>Periksa pinjaman kepada pengurus, pengawas, dan keluarganya.</li>"
            "<li>Bandingkan hasil stok opname dengan akun 5114 Beban Selisih Persediaan.</li>"
            "<li>Periksa jurnal koreksi dan pembatalan: siapa, kapan, dan mengapa.</li>"
            "</ul>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Ungkapkan benturan kepentingan dan jangan ikut memutuskan.</li>"
            "<li>Pinjaman kepada pengurus memakai syarat anggota biasa dan dilaporkan di RAT.</li>"
            "<li>Dua tanda tangan, batas kas, kas kecil tetap, dan hitung kas mendadak.</li>"
            "<li>Pengawas bekerja dengan daftar periksa tertulis.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Kapan terakhir kali kas koperasi Anda dihitung mendadak, dan siapa yang "
            "memegang token bank saat ini?</p>"
        ),
    ],
}


LESSON_REGISTRATION = {
    "slug": "registrasi-dan-pelaporan-kelembagaan",
    "title": "Registrasi dan pelaporan kelembagaan",
    "summary": "Badan hukum lewat AHU, Nomor Induk Koperasi dan pemutakhiran ODS, serta perizinan berusaha lewat OSS.",
    "minutes": 7,
    "required": True,
    "body": [
        h("Tiga sistem yang perlu dikenal"),
        p(
            "<p>Koperasi yang sehat tidak hanya rapi bukunya, tetapi juga datanya di sistem pemerintah. Ada tiga "
            "sistem yang sering ditanyakan Dinas dan mitra usaha:</p>"
            "<ul>"
            "<li><b>AHU</b> (Administrasi Hukum Umum) Kementerian Hukum: notaris mengajukan pengesahan akta "
            "pendirian dan perubahan anggaran dasar koperasi lewat sistem ini. Hasilnya keputusan pengesahan "
            "badan hukum.</li>"
            "<li><b>NIK koperasi dan ODS</b>: Nomor Induk Koperasi diterbitkan kementerian yang membidangi koperasi "
            "dan dipakai sebagai identitas koperasi dalam pendataan. Data koperasi, misalnya jumlah anggota, "
            "pengurus, pengawas, RAT, aset, dan SHU, dimutakhirkan lewat Online Data System (ODS).</li>"
            "<li><b>OSS</b> (Online Single Submission): NIB dan perizinan berusaha sesuai KBLI, termasuk izin usaha "
            "simpan pinjam bagi koperasi yang menjalankannya (Permenkop UKM No. 8/2023).</li>"
            "</ul>"
        ),
        warn(
            "<p>Nama sistem, alamat, dan jadwal pemutakhiran dapat berubah. Ketentuan rinci tentang NIK dan ODS "
            "belum kami cocokkan dengan peraturan yang berlaku saat ini; ikuti petunjuk terbaru Dinas Koperasi, "
            "UKM, Perindustrian dan Perdagangan Kota Mojokerto.</p>"
        ),
        h("Kapan harus memperbarui"),
        p(
            "<ul>"
            "<li><b>Setelah RAT</b>: perbarui data ODS dengan hasil RAT, laporan keuangan, dan SHU setelah pajak.</li>"
            "<li><b>Pergantian pengurus atau pengawas</b>: siapkan notulen rapat dan data pengurus baru; "
            "perbarui data di ODS dan data pelaku usaha di OSS.</li>"
            "<li><b>Perubahan anggaran dasar</b>, misalnya nama, tempat kedudukan, atau bidang usaha: notaris "
            "membuat akta perubahan dan mengajukannya lewat AHU; bidang usaha baru perlu KBLI dan izin di "
            "OSS.</li>"
            "<li><b>Usaha baru</b>, misalnya unit simpan pinjam atau produk pangan olahan: urus izin di OSS "
            "sebelum mulai melayani anggota.</li>"
            "</ul>"
            "<p>Contoh: Koperasi Mlijo Online Sayur Segar di Kelurahan Kedundung menambah usaha katering untuk "
            "acara warga. Pengurus membawa usulan ke Rapat Anggota, notaris membuat akta perubahan bidang usaha, "
            "KBLI baru ditambahkan di OSS, lalu data di ODS diperbarui. Baru setelah itu pesanan katering pertama "
            "diterima.</p>"
        ),
        tip(
            "<p>Buat satu lembar kendali legalitas: nomor dan tanggal akta, keputusan pengesahan, NIK koperasi, "
            "NIB dan KBLI, NPWP, izin usaha, tanggal RAT terakhir, dan tanggal pemutakhiran ODS terakhir. Periksa "
            "lembar ini setiap selesai RAT.</p>"
        ),
        h("Ringkasan"),
        p(
            "<ul>"
            "<li>Pengesahan badan hukum dan perubahan AD diajukan notaris lewat AHU.</li>"
            "<li>NIK koperasi dan data ODS dimutakhirkan, terutama setelah RAT.</li>"
            "<li>NIB, KBLI, dan izin usaha diurus lewat OSS sebelum usaha baru dimulai.</li>"
            "<li>Simpan lembar kendali legalitas dan perbarui setiap tahun.</li>"
            "</ul>"
        ),
        p(
            "<p><b>Pertanyaan refleksi:</b> Kapan terakhir kali data koperasi Anda di ODS dan OSS diperbarui, dan "
            "apakah datanya sama dengan hasil RAT terakhir?</p>"
        ),
    ],
}


MODULE = {
    "slug": "hari-4-transformasi-digital-dan-pengendalian-internal",
    "title": "Hari 4 — Transformasi digital dan pengendalian internal",
    "day": 4,
    "summary": (
        "Hari keempat membahas digitalisasi data dan layanan anggota, belajar dari kasus koperasi mlijo online, "
        "serta pengendalian internal untuk mencegah kecurangan. Peserta juga mempelajari pelindungan data "
        "pribadi dan pelaporan kepada Dinas."
    ),
    "lessons": [
        LESSON_DIGITAL_MEMBERS,
        LESSON_MLIJO,
        LESSON_INTERNAL_CONTROL,
        LESSON_DATA_PROTECTION,
        LESSON_REPORTING,
        LESSON_GOVERNANCE,
        LESSON_REGISTRATION,
    ],
}
