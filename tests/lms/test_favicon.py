"""/favicon.ico: browsers ask for it even when the page names its icon; it leads to ours."""

import pytest
from django.templatetags.static import static


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("lms/img/favicon.svg")
    assert "max-age=86400" in response["Cache-Control"]
    assert client.head("/favicon.ico").status_code == 302
    assert client.post("/favicon.ico").status_code == 405
