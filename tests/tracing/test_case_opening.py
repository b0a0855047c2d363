"""Cases open for every separated child not reunified, once, and on demand."""

import pytest
from django.core.exceptions import ValidationError

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.families.models import Facility
from reunify.tracing.models import TracingCase
from reunify.tracing.services import tracing_case_open, tracing_cases_open_for_separated_children
from reunify.tracing.transitions import TracingState
from tests.elections.factories import days_ago, kiche_mother_with_children
from tests.families.factories import history, mother_and_daughter, reunite
from tests.tracing.factories import CastMember

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_case_opens_when_a_separation_is_recorded_and_only_once(
    cast: CastMember, station: Facility
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    _, mother, kids = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )

    cases = TracingCase.objects.filter(parent=mother)
    assert {case.child for case in cases} == set(kids)
    assert all(case.state == TracingState.NOT_STARTED for case in cases)
    assert all(case.no_contact_info for case in cases)  # no number known yet
    assert len(history("tracing.case_opened")) == 2
    assert tracing_cases_open_for_separated_children(actor=tomas) == {
        "opened": 0,
        "closed_as_reunified": 0,
        "facts_refreshed": 0,
    }


def test_the_sweep_opens_cases_for_separations_written_without_one(
    cast: CastMember, station: Facility
) -> None:
    """Separations read from agency extracts are written by linkage in bulk, not by the
    separation service; the sweep (`reunify tracing open-cases`) finds them."""
    olivia, tomas = cast("olivia"), cast("tomas")
    _, mother, kids = kiche_mother_with_children(
        actor=olivia, station=station, children=("Tomás", "Ana")
    )
    TracingCase.objects.all().delete()  # as if the separations had come from an extract

    assert tracing_cases_open_for_separated_children(actor=tomas) == {
        "opened": 2,
        "closed_as_reunified": 0,
        "facts_refreshed": 0,  # the cases it opens take their facts as they open
    }
    assert tracing_cases_open_for_separated_children(actor=None)["opened"] == 0
    assert {case.child for case in TracingCase.objects.filter(parent=mother)} == set(kids)


def test_a_reunion_recorded_elsewhere_closes_the_case_as_reunified(
    cast: CastMember, station: Facility
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    unit, _, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    tracing_cases_open_for_separated_children(actor=tomas)

    reunite(actor=olivia, unit=unit, separations=list(unit.separations.all()), at=days_ago(1))
    assert tracing_cases_open_for_separated_children(actor=None)["closed_as_reunified"] == 1

    case = TracingCase.objects.get(child=son)
    assert case.state == TracingState.REUNIFIED_IN_COUNTRY
    assert case.closed_at is not None
    assert case.reunion is not None


def test_on_demand_a_child_of_the_unit_may_seek_any_parent(
    cast: CastMember, station: Facility
) -> None:
    olivia, tomas = cast("olivia"), cast("tomas")
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=days_ago(30)
    )
    case = tracing_case_open(actor=tomas, child=child, parent=mother, family_unit=unit)
    assert case.separation is None
    assert case.state == TracingState.NOT_STARTED

    with pytest.raises(ValidationError, match="is open already"):
        tracing_case_open(actor=tomas, child=child, parent=mother, family_unit=unit)
    with pytest.raises(ValidationError, match="is not a child of"):
        tracing_case_open(actor=tomas, child=mother, parent=child, family_unit=unit)


@pytest.mark.parametrize("who", ["olivia", "carmen", "luis", "ada", "sam"])
def test_only_the_tracing_team_opens_cases(cast: CastMember, station: Facility, who: str) -> None:
    olivia = cast("olivia")
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=days_ago(30)
    )
    actor: User = cast(who)
    with pytest.raises(PermissionDenied):
        tracing_case_open(actor=actor, child=child, parent=mother, family_unit=unit)
    with pytest.raises(PermissionDenied):
        tracing_cases_open_for_separated_children(actor=actor)
