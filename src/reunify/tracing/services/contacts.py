"""The calls and visits between a separated parent and child: court-ordered, so logged."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import TRACING_CONTACT_RECORDERS
from reunify.audit.history import record_change
from reunify.families.errors import raise_if_any
from reunify.families.rules import Problem, length_problems
from reunify.tracing.models import ParentChildContact, TracingCase
from reunify.tracing.rules import contact_problems
from reunify.tracing.services.cases import case_move, locked
from reunify.tracing.transitions import TracingState, forward_path


@transaction.atomic
def parent_child_contact_record(
    *,
    actor: User,
    case: TracingCase,
    kind: str,
    happened_at: datetime,
    minutes: int | None = None,
    notes: str = "",
) -> ParentChildContact:
    """Log a call or visit; a parent who spoke with their child is, by then, in contact."""
    require_role(actor, TRACING_CONTACT_RECORDERS, action="log parent-child contact")
    case = locked(case)
    problems = contact_problems(
        kind=kind, happened_at=happened_at, now=timezone.now(), minutes=minutes
    )
    problems += length_problems("notes", notes, limit=8000)
    if case.is_closed:
        problems.append(Problem("case", "The case is closed: the family is together."))
    raise_if_any(problems)
    contact = ParentChildContact.objects.create(
        case=case,
        kind=kind,
        happened_at=happened_at,
        minutes=minutes,
        recorded_by=actor,
        notes=notes.strip(),
    )
    record_change(
        actor=actor,
        action="tracing.parent_child_contact_recorded",
        subject_type="tracing_case",
        subject_id=case.pk,
        family_unit_id=case.family_unit_id,
        person_ids=[case.child_id, case.parent_id],
        changes={"contact": contact.pk, "kind": kind, "happened_at": happened_at,
                 "minutes": minutes},
    )  # fmt: skip
    for step in forward_path(case.state, TracingState.IN_CONTACT) or []:
        case_move(actor=actor, case=case, to=step, why=f"contact {contact.pk}")
    return contact
