"""Instructor tools (issue 7 item 7): "Semua hadir", a status control that reads on a phone, a
compact roster with a filter. Who may use them is tested per role."""

import re

import pytest
from django.urls import reverse

from courses.models import Attendance, Completion, Enrollment
from courses.services import mark_attendance
from lms import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(make_course, make_cohort, make_user, enrol, instructor):
    tree = make_course(lessons=(2,))
    cohort = make_cohort(tree.course, sessions=4, instructors=[instructor])
    people = [
        make_user(roles.TRAINEE, full_name=name, organisation=org)
        for name, org in [
            ("Ani Rahayu", "KSP Sejahtera"),
            ("Budi Santoso", "Koperasi Mlijo Online"),
            ("Citra Dewi", "KSP Sejahtera"),
        ]
    ]
    enrollments = [enrol(person, cohort) for person in people]
    return cohort, enrollments


def test_all_present_marks_the_unrecorded_and_keeps_the_exceptions(running, instructor, client_for):
    cohort, (ani, budi, citra) = running
    session = cohort.sessions.get(number=1)
    url = reverse("courses:session_attendance", args=[cohort.pk, session.pk])
    mark_attendance(session=session, enrollment=budi, status=Attendance.Status.EXCUSED, recorded_by=instructor)
    client = client_for(instructor)
    html = client.get(url).content.decode()
    assert 'name="all_present"' in html
    response = client.post(url, {"all_present": "1", f"status_{budi.pk}": "excused"})
    assert response.status_code == 302 and response["Location"] == url  # back to the sheet for exceptions
    marks = dict(session.attendances.values_list("enrollment_id", "status"))
    assert marks == {ani.pk: "present", budi.pk: "excused", citra.pk: "present"}
    # Pressing it again changes nothing.
    client.post(url, {"all_present": "1", **{f"status_{e.pk}": marks[e.pk] for e in (ani, budi, citra)}})
    assert session.attendances.count() == 3


def test_the_status_control_is_one_tap_per_status_not_a_drop_down(running, instructor, client_for):
    cohort, (ani, *_rest) = running
    session = cohort.sessions.get(number=1)
    html = client_for(instructor).get(reverse("courses:session_attendance", args=[cohort.pk, session.pk])).content
    html = html.decode()
    assert re.search(r'<select[^>]*name="status_', html) is None
    assert len(re.findall(rf'type="radio" name="status_{ani.pk}"', html)) == 4
    for word in ("Hadir", "Terlambat", "Izin", "Tidak hadir"):
        assert word in html


def test_the_roster_is_a_compact_list_with_a_filter(running, client_for, officer):
    cohort, (ani, budi, citra) = running
    Enrollment.objects.filter(pk=citra.pk).update(status=Enrollment.Status.COMPLETED)
    Completion.objects.create(enrollment=citra, snapshot={})
    session = cohort.sessions.get(number=1)
    mark_attendance(session=session, enrollment=ani, status=Attendance.Status.PRESENT, recorded_by=officer)
    client = client_for(officer)
    url = reverse("courses:cohort_detail", args=[cohort.pk])
    html = client.get(url).content.decode()
    assert 'class="roster-list"' in html and "<table" not in html
    assert all(name in html for name in ("Ani Rahayu", "Budi Santoso", "Citra Dewi"))

    def names(query):
        page = client.get(url, query).content.decode()
        listing = page.split('class="roster-list"', 1)[1].split("</ul>", 1)[0]
        return [n for n in ("Ani Rahayu", "Budi Santoso", "Citra Dewi") if n in listing]

    assert names({"q": "mlijo"}) == ["Budi Santoso"]
    assert names({"q": "  ANI  "}) == ["Ani Rahayu"]
    assert names({"tampil": "lulus"}) == ["Citra Dewi"]
    assert names({"tampil": "belum"}) == ["Ani Rahayu", "Budi Santoso"]
    assert names({"tampil": "kurang-hadir"}) == ["Ani Rahayu", "Budi Santoso", "Citra Dewi"]
    assert names({"tampil": "apa-saja"}) == ["Ani Rahayu", "Budi Santoso", "Citra Dewi"]  # unknown filter: all
    assert "Tidak ada peserta yang cocok" in client.get(url, {"q": "zzz"}).content.decode()


def test_roster_and_sheet_per_role(running, make_user, client_for, instructor, officer):
    cohort, _enrollments = running
    session = cohort.sessions.get(number=1)
    urls = [
        reverse("courses:cohort_detail", args=[cohort.pk]),
        reverse("courses:session_attendance", args=[cohort.pk, session.pk]),
    ]
    other_instructor = make_user(roles.INSTRUCTOR)
    for user, expected in (
        (instructor, 200),
        (officer, 200),
        (other_instructor, 403),
        (make_user(roles.TRAINEE), 403),
    ):
        for url in urls:
            assert client_for(user).get(url).status_code == expected, (user, url)
    for url in urls:
        assert client_for(None).get(url).status_code == 302
    # A stranger cannot mark through "Semua hadir" either.
    client_for(other_instructor).post(urls[1], {"all_present": "1"})
    assert not session.attendances.exists()
