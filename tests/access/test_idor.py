"""Insecure direct object references: a user who knows the id of a record outside their
scope learns nothing by asking for it. Bruno (counsel to another client) and Cora (case
manager at another shelter) ask for every record of Luis's client and Carmen's child, by
id, through every page route and API operation that takes one, and get 404 — the same
answer as for an id that does not exist — or, where their role may not use the route at
all, the same refusal anyone of their role gets.

The endpoints come from the same discovery as the access matrix, so a new route that
takes a record's id is covered without touching this file. A control checks that Luis
and Carmen themselves do reach those records, so a 404 here means scope, not a broken route.
"""

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from reunify.accounts.models import User
from reunify.elections.short_codes import new_short_code
from reunify.families.models import CustodyEpisode, Facility
from tests.access.endpoints import Endpoint, api_endpoints, page_endpoints
from tests.access.rules import RULES
from tests.access.test_access_matrix import answer
from tests.access.world import every_kind_of_record, outsiders
from tests.api.conftest import token_for
from tests.conftest import CAST

pytestmark = [pytest.mark.django_db]

# Route parameters that name a family record or one reached through it (imports and
# linkage name no family record, and only roles that see every record may use them).
RECORD_PLACEHOLDERS = ("person_id", "family_unit_id", "notice_id", "election_id", "plan_id",
                       "override_id", "case_id", "code")  # fmt: skip


def record_endpoints() -> list[Endpoint]:
    return [
        endpoint
        for endpoint in page_endpoints() + api_endpoints()
        if any(f"{{{name}}}" in endpoint.path for name in RECORD_PLACEHOLDERS)
    ]


def ask(user: User, endpoint: Endpoint, ids: dict[str, str], *, method: str = "") -> int:
    """The status `user` gets for `endpoint` (pages by session, the API by token)."""
    client = Client()
    if endpoint.key.startswith("page "):
        client.force_login(user)
        if method == "POST":
            return answer(client, Endpoint(endpoint.key, "POST", endpoint.path), ids, {})
        return answer(client, endpoint, ids, {})
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
    return answer(client, endpoint, ids, headers)


@pytest.fixture
def world(cast: Callable[[str], User], station: Facility, tmp_path: Path) -> dict[str, str]:
    people = {name: cast(name) for name in CAST}
    return every_kind_of_record(people=people, station=station, tmp=tmp_path)


def _nobodys(ids: dict[str, str]) -> dict[str, str]:
    # A notice's short code no notice has: well formed, so it is looked up like a real one.
    unknown = {name: str(uuid.uuid4()) for name in RECORD_PLACEHOLDERS} | {"code": new_short_code()}
    return {**ids, **unknown}


@pytest.mark.parametrize(("outsider", "insider"), [("bruno", "luis"), ("cora", "carmen")])
@pytest.mark.parametrize("whose", ["parent", "child"])
def test_a_record_outside_scope_answers_as_if_it_did_not_exist(
    world: dict[str, str],
    cast: Callable[[str], User],
    station: Facility,
    outsider: str,
    insider: str,
    whose: str,
) -> None:
    ids = world if whose == "parent" else {**world, "person_id": world["child_id"]}
    user = outsiders(abel=cast("abel"), station=station)[outsider]
    leaks = []
    for endpoint in record_endpoints():
        methods = ["GET"] if endpoint.key.startswith("api ") else ["GET", "POST"]
        for method in methods:
            got = ask(user, endpoint, ids, method=method)
            nobody = ask(user, endpoint, _nobodys(ids), method=method)
            may_use = insider in RULES[endpoint.key]  # the outsider's role is the insider's
            # 405 (a POST-only page asked with GET) and 422 (an API body that does not
            # parse) answer before any record is read: alike for any id, so they tell nothing.
            expected = {404, 405, 422} if may_use else {401, 403, 405}
            if got not in expected or got != nobody:
                leaks.append(f"{method} {endpoint.key}: {got} (an unknown id answers {nobody})")
    assert not leaks, "\n".join(leaks)


def test_the_owners_themselves_reach_those_records(
    world: dict[str, str], cast: Callable[[str], User]
) -> None:
    """The control: Luis reaches his client's records, Carmen every record of the family
    of the child at her shelter. (Counsel are not shown family units: see selectors.)"""
    blocked = []
    for who in ("luis", "carmen"):
        for endpoint in record_endpoints():
            if endpoint.method != "GET" or who not in RULES[endpoint.key]:
                continue
            if who == "luis" and "{family_unit_id}" in endpoint.path:
                continue
            got = ask(cast(who), endpoint, world)
            if got == 404:
                blocked.append(f"{who} {endpoint.key}: 404")
    assert not blocked, "\n".join(blocked)


def test_a_case_manager_cannot_move_a_child_of_another_shelter(
    world: dict[str, str], cast: Callable[[str], User], station: Facility
) -> None:
    cora = outsiders(abel=cast("abel"), station=station)["cora"]
    client = Client()
    client.force_login(cora)
    before = CustodyEpisode.objects.count()
    response = client.post(
        f"/families/{world['family_unit_id']}/custody/new/",
        {
            "person": "",
            "kind": "SPONSOR",
            "detail": "Aunt in Houston",
            "moved_at": "2026-01-01T10:00",
        },
    )
    assert response.status_code == 404
    assert CustodyEpisode.objects.count() == before
