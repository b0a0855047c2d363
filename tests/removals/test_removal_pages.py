"""The removal plan page and the supervisor's queue, through Django's test client: a
blocked removal answers 409 with the gate's reasons, an override request waits in the
queue beside those reasons, and a granted override flags the removal for good."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from reunify.accounts.models import User
from reunify.families.models import Facility
from reunify.removals.models import GateOverride, OverrideStatus, RemovalStatus
from tests.elections.factories import kiche_mother_with_children
from tests.families.factories import history
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

JUSTIFICATION = (
    "Federal court order of 20 Nov 2026 sets this removal date; the child's counsel was "
    "told and the consulate will receive the child's file."
)


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_blocked_removal_waits_for_a_supervisor_who_overrides_it_in_writing(
    cast: Callable[[str], User], station: Facility
) -> None:
    olivia, sam = cast("olivia"), cast("sam")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    plan = plan_for(olivia, mother)
    officer, supervisor = client_of(olivia), client_of(sam)

    # Executing with no election: refused with the reason, nothing changed.
    refused = officer.post(reverse("removals:plan-gated-step", args=[plan.pk, "execute"]))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "the removal was not executed" in page
    assert "No election for Tomás López Xiloj" in page
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED

    # The officer asks for an override; it waits in the supervisor's queue with the reasons.
    officer.post(
        reverse("removals:plan-reasoned", args=[plan.pk, "override"]),
        {"reason": "Court-ordered removal date, see the file."},
    )
    queue = supervisor.get(reverse("removals:supervision")).content.decode()
    assert "Override requests (1)" in queue
    assert "Court-ordered removal date, see the file." in queue
    assert "No election for Tomás López Xiloj" in queue

    # A decision without a written justification is not recorded.
    request = GateOverride.objects.get(plan=plan)
    decide = reverse("removals:override-decision", args=[request.pk])
    supervisor.post(decide, {"decision": "grant", "justification": "ok"})
    request.refresh_from_db()
    assert request.status == OverrideStatus.REQUESTED
    assert history("override.granted") == []

    supervisor.post(decide, {"decision": "grant", "justification": JUSTIFICATION})
    request.refresh_from_db()
    assert request.status == OverrideStatus.GRANTED
    assert (
        "Override requests (0)" in supervisor.get(reverse("removals:supervision")).content.decode()
    )

    # The gate opens by the override, and the executed removal says so for good.
    before = officer.get(reverse("removals:plan", args=[plan.pk])).content.decode()
    assert "Removal gate: open by override" in before
    officer.post(reverse("removals:plan-gated-step", args=[plan.pk, "execute"]))
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.EXECUTED
    assert plan.passed_by_override
    after = officer.get(reverse("removals:plan", args=[plan.pk])).content.decode()
    assert "Passed by override" in after
    assert JUSTIFICATION.replace("'", "&#x27;") in after


def test_an_officer_cannot_open_the_supervisors_queue(
    cast: Callable[[str], User], station: Facility
) -> None:
    assert client_of(cast("olivia")).get(reverse("removals:supervision")).status_code == 403
