"""The read API: people and family units, with auth, pagination and error bodies."""

import pytest
from django.test import Client

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate

pytestmark = pytest.mark.sqlite


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_without_credentials_the_api_answers_401_with_an_error_body(
    client: Client, db: None
) -> None:
    answer = client.get("/api/v1/persons")
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthenticated"


def test_search_by_name_through_the_api(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    unit, mother, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    answer = client.post(
        "/api/v1/persons/search",
        {"q": "xiloj maria"},
        content_type="application/json",
        **bearer(olivia_token),
    )
    in_the_address = client.get("/api/v1/persons", {"q": "xiloj maria"}, **bearer(olivia_token))

    body = answer.json()
    assert in_the_address.status_code == 400
    assert "POST it to /persons/search" in in_the_address.json()["detail"]
    assert answer.status_code == 200
    assert body["count"] == 1
    assert body["items"][0]["id"] == str(mother.pk)
    assert body["items"][0]["languages"] == ["quc", "spa"]
    assert body["items"][0]["family_unit_ids"] == [str(unit.pk)]
    assert body["items"][0]["current_custody"]["kind"] == "BORDER_STATION"


def test_a_family_unit_lists_members_and_open_separations(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separate(actor=olivia, unit=unit, parent=mother, child=daughter, at=at("2018-05-02"))

    answer = client.get(f"/api/v1/family-units/{unit.pk}", **bearer(olivia_token))

    body = answer.json()
    assert answer.status_code == 200
    assert {m["role"] for m in body["members"]} == {"PARENT", "CHILD"}
    assert body["separations"][0]["child_id"] == str(daughter.pk)
    assert body["separations"][0]["reunited_at"] is None


def test_pages_are_bounded_and_numbered(
    client: Client, olivia: User, olivia_token: str, station: Facility
) -> None:
    for day in ("2018-05-01", "2018-05-02", "2018-05-03"):
        mother_and_daughter(actor=olivia, station=station, apprehended_at=at(day))

    first = client.get("/api/v1/family-units", {"page_size": 2}, **bearer(olivia_token)).json()
    second = client.get(
        "/api/v1/family-units", {"page_size": 2, "page": 2}, **bearer(olivia_token)
    ).json()

    assert (first["count"], first["pages"], len(first["items"])) == (3, 2, 2)
    assert len(second["items"]) == 1
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


def test_a_bad_parameter_gets_422_naming_it(client: Client, olivia_token: str) -> None:
    answer = client.get("/api/v1/family-units", {"page_size": 10_000}, **bearer(olivia_token))
    assert answer.status_code == 422
    assert "page_size" in answer.json()["errors"]


def test_an_unknown_family_unit_is_404(client: Client, olivia_token: str) -> None:
    answer = client.get(
        "/api/v1/family-units/00000000-0000-0000-0000-000000000000", **bearer(olivia_token)
    )
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"


def test_a_revoked_or_made_up_token_is_refused(client: Client, db: None) -> None:
    answer = client.get("/api/v1/persons", **bearer("rfy_made-up"))
    assert answer.status_code == 401


def test_the_openapi_document_is_served(client: Client, db: None) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/family-units/{family_unit_id}" in document["paths"]


def test_a_search_body_with_a_boolean_page_size_is_refused(
    client: Client, olivia_token: str
) -> None:
    # Found by schemathesis: `true` had been read as a page size of 1.
    answer = client.post(
        "/api/v1/persons/search",
        {"q": "xiloj", "page_size": True},
        content_type="application/json",
        **bearer(olivia_token),
    )
    assert answer.status_code == 422
    assert "page_size" in answer.json()["errors"]


def test_a_page_number_given_twice_is_refused(client: Client, olivia_token: str) -> None:
    # Found by schemathesis: `?page=x&page=16.0` had been read as page 16.
    answer = client.get("/api/v1/family-units?page=2&page=3", **bearer(olivia_token))
    assert answer.status_code == 422
    assert "page" in answer.json()["errors"]
