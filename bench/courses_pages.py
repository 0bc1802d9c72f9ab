"""Benchmark: a trainee's lesson page against the same content as a plain Wagtail page, and the
course outline and lesson as the course grows (5 and 60 lessons), measured in one run.

Usage (from the project root):

    .venv/bin/python bench/courses_pages.py                 # throw-away SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python bench/courses_pages.py
    .venv/bin/python bench/courses_pages.py --sizes 5,60,200 --repeat 61

It migrates a temporary SQLite file (unless DATABASE_URL is set: then use a scratch database, it
is written to), builds one course per size (four days, lesson bodies from courses/content), a
cohort with one enrolled trainee who finished every other lesson, and, as the baseline, a chain
of plain Wagtail pages (`bench/baseline_app`: no LMS logic, Wagtail's own routing and serving) at
the same depth holding the same title and body as the measured lesson. Every page is requested
through Django's test client as that trainee (session, middleware, routing, permission checks,
templates: the whole server side), the pages interleaved round by round so each sees the same
noise. It prints the SQL query count and the median time of each page, then the ratios the
targets are about (throughput ratio = inverse ratio of the median times).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
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
        # A private directory (mkdtemp) rather than mktemp's guessable free name (bandit B306).
        tmp = str(Path(tempfile.mkdtemp(prefix="sinau-bench-")) / "db.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
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
        email=f"bench-{size}-{run}@example.test",
        full_name="Peserta Bench",
        password="x",  # nosec B106  # a throwaway bench account
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
    lesson = lessons[len(lessons) // 2]
    return course, lesson, user, build_baseline(home, lesson, run)


def build_baseline(home, lesson, run: int):
    """Plain Wagtail pages at the lesson's depth (catalogue/course/day/lesson) with its content."""
    from bench.baseline_app.models import BaselinePage

    parent = home
    for level in ("katalog", "kursus", "hari"):
        parent = parent.add_child(instance=BaselinePage(title=level, slug=f"dasar-{level}-{run}"))
    return parent.add_child(instance=BaselinePage(title=lesson.title, slug=lesson.slug, body=lesson.body.raw_data))


def count_queries(client, url: str) -> int:
    from django.db import connection

    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        response = client.get(url)
    if response.status_code != 200:  # an explicit check: `python -O` drops asserts (bandit B101)
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,60", help="lesson counts, comma-separated (the first is the reference)")
    parser.add_argument("--repeat", type=int, default=41, help="rounds; each round requests every page once")
    args = parser.parse_args()
    tmp = setup_django()
    try:
        from django.db import connection
        from django.test import Client

        sizes = [int(s) for s in args.sizes.split(",")]
        targets = []  # (size, page name, url, client)
        for run, size in enumerate(sizes):
            course, lesson, user, baseline = build(size, run)
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            targets += [
                (size, "baseline", baseline.url, client),
                (size, "lesson", lesson.url, client),
                (size, "outline", course.url, client),
            ]
        anonymous = Client(HTTP_HOST="localhost")
        targets.append((sizes[0], "home-anon", "/", anonymous))
        queries = {}
        for size, name, url, client in targets:
            client.get(url)  # warm caches (templates, site root paths, outline structure)
            queries[size, name] = count_queries(client, url)
        timings = {(size, name): [] for size, name, _url, _client in targets}
        for _ in range(args.repeat):
            for size, name, url, client in targets:
                start = time.perf_counter()
                client.get(url)
                timings[size, name].append((time.perf_counter() - start) * 1000)
        median = {key: statistics.median(values) for key, values in timings.items()}
        print(f"database: {connection.vendor}; {args.repeat} interleaved rounds")
        print(f"{'lessons':>7}  {'page':<10} {'queries':>7} {'median':>10}")
        for size, name, _url, _client in targets:
            print(f"{size:>7}  {name:<10} {queries[size, name]:>7} {median[size, name]:>7.1f} ms")
        print("ratios (one run):")
        for size in sizes:
            ratio = median[size, "baseline"] / median[size, "lesson"]
            print(f"  lesson throughput / plain Wagtail page, {size} lessons: {ratio:.2f}x  (target >= 0.8)")
        first = sizes[0]
        for size in sizes[1:]:
            for name in ("outline", "lesson"):
                ratio = median[size, name] / median[first, name]
                print(f"  {name} time at {size} vs {first} lessons: {ratio:.2f}x  (target <= 1.2)")
    finally:
        if tmp:
            shutil.rmtree(Path(tmp).parent, ignore_errors=True)


if __name__ == "__main__":
    main()
