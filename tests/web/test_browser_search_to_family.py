"""In a real browser: sign in, search for a person, open their family page."""

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.conftest import CAST_PASSWORD
from tests.families.factories import (
    mother_and_daughter_held_apart,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_search_and_see_who_is_apart(
    page: Page,
    live_server: LiveServer,
    olivia: User,
    station: Facility,
    detention: Facility,
    shelter: Facility,
) -> None:
    unit, _, _ = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )

    page.goto(f"{live_server.url}/")
    expect(page).to_have_title(re.compile("Sign in"))
    page.get_by_label("User name").fill("olivia")
    page.get_by_label("Password").fill(CAST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Find a person")).to_be_visible()
    page.get_by_role("searchbox").fill("xiloj maria")
    page.keyboard.press("Enter")
    result = page.get_by_role("link", name="María Ixchel Xiloj Tzoc")
    expect(result).to_be_visible()
    result.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(unit.reference)
    apart = page.locator("#separations")
    expect(apart).to_contain_text("1 child is apart from a parent")
    expect(apart).to_contain_text("Ana López Xiloj")
    expect(apart).to_contain_text("Casa Esperanza Shelter")
    expect(apart).to_contain_text("Port Isabel Service Processing Center")
    expect(page.locator("table.timeline td.event-separation").first).to_be_visible()
