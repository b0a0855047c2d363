"""In a real browser, the whole path of issue 3: notice, election, acknowledgment, and a
removal the gate refuses without the son and lets through with him."""

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reunify.accounts.models import User
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, Separation
from reunify.removals.models import RemovalPlan, RemovalStatus
from tests.elections.factories import SIGNED_PDF, kiche_mother_with_children

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kiche_mother_elects_to_depart_with_her_son_and_leaves_only_with_him(
    signed_in: Callable[[str], Page],
    live_server: LiveServer,
    cast: Callable[[str], User],
    station: Facility,
    tmp_path: Path,
) -> None:
    olivia, _ = cast("olivia"), cast("sam")
    unit, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    officer = signed_in("olivia")

    # The family page shows her decision at a glance: nothing yet, gate blocked.
    officer.goto(f"{live_server.url}/families/{unit.pk}/")
    decision = officer.locator("#decisions")
    expect(decision).to_contain_text("None given")
    expect(decision).to_contain_text("Blocked")
    decision.get_by_role("link", name=re.compile("Notice, election and removal")).click()

    # A Spanish notice, read to her by a K'iche' interpreter.
    officer.get_by_role("link", name="Prepare a notice").click()
    officer.get_by_label("Language of the written notice").select_option("spa")
    officer.get_by_role("button", name="Prepare a notice of options").click()
    expect(officer.locator("body")).to_contain_text("prepared: print it")
    printable = officer.get_by_role("link", name=re.compile("Print notice"))
    pdf = officer.request.get(f"{live_server.url}{printable.get_attribute('href')}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    officer.get_by_role("link", name=re.compile("Record delivery of notice")).click()
    officer.get_by_role("button", name=re.compile("Record delivery")).click()
    expect(officer.locator(".error-message").first).to_contain_text(
        "name the interpreter of K'iche'"
    )
    officer.get_by_role("textbox", name=re.compile("^Interpreter")).fill("Juana Tzoc Us")
    officer.get_by_label("Interpreter's language").select_option("quc")
    officer.get_by_role("button", name=re.compile("Record delivery")).click()
    expect(officer.locator("body")).to_contain_text("Juana Tzoc Us (quc)")

    # She elects to depart with her son, in writing, signed.
    form_file = tmp_path / "signed-election.pdf"
    form_file.write_bytes(SIGNED_PDF)
    officer.get_by_role("link", name="Record an election").click()
    officer.get_by_label("Depart with the children").check()
    officer.get_by_label("Tomás López Xiloj").check()
    officer.get_by_label("Written and signed").check()
    officer.get_by_label("Signed with").select_option("SIGNATURE")
    officer.get_by_label("Date beside the signature").fill(timezone.localdate().isoformat())
    officer.get_by_label("Signed form").set_input_files(str(form_file))
    officer.get_by_role("textbox", name=re.compile("^Interpreter")).fill("Juana Tzoc Us")
    officer.get_by_label("Interpreter's language").select_option("quc")
    officer.get_by_label("The parent was told they may consult a lawyer first").check()
    officer.get_by_label("Declined counsel in writing").check()
    officer.get_by_role("button", name="Record the parent's election").click()
    expect(officer.locator("body")).to_contain_text("A supervisor must acknowledge it")
    expect(officer.locator("#gate")).to_contain_text("a supervisor has not acknowledged")

    # Sam, the supervisor, acknowledges it from his queue.
    supervisor = signed_in("sam")
    supervisor.get_by_role("link", name="Supervision").click()
    supervisor.get_by_role("button", name=f"Acknowledge the election of {mother.full_name}").click()
    expect(supervisor.locator("body")).to_contain_text("acknowledged")

    # A removal without her son is refused, with the reason.
    officer.reload()
    officer.get_by_role("link", name="Plan a removal").click()
    departs = timezone.localtime() + timedelta(days=2)
    officer.get_by_label("Departs at").fill(departs.strftime("%Y-%m-%dT%H:%M"))
    officer.get_by_label("Destination").select_option("GT")
    officer.get_by_label("Carrier, flight or route").fill("ICE Air charter HRL-GUA")
    officer.get_by_role("button", name="Propose the removal").click()
    officer.get_by_role("button", name="Execute the removal").click()
    expect(officer.get_by_role("alert")).to_contain_text("the removal was not executed")
    expect(officer.locator("#gate")).to_contain_text("elected to depart with Tomás López Xiloj")
    expect(officer.locator("#gate")).to_contain_text("not on this removal's itinerary")
    plan = RemovalPlan.objects.get(parent=mother)
    assert plan.status == RemovalStatus.PROPOSED

    # With him on the same itinerary the gate opens and both are removed together.
    officer.get_by_label("Tomás López Xiloj").check()
    officer.get_by_role("button", name="Save the itinerary").click()
    expect(officer.locator("#gate")).to_contain_text("open")
    officer.get_by_role("button", name="Execute the removal").click()
    expect(officer.locator("body")).to_contain_text("Removal executed")
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.EXECUTED
    assert son.custody_episodes.get(ended_at__isnull=True).kind == CustodyKind.REMOVED
    assert not Separation.objects.get(parent=mother, child=son).is_open
