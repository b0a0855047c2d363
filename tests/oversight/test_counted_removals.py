"""Which removal of a parent the report judges, on hand-made records.

The cast: Ana, removed to Guatemala; her son Brayan, separated from her a month before.
"""

from datetime import UTC, datetime

from reunify.oversight.counted_removals import Removal, SeparationSpan, counted_removal

ANA, BRAYAN, CARLA = "ana", "brayan", "carla"
SEPARATED = datetime(2018, 5, 20, 12, tzinfo=UTC)
REMOVED = datetime(2018, 8, 1, 12, tzinfo=UTC)
LATER = datetime(2019, 2, 1, 12, tzinfo=UTC)


def removal(at: datetime = REMOVED, country: str = "GT") -> Removal:
    return Removal(ANA, at, country, "Port Isabel")


def apart(child: str = BRAYAN, reunited_at: datetime | None = None) -> SeparationSpan:
    return SeparationSpan(child, SEPARATED, reunited_at)


def test_a_child_still_apart_makes_the_removal_count() -> None:
    found = counted_removal([removal()], [apart()], {})
    assert found is not None
    assert (found.removal, found.children_left) == (removal(), (BRAYAN,))


def test_a_child_reunited_before_the_removal_does_not() -> None:
    assert counted_removal([removal()], [apart(reunited_at=SEPARATED)], {}) is None


def test_a_reunion_at_the_moment_of_removal_is_not_before_it() -> None:
    found = counted_removal([removal()], [apart(reunited_at=REMOVED)], {})
    assert found is not None


def test_a_child_on_the_same_flight_is_not_left_behind() -> None:
    flights = {(REMOVED, "GT"): frozenset({ANA, BRAYAN})}
    assert counted_removal([removal()], [apart()], flights) is None


def test_a_child_removed_the_same_moment_to_another_country_is_left_behind() -> None:
    flights = {(REMOVED, "HN"): frozenset({BRAYAN}), (REMOVED, "GT"): frozenset({ANA})}
    assert counted_removal([removal()], [apart()], flights) is not None


def test_one_child_taken_and_one_left_counts_the_one_left() -> None:
    flights = {(REMOVED, "GT"): frozenset({ANA, BRAYAN})}
    found = counted_removal([removal()], [apart(), apart(CARLA)], flights)
    assert found is not None
    assert found.children_left == (CARLA,)


def test_a_separation_after_the_removal_does_not_count_for_it() -> None:
    later_separation = SeparationSpan(BRAYAN, LATER, None)
    assert counted_removal([removal()], [later_separation], {}) is None


def test_a_person_removed_twice_is_judged_on_the_first_removal_that_counts() -> None:
    later_separation = SeparationSpan(BRAYAN, datetime(2018, 12, 1, tzinfo=UTC), None)
    found = counted_removal([removal(LATER), removal()], [later_separation], {})
    assert found is not None
    assert found.removal.at == LATER

    found = counted_removal([removal(LATER), removal()], [apart()], {})
    assert found is not None
    assert found.removal.at == REMOVED
