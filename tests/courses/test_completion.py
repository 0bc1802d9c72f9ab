"""The completion rule and its edge cases; completion is recorded once and announced after commit."""

import pytest

from courses import activities
from courses.models import Attendance, Completion, Enrollment, LessonPage, LessonProgress
from courses.services import (
    CourseError,
    evaluate_completion,
    mark_attendance,
    mark_lesson_done,
)
from courses.signals import course_completed


@pytest.fixture
def received():
    calls = []

    def listener(sender, enrollment, completion, **kwargs):
        calls.append((enrollment.pk, completion.pk))

    course_completed.connect(listener, dispatch_uid="test-listener")
    yield calls
    course_completed.disconnect(dispatch_uid="test-listener")


def attend(enrollment, statuses, instructor):
    for session, status in zip(enrollment.cohort.sessions.order_by("number"), statuses, strict=False):
        mark_attendance(session=session, enrollment=enrollment, status=status, recorded_by=instructor)


def finish_lessons(user, tree):
    for lesson in tree.lessons:
        mark_lesson_done(user=user, lesson=lesson)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_completion_is_recorded_once_and_announced_after_commit(
    make_course, make_cohort, enrol, trainee, instructor, received
):
    tree = make_course(lessons=(2,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=2))
    attend(enrollment, ["present", "late"], instructor)
    assert not Completion.objects.exists()
    finish_lessons(trainee, tree)
    completion = Completion.objects.get(enrollment=enrollment)
    assert completion.snapshot["lessons_done"] == 2
    assert completion.snapshot["sessions_attended"] == 2
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert received == [(enrollment.pk, completion.pk)]
    # Later writes change nothing and announce nothing again.
    mark_attendance(
        session=enrollment.cohort.sessions.first(), enrollment=enrollment, status="absent", recorded_by=instructor
    )
    assert evaluate_completion(enrollment=enrollment) == completion
    assert Completion.objects.count() == 1
    assert len(received) == 1


@pytest.mark.django_db
def test_exactly_the_minimum_attendance_passes(make_course, make_cohort, enrol, trainee, instructor):
    tree = make_course(lessons=(1,), min_attendance_percent=75)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=4))
    finish_lessons(trainee, tree)
    attend(enrollment, ["present", "present"], instructor)
    assert evaluate_completion(enrollment=enrollment) is None  # 50 %
    attend(enrollment, ["present", "present", "late"], instructor)
    assert evaluate_completion(enrollment=enrollment) is not None  # exactly 75 %


@pytest.mark.django_db
def test_just_below_the_minimum_fails(make_course, make_cohort, enrol, trainee, instructor):
    tree = make_course(lessons=(1,), min_attendance_percent=67)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=3))
    finish_lessons(trainee, tree)
    attend(enrollment, ["present", "present", "absent"], instructor)  # 66.7 % < 67 %
    assert evaluate_completion(enrollment=enrollment) is None


@pytest.mark.django_db
def test_excused_does_not_count_as_attended(make_course, make_cohort, enrol, trainee, instructor):
    tree = make_course(lessons=(1,), min_attendance_percent=75)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=4))
    finish_lessons(trainee, tree)
    attend(enrollment, ["present", "present", "excused", "excused"], instructor)
    assert evaluate_completion(enrollment=enrollment) is None
    mark_attendance(
        session=enrollment.cohort.sessions.get(number=3),
        enrollment=enrollment,
        status="present",
        recorded_by=instructor,
    )
    assert Completion.objects.filter(enrollment=enrollment).exists()


@pytest.mark.django_db
def test_zero_sessions_means_no_attendance_condition(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(2,), min_attendance_percent=100)
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    assert not Completion.objects.exists()
    mark_lesson_done(user=trainee, lesson=tree.lessons[1])
    assert Completion.objects.get().enrollment == enrollment


@pytest.mark.django_db
def test_optional_lessons_are_not_needed(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(2,))
    LessonPage.objects.filter(pk=tree.lessons[1].pk).update(is_required=False)
    enrol(trainee, make_cohort(tree.course, sessions=0))
    mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    assert Completion.objects.exists()


@pytest.mark.django_db
def test_lesson_added_after_completion_keeps_the_completion(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(1,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    finish_lessons(trainee, tree)
    completion = Completion.objects.get()
    tree.modules[0].add_child(instance=LessonPage(title="Pelajaran baru", slug="baru"))
    assert evaluate_completion(enrollment=enrollment) == completion
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


@pytest.fixture
def extra_requirement():
    """A requirement registered the way the quiz engine registers its own (courses.activities)."""
    state = {"met": False}
    requirement = activities.CompletionRequirement(
        key="uji",
        figures=lambda *, enrollment, course: {"uji_selesai": int(state["met"])},
        is_met=lambda *, course, figures: figures["uji_selesai"] == 1,
    )
    activities.register_completion_requirement(requirement)
    yield state
    activities.unregister_completion_requirement(requirement)


@pytest.mark.django_db
def test_registered_requirements_join_the_rule(make_course, make_cohort, enrol, trainee, extra_requirement):
    tree = make_course(lessons=(1,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0))
    finish_lessons(trainee, tree)
    assert evaluate_completion(enrollment=enrollment) is None
    extra_requirement["met"] = True
    completion = evaluate_completion(enrollment=enrollment)
    assert completion is not None
    assert completion.snapshot["uji_selesai"] == 1


@pytest.mark.django_db
def test_quizzes_can_be_left_out_of_the_rule(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(1,), quizzes=1, require_quizzes=False)
    enrol(trainee, make_cohort(tree.course, sessions=0))
    finish_lessons(trainee, tree)
    assert Completion.objects.exists()


@pytest.mark.django_db
def test_withdrawn_enrolment_never_completes(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(1,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=0), status=Enrollment.Status.WITHDRAWN)
    assert evaluate_completion(enrollment=enrollment) is None
    with pytest.raises(CourseError) as info:
        mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    assert info.value.code == "not_enrolled"


@pytest.mark.django_db
def test_mark_done_twice_keeps_one_row_and_refuses_unreleased_days(make_course, make_cohort, enrol, trainee):
    import datetime as dt

    from django.utils import timezone

    tree = make_course(lessons=(1, 1), release_dates=[None, timezone.localdate() + dt.timedelta(days=2)])
    enrol(trainee, make_cohort(tree.course, sessions=1))
    mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    mark_lesson_done(user=trainee, lesson=tree.lessons[0])
    assert LessonProgress.objects.filter(user=trainee).count() == 1
    with pytest.raises(CourseError) as info:
        mark_lesson_done(user=trainee, lesson=tree.lessons[1])
    assert info.value.code == "locked"


@pytest.mark.django_db
def test_instructor_marking_rejects_other_cohorts(make_course, make_cohort, enrol, trainee, instructor):
    tree = make_course(lessons=(1,))
    enrollment = enrol(trainee, make_cohort(tree.course, sessions=1))
    other_session = make_cohort(tree.course, sessions=1).sessions.get()
    with pytest.raises(CourseError) as info:
        mark_attendance(session=other_session, enrollment=enrollment, status="present", recorded_by=instructor)
    assert info.value.code == "wrong_cohort"
    assert not Attendance.objects.exists()
