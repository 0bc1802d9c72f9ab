"""Browser fixtures: headless Chromium (Debian's, through Playwright) at a phone and a desktop size.

Browser tests are marked `browser` and run in CI (`CI=true`) or with `SINAU_ALL_TESTS=1`.
Screenshots go to `test-results/` at the project root (gitignored; CI keeps the folder).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The two sizes every page is tried at: a cheap Android phone and an office desktop.
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 800}}
SCREENSHOTS = Path(settings.BASE_DIR) / "test-results"


@pytest.fixture
def browser_session():
    """A running headless Chromium; Django's ORM stays usable from the test meanwhile."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
    # itself (creating users) would otherwise be refused as "async unsafe".
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    """Parametrises a test over both sizes: ("phone", {...}) and ("desktop", {...})."""
    return request.param, VIEWPORTS[request.param]


@pytest.fixture
def sized_page(browser_session, viewport):
    """A fresh page (own cookies) at the parametrised size, in an Indonesian browser."""
    name, size = viewport
    context = browser_session.new_context(viewport=size, locale="id-ID")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.viewport_name = name
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as test-results/<name>-<width>x<height>.png."""
    size = page.viewport_size
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}-{size['width']}x{size['height']}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, live_server, email: str, password: str):
    """Sign in through the login form, as a person would; ends on the page it redirects to."""
    page.goto(f"{live_server.url}/akun/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.get_by_role("button", name="Masuk").click()


def main_nav(page):
    """The site's main navigation as it shows at this size; on a phone the Menu button opens it."""
    menu = page.locator("details.menu-phone")
    if menu.is_visible():
        if menu.get_attribute("open") is None:
            menu.locator("summary").click()
        return menu.locator("nav")
    return page.locator("nav.menu-wide")
