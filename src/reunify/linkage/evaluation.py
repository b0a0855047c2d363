"""Scoring a clustering of records into persons against a ground truth, pair by pair.

Pairwise precision is the share of record pairs put in one person that truly are one
person; recall the share of true same-person pairs that were put together. Only
records the truth lists are scored (a quarantined row is in no person). The naive
baseline, which a linker must beat, joins records only on an exact A-number or on an
exact folded full name with an exact birth date.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass(frozen=True, slots=True)
class PairScores:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.4f} recall {self.recall:.4f} F1 {self.f1:.4f}"
            f" ({self.correct_pairs:,} of {self.predicted_pairs:,} predicted,"
            f" {self.true_pairs:,} true)"
        )


def read_truth_persons(path: Path) -> pd.DataFrame:
    """`truth_persons.csv` as unique_id ("cbp:E3-…") and person."""
    with path.open(encoding="utf-8", newline="") as found:
        rows = [
            (f"{row['source']}:{row['record_id']}", row["person"]) for row in csv.DictReader(found)
        ]
    return pd.DataFrame(rows, columns=["unique_id", "person"])


def _pairs(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_scores(clusters: pd.DataFrame, truth: pd.DataFrame) -> PairScores:
    """`clusters` has unique_id and person_id; `truth` unique_id and person.

    A truth record missing from `clusters` counts as a person of its own.
    """
    joined = truth.merge(clusters[["unique_id", "person_id"]], on="unique_id", how="left")
    missing = joined["person_id"].isna()
    joined.loc[missing, "person_id"] = "unclustered:" + joined.loc[missing, "unique_id"]
    joined["person_id"] = joined["person_id"].astype(str)
    return PairScores(
        true_pairs=_pairs(joined.groupby("person").size()),
        predicted_pairs=_pairs(joined.groupby("person_id").size()),
        correct_pairs=_pairs(joined.groupby(["person", "person_id"]).size()),
    )


def _components(count: int, edges: list[tuple[int, int]]) -> list[int]:
    parent = list(range(count))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(node) for node in range(count)]


def naive_baseline(frame: pd.DataFrame) -> pd.DataFrame:
    """Persons from exact A-number, or exact folded full name and exact birth date."""
    records = frame.reset_index(drop=True)
    full_name = records["given_names"].fillna("") + "|" + records["surnames"].fillna("")
    keys = {
        "a_number": records["a_number"],
        "name_and_birth": full_name.where(records["birth_date"].notna())
        + "|"
        + records["birth_date"].fillna(""),
    }
    edges: list[tuple[int, int]] = []
    for values in keys.values():
        present = values.dropna()
        positions = present.index.to_series()
        first = positions.groupby(present.to_numpy()).transform("first")
        joined = first[first != positions]
        edges.extend(zip(joined.index.tolist(), joined.tolist(), strict=True))
    roots = _components(len(records), edges)
    return pd.DataFrame(
        {"unique_id": records["unique_id"], "person_id": [f"naive:{r}" for r in roots]}
    )
