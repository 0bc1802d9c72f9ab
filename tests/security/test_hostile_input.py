"""Hostile input to every form a trainee or staff member fills (issue 9, "proof that stays").

About 40 bad values (oversized, wrong types, unicode tricks, negative and huge amounts, markup,
formulas, path traversal, control characters) posted into each field of each form endpoint
(journal entry, practice book, members, enrolment code, check-in, profile, sign-up, CSV import).
Every answer must be a page (never a 500), nothing echoed unescaped, and whatever was stored must
pass the model's own validation and carry no direction-control characters.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ledger.models import Book, JournalEntry, Member
from lms import roles
from tests.ledger.fixtures_ui import entry_post

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
HOSTILE = [
    "",
    " ",
    "\t\n\r",
    "a" * 5000,
    "9" * 400,
    "-1",
    "-1.000.000",
    "0",
    "-0",
    "0,001",
    "1e309",
    "NaN",
    "Infinity",
    "1.000.000.000.000.000.000,00",
    "12345678901234,56",
    "0x1F",
    "１２３",  # full-width digits
    "١٢٣",  # Arabic-Indic digits
    "𝟙𝟚𝟛",  # mathematical digits
    "Rp Rp 1",
    "1,2,3,4",
    "1..2",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "' OR 1=1 --",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "%00",
    "a\x00b",
    "Budi\u202eGNP.exe",
    "\u2066\u2067\u2068\u2069",
    "\ufeff\u200b",
    "😀" * 300,
    "null",
    "[]",
    "{}",
    "true",
    "2026-02-30",
    "99999-01-01",
    "31/12/2026",
]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _check_response(response, where):
    assert response.status_code < 500, where
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    assert SCRIPT not in body, f"echoed unescaped: {where}"
    assert "onerror=alert(1)>" not in body, f"echoed unescaped: {where}"


def _check_stored(*querysets):
    for queryset in querysets:
        for obj in queryset:
            obj.full_clean(validate_unique=False, validate_constraints=False)
            for field in obj._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if isinstance(value, str):
                    assert not any(ch in value for ch in BIDI), (obj, field.name)
                    assert "\x00" not in value, (obj, field.name)


@pytest.fixture
def people(make_user):
    return {
        "trainee": make_user(roles.TRAINEE, full_name="Ani Peserta"),
        "officer": make_user(roles.OFFICER, full_name="Eka Petugas"),
    }


@pytest.fixture
def book(people, chart):
    import datetime as dt

    book = Book.objects.create(
        owner=people["trainee"],
        title="Buku Ani",
        kind="practice",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    Member.objects.create(book=book, number="A001", name="Siti")
    return book


@pytest.fixture
def chart(db):
    from ledger.charts import default_chart

    return default_chart()


def test_the_journal_entry_form(people, book):
    client = Client()
    client.force_login(people["trainee"])
    url = f"/buku/{book.pk}/jurnal/baru/"
    good = {"account": "1101", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}
    for n, value in enumerate(HOSTILE):
        variants = [
            entry_post(list(good), description=value, nonce=f"d{n}"),
            entry_post(list(good), voucher=value, nonce=f"v{n}"),
            entry_post(list(good), date=value, nonce=f"t{n}"),
            entry_post([{"account": "1101", "debit": value}, {"account": "3103", "credit": value}], nonce=f"a{n}"),
            entry_post([{"account": value, "debit": "1.000"}, good[1]], nonce=f"c{n}"),
            entry_post([{**good[0], "memo": value}, good[1]], nonce=f"m{n}"),
            entry_post([good[0], {"account": "3101", "credit": "1.000", "member": value}], nonce=f"p{n}"),
            entry_post(list(good), nonce=value, count=None),
            {**entry_post(list(good), nonce=f"l{n}"), "line_count": value},
        ]
        for data in variants:
            _check_response(client.post(url, data), (url, value))
    _check_stored(JournalEntry.objects.filter(book=book))
    # Whatever was accepted is balanced and positive (the database constraints hold too).
    for entry in JournalEntry.objects.filter(book=book).prefetch_related("lines"):
        lines = list(entry.lines.all())
        assert all(line.amount > 0 for line in lines)
        assert sum(line.amount for line in lines if line.side == "D") == sum(
            line.amount for line in lines if line.side == "C"
        )


def test_the_practice_book_and_member_forms(people, book):
    client = Client()
    client.force_login(people["trainee"])
    for value in HOSTILE:
        for data in (
            {"title": value, "cooperative_name": "Koperasi", "year": "2026"},
            {"title": "Buku", "cooperative_name": value, "year": "2026"},
            {"title": "Buku", "cooperative_name": "Koperasi", "year": value},
            {"title": "Buku", "cooperative_name": "Koperasi", "year": "2026", "simpanan_pokok": value},
        ):
            _check_response(client.post("/buku/baru/", data), ("/buku/baru/", value))
        for data in ({"number": value, "name": "Budi"}, {"number": "A9", "name": value}):
            _check_response(client.post(f"/buku/{book.pk}/anggota/", data), ("anggota", value))
    _check_stored(Book.objects.all(), Member.objects.all())


def test_the_enrolment_and_check_in_forms(people):
    client = Client()
    client.force_login(people["trainee"])
    for value in HOSTILE:
        _check_response(client.post("/kursus/daftar/", {"code": value}), ("daftar", value))
        _check_response(client.post("/kursus/presensi/", {"code": value}), ("presensi", value))
        _check_response(client.post("/kursus/presensi/", {"code": "123456", "session": value}), ("sesi", value))
        _check_response(client.get("/kursus/presensi/", {"kode": value, "sesi": value}), ("presensi GET", value))


def test_the_profile_form(people):
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(people["trainee"])
    for value in HOSTILE:
        for data in (
            {"full_name": value, "phone": "", "organisation": ""},
            {"full_name": "Ani Peserta", "phone": value, "organisation": ""},
            {"full_name": "Ani Peserta", "phone": "", "organisation": value},
        ):
            _check_response(client.post("/akun/profil/", data), ("profil", value))
    _check_stored(get_user_model().objects.filter(pk=people["trainee"].pk))


def test_the_sign_up_form():
    from django.contrib.auth import get_user_model

    for n, value in enumerate(HOSTILE[::3]):
        client = Client(REMOTE_ADDR=f"10.9.{n}.1")
        for data in (
            {
                "full_name": value,
                "email": f"baru{n}@example.test",
                "password1": "kopi-tubruk-77",
                "password2": "kopi-tubruk-77",
            },
            {"full_name": "Nama Baru", "email": value, "password1": "kopi-tubruk-77", "password2": "kopi-tubruk-77"},
            {
                "full_name": "Nama Baru",
                "email": f"hp{n}@example.test",
                "phone": value,
                "password1": "kopi-tubruk-77",
                "password2": "kopi-tubruk-77",
            },
        ):
            _check_response(client.post("/akun/signup/", data), ("signup", value))
    _check_stored(get_user_model().objects.all())


def test_the_csv_import(people, make_course, make_cohort):
    from django.contrib.auth import get_user_model

    cohort = make_cohort(make_course(lessons=(1,)).course, capacity=500)
    client = Client()
    client.force_login(people["officer"])
    url = f"/admin/kursus/angkatan/{cohort.pk}/impor/"
    files = [
        (
            "peserta.csv",
            "nama,email\n" + "\n".join(f"{v.replace(',', ' ')},x{n}@example.test" for n, v in enumerate(HOSTILE)),
        ),
        ("../../etc/passwd", "nama,email\nSiti,siti@example.test\n"),
        ("peserta.csv", "\x00\x01\x02 biner"),
        ("peserta.csv", "nama;email\n" + "A" * 200_000 + ";a@example.test\n"),
        ("peserta.exe", "MZ\x90\x00"),
        ("peserta.csv", ""),
        ("peserta.csv", "email,nama\n=cmd|' /C calc'!A0,Budi\n"),
    ]
    for name, text in files:
        upload = SimpleUploadedFile(name, text.encode("utf-8", "surrogatepass"), content_type="text/csv")
        _check_response(client.post(url, {"file": upload}), ("impor", name))
    _check_stored(get_user_model().objects.all())


def test_rich_text_that_is_not_the_editors_json_is_no_value_not_a_500(people, chart, make_user):
    """Issue 9, item 14: non-JSON posted to the exercise edit view raised JSONDecodeError."""
    import datetime as dt

    from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea

    from ledger.models import LedgerExercise

    assert DraftailRichTextArea().value_from_datadict({"x": "bukan json {"}, {}, "x") is None
    exercise = LedgerExercise.objects.create(
        title="Latihan",
        slug="latihan-uji",
        chart=chart,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        cooperative_name="Koperasi",
        instructions="<p>Petunjuk</p>",
    )
    client = Client()
    client.force_login(make_user(roles.ADMIN))
    response = client.post(
        f"/admin/buku-latihan/latihan/edit/{exercise.pk}/",
        {"title": "Latihan", "slug": "latihan-uji", "instructions": "<script>bukan json"},
    )
    assert response.status_code < 500
    exercise.refresh_from_db()
    assert exercise.instructions == "<p>Petunjuk</p>"
