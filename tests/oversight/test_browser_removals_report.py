"""In a real browser: an auditor opens the removals report, narrows it by nationality and
lists the parents behind a figure.

The cast: Ada the auditor; Ana (Guatemalan) and Berta (Honduran), removed parents.
"""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from tests.oversight.records import removed_parent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_auditor_narrows_the_report_and_lists_the_parents_behind_a_figure(
    signed_in: Callable[[str], Page], live_server: LiveServer, ada: User
) -> None:
    removed_parent("Ana", citizenship="GT")
    removed_parent("Berta", citizenship="HN", country="HN")
    page = signed_in("ada")

    page.goto(f"{live_server.url}/oversight/removals/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Removals of separated parents")
    figures = page.get_by_role("table", name="Figures", exact=True)
    expect(figures).to_contain_text("Removed parents who left a separated child behind")
    expect(page.get_by_text("no change to them has been recorded since")).to_be_visible()

    page.get_by_label("Nationality").select_option("HN")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("citizens of HN")).to_be_visible()
    figures.get_by_role("link", name="list the people counted as without any election").click()

    people = page.get_by_role("table", name="Without any election", exact=True)
    expect(people).to_contain_text("Berta López")
    expect(people).not_to_contain_text("Ana López")
