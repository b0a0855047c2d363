"""Removal plans through the API: the gate's answer as data, 409 when it is closed."""

import json
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import ElectionOption
from reunify.families.models import Facility, Person
from reunify.removals.models import RemovalPlan, RemovalStatus
from tests.conftest import at
from tests.elections.factories import (
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import history, mother_and_daughter

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

JUSTIFICATION = (
    "Court order of 20 Nov 2026 directs this removal; the child's counsel was informed "
    "and the consulate will receive the child's file."
)


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client: Client, path: str, token: str, body: Any = None, *, method: str = "post") -> Any:
    call = client.put if method == "put" else client.post
    return call(path, json.dumps(body or {}), content_type="application/json", **bearer(token))


def plan_body(children: Sequence[Person] = ()) -> dict[str, Any]:
    return {
        "departs_at": (timezone.now() + timedelta(days=2)).isoformat(),
        "destination_country": "GT",
        "itinerary": "ICE Air charter HRL-GUA",
        "children": [str(child.pk) for child in children],
    }


def test_a_documented_decision_opens_the_gate_to_schedule_and_execute(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )

    gate = client.get(f"/api/v1/persons/{mother.pk}/gate", **bearer(olivia_token))
    proposed = send(client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body())
    plan_id = proposed.json()["id"]
    scheduled = send(client, f"/api/v1/removal-plans/{plan_id}/schedule", olivia_token)
    executed = send(client, f"/api/v1/removal-plans/{plan_id}/execution", olivia_token, {})

    assert gate.status_code == 200
    assert gate.json()["passes"] is True
    assert gate.json()["children_at_stake"][0]["person_id"] == str(son.pk)
    assert proposed.status_code == 201, proposed.json()
    assert proposed.json()["status"] == "PROPOSED"
    assert proposed.json()["gate"]["passes"] is True
    assert scheduled.status_code == 200, scheduled.json()
    assert scheduled.json()["status"] == "SCHEDULED"
    assert scheduled.json()["scheduled_gate"]["passes"] is True
    assert executed.status_code == 200, executed.json()
    assert executed.json()["status"] == "EXECUTED"
    assert executed.json()["executed_by"]["name"] == "Olivia Field"
    assert executed.json()["passed_by_override"] is False


def test_a_closed_gate_answers_409_with_its_reasons_as_data_and_changes_nothing(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    plan_id = send(
        client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body()
    ).json()["id"]

    executed = send(client, f"/api/v1/removal-plans/{plan_id}/execution", olivia_token)
    scheduled = send(client, f"/api/v1/removal-plans/{plan_id}/schedule", olivia_token)
    plan = client.get(f"/api/v1/removal-plans/{plan_id}", **bearer(olivia_token)).json()

    assert executed.status_code == 409
    body = executed.json()
    assert body["code"] == "gate_closed"
    assert body["detail"].startswith("The removal gate is closed: no election for Tomás")
    assert body["gate"]["passes"] is False
    assert [(b["child_id"], b["code"]) for b in body["gate"]["blocks"]] == [
        (str(son.pk), "NO_ELECTION")
    ]
    assert "no notice of options has been given" in body["gate"]["blocks"][0]["reason"]
    assert scheduled.status_code == 409
    assert scheduled.json()["gate"] == body["gate"]
    assert plan["status"] == "PROPOSED"
    assert plan["gate"] == body["gate"]
    assert len(history("removal.execution_refused")) == 1


def test_a_supervisors_override_lets_a_blocked_removal_through_and_marks_it(
    client: Client,
    olivia: User,
    olivia_token: str,
    sam_token: str,
    station: Facility,
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    plan_id = send(
        client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body()
    ).json()["id"]

    requested = send(
        client,
        f"/api/v1/removal-plans/{plan_id}/override-requests",
        olivia_token,
        {"reason": "A court ordered the removal; see the order attached to the file."},
    )
    refused_to_officer = send(
        client,
        f"/api/v1/override-requests/{requested.json()['id']}/decision",
        olivia_token,
        {"grant": True, "justification": JUSTIFICATION},
    )
    granted = send(
        client,
        f"/api/v1/override-requests/{requested.json()['id']}/decision",
        sam_token,
        {"grant": True, "justification": JUSTIFICATION},
    )
    executed = send(client, f"/api/v1/removal-plans/{plan_id}/execution", olivia_token)

    assert requested.status_code == 201, requested.json()
    assert requested.json()["status"] == "REQUESTED"
    assert refused_to_officer.status_code == 403
    assert granted.status_code == 200, granted.json()
    assert granted.json()["status"] == "GRANTED"
    assert granted.json()["covered_children"] == [{"id": str(son.pk), "name": son.full_name}]
    assert granted.json()["blocks_overridden"][0]["code"] == "NO_ELECTION"
    assert executed.status_code == 200, executed.json()
    assert executed.json()["passed_by_override"] is True
    assert executed.json()["executed_gate"]["passes_by_override"] is True
    assert executed.json()["overrides"][0]["decided_by"]["name"] == "Sam Super"


def test_putting_the_child_on_the_itinerary_opens_a_gate_for_departing_together(
    client: Client, olivia: User, sam: User, olivia_token: str, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    plan = send(client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body())

    changed = send(
        client,
        f"/api/v1/removal-plans/{plan.json()['id']}/itinerary",
        olivia_token,
        {"children": [str(son.pk)]},
        method="put",
    )

    assert plan.json()["gate"]["blocks"][0]["code"] == "CHILD_NOT_ON_ITINERARY"
    assert changed.status_code == 200, changed.json()
    assert changed.json()["children"] == [{"id": str(son.pk), "name": son.full_name}]
    assert changed.json()["gate"]["passes"] is True


def test_a_plan_naming_a_child_of_someone_else_is_refused_with_422(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    _, _, stranger = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    answer = send(
        client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body([stranger])
    )

    assert answer.status_code == 422
    assert answer.json()["code"] == "rejected"
    assert answer.json()["errors"]["children"] == [
        f"{stranger.full_name} is not a child of {mother.full_name}."
    ]
    assert not RemovalPlan.objects.exists()


def test_a_cancelled_plan_cannot_be_executed(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    plan_id = send(
        client, f"/api/v1/persons/{mother.pk}/removal-plans", olivia_token, plan_body()
    ).json()["id"]

    cancelled = send(
        client,
        f"/api/v1/removal-plans/{plan_id}/cancellation",
        olivia_token,
        {"reason": "The parent's asylum claim was reopened."},
    )
    executed = send(client, f"/api/v1/removal-plans/{plan_id}/execution", olivia_token)

    assert cancelled.status_code == 200, cancelled.json()
    assert cancelled.json()["status"] == RemovalStatus.CANCELLED
    assert executed.status_code == 422
    assert executed.json()["errors"] == {"plan": ["This removal is cancelled."]}


def test_an_auditor_cannot_plan_a_removal(
    client: Client, olivia: User, ada_token: str, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)

    answer = send(client, f"/api/v1/persons/{mother.pk}/removal-plans", ada_token, plan_body())

    assert answer.status_code == 403
    assert answer.json() == {
        "detail": "Your role may not plan removals.",
        "code": "forbidden",
        "errors": None,
    }


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/persons/{id}/gate", None),
        ("get", "/api/v1/removal-plans/{id}", None),
        ("post", "/api/v1/persons/{id}/removal-plans", plan_body()),
        ("put", "/api/v1/removal-plans/{id}/itinerary", {"children": []}),
        ("post", "/api/v1/removal-plans/{id}/schedule", None),
        ("post", "/api/v1/removal-plans/{id}/execution", None),
        ("post", "/api/v1/removal-plans/{id}/cancellation", {"reason": "no longer needed"}),
        ("post", "/api/v1/removal-plans/{id}/override-requests", {"reason": "court order"}),
        (
            "post",
            "/api/v1/override-requests/{id}/decision",
            {"grant": False, "justification": JUSTIFICATION},
        ),
    ],
)
def test_unknown_ids_answer_404_with_the_error_body(
    client: Client, olivia_token: str, sam_token: str, method: str, path: str, body: Any
) -> None:
    url = path.format(id=uuid.uuid4())
    # Only a supervisor may get as far as looking the record up; others are refused first.
    token = sam_token if url.endswith("/decision") else olivia_token
    if method == "get":
        answer = client.get(url, **bearer(token))
    else:
        answer = send(client, url, token, body, method=method)

    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"
