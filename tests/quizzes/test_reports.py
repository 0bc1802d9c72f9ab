"""Gradebook per cohort, per-question statistics, pre/post learning gain, exports and who sees them."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from lms import roles
from quizzes.models import QuizKind
from quizzes.selectors import cohort_gradebook, course_result, learning_gain, question_statistics, quiz_results
from quizzes.services import start_attempt, submit_attempt
from tests.quizzes.test_attempts import form


@pytest.fixture
def people(make_user, course_with_bank, enrol):
    """Four trainees of the cohort (the fixture's trainee first)."""
    trainees = [course_with_bank.enrollment.user]
    for _ in range(3):
        user = make_user(roles.TRAINEE)
        enrol(user, course_with_bank.cohort)
        trainees.append(user)
    return trainees


def take(quiz, user, **answers):
    attempt = start_attempt(user=user, quiz=quiz)
    positions = list(range(1, 20))
    return submit_attempt(attempt=attempt, user=user, data=form(soal=positions, **answers)).attempt


@pytest.fixture
def tf_quiz(course_with_bank, make_question, make_quiz):
    """Four true/false questions (all "true"), each worth one point."""
    questions = [make_question(course_with_bank.category, "truefalse", title=f"BS {n}") for n in range(1, 5)]
    return make_quiz(course_with_bank.module, questions=questions, pass_mark=75, title="Kuis BS")


@pytest.mark.django_db
def test_gradebook_rows_and_a_fixed_query_count(tf_quiz, people, course_with_bank, django_assert_num_queries):
    take(tf_quiz, people[0], q1="true", q2="true", q3="true", q4="true")
    take(tf_quiz, people[1], q1="true", q2="false")
    start_attempt(user=people[2], quiz=tf_quiz)  # still working
    with django_assert_num_queries(5):
        book = cohort_gradebook(cohort=course_with_bank.cohort)
    assert [q.pk for q in book.quizzes] == [tf_quiz.pk]
    cells = {row.enrollment.user_id: row.cells[0] for row in book.rows}
    assert cells[people[0].pk][1].score == 100 and cells[people[0].pk][1].passed
    assert cells[people[1].pk][1].score == 25 and not cells[people[1].pk][1].passed
    assert cells[people[2].pk][1] is None and cells[people[2].pk][2] is True
    assert book.summary[0]["passed"] == 1 and book.summary[0]["average"] == Decimal("62.50")


@pytest.mark.django_db
def test_question_statistics(tf_quiz, people, course_with_bank):
    take(tf_quiz, people[0], q1="true", q2="true", q3="true", q4="true")  # 100
    take(tf_quiz, people[1], q1="true", q2="true", q3="true", q4="false")  # 75
    take(tf_quiz, people[2], q1="true", q2="false", q3="false", q4="false")  # 25
    take(tf_quiz, people[3], q1="false", q2="false", q3="false", q4="false")  # 0
    stats = {s.title: s for s in question_statistics(quiz=tf_quiz, cohort=course_with_bank.cohort)}
    assert stats["BS 1"].answered == 4 and stats["BS 1"].share_right == 75
    assert stats["BS 4"].share_right == 25 and stats["BS 4"].top_wrong == "Salah" and stats["BS 4"].top_wrong_count == 3
    # Those who got BS 2 right did better on the rest of the quiz: positive discrimination.
    assert stats["BS 2"].discrimination > Decimal("0.5")
    assert all(s.discrimination is None or -1 <= s.discrimination <= 1 for s in stats.values())


@pytest.mark.django_db
def test_most_chosen_wrong_answer_of_a_choice_question(course_with_bank, make_quiz, people):
    question = course_with_bank.questions["single"]
    quiz = make_quiz(course_with_bank.module, questions=[question])
    ids = {c["text"]: c["id"] for c in question.current_version.spec["data"]["choices"]}
    for user, text in zip(people, ["Pengurus", "Pengurus", "Pengawas", "Rapat Anggota"], strict=True):
        take(quiz, user, q1=ids[text])
    [entry] = question_statistics(quiz=quiz)
    assert (entry.top_wrong, entry.top_wrong_count, entry.share_right) == ("Pengurus", 2, 25)


@pytest.mark.django_db
def test_learning_gain_per_trainee_and_per_category(course_with_bank, make_category, make_question, make_quiz, people):
    day1 = course_with_bank.category
    day2 = make_category(course_with_bank.course, name="Hari 2", order=1)
    questions = [
        make_question(day1, "truefalse"),
        make_question(day1, "truefalse"),
        make_question(day2, "truefalse"),
        make_question(day2, "truefalse"),
    ]
    pre = make_quiz(course_with_bank.module, questions=questions, kind=QuizKind.PRETEST, is_required=False, title="Pre")
    post = make_quiz(course_with_bank.module, questions=questions, kind=QuizKind.POSTTEST, pretest=pre, title="Post")
    take(pre, people[0], q1="true", q2="false", q3="false", q4="false")  # 25: day1 50, day2 0
    take(pre, people[0], q1="true", q2="true", q3="true", q4="true")  # a second pre-test attempt does not count
    take(post, people[0], q1="true", q2="true", q3="true", q4="false")  # 75: day1 100, day2 50
    take(pre, people[1], q1="false", q2="false", q3="false", q4="false")  # 0
    take(post, people[1], q1="true", q2="true", q3="true", q4="true")  # 100
    take(pre, people[2], q1="true", q2="true", q3="false", q4="false")  # only the pre-test
    report = learning_gain(posttest=post, cohort=course_with_bank.cohort)
    rows = {t.enrollment.user_id: t for t in report.trainees}
    first = rows[people[0].pk]
    assert (first.pre, first.post, first.gain) == (Decimal("25.00"), Decimal("75.00"), Decimal("50.00"))
    assert first.normalized_gain == Decimal("0.67")
    assert first.pre_by_category == {day1.pk: Decimal("50.00"), day2.pk: Decimal("0.00")}
    assert rows[people[1].pk].normalized_gain == 1
    assert rows[people[2].pk].gain is None and rows[people[3].pk].pre is None
    assert report.mean_pre == Decimal("12.50") and report.mean_post == Decimal("87.50") and report.mean_gain == 75
    categories = {row.category.name: row for row in report.categories}
    assert categories["Hari 1"].pre == 25 and categories["Hari 1"].post == 100 and categories["Hari 1"].trainees == 2
    assert categories["Hari 2"].pre == 0 and categories["Hari 2"].post == 75


@pytest.mark.django_db
def test_read_api_for_certificates_and_incubator(tf_quiz, people, course_with_bank, make_quiz, make_question):
    pre = make_quiz(
        course_with_bank.module,
        questions=[make_question(course_with_bank.category, "truefalse")],
        kind=QuizKind.PRETEST,
        is_required=False,
    )
    take(pre, people[0], q1="false")
    take(tf_quiz, people[0], q1="true", q2="true", q3="true", q4="false")
    results = quiz_results(user_ids=[people[0].pk, people[1].pk], course=course_with_bank.course)
    assert {r.title for r in results[people[0].pk]} == {tf_quiz.title, pre.title}
    assert people[1].pk not in results
    mine = course_result(user=people[0], course=course_with_bank.course)
    assert mine.required == 1 and mine.required_passed == 1 and mine.all_required_passed
    assert mine.average_score == Decimal("75.00")  # the pre-test does not count
    assert results[people[0].pk][0].course_id == course_with_bank.course.pk


@pytest.mark.django_db
def test_gradebook_page_and_exports_for_each_role(tf_quiz, people, course_with_bank, make_user, client_for):
    take(tf_quiz, people[0], q1="true", q2="true", q3="true", q4="true")
    people[0].full_name = '=HYPERLINK("http://x")'
    people[0].save()
    teacher = make_user(roles.INSTRUCTOR)
    course_with_bank.cohort.instructors.add(teacher)
    url = reverse("quizzes:gradebook", args=[course_with_bank.cohort.pk])
    for user, status in (
        (teacher, 200),
        (make_user(roles.OFFICER), 200),
        (make_user(roles.ADMIN), 200),
        (make_user(roles.INSTRUCTOR), 403),
        (people[1], 403),
        (None, 302),
    ):
        assert client_for(user).get(url).status_code == status, user
    client = client_for(teacher)
    exported = client.get(url + "?format=csv")
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Nama", "Email", "Koperasi/usaha"]
    assert rows[1][0].startswith("'=")  # escaped against formulas
    assert client.get(url + "?format=xlsx")["Content-Type"].startswith("application/vnd.openxmlformats")
    report = reverse("quizzes:quiz_report", args=[course_with_bank.cohort.pk, tf_quiz.pk])
    page = client.get(report)
    assert page.status_code == 200 and "Statistik per soal" in page.content.decode()
    stats_csv = client.get(report + "?data=statistik&format=csv").content.decode("utf-8-sig")
    assert "Jawaban salah terbanyak" in stats_csv
    assert client.get(report + "?format=xlsx").status_code == 200


@pytest.mark.django_db
def test_a_quiz_of_another_course_is_404_in_a_cohort_report(
    tf_quiz, course_with_bank, make_course, make_quiz, make_user, client_for
):
    other = make_course(lessons=(1,))
    foreign = make_quiz(other.modules[0])
    admin = make_user(roles.ADMIN)
    client = client_for(admin)
    assert client.get(reverse("quizzes:quiz_report", args=[course_with_bank.cohort.pk, foreign.pk])).status_code == 404
    assert (
        client.get(reverse("quizzes:gain", args=[course_with_bank.cohort.pk, tf_quiz.pk])).status_code == 404
    )  # not a post-test
    assert client.get(reverse("quizzes:gradebook", args=[99999])).status_code == 404


@pytest.mark.django_db
def test_gain_page_and_export(course_with_bank, make_question, make_quiz, people, make_user, client_for):
    question = make_question(course_with_bank.category, "truefalse")
    pre = make_quiz(course_with_bank.module, questions=[question], kind=QuizKind.PRETEST, is_required=False)
    post = make_quiz(course_with_bank.module, questions=[question], kind=QuizKind.POSTTEST, pretest=pre)
    take(pre, people[0], q1="false")
    take(post, people[0], q1="true")
    url = reverse("quizzes:gain", args=[course_with_bank.cohort.pk, post.pk])
    client = client_for(make_user(roles.OFFICER))
    page = client.get(url)
    assert page.status_code == 200 and "100" in page.content.decode()
    exported = client.get(url + "?format=csv").content.decode("utf-8-sig")
    assert "Gain ternormalisasi" in exported and "Hari 1" in exported
    assert client_for(people[1]).get(url).status_code == 403
