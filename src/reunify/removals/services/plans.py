"""Proposing a parent's removal, putting children on its itinerary, cancelling it."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import REMOVAL_OFFICERS
from reunify.audit.history import record_change
from reunify.elections.facts import latest_election_of
from reunify.families.countries import is_country_code
from reunify.families.errors import raise_if_any
from reunify.families.locking import lock_people
from reunify.families.models import Person
from reunify.families.rules import Problem, length_problems, written_problems
from reunify.removals.gate_facts import children_of, is_parent_or_guardian, open_plan_of
from reunify.removals.models import RemovalPlan, RemovalStatus


def _itinerary_problems(parent: Person, children: Sequence[Person]) -> list[Problem]:
    own = children_of(parent.pk)
    return [
        Problem("children", f"{child.full_name} is not a child of {parent.full_name}.")
        for child in children
        if child.pk not in own
    ]


def _departure_problems(parent: Person, departs_at: datetime) -> list[Problem]:
    problems = []
    if departs_at < timezone.now() - timedelta(days=1):
        problems.append(Problem("departs_at", "A removal cannot be planned in the past."))
    election = latest_election_of(parent.pk)
    if election is not None and departs_at < election.made_at:
        problems.append(
            Problem(
                "departs_at",
                f"The departure is before the parent's election of "
                f"{election.made_at:%d %b %Y}; a removal follows the decision that governs it.",
            )
        )
    return problems


@transaction.atomic
def removal_plan_propose(
    *,
    actor: User,
    parent: Person,
    departs_at: datetime,
    destination_country: str,
    itinerary: str,
    children: Sequence[Person] = (),
) -> RemovalPlan:
    """A proposed removal; it is scheduled and executed only through the gate."""
    require_role(actor, REMOVAL_OFFICERS, action="plan removals")
    lock_people([parent.pk])
    problems = _departure_problems(parent, departs_at)
    problems += _itinerary_problems(parent, children)
    problems += length_problems("itinerary", itinerary, limit=200)
    if not itinerary.strip():
        problems.append(Problem("itinerary", "Give the carrier, flight or route."))
    if not is_country_code(destination_country):
        problems.append(Problem("destination_country", "Choose the destination country."))
    if not is_parent_or_guardian(parent.pk):
        problems.append(
            Problem("parent", f"{parent.full_name} is not a parent in any family unit.")
        )
    if open_plan_of(parent) is not None:
        problems.append(Problem("parent", "This parent already has an open removal plan."))
    raise_if_any(problems)

    plan = RemovalPlan.objects.create(
        parent=parent,
        departs_at=departs_at,
        destination_country=destination_country,
        itinerary=itinerary.strip(),
        proposed_by=actor,
    )
    plan.children.set(children)
    record_change(
        actor=actor,
        action="removal.proposed",
        subject_type="removal_plan",
        subject_id=plan.id,
        person_ids=[parent.id, *(child.id for child in children)],
        changes={
            "departs_at": departs_at,
            "destination_country": destination_country,
            "itinerary": plan.itinerary,
            "children": [child.id for child in children],
        },
    )
    return plan


def lock_open_plan(plan: RemovalPlan) -> RemovalPlan:
    """Lock the parent, the children on the itinerary and the plan; refuse a closed plan."""
    children = list(plan.children.values_list("pk", flat=True))
    lock_people([plan.parent_id, *children])
    locked = (
        RemovalPlan.objects.select_for_update(of=("self",)).select_related("parent").get(pk=plan.pk)
    )
    if not locked.is_open:
        raise_if_any([Problem("plan", f"This removal is {locked.get_status_display().lower()}.")])
    return locked


@transaction.atomic
def removal_plan_itinerary_set(
    *, actor: User, plan: RemovalPlan, children: Sequence[Person]
) -> RemovalPlan:
    """Set which children travel on this removal's itinerary. A scheduled plan whose
    itinerary changes goes back to proposed: the gate must be passed again."""
    require_role(actor, REMOVAL_OFFICERS, action="plan removals")
    locked = lock_open_plan(plan)
    raise_if_any(_itinerary_problems(locked.parent, children))
    before = sorted(str(pk) for pk in locked.children.values_list("pk", flat=True))
    locked.children.set(children)
    if locked.status == RemovalStatus.SCHEDULED:
        locked.status = RemovalStatus.PROPOSED
        locked.scheduled_at = None
        locked.scheduled_by = None
        locked.scheduled_gate = None
        locked.save(
            update_fields=["status", "scheduled_at", "scheduled_by", "scheduled_gate", "updated_at"]
        )
    record_change(
        actor=actor,
        action="removal.itinerary_changed",
        subject_type="removal_plan",
        subject_id=locked.id,
        person_ids=[locked.parent_id, *(child.id for child in children)],
        changes={"children_before": before, "children": [child.id for child in children]},
    )
    return locked


@transaction.atomic
def removal_plan_cancel(*, actor: User, plan: RemovalPlan, reason: str) -> RemovalPlan:
    require_role(actor, REMOVAL_OFFICERS, action="cancel removals")
    locked = lock_open_plan(plan)
    problems = written_problems(
        "reason", reason, limit=2000, missing="Say why the removal is cancelled."
    )
    raise_if_any(problems)
    locked.status = RemovalStatus.CANCELLED
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = actor
    locked.cancel_reason = reason.strip()
    locked.save()
    record_change(
        actor=actor,
        action="removal.cancelled",
        subject_type="removal_plan",
        subject_id=locked.id,
        person_ids=[locked.parent_id],
        changes={"reason": locked.cancel_reason},
    )
    return locked
