"""Two refusals the services make, as an API client meets them: a 4xx that says why, and
nothing recorded — no row, no history entry, no file.

A removal dated before the parent's latest election (scheduled or executed), and a paper
notice stated in a language no notice is written in."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.models import Election
from reunify.families.models import Facility, Person
from reunify.removals.models import RemovalPlan, RemovalStatus
from reunify.removals.services import removal_plan_propose
from tests.api.test_elections_api import election_form
from tests.elections.factories import (
    days_ago,
    delivered_notice,
    elect,
    kiche_mother_with_children,
)
from tests.families.factories import counts, history
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def bearer(token: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post_json(client: Client, path: str, token: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json", **bearer(token))


def acknowledged_election(olivia: User, sam: User, mother: Person, son: Person) -> Election:
    return elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=delivered_notice(actor=olivia, parent=mother),
        acknowledged_by=sam,
    )


def test_scheduling_a_removal_that_departs_before_the_parents_election_is_refused(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    # Proposed with no election yet, departing two hours ago (late paperwork is allowed);
    # the election recorded since postdates the departure.
    plan = removal_plan_propose(
        actor=olivia,
        parent=mother,
        departs_at=timezone.now() - timedelta(hours=2),
        destination_country="GT",
        itinerary="Bus to Tecún Umán",
    )
    acknowledged_election(olivia, sam, mother, son)
    before = counts()

    answer = post_json(client, f"/api/v1/removal-plans/{plan.pk}/schedule", olivia_token, {})

    assert answer.status_code == 422, answer.json()
    assert answer.json()["code"] == "rejected"
    assert set(answer.json()["errors"]) == {"departs_at"}
    assert "before the parent's election" in answer.json()["errors"]["departs_at"][0]
    assert (
        "a removal follows the decision that governs it"
        in (answer.json()["errors"]["departs_at"][0])
    )
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    assert plan.scheduled_at is None
    assert counts() == before
    assert history("removal.scheduled") == history("removal.schedule_refused") == []


def test_executing_a_removal_dated_before_the_parents_election_is_refused(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    acknowledged_election(olivia, sam, mother, son)
    plan = plan_for(olivia, mother)
    before = counts()

    answer = post_json(
        client,
        f"/api/v1/removal-plans/{plan.pk}/execution",
        olivia_token,
        {"executed_at": days_ago(5).isoformat()},
    )

    assert answer.status_code == 422, answer.json()
    assert answer.json()["code"] == "rejected"
    assert set(answer.json()["errors"]) == {"executed_at"}
    assert "before the parent's election" in answer.json()["errors"]["executed_at"][0]
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    assert plan.executed_at is None
    assert counts() == before  # no custody moved, no separation closed, no history
    assert history("removal.executed") == history("removal.execution_refused") == []
    assert RemovalPlan.objects.filter(status=RemovalStatus.EXECUTED).count() == 0


def test_an_election_stating_a_paper_notice_in_kiche_is_refused_and_keeps_nothing(
    client: Client, olivia: User, olivia_token: str, station: Facility, tmp_path: Path
) -> None:
    """No notice is written in K'iche': accepting "a paper in K'iche'" would skip the
    interpreter the parent needs."""
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    # The signed election otherwise in order, answering no notice recorded here.
    form = election_form(
        son, None, notice_language="quc", interpreter_name="", interpreter_language=""
    )
    del form["notice_id"]
    before = counts()

    with override_settings(MEDIA_ROOT=tmp_path):
        answer = client.post(
            f"/api/v1/persons/{mother.pk}/elections",
            form,
            **bearer(olivia_token),
        )

    assert answer.status_code == 422, answer.json()
    assert answer.json()["code"] == "rejected"
    assert set(answer.json()["errors"]) == {"notice_language"}  # the one reason
    assert answer.json()["errors"]["notice_language"] == [
        "No written notice exists in K'iche'; give the language of the paper the parent "
        "was handed (English, Spanish or Portuguese) and name the interpreter who read it "
        "to them."
    ]
    assert not Election.objects.exists()
    assert counts() == before
    assert history("election.recorded") == []
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []  # no upload kept
