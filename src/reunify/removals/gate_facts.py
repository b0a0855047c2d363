"""Gather what the removal gate needs to know about one parent, from the database.

Services call `gate_question_for` after locking the parent's row (`families.locking`), so
the answer and the change it permits rest on the same committed state. Pages and the
`reunify gate check` command call `gate_check` for a read-only answer.
"""

from collections.abc import Hashable
from datetime import date
from uuid import UUID

from django.db import connection
from django.utils import timezone

from reunify.elections.facts import (
    election_facts,
    judge_election,
    latest_election_of,
    verdict_on,
)
from reunify.elections.models import Election, Notice
from reunify.families.choices import PARENTAL_ROLES, MemberRole
from reunify.families.models import Membership, Person, Separation
from reunify.removals.gate import (
    ChildAtStake,
    GateAnswer,
    GateQuestion,
    GoverningElection,
    gate_answer,
)
from reunify.removals.gate_question_sql import gate_row
from reunify.removals.models import OPEN_STATUSES, GateOverride, OverrideStatus, RemovalPlan
from reunify.vocabulary import Deficiency, ElectionOption


def child_label(child: Person, *, today: date) -> str:
    age = child.age_on(today)
    return child.full_name if age is None else f"{child.full_name}, {age}"


def children_at_stake(parent_id: UUID, *, today: date) -> tuple[ChildAtStake, ...]:
    """Children separated from this parent, not reunified, in a unit where they are the
    parent or legal guardian (DESIGN.md "The removal gate")."""
    separations = (
        Separation.objects.filter(parent_id=parent_id, reunion__isnull=True)
        .filter(
            family_unit__memberships__person_id=parent_id,
            family_unit__memberships__role__in=PARENTAL_ROLES,
        )
        .select_related("child")
        .order_by("child__given_names", "child_id")
    )
    seen: dict[UUID, ChildAtStake] = {}
    for separation in separations:
        seen.setdefault(
            separation.child_id,
            ChildAtStake(separation.child_id, child_label(separation.child, today=today)),
        )
    return tuple(seen.values())


def governing_election(parent_id: UUID) -> GoverningElection | None:
    election = latest_election_of(parent_id)
    if election is None:
        return None
    judged = judge_election(election, is_latest=True)
    return governing(
        election,
        children_named=frozenset(child.pk for child in judged.children),
        deficiencies=judged.deficiencies,
        words=judged.words,
    )


def governing(
    election: Election,
    *,
    children_named: frozenset[Hashable],
    deficiencies: tuple[Deficiency, ...],
    words: tuple[str, ...],
) -> GoverningElection:
    """The latest election as the gate reads it, with the rules' verdict on it."""
    return GoverningElection(
        key=election.pk,
        option=ElectionOption(election.option),
        made_at=election.made_at,
        children_named=children_named,
        deficiencies=deficiencies,
        deficiency_words=words,
        more_time_until=election.more_time_until,
    )


def overridden_children(plan: RemovalPlan | None) -> frozenset[Hashable]:
    if plan is None or plan.pk is None:
        return frozenset()
    return frozenset(
        GateOverride.objects.filter(
            plan=plan, status=OverrideStatus.GRANTED, covered_children__isnull=False
        ).values_list("covered_children", flat=True)
    )


def gate_question_for(
    parent: Person, *, plan: RemovalPlan | None, today: date | None = None
) -> GateQuestion:
    """The gate's question for this parent and (if any) this removal plan."""
    today = today or timezone.localdate()
    if connection.vendor == "postgresql":
        return question_in_one_statement(
            parent, plan_id=plan.pk if plan else None, find_open_plan=False, today=today
        )
    return question_from_orm(parent, plan=plan, today=today)


def question_from_orm(parent: Person, *, plan: RemovalPlan | None, today: date) -> GateQuestion:
    return GateQuestion(
        parent_name=parent.full_name,
        children=children_at_stake(parent.pk, today=today),
        election=governing_election(parent.pk),
        notice_given=Notice.objects.filter(parent=parent, delivered_at__isnull=False).exists(),
        itinerary=frozenset(plan.children.values_list("pk", flat=True)) if plan else frozenset(),
        overridden_children=overridden_children(plan),
        today=today,
    )


def question_in_one_statement(
    parent: Person, *, plan_id: UUID | None, find_open_plan: bool, today: date
) -> GateQuestion:
    row = gate_row(parent.pk, plan_id=plan_id, find_open_plan=find_open_plan)
    election = row.latest_election
    judged = None
    if election is not None:
        facts = election_facts(
            election,
            is_latest=True,
            parent_languages=row.parent_languages,
            children_named=row.children_named,
            children_separated_at_the_time=frozenset(
                child.pk for child in row.separated_at_election
            ),
        )
        codes, words = verdict_on(facts, row.separated_at_election)
        judged = governing(
            election,
            children_named=frozenset(row.children_named),
            deficiencies=codes,
            words=words,
        )
    return GateQuestion(
        parent_name=parent.full_name,
        children=tuple(
            ChildAtStake(child.pk, child_label(child, today=today))
            for child in row.children_at_stake
        ),
        election=judged,
        notice_given=row.notice_given,
        itinerary=row.itinerary,
        overridden_children=row.overridden_children,
        today=today,
    )


def open_plan_of(parent: Person) -> RemovalPlan | None:
    return RemovalPlan.objects.filter(parent=parent, status__in=OPEN_STATUSES).first()


def gate_check(parent: Person, *, plan: RemovalPlan | None = None) -> GateAnswer:
    """A read-only answer: for `plan`, or the parent's open plan, or no plan at all."""
    if connection.vendor == "postgresql":
        today = timezone.localdate()
        return gate_answer(
            question_in_one_statement(
                parent,
                plan_id=plan.pk if plan else None,
                find_open_plan=plan is None,
                today=today,
            )
        )
    return gate_answer(gate_question_for(parent, plan=plan or open_plan_of(parent)))


def is_parent_or_guardian(person_id: UUID) -> bool:
    return Membership.objects.filter(person_id=person_id, role__in=PARENTAL_ROLES).exists()


def children_of(parent_id: UUID) -> frozenset[UUID]:
    """Children in any family unit where this person is a parent or legal guardian."""
    units = Membership.objects.filter(person_id=parent_id, role__in=PARENTAL_ROLES).values(
        "family_unit_id"
    )
    return frozenset(
        Membership.objects.filter(family_unit_id__in=units, role=MemberRole.CHILD).values_list(
            "person_id", flat=True
        )
    )
