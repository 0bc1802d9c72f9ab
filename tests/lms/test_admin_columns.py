"""Our admin listings write yes/no fields and amounts as the rest of the site does.

A field named in a viewset's `list_display` shows as Python prints it ("True", "False",
"6200000,00"); lms.admin_columns shows "Ya"/"Tidak" and "6.200.000" (found walking the admin at
360×740). The KPI list's first column is labelled with the venture field's name, "Usaha binaan".
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from incubator import services as incubator_services
from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 (fixtures)
from tests.security.conftest import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PYTHON_BOOLEAN = re.compile(r"<td[^>]*>\s*(True|False)\s*</td>")
YES_NO = re.compile(r"<td[^>]*>\s*(Ya|Tidak)\s*</td>")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/buku-latihan/bagan-akun/",
        "/admin/buku-latihan/akun/",
        "/admin/buku-latihan/latihan/",
        "/admin/sertifikat/kursus/",
        "/admin/jadwal-tugas/",
    ],
)
def test_yes_no_fields_read_ya_or_tidak(client_for, world, path):  # noqa: F811
    PeriodicTask.objects.create(
        name="Sapu proses",
        task="lms.sweep_background_jobs",
        interval=IntervalSchedule.objects.create(every=10, period=IntervalSchedule.MINUTES),
    )
    html = client_for(world.users["admin"]).get(path).content.decode()
    assert YES_NO.search(html), path
    assert not PYTHON_BOOLEAN.search(html), PYTHON_BOOLEAN.search(html).group(0)


def test_kpi_list_names_the_venture_and_writes_amounts(client_for, world):  # noqa: F811
    figures = {
        "omzet": Decimal("6200000"),
        "members": 13,
        "employees_male": 1,
        "employees_female": 2,
        "assets": Decimal("5000000"),
        "shu": Decimal("0"),
        "financing": Decimal("0"),
    }
    incubator_services.submit_kpi_report(
        venture=world.venture, period=dt.date(2026, 1, 1), figures=figures, by=world.users["officer"], baseline=True
    )
    html = client_for(world.users["officer"]).get("/admin/inkubasi/kpi/").content.decode()
    assert "Usaha binaan" in html and ">Venture<" not in html
    assert re.search(r"<td[^>]*>\s*6\.200\.000\s*</td>", html)
    assert YES_NO.search(html) and not PYTHON_BOOLEAN.search(html)
