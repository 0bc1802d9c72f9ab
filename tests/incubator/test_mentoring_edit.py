"""Editing and deleting a mentoring session: officers only, history kept, action items kept sensibly."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incubator import services
from incubator.models import ActionItem, MentoringRevision, MentoringSession

pytestmark = pytest.mark.django_db

ROLES = ["officer", "contact", "other_contact", "trainee", "instructor", "anonymous"]


@pytest.fixture
def as_role(request, client_for):
    def login(role):
        user = None if role == "anonymous" else request.getfixturevalue(role)
        return client_for(user)

    return login


@pytest.fixture
def session(venture, officer, today):
    return services.record_mentoring(
        venture=venture,
        date=today - dt.timedelta(days=3),
        mentor="Pak Agus",
        topics="Pemasaran",
        notes="Catatan awal",
        action_items=[
            ("Buat akun marketplace", today + dt.timedelta(days=7)),
            ("Foto produk", today + dt.timedelta(days=14)),
        ],
        by=officer,
    )


def edit_data(session, today, **changes):
    items = list(session.action_items.order_by("due_date", "pk"))
    data = {
        "date": session.date.isoformat(),
        "mentor": session.mentor,
        "topics": session.topics,
        "notes": session.notes,
    }
    for index, item in enumerate(items, 1):
        data.update(
            {
                f"action_{index}": item.text,
                f"action_{index}_due": item.due_date.isoformat(),
                f"action_{index}_id": item.pk,
            }
        )
    data.update(changes)
    return data


EXPECTED = {
    "officer": 200,
    "contact": 403,  # the venture's contact sees the venture: refused, not hidden
    "other_contact": 404,
    "trainee": 404,
    "instructor": 404,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["mentoring_edit", "mentoring_delete"])
def test_pages_per_role(as_role, venture, other_venture, session, today, role, page):
    url = reverse(f"incubator:{page}", args=[venture.pk, session.pk])
    client = as_role(role)
    response = client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and "/akun/" in response["Location"]
    else:
        assert response.status_code == EXPECTED[role]
    # A POST by anyone but an officer changes nothing.
    if role != "officer":
        data = edit_data(session, today, topics="Dibajak") if page == "mentoring_edit" else {"reason": "x"}
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404)
        session.refresh_from_db()
        assert session.topics == "Pemasaran"
        assert not MentoringRevision.objects.exists()


def test_session_of_another_venture_is_404(as_role, venture, other_venture, session):
    url = reverse("incubator:mentoring_edit", args=[other_venture.pk, session.pk])
    assert as_role("officer").get(url).status_code == 404
    url = reverse("incubator:mentoring_delete", args=[other_venture.pk, session.pk])
    assert as_role("officer").post(url).status_code == 404
    assert MentoringSession.objects.filter(pk=session.pk).exists()


def test_officer_edits_keeping_done_marks_and_history(as_role, venture, contact, officer, session, today):
    first, second = session.action_items.order_by("due_date")
    services.set_action_item_done(item=first, done=True, by=contact)
    url = reverse("incubator:mentoring_edit", args=[venture.pk, session.pk])
    form = as_role("officer").get(url)
    assert "Buat akun marketplace" in form.content.decode() and 'value="Pemasaran"' in form.content.decode()
    data = edit_data(
        session,
        today,
        topics="Pemasaran daring",
        action_1="Buat akun marketplace dan toko",  # edited text: stays done
        action_2="",
        action_2_due="",  # cleared: removed
        action_3="Daftar QRIS",
        action_3_due=(today + dt.timedelta(days=5)).isoformat(),
    )
    response = as_role("officer").post(url, data)
    assert response.status_code == 302 and response["Location"].endswith("#pendampingan")
    session.refresh_from_db()
    assert session.topics == "Pemasaran daring"
    items = {item.text: item for item in session.action_items.all()}
    assert set(items) == {"Buat akun marketplace dan toko", "Daftar QRIS"}
    assert items["Buat akun marketplace dan toko"].pk == first.pk and items["Buat akun marketplace dan toko"].done
    assert not items["Daftar QRIS"].done
    assert not ActionItem.objects.filter(pk=second.pk).exists()
    revision = MentoringRevision.objects.get()
    assert revision.action == "edit" and revision.changed_by == officer and revision.session == session
    assert revision.snapshot["topics"] == "Pemasaran"
    assert [i["text"] for i in revision.snapshot["action_items"]] == ["Buat akun marketplace", "Foto produk"]
    assert revision.snapshot["action_items"][0]["done"] is True
    # The officer sees the history on the venture page; the contact sees the new content only.
    html = as_role("officer").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "Riwayat pendampingan" in html and "Foto produk" in html
    html = as_role("contact").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "Riwayat pendampingan" not in html and "Pemasaran daring" in html and "Foto produk" not in html


def test_edit_without_change_records_nothing(as_role, venture, session, today):
    url = reverse("incubator:mentoring_edit", args=[venture.pk, session.pk])
    assert as_role("officer").post(url, edit_data(session, today)).status_code == 302
    assert not MentoringRevision.objects.exists()


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"date": "2999-01-01"}, "tidak boleh di masa depan"),
        ({"date": "kemarin"}, "Masukkan tanggal yang valid"),
        ({"mentor": "  "}, "harus diisi"),
        ({"topics": ""}, "harus diisi"),
        ({"action_1_due": ""}, "perlu isi dan batas waktu"),
        ({"action_1_due": "2000-01-01"}, "tidak boleh sebelum tanggal sesi"),
        ({"action_1_id": "999999"}, "bukan milik sesi ini"),
    ],
)
def test_edit_bad_input(as_role, venture, session, today, changes, message):
    url = reverse("incubator:mentoring_edit", args=[venture.pk, session.pk])
    response = as_role("officer").post(url, edit_data(session, today, **{"topics": "Berubah", **changes}))
    assert response.status_code == 200
    assert message in response.content.decode()
    session.refresh_from_db()
    assert session.topics == "Pemasaran" and session.action_items.count() == 2
    assert not MentoringRevision.objects.exists()


def test_item_of_another_session_cannot_be_moved(as_role, venture, other_venture, officer, session, today):
    other = services.record_mentoring(
        venture=other_venture,
        date=today,
        mentor="Bu Rina",
        topics="Kas",
        notes="",
        action_items=[("Rahasia usaha lain", today)],
        by=officer,
    )
    foreign = other.action_items.get()
    url = reverse("incubator:mentoring_edit", args=[venture.pk, session.pk])
    response = as_role("officer").post(url, edit_data(session, today, action_1_id=str(foreign.pk), action_1="Diambil"))
    assert response.status_code == 200
    foreign.refresh_from_db()
    assert foreign.text == "Rahasia usaha lain" and foreign.session == other


def test_delete_needs_confirmation_and_post(as_role, venture, officer, session):
    url = reverse("incubator:mentoring_delete", args=[venture.pk, session.pk])
    page = as_role("officer").get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hapus sesi pendampingan?" in html and "Buat akun marketplace" in html and 'method="post"' in html
    assert MentoringSession.objects.filter(pk=session.pk).exists()  # GET deletes nothing
    response = as_role("officer").post(url, {"reason": "Dicatat dua kali"})
    assert response.status_code == 302
    assert not MentoringSession.objects.filter(pk=session.pk).exists()
    assert not ActionItem.objects.filter(session_id=session.pk).exists()
    revision = MentoringRevision.objects.get()
    assert revision.action == "delete" and revision.reason == "Dicatat dua kali" and revision.session is None
    assert revision.venture == venture and revision.changed_by == officer
    assert revision.snapshot["mentor"] == "Pak Agus" and len(revision.snapshot["action_items"]) == 2
    html = as_role("officer").get(reverse("incubator:venture_detail", args=[venture.pk])).content.decode()
    assert "Dicatat dua kali" in html
    # Deleting again (a second tab, a double submit): 404, nothing more recorded.
    assert as_role("officer").post(url, {"reason": "lagi"}).status_code == 404
    assert MentoringRevision.objects.count() == 1


def test_reason_too_long_is_refused(as_role, venture, session):
    url = reverse("incubator:mentoring_delete", args=[venture.pk, session.pk])
    response = as_role("officer").post(url, {"reason": "x" * 301})
    assert response.status_code == 200 and "paling banyak 300" in response.content.decode()
    assert MentoringSession.objects.filter(pk=session.pk).exists()


def test_service_refuses_a_session_deleted_meanwhile(venture, officer, session, today):
    stale = MentoringSession.objects.get(pk=session.pk)
    services.delete_mentoring(session=session, by=officer)
    with pytest.raises(ValidationError, match="sudah dihapus"):
        services.update_mentoring(
            session=stale, date=today, mentor="A", topics="B", notes="", action_items=[], by=officer
        )
    with pytest.raises(ValidationError, match="sudah dihapus"):
        services.delete_mentoring(session=stale, by=officer)
    assert MentoringRevision.objects.count() == 1
