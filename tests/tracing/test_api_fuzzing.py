"""Schemathesis sends generated requests to every tracing operation as Tomás of the
tracing team (the role that may write), aimed at a real case: none may cause a server
error or an answer outside the published contract. A request the schema allows may still
be refused (422: a number that is no number, a date in the future, a closed case)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from reunify.accounts.models import User
from reunify.config.wsgi import application
from reunify.families.models import Facility
from tests.api.conftest import keep_test_connection, token_for
from tests.tracing.factories import CastMember, reach, removed_mother_and_son

__all__ = ["keep_test_connection"]  # a fixture, used by name

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def tomas_and_a_case(cast: CastMember, station: Facility) -> tuple[User, dict[str, str]]:
    tomas = cast("tomas")
    world = removed_mother_and_son(officer=cast("olivia"), tracer=tomas, station=station)
    reach(tracer=tomas, case=world.case)
    return tomas, {"case_id": str(world.case.pk)}


@schema.include(path_regex="^/api/v1/tracing/").parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_tracing_operations_never_error(
    case: schemathesis.Case,
    tomas_and_a_case: tuple[User, dict[str, str]],
    keep_test_connection: None,
) -> None:
    tomas, ids = tomas_and_a_case
    for name in case.path_parameters or {}:
        case.path_parameters[name] = ids[name]
    excluded = [positive_data_acceptance]
    if case.method == "GET":
        # A read "violates the schema" only by a mangled session cookie, which the valid
        # bearer token sent here makes moot; its path and query are checked by ninja.
        excluded.append(negative_data_rejection)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token_for(tomas)}"}, excluded_checks=excluded
    )
