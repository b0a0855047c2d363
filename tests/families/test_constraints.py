"""The database itself refuses records that break the rules, even when code skips the services.

Each test writes with `Model.objects.create`, as a careless script or a future bug would,
and expects the database to refuse. The constraint's name is matched where the database
reports it (both name check constraints), so a test fails if another rule catches the row.
"""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from reunify.accounts.models import User
from reunify.families.choices import (
    BirthDatePrecision,
    CustodyKind,
    MemberRole,
    RelationshipEvidence,
    SeparationReason,
)
from reunify.families.models import (
    CustodyEpisode,
    Facility,
    FamilyUnit,
    Membership,
    Person,
    PersonLanguage,
    Separation,
)
from tests.conftest import at
from tests.families.factories import mother_and_daughter

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture
def person(db: None) -> Person:
    return Person.objects.create(given_names="Ana", name_search=" ana ")


@pytest.fixture
def family(olivia: User, station: Facility) -> tuple[FamilyUnit, Person, Person]:
    return mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))


def episode(
    person: Person,
    start: str,
    end: str | None = None,
    *,
    kind: str = CustodyKind.RELEASED,
    country: str = "",
) -> CustodyEpisode:
    return CustodyEpisode.objects.create(
        person=person,
        kind=kind,
        country=country,
        started_at=at(start),
        ended_at=at(end) if end else None,
    )


# --- Custody -------------------------------------------------------------------------------


def test_a_person_cannot_have_two_open_custody_episodes(person: Person) -> None:
    # Given
    episode(person, "2018-05-01")

    # When / Then
    with pytest.raises(IntegrityError), transaction.atomic():
        episode(person, "2018-05-03")
    assert CustodyEpisode.objects.filter(person=person).count() == 1


def test_two_people_may_each_have_an_open_episode(person: Person) -> None:
    # Given
    sister = Person.objects.create(given_names="Eva", name_search=" eva ")
    episode(person, "2018-05-01")

    # When
    episode(sister, "2018-05-01")

    # Then
    assert CustodyEpisode.objects.filter(ended_at__isnull=True).count() == 2


def test_custody_cannot_end_before_it_starts(person: Person) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="custody_episode_ends_after_it_starts"),
        transaction.atomic(),
    ):
        episode(person, "2018-05-03", "2018-05-02")


def test_one_episode_may_end_the_moment_the_next_begins(person: Person) -> None:
    # Given
    episode(person, "2018-05-01", "2018-05-03")

    # When: half-open ranges touch without overlapping
    episode(person, "2018-05-03")

    # Then
    assert CustodyEpisode.objects.filter(person=person).count() == 2


def test_a_removal_names_the_country(person: Person) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="custody_removal_names_country"),
        transaction.atomic(),
    ):
        episode(person, "2018-05-01", kind=CustodyKind.REMOVED, country="")


@pytest.mark.postgres_only
def test_two_closed_episodes_of_one_person_cannot_overlap(person: Person) -> None:
    # Given
    episode(person, "2018-05-01", "2018-05-05")

    # When / Then
    with (
        pytest.raises(IntegrityError, match="custody_episodes_never_overlap"),
        transaction.atomic(),
    ):
        episode(person, "2018-05-03", "2018-05-08")


@pytest.mark.postgres_only
def test_an_open_episode_cannot_start_inside_a_closed_one(person: Person) -> None:
    # Given
    episode(person, "2018-05-01", "2018-05-05")

    # When / Then
    with (
        pytest.raises(IntegrityError, match="custody_episodes_never_overlap"),
        transaction.atomic(),
    ):
        episode(person, "2018-05-04")


# --- Separations ---------------------------------------------------------------------------


def separation(
    family: tuple[FamilyUnit, Person, Person], authoriser: User | None, **fields: object
) -> Separation:
    unit, mother, child = family
    values: dict[str, object] = {
        "family_unit": unit,
        "parent": mother,
        "child": child,
        "separated_at": at("2018-05-02"),
        "reason": SeparationReason.PARENT_PROSECUTED,
        "authorised_by": authoriser,
    }
    return Separation.objects.create(**(values | fields))


def test_a_separation_cannot_part_a_person_from_themselves(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    _, mother, _ = family

    # When / Then
    with (
        pytest.raises(IntegrityError, match="separation_parent_is_not_the_child"),
        transaction.atomic(),
    ):
        separation(family, olivia, child=mother)


@pytest.mark.parametrize("reason", ["", "BECAUSE"], ids=["empty", "unknown"])
def test_a_separation_must_have_a_known_reason(
    olivia: User, family: tuple[FamilyUnit, Person, Person], reason: str
) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="separation_has_a_reason"),
        transaction.atomic(),
    ):
        separation(family, olivia, reason=reason)


def test_an_other_reason_must_be_explained(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="separation_other_reason_is_explained"),
        transaction.atomic(),
    ):
        separation(family, olivia, reason=SeparationReason.OTHER, reason_detail="")


def test_a_separation_names_who_authorised_it(family: tuple[FamilyUnit, Person, Person]) -> None:
    # Given / When / Then: neither an account nor a name from a historical record
    with (
        pytest.raises(IntegrityError, match="separation_has_an_authoriser"),
        transaction.atomic(),
    ):
        separation(family, None, authoriser_name="")


def test_a_historical_authoriser_without_an_account_is_enough(
    family: tuple[FamilyUnit, Person, Person],
) -> None:
    # Given / When
    stored = separation(family, None, authoriser_name="Agent J. Smith")

    # Then
    assert stored.is_open


def test_a_parent_and_child_have_one_open_separation_at_most(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    separation(family, olivia)

    # When / Then
    with pytest.raises(IntegrityError), transaction.atomic():
        separation(family, olivia, separated_at=at("2018-05-03"))
    assert Separation.objects.count() == 1


# --- Memberships ---------------------------------------------------------------------------


def test_one_person_has_one_role_in_a_unit_so_no_child_is_their_own_parent(
    family: tuple[FamilyUnit, Person, Person],
) -> None:
    # Given: the daughter is a child of the unit
    unit, _, child = family

    # When / Then: she cannot also be recorded as its parent
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            family_unit=unit,
            person=child,
            role=MemberRole.PARENT,
            evidence=RelationshipEvidence.OFFICER_OBSERVATION,
        )
    assert Membership.objects.filter(person=child).count() == 1


@pytest.mark.parametrize("score", [-0.1, 1.5])
def test_a_linkage_score_is_a_probability(
    family: tuple[FamilyUnit, Person, Person], person: Person, score: float
) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="membership_linkage_score_is_probability"),
        transaction.atomic(),
    ):
        Membership.objects.create(
            family_unit=family[0],
            person=person,
            role=MemberRole.CHILD,
            evidence=RelationshipEvidence.RECORD_LINKAGE,
            linkage_score=score,
        )


def test_a_verified_relationship_says_when(
    family: tuple[FamilyUnit, Person, Person], person: Person
) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="membership_verification_is_dated"),
        transaction.atomic(),
    ):
        Membership.objects.create(
            family_unit=family[0],
            person=person,
            role=MemberRole.CHILD,
            evidence=RelationshipEvidence.DNA_TEST,
            verified=True,
        )


# --- People and places ---------------------------------------------------------------------


def test_a_person_has_given_names(db: None) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="person_has_given_names"),
        transaction.atomic(),
    ):
        Person.objects.create(given_names="", name_search="  ")


@pytest.mark.parametrize(
    ("birth_date", "precision"),
    [(None, BirthDatePrecision.DAY), (date(2011, 2, 1), BirthDatePrecision.UNKNOWN)],
    ids=["precision without a date", "a date of unknown precision"],
)
def test_a_birth_date_and_its_precision_agree(
    db: None, birth_date: date | None, precision: str
) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="person_birth_date_precision_matches_date"),
        transaction.atomic(),
    ):
        Person.objects.create(
            given_names="Ana",
            name_search=" ana ",
            birth_date=birth_date,
            birth_date_precision=precision,
        )


def test_a_person_has_one_primary_language(person: Person) -> None:
    # Given
    PersonLanguage.objects.create(person=person, code="quc", is_primary=True)

    # When / Then
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonLanguage.objects.create(person=person, code="spa", is_primary=True)


def test_a_sponsor_is_not_a_facility(db: None) -> None:
    # Given / When / Then
    with (
        pytest.raises(IntegrityError, match="facility_kind_holds_people"),
        transaction.atomic(),
    ):
        Facility.objects.create(name="Aunt Rosa's house", kind=CustodyKind.SPONSOR)
