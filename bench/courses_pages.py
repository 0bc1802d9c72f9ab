"""Benchmark: the course outline and a lesson page for an enrolled trainee, at 5 and 60 lessons.

Usage (from the project root):

    .venv/bin/python bench/courses_pages.py                 # throw-away SQLite database
    .venv/bin/python bench/courses_pages.py --repeat 51

It migrates a temporary SQLite file (unless DATABASE_URL is set: then use a scratch database), builds
one course per size with lesson bodies taken from courses/content, a cohort with one enrolled
trainee who finished every other lesson, and requests both pages through Django's test client
(the whole server side: middleware, Wagtail routing, permission checks, templates). It reports the
SQL query count and the median and 90th-percentile server time of each page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> str | None:
    tmp = None
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mktemp(prefix="sinau-bench-", suffix=".sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return tmp


def lesson_bodies() -> list[list]:
    from courses.content import CURRICULUM

    return [lesson["body"] for module in CURRICULUM for lesson in module["lessons"]] or [[("paragraph", "<p>Isi.</p>")]]


def build(size: int, run: int):
    """A course with `size` lessons over four days, a cohort and one enrolled trainee."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.demo import _body
    from courses.models import (
        Cohort,
        CourseIndexPage,
        CoursePage,
        Enrollment,
        LessonPage,
        LessonProgress,
        ModulePage,
        Session,
    )
    from lms import roles
    from lms.models import HomePage

    roles.sync_roles()
    home = HomePage.objects.first()
    catalogue = CourseIndexPage.objects.filter(slug="katalog").first() or home.add_child(
        instance=CourseIndexPage(title="Katalog", slug="katalog")
    )
    course = catalogue.add_child(
        instance=CoursePage(title=f"Bench {size}", slug=f"bench-{size}-{run}", summary="Kursus untuk pengukuran.")
    )
    bodies = [_body(body) for body in lesson_bodies()]
    lessons = []
    per_day = [size // 4 + (1 if day < size % 4 else 0) for day in range(4)]
    for day, count in enumerate(per_day, start=1):
        module = course.add_child(instance=ModulePage(title=f"Hari {day}", slug=f"hari-{day}", day_number=day))
        for index in range(count):
            lessons.append(
                module.add_child(
                    instance=LessonPage(
                        title=f"Pelajaran {day}.{index + 1}",
                        slug=f"pelajaran-{day}-{index + 1}",
                        body=bodies[len(lessons) % len(bodies)],
                    )
                )
            )
    user = get_user_model().objects.create_user(
        email=f"bench-{size}-{run}@example.test", full_name="Peserta Bench", password="x"
    )
    roles.assign_role(user, roles.TRAINEE)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name=f"Bench {size}",
        start_date=today,
        end_date=today,
        enrolment_code=f"BENCH{size}X{run}",
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
    Enrollment.objects.create(user=user, cohort=cohort)
    LessonProgress.objects.bulk_create([LessonProgress(user=user, lesson=lesson) for lesson in lessons[::2]])
    return course, lessons[len(lessons) // 2], user


def measure(client, url: str, repeat: int) -> tuple[int, float, float]:
    from django.db import connection

    client.get(url)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return len(queries), statistics.median(timings), timings[int(len(timings) * 0.9) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,60", help="lesson counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=31)
    args = parser.parse_args()
    tmp = setup_django()
    try:
        from django.test import Client

        print(f"{'lessons':>7}  {'page':<8} {'queries':>7} {'median':>10} {'p90':>10}")
        for run, size in enumerate(int(s) for s in args.sizes.split(",")):
            course, lesson, user = build(size, run)
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            for name, url in (("outline", course.url), ("lesson", lesson.url)):
                queries, median, p90 = measure(client, url, args.repeat)
                print(f"{size:>7}  {name:<8} {queries:>7} {median:>8.1f} ms {p90:>7.1f} ms")
    finally:
        if tmp and os.path.exists(tmp):
            os.remove(tmp)


if __name__ == "__main__":
    main()
