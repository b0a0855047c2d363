"""Who may change family records: everyone else is refused and nothing is written."""

from collections.abc import Callable

import pytest

from reunify.accounts.models import User
from reunify.accounts.permissions import PermissionDenied
from reunify.families.choices import CustodyKind, MemberRole, ReunionMethod, ReunionSetting
from reunify.families.models import Facility, FamilyUnit, Person, Separation
from reunify.families.services import (
    NewMember,
    custody_move,
    family_unit_create_at_apprehension,
    membership_add,
    reunion_record,
)
from tests.conftest import at
from tests.families.factories import (
    child_details,
    counts,
    mother_and_daughter,
    mother_details,
    separate,
)

pytestmark = pytest.mark.django_db

Cast = Callable[[str], User]
Separated = tuple[FamilyUnit, Person, Person, Separation]


@pytest.fixture
def separated(olivia: User, station: Facility) -> Separated:
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separation = separate(actor=olivia, unit=unit, parent=mother, child=child, at=at("2018-05-02"))
    return unit, mother, child, separation


@pytest.mark.parametrize("username", ["carmen", "luis", "tomas", "ada"])
def test_only_officers_supervisors_and_admins_record_family_units(
    cast: Cast, station: Facility, username: str
) -> None:
    # Given
    outsider = cast(username)

    # When
    with pytest.raises(PermissionDenied, match="may not record family units"):
        family_unit_create_at_apprehension(
            actor=outsider,
            apprehended_at=at("2018-05-01"),
            station=station,
            members=[NewMember(mother_details(), role=MemberRole.PARENT)],
        )

    # Then
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.sqlite
@pytest.mark.parametrize("username", ["olivia", "sam", "abel"])
def test_officers_supervisors_and_admins_record_family_units(
    cast: Cast, station: Facility, username: str
) -> None:
    # Given / When
    unit, _, _ = mother_and_daughter(
        actor=cast(username), station=station, apprehended_at=at("2018-05-01")
    )

    # Then
    assert unit.created_by == cast(username)


@pytest.mark.parametrize("username", ["carmen", "luis", "tomas", "ada"])
def test_only_family_recorders_add_members(cast: Cast, separated: Separated, username: str) -> None:
    # Given
    unit = separated[0]
    before = counts()

    # When
    with pytest.raises(PermissionDenied, match="may not add family members"):
        membership_add(
            actor=cast(username),
            family_unit=unit,
            member=NewMember(child_details(given_names="Luis"), role=MemberRole.CHILD),
        )

    # Then
    assert counts() == before


@pytest.mark.parametrize("username", ["luis", "tomas", "ada"])
def test_counsel_tracing_and_auditors_do_not_move_custody(
    cast: Cast, detention: Facility, separated: Separated, username: str
) -> None:
    # Given
    _, mother, _, _ = separated
    before = counts()

    # When
    with pytest.raises(PermissionDenied, match="may not record custody moves"):
        custody_move(
            actor=cast(username),
            person=mother,
            kind=CustodyKind.DETENTION_FACILITY,
            facility=detention,
            moved_at=at("2018-05-03"),
        )

    # Then
    assert counts() == before


@pytest.mark.parametrize("username", ["carmen", "luis", "tomas", "ada"])
def test_only_officers_supervisors_and_admins_authorise_separations(
    cast: Cast, olivia: User, station: Facility, username: str
) -> None:
    # Given
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    before = counts()

    # When
    with pytest.raises(PermissionDenied, match="may not authorise separations"):
        separate(actor=cast(username), unit=unit, parent=mother, child=child, at=at("2018-05-02"))

    # Then
    assert counts() == before


@pytest.mark.parametrize("username", ["luis", "ada"])
def test_counsel_and_auditors_do_not_record_reunions(
    cast: Cast, separated: Separated, username: str
) -> None:
    # Given
    unit, _, _, separation = separated
    before = counts()

    # When
    with pytest.raises(PermissionDenied, match="may not record reunions"):
        reunion_record(
            actor=cast(username),
            family_unit=unit,
            separations=[separation],
            reunited_at=at("2018-06-01"),
            setting=ReunionSetting.IN_COUNTRY,
            method=ReunionMethod.RELEASE_TO_PARENT,
        )

    # Then
    assert counts() == before
    separation.refresh_from_db()
    assert separation.is_open


def test_a_deactivated_officer_is_refused(olivia: User, station: Facility) -> None:
    # Given: Olivia's account was switched off
    olivia.is_active = False
    olivia.save()

    # When
    with pytest.raises(PermissionDenied):
        mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    # Then
    assert counts() == dict.fromkeys(counts(), 0)


def test_permission_is_checked_before_the_input(cast: Cast, station: Facility) -> None:
    # Given: an auditor sending input that is also bad
    ada = cast("ada")

    # When / Then: the answer is the refusal, not a list of problems that reveals rules
    with pytest.raises(PermissionDenied):
        family_unit_create_at_apprehension(
            actor=ada, apprehended_at=at("2018-05-01"), station=station, members=[]
        )
