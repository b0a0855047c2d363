"""Shared test data: the generated world of 2,000 families (seed 7) and its files."""

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reunify.synth import ExtractSummary, World

FAMILIES = 2000
SEED = 7
SOURCES = ("cbp", "ice", "orr")


@dataclass(frozen=True)
class Generated:
    world: World
    out_dir: Path
    summary: ExtractSummary

    def rows(self, name: str) -> list[dict[str, str]]:
        with (self.out_dir / name).open(encoding="utf-8", newline="") as found:
            return list(csv.DictReader(found))

    def header(self, name: str) -> list[str]:
        with (self.out_dir / name).open(encoding="utf-8", newline="") as found:
            return next(csv.reader(found))

    def removals_json(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(
            (self.out_dir / "truth_removals.json").read_text("utf-8")
        )
        return loaded

    def malformed_ids(self, source: str) -> set[str]:
        return {
            row["record_id"] for row in self.rows("truth_malformed.csv") if row["source"] == source
        }

    def well_formed(self, source: str) -> Iterator[dict[str, str]]:
        bad = self.malformed_ids(source)
        return (row for row in self.rows(f"{source}.csv") if row["record_id"] not in bad)

    def person_of(self) -> dict[tuple[str, str], str]:
        return {
            (row["source"], row["record_id"]): row["person"]
            for row in self.rows("truth_persons.csv")
        }
