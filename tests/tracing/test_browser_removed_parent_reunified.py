"""In a real browser, issue 6's "done when": the case opened for a removed mother, two
failed attempts and one success, a reunification here planned and recorded with her
parole granted, and the dashboard's counts moving with each step."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.families.choices import CustodyKind
from reunify.families.models import Facility
from reunify.families.services import custody_move
from reunify.tracing.models import TracingCase
from reunify.tracing.transitions import TracingState
from tests.elections.factories import days_ago, kiche_mother_with_children
from tests.tracing.factories import CastMember

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(page: Page, live_server: LiveServer, key: str) -> str:
    page.goto(f"{live_server.url}/tracing/dashboard/")
    return page.locator(f"#figure-{key} td.numeric").inner_text().strip()


def test_a_removed_mother_is_found_and_paroled_back_to_her_son(
    signed_in: Callable[[str], Page], live_server: LiveServer, cast: CastMember, station: Facility
) -> None:
    olivia = cast("olivia")
    cast("tomas")
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    custody_move(
        actor=olivia, person=mother, kind=CustodyKind.REMOVED, moved_at=days_ago(10), country="GT"
    )
    tracer = signed_in("tomas")
    # The case opened itself when the son was separated from her; now that she is
    # removed, it counts under "parent removed". Tomás finds it in his queue.
    assert figure(tracer, live_server, "parent_removed") == "1"
    tracer.goto(f"{live_server.url}/tracing/")
    tracer.get_by_role("link", name=son.full_name).click()
    expect(tracer.locator("#case-state")).to_contain_text("Not started")
    expect(tracer.locator("#case-summary")).to_contain_text("removed to GT")
    case_url = tracer.url
    assert figure(tracer, live_server, "parent_removed") == "1"
    assert figure(tracer, live_server, "no_contact_information") == "1"

    def attempt(channel: str, outcome: str, detail: str = "", partner: str = "") -> None:
        tracer.goto(case_url)
        tracer.get_by_text("Record an attempt").click()
        form = tracer.get_by_role("form", name="Record the attempt")
        form.get_by_label("Channel").select_option(channel)
        form.get_by_label("Outcome").select_option(outcome)
        if detail:
            form.get_by_label("Number, address or account tried").fill(detail)
        if partner:
            form.get_by_label("Partner organisation").fill(partner)
        form.get_by_role("button", name="Record the attempt").click()
        expect(tracer.locator("body")).to_contain_text("Attempt recorded.")

    # Two failed calls: the second finds the number dead.
    attempt("PHONE", "NO_ANSWER", detail="5123 4567")
    expect(tracer.locator("#case-state")).to_contain_text("Searching")
    attempt("PHONE", "DETAIL_DEAD", detail="+502 5123-4567")
    expect(tracer.locator("#contact-details")).to_contain_text("dead since")
    expect(tracer.locator("#case-state")).to_contain_text("No contact information")
    # A partner organisation finds her in her village.
    attempt("PARTNER_VISIT", "REACHED", partner="Justice in Motion, Huehuetenango")
    expect(tracer.locator("#case-state")).to_contain_text("In contact")
    expect(tracer.locator("#attempts tbody tr")).to_have_count(3)
    assert figure(tracer, live_server, "parent_located") == "1"
    assert figure(tracer, live_server, "parent_not_located") == "0"

    # The reunification here, by parole of the removed mother.
    tracer.goto(case_url)
    tracer.get_by_text("Plan the reunification").click()
    plan = tracer.get_by_role("form", name="Save the plan")
    plan.get_by_label("Where").select_option("IN_COUNTRY")
    plan.get_by_label("How").select_option("PAROLE_OF_REMOVED_PARENT")
    plan.get_by_label("Place").fill("Casa Esperanza, Brownsville, TX")
    plan.get_by_role("button", name="Save the plan").click()
    expect(tracer.locator("#case-state")).to_contain_text("Reunification planned")
    for milestone in ("APPLICATION_FILED", "GRANTED"):
        tracer.get_by_text("Record a parole milestone").click()
        parole = tracer.get_by_role("form", name="Record the milestone")
        parole.get_by_label("Parole milestone").select_option(milestone)
        parole.get_by_role("button", name="Record the milestone").click()
        expect(tracer.locator("body")).to_contain_text("Parole milestone recorded.")
    expect(tracer.locator("#parole-steps")).to_contain_text("Parole granted")
    tracer.get_by_text("Refer the family to a service").click()
    referral = tracer.get_by_role("form", name="Record the referral")
    referral.get_by_label("Service").select_option("BEHAVIOURAL_HEALTH")
    referral.get_by_label("Provider").fill("Catholic Charities of the Rio Grande Valley")
    referral.get_by_role("button", name="Record the referral").click()
    expect(tracer.locator("#referrals")).to_contain_text("Behavioural health")

    tracer.get_by_text("Record the reunification").first.click()
    tracer.get_by_role("form", name="Record the reunification").get_by_role(
        "button", name="Record the reunification"
    ).click()
    expect(tracer.locator("body")).to_contain_text("Reunification recorded")
    expect(tracer.locator("#case-state")).to_contain_text("Reunified in the country")

    assert figure(tracer, live_server, "reunified_in_country") == "1"
    assert figure(tracer, live_server, "reunified_after_tracing") == "1"
    assert figure(tracer, live_server, "parent_removed") == "0"
    assert figure(tracer, live_server, "open") == "0"
    # Each number opens the cases behind it.
    tracer.locator("#figure-reunified_in_country a").click()
    expect(tracer.locator("#figure-filter")).to_contain_text("Reunified in the country")
    expect(tracer.get_by_role("link", name=son.full_name)).to_be_visible()
    case = TracingCase.objects.get(child=son)
    assert case.state == TracingState.REUNIFIED_IN_COUNTRY
    assert case.reunion is not None
    assert case.reunion.reunited_at <= timezone.now()
