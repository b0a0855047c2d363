"""Recording a family unit at apprehension: people, roles, station custody and history."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import (
    BirthDatePrecision,
    CustodyKind,
    IdentifierScheme,
    MemberRole,
    RelationshipEvidence,
)
from reunify.families.models import CustodyEpisode, Facility, FamilyUnit, Membership
from reunify.families.services import NewMember, family_unit_create_at_apprehension
from tests.conftest import at
from tests.families.factories import (
    child_details,
    counts,
    history,
    mother_and_daughter,
    mother_details,
)

pytestmark = pytest.mark.django_db


@pytest.mark.sqlite
def test_the_unit_gets_a_reference_staff_can_read_aloud(olivia: User, station: Facility) -> None:
    # Given / When
    unit, _, _ = mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    # Then: no 0/O or 1/I/L that would be misheard or miscopied
    assert re.fullmatch(r"FU-[2-9A-HJKMNP-Z]{6}", unit.reference)
    assert unit.apprehension_event_id == "EV-2018-0001"
    assert unit.apprehended_at == at("2018-05-01")
    assert unit.station == station
    assert unit.created_by == olivia


@pytest.mark.sqlite
def test_each_member_is_stored_as_recorded_with_a_folded_search_key(
    olivia: User, station: Facility
) -> None:
    # Given / When
    _, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # Then
    mother.refresh_from_db()
    assert mother.full_name == "María Ixchel Xiloj Tzoc"
    assert mother.name_search == " maria ixchel xiloj tzoc "
    assert mother.birth_date == date(1990, 3, 14)
    assert mother.birth_date_precision == BirthDatePrecision.DAY
    assert mother.citizenship == "GT"
    assert [(lang.code, lang.is_primary) for lang in mother.languages.all()] == [
        ("quc", True),
        ("spa", False),
    ]
    identifier = mother.identifiers.get()
    assert identifier.scheme == IdentifierScheme.A_NUMBER
    assert identifier.value == "A 212-345-678"
    assert identifier.normalized == "212345678"
    assert child.name_search == " ana lopez xiloj "
    assert child.identifiers.count() == 0


@pytest.mark.sqlite
def test_each_member_gets_a_role_and_the_evidence_for_it(olivia: User, station: Facility) -> None:
    # Given / When
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # Then
    memberships = {m.person_id: m for m in Membership.objects.filter(family_unit=unit)}
    assert set(memberships) == {mother.id, child.id}
    assert memberships[mother.id].role == MemberRole.PARENT
    assert memberships[child.id].role == MemberRole.CHILD
    for membership in memberships.values():
        assert membership.evidence == RelationshipEvidence.OFFICER_OBSERVATION
        assert membership.verified is False


@pytest.mark.sqlite
def test_every_member_is_in_the_stations_custody_from_the_apprehension(
    olivia: User, station: Facility
) -> None:
    # Given / When
    _, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01", hour=6)
    )

    # Then: one open station episode each
    for person in (mother, child):
        episode = CustodyEpisode.objects.get(person=person)
        assert episode.kind == CustodyKind.BORDER_STATION
        assert episode.facility == station
        assert episode.started_at == at("2018-05-01", hour=6)
        assert episode.ended_at is None
        assert episode.recorded_by == olivia


@pytest.mark.sqlite
def test_the_unit_and_each_member_leave_a_history_entry_by_the_officer(
    olivia: User, station: Facility
) -> None:
    # Given / When
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )

    # Then
    entries = history()
    assert [entry.action for entry in entries] == [
        "family.created",
        "family.member_added",
        "family.member_added",
    ]
    for entry in entries:
        assert entry.actor == olivia
        assert entry.actor_label == "Olivia Field (Field officer)"
        assert entry.family_unit_id == unit.id
    created, mother_added, child_added = entries
    assert created.subject_type == "family_unit"
    assert created.subject_id == unit.id
    assert created.changes == {
        "reference": unit.reference,
        "apprehended_at": "2018-05-01T12:00:00+00:00",
        "station": station.name,
    }
    assert mother_added.subject_type == "membership"
    assert mother_added.subject_id == Membership.objects.get(person=mother).id
    assert mother_added.person_ids == [str(mother.id)]
    assert mother_added.changes == {
        "role": "PARENT",
        "evidence": "OFFICER_OBSERVATION",
        "given_names": "María Ixchel",
        "first_surname": "Xiloj",
        "second_surname": "Tzoc",
        "sex": "F",
        "birth_date": "1990-03-14",
        "citizenship": "GT",
    }
    assert child_added.person_ids == [str(child.id)]
    assert child_added.changes["role"] == "CHILD"


@pytest.mark.sqlite
def test_names_are_trimmed_and_an_unknown_birth_date_is_marked_unknown(
    olivia: User, station: Facility
) -> None:
    # Given
    member = NewMember(
        mother_details(
            given_names="  Juana ", first_surname=" Pérez  ", birth_date=None, identifiers=()
        ),
        role=MemberRole.PARENT,
    )

    # When
    unit = family_unit_create_at_apprehension(
        actor=olivia,
        apprehended_at=at("2018-05-01"),
        station=station,
        members=[member],
        apprehension_event_id="  EV-7 ",
    )

    # Then
    person = unit.memberships.get().person
    assert (person.given_names, person.first_surname) == ("Juana", "Pérez")
    assert person.birth_date is None
    assert person.birth_date_precision == BirthDatePrecision.UNKNOWN
    assert unit.apprehension_event_id == "EV-7"


def test_two_units_get_different_references(olivia: User, station: Facility) -> None:
    # Given / When
    first, _, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    second, _, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-02")
    )

    # Then
    assert first.reference != second.reference


def test_a_unit_needs_at_least_one_member(olivia: User, station: Facility) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia, apprehended_at=at("2018-05-01"), station=station, members=[]
        )

    # Then
    assert "members" in error.value.message_dict
    assert FamilyUnit.objects.count() == 0


def test_an_apprehension_in_the_future_is_rejected(olivia: User, station: Facility) -> None:
    # Given
    tomorrow = timezone.now() + timedelta(days=1)

    # When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia,
            apprehended_at=tomorrow,
            station=station,
            members=[NewMember(mother_details(), role=MemberRole.PARENT)],
        )

    # Then
    assert "apprehended_at" in error.value.message_dict
    assert counts()["FamilyUnit"] == 0


def test_the_station_must_be_a_border_station(olivia: User, detention: Facility) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia,
            apprehended_at=at("2018-05-01"),
            station=detention,
            members=[NewMember(mother_details(), role=MemberRole.PARENT)],
        )

    # Then
    assert error.value.message_dict["station"] == ["Choose a border station."]


def test_a_child_must_be_under_18_on_the_day_of_apprehension(
    olivia: User, station: Facility
) -> None:
    # Given: 18 the day before the apprehension
    adult_child = child_details(birth_date=date(2000, 4, 30))

    # When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia,
            apprehended_at=at("2018-05-01"),
            station=station,
            members=[NewMember(adult_child, role=MemberRole.CHILD)],
        )

    # Then
    assert error.value.message_dict["role"] == ["A child must be under 18; this person was 18."]


def test_a_child_turning_18_the_day_after_is_still_a_child(olivia: User, station: Facility) -> None:
    # Given
    nearly_adult = child_details(birth_date=date(2000, 5, 2))

    # When
    unit = family_unit_create_at_apprehension(
        actor=olivia,
        apprehended_at=at("2018-05-01"),
        station=station,
        members=[NewMember(nearly_adult, role=MemberRole.CHILD)],
    )

    # Then
    assert unit.memberships.get().role == MemberRole.CHILD


@pytest.mark.parametrize(
    ("member", "field"),
    [
        (NewMember(mother_details(), role="COUSIN"), "role"),
        (NewMember(mother_details(), role=MemberRole.PARENT, evidence="HUNCH"), "evidence"),
        (NewMember(mother_details(given_names="   "), role=MemberRole.PARENT), "given_names"),
    ],
    ids=["unknown role", "unknown evidence", "no given names"],
)
def test_a_bad_membership_is_rejected_naming_its_field(
    olivia: User, station: Facility, member: NewMember, field: str
) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia, apprehended_at=at("2018-05-01"), station=station, members=[member]
        )

    # Then
    assert list(error.value.message_dict) == [field]


def test_problems_of_several_members_are_named_by_their_place_in_the_list(
    olivia: User, station: Facility
) -> None:
    # Given: the second member's birth date is tomorrow
    tomorrow = timezone.localdate() + timedelta(days=1)
    members = [
        NewMember(mother_details(), role=MemberRole.PARENT),
        NewMember(child_details(birth_date=tomorrow), role=MemberRole.CHILD),
    ]

    # When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia, apprehended_at=at("2018-05-01"), station=station, members=members
        )

    # Then
    assert error.value.message_dict == {
        "members.1.birth_date": ["A birth date cannot be in the future."]
    }


def test_an_overlong_apprehension_event_id_is_rejected(olivia: User, station: Facility) -> None:
    # Given / When
    with pytest.raises(ValidationError) as error:
        family_unit_create_at_apprehension(
            actor=olivia,
            apprehended_at=at("2018-05-01"),
            station=station,
            members=[NewMember(mother_details(), role=MemberRole.PARENT)],
            apprehension_event_id="E" * 65,
        )

    # Then
    assert "apprehension_event_id" in error.value.message_dict
