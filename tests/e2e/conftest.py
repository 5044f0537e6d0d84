"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install chromium`, see .ci/run); Playwright's own
browser downloads never run here. Where /usr/bin/chromium is missing the tests skip.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/press-center-e2e"))
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def playwright():
    """Playwright, for one test module at a time.

    The sync API keeps an event loop running in this thread, which makes Django refuse ORM
    calls from it ("async-unsafe"); the tests only touch the database between page actions,
    never concurrently, so the check is switched off while Playwright runs and back on after,
    before the rest of the suite.
    """
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's Chromium at {CHROMIUM}: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (.ci/run installs it; CI must not skip them)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        manager = sync_playwright().start()
        try:
            yield manager
        finally:
            manager.stop()


def launch(playwright, *extra_args):
    """Start the system Chromium, headless, with our fixed flags plus `extra_args`."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
    )


@pytest.fixture(scope="module")
def browser(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP: secure-only cookies would never come back."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def new_page(browser, live_server):
    """`new_page()` opens a page in a fresh browser context (its own cookies: one person).

    Every page collects script errors and Content-Security-Policy refusals in `page.problems`;
    the fixture fails the test if any were seen, so a page that breaks in the browser fails.
    """
    contexts = []
    pages = []

    def make(**context_options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
            **context_options,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
        page.on(
            "console",
            lambda message: (
                page.problems.append(f"console: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        pages.append(page)
        return page

    yield make
    # Where each page ended up, to look at when a test fails.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages):
        page.screenshot(path=str(SCREENSHOTS / f"last-page-{number}.png"), full_page=True)
    problems = [problem for page in pages for problem in page.problems]
    for context in contexts:
        context.close()
    assert problems == []


@pytest.fixture
def shoot():
    """`shoot(page, name)` saves a full-page screenshot under /tmp for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
