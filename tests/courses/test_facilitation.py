"""The instructors' day plans: who may open them, what each holds, and that trainees never see them."""

import re

import pytest
from django.urls import reverse

from courses.content.facilitation import FACILITATION
from lms import roles


@pytest.fixture
def setting(make_course, make_cohort, instructor, trainee, enrol):
    tree = make_course()
    cohort = make_cohort(tree.course, instructors=[instructor])
    enrol(trainee, cohort)
    return cohort


def _url(cohort, day=3):
    return reverse("courses:facilitation", args=[cohort.pk, day])


@pytest.mark.parametrize("who", ["instructor", "officer", "admin_user"])
def test_staff_who_run_the_cohort_read_each_days_plan(request, client_for, setting, who):
    client = client_for(request.getfixturevalue(who))
    for day in FACILITATION:
        response = client.get(_url(setting, day))
        assert response.status_code == 200
        html = response.content.decode()
        assert FACILITATION[day]["title"] in html
        for heading in ("Jadwal", "Kerja kelompok", "Berpasangan di buku latihan", "cadangan kertas"):
            assert heading in html


def test_trainees_and_other_instructors_are_refused(client_for, setting, trainee, make_user):
    assert client_for(trainee).get(_url(setting)).status_code == 403
    other = make_user(roles.INSTRUCTOR, email="lain@example.test")
    assert client_for(other).get(_url(setting)).status_code == 403
    anonymous = client_for(None).get(_url(setting))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_an_unknown_day_is_not_found(client_for, setting, instructor):
    assert client_for(instructor).get(_url(setting, 9)).status_code == 404


def test_the_roster_links_each_days_plan_and_trainee_pages_do_not(client_for, setting, instructor, trainee):
    html = client_for(instructor).get(reverse("courses:cohort_detail", args=[setting.pk])).content.decode()
    for day in FACILITATION:
        assert _url(setting, day) in html
    course_html = client_for(trainee).get(setting.course.url).content.decode()
    assert "fasilitasi" not in course_html


def _minutes(hhmm):
    hours, minutes = hhmm.split(".")
    return int(hours) * 60 + int(minutes)


@pytest.mark.parametrize("day", sorted(FACILITATION))
def test_each_plan_fills_the_day_for_two_instructors_and_31_trainees(day):
    plan = FACILITATION[day]
    rows = plan["schedule"]
    assert rows[0][0] == "08.00" and rows[-1][1] == "15.30"
    for (_s, end, _a, _l), (start, _e, _a2, _l2) in zip(rows, rows[1:]):
        assert end == start  # no gaps, no overlaps
    assert all(_minutes(s) < _minutes(e) for s, e, _a, _l in rows)
    assert {lead for *_rest, lead in rows} <= {"A", "B", "A+B", ""}
    assert {"A", "B"} <= {part for *_rest, lead in rows for part in lead.split("+") if part}
    assert "31 peserta" in plan["group_work"]
    assert "kertas" in plan["paper"]
    for html in (plan["intro"], plan["group_work"], plan["ledger_pairs"], plan["paper"]):
        assert set(re.findall(r"</?([a-z0-9]+)", html)) <= {"p", "b", "ul", "ol", "li"}


def test_day_three_pairs_trainees_at_the_ledger():
    assert "15 pasangan" in FACILITATION[3]["ledger_pairs"]
