"""Scheduling and executing a removal: the two changes that pass through the gate.

Each is one transaction: lock the parent (and the plan), ask the gate on the state those
locks protect, and either refuse with the gate's reasons or make the change. A withdrawal
or separation committing at the same moment waits for the lock, or is seen by the gate.
"""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import REMOVAL_OFFICERS
from reunify.audit.history import record_change
from reunify.families.choices import CustodyKind, ReunionMethod, ReunionSetting
from reunify.families.countries import country_name
from reunify.families.errors import raise_if_any
from reunify.families.models import Separation
from reunify.families.rules import Problem, event_time_problems
from reunify.families.services import custody_move, reunion_record
from reunify.removals.errors import GateRefused
from reunify.removals.gate import GateAnswer, GateQuestion, gate_answer
from reunify.removals.gate_facts import gate_question_for
from reunify.removals.models import RemovalPlan, RemovalStatus
from reunify.removals.services.plans import lock_open_plan


def _locked_plan_and_question(plan: RemovalPlan) -> tuple[RemovalPlan, GateQuestion]:
    locked = lock_open_plan(plan)
    return locked, gate_question_for(locked.parent, plan=locked)


def _before_the_election(field: str, at: datetime, question: GateQuestion) -> list[Problem]:
    """A removal dated before the parent's latest election would let a decision govern a
    removal that preceded it (oversight would count the election AFTER_REMOVAL). The plan
    is checked when proposed, but an election recorded since may postdate its date."""
    election = question.election
    if election is None or at >= election.made_at:
        return []
    return [
        Problem(
            field,
            f"The removal is dated before the parent's election of "
            f"{election.made_at:%d %b %Y}; a removal follows the decision that governs it.",
        )
    ]


def _record_gate(actor: User, plan: RemovalPlan, action: str, answer: GateAnswer) -> None:
    record_change(
        actor=actor,
        action=action,
        subject_type="removal_plan",
        subject_id=plan.id,
        person_ids=[plan.parent_id, *(UUID(str(child.key)) for child in answer.children)],
        changes={"gate": answer.to_json()},
    )


def _recording_refusals(
    action: str, actor: User, plan: RemovalPlan, attempt: Callable[[], RemovalPlan]
) -> RemovalPlan:
    """Run `attempt` (its own transaction); if the gate refuses, record the refused attempt
    in a transaction of its own, so oversight sees it although nothing changed."""
    try:
        return attempt()
    except GateRefused as refused:
        with transaction.atomic():
            _record_gate(actor, plan, action, refused.answer)
        raise


def removal_schedule(*, actor: User, plan: RemovalPlan) -> RemovalPlan:
    """Schedule the removal if the gate lets it through; otherwise raise `GateRefused`."""
    require_role(actor, REMOVAL_OFFICERS, action="schedule removals")
    return _recording_refusals(
        "removal.schedule_refused", actor, plan, lambda: _schedule(actor, plan)
    )


@transaction.atomic
def _schedule(actor: User, plan: RemovalPlan) -> RemovalPlan:
    locked, question = _locked_plan_and_question(plan)
    if locked.status != RemovalStatus.PROPOSED:
        raise_if_any([Problem("plan", "This removal is already scheduled.")])
    raise_if_any(_before_the_election("departs_at", locked.departs_at, question))
    answer = gate_answer(question)
    if not answer.passes:
        raise GateRefused(answer)
    locked.status = RemovalStatus.SCHEDULED
    locked.scheduled_at = timezone.now()
    locked.scheduled_by = actor
    locked.scheduled_gate = answer.to_json()
    locked.passed_by_override = locked.passed_by_override or answer.passes_by_override
    locked.save()
    _record_gate(actor, locked, "removal.scheduled", answer)
    return locked


def removal_execute(
    *, actor: User, plan: RemovalPlan, executed_at: datetime | None = None
) -> RemovalPlan:
    """Carry out the removal if the gate lets it through; otherwise raise `GateRefused`.

    The parent, and each child on the itinerary, move to custody "removed" to the
    destination; separations from children travelling with the parent close with a
    reunion by joint removal.
    """
    require_role(actor, REMOVAL_OFFICERS, action="execute removals")
    return _recording_refusals(
        "removal.execution_refused", actor, plan, lambda: _execute(actor, plan, executed_at)
    )


@transaction.atomic
def _execute(actor: User, plan: RemovalPlan, executed_at: datetime | None) -> RemovalPlan:
    executed_at = executed_at or timezone.now()
    locked, question = _locked_plan_and_question(plan)
    raise_if_any(
        event_time_problems("executed_at", executed_at, now=timezone.now())
        + _before_the_election("executed_at", executed_at, question)
    )
    answer = gate_answer(question)
    if not answer.passes:
        raise GateRefused(answer)

    travelling = list(locked.children.all())
    for person in [locked.parent, *travelling]:
        custody_move(
            actor=actor,
            person=person,
            kind=CustodyKind.REMOVED,
            moved_at=executed_at,
            country=locked.destination_country,
        )
    _close_separations_of_travelling_children(actor, locked, executed_at)
    locked.status = RemovalStatus.EXECUTED
    locked.executed_at = executed_at
    locked.executed_by = actor
    locked.executed_gate = answer.to_json()
    locked.passed_by_override = locked.passed_by_override or answer.passes_by_override
    locked.save()
    _record_gate(actor, locked, "removal.executed", answer)
    return locked


def _close_separations_of_travelling_children(
    actor: User, plan: RemovalPlan, executed_at: datetime
) -> None:
    open_ones = list(
        Separation.objects.filter(
            parent_id=plan.parent_id, child__in=plan.children.all(), reunion__isnull=True
        ).order_by("family_unit_id")
    )
    by_unit: dict[object, list[Separation]] = {}
    for separation in open_ones:
        by_unit.setdefault(separation.family_unit_id, []).append(separation)
    for separations in by_unit.values():
        reunion_record(
            actor=actor,
            family_unit=separations[0].family_unit,
            separations=separations,
            reunited_at=executed_at,
            setting=ReunionSetting.ABROAD,
            method=ReunionMethod.JOINT_REMOVAL,
            place=f"Removed together to {country_name(plan.destination_country)}",
        )
