"""Generated extracts with each well-formed row beside the person it is about."""

import csv
from dataclasses import dataclass
from pathlib import Path

from reunify.families.names import fold
from reunify.synth import SynthPerson, World

FAMILIES = 600  # "a few hundred": enough rows for every measured field
SEED = 2026


@dataclass(frozen=True)
class TruthRow:
    source: str
    values: dict[str, str]
    person: SynthPerson


def read_rows(world: World, out_dir: Path) -> list[TruthRow]:
    """Every well-formed row of the three extracts, with its person from the world."""
    with (out_dir / "truth_persons.csv").open(encoding="utf-8", newline="") as found:
        person_of = {
            (row["source"], row["record_id"]): row["person"] for row in csv.DictReader(found)
        }
    rows: list[TruthRow] = []
    for source in ("cbp", "ice", "orr"):
        with (out_dir / f"{source}.csv").open(encoding="utf-8", newline="") as found:
            for values in csv.DictReader(found):
                key = person_of.get((source, values["record_id"]))
                if key is not None:  # malformed rows are the importer's to quarantine
                    rows.append(TruthRow(source, values, world.persons[key]))
    return rows


def edits(a: str, b: str) -> int:
    """Levenshtein distance: how many typing slips turn `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, left in enumerate(a, 1):
        current = [i]
        for j, right in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left != right))
            )
        previous = current
    return previous[-1]


def close(recorded: str, truth: str) -> bool:
    """The same word, an initial of it, or a slip or two away (the generator's typos)."""
    if recorded == truth or (len(recorded) == 1 and truth.startswith(recorded)):
        return True
    return bool(recorded) and edits(recorded, truth) <= 2


@dataclass
class Rate:
    """Hits over trials, for one measured field."""

    hits: int = 0
    trials: int = 0

    def count(self, hit: bool) -> None:
        self.hits += hit
        self.trials += 1

    @property
    def value(self) -> float:
        return self.hits / self.trials if self.trials else 0.0

    def __str__(self) -> str:
        return f"{self.value:.4f} ({self.hits}/{self.trials})"


def folded_truth(person: SynthPerson) -> tuple[str, str, str]:
    return fold(person.given_names), fold(person.first_surname), fold(person.second_surname)
