"""Schemathesis sends generated requests to every operation; none may cause a server error
or an answer that breaks the published OpenAPI document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from reunify.accounts.models import User
from reunify.config.wsgi import application
from reunify.families.models import Facility
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def some_records(olivia: User, station: Facility) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separate(actor=olivia, unit=unit, parent=mother, child=daughter, at=at("2018-05-02"))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_never_errors_and_keeps_its_contract(
    case: schemathesis.Case, olivia_token: str, some_records: None, keep_test_connection: None
) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {olivia_token}"})
