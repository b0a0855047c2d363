"""Writes aimed at records outside the caller's scope, with bodies schemathesis builds
from the OpenAPI document (so they get past body validation and reach the lookup): every
one is refused as not found, or by the caller's role, or for a body that does not parse —
never accepted, never refused by a service that has read the record (422 "rejected", 409).
The operations are those whose path names a family record; new ones are covered as they
are added to the API."""

from collections.abc import Callable
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from reunify.accounts.models import User
from reunify.config.wsgi import application
from reunify.families.models import Facility
from tests.access.world import every_kind_of_record, outsiders
from tests.api.conftest import keep_test_connection, token_for  # noqa: F401 - a fixture
from tests.conftest import CAST

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
RECORD_IN_PATH = r"\{(person_id|family_unit_id|notice_id|election_id|plan_id|override_id|case_id)\}"


@pytest.fixture
def aimed(
    cast: Callable[[str], User], station: Facility, tmp_path: Path
) -> tuple[dict[str, str], dict[str, str]]:
    """The world's ids, and a token for each outsider (Bruno, counsel; Cora, case manager)."""
    people = {name: cast(name) for name in CAST}
    ids = every_kind_of_record(people=people, station=station, tmp=tmp_path)
    tokens = {
        name: token_for(user)
        for name, user in outsiders(abel=people["abel"], station=station).items()
    }
    return ids, tokens


@schema.include(method=["POST", "PUT"], path_regex=RECORD_IN_PATH).parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_writes_outside_scope_are_refused_before_any_record_is_read(
    case: schemathesis.Case, aimed: tuple[dict[str, str], dict[str, str]]
) -> None:
    ids, tokens = aimed
    for name in case.path_parameters or {}:
        case.path_parameters[name] = ids[name]
    for who, token in tokens.items():
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        try:
            code = response.json().get("code")
        except ValueError:  # not JSON: a 405 from the framework
            code = None
        # 400 (a body that is not JSON), 405 (a method the path does not take) and 422
        # "invalid_request" (a body the schema refuses) all answer before any lookup.
        refused_blind = response.status_code in (400, 401, 403, 404, 405) or (
            response.status_code == 422 and code == "invalid_request"
        )
        assert refused_blind, (
            f"{who}: {case.method} {case.path} answered {response.status_code} {code}"
        )
