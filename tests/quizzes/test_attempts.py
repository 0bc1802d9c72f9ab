"""Taking a quiz: start, save as given, submit once, time limit, attempts limit, overrides, schedules,
pinned versions, and every bad input answered with a message or a 404 — never a changed score."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from quizzes.models import AttemptAnswer, AttemptState, QuizAttempt, QuizGrade, QuizOverride, QuizSchedule
from quizzes.selectors import attempt_answers
from quizzes.services import QuizError, save_answers, start_attempt, submit_attempt


def form(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        else:
            data[key] = str(value)
    return data


def by_kind(attempt):
    return {a.version.spec["kind"]: a for a in attempt_answers(attempt)}


def right_form(attempt) -> dict:
    """Fields that answer every question of `attempt` right (built from the pinned specs)."""
    fields = {"soal": []}
    for answer in attempt_answers(attempt):
        spec, p, layout = answer.version.spec, answer.position, answer.layout
        fields["soal"].append(p)
        data = spec["data"]
        kind = spec["kind"]
        if kind == "single":
            fields[f"q{p}"] = next(c["id"] for c in data["choices"] if c["correct"])
        elif kind == "multiple":
            fields[f"q{p}"] = [c["id"] for c in data["choices"] if c["correct"]]
        elif kind == "truefalse":
            fields[f"q{p}"] = "true" if data["answer"] else "false"
        elif kind == "numeric":
            fields[f"q{p}"] = data["answer"].replace(".", ",")
        elif kind == "shorttext":
            fields[f"q{p}"] = data["answers"][0]
        elif kind == "matching":
            pairs = {pair["id"]: pair["answer"] for pair in data["pairs"]}
            for index, pair_id in enumerate(layout["prompts"]):
                fields[f"q{p}-p{index}"] = layout["options"].index(pairs[pair_id])
        elif kind == "journal":
            for i, (code, side, amount) in enumerate(data["lines"]):
                fields[f"q{p}-akun-{i}"] = code
                fields[f"q{p}-{'debit' if side == 'D' else 'kredit'}-{i}"] = amount.replace(".", ",")
        elif kind == "shu":
            from quizzes.grading import shu_allocation

            totals = {m.number: m.total for m in shu_allocation(data).members}
            for i, member in enumerate(data["members"]):
                fields[f"q{p}-m{i}"] = f"{totals[member['number']]:.0f}"
    return fields


@pytest.fixture
def quiz(course_with_bank, make_quiz):
    return make_quiz(course_with_bank.module, questions=list(course_with_bank.questions.values()), pass_mark=60)


# --- Start ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_start_pins_question_versions_and_a_second_start_continues(quiz, trainee, course_with_bank):
    attempt = start_attempt(user=trainee, quiz=quiz)
    assert attempt.number == 1 and attempt.state == AttemptState.IN_PROGRESS
    assert attempt.cohort_id == course_with_bank.cohort.pk
    answers = attempt_answers(attempt)
    assert [a.position for a in answers] == list(range(1, 9))
    assert all(a.version_id == a.question.current_version_id for a in answers)
    assert start_attempt(user=trainee, quiz=quiz).pk == attempt.pk  # double click / second tab
    assert QuizAttempt.objects.filter(user=trainee, quiz=quiz).count() == 1


@pytest.mark.django_db
def test_an_edited_question_does_not_change_a_running_attempt(quiz, trainee, course_with_bank):
    from quizzes.services import record_question_version

    attempt = start_attempt(user=trainee, quiz=quiz)
    question = course_with_bank.questions["truefalse"]
    pinned = by_kind(attempt)["truefalse"].version
    question.answer = [{"type": "truefalse", "value": {"answer": "false"}}]
    question.save()
    newer = record_question_version(question=question)
    assert newer.number == pinned.number + 1
    assert by_kind(attempt)["truefalse"].version_id == pinned.pk
    outcome = submit_attempt(attempt=attempt, user=trainee, data=form(soal=[3], q3="true"))
    assert outcome.finished_now
    assert by_kind(outcome.attempt)["truefalse"].fraction == 1  # graded against the pinned version


@pytest.mark.django_db
def test_only_enrolled_trainees_start(quiz, make_user):
    from lms import roles

    outsider = make_user(roles.TRAINEE)
    with pytest.raises(QuizError) as info:
        start_attempt(user=outsider, quiz=quiz)
    assert info.value.code == "not_enrolled"


@pytest.mark.django_db
def test_random_draw_per_category_never_repeats_and_shuffles(
    course_with_bank, make_category, make_question, make_quiz, trainee
):
    bank = make_category(course_with_bank.course, name="Acak")
    pool = [make_question(bank, "truefalse") for _ in range(6)]
    quiz = make_quiz(course_with_bank.module, questions=[pool[0]], draws=[(bank, 3)], shuffle_questions=True)
    attempt = start_attempt(user=trainee, quiz=quiz, seed=7)
    drawn = [a.question_id for a in attempt_answers(attempt)]
    assert len(drawn) == 4 == len(set(drawn))
    assert pool[0].pk in drawn
    assert set(drawn) <= {q.pk for q in pool}


@pytest.mark.django_db
def test_an_empty_quiz_refuses_to_start(course_with_bank, make_quiz, trainee):
    quiz = make_quiz(course_with_bank.module)
    with pytest.raises(QuizError) as info:
        start_attempt(user=trainee, quiz=quiz)
    assert info.value.code == "empty"


# --- Saving as given, submitting once -----------------------------------------------------------


@pytest.mark.django_db
def test_answers_are_saved_as_given_and_graded_on_submit(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    numeric = by_kind(attempt)["numeric"]
    outcome = save_answers(
        attempt=attempt, user=trainee, data=form(soal=[numeric.position], **{f"q{numeric.position}": " Rp 1.350.000 "})
    )
    assert outcome.saved == 1 and not outcome.read.problems
    numeric.refresh_from_db()
    assert numeric.response == {"text": " Rp 1.350.000 "}  # exactly as typed
    assert numeric.fraction is None  # nothing graded before submit
    outcome = submit_attempt(attempt=attempt, user=trainee, data=form(**right_form(attempt)))
    attempt = outcome.attempt
    assert attempt.state == AttemptState.FINISHED and attempt.score == Decimal("100.00") and attempt.passed
    assert QuizGrade.objects.get(user=trainee, quiz=quiz).passed


@pytest.mark.django_db
def test_double_submit_counts_once(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    first = submit_attempt(attempt=attempt, user=trainee, data=form(**right_form(attempt)))
    assert first.finished_now
    second = submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1="x"))
    assert second.already_finished and not second.finished_now
    attempt.refresh_from_db()
    assert attempt.score == Decimal("100.00")
    grade = QuizGrade.objects.get(user=trainee, quiz=quiz)
    assert grade.attempts == 1
    # Saving into a finished attempt changes nothing either.
    late_save = save_answers(attempt=attempt, user=trainee, data=form(soal=[1], q1=""))
    assert late_save.already_finished and late_save.saved == 0
    assert by_kind(attempt)["single"].response is not None


@pytest.mark.django_db
def test_grading_method_and_pass_mark(course_with_bank, make_quiz, trainee):
    question = course_with_bank.questions["truefalse"]
    quiz = make_quiz(course_with_bank.module, questions=[question], grading_method="last", pass_mark=100)
    for value in ("true", "false"):
        attempt = start_attempt(user=trainee, quiz=quiz)
        submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1=value))
    grade = QuizGrade.objects.get(user=trainee, quiz=quiz)
    assert grade.score == 0 and not grade.passed and grade.attempts == 2
    quiz.grading_method = "average"
    quiz.save()
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1="true"))
    assert QuizGrade.objects.get(user=trainee, quiz=quiz).score == Decimal("66.67")


@pytest.mark.django_db
@pytest.mark.parametrize("method, expected", [("highest", "100"), ("first", "50"), ("last", "0"), ("average", "62.50")])
def test_each_grading_method_picks_its_attempt(course_with_bank, make_quiz, trainee, method, expected):
    # Attempts scoring 50, 100, 100, 0 (two equal questions): each method gives a different grade.
    questions = [course_with_bank.questions["truefalse"], course_with_bank.questions["shorttext"]]
    quiz = make_quiz(course_with_bank.module, questions=questions, grading_method=method, attempts_allowed=0)
    for tf, text in (("true", "salah"), ("true", "rat"), ("true", " R A T "), ("false", "")):
        attempt = start_attempt(user=trainee, quiz=quiz)
        submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1, 2], q1=tf, q2=text))
    scores = list(QuizAttempt.objects.filter(quiz=quiz).order_by("number").values_list("score", flat=True))
    assert scores == [Decimal("50"), Decimal("100"), Decimal("100"), Decimal("0")]
    grade = QuizGrade.objects.get(user=trainee, quiz=quiz)
    assert grade.score == Decimal(expected) and grade.attempts == 4


# --- Time limit -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_time_limit_submits_what_was_saved_and_refuses_late_answers(course_with_bank, make_quiz, trainee):
    questions = [course_with_bank.questions["truefalse"], course_with_bank.questions["shorttext"]]
    quiz = make_quiz(course_with_bank.module, questions=questions, time_limit_minutes=10)
    start = timezone.now()
    attempt = start_attempt(user=trainee, quiz=quiz, now=start)
    assert attempt.deadline == start + dt.timedelta(minutes=10)
    save_answers(attempt=attempt, user=trainee, data=form(soal=[1], q1="true"), now=start + dt.timedelta(minutes=5))
    late = start + dt.timedelta(minutes=11)
    outcome = submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1, 2], q1="false", q2="RAT"), now=late)
    assert outcome.late and outcome.finished_now
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.state == AttemptState.FINISHED
    answers = by_kind(attempt)
    assert answers["truefalse"].response == {"value": "true"}  # the saved answer, not the late one
    assert answers["shorttext"].response is None
    assert attempt.score == Decimal("50.00")


@pytest.mark.django_db
def test_a_submission_in_flight_within_the_grace_still_counts(course_with_bank, make_quiz, trainee, settings):
    settings.QUIZ_SUBMIT_GRACE_SECONDS = 20
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], time_limit_minutes=1)
    start = timezone.now()
    attempt = start_attempt(user=trainee, quiz=quiz, now=start)
    outcome = submit_attempt(
        attempt=attempt, user=trainee, data=form(soal=[1], q1="true"), now=start + dt.timedelta(seconds=75)
    )
    assert outcome.finished_now and not outcome.late
    assert outcome.attempt.score == 100


@pytest.mark.django_db
def test_overdue_attempts_are_finished_by_the_sweep_once(course_with_bank, make_quiz, trainee):
    from quizzes.tasks import finish_overdue_attempts

    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], time_limit_minutes=1)
    attempt = start_attempt(user=trainee, quiz=quiz, now=timezone.now() - dt.timedelta(minutes=5))
    save_answers(attempt=attempt, user=trainee, data=form(soal=[1], q1="true"), now=attempt.started_at)
    assert finish_overdue_attempts.delay().get() == 1
    assert finish_overdue_attempts.delay().get() == 0  # idempotent
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.score == 100


@pytest.mark.django_db
def test_close_time_caps_the_deadline_and_blocks_new_attempts(course_with_bank, make_quiz, trainee):
    now = timezone.now()
    quiz = make_quiz(
        course_with_bank.module,
        questions=[course_with_bank.questions["truefalse"]],
        time_limit_minutes=60,
        closes_at=now + dt.timedelta(minutes=15),
    )
    attempt = start_attempt(user=trainee, quiz=quiz, now=now)
    assert attempt.deadline == quiz.closes_at
    outcome = submit_attempt(
        attempt=attempt, user=trainee, data=form(soal=[1], q1="true"), now=now + dt.timedelta(minutes=20)
    )
    assert outcome.late
    with pytest.raises(QuizError) as info:
        start_attempt(user=trainee, quiz=quiz, now=now + dt.timedelta(minutes=20))
    assert info.value.code == "closed"


# --- Attempts, schedules, overrides --------------------------------------------------------------


@pytest.mark.django_db
def test_one_attempt_more_than_allowed_is_refused_until_an_override(course_with_bank, make_quiz, trainee, instructor):
    quiz = make_quiz(course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], attempts_allowed=1)
    attempt = start_attempt(user=trainee, quiz=quiz)
    submit_attempt(attempt=attempt, user=trainee, data=form(soal=[1], q1="false"))
    with pytest.raises(QuizError) as info:
        start_attempt(user=trainee, quiz=quiz)
    assert info.value.code == "no_attempts_left"
    QuizOverride.objects.create(quiz=quiz, user=trainee, extra_attempts=1, extra_minutes=0, created_by=instructor)
    second = start_attempt(user=trainee, quiz=quiz)
    assert second.number == 2


@pytest.mark.django_db
def test_override_adds_time(course_with_bank, make_quiz, trainee):
    quiz = make_quiz(
        course_with_bank.module, questions=[course_with_bank.questions["truefalse"]], time_limit_minutes=10
    )
    QuizOverride.objects.create(quiz=quiz, user=trainee, extra_minutes=15)
    now = timezone.now()
    assert start_attempt(user=trainee, quiz=quiz, now=now).deadline == now + dt.timedelta(minutes=25)


@pytest.mark.django_db
def test_cohort_schedule_replaces_the_quiz_times(course_with_bank, make_quiz, trainee):
    now = timezone.now()
    quiz = make_quiz(
        course_with_bank.module,
        questions=[course_with_bank.questions["truefalse"]],
        closes_at=now - dt.timedelta(days=1),
    )
    with pytest.raises(QuizError):
        start_attempt(user=trainee, quiz=quiz, now=now)
    schedule = QuizSchedule.objects.create(
        quiz=quiz,
        cohort=course_with_bank.cohort,
        opens_at=now + dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=1),
    )
    with pytest.raises(QuizError) as info:
        start_attempt(user=trainee, quiz=quiz, now=now)
    assert info.value.code == "not_open"
    schedule.opens_at = now - dt.timedelta(minutes=1)
    schedule.save()
    assert start_attempt(user=trainee, quiz=quiz, now=now).deadline == schedule.closes_at


@pytest.mark.django_db
def test_a_personal_close_time_extends_the_window(course_with_bank, make_quiz, trainee):
    now = timezone.now()
    quiz = make_quiz(
        course_with_bank.module,
        questions=[course_with_bank.questions["truefalse"]],
        closes_at=now - dt.timedelta(hours=1),
    )
    QuizOverride.objects.create(quiz=quiz, user=trainee, closes_at=now + dt.timedelta(hours=2))
    assert start_attempt(user=trainee, quiz=quiz, now=now).deadline == now + dt.timedelta(hours=2)


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_answers_to_questions_not_in_the_attempt_are_ignored_with_a_message(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    outcome = save_answers(
        attempt=attempt, user=trainee, data=form(soal=[1, 99, "x"], q99="a", q1="", **{"q42-akun-0": "1101"})
    )
    assert len(outcome.read.general) == 4  # markers 99 and "x", fields q99 and q42
    assert "tidak ada dalam percobaan ini" in outcome.read.general[0]
    assert not AttemptAnswer.objects.filter(attempt=attempt, position__gt=8).exists()


@pytest.mark.django_db
def test_a_choice_that_does_not_exist_keeps_the_previous_answer(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    single = by_kind(attempt)["single"]
    right = next(c["id"] for c in single.version.spec["data"]["choices"] if c["correct"])
    p = single.position
    save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **{f"q{p}": right}))
    outcome = save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **{f"q{p}": "bukan-pilihan"}))
    assert "tidak ada pada soal ini" in outcome.read.problems[p][0]
    single.refresh_from_db()
    assert single.response == {"choice": right}
    multiple = by_kind(attempt)["multiple"]
    outcome = save_answers(
        attempt=attempt, user=trainee, data=form(soal=[multiple.position], **{f"q{multiple.position}": ["x", right]})
    )
    assert outcome.read.problems[multiple.position]
    matching = by_kind(attempt)["matching"]
    outcome = save_answers(
        attempt=attempt, user=trainee, data=form(soal=[matching.position], **{f"q{matching.position}-p0": "77"})
    )
    assert outcome.read.problems[matching.position]
    tf = by_kind(attempt)["truefalse"]
    outcome = save_answers(
        attempt=attempt, user=trainee, data=form(soal=[tf.position], **{f"q{tf.position}": "mungkin"})
    )
    assert outcome.read.problems[tf.position]


@pytest.mark.django_db
def test_text_where_a_number_is_expected_is_kept_with_a_message(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    numeric = by_kind(attempt)["numeric"]
    p = numeric.position
    outcome = save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **{f"q{p}": "satu juta"}))
    assert "harus berupa angka" in outcome.read.problems[p][0]
    numeric.refresh_from_db()
    assert numeric.response == {"text": "satu juta"}
    finished = submit_attempt(attempt=attempt, user=trainee).attempt
    assert by_kind(finished)["numeric"].fraction == 0


@pytest.mark.django_db
def test_unbalanced_or_foreign_account_journal_gets_clear_messages(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    journal = by_kind(attempt)["journal"]
    p = journal.position
    fields = {
        f"q{p}-akun-0": "1101",
        f"q{p}-debit-0": "1.000.000",
        f"q{p}-akun-1": "9999",
        f"q{p}-kredit-1": "900.000",
        f"q{p}-akun-2": "3101",
        f"q{p}-debit-2": "5",
        f"q{p}-kredit-2": "5",
        f"q{p}-debit-3": "abc",
    }
    outcome = save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **fields))
    text = " ".join(outcome.read.problems[p])
    assert "9999 tidak ada dalam bagan akun" in text
    assert "belum seimbang" in text
    assert "bukan keduanya" in text
    assert "pilih akunnya" in text and "bukan angka" in text
    journal.refresh_from_db()
    assert len(journal.response["lines"]) == 4  # stored as given
    finished = submit_attempt(attempt=attempt, user=trainee).attempt
    assert by_kind(finished)["journal"].fraction < 1


@pytest.mark.django_db
def test_another_trainees_attempt_is_refused(quiz, trainee, make_user, course_with_bank, enrol):
    from lms import roles

    other = make_user(roles.TRAINEE)
    enrol(other, course_with_bank.cohort)
    attempt = start_attempt(user=trainee, quiz=quiz)
    with pytest.raises(QuizError) as info:
        save_answers(attempt=attempt, user=other, data=form(soal=[1], q1="x"))
    assert info.value.code == "not_yours"
    with pytest.raises(QuizError):
        submit_attempt(attempt=attempt, user=other)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS


@pytest.mark.django_db
def test_overlong_text_is_refused(quiz, trainee):
    attempt = start_attempt(user=trainee, quiz=quiz)
    short = by_kind(attempt)["shorttext"]
    p = short.position
    outcome = save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **{f"q{p}": "x" * 600}))
    assert "terlalu panjang" in outcome.read.problems[p][0]
    short.refresh_from_db()
    assert short.response is None


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1.2.3", "2.50", "1 350 000", "１３５００００"])
def test_a_malformed_number_is_named_and_graded_wrong_not_guessed(quiz, trainee, typed):
    """Numeric answers read with the one Rupiah grammar: '1.2.3' is not Rp 123, '2.50' is not 2,5."""
    attempt = start_attempt(user=trainee, quiz=quiz)
    numeric = by_kind(attempt)["numeric"]
    p = numeric.position
    outcome = save_answers(attempt=attempt, user=trainee, data=form(soal=[p], **{f"q{p}": typed}))
    (problem,) = outcome.read.problems[p]
    assert "harus berupa angka" in problem and "titik setiap tiga angka" in problem
    finished = submit_attempt(attempt=attempt, user=trainee).attempt
    assert by_kind(finished)["numeric"].fraction == 0
