"""The demo: a quiz per day (8–12 questions, journal and SHU tasks on day 3), a pre-test and its
post-test on the whole course, attempts by demo trainees; a second run changes nothing."""

import io

import pytest

from courses import demo as courses_demo
from ledger import demo as ledger_demo
from lms import demo as lms_demo
from quizzes import demo as quizzes_demo
from quizzes.models import AttemptAnswer, QuestionKind, QuizAttempt, QuizGrade, QuizKind, QuizPage, QuizSchedule
from quizzes.selectors import learning_gain, question_statistics


def load_all():
    out = io.StringIO()
    people = lms_demo.load(stdout=out)
    for app in (ledger_demo, courses_demo, quizzes_demo):
        app.load(stdout=out, people=people)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_quizzes(settings):
    settings.DEBUG = True
    load_all()
    daily = list(QuizPage.objects.filter(kind=QuizKind.QUIZ).order_by("path"))
    assert len(daily) == 4
    for quiz in daily:
        kinds = [block.value.kind for block in quiz.questions]
        assert 8 <= len(kinds) <= 12
    day3 = [block.value.kind for block in daily[2].questions]
    assert day3.count(QuestionKind.JOURNAL) >= 2 and QuestionKind.SHU in day3
    # A loan to a member goes to Pinjaman Anggota (1107), as in the ledger's exercises, not to the
    # shop's Piutang Usaha Anggota (1103).
    from quizzes.models import Question

    loan = Question.objects.get(title="Jurnal pinjaman anggota").current_version.spec
    assert [line[0] for line in loan["data"]["lines"]] == ["1107", "1101"]
    pre = QuizPage.objects.get(kind=QuizKind.PRETEST)
    post = QuizPage.objects.get(kind=QuizKind.POSTTEST)
    assert post.pretest_id == pre.pk and not pre.is_required
    assert QuizAttempt.objects.filter(quiz=pre).count() >= 20
    assert QuizAttempt.objects.filter(quiz=post).count() >= 15
    cohort = QuizSchedule.objects.get(quiz=post).cohort
    report = learning_gain(posttest=post, cohort=cohort)
    assert len(report.both) >= 10 and report.mean_gain > 0
    assert len(report.categories) == 4
    stats = question_statistics(quiz=daily[2], cohort=cohort)
    assert any(s.top_wrong for s in stats) and any(s.discrimination is not None for s in stats)
    assert QuizGrade.objects.filter(quiz=daily[0], passed=False).exists()  # not everyone passes
    snapshot = (QuizAttempt.objects.count(), AttemptAnswer.objects.count(), QuizPage.objects.count())
    load_all()
    assert (QuizAttempt.objects.count(), AttemptAnswer.objects.count(), QuizPage.objects.count()) == snapshot
