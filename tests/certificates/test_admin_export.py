"""The admin's list export of issued certificates escapes user text (issue 9, item 4): a trainee
chooses their own name, which the export writes in the holder column."""

import csv
import io

import pytest
from openpyxl import load_workbook

from certificates import services
from lms import roles

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://contoh.test","klik")'


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_certificate_list_export_escapes_the_holder_name(setup, make_user, client_for, fmt):
    holder = setup.people["done"]
    holder.full_name = HOSTILE
    holder.save()
    services.issue_certificate(enrollment=setup.enrollments["done"])
    response = client_for(make_user(roles.ADMIN)).get("/admin/sertifikat/terbit/", {"export": fmt})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        cells = [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]
    else:
        sheet = load_workbook(io.BytesIO(content)).active
        assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
        cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + HOSTILE in cells
    assert HOSTILE not in cells
