"""In a real browser, by keyboard alone: an officer holding a printed notice types its code
as read from the paper and lands on the parent's decisions, at that notice."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.elections.factories import delivered_notice, kiche_mother_with_children

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_code_typed_from_paper_by_keyboard_opens_the_notice(
    signed_in: Callable[[str], Page], live_server: LiveServer, olivia: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    page = signed_in("olivia")
    page.goto(f"{live_server.url}/decisions/notices/find/")

    field = page.get_by_label("Code printed on the notice")
    expect(field).to_have_accessible_description(re.compile("Eight letters and digits"))
    # From the top of the page, Tab reaches the field before the button.
    page.locator("main").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if field.evaluate("element => element === document.activeElement"):
            break
    expect(field).to_be_focused()

    page.keyboard.type("zz")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("That is not a notice code")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("“zz” is not a notice code"))

    field.focus()
    field.fill("")
    page.keyboard.type(notice.short_code.lower().replace("-", " "))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(f"/decisions/parents/{mother.pk}/#notice-"))
    expect(page.get_by_role("heading", level=1)).to_have_text(mother.full_name)
    expect(page.locator(f"#notice-{notice.short_code}")).to_contain_text(notice.short_code)
