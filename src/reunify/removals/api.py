"""Removal plans and the removal gate: ask the gate, plan, schedule, execute, cancel, and
ask a supervisor to override. Scheduling and execution pass through the gate; when it is
closed they answer 409 with the gate's reasons as data (`api.errors`)."""

from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from reunify.accounts.models import User
from reunify.accounts.roles import GATE_OVERRIDERS, REMOVAL_OFFICERS
from reunify.api.auth import caller, only
from reunify.api.errors import READ_ERRORS, WRITE_ERRORS, ErrorOut
from reunify.api.inputs import Moment, Text
from reunify.api.references import (
    ActorRef,
    PersonRef,
    actor_ref,
    person_or_404,
    person_ref,
    persons_named,
)
from reunify.removals.gate_facts import gate_check
from reunify.removals.models import GateOverride, RemovalPlan
from reunify.removals.selectors import override_for, removal_plan_for, removal_plans_visible_to
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_execute,
    removal_plan_cancel,
    removal_plan_itinerary_set,
    removal_plan_propose,
    removal_schedule,
)
from reunify.vocabulary import GateBlock

router = Router(tags=["removals"])
MAX_CHILDREN = 50


class GateChildOut(Schema):
    person_id: UUID
    name: str


class GateBlockOut(Schema):
    child_id: UUID
    child_name: str
    code: str = Field(..., description="One of " + ", ".join(GateBlock) + "; more may be added")
    reason: str
    deficiencies: list[str]
    overridden: bool


class GateOut(Schema):
    """The gate's answer: open or not, and every block for every child, in words."""

    passes: bool
    passes_by_override: bool
    summary: str
    children_at_stake: list[GateChildOut]
    blocks: list[GateBlockOut]


class GateClosedOut(ErrorOut):
    """409: the gate refused; `gate` says why, child by child. Nothing was changed."""

    gate: GateOut


class OverrideOut(Schema):
    id: UUID
    plan_id: UUID
    status: str
    requested_at: datetime
    requested_by: ActorRef | None
    request_reason: str
    decided_at: datetime | None
    decided_by: ActorRef | None
    justification: str
    covered_children: list[PersonRef]
    blocks_overridden: list[GateBlockOut] | None


class PlanOut(Schema):
    id: UUID
    parent: PersonRef
    status: str
    departs_at: datetime
    destination_country: str
    itinerary: str
    children: list[PersonRef] = Field(..., description="On the itinerary with the parent")
    proposed_at: datetime
    proposed_by: ActorRef | None
    scheduled_at: datetime | None
    scheduled_by: ActorRef | None
    scheduled_gate: GateOut | None = Field(..., description="What the gate said at scheduling")
    executed_at: datetime | None
    executed_by: ActorRef | None
    executed_gate: GateOut | None = Field(..., description="What the gate said at execution")
    passed_by_override: bool
    cancelled_at: datetime | None
    cancelled_by: ActorRef | None
    cancel_reason: str
    overrides: list[OverrideOut]
    gate: GateOut = Field(..., description="The gate's answer for this plan now")


class PlanIn(Schema):
    departs_at: Moment
    destination_country: Text = Field(..., max_length=2, description="ISO 3166-1 alpha-2")
    itinerary: Text = Field(..., max_length=400, description="Carrier, flight or route")
    children: list[UUID] = Field([], max_length=MAX_CHILDREN, description="Travelling along")


class ItineraryIn(Schema):
    children: list[UUID] = Field(..., max_length=MAX_CHILDREN)


class ExecutionIn(Schema):
    executed_at: Moment | None = Field(None, description="When it happened; default now")


class CancellationIn(Schema):
    reason: Text = Field(..., max_length=4000)


class OverrideRequestIn(Schema):
    reason: Text = Field(..., max_length=8000, description="Why the removal should proceed")


class DecisionIn(Schema):
    grant: bool
    justification: Text = Field(..., max_length=8000, description="At least 40 characters")


def _plan_or_404(user: User, plan_id: UUID) -> RemovalPlan:
    plan = removal_plan_for(user=user, plan_id=plan_id)
    if plan is None:
        raise Http404("No such removal plan.")
    return plan


def _override_or_404(user: User, override_id: UUID) -> GateOverride:
    override = override_for(user=user, override_id=override_id)
    if override is None:
        raise Http404("No such override request.")
    return override


def _override(override: GateOverride) -> dict[str, Any]:
    return {
        "id": override.pk,
        "plan_id": override.plan_id,
        "status": override.status,
        "requested_at": override.created_at,
        "requested_by": actor_ref(override.requested_by),
        "request_reason": override.request_reason,
        "decided_at": override.decided_at,
        "decided_by": actor_ref(override.decided_by),
        "justification": override.justification,
        "covered_children": [person_ref(c) for c in override.covered_children.all()],
        "blocks_overridden": override.blocks_overridden,
    }


def _plan(plan: RemovalPlan) -> dict[str, Any]:
    overrides = plan.overrides.select_related("requested_by", "decided_by")
    return {
        "id": plan.pk,
        "parent": person_ref(plan.parent),
        "status": plan.status,
        "departs_at": plan.departs_at,
        "destination_country": plan.destination_country,
        "itinerary": plan.itinerary,
        "children": [person_ref(child) for child in plan.children.order_by("given_names")],
        "proposed_at": plan.created_at,
        "proposed_by": actor_ref(plan.proposed_by),
        "scheduled_at": plan.scheduled_at,
        "scheduled_by": actor_ref(plan.scheduled_by),
        "scheduled_gate": plan.scheduled_gate,
        "executed_at": plan.executed_at,
        "executed_by": actor_ref(plan.executed_by),
        "executed_gate": plan.executed_gate,
        "passed_by_override": plan.passed_by_override,
        "cancelled_at": plan.cancelled_at,
        "cancelled_by": actor_ref(plan.cancelled_by),
        "cancel_reason": plan.cancel_reason,
        "overrides": [_override(o) for o in overrides],
        "gate": gate_check(plan.parent, plan=plan).to_json(),
    }


@router.get(
    "/persons/{person_id}/gate",
    response={200: GateOut, **READ_ERRORS},
    summary="May this parent be removed? The gate's answer for their open plan, if any",
)
def person_gate(request: HttpRequest, person_id: UUID) -> dict[str, Any]:
    parent = person_or_404(user=caller(request), person_id=person_id)
    return gate_check(parent).to_json()


@router.get(
    "/persons/{person_id}/removal-plans",
    response={200: list[PlanOut], **READ_ERRORS},
    summary="A parent's removal plans, earliest departure first",
)
def list_plans(request: HttpRequest, person_id: UUID) -> list[dict[str, Any]]:
    user = caller(request)
    parent = person_or_404(user=user, person_id=person_id)
    return [_plan(plan) for plan in removal_plans_visible_to(user=user).filter(parent=parent)]


@router.post(
    "/persons/{person_id}/removal-plans",
    auth=only(REMOVAL_OFFICERS, action="plan removals"),
    response={201: PlanOut, **WRITE_ERRORS},
    summary="Propose a parent's removal; it is scheduled and executed only through the gate",
)
def propose_plan(request: HttpRequest, person_id: UUID, payload: PlanIn) -> Status[dict[str, Any]]:
    user = caller(request)
    plan = removal_plan_propose(
        actor=user,
        parent=person_or_404(user=user, person_id=person_id),
        departs_at=payload.departs_at,
        destination_country=payload.destination_country,
        itinerary=payload.itinerary,
        children=persons_named(user=user, ids=payload.children, field="children"),
    )
    return Status(201, _plan(plan))


@router.get(
    "/removal-plans/{plan_id}",
    response={200: PlanOut, **READ_ERRORS},
    summary="One removal plan, with the gate's answer now",
)
def get_plan(request: HttpRequest, plan_id: UUID) -> dict[str, Any]:
    return _plan(_plan_or_404(caller(request), plan_id))


@router.put(
    "/removal-plans/{plan_id}/itinerary",
    auth=only(REMOVAL_OFFICERS, action="plan removals"),
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Set the children travelling with the parent (a scheduled plan goes back to proposed)",
)
def set_itinerary(request: HttpRequest, plan_id: UUID, payload: ItineraryIn) -> dict[str, Any]:
    user = caller(request)
    plan = removal_plan_itinerary_set(
        actor=user,
        plan=_plan_or_404(user, plan_id),
        children=persons_named(user=user, ids=payload.children, field="children"),
    )
    return _plan(plan)


@router.post(
    "/removal-plans/{plan_id}/schedule",
    auth=only(REMOVAL_OFFICERS, action="schedule removals"),
    response={200: PlanOut, 409: GateClosedOut, **WRITE_ERRORS},
    summary="Schedule the removal, if the gate lets it through",
)
def schedule_plan(request: HttpRequest, plan_id: UUID) -> dict[str, Any]:
    user = caller(request)
    return _plan(removal_schedule(actor=user, plan=_plan_or_404(user, plan_id)))


@router.post(
    "/removal-plans/{plan_id}/execution",
    auth=only(REMOVAL_OFFICERS, action="execute removals"),
    response={200: PlanOut, 409: GateClosedOut, **WRITE_ERRORS},
    summary="Record the removal as carried out, if the gate lets it through",
)
def execute_plan(
    request: HttpRequest, plan_id: UUID, payload: ExecutionIn | None = None
) -> dict[str, Any]:
    user = caller(request)
    plan = removal_execute(
        actor=user,
        plan=_plan_or_404(user, plan_id),
        executed_at=payload.executed_at if payload else None,
    )
    return _plan(plan)


@router.post(
    "/removal-plans/{plan_id}/cancellation",
    auth=only(REMOVAL_OFFICERS, action="cancel removals"),
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Cancel a proposed or scheduled removal",
)
def cancel_plan(request: HttpRequest, plan_id: UUID, payload: CancellationIn) -> dict[str, Any]:
    user = caller(request)
    plan = removal_plan_cancel(actor=user, plan=_plan_or_404(user, plan_id), reason=payload.reason)
    return _plan(plan)


@router.post(
    "/removal-plans/{plan_id}/override-requests",
    auth=only(REMOVAL_OFFICERS, action="request gate overrides"),
    response={201: OverrideOut, **WRITE_ERRORS},
    summary="Ask a supervisor to let this removal pass a closed gate",
)
def request_override(
    request: HttpRequest, plan_id: UUID, payload: OverrideRequestIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    override = override_request(actor=user, plan=_plan_or_404(user, plan_id), reason=payload.reason)
    return Status(201, _override(override))


@router.post(
    "/override-requests/{override_id}/decision",
    auth=only(GATE_OVERRIDERS, action="override the removal gate"),
    response={200: OverrideOut, **WRITE_ERRORS},
    summary="A supervisor grants or refuses an override, with a written justification",
)
def decide_override(request: HttpRequest, override_id: UUID, payload: DecisionIn) -> dict[str, Any]:
    user = caller(request)
    override = override_decide(
        actor=user,
        override=_override_or_404(user, override_id),
        grant=payload.grant,
        justification=payload.justification,
    )
    return _override(override)
