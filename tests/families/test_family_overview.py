"""The family page's picture: who is apart from whom, and the side-by-side timeline."""

import pytest
from django.utils import timezone

from reunify.accounts.models import User
from reunify.families.models import Facility
from reunify.families.overview import build_family_overview
from reunify.families.selectors import members_of, separations_of
from reunify.families.services import custody_move
from tests.conftest import at
from tests.families.factories import mother_and_daughter, separate

pytestmark = pytest.mark.sqlite


def test_members_apprehended_together_share_one_timeline_row(
    olivia: User, station: Facility
) -> None:
    unit, _, _ = mother_and_daughter(actor=olivia, station=station, apprehended_at=at("2018-05-01"))

    overview = build_family_overview(
        members_of(unit), separations_of(unit), today=timezone.localdate()
    )

    assert len(overview.timeline) == 1
    assert all(cell.startswith("Border station") for cell in overview.timeline[0].cells)


def test_a_separation_marks_both_sides_once_and_sits_in_both_columns(
    olivia: User, station: Facility, shelter: Facility
) -> None:
    unit, mother, daughter = mother_and_daughter(
        actor=olivia, station=station, apprehended_at=at("2018-05-01")
    )
    separate(actor=olivia, unit=unit, parent=mother, child=daughter, at=at("2018-05-02"))
    custody_move(
        actor=olivia, person=daughter, kind="SHELTER", facility=shelter, moved_at=at("2018-05-03")
    )

    overview = build_family_overview(
        members_of(unit), separations_of(unit), today=timezone.localdate()
    )

    assert overview.apart_person_ids == {mother.pk, daughter.pk}
    assert overview.separated_children == 1
    apart = overview.open_separations[0]
    assert apart.child.current is not None
    assert apart.child.current.where == "Casa Esperanza Shelter"
    separation_rows = [row for row in overview.timeline if row.kind == "separation"]
    assert len(separation_rows) == 1
    assert all(cell.startswith("Separated from") for cell in separation_rows[0].cells)
    assert [row.kind for row in overview.timeline] == ["custody", "separation", "custody"]
