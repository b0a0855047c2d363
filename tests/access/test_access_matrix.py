"""The access matrix: every page route and API operation, asked for by every role of the
named cast, answers allow or deny exactly as declared in `rules.py`. A new endpoint
without a declared rule fails the suite.

"Deny" is a 403 (or a 401 from the API, or a redirect to sign in for the anonymous);
"allow" is anything else that is not a server error. Each request runs in a savepoint
rolled back afterwards, so one role's successful action cannot change another's answer.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from reunify.accounts.models import User
from reunify.families.models import Facility
from tests.access.endpoints import Endpoint, api_endpoints, page_endpoints
from tests.access.rules import ANONYMOUS, RULES
from tests.access.world import every_kind_of_record
from tests.api.conftest import token_for
from tests.conftest import CAST

pytestmark = [pytest.mark.django_db]

CAST_NAMES = tuple(CAST)


def test_every_endpoint_has_a_declared_rule() -> None:
    found = {endpoint.key for endpoint in page_endpoints() + api_endpoints()}
    undeclared = sorted(found - set(RULES))
    stale = sorted(set(RULES) - found)
    assert not undeclared, f"declare who may use these in tests/access/rules.py: {undeclared}"
    assert not stale, f"these rules name endpoints that no longer exist: {stale}"


def answer(client: Client, endpoint: Endpoint, ids: dict[str, str], headers: dict[str, str]) -> int:
    path = endpoint.path.format(**ids)
    sid = transaction.savepoint()
    try:
        if endpoint.method == "GET":
            response = client.get(path, **headers)
        else:
            response = client.generic(endpoint.method, path, "{}", "application/json", **headers)
    finally:
        transaction.savepoint_rollback(sid)
    status: int = response.status_code
    return status


def verdict(status: int, endpoint: Endpoint, anonymous: bool) -> str:
    assert status < 500, f"{endpoint.key} answered {status}"
    if status in (401, 403):
        return "deny"
    if anonymous and status == 302 and endpoint.key.startswith("page "):
        return "deny"  # sent to sign in
    return "allow"


def test_every_role_gets_exactly_the_declared_access(
    cast: Callable[[str], User], station: Facility, tmp_path: Path
) -> None:
    people = {name: cast(name) for name in CAST_NAMES}
    ids = every_kind_of_record(people=people, station=station, tmp=tmp_path)
    wrong: list[str] = []
    for who in (ANONYMOUS, *CAST_NAMES):
        client = Client()
        headers: dict[str, str] = {}
        if who != ANONYMOUS:
            client.force_login(people[who])
            headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(people[who])}"}
        for endpoint in page_endpoints() + api_endpoints():
            if endpoint.key.startswith("page ") and endpoint.method == "GET":
                got = verdict(answer(client, endpoint, ids, {}), endpoint, who == ANONYMOUS)
            else:
                got = verdict(
                    answer(Client() if who != ANONYMOUS else client, endpoint, ids, headers),
                    endpoint,
                    who == ANONYMOUS,
                )
            expected = "allow" if who in RULES[endpoint.key] else "deny"
            if got != expected:
                wrong.append(f"{who} {endpoint.key}: {got}, declared {expected}")
    assert not wrong, "\n".join(wrong)
