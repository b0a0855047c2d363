"""Reading a family unit's history, as its page and the API show it."""

import pytest

from reunify.accounts.models import User
from reunify.audit.selectors import history_of_family_unit
from reunify.families.models import Facility
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_units_history_is_its_own_changes_in_the_order_they_happened(
    olivia: User, sam: User, station: Facility
) -> None:
    # Given: two families; Sam separates a child in the first
    unit, mother, child = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    other, _, _ = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separate(actor=sam, unit=unit, parent=mother, child=child, at=at("2018-05-02"))

    # When
    entries = list(history_of_family_unit(family_unit_id=unit.id))

    # Then
    assert [(entry.action, entry.actor) for entry in entries] == [
        ("family.created", olivia),
        ("family.member_added", olivia),
        ("family.member_added", olivia),
        ("separation.recorded", sam),
        ("tracing.case_opened", sam),  # a separated child is traced from that moment
    ]
    assert len(history_of_family_unit(family_unit_id=other.id)) == 3
