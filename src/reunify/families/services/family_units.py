"""Recording a family unit at apprehension and adding members to it."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import FAMILY_RECORDERS
from reunify.audit.history import record_change
from reunify.families.choices import CustodyKind, RelationshipEvidence
from reunify.families.errors import raise_if_any
from reunify.families.models import CustodyEpisode, Facility, FamilyUnit, Membership, Person
from reunify.families.rules import (
    Problem,
    event_time_problems,
    length_problems,
    membership_problems,
)
from reunify.families.services.people import (
    PersonDetails,
    person_create,
    person_details_problems,
    person_summary,
)

# No 0/O or 1/I/L: a reference is read aloud over the phone and copied by hand.
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class NewMember:
    details: PersonDetails
    role: str
    evidence: str = RelationshipEvidence.OFFICER_OBSERVATION


def new_family_reference() -> str:
    return "FU-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def _unused_reference() -> str:
    while True:
        reference = new_family_reference()
        if not FamilyUnit.objects.filter(reference=reference).exists():
            return reference


def _member_problems(members: list[NewMember], *, on: datetime) -> list[Problem]:
    problems: list[Problem] = []
    for index, member in enumerate(members):
        prefix = f"members.{index}." if len(members) > 1 else ""
        problems += person_details_problems(member.details, prefix=prefix)
        problems += [
            Problem(f"{prefix}{p.field}", p.message)
            for p in membership_problems(
                role=member.role, birth_date=member.details.birth_date, on=on.date()
            )
        ]
        if member.evidence not in RelationshipEvidence.values:
            problems.append(Problem(f"{prefix}evidence", f"Unknown evidence {member.evidence!r}."))
    return problems


def _add_member(
    *, actor: User, family_unit: FamilyUnit, member: NewMember, at_station_from: datetime | None
) -> Membership:
    """Store the person and their membership; with `at_station_from`, their station custody."""
    person = person_create(member.details)
    membership = Membership.objects.create(
        family_unit=family_unit, person=person, role=member.role, evidence=member.evidence
    )
    if at_station_from is not None and family_unit.station_id:
        CustodyEpisode.objects.create(
            person=person,
            kind=CustodyKind.BORDER_STATION,
            facility_id=family_unit.station_id,
            started_at=at_station_from,
            recorded_by=actor,
        )
    record_change(
        actor=actor,
        action="family.member_added",
        subject_type="membership",
        subject_id=membership.id,
        family_unit_id=family_unit.id,
        person_ids=[person.id],
        changes={"role": member.role, "evidence": member.evidence, **person_summary(person)},
    )
    return membership


@transaction.atomic
def family_unit_create_at_apprehension(
    *,
    actor: User,
    apprehended_at: datetime,
    station: Facility,
    members: list[NewMember],
    apprehension_event_id: str = "",
) -> FamilyUnit:
    """Record people apprehended together as a family unit, each in the station's custody."""
    require_role(actor, FAMILY_RECORDERS, action="record family units")
    problems = event_time_problems("apprehended_at", apprehended_at, now=timezone.now())
    if station.kind != CustodyKind.BORDER_STATION:
        problems.append(Problem("station", "Choose a border station."))
    if not members:
        problems.append(Problem("members", "A family unit needs at least one member."))
    problems += length_problems(
        "apprehension_event_id",
        apprehension_event_id,
        limit=FamilyUnit._meta.get_field("apprehension_event_id").max_length or 0,
    )
    problems += _member_problems(members, on=apprehended_at)
    raise_if_any(problems)

    family_unit = FamilyUnit.objects.create(
        reference=_unused_reference(),
        apprehension_event_id=apprehension_event_id.strip(),
        apprehended_at=apprehended_at,
        station=station,
        created_by=actor,
    )
    record_change(
        actor=actor,
        action="family.created",
        subject_type="family_unit",
        subject_id=family_unit.id,
        family_unit_id=family_unit.id,
        changes={
            "reference": family_unit.reference,
            "apprehended_at": apprehended_at,
            "station": station.name,
        },
    )
    for member in members:
        _add_member(
            actor=actor, family_unit=family_unit, member=member, at_station_from=apprehended_at
        )
    return family_unit


@transaction.atomic
def membership_add(*, actor: User, family_unit: FamilyUnit, member: NewMember) -> Membership:
    """Add a newly recorded person to a family unit (custody is recorded separately)."""
    require_role(actor, FAMILY_RECORDERS, action="add family members")
    raise_if_any(_member_problems([member], on=timezone.now()))
    # A member added later did not necessarily pass through the station with the unit,
    # so their custody is recorded by a custody move, not assumed.
    return _add_member(actor=actor, family_unit=family_unit, member=member, at_station_from=None)


def member_role(family_unit: FamilyUnit, person: Person) -> str | None:
    return (
        Membership.objects.filter(family_unit=family_unit, person=person)
        .values_list("role", flat=True)
        .first()
    )
