"""A trainee signs in with the keyboard alone, lands on the dashboard in Indonesian, then switches to English.

Runs headless Chromium through Playwright against pytest-django's live server (marked `browser`:
deselected unless CI=true; run with `CI=true .venv/bin/python -m pytest tests/browser -q`).
"""

import pytest
from playwright.sync_api import expect

from lms import roles
from tests.conftest import PASSWORD

# serialized_rollback: every transactional test restores the migrations' data, so none of them
# flushes with post_migrate (which would recreate rows the next restore inserts again).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAX_TABS = 25


@pytest.fixture
def page(browser_session):
    # A phone-sized window and an Indonesian browser, like most trainees.
    context = browser_session.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def tab_to(page, selector: str) -> int:
    """Press Tab until `selector` has the focus; returns how many presses it took."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return presses
    raise AssertionError(f"{selector} cannot be reached with Tab within {MAX_TABS} presses")


def focus_is_visible(page) -> bool:
    return page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'")


def test_trainee_signs_in_with_the_keyboard_and_switches_to_english(page, live_server, make_user):
    make_user(roles.TRAINEE, email="siti@example.test", full_name="Siti Aminah")

    page.goto(f"{live_server.url}/akun/login/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("h1")).to_have_text("Masuk ke Sinau")

    # The first Tab reaches the skip link; the login field follows within a few presses.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    tab_to(page, "#id_login")
    assert focus_is_visible(page)
    page.keyboard.type("siti@example.test")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url(f"{live_server.url}/beranda/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("h1")).to_have_text("Selamat datang, Siti")
    expect(page.get_by_role("link", name="Kursus saya").first).to_be_attached()

    # Switch to English with the keyboard: the language select, one step down, then its button.
    tab_to(page, "#lang-select")
    assert focus_is_visible(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "en"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('form').classList.contains('lang-switch')")
    page.keyboard.press("Enter")

    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Welcome, Siti")
    expect(page.get_by_text("Profile and name on certificates")).to_be_visible()
    assert page.url == f"{live_server.url}/beranda/"


def test_wrong_password_is_announced_next_to_the_form(page, live_server, make_user):
    make_user(roles.TRAINEE, email="budi@example.test")
    page.goto(f"{live_server.url}/akun/login/")
    tab_to(page, "#id_login")
    page.keyboard.type("budi@example.test")
    page.keyboard.press("Tab")
    page.keyboard.type("salah-sekali")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Email atau kata sandi salah.")
    assert page.url.endswith("/akun/login/")
