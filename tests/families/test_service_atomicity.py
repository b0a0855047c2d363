"""Nothing half-written: a change and its history entry are stored together or not at all.

Two ways a service can fail: on bad input, before it writes (checked here by a bad member
among good ones), and half-way, when the database refuses a write. For the second, the
`refuse_history` fixture has the database reject one history entry after the service has
already written rows; every one of them must be gone afterwards.
"""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError

from reunify.accounts.models import User
from reunify.families.choices import CustodyKind, MemberRole
from reunify.families.models import CustodyEpisode, Facility, Separation
from reunify.families.services import NewMember, family_unit_create_at_apprehension
from tests.conftest import at
from tests.families.conftest import REFUSAL_MESSAGE
from tests.families.factories import (
    child_details,
    counts,
    mother_and_daughter,
    mother_details,
    move,
    reunite,
    separate,
)

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_unit_with_one_bad_member_among_good_ones_leaves_no_row_behind(
    olivia: User, station: Facility
) -> None:
    # Given: a mother and a son are fine; the daughter's A-number is not one
    members = [
        NewMember(mother_details(), role=MemberRole.PARENT),
        NewMember(child_details(given_names="Luis", sex="M"), role=MemberRole.CHILD),
        NewMember(child_details(identifiers=(("A_NUMBER", "A-12"),)), role=MemberRole.CHILD),
    ]

    # When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia, apprehended_at=at("2018-05-01"), station=station, members=members
        )

    # Then
    assert list(error.value.message_dict) == ["members.2.a_number"]
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_unit_whose_history_cannot_be_written_half_way_is_not_stored(
    olivia: User, station: Facility, refuse_history: Callable[..., None]
) -> None:
    # Given: the database refuses the history entry of the second member, Ana, after the
    # unit, the mother, her membership, custody and history are already written
    refuse_history("family.member_added", given_names="Ana")

    # When
    with pytest.raises(DatabaseError, match=REFUSAL_MESSAGE):
        mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    # Then
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_refusal_is_specific_to_the_entry_it_names(
    olivia: User, station: Facility, refuse_history: Callable[..., None]
) -> None:
    # Given: a refusal for someone not in this family
    refuse_history("family.member_added", given_names="Nobody")

    # When
    mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    # Then: the fixture does not fail everything, so the test above proves something
    assert counts()["HistoryEntry"] == 3


def test_a_move_whose_history_cannot_be_written_keeps_the_current_custody_open(
    olivia: User,
    station: Facility,
    detention: Facility,
    refuse_history: Callable[..., None],
) -> None:
    # Given: the mother at the station; the move's history entry will be refused
    _, mother, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    before = counts()
    refuse_history("custody.moved")

    # When: the station episode is closed and the detention one opened, then history fails
    with pytest.raises(DatabaseError, match=REFUSAL_MESSAGE):
        move(actor=olivia, person=mother, to=detention, at=at("2018-05-03"))

    # Then
    assert counts() == before
    current = CustodyEpisode.objects.get(person=mother)
    assert (current.kind, current.ended_at) == (CustodyKind.BORDER_STATION, None)


def test_a_reunion_whose_history_cannot_be_written_closes_nothing(
    olivia: User, station: Facility, refuse_history: Callable[..., None]
) -> None:
    # Given
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separation = separate(actor=olivia, unit=unit, parent=mother, child=child, at=at("2018-05-02"))
    before = counts()
    refuse_history("reunion.recorded")

    # When
    with pytest.raises(DatabaseError, match=REFUSAL_MESSAGE):
        reunite(actor=olivia, unit=unit, separations=[separation], at=at("2018-06-01"))

    # Then
    assert counts() == before
    separation.refresh_from_db()
    assert separation.is_open


def test_a_separation_whose_history_cannot_be_written_is_not_stored(
    olivia: User, station: Facility, refuse_history: Callable[..., None]
) -> None:
    # Given
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    refuse_history("separation.recorded")

    # When
    with pytest.raises(DatabaseError, match=REFUSAL_MESSAGE):
        separate(actor=olivia, unit=unit, parent=mother, child=child, at=at("2018-05-02"))

    # Then
    assert not Separation.objects.exists()
