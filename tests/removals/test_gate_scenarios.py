"""The inspector general's cases, each one blocking the gate with the right reason.

Each scenario is built through the real services on the real database; the gate is then
asked through `removal_execute`, which must refuse, change nothing and record the attempt.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from reunify.accounts.models import User
from reunify.elections.choices import ElectionForm, ElectionOption
from reunify.families.models import CustodyEpisode, Facility, Person
from reunify.removals.errors import GateRefused
from reunify.removals.gate import GateAnswer
from reunify.removals.models import RemovalPlan, RemovalStatus
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_execute,
    removal_plan_itinerary_set,
    removal_plan_propose,
)
from reunify.vocabulary import Deficiency, GateBlock
from tests.elections.factories import (
    days_ago,
    elect,
    elect_after_notice,
    kiche_mother_with_children,
)
from tests.families.factories import history

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def plan_for(actor: User, parent: Person, children: list[Person] | None = None) -> RemovalPlan:
    return removal_plan_propose(
        actor=actor,
        parent=parent,
        departs_at=timezone.now() + timedelta(days=2),
        destination_country="GT",
        itinerary="ICE Air charter HRL-GUA",
        children=children or [],
    )


def refused(actor: User, plan: RemovalPlan) -> GateAnswer:
    custody_before = CustodyEpisode.objects.count()
    with pytest.raises(GateRefused) as refusal:
        removal_execute(actor=actor, plan=plan)
    plan.refresh_from_db()
    assert plan.status == RemovalStatus.PROPOSED
    assert CustodyEpisode.objects.count() == custody_before
    assert history("removal.execution_refused")[-1].changes["gate"]["passes"] is False
    return refusal.value.answer


def test_no_election_at_all_blocks(olivia: User, station: Facility) -> None:
    _, mother, _ = kiche_mother_with_children(actor=olivia, station=station)
    answer = refused(olivia, plan_for(olivia, mother))
    assert [b.code for b in answer.blocks] == [GateBlock.NO_ELECTION]
    assert answer.blocks[0].reason.startswith("no election for Tomás López Xiloj, ")


def test_a_verbal_waiver_blocks(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        form=ElectionForm.VERBAL,
        signature="",
        signed_on=None,
        signed_form=None,
        acknowledged_by=sam,
    )
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].code is GateBlock.ELECTION_DEFICIENT
    assert answer.blocks[0].deficiencies == (Deficiency.VERBAL_ONLY,)
    assert "the election was only spoken, never written" in answer.blocks[0].reason


def test_an_unsigned_form_blocks(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        form=ElectionForm.UNSIGNED,
        signature="",
        signed_on=None,
        signed_form=None,
        acknowledged_by=sam,
    )
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].deficiencies == (Deficiency.UNSIGNED,)
    assert "the form was not signed by the parent" in answer.blocks[0].reason


def test_a_spanish_notice_to_a_kiche_speaker_without_interpreter_blocks(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    # A paper notice in Spanish given before Reunify recorded notices; no interpreter.
    elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=None,
        notice_language="spa",
        interpreter_name="",
        interpreter_language="",
        acknowledged_by=sam,
    )
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].deficiencies == (Deficiency.LANGUAGE_NOT_UNDERSTOOD,)
    assert answer.blocks[0].reason == (
        f"no valid election for {answer.children[0].name} — notice was given in Spanish, "
        "parent speaks K'iche', no interpreter recorded"
    )


def test_an_election_naming_one_of_two_children_blocks_for_both(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (ana, tomas) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[ana],
        acknowledged_by=sam,
    )
    answer = refused(olivia, plan_for(olivia, mother))
    by_child = {block.child: block for block in answer.blocks}
    assert by_child[tomas.pk].code is GateBlock.CHILD_NOT_COVERED
    assert by_child[ana.pk].code is GateBlock.ELECTION_DEFICIENT
    assert "the election does not name Tomás López Xiloj" in by_child[ana.pk].reason


def test_a_removal_contrary_to_depart_with_children_blocks(
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
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].code is GateBlock.CHILD_NOT_ON_ITINERARY
    assert "who is not on this removal's itinerary" in answer.blocks[0].reason


def test_a_child_elected_to_remain_put_on_the_parents_itinerary_blocks(
    olivia: User, sam: User, station: Facility
) -> None:
    """The father who chose that his son stay must not be removed with him all the same;
    taking the boy off the itinerary opens the gate, as would a supervisor's override."""
    _, father, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=father,
        children=[son],
        option=ElectionOption.CHILDREN_REMAIN,
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, father, children=[son])
    answer = refused(olivia, plan)
    assert [b.code for b in answer.blocks] == [GateBlock.CHILD_ON_ITINERARY_AGAINST_ELECTION]
    assert answer.blocks[0].reason.startswith(
        f"the parent elected that {answer.children[0].name} remain in the country, "
        "but the child is on this removal's itinerary"
    )
    assert history("removal.execution_refused")[-1].changes["gate"]["blocks"][0]["code"] == (
        "CHILD_ON_ITINERARY_AGAINST_ELECTION"
    )

    plan = removal_plan_itinerary_set(actor=olivia, plan=plan, children=[])
    assert removal_execute(actor=olivia, plan=plan).status == RemovalStatus.EXECUTED
    assert not plan.children.exists()


def test_an_override_passes_a_child_elected_to_remain_on_the_itinerary(
    olivia: User, sam: User, station: Facility
) -> None:
    _, father, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=father,
        children=[son],
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, father, children=[son])
    request = override_request(
        actor=olivia, plan=plan, reason="The family asks to travel together; see the file."
    )
    override_decide(
        actor=sam,
        override=request,
        grant=True,
        justification="Court order of 2026-11-20 reunites them for this removal.",
    )
    executed = removal_execute(actor=olivia, plan=plan)
    assert executed.status == RemovalStatus.EXECUTED
    assert executed.passed_by_override


def test_a_removal_contrary_to_more_time_blocks(olivia: User, sam: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        option=ElectionOption.MORE_TIME,
        acknowledged_by=sam,
    )
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].code is GateBlock.MORE_TIME_PENDING


def test_more_time_still_blocks_after_its_deadline_until_a_new_election(
    olivia: User, sam: User, station: Facility
) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    asked_on = days_ago(10)
    elect(
        actor=olivia,
        parent=mother,
        children=[son],
        notice=None,
        notice_language="spa",
        option=ElectionOption.MORE_TIME,
        made_at=asked_on,
        signed_on=asked_on.date(),
        more_time_until=days_ago(3).date(),
        acknowledged_by=sam,
    )
    plan = plan_for(olivia, mother)
    answer = refused(olivia, plan)
    assert answer.blocks[0].code is GateBlock.MORE_TIME_ENDED
    assert "a new election about Tomás López Xiloj" in answer.blocks[0].reason

    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
        acknowledged_by=sam,
    )
    assert removal_execute(actor=olivia, plan=plan).status == RemovalStatus.EXECUTED


def test_an_unacknowledged_election_blocks(olivia: User, station: Facility) -> None:
    _, mother, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    elect_after_notice(
        actor=olivia,
        parent=mother,
        children=[son],
    )
    answer = refused(olivia, plan_for(olivia, mother))
    assert answer.blocks[0].deficiencies == (Deficiency.NOT_ACKNOWLEDGED,)
    assert "a supervisor has not acknowledged the election" in answer.blocks[0].reason
