"""Recording that a child was put in different custody from a parent, and why."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import SeparationReason
from reunify.families.models import Facility, FamilyUnit, Person, Separation
from reunify.families.services import separation_record
from tests.conftest import at
from tests.families.factories import (
    aunt_and_nephew,
    counts,
    history,
    mother_and_daughter,
    reunite,
    separate,
)

pytestmark = pytest.mark.django_db

Family = tuple[FamilyUnit, Person, Person]


@pytest.fixture
def family(olivia: User, station: Facility) -> Family:
    return mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01", 6))


def record(
    actor: User,
    family: Family,
    *,
    parent: Person | None = None,
    child: Person | None = None,
    at_time: str = "2018-05-02",
    reason: str = SeparationReason.PARENT_PROSECUTED,
    reason_detail: str = "",
) -> Separation:
    unit, mother, daughter = family
    return separation_record(
        actor=actor,
        family_unit=unit,
        parent=parent or mother,
        child=child or daughter,
        separated_at=at(at_time),
        reason=reason,
        reason_detail=reason_detail,
    )


@pytest.mark.sqlite
def test_a_separation_is_recorded_open_on_the_authority_of_the_officer(
    sam: User, family: Family
) -> None:
    # Given
    unit, mother, daughter = family

    # When
    separation = record(sam, family)

    # Then
    separation.refresh_from_db()
    assert (separation.parent, separation.child) == (mother, daughter)
    assert separation.family_unit == unit
    assert separation.separated_at == at("2018-05-02")
    assert separation.reason == SeparationReason.PARENT_PROSECUTED
    assert separation.authorised_by == sam
    assert separation.is_open


@pytest.mark.sqlite
def test_a_separation_leaves_a_history_entry_naming_parent_and_child(
    sam: User, family: Family
) -> None:
    # Given
    unit, mother, daughter = family

    # When
    separation = record(
        sam, family, reason=SeparationReason.OTHER, reason_detail="  Mother taken to hospital. "
    )

    # Then: the history keeps what was stored
    [entry] = history("separation.recorded")
    assert entry.actor == sam
    assert entry.subject_type == "separation"
    assert entry.subject_id == separation.id
    assert entry.family_unit_id == unit.id
    assert entry.person_ids == [str(mother.id), str(daughter.id)]
    assert entry.changes == {
        "separated_at": "2018-05-02T12:00:00+00:00",
        "reason": "OTHER",
        "reason_detail": "Mother taken to hospital.",
    }
    assert separation.reason_detail == "Mother taken to hospital."


@pytest.mark.sqlite
def test_a_child_reunited_and_separated_again_gets_a_new_separation(
    olivia: User, family: Family
) -> None:
    # Given: separated once, then reunited
    unit, mother, daughter = family
    first = separate(actor=olivia, unit=unit, parent=mother, child=daughter, at=at("2018-05-02"))
    reunite(actor=olivia, unit=unit, separations=[first], at=at("2018-06-01"))

    # When
    second = record(olivia, family, at_time="2018-07-01")

    # Then
    assert second.is_open
    assert Separation.objects.filter(parent=mother, child=daughter).count() == 2


@pytest.mark.parametrize(
    ("reason", "reason_detail", "field"),
    [
        ("", "", "reason"),
        ("BECAUSE", "", "reason"),
        (SeparationReason.OTHER, "", "reason_detail"),
        (SeparationReason.OTHER, "   ", "reason_detail"),
    ],
    ids=["no reason", "unknown reason", "other without detail", "other with blank detail"],
)
def test_a_separation_must_give_its_reason(
    olivia: User, family: Family, reason: str, reason_detail: str, field: str
) -> None:
    # Given
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        record(olivia, family, reason=reason, reason_detail=reason_detail)

    # Then
    assert list(error.value.message_dict) == [field]
    assert counts() == before


def test_a_person_cannot_be_separated_from_themselves(olivia: User, family: Family) -> None:
    # Given
    _, mother, _ = family

    # When
    with pytest.raises(ValidationError) as error:
        record(olivia, family, parent=mother, child=mother)

    # Then
    assert "A person cannot be separated from themselves." in error.value.message_dict["child"]
    assert Separation.objects.count() == 0


def test_a_child_cannot_be_separated_from_a_member_who_is_not_their_parent(
    olivia: User, station: Facility
) -> None:
    # Given: an aunt travelling with her nephew
    unit, aunt, nephew = aunt_and_nephew(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # When
    with pytest.raises(ValidationError) as error:
        record(olivia, (unit, aunt, nephew))

    # Then
    assert error.value.message_dict == {
        "parent": ["Choose a parent or legal guardian of this family unit."]
    }
    assert Separation.objects.count() == 0


def test_a_parent_cannot_be_recorded_as_the_child(olivia: User, family: Family) -> None:
    # Given
    _, mother, daughter = family

    # When: the roles swapped
    with pytest.raises(ValidationError) as error:
        record(olivia, family, parent=daughter, child=mother)

    # Then
    assert set(error.value.message_dict) == {"parent", "child"}


def test_people_of_another_unit_cannot_be_separated_in_this_one(
    olivia: User, station: Facility, family: Family
) -> None:
    # Given: a second, unrelated family
    _, other_mother, other_child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # When
    with pytest.raises(ValidationError) as error:
        record(olivia, family, parent=other_mother, child=other_child)

    # Then
    assert set(error.value.message_dict) == {"parent", "child"}


def test_a_child_already_apart_from_the_parent_cannot_be_separated_again(
    olivia: User, family: Family
) -> None:
    # Given
    record(olivia, family, at_time="2018-05-02")

    # When
    with pytest.raises(ValidationError) as error:
        record(olivia, family, at_time="2018-05-03")

    # Then
    assert error.value.message_dict == {
        "child": ["This child is already recorded as apart from this parent."]
    }
    assert Separation.objects.count() == 1


def test_a_separation_before_the_apprehension_is_rejected(olivia: User, family: Family) -> None:
    # Given: apprehended 2018-05-01 06:00
    unit, mother, daughter = family

    # When
    with pytest.raises(ValidationError) as error:
        separation_record(
            actor=olivia,
            family_unit=unit,
            parent=mother,
            child=daughter,
            separated_at=at("2018-05-01", 5),
            reason=SeparationReason.CHILD_SAFETY,
        )

    # Then
    assert error.value.message_dict == {
        "separated_at": ["A separation cannot precede the apprehension."]
    }


def test_a_separation_in_the_future_is_rejected(olivia: User, family: Family) -> None:
    # Given
    unit, mother, daughter = family

    # When
    with pytest.raises(ValidationError) as error:
        separation_record(
            actor=olivia,
            family_unit=unit,
            parent=mother,
            child=daughter,
            separated_at=timezone.now() + timedelta(minutes=5),
            reason=SeparationReason.CHILD_SAFETY,
        )

    # Then
    assert error.value.message_dict == {
        "separated_at": ["This cannot be recorded as happening in the future."]
    }
    assert Separation.objects.count() == 0
