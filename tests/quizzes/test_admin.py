"""Authoring in the Wagtail admin: the question bank as snippets, versions made on save, block
validation, and instructors seeing only their own courses' questions, categories and schedules."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lms import roles
from quizzes.models import Question, QuestionVersion, QuizSchedule

QUESTION_ADD = "/admin/kuis/soal/add/"


def question_post(category, answer, *, title="Soal admin", text="<p>Benarkah?</p>"):
    return nested_form_data(
        {
            "category": category.pk,
            "title": title,
            "text": rich_text(text),
            "answer": streamfield([answer]),
            "points": "1",
            "feedback_correct": "",
            "feedback_incorrect": "",
            "explanation": rich_text(""),
        }
    )


@pytest.fixture
def teacher(make_user, course_with_bank):
    user = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(user)
    return user


@pytest.fixture
def foreign(make_course, make_category, make_question):
    """A question of another course."""
    category = make_category(make_course(lessons=(1,)).course, name="Lain")
    return make_question(category, "truefalse", title="Soal kursus lain")


@pytest.mark.django_db
def test_creating_and_editing_a_question_in_the_admin_makes_versions(teacher, course_with_bank, client_for):
    client = client_for(teacher)
    response = client.post(QUESTION_ADD, question_post(course_with_bank.category, ("truefalse", {"answer": "true"})))
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(title="Soal admin")
    assert question.kind == "truefalse" and question.current_version.number == 1
    edit = f"/admin/kuis/soal/edit/{question.pk}/"
    client.post(edit, question_post(course_with_bank.category, ("truefalse", {"answer": "false"})))
    question.refresh_from_db()
    assert question.current_version.number == 2 and question.current_version.spec["data"]["answer"] is False
    client.post(edit, question_post(course_with_bank.category, ("truefalse", {"answer": "false"})))
    assert QuestionVersion.objects.filter(question=question).count() == 2  # unchanged: no new version


@pytest.mark.django_db
def test_invalid_answer_blocks_are_refused_with_a_message(teacher, course_with_bank, client_for):
    choices = streamfield(
        [
            ("item", {"text": "A", "correct": "on", "feedback": ""}),
            ("item", {"text": "B", "correct": "on", "feedback": ""}),
        ]
    )
    response = client_for(teacher).post(
        QUESTION_ADD, question_post(course_with_bank.category, ("single", {"choices": choices}))
    )
    assert response.status_code == 200
    assert "Tandai tepat satu pilihan yang benar" in response.content.decode()
    assert not Question.objects.filter(title="Soal admin").exists()


@pytest.mark.django_db
def test_unbalanced_journal_key_is_refused(teacher, course_with_bank, client_for):
    from ledger.models import ChartTemplate

    chart = ChartTemplate.get_default()
    journal = {
        "exercise": "",
        "transaction_number": "",
        "chart": chart.pk,
        "lines": streamfield(
            [
                ("item", {"account_code": "1101", "side": "D", "amount": "1.000.000"}),
                ("item", {"account_code": "3101", "side": "C", "amount": "900.000"}),
            ]
        ),
        "grading": "per_line",
        "tolerance": "0",
        "rows": "4",
    }
    response = client_for(teacher).post(QUESTION_ADD, question_post(course_with_bank.category, ("journal", journal)))
    assert response.status_code == 200
    assert "tidak seimbang" in response.content.decode()
    assert not Question.objects.filter(title="Soal admin").exists()


@pytest.mark.django_db
def test_instructors_see_and_choose_only_their_courses_questions(teacher, course_with_bank, foreign, client_for):
    client = client_for(teacher)
    listing = client.get("/admin/kuis/soal/").content.decode()
    assert course_with_bank.questions["single"].title in listing and "Soal kursus lain" not in listing
    for url in (f"/admin/kuis/soal/edit/{foreign.pk}/", f"/admin/kuis/soal/delete/{foreign.pk}/"):
        refused = client.get(url)  # Wagtail answers PermissionDenied with a redirect to the dashboard
        assert refused.status_code == 302 and refused["Location"] == "/admin/", url
    chooser = client.get("/admin/snippets/choose/quizzes/question/").content.decode()
    assert course_with_bank.questions["single"].title in chooser and "Soal kursus lain" not in chooser
    categories = client.get("/admin/kuis/kategori/").content.decode()
    assert "Lain" not in categories
    add_form = client.get(QUESTION_ADD).content.decode()
    assert f'value="{foreign.category_id}"' not in add_form


@pytest.mark.django_db
def test_admins_see_every_question(make_user, course_with_bank, foreign, client_for):
    listing = client_for(make_user(roles.ADMIN)).get("/admin/kuis/soal/").content.decode()
    assert "Soal kursus lain" in listing and course_with_bank.questions["single"].title in listing


@pytest.mark.django_db
def test_trainees_and_officers_have_no_question_bank(make_user, course_with_bank, client_for):
    assert client_for(make_user(roles.OFFICER)).get("/admin/kuis/soal/").status_code in (302, 403)
    assert client_for(course_with_bank.enrollment.user).get("/admin/kuis/soal/").status_code in (302, 403)


@pytest.mark.django_db
def test_schedules_are_scoped_to_the_instructors_cohorts(
    teacher, course_with_bank, make_quiz, make_user, make_cohort, client_for
):
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]])
    mine = QuizSchedule.objects.create(
        quiz=quiz, cohort=course_with_bank.cohort, closes_at=timezone.now() + dt.timedelta(days=1)
    )
    other_cohort = make_cohort(course_with_bank.course, sessions=0)
    theirs = QuizSchedule.objects.create(quiz=quiz, cohort=other_cohort)
    client = client_for(teacher)
    listing = client.get("/admin/kuis/jadwal/").content.decode()
    assert f"/admin/kuis/jadwal/edit/{mine.pk}/" in listing and f"/admin/kuis/jadwal/edit/{theirs.pk}/" not in listing
    assert client.get(f"/admin/kuis/jadwal/edit/{theirs.pk}/")["Location"] == "/admin/"
    officer = client_for(make_user(roles.OFFICER)).get("/admin/kuis/jadwal/").content.decode()
    assert f"/admin/kuis/jadwal/edit/{theirs.pk}/" in officer


@pytest.mark.django_db
def test_schedule_close_before_open_is_refused(teacher, course_with_bank, make_quiz, client_for):
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]])
    now = timezone.localtime()
    response = client_for(teacher).post(
        "/admin/kuis/jadwal/add/",
        {
            "quiz": quiz.pk,
            "cohort": course_with_bank.cohort.pk,
            "opens_at": (now + dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
            "closes_at": (now + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 200 and "Waktu tutup harus sesudah waktu buka" in response.content.decode()
    assert not QuizSchedule.objects.exists()


@pytest.mark.django_db
def test_pretest_cannot_be_required(course_with_bank, make_quiz):
    from django.core.exceptions import ValidationError

    quiz = make_quiz(course_with_bank.module, kind="pretest", is_required=False)
    quiz.is_required = True
    with pytest.raises(ValidationError) as info:
        quiz.full_clean()
    assert "is_required" in info.value.message_dict


@pytest.mark.django_db
def test_quiz_page_preview_lists_questions_and_draws(teacher, course_with_bank, make_quiz, make_user, client_for):
    quiz = make_quiz(
        course_with_bank.module,
        questions=[course_with_bank.questions["truefalse"]],
        draws=[(course_with_bank.category, 2)],
    )
    items = quiz.preview_items()
    assert [i["kind"] for i in items] == ["question", "random"]
    assert items[1]["available"] == 8
    admin = client_for(make_user(roles.ADMIN))
    response = admin.get(f"/admin/pages/{quiz.pk}/edit/preview/")
    assert response.status_code == 200
