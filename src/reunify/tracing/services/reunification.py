"""Planning a traced family's reunification, the parole application's milestones, the
services the family is referred to, and the reunification that closes the case.

The reunion itself is recorded by the families app's `reunion_record`, which closes the
separations; this closes the tracing case with it, in the same transaction.
"""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import TRACERS
from reunify.audit.history import record_change
from reunify.families.choices import PARENTAL_ROLES, ReunionMethod
from reunify.families.errors import raise_if_any
from reunify.families.locking import lock_people
from reunify.families.models import Membership, Separation
from reunify.families.rules import Problem, length_problems
from reunify.families.services import reunion_record
from reunify.tracing.choices import ParoleMilestone
from reunify.tracing.models import ParoleStep, ReunificationPlan, ServiceReferral, TracingCase
from reunify.tracing.rules import parole_problems, plan_problems, referral_problems
from reunify.tracing.services.cases import case_move, locked, reunion_close
from reunify.tracing.transitions import TracingState


def parent_in_unit_problems(case: TracingCase) -> list[Problem]:
    if Membership.objects.filter(
        family_unit_id=case.family_unit_id, person_id=case.parent_id, role__in=PARENTAL_ROLES
    ).exists():
        return []
    return [
        Problem(
            "parent",
            f"{case.parent} is not recorded as a parent or guardian in family unit "
            f"{case.family_unit.reference}: record the relationship before reuniting them.",
        )
    ]


def _audit(actor: User, case: TracingCase, action: str, changes: dict[str, object]) -> None:
    record_change(
        actor=actor,
        action=action,
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=case.family_unit_id,
        person_ids=[case.child_id, case.parent_id],
        changes=changes,
    )


@transaction.atomic
def reunification_plan(
    *,
    actor: User,
    case: TracingCase,
    setting: str,
    method: str,
    place: str = "",
    planned_for: date | None = None,
    notes: str = "",
) -> ReunificationPlan:
    """Plan (or re-plan) how the family comes together; the case is then planned."""
    require_role(actor, TRACERS, action="plan reunifications")
    case = locked(case)
    problems = plan_problems(setting=setting, method=method, planned_for=planned_for)
    problems += length_problems("place", place, limit=200)
    problems += length_problems("notes", notes, limit=8000)
    problems += parent_in_unit_problems(case)
    raise_if_any(problems)
    plan, created = ReunificationPlan.objects.update_or_create(
        case=case,
        defaults={
            "setting": setting,
            "method": method,
            "place": place.strip(),
            "planned_for": planned_for,
            "planned_by": actor,
            "notes": notes.strip(),
        },
    )
    if case.state != TracingState.REUNIFICATION_PLANNED:
        case_move(actor=actor, case=case, to=TracingState.REUNIFICATION_PLANNED)
    _audit(
        actor,
        case,
        "tracing.reunification_planned",
        {"plan": plan.pk, "setting": setting, "method": method, "place": plan.place,
         "planned_for": planned_for, "replanned": not created},
    )  # fmt: skip
    return plan


def _open_plan(plan: ReunificationPlan) -> tuple[ReunificationPlan, TracingCase]:
    case = locked(plan.case)
    if case.is_closed:
        raise_if_any([Problem("case", "The case is closed; its plan is history now.")])
    return ReunificationPlan.objects.get(pk=plan.pk), case


@transaction.atomic
def parole_step_record(
    *, actor: User, plan: ReunificationPlan, milestone: str, reached_on: date, notes: str = ""
) -> ParoleStep:
    require_role(actor, TRACERS, action="record parole milestones")
    plan, case = _open_plan(plan)
    problems = parole_problems(
        milestone=milestone, reached_on=reached_on, today=timezone.localdate(), method=plan.method
    )
    if ParoleStep.objects.filter(plan=plan, milestone=milestone).exists():
        problems.append(Problem("milestone", "This milestone is recorded already."))
    problems += length_problems("notes", notes, limit=8000)
    raise_if_any(problems)
    step = ParoleStep.objects.create(
        plan=plan, milestone=milestone, reached_on=reached_on, recorded_by=actor, notes=notes
    )
    _audit(
        actor,
        case,
        "tracing.parole_step_recorded",
        {"milestone": milestone, "reached_on": reached_on},
    )
    return step


@transaction.atomic
def service_referral_record(
    *,
    actor: User,
    plan: ReunificationPlan,
    service: str,
    provider: str,
    referred_on: date,
    notes: str = "",
) -> ServiceReferral:
    require_role(actor, TRACERS, action="refer families to services")
    plan, case = _open_plan(plan)
    problems = referral_problems(
        service=service, provider=provider, referred_on=referred_on, today=timezone.localdate()
    )
    problems += length_problems("provider", provider, limit=200)
    problems += length_problems("notes", notes, limit=8000)
    raise_if_any(problems)
    referral = ServiceReferral.objects.create(
        plan=plan,
        service=service,
        provider=provider.strip(),
        referred_on=referred_on,
        recorded_by=actor,
        notes=notes.strip(),
    )
    _audit(
        actor,
        case,
        "tracing.service_referral_recorded",
        {"service": service, "provider": referral.provider, "referred_on": referred_on},
    )
    return referral


@transaction.atomic
def reunification_record(
    *, actor: User, case: TracingCase, reunited_at: datetime, place: str = ""
) -> TracingCase:
    """The family is together: record the reunion as planned and close the case.

    Refused for a parent not recorded in the child's family unit, for a parole that was
    not granted, and for a case with no open separation of this parent and child."""
    require_role(actor, TRACERS, action="record reunifications")
    # The parent's row before the case's: `reunion_record` locks the parent, and a custody
    # move (which locks the parent, then updates their cases) must not meet this
    # transaction holding the case and waiting for the parent.
    lock_people([case.parent_id])
    case = locked(case)
    plan = ReunificationPlan.objects.filter(case=case).first()
    problems = parent_in_unit_problems(case)
    if case.is_closed:
        problems.append(Problem("case", "The case is closed already."))
    elif plan is None:
        problems.append(Problem("case", "Plan the reunification first: where, and how."))
    elif (
        plan.method == ReunionMethod.PAROLE_OF_REMOVED_PARENT
        and not plan.parole_steps.filter(milestone=ParoleMilestone.GRANTED).exists()
    ):
        problems.append(Problem("reunited_at", "The parent's parole is not recorded as granted."))
    separations = list(
        Separation.objects.filter(
            family_unit_id=case.family_unit_id,
            parent_id=case.parent_id,
            child_id=case.child_id,
            reunion__isnull=True,
        )
    )
    if not problems and not separations:
        problems.append(Problem("case", "No open separation of this parent and child is recorded."))
    raise_if_any(problems)
    assert plan is not None
    reunion = reunion_record(
        actor=actor,
        family_unit=case.family_unit,
        separations=separations,
        reunited_at=reunited_at,
        setting=plan.setting,
        method=plan.method,
        place=(place or plan.place).strip(),
    )
    return reunion_close(actor=actor, case=case, reunion=reunion)


__all__ = [
    "parole_step_record",
    "reunification_plan",
    "reunification_record",
    "service_referral_record",
]
