"""Each removed parent in exactly one class, decided by the governing election's verdict."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.elections.validity import EXTRACT_CANNOT_SHOW
from reunify.oversight.classification import (
    CountedParent,
    GoverningVerdict,
    RemovalClass,
    removal_class,
)
from reunify.oversight.counted_removals import Removal
from reunify.vocabulary import Deficiency, ElectionOption, ElectionOrigin

REMOVED = datetime(2018, 8, 1, 12, tzinfo=UTC)


def parent(
    option: ElectionOption | None,
    deficiencies: tuple[Deficiency, ...] = (),
    *,
    origin: ElectionOrigin = ElectionOrigin.RECORDED,
) -> CountedParent:
    verdict = (
        None
        if option is None
        else GoverningVerdict(
            election_id="e1",
            option=option,
            origin=origin,
            made_at=REMOVED,
            deficiencies=deficiencies,
            unjudged=EXTRACT_CANNOT_SHOW if origin is ElectionOrigin.EXTRACT else frozenset(),
        )
    )
    return CountedParent("ana", Removal("ana", REMOVED, "GT"), ("brayan",), "GT", verdict)


def test_no_election_is_its_own_class() -> None:
    assert parent(None).removal_class is RemovalClass.NO_ELECTION


def test_a_valid_children_remain_is_valid() -> None:
    assert parent(ElectionOption.CHILDREN_REMAIN).removal_class is RemovalClass.VALID


@pytest.mark.parametrize("option", [ElectionOption.DEPART_WITH_CHILDREN, ElectionOption.MORE_TIME])
def test_a_valid_depart_or_more_time_and_removed_alone_is_contrary(option: ElectionOption) -> None:
    assert parent(option).removal_class is RemovalClass.CONTRARY


@pytest.mark.parametrize("option", list(ElectionOption))
def test_a_deficient_election_is_deficient_whatever_its_option(option: ElectionOption) -> None:
    assert parent(option, (Deficiency.VERBAL_ONLY,)).removal_class is RemovalClass.DEFICIENT


def test_a_valid_extract_election_rests_on_an_unknown_acknowledgment() -> None:
    extract = parent(ElectionOption.CHILDREN_REMAIN, origin=ElectionOrigin.EXTRACT)
    assert extract.removal_class is RemovalClass.VALID
    assert extract.acknowledgment_unknown
    assert not parent(ElectionOption.CHILDREN_REMAIN).acknowledgment_unknown
    deficient = parent(
        ElectionOption.CHILDREN_REMAIN, (Deficiency.UNSIGNED,), origin=ElectionOrigin.EXTRACT
    )
    assert not deficient.acknowledgment_unknown


@given(
    option=st.none() | st.sampled_from(list(ElectionOption)),
    deficiencies=st.lists(st.sampled_from(list(Deficiency)), unique=True, max_size=4),
)
def test_every_parent_falls_in_exactly_one_class(
    option: ElectionOption | None, deficiencies: list[Deficiency]
) -> None:
    found = removal_class(option, tuple(deficiencies))
    expected = {
        RemovalClass.NO_ELECTION: option is None,
        RemovalClass.DEFICIENT: option is not None and bool(deficiencies),
        RemovalClass.VALID: option is ElectionOption.CHILDREN_REMAIN and not deficiencies,
        RemovalClass.CONTRARY: option
        in (ElectionOption.DEPART_WITH_CHILDREN, ElectionOption.MORE_TIME)
        and not deficiencies,
    }
    assert [name for name, holds in expected.items() if holds] == [found]
