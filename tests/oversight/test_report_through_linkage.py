"""The removals report on extracts imported and linked agrees with the ground truth.

Given `reunify synth` extracts and the truth the generator computed from its own world
(`truth_removals.json`), when the three extracts are imported and linked and the report
is run on what linkage wrote, then each count and each list of persons matches the truth
up to linkage's own error: a parent counted in the wrong class, or missed, only where
linkage merged or split the people involved.
"""

import json
from pathlib import Path

import pytest

from reunify.linkage.services import linkage_run
from reunify.oversight.read_model import removals_report
from reunify.synth import build_world, write_extracts
from tests.linkage.test_family_records import import_all, person_of_key

pytestmark = pytest.mark.django_db

FAMILIES, SEED = 400, 21
COUNTS = (
    "removed_parents_with_separated_children",
    "with_valid_election",
    "without_any_election",
    "with_deficient_election",
    "removed_contrary_to_election",
    "acknowledgment_unknown",
)
# Persons F1 is above 0.99 on this data; a removed parent is judged on several people's
# records (children, elections, languages), so allow a few parents per class.
TOLERANCE = 0.05


def test_the_report_on_linked_extracts_matches_the_truth(tmp_path: Path) -> None:
    write_extracts(build_world(FAMILIES, SEED), tmp_path, SEED)
    truth = json.loads((tmp_path / "truth_removals.json").read_text())
    import_all(tmp_path)
    linkage_run(actor=None, actor_label="test")
    ids = person_of_key(tmp_path)

    report = removals_report().to_json()

    assert truth["removed_parents_with_separated_children"] >= 20
    for count in COUNTS:
        wanted = {str(ids[key]) for key in truth[f"persons_{count}"] if key in ids}
        found = set(report[f"persons_{count}"])
        assert len(found ^ wanted) <= max(2, TOLERANCE * len(wanted)), (
            count,
            sorted(found - wanted)[:5],
            sorted(wanted - found)[:5],
        )
    for code, keys in truth["persons_by_deficiency"].items():
        wanted = {str(ids[key]) for key in keys if key in ids}
        found = set(report["persons_by_deficiency"][code])
        assert len(found ^ wanted) <= max(2, TOLERANCE * len(wanted)), code
    assert report["gate_overrides"] == 0
