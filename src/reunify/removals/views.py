"""Removal plan pages, the gate's answer on them, and the supervisor's queue.

Scheduling and execution are POSTs that call the gated services; a refusal re-renders
the plan with the gate's reasons and status 409, so nothing passes on a stale page.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from reunify.accounts.permissions import PermissionDenied
from reunify.accounts.roles import GATE_OVERRIDERS, REMOVAL_OFFICERS, SUPERVISORS
from reunify.elections.selectors import elections_visible_to
from reunify.families.forms import apply_service_errors, as_aware
from reunify.families.models import Person
from reunify.families.selectors import persons_visible_to
from reunify.removals.errors import GateRefused
from reunify.removals.forms import ItineraryForm, OverrideDecisionForm, ReasonForm, RemovalPlanForm
from reunify.removals.gate import GateAnswer
from reunify.removals.gate_facts import children_of, gate_check
from reunify.removals.models import OverrideStatus, RemovalPlan
from reunify.removals.selectors import override_for, overrides_visible_to, removal_plan_for
from reunify.removals.services import (
    override_decide,
    override_request,
    removal_execute,
    removal_plan_cancel,
    removal_plan_itinerary_set,
    removal_plan_propose,
    removal_schedule,
)
from reunify.web.access import roles_required
from reunify.web.responses import acting_user, forbidden, form_status


def own_children(parent: Person) -> list[Person]:
    return list(Person.objects.filter(pk__in=children_of(parent.pk)).order_by("given_names"))


def _plan_or_404(request: HttpRequest, plan_id: UUID) -> RemovalPlan:
    plan = removal_plan_for(user=acting_user(request), plan_id=plan_id)
    if plan is None:
        raise Http404("No such removal plan.")
    return plan


@roles_required(REMOVAL_OFFICERS, action="plan removals")
def plan_new(request: HttpRequest, person_id: UUID) -> HttpResponse:
    parent = persons_visible_to(user=acting_user(request)).filter(pk=person_id).first()
    if parent is None:
        raise Http404("No such person.")
    form = RemovalPlanForm(request.POST or None, children=own_children(parent))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = removal_plan_propose(
                actor=acting_user(request),
                parent=parent,
                departs_at=as_aware(data["departs_at"]),
                destination_country=data["destination_country"],
                itinerary=data["itinerary"],
                children=list(data["children"]),
            )
        except PermissionDenied as error:
            return forbidden(request, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Removal proposed. It is scheduled only through the gate.")
            return redirect("removals:plan", plan_id=plan.pk)
    return render(
        request,
        "removals/plan_new.html",
        {"parent": parent, "form": form},
        status=form_status(request),
    )


def _plan_page(
    request: HttpRequest,
    plan: RemovalPlan,
    *,
    answer: GateAnswer | None = None,
    refused_action: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "removals/plan.html",
        {
            "plan": plan,
            "gate": answer or gate_check(plan.parent, plan=plan),
            "refused_action": refused_action,
            "itinerary_form": ItineraryForm(
                children=own_children(plan.parent),
                initial={"children": list(plan.children.all())},
            ),
            "travelling": list(plan.children.order_by("given_names")),
            "overrides": list(plan.overrides.select_related("requested_by", "decided_by")),
            "reason_form": ReasonForm(),
        },
        status=status,
    )


@login_required
def plan(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    return _plan_page(request, _plan_or_404(request, plan_id))


@roles_required(REMOVAL_OFFICERS, action="schedule or execute removals")
@require_POST
def plan_gated_step(request: HttpRequest, plan_id: UUID, step: str) -> HttpResponse:
    """Schedule or execute: the two steps that pass through the gate."""
    found = _plan_or_404(request, plan_id)
    if step not in ("schedule", "execute"):
        raise Http404("No such step.")
    try:
        if step == "schedule":
            removal_schedule(actor=acting_user(request), plan=found)
        else:
            removal_execute(actor=acting_user(request), plan=found)
    except PermissionDenied as error:
        return forbidden(request, error)
    except GateRefused as refusal:
        found.refresh_from_db()
        return _plan_page(request, found, answer=refusal.answer, refused_action=step, status=409)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = "scheduled" if step == "schedule" else "executed"
        messages.success(request, f"Removal {done}: the gate was open.")
    return redirect("removals:plan", plan_id=found.pk)


@roles_required(REMOVAL_OFFICERS, action="plan removals")
@require_POST
def plan_itinerary(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    found = _plan_or_404(request, plan_id)
    form = ItineraryForm(request.POST, children=own_children(found.parent))
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        removal_plan_itinerary_set(
            actor=acting_user(request), plan=found, children=list(form.cleaned_data["children"])
        )
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Itinerary updated.")
    return redirect("removals:plan", plan_id=found.pk)


@roles_required(REMOVAL_OFFICERS, action="cancel removals or request overrides")
@require_POST
def plan_reasoned_step(request: HttpRequest, plan_id: UUID, step: str) -> HttpResponse:
    """Cancel the plan, or ask a supervisor to override the gate: both need a reason."""
    found = _plan_or_404(request, plan_id)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        reason = form.cleaned_data["reason"]
        if step == "cancel":
            removal_plan_cancel(actor=acting_user(request), plan=found, reason=reason)
            done = "Removal cancelled."
        elif step == "override":
            override_request(actor=acting_user(request), plan=found, reason=reason)
            done = "Override requested: it waits in the supervisors' queue."
        else:
            raise Http404("No such step.")
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("removals:plan", plan_id=found.pk)


@roles_required(SUPERVISORS, action="read the supervision queue")
def supervision(request: HttpRequest) -> HttpResponse:
    """Elections awaiting acknowledgment and override requests awaiting a decision."""
    user = acting_user(request)
    awaiting = list(
        elections_visible_to(user=user)
        .filter(acknowledged_at__isnull=True, withdrawn_at__isnull=True)
        .exclude(recorded_by__isnull=True)
        .select_related("parent", "recorded_by")
        .prefetch_related("children")
        .order_by("made_at")[:200]
    )
    requests = list(
        overrides_visible_to(user=user)
        .filter(status=OverrideStatus.REQUESTED)
        .select_related("plan__parent", "requested_by")
        .order_by("created_at")
    )
    return render(
        request,
        "removals/supervision.html",
        {
            "awaiting": awaiting,
            "override_requests": [
                (
                    o,
                    gate_check(o.plan.parent, plan=o.plan),
                    OverrideDecisionForm(auto_id=f"override-{o.pk}-%s"),
                )
                for o in requests
            ],
        },
    )


@roles_required(GATE_OVERRIDERS, action="override the removal gate")
@require_POST
def override_decision(request: HttpRequest, override_id: UUID) -> HttpResponse:
    override = override_for(user=acting_user(request), override_id=override_id)
    if override is None:
        raise Http404("No such override request.")
    form = OverrideDecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        override_decide(
            actor=acting_user(request),
            override=override,
            grant=form.cleaned_data["decision"] == "grant",
            justification=form.cleaned_data["justification"],
        )
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, "Not decided: " + " ".join(error.messages))
    else:
        messages.success(request, "Decision recorded; oversight will see it.")
    return redirect("removals:supervision")
