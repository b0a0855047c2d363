"""truth_removals.json: the four classes partition the removed parents; every case occurs."""

from typing import Any

import pytest

from reunify.synth import removals_truth

from .support import Generated

CLASSES = (
    "with_valid_election",
    "without_any_election",
    "with_deficient_election",
    "removed_contrary_to_election",
)
CHECKABLE = (
    "VERBAL_ONLY",
    "UNSIGNED",
    "LANGUAGE_NOT_UNDERSTOOD",
    "NO_COUNSEL_ADVISAL",
    "AFTER_REMOVAL",
)


@pytest.fixture(scope="module")
def report(generated: Generated) -> dict[str, Any]:
    return generated.removals_json()


def test_the_four_classes_add_up_to_the_total(report: dict[str, Any]) -> None:
    total = report["removed_parents_with_separated_children"]
    assert sum(report[name] for name in CLASSES) == total
    assert len(report["persons_removed_parents_with_separated_children"]) == total


def test_each_class_lists_its_persons_and_no_one_twice(report: dict[str, Any]) -> None:
    everyone: list[str] = []
    for name in CLASSES:
        keys = report[f"persons_{name}"]
        assert len(keys) == report[name]
        assert keys == sorted(keys)
        everyone.extend(keys)
    assert sorted(everyone) == report["persons_removed_parents_with_separated_children"]


def test_deficiency_counts_match_their_lists(report: dict[str, Any]) -> None:
    assert set(report["deficiencies"]) == set(CHECKABLE)
    deficient = set(report["persons_with_deficient_election"])
    for code, count in report["deficiencies"].items():
        keys = report["persons_by_deficiency"][code]
        assert len(keys) == count
        # a parent with a deficiency is in the deficient class, and only there
        assert set(keys) <= deficient
    listed = {key for keys in report["persons_by_deficiency"].values() for key in keys}
    assert listed == deficient


def test_historical_extracts_have_no_overrides_and_unknown_acknowledgments(
    report: dict[str, Any],
) -> None:
    assert report["gate_overrides"] == 0
    assert report["persons_gate_overrides"] == []
    assert report["acknowledgment_unknown"] == report["with_valid_election"]


@pytest.mark.parametrize("code", CHECKABLE)
def test_every_checkable_deficiency_occurs(report: dict[str, Any], code: str) -> None:
    assert report["deficiencies"][code] > 0


@pytest.mark.parametrize("name", CLASSES)
def test_every_class_occurs(report: dict[str, Any], name: str) -> None:
    assert report[name] > 0


def test_the_file_is_the_report_of_the_world(generated: Generated, report: dict[str, Any]) -> None:
    assert report == removals_truth(generated.world).to_json()


def test_joint_removals_happened_and_are_not_counted(generated: Generated) -> None:
    # given parents removed with every separated child on the same flight
    world = generated.world
    counted = set(generated.removals_json()["persons_removed_parents_with_separated_children"])
    joint = [
        removal
        for removal in world.removals
        if removal.children_on_same_removal
        and {s.child_key for s in world.separations_of.get(removal.person_key, ())}
        == set(removal.children_on_same_removal)
    ]

    # then there are some, and none of them is counted
    assert joint
    assert not {removal.person_key for removal in joint} & counted
