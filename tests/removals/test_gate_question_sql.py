"""On PostgreSQL the gate's question is gathered in one statement; it must ask exactly what
the ORM path asks.

Given a generated world (every kind of election the generator makes, with its flaws) and
removal plans with itineraries and granted overrides for some parents, when both paths
gather the question for every separated parent, then the questions are equal.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from reunify.accounts.models import User
from reunify.demo.load_world import load_world
from reunify.families.models import Facility, Person, Separation
from reunify.removals.gate import gate_answer
from reunify.removals.gate_facts import (
    children_of,
    open_plan_of,
    question_from_orm,
    question_in_one_statement,
)
from reunify.removals.models import RemovalPlan
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_plan_propose,
)
from reunify.synth import build_world
from reunify.vocabulary import GateBlock
from tests.elections.factories import days_ago, delivered_notice, elect, kiche_mother_with_children
from tests.families.factories import reunite, separate

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

REASON = "Court-ordered removal date, see file."
JUSTIFICATION = "Federal court order of 2026-11-20 directs this removal date."


def propose(actor: User, parent: Person, *, with_children: bool) -> RemovalPlan:
    children = Person.objects.filter(pk__in=children_of(parent.pk)) if with_children else []
    return removal_plan_propose(
        actor=actor,
        parent=parent,
        departs_at=timezone.now() + timedelta(days=3),
        destination_country="GT",
        itinerary="ICE Air charter HRL-GUA",
        children=list(children),
    )


def both_paths_agree(parent: Person) -> None:
    today = timezone.localdate()
    plan = open_plan_of(parent)
    by_orm = question_from_orm(parent, plan=plan, today=today)
    named = question_in_one_statement(
        parent, plan_id=plan.pk if plan else None, find_open_plan=False, today=today
    )
    found = question_in_one_statement(parent, plan_id=None, find_open_plan=True, today=today)
    assert named == by_orm, parent.pk
    assert found == by_orm, parent.pk


def test_the_edges_of_one_story_agree(olivia: User, sam: User, station: Facility) -> None:
    """A child reunited before the election and separated again after it; an override
    refused and one still waiting (neither covers anyone)."""
    unit, mother, (ana, tomas) = kiche_mother_with_children(
        actor=olivia, station=station, children=("Ana", "Tomás")
    )
    reunite(
        actor=olivia,
        unit=unit,
        separations=list(Separation.objects.filter(child=tomas)),
        at=days_ago(10),
    )
    notice = delivered_notice(actor=olivia, parent=mother)
    elect(actor=olivia, parent=mother, children=[ana], notice=notice)
    separate(actor=olivia, unit=unit, parent=mother, child=tomas, at=timezone.now())
    plan = propose(olivia, mother, with_children=False)
    refused = override_request(actor=olivia, plan=plan, reason=REASON)
    override_decide(actor=sam, override=refused, grant=False, justification=JUSTIFICATION)
    override_request(actor=olivia, plan=plan, reason=REASON)

    both_paths_agree(mother)
    question = question_from_orm(mother, plan=plan, today=timezone.localdate())
    assert question.election is not None
    assert not question.overridden_children
    assert [child.key for child in question.children] == [ana.pk, tomas.pk]


def test_both_paths_block_a_child_elected_to_remain_on_the_itinerary(
    olivia: User, sam: User, station: Facility
) -> None:
    _, father, (son,) = kiche_mother_with_children(actor=olivia, station=station)
    notice = delivered_notice(actor=olivia, parent=father)
    elect(actor=olivia, parent=father, children=[son], notice=notice, acknowledged_by=sam)
    plan = propose(olivia, father, with_children=True)

    both_paths_agree(father)
    today = timezone.localdate()
    by_orm = gate_answer(question_from_orm(father, plan=plan, today=today))
    in_one = gate_answer(
        question_in_one_statement(father, plan_id=plan.pk, find_open_plan=False, today=today)
    )
    assert in_one == by_orm
    assert [block.code for block in in_one.blocks] == [
        GateBlock.CHILD_ON_ITINERARY_AGAINST_ELECTION
    ]


def test_one_statement_asks_what_the_orm_asks(olivia: User, sam: User) -> None:
    load_world(build_world(150, 7))
    parents = list(
        Person.objects.filter(pk__in=Separation.objects.values("parent_id").distinct()).order_by(
            "pk"
        )
    )
    assert len(parents) > 40
    elected = [parent for parent in parents if parent.elections.exists()]
    not_elected = [parent for parent in parents if not parent.elections.exists()]
    assert len(elected) >= 6
    assert len(not_elected) >= 6
    # Chosen by construction, not by the order of random keys: each group gets plans with
    # and without the children, and overrides on some of the plans the gate blocks.
    for index, parent in enumerate(elected[:15] + not_elected[:15]):
        plan = propose(olivia, parent, with_children=index % 2 == 0)
        if (
            index % 3 == 0
            and not gate_answer(
                question_from_orm(parent, plan=plan, today=timezone.localdate())
            ).passes
        ):
            request = override_request(actor=olivia, plan=plan, reason=REASON)
            override_decide(actor=sam, override=request, grant=True, justification=JUSTIFICATION)

    today = timezone.localdate()
    kinds = set()
    for parent in parents:
        both_paths_agree(parent)
        by_orm = question_from_orm(parent, plan=open_plan_of(parent), today=today)
        kinds.add(
            (by_orm.election is not None, bool(by_orm.itinerary), bool(by_orm.overridden_children))
        )
    assert (True, True, False) in kinds
    assert (False, False, False) in kinds
    assert any(overridden for _, _, overridden in kinds)
