"""Recording a reunion, which closes the separations it ends."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.models import Facility, FamilyUnit, Person, Reunion, Separation
from reunify.families.services import reunion_record
from tests.conftest import at
from tests.families.factories import (
    counts,
    history,
    mother_and_daughter,
    mother_and_two_children,
    reunite,
    separate,
)

pytestmark = pytest.mark.django_db

Separated = tuple[FamilyUnit, Person, Person, Person, Separation, Separation]


@pytest.fixture
def separated(olivia: User, station: Facility) -> Separated:
    """A mother apart from her daughter since 2018-05-02 and from her son since 2018-05-03."""
    unit, mother, daughter, son = mother_and_two_children(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    from_daughter = separate(
        actor=olivia, unit=unit, parent=mother, child=daughter, at=at("2018-05-02")
    )
    from_son = separate(actor=olivia, unit=unit, parent=mother, child=son, at=at("2018-05-03"))
    return unit, mother, daughter, son, from_daughter, from_son


@pytest.mark.sqlite
def test_a_reunion_closes_the_separations_it_ends(
    cast: Callable[[str], User], separated: Separated
) -> None:
    # Given: Tomás of the tracing team brings the family together
    unit, _, _, _, from_daughter, from_son = separated
    tomas = cast("tomas")

    # When
    reunion = reunion_record(
        actor=tomas,
        family_unit=unit,
        separations=[from_daughter, from_son],
        reunited_at=at("2018-07-26"),
        setting=ReunionSetting.IN_COUNTRY,
        method=ReunionMethod.RELEASE_TO_PARENT,
        place="  Port Isabel, TX ",
    )

    # Then
    assert reunion.family_unit == unit
    assert reunion.reunited_at == at("2018-07-26")
    assert reunion.place == "Port Isabel, TX"
    assert reunion.recorded_by == tomas
    for separation in (from_daughter, from_son):
        separation.refresh_from_db()
        assert separation.reunion == reunion
        assert not separation.is_open


@pytest.mark.sqlite
def test_closing_a_separation_marks_it_as_changed(olivia: User, separated: Separated) -> None:
    # Given
    unit, _, _, _, from_daughter, _ = separated
    recorded_at = from_daughter.updated_at

    # When
    reunite(actor=olivia, unit=unit, separations=[from_daughter], at=at("2018-07-26"))

    # Then
    from_daughter.refresh_from_db()
    assert from_daughter.updated_at > recorded_at


@pytest.mark.sqlite
def test_a_reunion_leaves_a_history_entry_naming_everyone_reunited(
    olivia: User, separated: Separated
) -> None:
    # Given
    unit, mother, daughter, son, from_daughter, from_son = separated

    # When
    reunion = reunite(
        actor=olivia, unit=unit, separations=[from_son, from_daughter], at=at("2018-07-26")
    )

    # Then
    [entry] = history("reunion.recorded")
    assert entry.actor == olivia
    assert entry.subject_type == "reunion"
    assert entry.subject_id == reunion.id
    assert entry.family_unit_id == unit.id
    assert sorted(entry.person_ids) == sorted(str(p.id) for p in (mother, daughter, son))
    assert entry.changes == {
        "reunited_at": "2018-07-26T12:00:00+00:00",
        "setting": "IN_COUNTRY",
        "method": "RELEASE_TO_PARENT",
        "place": "Brownsville, TX",
        "separations": [str(from_daughter.id), str(from_son.id)],
    }


@pytest.mark.sqlite
def test_a_reunion_with_one_child_leaves_the_other_separation_open(
    olivia: User, separated: Separated
) -> None:
    # Given
    unit, _, _, _, from_daughter, from_son = separated

    # When
    reunite(actor=olivia, unit=unit, separations=[from_daughter], at=at("2018-07-26"))

    # Then
    from_son.refresh_from_db()
    assert from_son.is_open


def test_a_reunion_before_the_separation_it_ends_is_rejected(
    olivia: User, separated: Separated
) -> None:
    # Given: the son was separated on 2018-05-03, after the daughter
    unit, _, _, _, from_daughter, from_son = separated
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        reunite(
            actor=olivia,
            unit=unit,
            separations=[from_daughter, from_son],
            at=at("2018-05-02", 18),
        )

    # Then: nothing closed
    assert error.value.message_dict == {
        "reunited_at": ["A reunion cannot precede the separation it ends."]
    }
    assert counts() == before
    assert Separation.objects.filter(reunion__isnull=True).count() == 2


def test_a_reunion_in_the_future_is_rejected(olivia: User, separated: Separated) -> None:
    # Given
    unit, _, _, _, from_daughter, _ = separated

    # When
    with pytest.raises(ValidationError) as error:
        reunite(
            actor=olivia,
            unit=unit,
            separations=[from_daughter],
            at=timezone.now() + timedelta(days=2),
        )

    # Then
    assert list(error.value.message_dict) == ["reunited_at"]
    assert Reunion.objects.count() == 0


def test_a_reunion_must_close_at_least_one_separation(olivia: User, separated: Separated) -> None:
    # Given
    unit = separated[0]

    # When
    with pytest.raises(ValidationError) as error:
        reunite(actor=olivia, unit=unit, separations=[], at=at("2018-07-26"))

    # Then
    assert list(error.value.message_dict) == ["separations"]
    assert Reunion.objects.count() == 0


def test_a_closed_separation_cannot_be_closed_again(olivia: User, separated: Separated) -> None:
    # Given: the daughter already reunited
    unit, _, _, _, from_daughter, from_son = separated
    reunite(actor=olivia, unit=unit, separations=[from_daughter], at=at("2018-07-01"))

    # When
    with pytest.raises(ValidationError) as error:
        reunite(actor=olivia, unit=unit, separations=[from_daughter, from_son], at=at("2018-07-26"))

    # Then: the son's separation stays open
    assert list(error.value.message_dict) == ["separations"]
    from_son.refresh_from_db()
    assert from_son.is_open
    assert Reunion.objects.count() == 1


def test_a_separation_of_another_unit_cannot_be_closed_here(
    olivia: User, station: Facility, separated: Separated
) -> None:
    # Given: another family's separation
    unit = separated[0]
    other_unit, other_mother, other_child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    elsewhere = separate(
        actor=olivia, unit=other_unit, parent=other_mother, child=other_child, at=at("2018-05-02")
    )

    # When
    with pytest.raises(ValidationError) as error:
        reunite(actor=olivia, unit=unit, separations=[elsewhere], at=at("2018-07-26"))

    # Then
    assert "separations" in error.value.message_dict
    elsewhere.refresh_from_db()
    assert elsewhere.is_open


@pytest.mark.parametrize(
    ("setting", "method", "place", "field"),
    [
        ("ON_THE_MOON", ReunionMethod.RELEASE_TO_PARENT, "", "setting"),
        (ReunionSetting.ABROAD, "TELEPORT", "", "method"),
        (ReunionSetting.ABROAD, ReunionMethod.JOINT_REMOVAL, "p" * 201, "place"),
    ],
    ids=["unknown setting", "unknown method", "overlong place"],
)
def test_a_reunion_must_say_how_and_where(
    olivia: User, separated: Separated, setting: str, method: str, place: str, field: str
) -> None:
    # Given
    unit, _, _, _, from_daughter, _ = separated

    # When
    with pytest.raises(ValidationError) as error:
        reunion_record(
            actor=olivia,
            family_unit=unit,
            separations=[from_daughter],
            reunited_at=at("2018-07-26"),
            setting=setting,
            method=method,
            place=place,
        )

    # Then
    assert list(error.value.message_dict) == [field]
    assert Reunion.objects.count() == 0
