"""Adding a newly recorded person to an existing family unit."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.choices import MemberRole, RelationshipEvidence
from reunify.families.models import CustodyEpisode, Facility, FamilyUnit, Person
from reunify.families.services import NewMember, membership_add
from tests.conftest import at
from tests.families.factories import child_details, counts, history, mother_and_daughter

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(olivia: User, station: Facility) -> tuple[FamilyUnit, Person, Person]:
    return mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))


@pytest.mark.sqlite
def test_a_member_added_later_joins_the_unit_with_a_history_entry(
    sam: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    unit, _, _ = family
    son = NewMember(
        child_details(given_names="Luis", sex="M"),
        role=MemberRole.CHILD,
        evidence=RelationshipEvidence.BIRTH_CERTIFICATE,
    )

    # When
    membership = membership_add(actor=sam, family_unit=unit, member=son)

    # Then
    assert membership.family_unit == unit
    assert membership.role == MemberRole.CHILD
    assert membership.evidence == RelationshipEvidence.BIRTH_CERTIFICATE
    assert unit.memberships.count() == 3
    [entry] = history("family.member_added")[2:]
    assert entry.actor == sam
    assert entry.subject_id == membership.id
    assert entry.family_unit_id == unit.id
    assert entry.person_ids == [str(membership.person_id)]
    assert entry.changes["given_names"] == "Luis"
    assert entry.changes["evidence"] == "BIRTH_CERTIFICATE"


@pytest.mark.sqlite
def test_a_member_added_later_is_not_assumed_to_be_at_the_station(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    unit, _, _ = family

    # When
    membership = membership_add(
        actor=olivia,
        family_unit=unit,
        member=NewMember(child_details(given_names="Luis"), role=MemberRole.CHILD),
    )

    # Then
    assert not CustodyEpisode.objects.filter(person=membership.person).exists()


def test_a_child_added_today_must_be_under_18_today(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given: 18 since a few days at least
    unit, _, _ = family
    today = timezone.localdate()
    born = date(today.year - 18, today.month, 1) - timedelta(days=3)
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        membership_add(
            actor=olivia,
            family_unit=unit,
            member=NewMember(child_details(birth_date=born), role=MemberRole.CHILD),
        )

    # Then: the field has no "members.N." prefix for a single member
    assert list(error.value.message_dict) == ["role"]
    assert counts() == before


def test_a_bad_member_added_later_leaves_nothing_behind(
    olivia: User, family: tuple[FamilyUnit, Person, Person]
) -> None:
    # Given
    unit, _, _ = family
    before = counts()

    # When
    with pytest.raises(ValidationError) as error:
        membership_add(
            actor=olivia,
            family_unit=unit,
            member=NewMember(child_details(citizenship="ZZ"), role=MemberRole.CHILD),
        )

    # Then
    assert list(error.value.message_dict) == ["citizenship"]
    assert counts() == before
