"""Demo data for the foundation: people in every role, their cooperatives, the site's home page.

`load(stdout=...)` is idempotent: users are looked up by email and only created when missing.
Other apps add their own `demo.py` with a `load(*, stdout)` function; `load_demo` runs them all.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from . import roles

# One password for every demo account, printed by load_demo. Demo data is refused in production.
DEMO_PASSWORD = "sinau-demo-2026"  # nosec B105  # published demo password; load_demo refuses without DEBUG

NEW_COOPERATIVES = [
    "Koperasi Produsen Tempe Maju Bersama",
    "Koperasi Konsumen Guyub Rukun",
    "Koperasi Jasa Ojek Sejahtera",
    "Koperasi Produsen Batik Sekar Jagad",
    "Koperasi Pemasaran Kopi Lereng Merapi",
    "Koperasi Jasa Laundry Bersih",
    "Koperasi Produsen Keripik Singkong Rasa",
    "Koperasi Wisata Kampung Hijau",
    "Koperasi Produsen Madu Hutan Lestari",
    "Koperasi Jasa Katering Dapur Ibu",
    "Koperasi Pengrajin Bambu Apik",
    "Koperasi Peternak Lele Mina Jaya",
    "Koperasi Produsen Jamu Gendong Sehat",
    "Koperasi Jasa Servis Elektronik Terampil",
    "Koperasi Konveksi Jahit Rapi",
    "Koperasi Produsen Sambal Pedas Nusantara",
    "Koperasi Pemuda Digital Kreatif",
    "Koperasi Tani Organik Subur",
]
RETAIL_COOPERATIVES = [
    "Koperasi Konsumen Warung Warga RW 05",
    "KPRI Toko Guru Sejahtera",
    "Koperasi Karyawan Pasar Induk",
    "Koperasi Serba Usaha Toko Tani Makmur",
    "Koperasi Wanita Toko Srikandi",
    "Koperasi Konsumen Minimarket Kelurahan",
    "Koperasi Pegawai Pemkot Toko Kita",
    "Koperasi Pondok Pesantren Al-Ikhlas Mart",
    "Koperasi Konsumen Toko Pelajar",
    "Koperasi Serba Usaha Kios Nelayan",
    "Koperasi Karyawan RSUD Toko Sehat",
    "Koperasi Konsumen Toko Desa Mandiri",
]
ONLINE_COOPERATIVE = "Koperasi Mlijo Online Sayur Segar"

TRAINEE_NAMES = [
    "Siti Aminah",
    "Budi Santoso",
    "Dewi Lestari",
    "Agus Prasetyo",
    "Rina Wulandari",
    "Joko Susilo",
    "Sri Rahayu",
    "Eko Saputro",
    "Nur Hidayah",
    "Bambang Wijaya",
    "Fitri Handayani",
    "Hendra Gunawan",
    "Wahyuni Kusuma",
    "Slamet Riyadi",
    "Yuliana Putri",
    "Teguh Santosa",
    "Ratna Sari",
    "Dedi Kurniawan",
    "Lina Marlina",
    "Rudi Hartono",
    "Indah Permatasari",
    "Arif Rahman",
    "Maya Anggraini",
    "Sugeng Widodo",
    "Endang Susanti",
    "Fajar Nugroho",
    "Tri Wahyuningsih",
    "Hadi Purnomo",
    "Kartini Setyowati",
    "Yusuf Hakim",
    "Sulastri Mlijo",
]
INSTRUCTORS = [
    ("Dr. Hartini Wibowo, S.E., M.Si.", "narasumber1@sinau.test"),
    ("Andi Firmansyah, S.E., Ak.", "narasumber2@sinau.test"),
]
OFFICERS = [("Retno Palupi, S.Sos.", "petugas1@sinau.test"), ("Gatot Subroto, S.E.", "petugas2@sinau.test")]
VENTURE_CONTACTS = [("Siti Aminah", "peserta01@sinau.test")]  # a trainee who also reports on her venture
ADMIN = ("Admin Sinau", "admin@sinau.test")


def trainee_rows() -> list[dict]:
    """The 31 demo trainees with their cooperatives: 18 new, 12 retail, 1 online vegetable."""
    cooperatives = (
        [(name, "baru") for name in NEW_COOPERATIVES]
        + [(name, "ritel") for name in RETAIL_COOPERATIVES]
        + [(ONLINE_COOPERATIVE, "online")]
    )
    rows = []
    for index, (name, (cooperative, kind)) in enumerate(zip(TRAINEE_NAMES, cooperatives, strict=True), start=1):
        rows.append(
            {
                "email": f"peserta{index:02d}@sinau.test",
                "full_name": name,
                "phone": f"+628120000{index:04d}",
                "organisation": cooperative,
                "kind": kind,
            }
        )
    return rows


def _ensure_user(
    *,
    email: str,
    full_name: str,
    role: str,
    phone: str | None = None,
    organisation: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            phone=phone,
            phone_verified=bool(phone),
            organisation=organisation,
            is_staff=is_staff,
            is_superuser=is_superuser,
        )
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    roles.assign_role(user, role)
    return user, created


@transaction.atomic
def load(*, stdout) -> dict:
    roles.sync_roles()
    created = 0
    people: dict[str, list] = {"trainees": [], "instructors": [], "officers": [], "venture_contacts": []}
    for row in trainee_rows():
        user, was_created = _ensure_user(
            email=row["email"],
            full_name=row["full_name"],
            role=roles.TRAINEE,
            phone=row["phone"],
            organisation=row["organisation"],
        )
        people["trainees"].append(user)
        created += was_created
    for name, email in INSTRUCTORS:
        user, was_created = _ensure_user(email=email, full_name=name, role=roles.INSTRUCTOR, is_staff=True)
        people["instructors"].append(user)
        created += was_created
    for name, email in OFFICERS:
        user, was_created = _ensure_user(
            email=email,
            full_name=name,
            role=roles.OFFICER,
            is_staff=True,
            organisation="Dinas Koperasi, UKM, Perindustrian dan Perdagangan",
        )
        people["officers"].append(user)
        created += was_created
    for _name, email in VENTURE_CONTACTS:
        user = get_user_model().objects.get(email=email)
        roles.assign_role(user, roles.VENTURE_CONTACT)
        people["venture_contacts"].append(user)
    admin, was_created = _ensure_user(
        email=ADMIN[1], full_name=ADMIN[0], role=roles.ADMIN, is_staff=True, is_superuser=True
    )
    created += was_created
    people["admin"] = admin
    stdout.write(f"  pengguna: {created} dibuat")
    return people


LOGIN_TABLE = [
    ("Admin", ADMIN[1]),
    ("Petugas Dinas", OFFICERS[0][1]),
    ("Petugas Dinas", OFFICERS[1][1]),
    ("Narasumber", INSTRUCTORS[0][1]),
    ("Narasumber", INSTRUCTORS[1][1]),
    ("Peserta (juga Kontak Usaha)", "peserta01@sinau.test"),
    ("Peserta", "peserta02@sinau.test … peserta31@sinau.test"),
]
