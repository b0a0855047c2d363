"""How records name themselves on pages, in history and in the admin."""

from datetime import date

import pytest

from reunify.accounts.models import User
from reunify.families.choices import CustodyKind, MemberRole
from reunify.families.models import CustodyEpisode, Facility, Membership, Person, Separation
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate


def test_a_full_name_joins_given_names_and_both_surnames() -> None:
    # Given
    person = Person(given_names="María Ixchel", first_surname="Xiloj", second_surname="Tzoc")

    # When / Then
    assert person.surnames == "Xiloj Tzoc"
    assert person.full_name == "María Ixchel Xiloj Tzoc"
    assert str(person) == "María Ixchel Xiloj Tzoc"


def test_a_missing_surname_leaves_no_double_space() -> None:
    # Given
    person = Person(given_names="Ana", first_surname="", second_surname="Xiloj")

    # When / Then
    assert person.full_name == "Ana Xiloj"


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (date(2018, 1, 31), 6),
        (date(2018, 2, 1), 7),
        (date(2018, 5, 1), 7),
        (date(2029, 1, 31), 17),
        (date(2029, 2, 1), 18),
    ],
)
def test_age_on_a_day_counts_whole_years(day: date, age: int) -> None:
    # Given: born 2011-02-01
    person = Person(given_names="Ana", birth_date=date(2011, 2, 1))

    # When / Then
    assert person.age_on(day) == age


def test_a_leap_day_birthday_comes_on_the_first_of_march() -> None:
    # Given
    person = Person(given_names="Eva", birth_date=date(2012, 2, 29))

    # When / Then
    assert person.age_on(date(2013, 2, 28)) == 0
    assert person.age_on(date(2013, 3, 1)) == 1


def test_no_birth_date_means_no_age() -> None:
    # Given / When / Then
    assert Person(given_names="Ana").age_on(date(2018, 5, 1)) is None


@pytest.mark.parametrize(
    ("episode", "where"),
    [
        (CustodyEpisode(kind=CustodyKind.REMOVED, country="GT"), "Guatemala"),
        (CustodyEpisode(kind=CustodyKind.SPONSOR, detail="Rosa Tzoc, TX"), "Rosa Tzoc, TX"),
        (CustodyEpisode(kind=CustodyKind.RELEASED), "Released"),
    ],
)
def test_custody_without_a_facility_says_where_from_its_kind(
    episode: CustodyEpisode, where: str
) -> None:
    # Given / When / Then
    assert episode.where == where


@pytest.mark.django_db
def test_custody_at_a_facility_is_named_by_the_facility(olivia: User, station: Facility) -> None:
    # Given
    _, mother, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # When
    episode = CustodyEpisode.objects.get(person=mother)

    # Then
    assert episode.where == "Ursula Central Processing Center"
    assert str(episode) == "María Ixchel Xiloj Tzoc: Ursula Central Processing Center"


@pytest.mark.django_db
def test_memberships_and_separations_read_as_sentences(olivia: User, station: Facility) -> None:
    # Given
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separation = separate(actor=olivia, unit=unit, parent=mother, child=child, at=at("2018-05-02"))

    # When
    membership = Membership.objects.get(person=mother, role=MemberRole.PARENT)
    stored = Separation.objects.get(pk=separation.pk)

    # Then
    assert str(unit) == f"Family unit {unit.reference}"
    assert str(membership) == f"María Ixchel Xiloj Tzoc as Parent in Family unit {unit.reference}"
    assert str(stored) == "Ana López Xiloj apart from María Ixchel Xiloj Tzoc since 2018-05-02"
