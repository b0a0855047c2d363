"""On a generated world, the report read from the database says what the truth says.

Given a world from `reunify.synth` loaded with its elections as historical extract rows
(no acknowledgment, no waiver wording, no children named), when the removals report is
read from the database, then every count and every list of persons equals
`truth_removals`, computed independently from the generator's truth.
"""

from typing import Any
from uuid import UUID

import pytest

from reunify.oversight.read_model import removals_report
from reunify.synth import World, build_world, removals_truth
from reunify.synth.truth_removals import CHECKABLE
from reunify.vocabulary import Deficiency
from tests.oversight.loaded_world import load_as_extracts

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

FAMILIES = 1500
SEED = 2018


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(FAMILIES, SEED)


def as_ids(truth: dict[str, Any], person_ids: dict[str, UUID]) -> dict[str, Any]:
    """The truth's JSON with person keys replaced by the loaded ids, lists sorted."""
    mapped: dict[str, Any] = {}
    for name, value in truth.items():
        if name == "persons_by_deficiency":
            mapped[name] = {
                code: sorted(str(person_ids[key]) for key in keys) for code, keys in value.items()
            }
        elif name.startswith("persons_"):
            mapped[name] = sorted(str(person_ids[key]) for key in value)
        else:
            mapped[name] = value
    return mapped


def test_counts_and_persons_equal_the_truth(world: World) -> None:
    person_ids = load_as_extracts(world)
    expected = as_ids(removals_truth(world).to_json(), person_ids)
    report = removals_report().to_json()

    assert expected["removed_parents_with_separated_children"] > 100
    for name, value in expected.items():
        if name in ("deficiencies", "persons_by_deficiency"):
            continue
        assert report[name] == value, name
    for code in CHECKABLE:
        assert report["deficiencies"][code] == expected["deficiencies"][code], code
        assert report["persons_by_deficiency"][code] == expected["persons_by_deficiency"][code]
    # What an extract cannot show is never called broken.
    for code in set(Deficiency) - set(CHECKABLE):
        assert report["deficiencies"][code] == 0, code


def test_the_four_classes_add_up(world: World) -> None:
    load_as_extracts(world)
    report = removals_report().to_json()
    classes = (
        "with_valid_election",
        "without_any_election",
        "with_deficient_election",
        "removed_contrary_to_election",
    )
    assert (
        sum(report[name] for name in classes) == report["removed_parents_with_separated_children"]
    )
    every = [person for name in classes for person in report[f"persons_{name}"]]
    assert sorted(every) == report["persons_removed_parents_with_separated_children"]
