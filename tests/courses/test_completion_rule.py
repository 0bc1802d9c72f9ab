"""Issue 7.3: a recorded completion stands when the course changes; the progress of those not yet
complete counts the course as it is now, new lessons marked "baru"; instructors recalculate
completion with a preview. Also: the course's cached shape follows publishing."""

import pytest
from django.urls import reverse

from courses.models import Completion, Enrollment, LessonPage, LessonProgress
from courses.selectors import cohort_roster, course_outline, my_courses
from courses.services import mark_lesson_done, preview_completion_recalculation
from courses.signals import course_completed
from lms import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_graduate(make_course, make_cohort, enrol, trainee, make_user):
    """A 3-lesson course without attendance rule: `trainee` graduated, `learner` did one lesson."""
    tree = make_course(lessons=(3,), min_attendance_percent=0)
    cohort = make_cohort(tree.course, sessions=0)
    enrol(trainee, cohort)
    learner = make_user(roles.TRAINEE)
    enrol(learner, cohort)
    for lesson in tree.lessons:
        mark_lesson_done(user=trainee, lesson=lesson)
    mark_lesson_done(user=learner, lesson=tree.lessons[0])
    assert Completion.objects.filter(enrollment__user=trainee).exists()
    return tree, cohort, learner


def publish_new_lesson(module, title="Pelajaran baru"):
    lesson = module.add_child(instance=LessonPage(title=title, slug="pelajaran-baru", live=False))
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def enrollment_of(user, tree):
    return Enrollment.objects.select_related("completion").get(user=user, cohort__course=tree.course)


def test_a_graduate_stays_complete_when_a_lesson_is_published(course_with_graduate, trainee, client_for):
    tree, cohort, learner = course_with_graduate
    new = publish_new_lesson(tree.modules[0])
    outline = course_outline(course=tree.course, user=trainee, enrollment=enrollment_of(trainee, tree))
    assert (outline.done, outline.total, outline.percent) == (3, 3, 100)
    [new_item] = outline.new_items
    assert new_item.page.pk == new.pk and not new_item.counted
    page = client_for(trainee).get(tree.course.url).content.decode()
    assert "Lulus" in page and "3 dari 3 selesai (100%)" in page and "baru" in page
    [mine] = my_courses(user=trainee)
    assert (mine.done, mine.total) == (3, 3)


def test_those_not_yet_complete_count_the_course_as_it_is_now(course_with_graduate, client_for):
    tree, cohort, learner = course_with_graduate
    publish_new_lesson(tree.modules[0])
    outline = course_outline(course=tree.course, user=learner, enrollment=enrollment_of(learner, tree))
    assert (outline.done, outline.total) == (1, 4)
    assert len(outline.new_items) == 1 and outline.new_items[0].counted
    page = client_for(learner).get(tree.course.url).content.decode()
    assert "1 dari 4 selesai" in page and "baru" in page


def test_the_roster_keeps_graduates_at_their_completion(course_with_graduate, trainee):
    tree, cohort, learner = course_with_graduate
    publish_new_lesson(tree.modules[0])
    rows = {row.enrollment.user_id: row for row in cohort_roster(cohort=cohort).rows}
    assert (rows[trainee.pk].lessons_done, rows[trainee.pk].lessons_total, rows[trainee.pk].completed) == (3, 3, True)
    assert (rows[learner.pk].lessons_done, rows[learner.pk].lessons_total) == (1, 4)


def test_recalculation_previews_then_grants_and_never_revokes(course_with_graduate, trainee, make_cohort):
    tree, cohort, learner = course_with_graduate
    publish_new_lesson(tree.modules[0])  # the graduate no longer meets today's rule
    for lesson in tree.lessons[1:]:
        LessonProgress.objects.create(user=learner, lesson=lesson)  # done, but not evaluated yet
    new = LessonPage.objects.get(slug="pelajaran-baru")
    LessonProgress.objects.create(user=learner, lesson=new)
    changes = {row.enrollment.user_id: row.change for row in preview_completion_recalculation(cohort=cohort)}
    assert changes == {trainee.pk: "stands", learner.pk: "grant"}
    stands = next(r for r in preview_completion_recalculation(cohort=cohort) if r.enrollment.user_id == trainee.pk)
    assert stands.missing == ["1 pelajaran wajib belum selesai"]
    assert not Completion.objects.filter(enrollment__user=learner).exists()  # the preview wrote nothing


def test_instructor_recalculates_from_the_cohort_page(
    course_with_graduate, trainee, make_user, client_for, django_capture_on_commit_callbacks
):
    tree, cohort, learner = course_with_graduate
    teacher = make_user(roles.INSTRUCTOR)
    cohort.instructors.add(teacher)
    lesson = tree.lessons[1]
    LessonPage.objects.filter(pk__in=[p.pk for p in tree.lessons[1:]]).update(is_required=False)
    url = reverse("courses:completion_recalculation", args=[cohort.pk])
    client = client_for(teacher)
    assert url in client.get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Akan tercatat lulus (1)" in html and (learner.full_name in html)
    announced = []
    course_completed.connect(lambda **kw: announced.append(kw["enrollment"].user_id), weak=False, dispatch_uid="t")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
    finally:
        course_completed.disconnect(dispatch_uid="t")
    assert response.status_code == 302 and response["Location"] == reverse("courses:cohort_detail", args=[cohort.pk])
    assert Completion.objects.filter(enrollment__user=learner).exists() and announced == [learner.pk]
    assert Completion.objects.filter(enrollment__user=trainee).count() == 1  # the graduate's stands, once
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)  # again: nothing more
    assert Completion.objects.filter(enrollment__cohort=cohort).count() == 2
    assert lesson.pk  # (the optional lessons stay in the course)


@pytest.mark.parametrize("who", ["trainee", "other_instructor"])
def test_recalculation_is_refused_to_others(course_with_graduate, trainee, make_user, client_for, who):
    tree, cohort, learner = course_with_graduate
    user = trainee if who == "trainee" else make_user(roles.INSTRUCTOR)
    url = reverse("courses:completion_recalculation", args=[cohort.pk])
    client = client_for(user)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Completion.objects.filter(enrollment__cohort=cohort).count() == 1


def test_recalculation_needs_a_login(course_with_graduate, client):
    tree, cohort, learner = course_with_graduate
    response = client.get(reverse("courses:completion_recalculation", args=[cohort.pk]))
    assert response.status_code == 302 and "login" in response["Location"] or "masuk" in response["Location"]


def test_officer_may_recalculate(course_with_graduate, officer, client_for):
    tree, cohort, learner = course_with_graduate
    assert client_for(officer).get(reverse("courses:completion_recalculation", args=[cohort.pk])).status_code == 200


# --- the cached shape of the course --------------------------------------------------------


def test_the_outline_follows_publishing_unpublishing_and_moving(course_with_graduate, trainee, client_for):
    tree, cohort, learner = course_with_graduate
    client = client_for(learner)
    assert "Pelajaran baru" not in client.get(tree.course.url).content.decode()
    new = publish_new_lesson(tree.modules[0])
    assert "Pelajaran baru" in client.get(tree.course.url).content.decode()
    new.unpublish()
    assert "Pelajaran baru" not in client.get(tree.course.url).content.decode()
    renamed = tree.lessons[0]
    renamed.title = "Judul yang diganti"
    renamed.save_revision().publish()
    assert "Judul yang diganti" in client.get(tree.course.url).content.decode()
    tree.lessons[2].delete()
    assert "Pelajaran 1.3" not in client.get(tree.course.url).content.decode()


def test_a_reload_of_the_same_lesson_writes_nothing(course_with_graduate, client_for, django_assert_num_queries):
    tree, cohort, learner = course_with_graduate
    client = client_for(learner)
    lesson = tree.lessons[1]
    client.get(lesson.url)
    enrollment = Enrollment.objects.get(user=learner, cohort=cohort)
    assert enrollment.last_lesson_id == lesson.pk
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(lesson.url).status_code == 200
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    assert Enrollment.objects.get(pk=enrollment.pk).last_visited_at == enrollment.last_visited_at
    client.get(tree.lessons[2].url)  # another lesson: remembered
    assert Enrollment.objects.get(pk=enrollment.pk).last_lesson_id == tree.lessons[2].pk
