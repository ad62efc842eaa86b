"""Browser tests: a real Chromium (Debian's, installed by `make browser`)
driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium quiet on a machine with a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not at {CHROMIUM}: run `make browser`.")
        pytest.skip(f"Chromium is not at {CHROMIUM}: run `make browser` to install it.")
    # Playwright's synchronous API runs an event loop in this thread; the ORM
    # calls the tests make between browser steps are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch() gives each run a fresh, empty profile of its own.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    """A 320 px wide screen, the narrowest the portal supports."""
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
