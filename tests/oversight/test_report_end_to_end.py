"""The issue's test of done: on `reunify synth` extracts imported and linked, the report's
counts match the ground truth within the linkage's own error.

The truth (`truth_removals`) is computed from the generator's world, not from the
database; the report reads only the family, election and removal records that linkage
wrote. Each true person is mapped to the person id most of their records were linked to.
"""

from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from reunify.oversight.read_model import removals_report
from reunify.synth import build_world, removals_truth, write_extracts
from reunify.synth.truth_removals import CHECKABLE
from tests.linkage.test_family_records import import_all, person_of_key
from tests.oversight.test_report_matches_truth import as_ids

pytestmark = pytest.mark.django_db

FAMILIES, SEED = 300, 12
CLASSES = (
    "with_valid_election",
    "without_any_election",
    "with_deficient_election",
    "removed_contrary_to_election",
)


def agreement(found: list[str], wanted: list[str]) -> tuple[float, float]:
    both = len(set(found) & set(wanted))
    return both / max(len(found), 1), both / max(len(wanted), 1)


@pytest.fixture
def reports(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    from reunify.linkage.services import linkage_run

    world = build_world(FAMILIES, SEED)
    write_extracts(world, tmp_path, SEED)
    import_all(tmp_path)
    linkage_run(actor=None, actor_label="test")
    ids: dict[str, UUID] = person_of_key(tmp_path)
    truth = removals_truth(world).to_json()
    unlinked = {
        key
        for name, value in truth.items()
        if name.startswith("persons_") and isinstance(value, list)
        for key in value
        if key not in ids
    }
    assert not unlinked, f"true persons with no linked record: {sorted(unlinked)[:5]}"
    return as_ids(truth, ids), removals_report().to_json()


def test_counts_and_persons_match_the_truth_within_linkage_error(
    reports: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    truth, report = reports
    total = truth["removed_parents_with_separated_children"]
    assert total > 20
    for name in ("removed_parents_with_separated_children", *CLASSES):
        precision, recall = agreement(report[f"persons_{name}"], truth[f"persons_{name}"])
        assert precision >= 0.9, (name, precision)
        assert recall >= 0.9, (name, recall)
        assert abs(report[name] - truth[name]) <= max(2, 0.1 * truth[name]), name
    for code in CHECKABLE:
        assert abs(report["deficiencies"][code] - truth["deficiencies"][code]) <= max(
            2, 0.1 * truth["deficiencies"][code]
        ), code
    assert report["gate_overrides"] == truth["gate_overrides"] == 0
    # Every election came from an extract: each valid one rests on an unknown acknowledgment.
    assert report["acknowledgment_unknown"] == report["with_valid_election"]
