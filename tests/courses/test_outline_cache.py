"""The course outline's rows come from the structure cached per published version of the course
(courses.structure: titles and links escaped once); each reader's marks are put on per request.
A reader never sees another trainee's ticks, and publishing, unpublishing or moving a lesson shows
at once (issue 10)."""

import re

import pytest
from django.test import Client

from courses.models import LessonProgress
from courses.structure import course_structure
from lms import roles


def outline_rows(client, course):
    """(title, done, new) of every outline row of the course page, in order."""
    html = client.get(course.url).content.decode()
    rows = re.findall(r'<li class="(done|)">(.*?)</li>', html)
    return [
        (
            re.sub(r"<[^>]+>|✔|○", "", body).replace("baru", "").replace("kuis", "").strip(),
            cls == "done",
            "badge-new" in body,
        )
        for cls, body in rows
    ]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_each_trainee_sees_only_their_own_marks_from_the_shared_cache(
    make_course, make_cohort, enrol, trainee, make_user
):
    tree = make_course(lessons=(3, 2))
    cohort = make_cohort(tree.course)
    other = make_user(roles.TRAINEE, email="peserta-lain@example.test")
    enrol(trainee, cohort)
    enrol(other, cohort)
    LessonProgress.objects.create(user=trainee, lesson=tree.lessons[0])
    LessonProgress.objects.create(user=trainee, lesson=tree.lessons[1])
    LessonProgress.objects.create(user=other, lesson=tree.lessons[4])
    mine, theirs = signed_in(trainee), signed_in(other)
    # Alternate the two readers so the second is always served from what the first cached.
    for _ in range(2):
        assert [done for _title, done, _new in outline_rows(mine, tree.course)] == [True, True, False, False, False]
        assert [done for _title, done, _new in outline_rows(theirs, tree.course)] == [
            False,
            False,
            False,
            False,
            True,
        ]


@pytest.mark.django_db
def test_a_published_title_shows_at_once_and_is_escaped(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(2,))
    enrol(trainee, make_cohort(tree.course))
    client = signed_in(trainee)
    assert outline_rows(client, tree.course)[0][0] == "Pelajaran 1.1"
    lesson = tree.lessons[0]
    lesson.title = "Modal <b>&</b> SHU"
    lesson.save_revision().publish()
    html = client.get(tree.course.url).content.decode()
    assert "Modal &lt;b&gt;&amp;&lt;/b&gt; SHU" in html and "<b>&</b>" not in html


@pytest.mark.django_db
def test_unpublished_lesson_leaves_and_a_new_one_comes_in_marked_new(make_course, make_cohort, enrol, trainee):
    from courses.models import LessonPage

    tree = make_course(lessons=(2, 1))
    enrol(trainee, make_cohort(tree.course))
    client = signed_in(trainee)
    assert [title for title, _done, _new in outline_rows(client, tree.course)] == [
        "Pelajaran 1.1",
        "Pelajaran 1.2",
        "Pelajaran 2.1",
    ]
    tree.lessons[1].unpublish()
    assert [title for title, _done, _new in outline_rows(client, tree.course)] == ["Pelajaran 1.1", "Pelajaran 2.1"]
    added = tree.modules[1].add_child(instance=LessonPage(title="Pelajaran tambahan", slug="tambahan", live=False))
    added.save_revision().publish()
    rows = outline_rows(client, tree.course)
    assert [(title, new) for title, _done, new in rows] == [
        ("Pelajaran 1.1", False),
        ("Pelajaran 2.1", False),
        ("Pelajaran tambahan", True),
    ]


@pytest.mark.django_db
def test_moved_lesson_shows_under_its_new_day_with_its_tick(make_course, make_cohort, enrol, trainee):
    tree = make_course(lessons=(2, 1))
    enrol(trainee, make_cohort(tree.course))
    LessonProgress.objects.create(user=trainee, lesson=tree.lessons[0])
    client = signed_in(trainee)
    before = course_structure(tree.course)
    assert [item.title for item in before.modules[0].items] == ["Pelajaran 1.1", "Pelajaran 1.2"]
    outline_rows(client, tree.course)
    tree.lessons[0].move(tree.modules[1], pos="last-child")
    after = course_structure(tree.course)
    assert [item.title for item in after.modules[0].items] == ["Pelajaran 1.2"]
    assert [item.title for item in after.modules[1].items] == ["Pelajaran 2.1", "Pelajaran 1.1"]
    moved = type(tree.lessons[0]).objects.get(pk=tree.lessons[0].pk)
    assert "/hari-2/" in moved.url
    assert after.modules[1].items[1].link_html == f'<a href="{moved.url}">Pelajaran 1.1</a>'
    html = client.get(tree.course.url).content.decode()
    day_two = html[html.index('id="hari-2"') :]
    assert "Pelajaran 1.1" in day_two
    assert [done for _title, done, _new in outline_rows(client, tree.course)] == [False, False, True]


def neighbours(client, lesson):
    """(breadcrumb day, previous title, next title) as the lesson page shows them."""
    html = client.get(lesson.url).content.decode()
    day = re.search(r'#hari-(\d+)"', html)
    previous = re.search(r'rel="prev" href="[^"]*">← ([^<]*)</a>', html)
    following = re.search(r'rel="next" href="[^"]*">([^<]*) →</a>', html)
    return (
        int(day.group(1)) if day else None,
        previous.group(1) if previous else None,
        following.group(1) if following else None,
    )


@pytest.mark.django_db
def test_lesson_page_links_its_neighbours_across_days_and_follows_publishing(make_course, make_cohort, enrol, trainee):
    """The lesson page reads only its own place in the course (day, previous, next), cached per
    published version like the outline: a lesson published or unpublished next to it shows at once."""
    from courses.models import LessonPage

    tree = make_course(lessons=(2, 1), quizzes=1)
    enrol(trainee, make_cohort(tree.course))
    client = signed_in(trainee)
    first, second, third = tree.lessons
    assert neighbours(client, first) == (1, None, "Pelajaran 1.2")
    assert neighbours(client, second) == (1, "Pelajaran 1.1", "Kuis hari 1")
    assert neighbours(client, third) == (2, "Kuis hari 1", None)
    tree.quizzes[0].unpublish()
    assert neighbours(client, second) == (1, "Pelajaran 1.1", "Pelajaran 2.1")
    assert neighbours(client, third) == (2, "Pelajaran 1.2", None)
    added = tree.modules[1].add_child(instance=LessonPage(title="Pelajaran 2.2", slug="pelajaran-2-2", live=False))
    added.save_revision().publish()
    assert neighbours(client, third) == (2, "Pelajaran 1.2", "Pelajaran 2.2")
    assert neighbours(client, added) == (2, "Pelajaran 2.1", None)


@pytest.mark.django_db
def test_lessons_with_the_same_slug_in_two_courses_are_each_served_in_their_own(
    make_course, make_cohort, enrol, trainee
):
    """Routing finds a lesson by its slug and full URL path: the same slug in another course (every
    course has a pelajaran-1-1) is not taken for it."""
    one, two = make_course(lessons=(2,), title="Kursus satu"), make_course(lessons=(2,), title="Kursus dua")
    enrol(trainee, make_cohort(one.course))
    enrol(trainee, make_cohort(two.course))
    client = signed_in(trainee)
    for tree in (one, two):
        html = client.get(tree.lessons[0].url).content.decode()
        assert tree.course.title in html and f'href="{tree.lessons[1].url}"' in html
