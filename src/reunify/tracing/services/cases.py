"""Opening tracing cases, assigning them, and moving them between states.

Every state change goes through `case_move`, which asks the pure state machine
(`tracing.transitions`) and writes the history entry; the other services call it.
"""

from datetime import date
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
from reunify.tracing.services.case_facts import (
    case_facts_at_opening,
    tracing_cases_refresh_denormalised,
)
from reunify.tracing.transitions import REUNIFIED, TracingState, is_closed, transition_refusal
from reunify.vocabulary import ElectionOption


def locked(case: TracingCase) -> TracingCase:
    """The case re-read under a row lock: two workers acting at once act one after the
    other, each on what the other committed."""
    return TracingCase.objects.select_for_update().get(pk=case.pk)


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
    case.save()
    record_change(
        actor=actor,
        action="tracing.state_changed",
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=case.family_unit_id,
        person_ids=[case.child_id, case.parent_id],
        changes={"from": was, "to": to, "why": why},
    )
    return case


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
    record_change(
        actor=actor,
        action="tracing.case_opened",
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=family_unit.pk,
        person_ids=[child.pk, parent.pk],
        changes={"separation": separation, "no_contact_info": case.no_contact_info},
    )
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


@transaction.atomic
def tracing_cases_open_for_separated_children(*, actor: User | None) -> dict[str, int]:
    """A case for every open separation that has none, every open case whose separation
    a reunion has closed (recorded elsewhere) closed as reunified, and every case's kept
    facts brought in line with their tables (a bulk write, such as a linkage run, may
    have changed them). Running it again changes nothing. `actor` None is the system
    (the command line, a schedule)."""
    if actor is not None:
        require_role(actor, TRACERS, action="open tracing cases")
    opened = 0
    untraced = (
        Separation.objects.filter(reunion__isnull=True, tracing_cases__isnull=True)
        .select_related("parent", "child", "family_unit__station")
        .order_by("separated_at", "pk")
    )
    for separation in untraced:
        if TracingCase.objects.filter(
            child=separation.child, parent=separation.parent, closed_at__isnull=True
        ).exists():
            continue  # already sought on demand for this child
        _create_case(
            actor=actor,
            child=separation.child,
            parent=separation.parent,
            family_unit=separation.family_unit,
            separation=separation,
        )
        opened += 1
    settled = 0
    reunited = (
        TracingCase.objects.select_for_update(of=("self",))
        .filter(closed_at__isnull=True, separation__reunion__isnull=False)
        .select_related("separation__reunion")
    )
    for case in reunited:
        assert case.separation is not None
        assert case.separation.reunion is not None
        reunion_close(actor=actor, case=case, reunion=case.separation.reunion)
        settled += 1
    refreshed = tracing_cases_refresh_denormalised()
    return {"opened": opened, "closed_as_reunified": settled, "facts_refreshed": refreshed}


def reunion_close(*, actor: User | None, case: TracingCase, reunion: Reunion) -> TracingCase:
    """Close a locked case with the reunion that brought the child and parent together."""
    to = (
        TracingState.REUNIFIED_ABROAD
        if reunion.setting == ReunionSetting.ABROAD
        else TracingState.REUNIFIED_IN_COUNTRY
    )
    assert to in REUNIFIED
    case.reunion = reunion
    return case_move(
        actor=actor, case=case, to=to, why=f"reunion {reunion.pk}", reunion_on_record=True
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
