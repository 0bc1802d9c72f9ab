"""Every role finds and uses its main links and "Keluar" at phone and desktop width (issue 7 item 1).

From 768 px the "Menu" button used to hide while the menu stayed shut, stranding officers and
instructors on desktops with no links and no way to log out. Each test signs a role in through the
login form, saves a screenshot of its home (test-results/home-<role>-<w>x<h>.png), follows every
main link from the header, then logs out through "Keluar".
"""

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from lms import roles
from tests.browser.conftest import main_nav, screenshot, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Each role's main links in the header: (label, url name). A link whose page is not built yet (its
# url name does not reverse) is left out of the menu, and so out of what the test expects.
TRAINEE_LINKS = [
    ("Kursus saya", "courses:my_courses"),
    ("Buku latihan", "ledger:book_list"),
    ("Sertifikat saya", "certificates:mine"),
]
INSTRUCTOR_LINKS = [("Angkatan yang saya ajar", "courses:instructor_cohorts")]
OFFICER_LINKS = [("Angkatan pelatihan", "courses:officer_cohorts"), ("Inkubasi", "incubator:dashboard")]
VENTURE_LINKS = [("Usaha saya", "incubator:my_venture")]
ADMIN_CONTENT = [("Admin konten", "wagtailadmin_home")]
ROLE_LINKS = {
    roles.TRAINEE: TRAINEE_LINKS,
    roles.INSTRUCTOR: INSTRUCTOR_LINKS + ADMIN_CONTENT,
    roles.OFFICER: OFFICER_LINKS + ADMIN_CONTENT,
    roles.VENTURE_CONTACT: VENTURE_LINKS,
    roles.ADMIN: TRAINEE_LINKS + INSTRUCTOR_LINKS + OFFICER_LINKS + VENTURE_LINKS + ADMIN_CONTENT,
}
SLUGS = {
    roles.TRAINEE: "trainee",
    roles.INSTRUCTOR: "instructor",
    roles.OFFICER: "officer",
    roles.VENTURE_CONTACT: "venture-contact",
    roles.ADMIN: "admin",
}


def expected_links(role):
    links = [("Beranda saya", "dashboard")]
    for label, url_name in ROLE_LINKS[role]:
        try:
            links.append((label, reverse(url_name)))
        except NoReverseMatch:
            continue
    return [(label, reverse(url) if url == "dashboard" else url) for label, url in links] + [
        ("Profil", reverse("profile"))
    ]


def follow(page, nav, label, path):
    """Click `label` in the main navigation; the page it opens must load (no 4xx/5xx)."""
    link = nav.get_by_role("link", name=label, exact=True)
    expect(link).to_be_visible()
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response.status < 400, f"{label} → {response.url}: HTTP {response.status}"
    assert page.url.split("?")[0].endswith(path), f"{label} opened {page.url}, expected {path}"


@pytest.mark.parametrize("role", list(SLUGS), ids=list(SLUGS.values()))
def test_each_role_uses_its_main_links_and_logs_out(sized_page, live_server, make_user, role):
    page = sized_page
    user = make_user(role, email=f"{SLUGS[role]}@example.test", full_name="Rina Wulandari")
    sign_in(page, live_server, user.email, PASSWORD)
    assert page.url == f"{live_server.url}/beranda/"
    expect(page.locator("h1")).to_have_text("Selamat datang, Rina")
    screenshot(page, f"home-{SLUGS[role]}")

    expected = expected_links(role)
    nav = main_nav(page)
    labels = nav.get_by_role("link").all_inner_texts()
    assert [label.strip() for label in labels] == [label for label, _ in expected]
    expect(nav.get_by_role("button", name="Keluar")).to_be_visible()
    # On a phone the menu opens as an overlay; on a desktop the links sit in the header and the
    # Menu button is gone.
    if page.viewport_name == "desktop":
        expect(page.locator("details.menu-phone summary")).to_be_hidden()
    else:
        expect(page.locator("nav.menu-wide")).to_be_hidden()

    for label, path in expected:
        page.goto(f"{live_server.url}/beranda/")
        follow(page, main_nav(page), label, path)

    page.goto(f"{live_server.url}/beranda/")
    with page.expect_navigation():
        main_nav(page).get_by_role("button", name="Keluar").click()
    assert page.url == f"{live_server.url}/"
    expect(main_nav(page).get_by_role("link", name="Masuk", exact=True)).to_be_visible()
    page.goto(f"{live_server.url}/beranda/")
    assert "/akun/login/" in page.url  # signed out for real: the dashboard asks to sign in


def test_anonymous_visitor_finds_login_and_sign_up(sized_page, live_server):
    page = sized_page
    page.goto(f"{live_server.url}/")
    screenshot(page, "home-anonymous")
    nav = main_nav(page)
    follow(page, nav, "Masuk", reverse("account_login"))
    follow(page, main_nav(page), "Daftar", reverse("account_signup"))
