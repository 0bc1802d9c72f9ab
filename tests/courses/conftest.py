"""Fixtures for the courses tests: a course tree, cohorts with sessions, enrolments."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from courses.models import Cohort, CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage, Session
from lms.models import HomePage
from quizzes.models import QuizPage

BODY = [
    ("heading", "Prinsip koperasi"),
    ("paragraph", "<p>Koperasi adalah badan usaha yang beranggotakan orang-seorang.</p>"),
    ("callout", {"kind": "tip", "text": "<p>Catat setiap transaksi hari itu juga.</p>"}),
    ("glossary", {"term": "SHU", "definition": "<p>Sisa hasil usaha.</p>"}),
    (
        "journal_example",
        {
            "caption": "Setoran simpanan pokok",
            "lines": [
                {"account_code": "1-1100", "account_name": "Kas", "debit": "100000", "credit": "0", "memo": ""},
                {
                    "account_code": "3-1100",
                    "account_name": "Simpanan pokok",
                    "debit": "0",
                    "credit": "100000",
                    "memo": "",
                },
            ],
        },
    ),
]


@pytest.fixture
def catalogue(db):
    home = HomePage.objects.get(depth=2)
    index = CourseIndexPage.objects.filter(slug="katalog").first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(title="Katalog", slug="katalog"))
    return index


@pytest.fixture
def make_course(catalogue):
    counter = {"n": 0}

    def factory(*, lessons=(3, 2), quizzes=0, min_attendance_percent=75, body=BODY, release_dates=None, **fields):
        counter["n"] += 1
        n = counter["n"]
        course = catalogue.add_child(
            instance=CoursePage(
                title=fields.pop("title", f"Kursus {n}"),
                slug=f"kursus-{n}",
                summary="Ringkasan kursus.",
                min_attendance_percent=min_attendance_percent,
                **fields,
            )
        )
        tree = SimpleNamespace(course=course, modules=[], lessons=[], quizzes=[])
        for day, count in enumerate(lessons, start=1):
            release = release_dates[day - 1] if release_dates else None
            module = course.add_child(
                instance=ModulePage(title=f"Hari {day}", slug=f"hari-{day}", day_number=day, release_date=release)
            )
            tree.modules.append(module)
            for i in range(1, count + 1):
                lesson = module.add_child(
                    instance=LessonPage(
                        title=f"Pelajaran {day}.{i}",
                        slug=f"pelajaran-{day}-{i}",
                        body=body,
                        estimated_minutes=7,
                    )
                )
                tree.lessons.append(lesson)
            if day <= quizzes:
                tree.quizzes.append(module.add_child(instance=QuizPage(title=f"Kuis hari {day}", slug=f"kuis-{day}")))
        return tree

    return factory


@pytest.fixture
def make_cohort(db):
    counter = {"n": 0}

    def factory(
        course,
        *,
        sessions=4,
        capacity=30,
        status=Cohort.Status.OPEN,
        instructors=(),
        code=None,
        first_day=None,
        **fields,
    ):
        counter["n"] += 1
        first_day = first_day or timezone.localdate()
        cohort = Cohort.objects.create(
            course=course,
            name=f"Angkatan {counter['n']}",
            start_date=first_day,
            end_date=first_day + dt.timedelta(days=max(sessions - 1, 0)),
            capacity=capacity,
            status=status,
            enrolment_code=code or f"KODE{counter['n']:04d}",
            **fields,
        )
        cohort.instructors.set(instructors)
        for number in range(1, sessions + 1):
            Session.objects.create(
                cohort=cohort,
                number=number,
                title=f"Hari {number}",
                date=first_day + dt.timedelta(days=number - 1),
                start_time=dt.time(8, 0),
                end_time=dt.time(16, 0),
                location="Aula Dinas",
            )
        return cohort

    return factory


@pytest.fixture
def enrol():
    def factory(user, cohort, status=Enrollment.Status.ACTIVE):
        return Enrollment.objects.create(user=user, cohort=cohort, status=status)

    return factory
