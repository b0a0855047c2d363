"""A real browser: Playwright driving Debian's Chromium (never a downloaded browser).

A plugin of the root conftest, so every folder's browser tests share one browser: two
session fixtures would start two Playwright loops in one thread, which Playwright refuses."""

import os
import shutil
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.conftest import CAST_PASSWORD

CHROMIUM = os.environ.get("REUNIFY_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/system-packages.sh as root")
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still
    # be usable from the test itself.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


@pytest.fixture
def signed_in(browser: Browser, live_server: LiveServer) -> Iterator[Callable[[str], Page]]:
    """`signed_in("sam")`: a page in its own browser context, signed in as that user."""
    contexts: list[BrowserContext] = []

    def sign_in(username: str) -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/")
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password").fill(CAST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Find a person")).to_be_visible()
        return page

    yield sign_in
    for context in contexts:
        context.close()
