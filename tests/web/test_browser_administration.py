"""In a real browser: an administrator creates a counsel user and grants them a client;
the new counsel replaces their one-time password, finds only that client, and loses
them on their next page once the grant is revoked. Forms are filled by their labels."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.conftest import at
from tests.families.factories import aunt_and_nephew, mother_and_daughter_held_apart

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_counsel_sees_their_client_until_the_grant_is_revoked(
    signed_in: Callable[[str], Page],
    browser: Browser,
    live_server: LiveServer,
    abel: User,
    olivia: User,
    station: Facility,
    detention: Facility,
    shelter: Facility,
) -> None:
    _, mother, _ = mother_and_daughter_held_apart(
        actor=olivia, station=station, detention=detention, shelter=shelter
    )
    aunt_and_nephew(actor=olivia, station=station, apprehended_at=at("2019-02-10"))
    admin = signed_in("abel")

    admin.get_by_role("link", name="Administration").click()
    expect(admin.get_by_role("heading", name="Users", level=1)).to_be_visible()
    admin.get_by_role("link", name="New user").click()
    admin.get_by_label("User name").fill("nadia")
    admin.get_by_label("Given name").fill("Nadia")
    admin.get_by_label("Surname").fill("Reyes")
    admin.get_by_label("Role").select_option(label="Counsel")
    admin.get_by_label("Organisation").fill("Immigrant Legal Resource Center")
    admin.keyboard.press("Enter")
    expect(admin.get_by_role("heading", level=1)).to_have_text("User nadia created")
    one_time = admin.locator("#one-time-password").inner_text()

    admin.get_by_role("link", name="Back to users").click()
    admin.get_by_role("link", name="Counsel grants").click()
    admin.get_by_label("Counsel").select_option(label="Nadia Reyes (nadia)")
    admin.get_by_label("Client").fill("A 212-345-678")
    admin.get_by_role("button", name="Grant access").click()
    expect(admin.get_by_role("status")).to_contain_text("Nadia Reyes now represents")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    counsel = context.new_page()
    counsel.set_default_timeout(10_000)
    counsel.goto(f"{live_server.url}/")
    counsel.get_by_label("User name").fill("nadia")
    counsel.get_by_label("Password").fill(one_time)
    counsel.get_by_role("button", name="Sign in").click()
    expect(counsel.get_by_role("heading", name="Choose your password")).to_be_visible()
    counsel.get_by_label("Old password").fill(one_time)
    counsel.get_by_label("New password", exact=True).fill("a river of patience 2026")
    counsel.get_by_label("New password confirmation").fill("a river of patience 2026")
    counsel.get_by_role("button", name="Change password").click()

    expect(counsel.get_by_role("heading", name="Find a person")).to_be_visible()
    counsel.get_by_role("searchbox").fill("xiloj")
    counsel.keyboard.press("Enter")
    result = counsel.get_by_role("link", name=mother.full_name)
    expect(result).to_be_visible()
    expect(counsel.get_by_role("link", name="Ana López Xiloj")).to_have_count(0)
    result.click()
    expect(counsel).to_have_url(re.compile(f"/decisions/parents/{mother.pk}/"))

    admin.get_by_label("Reason").fill("The client chose other counsel.")
    admin.get_by_role("button", name=re.compile("Revoke the grant")).click()
    expect(admin.get_by_role("status")).to_contain_text("no longer sees")

    counsel.reload()
    expect(counsel.get_by_role("heading", name="Not found")).to_be_visible()
    context.close()
