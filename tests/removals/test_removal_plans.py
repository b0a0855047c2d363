"""Planning, scheduling and executing a removal through the gate, and overriding it."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.elections.choices import ElectionOption
from reunify.families.choices import CustodyKind, ReunionMethod
from reunify.families.models import CustodyEpisode, Facility, Separation
from reunify.removals.errors import GateRefused
from reunify.removals.gate_facts import gate_check
from reunify.removals.models import OverrideStatus, RemovalPlan, RemovalStatus
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_execute,
    removal_plan_itinerary_set,
    removal_plan_propose,
    removal_schedule,
)
from reunify.vocabulary import GateBlock
from tests.elections.factories import (
    days_ago,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import history, reunite, separate
from tests.removals.test_gate_scenarios import plan_for

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

JUSTIFICATION = (
    "Court order of 20 Nov 2026 directs this removal; the child's counsel was informed "
    "and the consulate will receive the child's file."
)


def test_departing_with_the_son_on_the_itinerary_reunites_them_by_joint_removal(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother)
    with pytest.raises(GateRefused):
        removal_schedule(actor=olivia, plan=plan)

    removal_plan_itinerary_set(actor=olivia, plan=plan, children=[son])
    removal_schedule(actor=olivia, plan=plan)
    executed = removal_execute(actor=olivia, plan=plan)

    assert executed.status == RemovalStatus.EXECUTED
    assert executed.executed_gate is not None
    assert executed.executed_gate["passes"] is True
    assert not executed.passed_by_override
    for person in (mother, son):
        now = person.custody_episodes.get(ended_at__isnull=True)
        assert (now.kind, now.country) == (CustodyKind.REMOVED, "GT")
    separation = Separation.objects.get(parent=mother, child=son)
    assert separation.reunion is not None
    assert separation.reunion.method == ReunionMethod.JOINT_REMOVAL


def test_children_remain_lets_the_parent_go_and_the_child_stays_separated(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    removal_execute(actor=olivia, plan=plan_for(olivia, mother))
    assert Separation.objects.get(parent=mother, child=son).is_open
    assert son.custody_episodes.get(ended_at__isnull=True).kind != CustodyKind.REMOVED


def test_a_removal_date_before_the_election_is_refused(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    with pytest.raises(ValidationError) as refusal:
        removal_plan_propose(
            actor=olivia,
            parent=mother,
            departs_at=timezone.now() - timedelta(hours=2),
            destination_country="GT",
            itinerary="Bus to Tecún Umán",
        )
    assert "before the parent's election" in refusal.value.message_dict["departs_at"][0]
    assert not RemovalPlan.objects.exists()
    assert history("removal.proposed") == []


def test_a_plan_departing_before_an_election_recorded_since_is_not_scheduled(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    # Proposed with no election yet, departing two hours ago (late paperwork is allowed).
    plan = removal_plan_propose(
        actor=olivia,
        parent=mother,
        departs_at=timezone.now() - timedelta(hours=2),
        destination_country="GT",
        itinerary="Bus to Tecún Umán",
    )
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    with pytest.raises(ValidationError) as refusal:
        removal_schedule(actor=olivia, plan=plan)
    assert "before the parent's election" in refusal.value.message_dict["departs_at"][0]
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    assert history("removal.scheduled") == []


def test_a_removal_executed_on_a_date_before_the_election_is_refused(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother)
    custody_before = CustodyEpisode.objects.count()
    with pytest.raises(ValidationError) as refusal:
        removal_execute(actor=olivia, plan=plan, executed_at=days_ago(5))
    assert "before the parent's election" in refusal.value.message_dict["executed_at"][0]
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    assert CustodyEpisode.objects.count() == custody_before
    assert history("removal.executed") == []


def test_only_the_parents_own_children_go_on_the_itinerary(olivia: User, station: Facility) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    _, _, (stranger,) = kiche_mother_with_children(actor=olivia, station=station, children=("Ana",))
    with pytest.raises(ValidationError, match="is not a child of"):
        plan_for(olivia, mother, [stranger])


def test_changing_the_itinerary_sends_a_scheduled_removal_back_through_the_gate(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        option=ElectionOption.DEPART_WITH_CHILDREN,
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother, [son])
    removal_schedule(actor=olivia, plan=plan)
    removal_plan_itinerary_set(actor=olivia, plan=plan, children=[])
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    with pytest.raises(GateRefused) as refusal:
        removal_execute(actor=olivia, plan=plan)
    assert refusal.value.answer.blocks[0].code is GateBlock.CHILD_NOT_ON_ITINERARY


def test_a_supervisor_override_opens_the_gate_and_flags_the_removal_forever(
    olivia: User, cast: Callable[[str], User], station: Facility
) -> None:
    sam = cast("sam")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    plan = plan_for(olivia, mother)
    request = override_request(actor=olivia, plan=plan, reason="Court-ordered removal date.")
    with pytest.raises(ValidationError) as too_short:
        override_decide(actor=sam, override=request, grant=True, justification="ok")
    assert "at least 40 characters" in str(too_short.value)
    with pytest.raises(PermissionDenied):
        override_decide(actor=olivia, override=request, grant=True, justification=JUSTIFICATION)

    override_decide(actor=sam, override=request, grant=True, justification=JUSTIFICATION)
    answer = gate_check(mother, plan=plan)
    assert answer.passes_by_override
    executed = removal_execute(actor=olivia, plan=plan)
    assert executed.passed_by_override
    assert executed.executed_gate is not None
    assert executed.executed_gate["blocks"][0]["overridden"] is True


def test_a_supervisor_cannot_grant_an_override_they_requested(
    olivia: User, cast: Callable[[str], User], station: Facility
) -> None:
    sam = cast("sam")
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    plan = plan_for(olivia, mother)
    request = override_request(actor=sam, plan=plan, reason="Court-ordered removal date.")
    with pytest.raises(PermissionDenied, match="cannot decide an override they requested"):
        override_decide(actor=sam, override=request, grant=True, justification=JUSTIFICATION)
    request.refresh_from_db()
    assert request.status == OverrideStatus.REQUESTED
    assert not gate_check(mother, plan=plan).passes


def test_an_override_does_not_cover_a_child_separated_after_it(
    olivia: User, sam: User, station: Facility
) -> None:
    unit, mother, (_, tomas) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    # Reunite Tomás first, so only Ana is at stake when the override is granted.
    reunite(
        actor=olivia,
        unit=unit,
        separations=list(Separation.objects.filter(child=tomas)),
        at=timezone.now() - timedelta(days=1),
    )
    plan = plan_for(olivia, mother)
    request = override_request(actor=olivia, plan=plan, reason="Court-ordered removal date.")
    override_decide(actor=sam, override=request, grant=True, justification=JUSTIFICATION)
    separate(actor=olivia, unit=unit, parent=mother, child=tomas, at=timezone.now())
    with pytest.raises(GateRefused) as refusal:
        removal_execute(actor=olivia, plan=plan)
    assert [b.child for b in refusal.value.answer.standing_blocks] == [tomas.pk]


def test_no_override_for_an_open_gate(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    with pytest.raises(ValidationError, match="nothing to override"):
        override_request(
            actor=olivia, plan=plan_for(olivia, mother), reason="Just in case, please."
        )
