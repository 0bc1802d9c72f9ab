"""Enrolment by code: each refusal has its own message; capacity holds under concurrent enrolment."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from courses.models import Cohort, Enrollment
from courses.services import CourseError, enroll_with_code
from lms import roles


def refused(user, code):
    with pytest.raises(CourseError) as info:
        enroll_with_code(user=user, code=code)
    return info.value


@pytest.mark.django_db
def test_code_is_case_insensitive_and_ignores_spaces(make_course, make_cohort, trainee):
    cohort = make_cohort(make_course().course, code="ABCD2026")
    enrollment = enroll_with_code(user=trainee, code="  abcd 2026 ")
    assert enrollment.cohort == cohort
    assert enrollment.enrolled_by == trainee
    assert enrollment.status == Enrollment.Status.ACTIVE


@pytest.mark.django_db
def test_enrolment_makes_the_user_a_trainee(make_course, make_cohort, make_user):
    make_cohort(make_course().course, code="ABCD2026")
    user = make_user(None)
    enroll_with_code(user=user, code="abcd2026")
    assert roles.has_role(user, roles.TRAINEE)


@pytest.mark.django_db
def test_codes_differing_only_in_case_cannot_coexist(make_course, make_cohort):
    from django.core.exceptions import ValidationError

    course = make_course().course
    make_cohort(course, code="SAMA2026")
    other = Cohort(
        course=course,
        name="B",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
        enrolment_code="sama2026",
    )
    with pytest.raises(ValidationError) as info:
        other.full_clean()
    assert "enrolment_code" in info.value.message_dict


@pytest.mark.django_db
def test_wrong_code(make_course, make_cohort, trainee):
    make_cohort(make_course().course, code="ABCD2026")
    error = refused(trainee, "XXXX9999")
    assert error.code == "wrong_code"
    assert "tidak dikenal" in error.message
    assert refused(trainee, "   ").code == "empty"
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_expired_code(make_course, make_cohort, trainee):
    make_cohort(make_course().course, code="ABCD2026", code_expires_at=timezone.now() - dt.timedelta(minutes=1))
    error = refused(trainee, "ABCD2026")
    assert error.code == "expired"
    assert "tidak berlaku" in error.message


@pytest.mark.parametrize("status", [Cohort.Status.DRAFT, Cohort.Status.FINISHED, Cohort.Status.CANCELLED])
@pytest.mark.django_db
def test_cohort_not_open(make_course, make_cohort, trainee, status):
    make_cohort(make_course().course, code="ABCD2026", status=status)
    error = refused(trainee, "ABCD2026")
    assert error.code == "not_open"
    assert "tidak dibuka" in error.message


@pytest.mark.django_db
def test_full_cohort(make_course, make_cohort, make_user, enrol):
    cohort = make_cohort(make_course().course, code="ABCD2026", capacity=1)
    enrol(make_user(roles.TRAINEE), cohort)
    error = refused(make_user(roles.TRAINEE), "ABCD2026")
    assert error.code == "full"
    assert "penuh" in error.message
    assert cohort.enrollments.count() == 1


@pytest.mark.django_db
def test_withdrawn_places_are_free_again_and_the_withdrawn_can_come_back(make_course, make_cohort, make_user, enrol):
    cohort = make_cohort(make_course().course, code="ABCD2026", capacity=1)
    leaver = make_user(roles.TRAINEE)
    enrol(leaver, cohort, status=Enrollment.Status.WITHDRAWN)
    assert enroll_with_code(user=leaver, code="ABCD2026").status == Enrollment.Status.ACTIVE
    assert cohort.enrollments.count() == 1


@pytest.mark.django_db
def test_already_enrolled(make_course, make_cohort, trainee):
    make_cohort(make_course().course, code="ABCD2026")
    enroll_with_code(user=trainee, code="ABCD2026")
    error = refused(trainee, "abcd2026")
    assert error.code == "already_enrolled"
    assert "sudah terdaftar" in error.message
    assert Enrollment.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_capacity_holds_under_concurrent_enrolment(make_course, make_cohort, make_user):
    """Eight trainees enrol at once into a cohort with three places: exactly three get in.

    On PostgreSQL (CI) the cohort row lock serialises them; on SQLite the service retries the
    transaction when the database is locked. Either way the count never passes the capacity.
    """
    cohort = make_cohort(make_course().course, code="RAME2026", capacity=3, sessions=0)
    users = [make_user(roles.TRAINEE) for _ in range(8)]
    barrier = threading.Barrier(len(users))
    outcomes = []
    lock = threading.Lock()

    def attempt(user):
        try:
            barrier.wait()
            try:
                enroll_with_code(user=user, code="RAME2026")
                result = "ok"
            except CourseError as exc:
                result = exc.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["full"] * 5 + ["ok"] * 3
    assert Enrollment.objects.filter(cohort=cohort).count() == 3
