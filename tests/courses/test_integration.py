"""The courses app's links to other parts: the ledger's book supervisors, the roster's query count."""

import pytest

from courses.apps import instructor_supervises_book
from lms import roles


@pytest.mark.django_db
def test_instructor_supervises_the_books_of_their_trainees_only(
    make_course, make_cohort, enrol, make_user, django_assert_num_queries
):
    from ledger.access import book_supervisors, may_supervise_owner

    tree = make_course(lessons=(1,))
    teacher, stranger = make_user(roles.INSTRUCTOR), make_user(roles.INSTRUCTOR)
    trainee, other_trainee = make_user(roles.TRAINEE), make_user(roles.TRAINEE)
    enrol(trainee, make_cohort(tree.course, instructors=[teacher]))
    enrol(other_trainee, make_cohort(tree.course, instructors=[stranger]))
    assert instructor_supervises_book in book_supervisors()
    with django_assert_num_queries(1):
        assert instructor_supervises_book(teacher, trainee)
    assert not instructor_supervises_book(teacher, other_trainee)
    assert not instructor_supervises_book(trainee, trainee)
    assert may_supervise_owner(teacher, trainee)
    assert not may_supervise_owner(stranger, trainee)


@pytest.mark.parametrize("trainees", [3, 30])
@pytest.mark.django_db
def test_roster_page_runs_a_fixed_number_of_queries(
    make_course, make_cohort, enrol, make_user, client_for, django_assert_num_queries, trainees
):
    from courses.models import Attendance, LessonProgress

    tree = make_course(lessons=(3, 3))
    teacher = make_user(roles.INSTRUCTOR)
    cohort = make_cohort(tree.course, instructors=[teacher])
    session = cohort.sessions.first()
    for _ in range(trainees):
        enrollment = enrol(make_user(roles.TRAINEE), cohort)
        LessonProgress.objects.create(user=enrollment.user, lesson=tree.lessons[0])
        Attendance.objects.create(session=session, enrollment=enrollment, status="present", method="self")
    client = client_for(teacher)
    client.get(f"/kursus/angkatan/{cohort.pk}/")
    # 14: the certificates link (hook_panels "cohort_detail") asks whether the viewer teaches the cohort.
    with django_assert_num_queries(14):
        response = client.get(f"/kursus/angkatan/{cohort.pk}/")
    assert response.content.decode().count("Materi 17% (1/6)") == trainees  # the compact roster (issue 7 item 7)


@pytest.mark.parametrize("courses", [1, 4])
@pytest.mark.django_db
def test_my_courses_runs_a_fixed_number_of_queries(
    make_course, make_cohort, enrol, trainee, client_for, django_assert_num_queries, courses
):
    from courses.models import LessonProgress

    for _ in range(courses):
        tree = make_course(lessons=(4, 4))
        enrollment = enrol(trainee, make_cohort(tree.course))
        LessonProgress.objects.create(user=trainee, lesson=tree.lessons[0])
        enrollment.last_lesson = tree.lessons[1]
        enrollment.save()
    client = client_for(trainee)
    client.get("/kursus/saya/")
    with django_assert_num_queries(9):
        response = client.get("/kursus/saya/")
    assert response.content.decode().count("1 dari 8 selesai") == courses


@pytest.mark.django_db
def test_instructor_lists_the_owners_of_their_trainees_books_in_one_subquery(
    make_course, make_cohort, enrol, make_user, django_assert_num_queries
):
    from courses.apps import instructor_supervised_owners
    from ledger.access import supervised_owner_sources

    tree = make_course(lessons=(1,))
    teacher, stranger = make_user(roles.INSTRUCTOR), make_user(roles.INSTRUCTOR)
    mine, theirs = make_user(roles.TRAINEE), make_user(roles.TRAINEE)
    enrol(mine, make_cohort(tree.course, instructors=[teacher]))
    enrol(theirs, make_cohort(tree.course, instructors=[stranger]))
    sources = supervised_owner_sources(teacher)
    assert any(str(source.query) == str(instructor_supervised_owners(teacher).query) for source in sources)
    with django_assert_num_queries(1):
        assert set(instructor_supervised_owners(teacher).values_list("user_id", flat=True)) == {mine.pk}
