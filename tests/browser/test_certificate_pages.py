"""The certificate pages in Chromium at phone and desktop width (issue 12): the holder's
"Sertifikat saya" with a working download and share link, the public verification page of a valid
and a revoked certificate for an anonymous visitor, and the officer's cohort page — each fitting
the screen (wide tables scroll inside themselves, codes never break across lines)."""

import pytest
from playwright.sync_api import expect

from certificates import services
from tests.browser.conftest import main_nav, screenshot, sign_in
from tests.certificates.conftest import (  # noqa: F401 (fixtures)
    catalogue,
    committed,
    enrol,
    make_cohort,
    make_course,
    setup,
    templates,
)
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_holder_verifier_and_officer_pages(sized_page, live_server, setup, officer):  # noqa: F811
    with committed():
        valid = services.issue_certificate(enrollment=setup.enrollments["done"], by=officer).certificate
        revoked = services.issue_certificate(
            enrollment=setup.enrollments["attended"], kind="attendance", by=officer
        ).certificate
    services.revoke_certificate(certificate=revoked, by=officer, reason="data_error", note="uji")
    page = sized_page
    name = page.viewport_name

    # Anonymous verifier: valid and revoked.
    page.goto(f"{live_server.url}/certificates/verify/{valid.code}/")
    expect(page.locator("main")).to_contain_text("Sertifikat ini sah")
    expect(page.locator("main")).to_contain_text("Dra. Siti Aminah, M.M.")
    assert fits(page)
    screenshot(page, f"certificate-verify-valid-{name}")
    page.goto(f"{live_server.url}/certificates/verify/{revoked.code}/")
    expect(page.locator("main")).to_contain_text("DICABUT")
    expect(page.locator("main")).to_contain_text("Kesalahan data")
    assert "uji" not in page.locator("main").inner_text()  # the internal note stays inside
    assert fits(page)

    # The holder: Sertifikat saya → download (the stored PDF) → share link (the public page).
    sign_in(page, live_server, setup.people["done"].email, PASSWORD)
    with page.expect_navigation():  # from the main menu (the phone's Menu button or the desktop nav)
        main_nav(page).get_by_role("link", name="Sertifikat saya", exact=True).click()
    assert page.url.endswith("/sertifikat/")
    main = page.locator("main")
    expect(main).to_contain_text(valid.serial)
    code = main.locator(".code").first
    assert code.evaluate("e => e.getClientRects().length") == 1  # one line, even at 360 px
    assert fits(page)
    screenshot(page, f"certificate-mine-{name}")
    with page.expect_download() as download:
        main.get_by_role("link", name="Unduh PDF").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    with page.expect_navigation():
        main.get_by_role("link", name="Tautan untuk dibagikan").first.click()
    assert page.url.endswith(f"/certificates/verify/{valid.code}/")
    page.context.clear_cookies()

    # The officer: the cohort's certificate page.
    sign_in(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/sertifikat/angkatan/{setup.cohort.pk}/")
    expect(page.locator("main")).to_contain_text(valid.serial)
    assert fits(page)
    screenshot(page, f"certificate-cohort-{name}")
    # … and revoking with the confirmation step: what, why (public class) and the internal note.
    page.goto(f"{live_server.url}/sertifikat/kelola/{valid.pk}/")
    page.select_option("#id_reason", "holder_request")
    page.fill("#id_note", "Surat permintaan pemegang tanggal 2 Desember")
    with page.expect_navigation():
        page.get_by_role("button", name="Lanjut: periksa pencabutan").click()
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text("Cabut sertifikat ini?")
    expect(main).to_contain_text(valid.serial)
    expect(main).to_contain_text("Permintaan pemegang")
    expect(main).to_contain_text("Surat permintaan pemegang tanggal 2 Desember")
    assert fits(page)
    screenshot(page, f"certificate-revoke-confirm-{name}")
    form = page.locator("main form").first.evaluate("f => f.outerHTML")
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, cabut sertifikat").click()
    expect(page.locator("body")).to_contain_text(f"Sertifikat {valid.serial} dicabut.")
    # The same confirmation sent again (a second tab, a double tap): refused with a message.
    page.evaluate(
        "html => { const box = document.createElement('div'); box.innerHTML = html; document.body.append(box); }",
        form,
    )
    with page.expect_navigation():
        page.locator("body > div form button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("sudah dicabut sebelumnya")
    assert fits(page)
