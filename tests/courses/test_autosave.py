"""Issue 7.3: "Simpan konsep" right after typing a new lesson's title, when Wagtail's autosave has
already created the page, saves that page instead of failing on its slug and leaving a stray draft."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def lesson_form(title, slug="pelajaran-baru", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "body": streamfield([]),
            "estimated_minutes": 10,
            "is_required": "on",
            **extra,
        }
    )


@pytest.fixture
def editor_and_day(make_course, admin_user, client_for):
    tree = make_course(lessons=(1,))
    return client_for(admin_user), tree.modules[0]


def test_save_draft_after_an_autosave_edits_the_autosaved_page(editor_and_day):
    client, day = editor_and_day
    url = f"/admin/pages/add/courses/lessonpage/{day.pk}/"
    autosave = client.post(url, lesson_form("Pelajaran baru"), HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"] is True
    page_id = autosave.json()["pk"]
    # "Simpan konsep" from the add screen, before it turned into the edit screen.
    response = client.post(url, lesson_form("Pelajaran baru tentang SHU"))
    assert response.status_code == 302 and f"/admin/pages/{page_id}/edit/" in response["Location"]
    drafts = LessonPage.objects.child_of(day).filter(slug="pelajaran-baru")
    assert [page.pk for page in drafts] == [page_id]  # no second page, no stray draft
    page = Page.objects.get(pk=page_id)
    assert page.get_latest_revision_as_object().title == "Pelajaran baru tentang SHU"
    assert not page.live


def test_a_second_autosave_before_the_switch_also_lands_on_the_same_page(editor_and_day):
    client, day = editor_and_day
    url = f"/admin/pages/add/courses/lessonpage/{day.pk}/"
    first = client.post(url, lesson_form("Judul"), HTTP_ACCEPT="application/json").json()
    second = client.post(url, lesson_form("Judul lengkap"), HTTP_ACCEPT="application/json")
    assert second.status_code == 200 and second.json()["success"] is True
    assert LessonPage.objects.child_of(day).filter(slug="pelajaran-baru").count() == 1
    assert Page.objects.get(pk=first["pk"]).get_latest_revision_as_object().title == "Judul lengkap"


def test_a_published_page_with_the_slug_is_still_refused(editor_and_day):
    client, day = editor_and_day
    existing = LessonPage.objects.child_of(day).first()
    response = client.post(f"/admin/pages/add/courses/lessonpage/{day.pk}/", lesson_form("Lain", slug=existing.slug))
    assert response.status_code == 200  # the form again, with the slug error
    assert LessonPage.objects.child_of(day).count() == 1


def test_another_editors_draft_is_not_taken_over(editor_and_day, make_user, client_for):
    from lms import roles

    client, day = editor_and_day
    url = f"/admin/pages/add/courses/lessonpage/{day.pk}/"
    client.post(url, lesson_form("Draf admin"), HTTP_ACCEPT="application/json")
    other = client_for(make_user(roles.ADMIN))
    response = other.post(url, lesson_form("Draf orang lain"))
    assert response.status_code == 200  # refused on the slug, the first editor's draft untouched
    draft = LessonPage.objects.child_of(day).get(slug="pelajaran-baru")
    assert draft.get_latest_revision_as_object().title == "Draf admin"


def test_the_courses_instructor_gets_the_same_fix(make_course, make_cohort, make_user, client_for):
    """Instructors write the lessons: through their course editor group, not as admins."""
    from courses.services import sync_course_editors
    from lms import roles

    instructor = make_user(roles.INSTRUCTOR)
    tree = make_course(lessons=(1,))
    make_cohort(tree.course, instructors=[instructor])
    sync_course_editors(course=tree.course)
    client, day = client_for(instructor), tree.modules[0]
    url = f"/admin/pages/add/courses/lessonpage/{day.pk}/"
    autosave = client.post(url, lesson_form("Pelajaran narasumber"), HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"] is True
    response = client.post(url, lesson_form("Pelajaran narasumber, lengkap"))
    assert response.status_code == 302 and f"/admin/pages/{autosave.json()['pk']}/edit/" in response["Location"]
    assert LessonPage.objects.child_of(day).filter(slug="pelajaran-baru").count() == 1


def test_a_quiz_autosaved_on_its_add_screen_is_finished_the_same_way(make_course, admin_user, rf):
    """The hook takes any page type: a quiz's add screen autosaves like a lesson's."""
    from courses.wagtail_hooks import autosaved_draft
    from quizzes.models import QuizPage

    day = make_course(lessons=(1,)).modules[0]
    draft = day.add_child(instance=QuizPage(title="Kuis baru", slug="kuis-baru", live=False, owner=admin_user))
    draft.save_revision(user=admin_user)
    request = rf.post("/admin/pages/add/quizzes/quizpage/", {"slug": "kuis-baru", "title": "Kuis baru"})
    request.user = admin_user
    assert autosaved_draft(request, day, QuizPage).pk == draft.pk  # handled as an edit of the draft
    request = rf.post("/admin/pages/add/quizzes/quizpage/", {"slug": "kuis-lain", "title": "Kuis lain"})
    request.user = admin_user
    assert autosaved_draft(request, day, QuizPage) is None  # a new page: Wagtail's own add
