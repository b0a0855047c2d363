"""Tracing over the API: the same services, the same refusals, as data."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from reunify.families.models import Facility
from tests.api.conftest import token_for
from tests.tracing.factories import CastMember, removed_mother_and_son

pytestmark = pytest.mark.django_db


def api(user: object) -> tuple[Client, dict[str, str]]:
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}  # type: ignore[arg-type]


def test_a_case_is_traced_and_reunified_through_the_api(
    cast: CastMember, station: Facility
) -> None:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    client, auth = api(tomas)
    base = f"/api/v1/tracing/cases/{world.case.pk}"

    listed = client.get("/api/v1/tracing/cases", {"whereabouts": "removed"}, **auth).json()
    assert listed["count"] == 1
    assert listed["items"][0]["parent_country"] == "GT"

    now = timezone.now()
    bad = client.post(
        f"{base}/attempts", {"channel": "PHONE", "outcome": "NO_ANSWER", "detail": "nope",
                             "attempted_at": now.isoformat()},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert bad.status_code == 422
    assert "Not a telephone number" in bad.json()["errors"]["detail"][0]
    future = client.post(
        f"{base}/attempts", {"channel": "CONSULATE", "outcome": "NOT_FOUND",
                             "attempted_at": (now + timedelta(days=1)).isoformat()},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert future.status_code == 422

    reached = client.post(
        f"{base}/attempts", {"channel": "PHONE", "outcome": "REACHED", "detail": "51234567",
                             "attempted_at": now.isoformat()},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert reached.status_code == 201
    assert reached.json()["state"] == "IN_CONTACT"
    assert reached.json()["contact_details"][0]["value"] == "+50251234567"

    planned = client.put(
        f"{base}/reunification-plan",
        {"setting": "IN_COUNTRY", "method": "PAROLE_OF_REMOVED_PARENT", "place": "Brownsville"},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert planned.json()["state"] == "REUNIFICATION_PLANNED"
    today = timezone.localdate().isoformat()
    for milestone in ("APPLICATION_FILED", "GRANTED"):
        step = client.post(
            f"{base}/parole-steps", {"milestone": milestone, "reached_on": today},
            content_type="application/json", **auth,
        )  # fmt: skip
        assert step.status_code == 201
    referral = client.post(
        f"{base}/referrals", {"service": "LEGAL", "provider": "ProBAR", "referred_on": today},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert referral.status_code == 201
    done = client.post(
        f"{base}/reunification", {"reunited_at": now.isoformat()},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert done.status_code == 200
    assert done.json()["state"] == "REUNIFIED_IN_COUNTRY"
    closed = client.post(
        f"{base}/attempts", {"channel": "CONSULATE", "outcome": "NOT_FOUND",
                             "attempted_at": now.isoformat()},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert closed.status_code == 422
    assert "closed" in closed.json()["errors"]["case"][0]

    figures = client.get("/api/v1/tracing/figures", **auth).json()
    counted = {figure["key"]: figure["count"] for figure in figures["figures"]}
    assert counted["reunified_in_country"] == 1


def test_counsel_and_field_officers_do_not_read_tracing(
    cast: CastMember, station: Facility
) -> None:
    removed_mother_and_son(officer=cast("olivia"), tracer=cast("tomas"), station=station)
    for who in ("luis", "olivia"):
        client, auth = api(cast(who))
        assert client.get("/api/v1/tracing/cases", **auth).status_code == 403
