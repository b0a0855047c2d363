"""Moving a person from one custody to the next: the current episode closes, the next opens."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import CustodyKind, MemberRole
from reunify.families.models import CustodyEpisode, Facility, FamilyUnit, Person
from reunify.families.services import NewMember, custody_move, membership_add
from tests.conftest import at
from tests.families.factories import child_details, counts, history, mother_and_daughter, move

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(olivia: User, station: Facility) -> tuple[FamilyUnit, Person, Person]:
    return mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01", 6))


def episodes_of(person: Person) -> list[tuple[str, Any, Any]]:
    return [
        (episode.kind, episode.started_at, episode.ended_at)
        for episode in CustodyEpisode.objects.filter(person=person).order_by("started_at")
    ]


@pytest.mark.sqlite
def test_a_move_closes_the_current_episode_and_opens_the_next(
    olivia: User, detention: Facility, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given: the mother at the station since the apprehension
    _, mother, _ = family

    # When
    episode = move(actor=olivia, person=mother, to=detention, at=at("2018-05-03", 9))

    # Then
    assert episodes_of(mother) == [
        (CustodyKind.BORDER_STATION, at("2018-05-01", 6), at("2018-05-03", 9)),
        (CustodyKind.DETENTION_FACILITY, at("2018-05-03", 9), None),
    ]
    assert episode.facility == detention
    assert episode.recorded_by == olivia


@pytest.mark.sqlite
def test_a_move_leaves_a_history_entry_saying_from_where_to_where(
    olivia: User, detention: Facility, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    unit, mother, _ = family

    # When
    episode = move(actor=olivia, person=mother, to=detention, at=at("2018-05-03", 9))

    # Then
    [entry] = history("custody.moved")
    assert entry.actor == olivia
    assert entry.subject_type == "custody_episode"
    assert entry.subject_id == episode.id
    assert entry.family_unit_id == unit.id
    assert entry.person_ids == [str(mother.id)]
    assert entry.changes == {
        "from": "Ursula Central Processing Center",
        "to": "Port Isabel Service Processing Center",
        "kind": "DETENTION_FACILITY",
        "moved_at": "2018-05-03T09:00:00+00:00",
    }


@pytest.mark.sqlite
def test_a_child_goes_from_shelter_to_sponsor_leaving_one_unbroken_record(
    cast: Callable[[str], User],
    olivia: User,
    shelter: Facility,
    family: tuple[FamilyUnit, Person, Person],
) -> None:
    # Given: the daughter sent to a shelter; Carmen, her case manager, places her
    _, _, child = family
    move(actor=olivia, person=child, to=shelter, at=at("2018-05-02"))
    carmen = cast("carmen")

    # When
    custody_move(
        actor=carmen,
        person=child,
        kind=CustodyKind.SPONSOR,
        detail="  Aunt Rosa Tzoc, Houston TX ",
        moved_at=at("2018-06-20"),
    )

    # Then: each episode ends when the next begins; only the last is open
    assert episodes_of(child) == [
        (CustodyKind.BORDER_STATION, at("2018-05-01", 6), at("2018-05-02")),
        (CustodyKind.SHELTER, at("2018-05-02"), at("2018-06-20")),
        (CustodyKind.SPONSOR, at("2018-06-20"), None),
    ]
    sponsor = CustodyEpisode.objects.get(person=child, ended_at__isnull=True)
    assert sponsor.detail == "Aunt Rosa Tzoc, Houston TX"
    assert sponsor.facility is None
    assert sponsor.recorded_by == carmen
    assert history("custody.moved")[-1].changes["from"] == "Casa Esperanza Shelter"


@pytest.mark.sqlite
def test_a_removal_names_the_country(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    _, mother, _ = family

    # When
    episode = custody_move(
        actor=olivia,
        person=mother,
        kind=CustodyKind.REMOVED,
        country="GT",
        moved_at=at("2018-07-01"),
    )

    # Then
    assert episode.country == "GT"
    assert episode.where == "Guatemala"
    assert history("custody.moved")[0].changes["to"] == "Guatemala"


@pytest.mark.sqlite
def test_the_first_custody_of_a_member_added_later_opens_without_closing_anything(
    olivia: User, shelter: Facility, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given: a son recorded after the apprehension, with no custody yet
    unit, _, _ = family
    son = membership_add(
        actor=olivia,
        family_unit=unit,
        member=NewMember(child_details(given_names="Luis", sex="M"), role=MemberRole.CHILD),
    ).person

    # When
    move(actor=olivia, person=son, to=shelter, at=at("2018-05-04"))

    # Then
    assert episodes_of(son) == [(CustodyKind.SHELTER, at("2018-05-04"), None)]
    assert history("custody.moved")[0].changes["from"] is None


def test_a_move_dated_before_the_current_custody_began_is_rejected(
    olivia: User, detention: Facility, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given: at the station since 2018-05-01 06:00
    _, mother, _ = family
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        move(actor=olivia, person=mother, to=detention, at=at("2018-05-01", 5))

    # Then: the station episode is still open and nothing was added
    assert error.value.message_dict == {
        "moved_at": ["The move cannot come before the current custody began (2018-05-01 06:00)."]
    }
    assert episodes_of(mother) == [(CustodyKind.BORDER_STATION, at("2018-05-01", 6), None)]
    assert counts() == before


def test_a_move_in_the_future_is_rejected(
    olivia: User, detention: Facility, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    _, mother, _ = family

    # When
    with pytest.raises(ValidationError) as error:
        move(actor=olivia, person=mother, to=detention, at=timezone.now() + timedelta(hours=1))

    # Then
    assert list(error.value.message_dict) == ["moved_at"]
    assert CustodyEpisode.objects.filter(person=mother).count() == 1


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ({"kind": "LIMBO"}, "kind"),
        ({"kind": CustodyKind.DETENTION_FACILITY}, "facility"),
        ({"kind": CustodyKind.SHELTER, "facility": "detention"}, "facility"),
        ({"kind": CustodyKind.RELEASED, "facility": "detention"}, "facility"),
        ({"kind": CustodyKind.SPONSOR, "detail": "   "}, "detail"),
        ({"kind": CustodyKind.SPONSOR, "detail": "x" * 301}, "detail"),
        ({"kind": CustodyKind.REMOVED}, "country"),
        ({"kind": CustodyKind.REMOVED, "country": "XX"}, "country"),
        ({"kind": CustodyKind.REMOVED, "country": "gt"}, "country"),
    ],
    ids=[
        "unknown kind",
        "detention without a facility",
        "shelter kind at a detention facility",
        "released to a facility",
        "sponsor unnamed",
        "sponsor detail overlong",
        "removal without a country",
        "removal to an unknown country",
        "removal country in lower case",
    ],
)
def test_a_placement_that_does_not_say_where_is_rejected(
    olivia: User,
    detention: Facility,
    family: tuple[FamilyUnit, Person, Person],
    where: dict[str, Any],
    field: str,
) -> None:
    # Given
    _, mother, _ = family
    if where.get("facility") == "detention":
        where = {**where, "facility": detention}
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        custody_move(actor=olivia, person=mother, moved_at=at("2018-05-03"), **where)

    # Then
    assert list(error.value.message_dict) == [field]
    assert counts() == before
