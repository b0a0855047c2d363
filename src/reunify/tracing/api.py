"""Tracing over the API: cases (list, open, read), attempts, parent-child contact, the
reunification plan with its parole milestones and referrals, the reunification itself,
and the dashboard's figures. Reads are for the roles that read tracing; writes call the
same services as the pages."""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status

from reunify.accounts.models import User
from reunify.accounts.roles import TRACERS, TRACING_CONTACT_RECORDERS, TRACING_READERS
from reunify.api.auth import caller, only
from reunify.api.errors import READ_ERRORS, WRITE_ERRORS
from reunify.api.pagination import page_of
from reunify.api.references import actor_ref, person_or_404, person_ref
from reunify.families.selectors import family_unit_for
from reunify.tracing import services
from reunify.tracing.api_schemas import (
    TracingAttemptIn,
    TracingCaseDetailOut,
    TracingCaseOpenIn,
    TracingCasePage,
    TracingCaseQuery,
    TracingContactIn,
    TracingFiguresOut,
    TracingParoleIn,
    TracingPlanIn,
    TracingReferralIn,
    TracingReunificationIn,
)
from reunify.tracing.figures import tracing_figures
from reunify.tracing.models import ReunificationPlan, TracingCase
from reunify.tracing.selectors import (
    QueueFilter,
    attempts_of,
    case_for,
    cases_visible_to,
    details_of,
    queue_for,
)

router = Router(tags=["tracing"])
READ = only(TRACING_READERS, action="read tracing cases")


def _whereabouts(case: TracingCase) -> str:
    custody = case.parent_custody
    return "unknown" if not custody else "removed" if custody == "REMOVED" else "in_country"


def _case(case: TracingCase) -> dict[str, Any]:
    return {
        "id": case.pk,
        "child": person_ref(case.child),
        "parent": person_ref(case.parent),
        "family_unit_id": case.family_unit_id,
        "state": case.state,
        "no_contact_info": case.no_contact_info,
        "parent_whereabouts": _whereabouts(case),
        "parent_country": case.parent_country,
        "assigned_to": actor_ref(case.assigned_to),
        "assigned_organisation": case.assigned_organisation,
        "next_action": case.next_action,
        "next_action_due": case.next_action_due,
        "opened_at": case.created_at,
        "search_started_at": case.search_started_at,
        "last_attempt_at": case.last_attempt_at,
        "closed_at": case.closed_at,
        "reunion_id": case.reunion_id,
    }


def _plan(plan: ReunificationPlan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "setting": plan.setting, "method": plan.method, "place": plan.place,
        "planned_for": plan.planned_for, "notes": plan.notes,
        "parole_steps": [
            {"milestone": s.milestone, "reached_on": s.reached_on, "notes": s.notes}
            for s in plan.parole_steps.all()
        ],
        "referrals": [
            {"service": r.service, "provider": r.provider, "referred_on": r.referred_on,
             "notes": r.notes}
            for r in plan.referrals.all()
        ],
    }  # fmt: skip


def _case_detail(user: User, case_id: UUID) -> dict[str, Any]:
    case = _case_or_404(user, case_id)
    return {
        **_case(case),
        "contact_details": [
            {"kind": d.kind, "value": d.value, "dead": d.dead, "dead_at": d.dead_at,
             "dead_reason": d.dead_reason}
            for d in details_of(case)
        ],
        "attempts": [
            {"id": a.pk, "channel": a.channel, "attempted_at": a.attempted_at,
             "outcome": a.outcome, "detail": a.detail.value if a.detail else "",
             "made_by": a.made_by, "partner_organisation": a.partner_organisation,
             "notes": a.notes, "recorded_by": actor_ref(a.recorded_by)}
            for a in attempts_of(case)
        ],
        "contacts": [
            {"id": c.pk, "kind": c.kind, "happened_at": c.happened_at, "minutes": c.minutes,
             "notes": c.notes}
            for c in case.contacts.all()
        ],
        "plan": _plan(ReunificationPlan.objects.filter(case=case).first()),
    }  # fmt: skip


def _case_or_404(user: User, case_id: UUID) -> TracingCase:
    case = case_for(user=user, case_id=case_id)
    if case is None:
        raise Http404("No such tracing case.")
    return case


def _plan_or_404(case: TracingCase) -> ReunificationPlan:
    plan = ReunificationPlan.objects.filter(case=case).first()
    if plan is None:
        raise Http404("This case has no reunification plan yet.")
    return plan


@router.get(
    "/tracing/cases",
    auth=READ,
    response={200: TracingCasePage, **READ_ERRORS},
    summary="The tracing work queue, most urgent first",
)
def list_cases(request: HttpRequest, query: Query[TracingCaseQuery]) -> dict[str, Any]:
    asked = QueueFilter(
        state=query.state, nationality=query.nationality.upper(),
        parent_country=query.parent_country.upper(), whereabouts=query.whereabouts,
        last_attempt=query.last_attempt, due=query.due, assigned=query.assigned.strip(),
        no_contact_info=query.no_contact_info,
    )  # fmt: skip
    page = page_of(queue_for(user=caller(request), asked=asked), query)
    page["items"] = [_case(case) for case in page["items"]]
    return page


@router.post(
    "/tracing/cases",
    auth=only(TRACERS, action="open tracing cases"),
    response={201: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Open a tracing case on demand: a child of a family unit seeks a parent",
)
def open_case(request: HttpRequest, payload: TracingCaseOpenIn) -> Status[dict[str, Any]]:
    user = caller(request)
    unit = family_unit_for(user=user, family_unit_id=payload.family_unit_id)
    if unit is None:
        raise Http404("No such family unit.")
    case = services.tracing_case_open(
        actor=user,
        child=person_or_404(user=user, person_id=payload.child_id),
        parent=person_or_404(user=user, person_id=payload.parent_id),
        family_unit=unit,
    )
    return Status(201, _case_detail(user, case.pk))


@router.get(
    "/tracing/cases/{case_id}",
    auth=READ,
    response={200: TracingCaseDetailOut, **READ_ERRORS},
    summary="One tracing case with its attempts, contacts and reunification plan",
)
def get_case(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    return _case_detail(caller(request), case_id)


@router.post(
    "/tracing/cases/{case_id}/attempts",
    auth=only(TRACERS, action="record contact attempts"),
    response={201: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Record an attempt to reach the parent (numbers kept in E.164)",
)
def record_attempt(
    request: HttpRequest, case_id: UUID, payload: TracingAttemptIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    services.contact_attempt_record(
        actor=user, case=_case_or_404(user, case_id), channel=payload.channel,
        attempted_at=payload.attempted_at, outcome=payload.outcome, detail_text=payload.detail,
        detail_kind=payload.detail_kind, country=payload.country.upper(),
        made_by=payload.made_by, partner_organisation=payload.partner_organisation,
        notes=payload.notes, retry_dead=payload.retry_dead,
    )  # fmt: skip
    return Status(201, _case_detail(user, case_id))


@router.post(
    "/tracing/cases/{case_id}/contacts",
    auth=only(TRACING_CONTACT_RECORDERS, action="log parent-child contact"),
    response={201: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Log a call or visit between the separated parent and child",
)
def record_contact(
    request: HttpRequest, case_id: UUID, payload: TracingContactIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    case = _case_or_404(user, case_id)
    missing = {name: ["This field is required."]
               for name in ("kind", "happened_at") if not getattr(payload, name)}  # fmt: skip
    if missing or payload.happened_at is None:
        raise ValidationError(missing)
    services.parent_child_contact_record(
        actor=user, case=case, kind=payload.kind, happened_at=payload.happened_at,
        minutes=payload.minutes, notes=payload.notes,
    )  # fmt: skip
    return Status(201, _case_detail(user, case_id))


@router.put(
    "/tracing/cases/{case_id}/reunification-plan",
    auth=only(TRACERS, action="plan reunifications"),
    response={200: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Plan (or re-plan) how and where the family comes together",
)
def plan_reunification(
    request: HttpRequest, case_id: UUID, payload: TracingPlanIn
) -> dict[str, Any]:
    user = caller(request)
    services.reunification_plan(
        actor=user, case=_case_or_404(user, case_id), setting=payload.setting,
        method=payload.method, place=payload.place, planned_for=payload.planned_for,
        notes=payload.notes,
    )  # fmt: skip
    return _case_detail(user, case_id)


@router.post(
    "/tracing/cases/{case_id}/parole-steps",
    auth=only(TRACERS, action="record parole milestones"),
    response={201: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Record a milestone of a removed parent's parole application",
)
def record_parole_step(
    request: HttpRequest, case_id: UUID, payload: TracingParoleIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    services.parole_step_record(
        actor=user, plan=_plan_or_404(_case_or_404(user, case_id)),
        milestone=payload.milestone, reached_on=payload.reached_on, notes=payload.notes,
    )  # fmt: skip
    return Status(201, _case_detail(user, case_id))


@router.post(
    "/tracing/cases/{case_id}/referrals",
    auth=only(TRACERS, action="refer families to services"),
    response={201: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Refer the family to a service (behavioural health, housing, medical, legal)",
)
def record_referral(
    request: HttpRequest, case_id: UUID, payload: TracingReferralIn
) -> Status[dict[str, Any]]:
    user = caller(request)
    services.service_referral_record(
        actor=user, plan=_plan_or_404(_case_or_404(user, case_id)), service=payload.service,
        provider=payload.provider, referred_on=payload.referred_on, notes=payload.notes,
    )  # fmt: skip
    return Status(201, _case_detail(user, case_id))


@router.post(
    "/tracing/cases/{case_id}/reunification",
    auth=only(TRACERS, action="record reunifications"),
    response={200: TracingCaseDetailOut, **WRITE_ERRORS},
    summary="Record the reunification as planned; the case closes",
)
def record_reunification(
    request: HttpRequest, case_id: UUID, payload: TracingReunificationIn
) -> dict[str, Any]:
    user = caller(request)
    services.reunification_record(
        actor=user, case=_case_or_404(user, case_id), reunited_at=payload.reunited_at,
        place=payload.place,
    )  # fmt: skip
    return _case_detail(user, case_id)


@router.get(
    "/tracing/figures",
    auth=only(TRACING_READERS, action="read the tracing dashboard"),
    response={200: TracingFiguresOut, **READ_ERRORS},
    summary="The tracing dashboard's figures, with definitions and an as-of moment",
)
def figures(request: HttpRequest) -> dict[str, Any]:
    return tracing_figures(cases_visible_to(user=caller(request)))
