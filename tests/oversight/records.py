"""Historical records of removed parents, written straight into the tables the report
reads, the way an import of agency extracts leaves them.

The cast: parents called by their given name (Ana, Berta, …), each with one child
separated on `SEPARATED`, held at a detention facility and removed on the day given.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reunify.elections.models import Election
from reunify.families.choices import CustodyKind, MemberRole, RelationshipEvidence
from reunify.families.models import (
    CustodyEpisode,
    Facility,
    FamilyUnit,
    Membership,
    Person,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.vocabulary import (
    CounselChoice,
    ElectionForm,
    ElectionOption,
    ElectionOrigin,
    ReunionMethod,
    ReunionSetting,
    SeparationReason,
    SignatureKind,
)

APPREHENDED = datetime(2018, 5, 1, 12, tzinfo=UTC)
SEPARATED = datetime(2018, 5, 2, 12, tzinfo=UTC)


def day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(hour=12, tzinfo=UTC)


@dataclass
class Family:
    unit: FamilyUnit
    parent: Person
    child: Person
    separation: Separation


def removed_parent(
    name: str,
    *,
    removed: str = "2018-08-01",
    country: str = "GT",
    citizenship: str = "GT",
    facility: str = "Port Isabel Service Processing Center",
    languages: tuple[str, ...] = ("spa",),
    child_removed_too: bool = False,
) -> Family:
    """A parent separated from one child, held at `facility`, removed on `removed`."""
    unit = FamilyUnit.objects.create(reference=f"T-{name[:8].upper()}", apprehended_at=APPREHENDED)
    parent = Person.objects.create(
        given_names=name, first_surname="López", citizenship=citizenship, name_search=f" {name}"
    )
    child = Person.objects.create(
        given_names=f"{name}'s child", first_surname="López", citizenship=citizenship
    )
    for index, code in enumerate(languages):
        PersonLanguage.objects.create(person=parent, code=code, is_primary=index == 0)
    for person, role in ((parent, MemberRole.PARENT), (child, MemberRole.CHILD)):
        Membership.objects.create(
            family_unit=unit,
            person=person,
            role=role,
            evidence=RelationshipEvidence.OFFICER_OBSERVATION,
        )
    separation = Separation.objects.create(
        family_unit=unit,
        parent=parent,
        child=child,
        separated_at=SEPARATED,
        reason=SeparationReason.PARENT_PROSECUTED,
        authoriser_name="Watch commander",
    )
    held, _ = Facility.objects.get_or_create(name=facility, kind=CustodyKind.DETENTION_FACILITY)
    removed_at = day(removed)
    CustodyEpisode.objects.create(
        person=parent,
        kind=CustodyKind.DETENTION_FACILITY,
        facility=held,
        started_at=SEPARATED,
        ended_at=removed_at,
    )
    CustodyEpisode.objects.create(
        person=parent, kind=CustodyKind.REMOVED, country=country, started_at=removed_at
    )
    if child_removed_too:
        CustodyEpisode.objects.create(
            person=child, kind=CustodyKind.REMOVED, country=country, started_at=removed_at
        )
    return Family(unit, parent, child, separation)


def extract_election(
    family: Family,
    *,
    made: str = "2018-07-20",
    option: ElectionOption = ElectionOption.CHILDREN_REMAIN,
    form: ElectionForm = ElectionForm.SIGNED,
    notice_language: str = "spa",
    counsel_advised: bool = True,
    row: str | None = None,
) -> Election:
    """An election as a historical `ice` row gives it: no acknowledgment, waiver or names."""
    made_at = day(made)
    signed = form is ElectionForm.SIGNED
    return Election.objects.create(
        parent=family.parent,
        option=option,
        form=form,
        made_at=made_at,
        more_time_until=(made_at + timedelta(days=30)).date()
        if option is ElectionOption.MORE_TIME
        else None,
        signature=SignatureKind.SIGNATURE if signed else "",
        signed_on=made_at.date() if signed else None,
        notice_language=notice_language,
        counsel_advised=counsel_advised,
        counsel=CounselChoice.UNKNOWN,  # an extract shows only the advisal
        recorder_name="Historical record",
        origin=ElectionOrigin.EXTRACT,
        source_record=row or f"ice:{family.parent.given_names}:{made}",
    )


def reunite(family: Family, *, on: str) -> Reunion:
    reunion = Reunion.objects.create(
        family_unit=family.unit,
        reunited_at=day(on),
        setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.RELEASE_TO_PARENT,
    )
    family.separation.reunion = reunion
    family.separation.save()
    return reunion
