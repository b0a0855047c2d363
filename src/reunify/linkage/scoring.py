"""`reunify evaluate`: the latest linkage scored against a generator's ground truth, and
the naive baseline scored the same way, so anyone can see what linkage adds."""

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from reunify.linkage.errors import LinkageRefused
from reunify.linkage.evaluation import (
    PairScores,
    naive_baseline,
    pairwise_scores,
    read_truth_persons,
)
from reunify.linkage.exports import linked_rows
from reunify.linkage.models import FamilyLink
from reunify.linkage.relationship_evaluation import relationship_quality
from reunify.linkage.staged_frame import staged_frame


def scores_json(scores: PairScores) -> dict[str, Any]:
    return {
        **asdict(scores),
        "precision": round(scores.precision, 6),
        "recall": round(scores.recall, 6),
        "f1": round(scores.f1, 6),
    }


def linkage_evaluation(truth_dir: Path) -> dict[str, Any]:
    truth_file = truth_dir / "truth_persons.csv"
    if not truth_file.is_file():
        raise LinkageRefused(f"no truth_persons.csv in {truth_dir} (see reunify synth)")
    truth = read_truth_persons(truth_file)
    linked = pd.DataFrame(
        [(f"{source}:{record_id}", person) for source, record_id, person in linked_rows()],
        columns=["unique_id", "person_id"],
    )
    if linked.empty:
        raise LinkageRefused("no linkage to evaluate: run reunify link first")
    frame = staged_frame()
    answer: dict[str, Any] = {
        "records": len(linked),
        "truth_records": len(truth),
        "persons": scores_json(pairwise_scores(linked, truth)),
        "naive_baseline_persons": scores_json(pairwise_scores(naive_baseline(frame), truth)),
    }
    if (truth_dir / "truth_relationships.csv").is_file():
        answer["relationships"] = relationship_quality(
            truth_dir, frame, linked, stored_links(), truth
        )
    return answer


def stored_links() -> pd.DataFrame:
    rows = FamilyLink.objects.values_list(
        "parent_person_id", "child_person_id", "confidence", "status"
    )
    return pd.DataFrame(
        [
            (str(parent), str(child), confidence, status.lower())
            for parent, child, confidence, status in rows
        ],
        columns=["parent_person_id", "child_person_id", "confidence", "status"],
    )
