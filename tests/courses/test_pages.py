"""Page tree rules, who may read what, and the fixed SQL query count of the hot trainee pages."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, Enrollment, LessonPage, LessonProgress, ModulePage
from lms import roles
from lms.models import HomePage
from quizzes.models import QuizPage

# Queries of one request (session, user, roles, Wagtail routing and the page's own reads); the
# same whatever the number of lessons.
# +3 for the trainee's standing (sessions with own marks, required quizzes, quizzes passed), +1 for
# the upcoming cohorts (issue 7 items 5 and 6).
OUTLINE_QUERIES = 17
LESSON_QUERIES = 11


@pytest.mark.django_db
def test_page_types_only_exist_under_their_parents(make_course):
    tree = make_course(lessons=(1,), quizzes=1)
    home = HomePage.objects.get(depth=2)
    assert CourseIndexPage.can_create_at(home)
    assert not CoursePage.can_create_at(home)
    assert CoursePage.can_create_at(tree.course.get_parent())
    assert not ModulePage.can_exist_under(home)
    assert ModulePage.can_create_at(tree.course)
    assert not LessonPage.can_create_at(tree.course)
    assert LessonPage.can_create_at(tree.modules[0])
    assert QuizPage.can_create_at(tree.modules[0])
    assert not LessonPage.can_create_at(tree.lessons[0])
    assert not CourseIndexPage.can_exist_under(tree.course)


@pytest.mark.django_db
def test_admin_refuses_a_lesson_directly_under_a_course(make_course, admin_user, client_for):
    tree = make_course(lessons=(1,))
    client = client_for(admin_user)
    refused = client.get(f"/admin/pages/add/courses/lessonpage/{tree.course.pk}/", follow=True)
    assert refused.redirect_chain[0][1] == 302
    assert (
        "you do not have permission" in refused.content.decode().lower()
        or "tidak memiliki izin" in refused.content.decode().lower()
    )
    allowed = client.get(f"/admin/pages/add/courses/lessonpage/{tree.modules[0].pk}/")
    assert allowed.status_code == 200
    choose = client.get(f"/admin/pages/{tree.course.pk}/add_subpage/")
    assert "lessonpage" not in choose.content.decode().lower()
    assert Page.objects.filter(depth__gt=tree.course.depth, path__startswith=tree.course.path).count() == 2


@pytest.fixture
def world(make_course, make_cohort, enrol, make_user):
    tree = make_course(lessons=(2, 1), quizzes=1, release_dates=[None, timezone.localdate() + dt.timedelta(days=3)])
    people = {
        "enrolled": make_user(roles.TRAINEE),
        "not_enrolled": make_user(roles.TRAINEE),
        "course_instructor": make_user(roles.INSTRUCTOR),
        "other_instructor": make_user(roles.INSTRUCTOR),
        "officer": make_user(roles.OFFICER),
    }
    cohort = make_cohort(tree.course, instructors=[people["course_instructor"]])
    enrol(people["enrolled"], cohort)
    return tree, cohort, people


@pytest.mark.django_db
def test_catalogue_and_course_summary_are_public(world, client):
    tree, _cohort, _people = world
    catalogue = client.get(tree.course.get_parent().url)
    assert catalogue.status_code == 200 and tree.course.title in catalogue.content.decode()
    summary = client.get(tree.course.url)
    body = summary.content.decode()
    assert summary.status_code == 200 and "Ringkasan kursus." in body
    assert tree.lessons[0].url not in body  # no links to lessons for the public


@pytest.mark.parametrize(
    "who,lesson_status,locked_status",
    [
        (None, 302, 302),
        ("enrolled", 200, 403),
        ("not_enrolled", 403, 403),
        ("course_instructor", 200, 200),
        ("other_instructor", 403, 403),
        ("officer", 200, 200),
    ],
)
@pytest.mark.django_db
def test_lesson_access_per_role(world, client_for, who, lesson_status, locked_status):
    tree, _cohort, people = world
    client = client_for(people.get(who))
    open_lesson, locked_lesson = tree.lessons[0], tree.lessons[2]
    response = client.get(open_lesson.url)
    assert response.status_code == lesson_status
    if lesson_status == 200:
        assert "Prinsip koperasi" in response.content.decode()
    else:
        assert "Prinsip koperasi" not in response.content.decode()
    assert client.get(locked_lesson.url).status_code == locked_status
    assert client.get(tree.quizzes[0].url).status_code == lesson_status


@pytest.mark.django_db
def test_not_enrolled_trainee_is_told_why_and_offered_the_code_form(world, client_for):
    tree, _cohort, people = world
    response = client_for(people["not_enrolled"]).get(tree.lessons[0].url)
    body = response.content.decode()
    assert "hanya untuk peserta yang terdaftar" in body
    assert 'name="code"' in body


@pytest.mark.django_db
def test_outline_ticks_resume_and_mark_done(world, client_for):
    tree, _cohort, people = world
    trainee = people["enrolled"]
    client = client_for(trainee)
    client.get(tree.lessons[1].url)  # remembered as the last lesson visited
    assert Enrollment.objects.get(user=trainee).last_lesson_id == tree.lessons[1].pk
    response = client.post(f"/kursus/pelajaran/{tree.lessons[0].pk}/selesai/", {"next": tree.lessons[1].pk})
    assert response.status_code == 302 and response["Location"] == tree.lessons[1].url
    assert LessonProgress.objects.filter(user=trainee, lesson=tree.lessons[0]).exists()
    outline = client.get(tree.course.url).content.decode()
    assert "Lanjutkan belajar" in outline and tree.lessons[1].url in outline
    assert "✔" in outline
    assert "terkunci" in outline
    my = client.get("/kursus/saya/").content.decode()
    assert tree.course.title in my and "1 dari 3 selesai" in my
    # GET does not mark anything; other people cannot mark.
    assert client.get(f"/kursus/pelajaran/{tree.lessons[1].pk}/selesai/").status_code == 405
    other = client_for(people["not_enrolled"])
    other.post(f"/kursus/pelajaran/{tree.lessons[1].pk}/selesai/")
    assert not LessonProgress.objects.filter(user=people["not_enrolled"]).exists()


@pytest.mark.django_db
def test_module_page_redirects_to_its_day_in_the_outline(world, client):
    tree, _cohort, _people = world
    response = client.get(tree.modules[1].url)
    assert response.status_code == 302 and response["Location"].endswith("#hari-2")


def _measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches that are per-process (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("lessons", [(5,), (15, 15, 15, 15)])
@pytest.mark.django_db
def test_outline_and_lesson_page_run_a_fixed_number_of_queries(
    make_course, make_cohort, enrol, trainee, client_for, django_assert_num_queries, lessons
):
    tree = make_course(lessons=lessons, quizzes=1)
    assert len(tree.lessons) in (5, 60)
    enrol(trainee, make_cohort(tree.course))
    for lesson in tree.lessons[::2]:
        LessonProgress.objects.create(user=trainee, lesson=lesson)
    client = client_for(trainee)
    client.get(tree.course.url)
    with django_assert_num_queries(OUTLINE_QUERIES):
        assert client.get(tree.course.url).status_code == 200
    lesson = tree.lessons[len(tree.lessons) // 2]
    client.get(lesson.url)
    with django_assert_num_queries(LESSON_QUERIES):
        assert client.get(lesson.url).status_code == 200


@pytest.mark.django_db
def test_module_display_title_adds_the_day_once():
    assert ModulePage(title="Manajemen usaha", day_number=2).display_title == "Hari 2: Manajemen usaha"
    assert ModulePage(title="Hari 2 — Manajemen usaha", day_number=2).display_title == "Hari 2 — Manajemen usaha"


@pytest.mark.django_db
def test_admin_refuses_moving_or_copying_a_lesson_under_the_wrong_parent(make_course, admin_user, client_for):
    tree = make_course(lessons=(1,))
    lesson, course = tree.lessons[0], tree.course
    client = client_for(admin_user)
    moved = client.post(f"/admin/pages/{lesson.pk}/move/{course.pk}/confirm/", follow=True)
    assert moved.redirect_chain[-1][0] == "/admin/"
    assert "izin" in moved.content.decode() or "permission" in moved.content.decode()
    copied = client.post(
        f"/admin/pages/{lesson.pk}/copy/", {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": course.pk}
    )
    assert copied.status_code == 200 and "tidak memiliki izin untuk menyalin" in copied.content.decode()
    assert lesson.get_parent().specific_class is ModulePage
    assert LessonPage.objects.count() == 1


@pytest.mark.django_db
def test_scheduled_lesson_goes_live_with_wagtails_publish_scheduled(make_course):
    """Scheduled publishing is Wagtail's: a revision with go_live_at waits for `publish_scheduled`
    (cron or a Celery beat entry must run it every few minutes)."""
    import time

    from django.core.management import call_command

    tree = make_course(lessons=(1,))
    draft = tree.modules[0].add_child(instance=LessonPage(title="Terjadwal", slug="terjadwal", live=False))
    draft.go_live_at = timezone.now() + dt.timedelta(seconds=1)
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live
    time.sleep(1.2)
    call_command("publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert draft.live
