"""Build family records through the real services, the way users make them."""

from datetime import date, datetime

from reunify.accounts.models import User
from reunify.families.choices import MemberRole, SeparationReason
from reunify.families.models import Facility, FamilyUnit, Person, Separation
from reunify.families.services import (
    NewMember,
    PersonDetails,
    family_unit_create_at_apprehension,
    separation_record,
)


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
