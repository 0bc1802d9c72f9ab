"""`manage.py load_scale_data`: the benchmark's sizes, loaded twice without duplicates."""

import pytest
from django.core.management import CommandError, call_command

from courses.models import Enrollment, LessonPage, LessonProgress
from courses.scale import course_slug
from ledger.models import AccountPeriodBalance, Book, JournalEntry
from ledger.reports import trial_balance
from ledger.scale import book_title

pytestmark = pytest.mark.django_db


def test_loads_courses_and_books_once(django_user_model):
    for _ in range(2):
        call_command("load_scale_data", "--lessons", "3,7", "--entries", "4,9", "--ventures", "25", "--force")
    trainee = django_user_model.objects.get(email="skala@sinau.test")
    for size in (3, 7):
        lessons = LessonPage.objects.filter(path__startswith=_course_path(size))
        assert lessons.count() == size
        assert Enrollment.objects.filter(user=trainee, cohort__course__slug=course_slug(size)).count() == 1
        assert LessonProgress.objects.filter(user=trainee, lesson__in=lessons).count() == (size + 1) // 2
    for size in (4, 9):
        book = Book.objects.get(owner=trainee, title=book_title(size))
        assert JournalEntry.objects.filter(book=book).count() == size
        assert AccountPeriodBalance.objects.filter(book=book).exists()
        report = trial_balance(book)
        assert report.total_debit == report.total_credit > 0


def test_loads_ventures_with_a_year_of_reports_once():
    from incubator.models import KpiReport, Milestone, StageChange, Venture
    from incubator.scale import MONTHS, SCALE_PROGRAMME

    args = ("--lessons", "2", "--entries", "3", "--force")
    for _ in range(2):
        call_command("load_scale_data", *args, "--ventures", "40")
    ventures = Venture.objects.filter(programme__name=SCALE_PROGRAMME)
    assert ventures.count() == 40
    monthly = KpiReport.objects.filter(venture__in=ventures, is_baseline=False)
    # Twelve months each (the two silent ones, 7 and 27, end three months earlier).
    assert monthly.count() == 40 * MONTHS
    assert monthly.values("venture", "period").distinct().count() == monthly.count()
    assert KpiReport.objects.filter(venture__in=ventures, is_baseline=True).count() == 40
    assert Milestone.objects.filter(venture__in=ventures).count() == 80
    assert StageChange.objects.filter(venture__in=ventures).count() == 40
    # A bigger size tops up (numbered on), a smaller one keeps what is there.
    call_command("load_scale_data", *args, "--ventures", "45")
    call_command("load_scale_data", *args, "--ventures", "10")
    assert ventures.count() == 45 and ventures.values("name").distinct().count() == 45
    with pytest.raises(CommandError):
        call_command("load_scale_data", *args, "--ventures", "-1")


def _course_path(size):
    from courses.models import CoursePage

    return CoursePage.objects.get(slug=course_slug(size)).path


def test_refuses_without_debug_or_force():
    with pytest.raises(CommandError):
        call_command("load_scale_data")


@pytest.mark.parametrize("bad", ["", "0", "lima"])
def test_refuses_bad_sizes(bad):
    with pytest.raises(CommandError):
        call_command("load_scale_data", "--lessons", bad, "--force")
    assert not Book.objects.exists()
