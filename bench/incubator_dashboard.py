"""Benchmark (make bench line 7): the officers' incubation dashboard at 100 and at 10,000 ventures.

Usage (from the project root):

    .venv/bin/python bench/incubator_dashboard.py                       # throw-away SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sinau_bench .venv/bin/python bench/incubator_dashboard.py --json

What it does:
1. makes an empty database of its own: a temporary SQLite file, or with a PostgreSQL DATABASE_URL a
   scratch database next to the one named (`<name>_dash`, dropped at the end unless --keep; the
   named database itself is never written), and migrates it;
2. loads an incubation programme of 100 ventures with `incubator.scale` (each: a year of monthly
   KPI reports, a baseline, two milestones, its stage entry; one in twenty silent for 3 months);
3. renders /inkubasi/ in-process as an officer through Django's test client (middleware, view,
   template: the whole page, no HTTP server, so the figure is the page's own work, not the
   network's), a few warm-up requests and then --repeat timed ones; counts its SQL queries;
4. bulk-adds 9,900 ventures (the same shape: 120,000 monthly reports in all), runs ANALYZE on
   PostgreSQL (what autovacuum does after a bulk load), and times the same page again;
5. prints the medians, the ratio (target ≤ 3) and whether the query count stayed the same.

The dashboard reads the whole dataset (no filter), as an officer opening it does. Run it once per
database: `make bench` (bench/run.py) runs it on PostgreSQL and on SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def scratch_postgres(url: str) -> tuple[str, str]:
    """A fresh database next to `url`'s: (its URL, its name)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_dash"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), admin


def drop_postgres(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(keep: bool):
    """Point Django at a fresh database and migrate it; returns a clean-up function."""
    url = os.environ.get("DATABASE_URL", "")
    cleanup = []
    if url.startswith("postgres"):
        scratch, admin = scratch_postgres(url)
        os.environ["DATABASE_URL"] = scratch
        name = scratch.rsplit("/", 1)[-1]
        if not keep:
            cleanup.append(lambda: drop_postgres(admin, name))
    else:
        folder = tempfile.mkdtemp(prefix="sinau-dash-")
        tmp = str(Path(folder) / "bench.sqlite3")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}"
        if not keep:
            cleanup.append(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)

    def done():
        from django.db import connections

        connections.close_all()
        for step in cleanup:
            step()

    return done


def measure(client, url: str, repeat: int, warmup: int) -> tuple[float, list[float], int]:
    """Median ms, every timing, and the SQL queries of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        warm = client.get(url)
        if warm.status_code != 200:
            raise RuntimeError(f"{url} answered {warm.status_code}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), times, len(queries.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=100, help="ventures first (default 100)")
    parser.add_argument("--large", type=int, default=10000, help="ventures after the bulk add (default 10,000)")
    parser.add_argument("--repeat", type=int, default=15, help="timed requests per size; the median is reported")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    done = setup_django(args.keep)
    try:
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        from incubator import scale
        from lms import roles

        setup_test_environment()  # the test client's ALLOWED_HOSTS and template signals
        roles.sync_roles()
        from django.contrib.auth import get_user_model

        officer = get_user_model().objects.create_user(  # nosec B106  # a throwaway bench account (force_login)
            email="bench-petugas@example.test", password="!", full_name="Petugas Bench"
        )
        roles.assign_role(officer, roles.OFFICER)
        client = Client()
        client.force_login(officer)
        url = "/inkubasi/"
        programme = scale.scale_programme()

        def load(count: int, start: int) -> float:
            began = time.perf_counter()
            scale.add_ventures(programme, count, start=start)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            return time.perf_counter() - began

        load_small = load(args.small, 0)
        small_ms, small_times, small_queries = measure(client, url, args.repeat, args.warmup)
        load_large = load(args.large - args.small, args.small)
        large_ms, large_times, large_queries = measure(client, url, args.repeat, args.warmup)
        from incubator.models import KpiReport, Venture

        figures = {
            "database": connection.vendor,
            "page": url,
            "how": "in-process, Django test client, officer, whole dataset",
            "small_ventures": args.small,
            "large_ventures": Venture.objects.count(),
            "kpi_reports": KpiReport.objects.count(),
            "monthly_reports": KpiReport.objects.filter(is_baseline=False).count(),
            "small_median_ms": round(small_ms, 1),
            "large_median_ms": round(large_ms, 1),
            "small_spread_ms": [round(min(small_times), 1), round(max(small_times), 1)],
            "large_spread_ms": [round(min(large_times), 1), round(max(large_times), 1)],
            "ratio": round(large_ms / small_ms, 2),
            "target_ratio": 3,
            "small_queries": small_queries,
            "large_queries": large_queries,
            "queries_equal": small_queries == large_queries,
            "load_small_s": round(load_small, 1),
            "load_large_s": round(load_large, 1),
            "repeat": args.repeat,
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
    finally:
        done()
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
