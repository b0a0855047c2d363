"""Asking a supervisor to let one removal pass a failing gate, and their decision.

An override is the exception oversight must always see: it needs a written
justification, it names the children whose blocks it overrides, and the plan it lets
through is flagged for good (`RemovalPlan.passed_by_override`).
"""

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied, require_role
from reunify.accounts.roles import GATE_OVERRIDERS, REMOVAL_OFFICERS
from reunify.audit.history import record_change
from reunify.families.errors import raise_if_any
from reunify.families.locking import lock_people
from reunify.families.models import Person
from reunify.families.rules import Problem, written_problems
from reunify.removals.gate import gate_answer
from reunify.removals.gate_facts import gate_question_for
from reunify.removals.models import GateOverride, OverrideStatus, RemovalPlan

MINIMUM_JUSTIFICATION = 40  # characters: a sentence that says why, not "ok"


def _written(field: str, text: str, *, minimum: int) -> list[Problem]:
    return written_problems(
        field,
        text,
        limit=4000,
        minimum=minimum,
        missing=f"Explain in writing, at least {minimum} characters.",
    )


@transaction.atomic
def override_request(*, actor: User, plan: RemovalPlan, reason: str) -> GateOverride:
    """Ask a supervisor to override the gate for this removal."""
    require_role(actor, REMOVAL_OFFICERS, action="request gate overrides")
    lock_people([plan.parent_id])
    plan = RemovalPlan.objects.select_related("parent").get(pk=plan.pk)
    problems = _written("reason", reason, minimum=20)
    if not plan.is_open:
        problems.append(Problem("plan", "Only a proposed or scheduled removal can be overridden."))
    if plan.overrides.filter(status=OverrideStatus.REQUESTED).exists():
        problems.append(Problem("plan", "An override request for this removal is already waiting."))
    if gate_answer(gate_question_for(plan.parent, plan=plan)).passes:
        problems.append(Problem("plan", "The gate is open for this removal: nothing to override."))
    raise_if_any(problems)
    override = GateOverride.objects.create(
        plan=plan, requested_by=actor, request_reason=reason.strip()
    )
    record_change(
        actor=actor,
        action="override.requested",
        subject_type="gate_override",
        subject_id=override.id,
        person_ids=[plan.parent_id],
        changes={"plan": plan.id, "reason": override.request_reason},
    )
    return override


@transaction.atomic
def override_decide(
    *, actor: User, override: GateOverride, grant: bool, justification: str
) -> GateOverride:
    """A supervisor grants or refuses; a grant covers the children blocked right now."""
    require_role(actor, GATE_OVERRIDERS, action="override the removal gate")
    parent_id = RemovalPlan.objects.values_list("parent_id", flat=True).get(pk=override.plan_id)
    lock_people([parent_id])
    plan = RemovalPlan.objects.select_related("parent").get(pk=override.plan_id)
    override = GateOverride.objects.select_for_update().get(pk=override.pk)
    if override.requested_by_id == actor.pk:
        raise PermissionDenied("A supervisor cannot decide an override they requested.")
    problems = _written("justification", justification, minimum=MINIMUM_JUSTIFICATION)
    if override.status != OverrideStatus.REQUESTED:
        problems.append(Problem("override", "This request is already decided."))
    if not plan.is_open:
        problems.append(Problem("plan", "This removal is no longer open."))
    answer = gate_answer(gate_question_for(plan.parent, plan=plan))
    if grant and answer.passes:
        problems.append(Problem("override", "The gate is open now: nothing to override."))
    raise_if_any(problems)

    override.status = OverrideStatus.GRANTED if grant else OverrideStatus.REFUSED
    override.decided_by = actor
    override.decided_at = timezone.now()
    override.justification = justification.strip()
    if grant:
        override.blocks_overridden = answer.to_json()["blocks"]
    override.save()
    if grant:
        blocked = [block.child for block in answer.standing_blocks]
        override.covered_children.set(Person.objects.filter(pk__in=blocked))
    record_change(
        actor=actor,
        action="override.granted" if grant else "override.refused",
        subject_type="gate_override",
        subject_id=override.id,
        person_ids=[plan.parent_id],
        changes={
            "plan": plan.id,
            "justification": override.justification,
            "blocks": override.blocks_overridden,
        },
    )
    return override
