"""Exactly once under concurrency: simultaneous issues of one trainee's certificate give one row;
simultaneous issues to different trainees get distinct, gap-free serial numbers.

On PostgreSQL (CI) the serial counter's row lock and the partial unique constraint do it; on SQLite
the service retries a transaction the database refused. The outcome is the same on both."""

import threading

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate, SerialCounter
from courses.models import Completion, Enrollment
from lms import roles


def run_together(functions):
    barrier = threading.Barrier(len(functions))
    results, errors = [], []
    lock = threading.Lock()

    def worker(function):
        try:
            barrier.wait()
            outcome = function()
            with lock:
                results.append(outcome)
        except Exception as exc:  # noqa: BLE001 - collected and asserted on
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_issues_for_one_trainee_give_one_certificate(setup):
    enrollment = setup.enrollments["done"]
    results, errors = run_together([lambda: services.issue_certificate(enrollment=enrollment) for _ in range(6)])
    assert not errors, errors
    assert sum(result.created for result in results) == 1
    assert len({result.certificate.pk for result in results}) == 1
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert certificate.sha256 and certificate.number == 1
    assert SerialCounter.objects.get(year=certificate.year).last_number == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_issues_for_different_trainees_get_distinct_sequential_serials(setup, make_user):
    enrollments = []
    for i in range(6):
        user = make_user(roles.TRAINEE, full_name=f"Peserta Serentak {i}")
        enrollment = Enrollment.objects.create(user=user, cohort=setup.cohort, status=Enrollment.Status.COMPLETED)
        Completion.objects.create(enrollment=enrollment)
        enrollments.append(enrollment)
    results, errors = run_together([lambda e=e: services.issue_certificate(enrollment=e) for e in enrollments])
    assert not errors, errors
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 7))
    assert len(set(Certificate.objects.values_list("serial", flat=True))) == 6
    assert len(set(Certificate.objects.values_list("code", flat=True))) == 6
