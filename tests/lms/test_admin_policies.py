"""Records our services make are not added in the Wagtail admin (lms.admin_policies).

Wagtail's ModelViewSet always has a create view; for KPI reports and issued certificates it made a
row with only the one editable field and failed on the database (HTTP 500 for the admin).
"""

import pytest

from certificates.models import Certificate
from incubator.models import KpiReport
from tests.courses.conftest import catalogue, enrol, make_cohort, make_course  # noqa: F401 (fixtures)
from tests.security.conftest import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("listing", "model", "data"),
    [
        ("/admin/inkubasi/kpi/", KpiReport, {"late": "on"}),
        ("/admin/sertifikat/terbit/", Certificate, {"expires_at": ""}),
    ],
)
def test_the_admin_offers_no_create_view_for_records_services_make(client_for, world, listing, model, data):  # noqa: F811
    client = client_for(world.users["admin"])
    before = model.objects.count()
    page = client.get(listing)
    assert page.status_code == 200
    assert f'href="{listing}new/"' not in page.content.decode()
    assert client.get(f"{listing}new/").status_code in (302, 403)
    assert client.post(f"{listing}new/", data).status_code in (302, 403)
    assert model.objects.count() == before
