"""Wagtail admin: instructors edit only their courses; cohort screens are scoped per instructor."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from courses.models import CourseEditorGroup
from courses.services import sync_course_editors
from lms import roles


@pytest.fixture
def setup(make_course, make_cohort, make_user):
    tree = make_course(lessons=(1,))
    mine = make_user(roles.INSTRUCTOR)
    other = make_user(roles.INSTRUCTOR)
    cohort = make_cohort(tree.course, instructors=[mine])
    sync_course_editors(course=tree.course)
    return tree, cohort, mine, other


@pytest.mark.django_db
def test_editor_group_follows_the_course_and_its_instructors(setup, make_user):
    tree, cohort, mine, other = setup
    link = CourseEditorGroup.objects.get(course=tree.course)
    assert link.group.name == f"Narasumber: {tree.course.title}"
    assert list(link.group.user_set.all()) == [mine]
    codenames = set(
        GroupPagePermission.objects.filter(group=link.group, page=tree.course).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page"}
    # Assigning on the course page itself also counts; non-instructors are never added.
    trainee = make_user(roles.TRAINEE)
    tree.course.instructors.add(other, trainee)
    tree.course.save()
    sync_course_editors(course=tree.course)
    assert set(link.group.user_set.all()) == {mine, other}
    # Renaming the course renames the group; running twice creates nothing new.
    tree.course.title = "Kursus Baru"
    tree.course.save()
    sync_course_editors(course=tree.course)
    assert Group.objects.filter(name="Narasumber: Kursus Baru").count() == 1
    assert CourseEditorGroup.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_changing_cohort_instructors_updates_the_group(make_course, make_cohort, make_user):
    tree = make_course(lessons=(1,))
    first, second = make_user(roles.INSTRUCTOR), make_user(roles.INSTRUCTOR)
    cohort = make_cohort(tree.course, instructors=[first])
    group = CourseEditorGroup.objects.get(course=tree.course).group
    assert list(group.user_set.all()) == [first]
    cohort.instructors.set([second])
    assert list(group.user_set.all()) == [second]


@pytest.mark.django_db
def test_course_instructor_may_edit_the_course_and_another_may_not(setup, client_for):
    tree, _cohort, mine, other = setup
    edit_url = f"/admin/pages/{tree.course.pk}/edit/"
    assert client_for(mine).get(edit_url).status_code == 200
    assert client_for(mine).get(f"/admin/pages/{tree.lessons[0].pk}/edit/").status_code == 200
    denied = client_for(other).get(edit_url, follow=True)
    assert denied.redirect_chain[-1][0] == "/admin/"
    body = denied.content.decode().lower()
    assert "permission" in body or "izin" in body


@pytest.mark.django_db
def test_cohort_admin_is_scoped_per_instructor(setup, make_cohort, client_for, officer):
    tree, cohort, mine, other = setup
    foreign = make_cohort(tree.course, instructors=[other])
    listing = client_for(mine).get("/admin/kursus/angkatan/").content.decode()
    assert cohort.name in listing and foreign.name not in listing
    assert client_for(mine).get(f"/admin/kursus/angkatan/edit/{cohort.pk}/").status_code == 200
    denied = client_for(mine).get(f"/admin/kursus/angkatan/edit/{foreign.pk}/")
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    edit = client_for(officer).get(f"/admin/kursus/angkatan/edit/{foreign.pk}/")
    assert edit.status_code == 200 and f"/admin/kursus/angkatan/{foreign.pk}/impor/" in edit.content.decode()
    officer_listing = client_for(officer).get("/admin/kursus/angkatan/").content.decode()
    assert cohort.name in officer_listing and foreign.name in officer_listing


@pytest.mark.django_db
def test_officer_creates_a_cohort_in_the_admin_with_a_clear_error_for_bad_dates(setup, client_for, officer):
    tree, *_ = setup
    data = {
        "course": tree.course.pk,
        "name": "Angkatan Baru",
        "start_date": "2026-12-10",
        "end_date": "2026-12-01",
        "venue": "Aula",
        "capacity": 20,
        "enrolment_code": "baru2026",
        "status": "open",
    }
    response = client_for(officer).post("/admin/kursus/angkatan/new/", data)
    assert response.status_code == 200
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai" in response.content.decode()
    data["end_date"] = "2026-12-13"
    response = client_for(officer).post("/admin/kursus/angkatan/new/", data)
    assert response.status_code == 302
    from courses.models import Cohort

    assert Cohort.objects.get(name="Angkatan Baru").enrolment_code == "BARU2026"


@pytest.mark.django_db
def test_instructor_adds_sessions_only_to_own_cohorts_and_cannot_move_a_cohort(setup, make_cohort, client_for):
    from courses.models import Session

    tree, cohort, mine, other = setup
    foreign = make_cohort(tree.course, instructors=[other], sessions=0)
    client = client_for(mine)
    form = client.get("/admin/kursus/sesi/new/").content.decode()
    assert f'value="{cohort.pk}"' in form and f'value="{foreign.pk}"' not in form
    data = {
        "cohort": foreign.pk,
        "number": 9,
        "title": "Sesi tambahan",
        "date": "2026-12-01",
        "start_time": "08:00",
        "end_time": "12:00",
        "location": "Aula",
    }
    refused = client.post("/admin/kursus/sesi/new/", data)
    assert refused.status_code == 200
    assert not Session.objects.filter(cohort=foreign).exists()
    data["cohort"] = cohort.pk
    assert client.post("/admin/kursus/sesi/new/", data).status_code == 302
    assert Session.objects.filter(cohort=cohort, number=9).exists()
    other_course = tree.course.get_parent().specific.add_child(
        instance=type(tree.course)(title="Lain", slug="lain", summary="x")
    )
    edit = {
        "course": other_course.pk,
        "name": cohort.name,
        "start_date": cohort.start_date.isoformat(),
        "end_date": cohort.end_date.isoformat(),
        "venue": "Balai Kelurahan",
        "capacity": 30,
        "instructors": [mine.pk],
        "enrolment_code": cohort.enrolment_code,
        "status": "open",
    }
    assert client.post(f"/admin/kursus/angkatan/edit/{cohort.pk}/", edit).status_code == 302
    cohort.refresh_from_db()
    assert (cohort.course_id, cohort.venue) == (tree.course.pk, "Balai Kelurahan")


@pytest.mark.django_db
def test_preview_of_course_lesson_and_new_lesson_renders_for_the_courses_instructor(setup, client_for):
    from django.test import RequestFactory

    from courses.models import LessonPage

    tree, _cohort, mine, _other = setup
    client = client_for(mine)
    cookie = f"{client.cookies['sessionid'].key}={client.cookies['sessionid'].value}"
    original = RequestFactory().get("/admin/", HTTP_COOKIE=cookie)
    lesson = tree.lessons[0]
    response = lesson.make_preview_request(original)
    assert response.status_code == 200 and "Prinsip koperasi" in response.content.decode()
    assert tree.course.make_preview_request(original).status_code == 200
    draft = LessonPage(title="Pelajaran konsep", slug="konsep", body=[("heading", "Judul konsep")])
    draft.depth = lesson.depth
    draft.path = lesson._inc_path()
    response = draft.make_preview_request(original)
    assert response.status_code == 200 and "Judul konsep" in response.content.decode()


@pytest.mark.django_db
def test_deleting_a_course_removes_its_editor_group_and_courses_with_cohorts_are_protected(
    make_course, make_cohort, admin_user, client_for
):
    from courses.models import CoursePage

    lone = make_course(lessons=(1,)).course
    sync_course_editors(course=lone)
    group_name = CourseEditorGroup.objects.get(course=lone).group.name
    lone.delete()
    assert not Group.objects.filter(name=group_name).exists()

    taught = make_course(lessons=(1,)).course
    make_cohort(taught)
    parent = taught.get_parent()
    response = client_for(admin_user).post(f"/admin/pages/{taught.pk}/delete/", follow=True)
    assert CoursePage.objects.filter(pk=taught.pk).exists()
    assert response.redirect_chain[-1][0] == f"/admin/pages/{parent.pk}/"
    assert "masih memiliki angkatan" in response.content.decode()
    response = client_for(admin_user).post(f"/admin/pages/{parent.pk}/delete/", follow=True)
    assert CoursePage.objects.filter(pk=taught.pk).exists()


@pytest.mark.django_db
def test_officer_enrolling_by_hand_in_the_admin_respects_capacity_and_the_completion_rule(
    make_course, make_cohort, make_user, client_for, officer
):
    from courses.models import Enrollment

    cohort = make_cohort(make_course(lessons=(1,)).course, capacity=1)
    first, second = make_user(None), make_user(roles.TRAINEE)
    client = client_for(officer)
    lulus = client.post(
        "/admin/kursus/pendaftaran/new/", {"user": first.pk, "cohort": cohort.pk, "status": "completed"}
    )
    assert lulus.status_code == 200 and "Status lulus dicatat otomatis" in lulus.content.decode()
    ok = client.post("/admin/kursus/pendaftaran/new/", {"user": first.pk, "cohort": cohort.pk, "status": "active"})
    assert ok.status_code == 302
    assert roles.has_role(first, roles.TRAINEE)
    full = client.post("/admin/kursus/pendaftaran/new/", {"user": second.pk, "cohort": cohort.pk, "status": "active"})
    assert full.status_code == 200 and "sudah penuh (1 dari 1 tempat terisi)" in full.content.decode()
    # A withdrawn enrolment takes no place; bringing it back when the cohort is full is refused.
    withdrawn = client.post(
        "/admin/kursus/pendaftaran/new/", {"user": second.pk, "cohort": cohort.pk, "status": "withdrawn"}
    )
    assert withdrawn.status_code == 302
    back = Enrollment.objects.get(user=second)
    refused = client.post(
        f"/admin/kursus/pendaftaran/edit/{back.pk}/", {"user": second.pk, "cohort": cohort.pk, "status": "active"}
    )
    assert refused.status_code == 200 and "sudah penuh" in refused.content.decode()
    # Editing the enrolment that holds the place is fine.
    holder = Enrollment.objects.get(user=first)
    assert (
        client.post(
            f"/admin/kursus/pendaftaran/edit/{holder.pk}/", {"user": first.pk, "cohort": cohort.pk, "status": "active"}
        ).status_code
        == 302
    )
    duplicate = client.post(
        "/admin/kursus/pendaftaran/new/", {"user": first.pk, "cohort": cohort.pk, "status": "withdrawn"}
    )
    assert duplicate.status_code == 200 and "sudah terdaftar di angkatan ini" in duplicate.content.decode()
    assert Enrollment.objects.filter(cohort=cohort).count() == 2
    assert Enrollment.objects.filter(cohort=cohort).exclude(status="withdrawn").count() == 1


@pytest.mark.django_db
def test_session_with_a_taken_number_or_reversed_times_is_refused_in_indonesian(
    make_course, make_cohort, client_for, officer
):
    from courses.models import Session

    cohort = make_cohort(make_course(lessons=(1,)).course, sessions=1)
    data = {
        "cohort": cohort.pk,
        "number": 1,
        "title": "Sesi ganda",
        "date": "2026-12-01",
        "start_time": "08:00",
        "end_time": "12:00",
        "location": "Aula",
    }
    client = client_for(officer)
    taken = client.post("/admin/kursus/sesi/new/", data)
    assert taken.status_code == 200 and "sudah punya sesi dengan nomor ini" in taken.content.decode()
    reversed_times = client.post("/admin/kursus/sesi/new/", {**data, "number": 2, "end_time": "07:00"})
    assert (
        reversed_times.status_code == 200 and "Jam selesai harus sesudah jam mulai" in reversed_times.content.decode()
    )
    assert Session.objects.filter(cohort=cohort).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_admin_list_exports_escape_user_text(setup, enrol, make_user, client_for, fmt):
    """Wagtail's own list_export writer goes through lms.exporter's rule (a trainee picks their name)."""
    import csv
    import io

    from openpyxl import load_workbook

    _tree, cohort, _mine, _other = setup
    cohort.venue = "-2+3 Aula"
    cohort.save()
    enrol(make_user(roles.TRAINEE, full_name='=HYPERLINK("http://contoh.test")'), cohort)
    client = client_for(make_user(roles.OFFICER))
    for url, hostile in [
        ("/admin/kursus/pendaftaran/", '=HYPERLINK("http://contoh.test")'),
        ("/admin/kursus/angkatan/", "-2+3 Aula"),
    ]:
        response = client.get(url, {"export": fmt})
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if fmt == "csv":
            cells = [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]
        else:
            sheet = load_workbook(io.BytesIO(content)).active
            assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
            cells = [cell.value for row in sheet.iter_rows() for cell in row]
        assert "'" + hostile in cells, (url, cells)
        assert hostile not in cells, url


@pytest.mark.django_db
def test_wagtail_reports_export_escapes_page_titles(catalogue, make_user, client_for):
    """Built-in Wagtail reports (here: aging pages) use the same writer and the same rule."""
    catalogue.title = "@SUM(1)"
    catalogue.save_revision().publish()
    response = client_for(make_user(roles.ADMIN)).get("/admin/reports/aging-pages/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "'@SUM(1)" in text and ",@SUM" not in text and "\n@SUM" not in text
