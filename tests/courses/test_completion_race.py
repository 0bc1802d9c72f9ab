"""Two requests completing the same enrolment at the same instant (issue 9, item 1): both get an
answer (no 500), the completion is recorded and announced once. SQLite (file, BEGIN IMMEDIATE)
and PostgreSQL (CI)."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Completion, Enrollment, LessonProgress
from courses.signals import course_completed
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def announced():
    calls = []

    def listener(sender, enrollment, completion, **kwargs):
        calls.append(completion.pk)

    course_completed.connect(listener, dispatch_uid="race-listener")
    yield calls
    course_completed.disconnect(dispatch_uid="race-listener")


def test_two_simultaneous_requests_completing_one_enrolment_both_answered(
    make_course, make_cohort, enrol, trainee, announced
):
    tree = make_course(lessons=(2,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    first = Client()
    first.force_login(trainee)
    first.post(reverse("courses:lesson_done", args=[tree.lessons[0].pk]))
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(trainee)
        clients.append(client)
    url = reverse("courses:lesson_done", args=[tree.lessons[1].pk])
    outcomes = run_at_once([lambda c=c: c.post(url) for c in clients])
    assert [getattr(o, "status_code", repr(o)) for o in outcomes] == [302, 302]
    assert LessonProgress.objects.filter(user=trainee).count() == 2
    assert Completion.objects.filter(enrollment=enrollment).count() == 1
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert len(announced) == 1


def test_eight_simultaneous_completions_of_one_enrolment(make_course, make_cohort, enrol, trainee, announced):
    from courses.services import mark_lesson_done

    tree = make_course(lessons=(1,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    lesson = tree.lessons[0]
    outcomes = run_at_once([lambda: mark_lesson_done(user=trainee, lesson=lesson) for _ in range(8)])
    assert all(isinstance(o, LessonProgress) for o in outcomes), outcomes
    assert Completion.objects.filter(enrollment=enrollment).count() == 1
    assert len(announced) == 1
