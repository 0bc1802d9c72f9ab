"""Who sees which ledger page: owner, another trainee, an instructor of the owner's cohort (through a
supervisor function registered here, standing in for courses), other instructors, officers, admin,
anonymous. Others' books are 404 (no leak); writes are the owner's only."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ledger import access
from ledger.models import JournalEntry
from ledger.services import LineInput, post_journal_entry
from lms import roles

pytest.register_assert_rewrite("tests.ledger.fixtures_ui")

from .fixtures_ui import entry_post  # noqa: E402

pytest_plugins = ["tests.ledger.fixtures_ui"]  # make_book, supervises

READ_PAGES = [
    ("ledger:book_detail", []),
    ("ledger:entry_list", []),
    ("ledger:entry_detail", [1]),
    ("ledger:member_list", []),
    ("ledger:closing", []),
    ("ledger:shu", []),
    ("ledger:shu_download", ["xlsx"]),
    *[
        ("ledger:report", [slug])
        for slug in (
            "jurnal-umum",
            "buku-besar",
            "neraca-saldo",
            "hasil-usaha",
            "posisi-keuangan",
            "perubahan-ekuitas",
            "kartu-simpanan",
            "kartu-piutang",
            "jurnal-penutup",
        )
    ],
    ("ledger:report_download", ["neraca-saldo", "pdf"]),
    ("ledger:report_download", ["kartu-simpanan", "xlsx"]),
]
WRITE_PAGES = [
    (
        "ledger:entry_create",
        [],
        entry_post([{"account": "1101", "debit": "1.000"}, {"account": "3103", "credit": "1.000"}]),
    ),
    ("ledger:entry_reverse", [1], {"reason": "Salah"}),
    ("ledger:member_list", [], {"number": "B001", "name": "Baru"}),
    ("ledger:closing", [], {"date": "2026-12-31"}),
]


@pytest.fixture
def people(make_user, trainee, instructor, officer, admin_user, venture_contact):
    return {
        "owner": trainee,
        "other_trainee": make_user(roles.TRAINEE),
        "cohort_instructor": instructor,
        "other_instructor": make_user(roles.INSTRUCTOR),
        "officer": officer,
        "venture_contact": venture_contact,
        "admin": admin_user,
        "anonymous": None,
    }


@pytest.fixture
def owned_book(book, trainee):
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 1, 5),
        description="Setoran",
        voucher="",
        lines=[LineInput.dr("1101", "1.000.000"), LineInput.cr("3101", "1.000.000", "A001")],
    )
    post_journal_entry(
        book=book,
        user=trainee,
        date=dt.date(2026, 2, 5),
        description="Pendapatan",
        voucher="",
        lines=[LineInput.dr("1101", "100.000"), LineInput.cr("4101", "100.000", "A002")],
    )
    return book


# Expected GET status per role for a book page (read-only access for supervisors and admin).
READ_STATUS = {
    "owner": 200,
    "other_trainee": 404,
    "cohort_instructor": 200,
    "other_instructor": 404,
    "officer": 404,
    "venture_contact": 404,
    "admin": 200,
}


@pytest.mark.parametrize("role", list(READ_STATUS) + ["anonymous"])
def test_read_pages_per_role(client_for, people, owned_book, supervises, role):
    supervises((people["cohort_instructor"].pk, people["owner"].pk))
    client = client_for(people[role])
    for url_name, extra in READ_PAGES:
        url = reverse(url_name, args=[owned_book.pk, *extra])
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/akun/login/" in response.url, url
        else:
            assert response.status_code == READ_STATUS[role], (url, response.status_code)


@pytest.mark.parametrize("role", list(READ_STATUS) + ["anonymous"])
def test_writes_are_the_owners_only(client_for, people, owned_book, supervises, role):
    supervises((people["cohort_instructor"].pk, people["owner"].pk))
    client = client_for(people[role])
    before = JournalEntry.objects.filter(book=owned_book).count()
    for url_name, extra, data in WRITE_PAGES:
        response = client.post(reverse(url_name, args=[owned_book.pk, *extra]), data)
        if role == "anonymous":
            assert response.status_code == 302 and "/akun/login/" in response.url
        elif role == "owner":
            assert response.status_code in (302, 200), (url_name, response.status_code)
        else:
            assert response.status_code == 404, (url_name, role, response.status_code)
    after = JournalEntry.objects.filter(book=owned_book).count()
    if role == "owner":
        assert after == before + 3  # the entry, the reversal, the closing entry
    else:
        assert after == before
        assert not owned_book.members.filter(number="B001").exists()


def test_entry_form_is_404_for_readers_who_are_not_the_owner(client_for, people, owned_book, supervises):
    supervises((people["cohort_instructor"].pk, people["owner"].pk))
    for role in ("cohort_instructor", "admin"):
        response = client_for(people[role]).get(reverse("ledger:entry_create", args=[owned_book.pk]))
        assert response.status_code == 404
    page = client_for(people["cohort_instructor"]).get(reverse("ledger:book_detail", args=[owned_book.pk]))
    assert "hanya dibaca" in page.text
    assert reverse("ledger:entry_create", args=[owned_book.pk]) not in page.text


def test_archived_book_is_read_only_for_its_owner(client_for, trainee, make_book):
    archived = make_book(trainee, archived=True)
    client = client_for(trainee)
    assert client.get(reverse("ledger:book_detail", args=[archived.pk])).status_code == 200
    response = client.get(reverse("ledger:entry_create", args=[archived.pk]))
    assert response.status_code == 302 and response.url == reverse("ledger:book_detail", args=[archived.pk])
    assert not access.may_edit_book(trainee, archived)


def test_book_list_shows_only_own_books(client_for, people, owned_book, supervises):
    supervises((people["cohort_instructor"].pk, people["owner"].pk))
    for role in ("other_trainee", "other_instructor", "officer", "venture_contact", "admin"):
        page = client_for(people[role]).get(reverse("ledger:book_list"))
        assert page.status_code == 200 and owned_book.title not in page.text
        assert "Buku peserta yang Anda dampingi" not in page.text
    assert client_for(None).get(reverse("ledger:book_list")).status_code == 302


# session, user, roles, navigation (base.html), my books, supervised books (one query however many)
QUERIES_BOOK_LIST = 5


def test_book_list_lists_the_books_of_an_instructors_trainees(
    client_for, people, owned_book, make_book, supervises, django_assert_num_queries
):
    """An instructor finds the books of the trainees they supervise (read-only links); not archived
    ones, not other trainees' books; the page costs the same number of queries for 1 or 5 trainees."""
    teacher, owner = people["cohort_instructor"], people["owner"]
    make_book(people["other_trainee"], title="Buku orang lain")
    make_book(owner, title="Buku lama diarsipkan", archived=True)
    supervises((teacher.pk, owner.pk))
    client = client_for(teacher)
    page = client.get(reverse("ledger:book_list"))
    section = page.text[page.text.index("Buku peserta yang Anda dampingi") :]
    assert owned_book.title in section and owner.full_name in section
    assert reverse("ledger:book_detail", args=[owned_book.pk]) in section
    assert "Buku orang lain" not in page.text and "Buku lama diarsipkan" not in page.text

    with django_assert_num_queries(QUERIES_BOOK_LIST):
        client.get(reverse("ledger:book_list"))
    extra = []
    for index in range(4):
        user = get_user_model().objects.create_user(
            email=f"peserta-tambahan{index}@sinau.test", password="x", full_name=f"Peserta Tambahan {index}"
        )
        roles.assign_role(user, roles.TRAINEE)
        make_book(user, title=f"Buku tambahan {index}")
        extra.append((teacher.pk, user.pk))
    supervises(*extra)
    client = client_for(teacher)
    with django_assert_num_queries(QUERIES_BOOK_LIST):
        page = client.get(reverse("ledger:book_list"))
    assert all(f"Buku tambahan {index}" in page.text for index in range(4))


def test_access_functions_and_rules(people, owned_book, supervises):
    owner, teacher = people["owner"], people["cohort_instructor"]
    assert access.may_view_book(owner, owned_book) and access.may_edit_book(owner, owned_book)
    assert not access.may_view_book(teacher, owned_book)
    supervises((teacher.pk, owner.pk))
    assert access.may_view_book(teacher, owned_book) and not access.may_edit_book(teacher, owned_book)
    assert teacher.has_perm("ledger.view_book", owned_book)
    assert not teacher.has_perm("ledger.post_entry", owned_book)
    assert owner.has_perm("ledger.post_entry", owned_book)
    assert not people["other_trainee"].has_perm("ledger.view_book", owned_book)
    assert access.may_reveal_answers(teacher) and not access.may_reveal_answers(owner)
    assert teacher.has_perm("ledger.reveal_exercise") and not owner.has_perm("ledger.reveal_exercise")


def test_register_is_idempotent_and_decorator_friendly():
    def relation(viewer, owner):
        return False

    assert access.register_book_supervisor(relation) is relation
    access.register_book_supervisor(relation)
    assert access.book_supervisors().count(relation) == 1
    access.unregister_book_supervisor(relation)
    assert relation not in access.book_supervisors()
