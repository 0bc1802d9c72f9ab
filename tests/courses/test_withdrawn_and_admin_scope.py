"""Issue 9, items 10 and 11: an instructor reads only their own cohorts in the admin (history,
usage, copy as well as edit), and no longer reads a trainee's book once the trainee withdrew."""

import datetime as dt

import pytest

from courses.models import Enrollment
from ledger.charts import default_chart
from ledger.models import Book, BookKind
from lms import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cohorts(make_course, make_cohort, make_user):
    mine, theirs = make_user(roles.INSTRUCTOR), make_user(roles.INSTRUCTOR)
    tree = make_course(lessons=(1,))
    own = make_cohort(tree.course, sessions=1, instructors=[mine])
    other = make_cohort(tree.course, sessions=1, instructors=[theirs])
    return mine, own, other


@pytest.mark.parametrize("view", ["edit", "history", "history-results", "usage", "copy", "delete"])
def test_an_instructor_cannot_open_another_instructors_cohort_in_the_admin(
    two_cohorts, client_for, view, enrol, make_user
):
    mine, own, other = two_cohorts
    client = client_for(mine)
    for prefix, theirs_obj, own_obj in [
        ("angkatan", other, own),
        ("sesi", other.sessions.first(), own.sessions.first()),
        ("pendaftaran", enrol(make_user(roles.TRAINEE), other), enrol(make_user(roles.TRAINEE), own)),
    ]:
        refused = client.get(f"/admin/kursus/{prefix}/{view}/{theirs_obj.pk}/")
        assert refused.status_code in (302, 403), (prefix, view, refused.status_code)
        # Enrolments are the officers' to change in the admin (instructors see the roster pages).
        if view in ("history", "usage", "edit") and prefix != "pendaftaran":
            assert client.get(f"/admin/kursus/{prefix}/{view}/{own_obj.pk}/").status_code == 200, (prefix, view)


def test_a_withdrawn_trainees_book_is_no_longer_shown_to_the_instructor(two_cohorts, client_for, enrol, make_user):
    mine, own, _other = two_cohorts
    trainee = make_user(roles.TRAINEE)
    enrollment = enrol(trainee, own)
    book = Book.objects.create(
        owner=trainee,
        title="Buku Ani",
        kind=BookKind.PRACTICE,
        chart=default_chart(),
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
    )
    client = client_for(mine)
    assert client.get(f"/buku/{book.pk}/").status_code == 200
    assert "Buku Ani" in client.get("/buku/").content.decode()
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.WITHDRAWN)
    assert client.get(f"/buku/{book.pk}/").status_code == 404
    assert "Buku Ani" not in client.get("/buku/").content.decode()
