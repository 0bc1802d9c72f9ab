"""Fixtures of the incubator tests: a programme with milestone templates, two ventures, their contacts."""

import datetime as dt

import pytest
from django.utils import timezone

from incubator import services
from incubator.models import MilestoneTemplate, Programme, VentureKind
from lms import roles


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def programme(db, today):
    programme = Programme.objects.create(
        name="Inkubasi Wirausaha 2026",
        intake_year=today.year,
        start_date=today - dt.timedelta(days=400),
        end_date=today + dt.timedelta(days=300),
    )
    MilestoneTemplate.objects.create(programme=programme, title="NIB diperoleh", due_after_days=30, sort_order=0)
    MilestoneTemplate.objects.create(
        programme=programme, title="Badan hukum terdaftar", due_after_days=120, sort_order=1
    )
    return programme


@pytest.fixture
def contact(make_user):
    return make_user(roles.VENTURE_CONTACT, email="kontak-a@example.test", full_name="Kontak A")


@pytest.fixture
def other_contact(make_user):
    return make_user(roles.VENTURE_CONTACT, email="kontak-b@example.test", full_name="Kontak B")


@pytest.fixture
def venture(programme, officer, contact, today):
    return services.create_venture(
        programme=programme,
        name="Koperasi Tempe Maju",
        kind=VentureKind.NEW_COOPERATIVE,
        entry_date=today - dt.timedelta(days=200),
        by=officer,
        contacts=[contact],
        kecamatan="Prajurit Kulon",
        sector="Pangan",
        kbli="10792",
    )


@pytest.fixture
def other_venture(programme, officer, other_contact, today):
    return services.create_venture(
        programme=programme,
        name="Koperasi Batik Sekar",
        kind=VentureKind.NEW_COOPERATIVE,
        entry_date=today - dt.timedelta(days=100),
        by=officer,
        contacts=[other_contact],
        kecamatan="Magersari",
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\0" * 64


def figures(**changes):
    data = {
        "omzet": "12.500.000",
        "members": 25,
        "employees_male": 2,
        "employees_female": 3,
        "assets": "40.000.000",
        "shu": "1.250.000",
        "financing": "0",
    }
    data.update(changes)
    return data
