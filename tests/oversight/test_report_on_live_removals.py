"""Removals recorded live in Reunify, through the real services, in the report.

The cast: a K'iche'-speaking mother and her son Tomás (tests.elections.factories),
Olivia the field officer who records and removes, Sam the supervisor who acknowledges
and overrides.
"""

import pytest

from reunify.accounts.models import User
from reunify.families.models import Facility, Person
from reunify.oversight.read_model import removals_report
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_execute,
    removal_plan_itinerary_set,
)
from reunify.vocabulary import Deficiency, ElectionOption
from tests.elections.factories import delivered_notice, elect, kiche_mother_with_children
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

JUSTIFICATION = (
    "Court order of 20 Nov 2026 directs this removal; the child's counsel was informed "
    "and the consulate will receive the child's file."
)


def removed_by_override(olivia: User, sam: User, mother: Person) -> None:
    plan = plan_for(olivia, mother)
    request = override_request(actor=olivia, plan=plan, reason="Court-ordered removal date.")
    override_decide(actor=sam, override=request, grant=True, justification=JUSTIFICATION)
    removal_execute(actor=olivia, plan=plan)


def test_a_documented_acknowledged_election_is_valid_and_known(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(actor=olivia, parent=mother, children=[son], notice=notice, acknowledged_by=sam)
    removal_execute(actor=olivia, plan=plan_for(olivia, mother))

    report = removals_report().to_json()
    assert report["persons_with_valid_election"] == [str(mother.pk)]
    assert report["acknowledgment_unknown"] == 0
    assert report["gate_overrides"] == 0


def test_an_override_without_any_election_is_counted_and_justified(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    removed_by_override(olivia, sam, mother)

    report = removals_report().to_json()
    assert report["persons_without_any_election"] == [str(mother.pk)]
    assert report["persons_gate_overrides"] == [str(mother.pk)]
    assert report["overrides"][0]["justifications"] == [JUSTIFICATION]


def test_an_unacknowledged_election_removed_by_override_is_deficient(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(actor=olivia, parent=mother, children=[son], notice=notice)
    removed_by_override(olivia, sam, mother)

    report = removals_report().to_json()
    assert report["persons_with_deficient_election"] == [str(mother.pk)]
    assert report["persons_by_deficiency"][Deficiency.NOT_ACKNOWLEDGED] == [str(mother.pk)]
    assert report["gate_overrides"] == 1


def test_an_election_leaving_out_a_child_is_deficient(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (ana, tomas) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(actor=olivia, parent=mother, children=[ana], notice=notice, acknowledged_by=sam)
    removed_by_override(olivia, sam, mother)

    report = removals_report().to_json()
    assert report["persons_by_deficiency"][Deficiency.CHILD_NOT_COVERED] == [str(mother.pk)]
    assert str(tomas.pk) in {str(c) for c in removals_report().parents[0].children_left}


def test_removed_alone_after_electing_to_depart_together_is_contrary(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    removed_by_override(olivia, sam, mother)

    report = removals_report().to_json()
    assert report["persons_removed_contrary_to_election"] == [str(mother.pk)]
    assert report["persons_gate_overrides"] == [str(mother.pk)]


def test_departing_with_the_son_on_the_itinerary_is_not_counted(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=notice,
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother)
    removal_plan_itinerary_set(actor=olivia, plan=plan, children=[son])
    removal_execute(actor=olivia, plan=plan)

    assert removals_report().counts["removed_parents_with_separated_children"] == 0
