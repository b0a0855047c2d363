"""Schemathesis sends generated requests to every write endpoint aimed at records that
exist, so they reach the services instead of stopping at a 404: none may cause a server
error or break the published contract.

Here a request the schema allows may still be refused (422: a child not separated, a
date in the future), so the check that schema-valid data is accepted is left out.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from reunify.accounts.models import User
from reunify.config.wsgi import application
from reunify.families.models import Facility
from reunify.removals.services import override_request
from tests.elections.factories import delivered_notice, elect, kiche_mother_with_children
from tests.removals.test_gate_scenarios import plan_for
from tests.tracing.factories import tracing_case_of

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def existing(olivia: User, sam: User, station: Facility) -> dict[str, str]:
    """Ids for each path parameter: a mother with a notice and an election, and another
    with a blocked removal plan awaiting an override decision."""
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    _, other_mother, _ = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana",)
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    election = elect(actor=sam, parent=mother, children=[son], notice=notice)
    plan = plan_for(olivia, other_mother)
    override = override_request(
        actor=olivia, plan=plan, reason="A court order directs this removal; see the file."
    )
    return {
        "person_id": str(mother.pk),
        "notice_id": str(notice.pk),
        "election_id": str(election.pk),
        "plan_id": str(plan.pk),
        "override_id": str(override.pk),
        "case_id": str(tracing_case_of(son)),
    }


@schema.include(method=["POST", "PUT"]).parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_writes_to_real_records_never_error(
    case: schemathesis.Case,
    olivia_token: str,
    existing: dict[str, str],
    keep_test_connection: None,
) -> None:
    for name in case.path_parameters or {}:
        case.path_parameters[name] = existing[name]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {olivia_token}"},
        excluded_checks=[positive_data_acceptance],
    )
