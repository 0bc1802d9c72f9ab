"""Certificate templates: placeholder and HTML checks with the reason, the admin's snippet screens
with the live preview, and the per-course settings screen."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates import defaults
from certificates.models import CertificateKind, CertificateTemplate
from certificates.rendering import PLACEHOLDERS, TemplateProblem, check_template

SIGNATORY_FORMSET = {
    "signatories-TOTAL_FORMS": "0",
    "signatories-INITIAL_FORMS": "0",
    "signatories-MIN_NUM_FORMS": "0",
    "signatories-MAX_NUM_FORMS": "4",
}


@pytest.mark.parametrize(
    ("html", "css", "message"),
    [
        ("<p>{{ nama_lengkap }}</p>", "", "Penanda tidak dikenal: {{ nama_lengkap }}"),
        ("<p>{{ nama }}</p>", ".x { content: '{{ gelar }}'; }", "Penanda tidak dikenal: {{ gelar }}"),
        ("<div><p>{{ nama }}</span></div>", "", "HTML rusak: </span>"),
        ("<div>{{ nama }}", "", "<div> di baris 1 tidak ditutup"),
        ("<p>{% load static %}</p>", "", "Tag templat Django tidak didukung"),
        ('<img src="/etc/passwd">', "", "tidak boleh memuat gambar atau berkas dari luar"),
        ("<p>x</p>", "@import url(http://169.254.169.254/);", "tidak boleh memuat gambar atau berkas dari luar"),
        ("<script>alert(1)</script>", "", "Tag <script> tidak diizinkan"),
        ("<p>x</p><style>p{}</style>", "", "bukan dengan <style>"),
        ("   ", "", "tidak boleh kosong"),
    ],
)
def test_bad_templates_are_refused_with_the_reason(db, html, css, message):
    with pytest.raises(TemplateProblem) as problem:
        check_template(html, css)
    assert message in problem.value.message
    template = CertificateTemplate(name="Uji", kind=CertificateKind.COMPLETION, body_html=html, css=css)
    with pytest.raises(ValidationError):
        template.full_clean()


def test_every_placeholder_is_accepted_and_the_defaults_pass(db):
    check_template("".join("<p>{{ " + name + " }}</p>" for name in PLACEHOLDERS))
    check_template(defaults.COMPLETION_HTML, defaults.CSS)
    check_template(defaults.ATTENDANCE_HTML, defaults.CSS)


def test_admin_refuses_a_broken_template_with_the_reason(client_for, admin_user):
    client = client_for(admin_user)
    url = reverse("wagtailsnippets_certificates_certificatetemplate:add")
    data = {
        "name": "Rusak",
        "kind": "completion",
        "orientation": "landscape",
        "issuer_name": "Dinas",
        "issue_place": "Kota",
        "body_html": "<p>{{ nama }} {{ tidak_ada }}</p>",
        "css": "",
        **SIGNATORY_FORMSET,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Penanda tidak dikenal: {{ tidak_ada }}" in response.content.decode()
    assert not CertificateTemplate.objects.exists()
    data["body_html"] = defaults.COMPLETION_HTML
    data["css"] = defaults.CSS
    response = client.post(url, data)
    assert response.status_code == 302
    assert CertificateTemplate.objects.get().name == "Rusak"


def test_admin_live_preview_renders_a_pdf_with_sample_data(client_for, admin_user, templates):
    import io

    from pypdf import PdfReader

    client = client_for(admin_user)
    template = templates["completion"]
    url = reverse("wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk])
    data = {
        "name": template.name,
        "kind": "completion",
        "orientation": "portrait",
        "issuer_name": "Dinas Koperasi",
        "issue_place": "Sleman",
        "body_html": "<h1>{{ nama }}</h1><p>{{ nomor }}</p>{{ qr }}",
        "css": "",
        **SIGNATORY_FORMSET,
    }
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF-")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Dra. Siti Aminah" in text and "518/0001/SINAU/2026" in text
    html = client.get(url, {"mode": "html"}).content.decode()
    assert "<h1>Dra. Siti Aminah, S.E., M.M.</h1>" in html and "a4 portrait" in html


@pytest.mark.parametrize(
    ("role", "allowed"), [("officer", True), ("admin_user", True), ("instructor", False), ("trainee", False)]
)
def test_admin_template_screens_per_role(client_for, request, role, allowed, templates):
    user = request.getfixturevalue(role)
    response = client_for(user).get(reverse("wagtailsnippets_certificates_certificatetemplate:list"))
    assert (response.status_code == 200) == allowed


def test_course_settings_screen_for_officers(client_for, officer, setup):
    response = client_for(officer).get(reverse("certificates_course_settings:index"))
    assert response.status_code == 200 and setup.course.title in response.content.decode()
