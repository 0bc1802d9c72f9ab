"""Scale data for the benchmarks (`manage.py load_scale_data`): courses of N lessons.

One course per size, four days, lesson bodies taken from the curriculum in courses/content, an
open cohort with a given trainee enrolled who has finished every other lesson. Idempotent: a
course that exists (by its slug) is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .content import CURRICULUM
from .demo import _body
from .models import Cohort, CourseIndexPage, CoursePage, Enrollment, LessonPage, LessonProgress, ModulePage, Session


def course_slug(lessons: int) -> str:
    return f"skala-{lessons}-pelajaran"


def _bodies() -> list:
    bodies = [lesson["body"] for module in CURRICULUM for lesson in module["lessons"]]
    return [_body(body) for body in bodies] or [_body([("paragraph", "<p>Isi.</p>")])]


def middle_lesson(course: CoursePage) -> LessonPage:
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    return lessons[len(lessons) // 2]


def load_course(*, lessons: int, trainee, catalogue) -> tuple[CoursePage, bool]:
    existing = CoursePage.objects.filter(slug=course_slug(lessons)).first()
    if existing is not None:
        return existing, False
    course = catalogue.add_child(
        instance=CoursePage(
            title=f"Skala: kursus {lessons} pelajaran",
            slug=course_slug(lessons),
            summary="Kursus untuk pengukuran kecepatan (data skala).",
        )
    )
    bodies = _bodies()
    created = []
    per_day = [lessons // 4 + (1 if day < lessons % 4 else 0) for day in range(4)]
    for day, count in enumerate(per_day, start=1):
        module = course.add_child(instance=ModulePage(title=f"Hari {day}", slug=f"hari-{day}", day_number=day))
        for index in range(count):
            created.append(
                module.add_child(
                    instance=LessonPage(
                        title=f"Pelajaran {day}.{index + 1}",
                        slug=f"pelajaran-{day}-{index + 1}",
                        body=bodies[len(created) % len(bodies)],
                    )
                )
            )
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name=f"Skala {lessons}",
        start_date=today,
        end_date=today + dt.timedelta(days=3),
        enrolment_code=f"SKALA{lessons}",
        status=Cohort.Status.OPEN,
    )
    for number in range(1, 5):
        Session.objects.create(
            cohort=cohort,
            number=number,
            title=f"Hari {number}",
            date=today + dt.timedelta(days=number - 1),
            start_time=dt.time(8),
            end_time=dt.time(15, 30),
        )
    Enrollment.objects.create(user=trainee, cohort=cohort)
    LessonProgress.objects.bulk_create([LessonProgress(user=trainee, lesson=lesson) for lesson in created[::2]])
    return course, True


def load(*, trainee, sizes, stdout=None) -> list[CoursePage]:
    from lms.models import HomePage

    home = HomePage.objects.first()
    catalogue = CourseIndexPage.objects.filter(slug="katalog").first() or home.add_child(
        instance=CourseIndexPage(title="Katalog", slug="katalog")
    )
    courses = []
    for size in sizes:
        course, created = load_course(lessons=size, trainee=trainee, catalogue=catalogue)
        if stdout is not None:
            stdout.write(f"  kursus {size} pelajaran: {'dibuat' if created else 'sudah ada'} ({course.url})")
        courses.append(course)
    return courses
