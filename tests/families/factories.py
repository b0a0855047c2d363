"""Build family records through the real services, the way users make them."""

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from reunify.accounts.models import User
from reunify.audit.models import HistoryEntry
from reunify.families.choices import MemberRole, ReunionMethod, ReunionSetting, SeparationReason
from reunify.families.models import (
    CustodyEpisode,
    Facility,
    FamilyUnit,
    Membership,
    Person,
    PersonIdentifier,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.families.services import (
    NewMember,
    PersonDetails,
    custody_move,
    family_unit_create_at_apprehension,
    reunion_record,
    separation_record,
)
from tests.conftest import at


def mother_and_daughter(
    *, actor: User, station: Facility, apprehended_at: datetime
) -> tuple[FamilyUnit, Person, Person]:
    """A K'iche'-speaking mother and her 7-year-old daughter, apprehended together."""
    unit = family_unit_create_at_apprehension(
        actor=actor,
        apprehended_at=apprehended_at,
        station=station,
        apprehension_event_id="EV-2018-0001",
        members=[
            NewMember(
                PersonDetails(
                    given_names="María Ixchel",
                    first_surname="Xiloj",
                    second_surname="Tzoc",
                    sex="F",
                    birth_date=date(1990, 3, 14),
                    citizenship="GT",
                    languages=("quc", "spa"),
                    identifiers=(("A_NUMBER", "A 212-345-678"),),
                ),
                role=MemberRole.PARENT,
            ),
            NewMember(
                PersonDetails(
                    given_names="Ana",
                    first_surname="López",
                    second_surname="Xiloj",
                    sex="F",
                    birth_date=date(2011, 2, 1),
                    citizenship="GT",
                    languages=("quc",),
                ),
                role=MemberRole.CHILD,
            ),
        ],
    )
    mother = unit.memberships.get(role=MemberRole.PARENT).person
    child = unit.memberships.get(role=MemberRole.CHILD).person
    return unit, mother, child


def separate(
    *, actor: User, unit: FamilyUnit, parent: Person, child: Person, at: datetime
) -> Separation:
    return separation_record(
        actor=actor,
        family_unit=unit,
        parent=parent,
        child=child,
        separated_at=at,
        reason=SeparationReason.PARENT_PROSECUTED,
    )


# --- People and families beyond the first pair --------------------------------------------


def mother_details(**changes: Any) -> PersonDetails:
    """The K'iche'-speaking mother of `mother_and_daughter`, with any field changed."""
    details = PersonDetails(
        given_names="María Ixchel",
        first_surname="Xiloj",
        second_surname="Tzoc",
        sex="F",
        birth_date=date(1990, 3, 14),
        citizenship="GT",
        languages=("quc", "spa"),
        identifiers=(("A_NUMBER", "A 212-345-678"),),
    )
    return replace(details, **changes)


def child_details(**changes: Any) -> PersonDetails:
    """A Guatemalan girl, 7 at an apprehension in 2018, with any field changed."""
    details = PersonDetails(
        given_names="Ana",
        first_surname="López",
        second_surname="Xiloj",
        sex="F",
        birth_date=date(2011, 2, 1),
        citizenship="GT",
        languages=("quc",),
    )
    return replace(details, **changes)


def mother_and_two_children(
    *, actor: User, station: Facility, apprehended_at: datetime
) -> tuple[FamilyUnit, Person, Person, Person]:
    """A mother, her daughter Ana (7) and her son Luis (4), apprehended together."""
    unit = family_unit_create_at_apprehension(
        actor=actor,
        apprehended_at=apprehended_at,
        station=station,
        members=[
            NewMember(mother_details(), role=MemberRole.PARENT),
            NewMember(child_details(), role=MemberRole.CHILD),
            NewMember(
                child_details(given_names="Luis", sex="M", birth_date=date(2014, 6, 9)),
                role=MemberRole.CHILD,
            ),
        ],
    )
    mother = unit.memberships.get(role=MemberRole.PARENT).person
    daughter = unit.memberships.get(person__given_names="Ana").person
    son = unit.memberships.get(person__given_names="Luis").person
    return unit, mother, daughter, son


def aunt_and_nephew(
    *, actor: User, station: Facility, apprehended_at: datetime
) -> tuple[FamilyUnit, Person, Person]:
    """An aunt travelling with her nephew: family, but not his parent."""
    unit = family_unit_create_at_apprehension(
        actor=actor,
        apprehended_at=apprehended_at,
        station=station,
        members=[
            NewMember(
                mother_details(given_names="Rosa", identifiers=()),
                role=MemberRole.OTHER_RELATIVE,
            ),
            NewMember(child_details(given_names="Mateo", sex="M"), role=MemberRole.CHILD),
        ],
    )
    aunt = unit.memberships.get(role=MemberRole.OTHER_RELATIVE).person
    nephew = unit.memberships.get(role=MemberRole.CHILD).person
    return unit, aunt, nephew


def move(*, actor: User, person: Person, to: Facility, at: datetime) -> CustodyEpisode:
    """Move a person into a facility's custody."""
    return custody_move(actor=actor, person=person, kind=to.kind, facility=to, moved_at=at)


def reunite(
    *, actor: User, unit: FamilyUnit, separations: list[Separation], at: datetime
) -> Reunion:
    return reunion_record(
        actor=actor,
        family_unit=unit,
        separations=separations,
        reunited_at=at,
        setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.RELEASE_TO_PARENT,
        place="Brownsville, TX",
    )


def history(action: str | None = None) -> list[HistoryEntry]:
    """History entries in the order they were written, optionally of one action."""
    entries = HistoryEntry.objects.order_by("at", "id")
    return list(entries.filter(action=action) if action else entries)


def counts() -> dict[str, int]:
    """How many rows each family record and the history hold, to show nothing changed."""
    return {
        model.__name__: model.objects.count()
        for model in (
            FamilyUnit,
            Person,
            PersonLanguage,
            PersonIdentifier,
            Membership,
            CustodyEpisode,
            Separation,
            Reunion,
            HistoryEntry,
        )
    }


def mother_and_daughter_held_apart(
    *, actor: User, station: Facility, detention: Facility, shelter: Facility
) -> tuple[FamilyUnit, Person, Person]:
    """Mother and daughter apprehended 2018-05-01, separated the next day: the mother
    detained at `detention`, the daughter in `shelter`."""
    unit, mother, daughter = mother_and_daughter(
        actor=actor, station=station, apprehended_at=at("2018-05-01")
    )
    separate(actor=actor, unit=unit, parent=mother, child=daughter, at=at("2018-05-02"))
    move(actor=actor, person=mother, to=detention, at=at("2018-05-02", 14))
    move(actor=actor, person=daughter, to=shelter, at=at("2018-05-03"))
    return unit, mother, daughter
