"""The answer keys written beside the extracts.

- truth_persons.csv (`source,record_id,person`): every well-formed extract row once;
- truth_malformed.csv (`source,record_id,reason`): the rows made to be quarantined;
- truth_relationships.csv (`parent,child`): every parent or legal guardian and child
  of every family, in family order;
- truth_removals.json: the removals report from the truth (see `truth_removals`).
"""

import csv
import json
from pathlib import Path

from reunify.synth.extract_rows import ExtractRow
from reunify.synth.truth_removals import RemovalsTruth
from reunify.synth.world import World


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_truth(
    out_dir: Path,
    world: World,
    rows_by_source: dict[str, list[ExtractRow]],
    removals: RemovalsTruth,
) -> tuple[str, ...]:
    """Write the four truth files; returns their names."""
    persons: list[tuple[str, ...]] = []
    malformed: list[tuple[str, ...]] = []
    for source, rows in rows_by_source.items():
        for row in rows:
            record_id = row.record_id
            if row.malformed is None:
                persons.append((source, record_id, row.person_key))
            else:
                malformed.append((source, record_id, row.malformed))
    _write_csv(out_dir / "truth_persons.csv", ("source", "record_id", "person"), sorted(persons))
    _write_csv(
        out_dir / "truth_malformed.csv", ("source", "record_id", "reason"), sorted(malformed)
    )
    _write_csv(
        out_dir / "truth_relationships.csv", ("parent", "child"), list(world.relationships())
    )
    report = json.dumps(removals.to_json(), indent=2, ensure_ascii=False)
    (out_dir / "truth_removals.json").write_text(report + "\n", encoding="utf-8")
    return (
        "truth_persons.csv",
        "truth_malformed.csv",
        "truth_relationships.csv",
        "truth_removals.json",
    )
