"""Opening tracing cases, assigning them, and moving them between states.

Every state change goes through `case_step`, which asks the pure state machine
(`tracing.transitions`); `case_move` saves the case and writes the history entry, and
the other services call it. The sweep (`case_sweep`) opens and closes cases in bulk
with the same steps and the same entries (`case_opened`, `state_changed`).
"""

from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import TRACERS
from reunify.audit.history import record_change
from reunify.elections.facts import judge_election, latest_election_of
from reunify.families.choices import MemberRole, ReunionSetting
from reunify.families.errors import raise_if_any
from reunify.families.models import FamilyUnit, Membership, Person, Reunion, Separation
from reunify.families.rules import Problem, length_problems
from reunify.tracing.models import ContactDetail, TracingCase
from reunify.tracing.services.case_facts import case_facts_at_opening
from reunify.tracing.transitions import REUNIFIED, TracingState, is_closed, transition_refusal
from reunify.vocabulary import ElectionOption


def locked(case: TracingCase) -> TracingCase:
    """The case re-read under a row lock: two workers acting at once act one after the
    other, each on what the other committed."""
    return TracingCase.objects.select_for_update().get(pk=case.pk)


def case_step(
    case: TracingCase,
    to: TracingState,
    *,
    decision_is_valid: bool = False,
    decision_problems: tuple[str, ...] = (),
    reunion_on_record: bool = False,
) -> str:
    """Move `case` one step in memory, refusing in words what the state machine refuses;
    the state it was in. The caller saves it and writes the history entry."""
    refusal = transition_refusal(
        case.state,
        to,
        decision_is_valid=decision_is_valid,
        decision_problems=decision_problems,
        reunion_on_record=reunion_on_record,
    )
    if refusal:
        raise ValidationError({"state": [refusal]})
    was = case.state
    now = timezone.now()
    case.state = to
    if to == TracingState.SEARCHING and case.search_started_at is None:
        case.search_started_at = now
    if is_closed(to):
        case.closed_at = now
    return was


def case_move(
    *,
    actor: User | None,
    case: TracingCase,
    to: TracingState,
    why: str = "",
    decision_is_valid: bool = False,
    decision_problems: tuple[str, ...] = (),
    reunion_on_record: bool = False,
) -> TracingCase:
    """Move a locked case one step; refuse in words what the state machine refuses."""
    was = case_step(
        case,
        to,
        decision_is_valid=decision_is_valid,
        decision_problems=decision_problems,
        reunion_on_record=reunion_on_record,
    )
    case.save()
    record_change(actor=actor, **state_changed(case, was=was, why=why))
    return case


# What the history says of a case: `record_change`'s arguments but the actor, written as
# the entry stores them, so the sweep can append the same entries in bulk.
CaseChange = dict[str, Any]


def _about(*, case_id: UUID, family_unit_id: UUID, child_id: UUID, parent_id: UUID) -> CaseChange:
    return {
        "subject_type": "tracing_case",
        "subject_id": case_id,
        "family_unit_id": family_unit_id,
        "person_ids": [str(child_id), str(parent_id)],
    }


def state_changed(case: TracingCase, *, was: str, why: str) -> CaseChange:
    """The entry of a case moved from `was` to its state now."""
    about = _about(
        case_id=case.pk,
        family_unit_id=case.family_unit_id,
        child_id=case.child_id,
        parent_id=case.parent_id,
    )
    changes = {"from": str(was), "to": str(case.state), "why": why}
    return {"action": "tracing.state_changed", **about, "changes": changes}


def case_opened(
    *,
    case_id: UUID,
    family_unit_id: UUID,
    child_id: UUID,
    parent_id: UUID,
    separation_id: UUID | None,
    no_contact_info: bool,
) -> CaseChange:
    """The entry of a case that opened (given its values: the sweep writes rows, not
    model instances)."""
    about = _about(
        case_id=case_id, family_unit_id=family_unit_id, child_id=child_id, parent_id=parent_id
    )
    separation = None if separation_id is None else str(separation_id)
    changes = {"separation": separation, "no_contact_info": no_contact_info}
    return {"action": "tracing.case_opened", **about, "changes": changes}


def has_live_detail(person_id: UUID) -> bool:
    return ContactDetail.objects.filter(person_id=person_id, dead=False).exists()


def _create_case(
    *,
    actor: User | None,
    child: Person,
    parent: Person,
    family_unit: FamilyUnit,
    separation: Separation | None,
) -> TracingCase:
    case = TracingCase.objects.create(
        child=child,
        parent=parent,
        family_unit=family_unit,
        separation=separation,
        opened_by=actor,
        no_contact_info=not has_live_detail(parent.pk),
        **case_facts_at_opening(child=child, parent=parent, family_unit=family_unit),
    )
    opened = case_opened(
        case_id=case.pk,
        family_unit_id=family_unit.pk,
        child_id=child.pk,
        parent_id=parent.pk,
        separation_id=separation.pk if separation else None,
        no_contact_info=case.no_contact_info,
    )
    record_change(actor=actor, **opened)
    return case


@transaction.atomic
def tracing_case_open(
    *, actor: User, child: Person, parent: Person, family_unit: FamilyUnit
) -> TracingCase:
    """Open a case on demand: `child` of `family_unit` seeks `parent`.

    The parent need not be recorded in the unit yet (a parent a child reported in the
    shelter); a reunification needs them to be, and says so."""
    require_role(actor, TRACERS, action="open tracing cases")
    problems: list[Problem] = []
    if child.pk == parent.pk:
        problems.append(Problem("parent", "A child cannot be traced as their own parent."))
    if not Membership.objects.filter(
        family_unit=family_unit, person=child, role=MemberRole.CHILD
    ).exists():
        problems.append(Problem("child", f"{child} is not a child of {family_unit}."))
    if TracingCase.objects.filter(child=child, parent=parent, closed_at__isnull=True).exists():
        problems.append(Problem("parent", f"A case seeking {parent} for {child} is open already."))
    raise_if_any(problems)
    separation = (
        Separation.objects.filter(
            parent=parent, child=child, reunion__isnull=True, tracing_cases__isnull=True
        )
        .order_by("separated_at")
        .first()
    )
    return _create_case(
        actor=actor, child=child, parent=parent, family_unit=family_unit, separation=separation
    )


def tracing_case_open_for_separation(*, actor: User | None, separation: Separation) -> None:
    """The case a new separation opens, in the separation's own transaction: a child
    apart from a parent is traced from the moment they are apart (issue 6). Nothing
    happens when a case already seeks this parent for this child."""
    if TracingCase.objects.filter(
        child_id=separation.child_id, parent_id=separation.parent_id, closed_at__isnull=True
    ).exists():
        return
    _create_case(
        actor=actor,
        child=separation.child,
        parent=separation.parent,
        family_unit=separation.family_unit,
        separation=separation,
    )


def reunified_state(reunion: Reunion) -> TracingState:
    """The state a case closes in when `reunion` brings the child and parent together."""
    if reunion.setting == ReunionSetting.ABROAD:
        return TracingState.REUNIFIED_ABROAD
    return TracingState.REUNIFIED_IN_COUNTRY


def reunion_why(reunion: Reunion) -> str:
    return f"reunion {reunion.pk}"


def reunion_close(*, actor: User | None, case: TracingCase, reunion: Reunion) -> TracingCase:
    """Close a locked case with the reunion that brought the child and parent together."""
    to = reunified_state(reunion)
    assert to in REUNIFIED
    case.reunion = reunion
    return case_move(
        actor=actor, case=case, to=to, why=reunion_why(reunion), reunion_on_record=True
    )


@transaction.atomic
def tracing_case_assign(
    *,
    actor: User,
    case: TracingCase,
    assigned_to: User | None,
    organisation: str = "",
    next_action: str = "",
    next_action_due: date | None = None,
) -> TracingCase:
    require_role(actor, TRACERS, action="assign tracing cases")
    case = locked(case)
    problems = length_problems("organisation", organisation, limit=200)
    problems += length_problems("next_action", next_action, limit=300)
    if case.is_closed:
        problems.append(Problem("assigned_to", "The case is closed; it needs no one now."))
    if assigned_to is not None and (not assigned_to.is_active or assigned_to.role not in TRACERS):
        problems.append(Problem("assigned_to", f"{assigned_to} is not on the tracing team."))
    raise_if_any(problems)
    case.assigned_to = assigned_to
    case.assigned_organisation = organisation.strip()
    case.next_action = next_action.strip()
    case.next_action_due = next_action_due
    case.save()
    record_change(
        actor=actor,
        action="tracing.case_assigned",
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=case.family_unit_id,
        person_ids=[case.child_id, case.parent_id],
        changes={
            "assigned_to": assigned_to,
            "organisation": case.assigned_organisation,
            "next_action": case.next_action,
            "next_action_due": next_action_due,
        },
    )
    return case


@transaction.atomic
def tracing_case_set_state(
    *, actor: User, case: TracingCase, to: str, why: str = ""
) -> TracingCase:
    """A worker's own move (parent located, lost again, back to contact). Reunification
    and declining have services of their own: they need more than a state."""
    require_role(actor, TRACERS, action="change tracing cases")
    case = locked(case)
    if to in REUNIFIED or to == TracingState.DECLINED:
        raise ValidationError(
            {"state": ["Record the reunification, or the parent's decision, to close a case."]}
        )
    if to == TracingState.REUNIFICATION_PLANNED:
        raise ValidationError({"state": ["Plan the reunification to move the case there."]})
    raise_if_any(length_problems("why", why, limit=2000))
    try:
        state = TracingState(to)
    except ValueError:
        raise ValidationError({"state": [f"{to!r} is not a tracing state."]}) from None
    return case_move(actor=actor, case=case, to=state, why=why.strip())


@transaction.atomic
def tracing_case_decline(*, actor: User, case: TracingCase) -> TracingCase:
    """Close the case because the parent decided, validly, that the child remain.

    Only the parent's latest election counts, judged by the same rules as the removal
    gate: written, signed, understood, counsel advised, waiver explicit, acknowledged."""
    require_role(actor, TRACERS, action="close tracing cases")
    case = locked(case)
    if case.is_closed:
        case_move(actor=actor, case=case, to=TracingState.DECLINED)  # refuses, in words
    election = latest_election_of(case.parent_id)
    problems: tuple[str, ...] = ()
    valid = False
    if election is not None:
        judged = judge_election(election, is_latest=True)
        problems = judged.words
        covered = case.child_id in {child.pk for child in judged.children}
        if election.option != ElectionOption.CHILDREN_REMAIN:
            problems = (*problems, "the parent's latest election is not that the child remain")
        elif not covered:
            problems = (*problems, f"the election does not name {case.child}")
        valid = judged.is_valid and election.option == ElectionOption.CHILDREN_REMAIN and covered
    if valid:
        case.declining_election = election
    return case_move(
        actor=actor,
        case=case,
        to=TracingState.DECLINED,
        why=f"election {election.pk}" if election else "",
        decision_is_valid=valid,
        decision_problems=tuple(problems),
    )
