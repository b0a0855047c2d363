"""Tracing cases built through the real services, the way the tracing team makes them."""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import CustodyKind
from reunify.families.models import Facility, FamilyUnit, Person
from reunify.families.services import custody_move
from reunify.tracing.choices import Channel, Outcome
from reunify.tracing.models import TracingCase
from reunify.tracing.services import (
    contact_attempt_record,
    tracing_cases_open_for_separated_children,
)
from tests.elections.factories import days_ago, kiche_mother_with_children


@dataclass
class RemovedMother:
    unit: FamilyUnit
    mother: Person
    son: Person
    case: TracingCase


def removed_mother_and_son(
    *, officer: User, tracer: User, station: Facility, children: tuple[str, ...] = ("Tomás",)
) -> RemovedMother:
    """A K'iche' mother separated from her son 19 days ago and removed to Guatemala 10
    days ago, and the tracing case opened for him."""
    unit, mother, kids = kiche_mother_with_children(
        actor=officer, station=station, children=children
    )
    custody_move(
        actor=officer, person=mother, kind=CustodyKind.REMOVED, moved_at=days_ago(10), country="GT"
    )
    tracing_cases_open_for_separated_children(actor=tracer)
    case = TracingCase.objects.get(child=kids[0], parent=mother)
    return RemovedMother(unit=unit, mother=mother, son=kids[0], case=case)


def reach(*, tracer: User, case: TracingCase, number: str = "+502 5123 4567") -> TracingCase:
    """A phone call that reached the parent: the case is in contact afterwards."""
    contact_attempt_record(
        actor=tracer,
        case=case,
        channel=Channel.PHONE,
        attempted_at=timezone.now(),
        outcome=Outcome.REACHED,
        detail_text=number,
    )
    case.refresh_from_db()
    return case


CastMember = Callable[[str], User]


def tracing_case_of(child: Person) -> UUID:
    """The id of the open case for a separated child, opened (by the system) if need be."""
    tracing_cases_open_for_separated_children(actor=None)
    return TracingCase.objects.get(child=child, closed_at__isnull=True).pk
