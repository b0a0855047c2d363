"""A person's details are checked before anything is stored, each problem by its field."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import BirthDatePrecision, MemberRole
from reunify.families.models import Facility
from reunify.families.services import NewMember, family_unit_create_at_apprehension
from tests.conftest import at
from tests.families.factories import counts, mother_details

pytestmark = pytest.mark.django_db


def record_mother(actor: User, station: Facility, **changes: Any) -> None:
    family_unit_create_at_apprehension(
        actor=actor,
        apprehended_at=at("2018-05-01"),
        station=station,
        members=[NewMember(mother_details(**changes), role=MemberRole.PARENT)],
    )


def test_a_birth_date_in_the_future_is_rejected(olivia: User, station: Facility) -> None:
    # Given
    tomorrow = timezone.localdate() + timedelta(days=1)

    # When
    with pytest.raises(ValidationError) as error:
        record_mother(olivia, station, birth_date=tomorrow)

    # Then
    assert error.value.message_dict == {"birth_date": ["A birth date cannot be in the future."]}
    assert set(counts().values()) == {0}


def test_a_birth_date_today_is_accepted(olivia: User, station: Facility) -> None:
    # Given / When
    record_mother(olivia, station, birth_date=timezone.localdate())

    # Then
    assert counts()["Person"] == 1


def test_a_birth_date_more_than_120_years_ago_is_rejected(olivia: User, station: Facility) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        record_mother(olivia, station, birth_date=date(1850, 1, 1))

    # Then
    assert list(error.value.message_dict) == ["birth_date"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"languages": ("klingonish",)}, "languages"),
        ({"languages": ("zzz",)}, "languages"),
        ({"languages": ("QUC",)}, "languages"),
        ({"languages": ("quc", "quc")}, "languages"),
        ({"citizenship": "XX"}, "citizenship"),
        ({"citizenship": "gt"}, "citizenship"),
        ({"citizenship": "Guatemala"}, "citizenship"),
        ({"sex": "X"}, "sex"),
        ({"identifiers": (("A_NUMBER", "A 12-34"),)}, "a_number"),
        ({"identifiers": (("A_NUMBER", "not a number"),)}, "a_number"),
        ({"identifiers": (("A_NUMBER", "A 212-345-678"), ("A_NUMBER", "212345678"))}, "a_number"),
        ({"identifiers": (("PASSPORT", " - "),)}, "passport"),
        ({"identifiers": (("PASSPORT", "P" * 65),)}, "passport"),
        ({"identifiers": (("SOCIAL_SECURITY", "123-45-6789"),)}, "identifiers"),
        ({"given_names": "G" * 201}, "given_names"),
        ({"first_surname": "S" * 101}, "first_surname"),
        ({"second_surname": "S" * 101}, "second_surname"),
        ({"birth_date_precision": "DECADE"}, "birth_date_precision"),
        ({"birth_date_precision": BirthDatePrecision.UNKNOWN}, "birth_date_precision"),
    ],
    ids=[
        "unknown language name",
        "unknown language code",
        "language code in capitals",
        "language twice",
        "unknown country",
        "country code in lower case",
        "country name instead of code",
        "unknown sex",
        "A-number too short",
        "A-number not a number",
        "A-number twice in two spellings",
        "empty passport",
        "overlong passport",
        "unknown identifier scheme",
        "overlong given names",
        "overlong first surname",
        "overlong second surname",
        "unknown birth date precision",
        "a birth date said to be unknown",
    ],
)
def test_bad_details_are_rejected_naming_the_field(
    olivia: User, station: Facility, changes: dict[str, Any], field: str
) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        record_mother(olivia, station, **changes)

    # Then: that field alone, and nothing stored
    assert list(error.value.message_dict) == [field]
    assert set(counts().values()) == {0}


def test_every_problem_is_reported_at_once(olivia: User, station: Facility) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        record_mother(
            olivia,
            station,
            given_names="",
            citizenship="XX",
            languages=("zzz",),
            identifiers=(("A_NUMBER", "garbage"),),
        )

    # Then
    assert set(error.value.message_dict) == {"given_names", "citizenship", "languages", "a_number"}


@pytest.mark.sqlite
def test_a_mayan_language_and_any_iso_639_3_code_are_accepted(
    olivia: User, station: Facility
) -> None:
    # Given: Mam, Q'anjob'al and German
    languages = ("mam", "kjb", "deu")

    # When
    record_mother(olivia, station, languages=languages)

    # Then
    assert counts()["PersonLanguage"] == 3
