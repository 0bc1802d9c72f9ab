"""The statements of law the lessons make, each with its source and whether we checked it against a public text.

Trainees repeat these at their RAT, so every one names its pasal or regulation in the lesson, next to
the claim (tests/courses/test_content.py checks that). `checked` says whether the point was compared
with a published text of the regulation when it was written (`seen_at` gives where); a point that is
not checked is said to be unchecked in the lesson itself. `KNOWN_REGULATIONS` lists every regulation a
lesson may cite, so a new citation is reviewed before it appears.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LawStatement:
    lesson: str  # lesson slug
    claim: str  # words of the claim as the lesson writes them
    source: str  # the pasal / regulation written next to the claim
    checked: bool
    seen_at: str = ""


UU = "UU No. 25/1992"
LAW_STATEMENTS = [
    LawStatement(
        "dasar-hukum-koperasi",
        "paling sedikit oleh 9 orang",
        "Pasal 6",
        True,
        "UU No. 6/2023 Pasal 86 angka 1 (ruuck.iptek.web.id, teks Cipta Kerja)",
    ),
    LawStatement(
        "mendirikan-koperasi-dan-status-badan-hukum",
        "paling sedikit oleh 9 orang",
        "Pasal 6",
        True,
        "UU No. 6/2023 Pasal 86 angka 1",
    ),
    LawStatement("dasar-hukum-koperasi", "Dewan Pengawas Syariah", "Pasal 21", True, "UU No. 6/2023 Pasal 86 angka 3"),
    LawStatement(
        "mendirikan-koperasi-dan-status-badan-hukum",
        "Dewan Pengawas Syariah",
        "Pasal 21",
        True,
        "UU No. 6/2023 Pasal 86 angka 3",
    ),
    LawStatement("dasar-hukum-koperasi", "daring dan/atau luring", "Pasal 22", True, "UU No. 6/2023 Pasal 86 angka 4"),
    LawStatement(
        "menyiapkan-rapat-anggota-tahunan", "daring dan/atau luring", "Pasal 22", True, "UU No. 6/2023 Pasal 86 angka 4"
    ),
    LawStatement(
        "dasar-hukum-koperasi",
        "Putusan MK No. 28/PUU-XI/2013",
        "UU No. 17/2012",
        True,
        "amar putusan, dikutip unisla.ac.id",
    ),
    LawStatement("dasar-hukum-koperasi", "sama banyaknya", "Penjelasan Pasal 41", False),
    LawStatement("anggaran-dasar-dan-anggaran-rumah-tangga", "sama untuk setiap anggota", "Penjelasan Pasal 41", False),
    LawStatement(
        "dasar-hukum-koperasi", "termasuk pajak", "Pasal 45", True, "bunyi Pasal 45 ayat (1), pusbimtekpalira.com"
    ),
    LawStatement("shu-dan-pembagian-per-anggota", "termasuk pajak", "Pasal 45", True, "bunyi Pasal 45 ayat (1)"),
    LawStatement("perangkat-organisasi-koperasi", "6 bulan setelah tahun buku", "Pasal 26", False),
    LawStatement("menyiapkan-rapat-anggota-tahunan", "6 bulan setelah tahun", "Pasal 26", False),
    LawStatement("perangkat-organisasi-koperasi", "paling lama 5", "Pasal 29", False),
    LawStatement(
        "perangkat-organisasi-koperasi",
        "disetujui",
        "Pasal 32",
        True,
        "bunyi Pasal 32 ayat (1)-(4), dikutip pusbimtekpalira.com",
    ),
    LawStatement(
        "dasar-hukum-koperasi",
        "hanya untuk anggota",
        "Permenkop UKM No. 8/2023",
        True,
        "SE Kemenkop UKM No. 6/2023 tentang pemberlakuan Permenkop UKM No. 8/2023",
    ),
    LawStatement(
        "mencatat-simpanan-dan-pinjaman-anggota",
        "hanya untuk anggota",
        "UU No. 4/2023",
        True,
        "SE Kemenkop UKM No. 6/2023",
    ),
    LawStatement(
        "dasar-hukum-koperasi",
        "menggantikan SAK ETAP",
        "1 Januari 2025",
        True,
        "IAI, dikutip imagama.feb.ugm.ac.id dan stekom.ac.id",
    ),
    LawStatement("pajak-koperasi", "4 tahun pajak", "PP No. 55/2022", True, "news.ddtc.co.id, penyuluhan DJP 2023"),
    LawStatement("pajak-koperasi", "Rp 4,8 miliar", "PP No. 55/2022", True, "news.ddtc.co.id"),
    LawStatement("pajak-koperasi", "Rp 240.000 sebulan", "PP No. 15/2009", True, "teks PP No. 15/2009 Pasal 2"),
    LawStatement("pajak-koperasi", "pengurangan tarif", "Pasal 31E", True, "news.ddtc.co.id"),
    LawStatement("neraca-saldo-dan-laporan-keuangan", "4 tahun pajak", "PP No. 55/2022", True, "news.ddtc.co.id"),
    LawStatement(
        "registrasi-dan-pelaporan-kelembagaan",
        "izin usaha simpan pinjam",
        "Permenkop UKM No. 8/2023",
        True,
        "SE Kemenkop UKM No. 6/2023 (izin lewat OSS)",
    ),
]

# Every regulation a lesson may cite (checked by a test). Add one only after reading it.
KNOWN_REGULATIONS = {
    "UU No. 25/1992",
    "UU No. 6/2023",
    "UU No. 17/2012",
    "UU No. 4/2023",
    "UU No. 27/2022",
    "PP No. 7/2021",
    "PP No. 55/2022",
    "PP No. 15/2009",
    "Permenkop UKM No. 2/2024",
    "Permenkop UKM No. 3/2021",
    "Permenkop UKM No. 8/2023",
    "Permenkop UKM No. 12, 13, dan 14 Tahun 2015",
}
