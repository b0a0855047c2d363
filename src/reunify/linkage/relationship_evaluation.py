"""Scoring parent-child links against `reunify synth`'s `truth_relationships.csv`.

A predicted person stands for the truth person most of its records belong to, so a
link between predicted persons becomes a link between truth persons. Link precision is
the share of distinct such links that are true; recall the share of true links (both
persons having a record in the data) that were predicted.

The shelter measure follows issue 5: of the shelter children (one per `orr` record)
with a true parent or legal guardian in the data, the share whose top accepted link
names a true parent ("correctly named"), and the share whose top link names anyone
else ("wrongly named"); the rest have no parent named. Children with no parent in the
data who are nevertheless given one are counted apart.

The naive baseline (`naive_family_links`) links a shelter child to a border adult only
on an exact `parent_a_number`, or on the exact reported full name of an adult of the
child's border event, over the naive persons of `evaluation.naive_baseline`.
"""

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from reunify.linkage.evaluation import PairScores, naive_baseline

PAIR = ["parent_person_id", "child_person_id"]


def read_truth_relationships(path: Path) -> pd.DataFrame:
    """`truth_relationships.csv` as parent and child truth person keys."""
    with path.open(encoding="utf-8", newline="") as found:
        rows = [(row["parent"], row["child"]) for row in csv.DictReader(found)]
    return pd.DataFrame(rows, columns=["parent", "child"])


def truth_person_of(clusters: pd.DataFrame, truth: pd.DataFrame) -> pd.Series:
    """Predicted person_id → the truth person most of its records belong to."""
    joined = truth.merge(clusters[["unique_id", "person_id"]], on="unique_id")
    counts = joined.groupby(["person_id", "person"]).size().reset_index(name="records")
    counts = counts.sort_values(["person_id", "records", "person"],
                                ascending=[True, False, True])  # fmt: skip
    majority: pd.Series = counts.drop_duplicates("person_id").set_index("person_id")["person"]
    return majority


def _as_truth_pairs(links: pd.DataFrame, majority: pd.Series) -> pd.DataFrame:
    mapped = pd.DataFrame(
        {
            "parent": links["parent_person_id"].map(majority),
            "child": links["child_person_id"].map(majority),
        },
        index=links.index,
    )
    # a person with no scored record stands for no one: a pair of its own
    unknown = mapped["parent"].isna() | mapped["child"].isna()
    mapped.loc[unknown, "parent"] = "unscored:" + links.loc[unknown, "parent_person_id"]
    mapped.loc[unknown, "child"] = "unscored:" + links.loc[unknown, "child_person_id"]
    return mapped


def link_scores(
    links: pd.DataFrame,
    clusters: pd.DataFrame,
    truth: pd.DataFrame,
    relationships: pd.DataFrame,
) -> PairScores:
    """Precision, recall and F1 of `links` (parent_person_id, child_person_id)."""
    majority = truth_person_of(clusters, truth)
    predicted = _as_truth_pairs(links, majority).drop_duplicates()
    present = set(truth["person"])
    true_pairs = relationships[
        relationships["parent"].isin(present) & relationships["child"].isin(present)
    ].drop_duplicates()
    correct = predicted.merge(true_pairs, on=["parent", "child"])
    return PairScores(
        true_pairs=len(true_pairs), predicted_pairs=len(predicted), correct_pairs=len(correct)
    )


@dataclass(frozen=True, slots=True)
class ShelterScores:
    children: int  # shelter records whose child has a true parent in the data
    correctly_named: int
    wrongly_named: int
    named_without_parent: int  # a parent named for a child with none in the data

    @property
    def correct_share(self) -> float:
        return self.correctly_named / self.children if self.children else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrongly_named / self.children if self.children else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "children_with_parent_in_data": self.children,
            "correctly_named": self.correctly_named,
            "wrongly_named": self.wrongly_named,
            "correct_share": round(self.correct_share, 5),
            "wrong_share": round(self.wrong_share, 5),
            "named_without_parent_in_data": self.named_without_parent,
        }


def shelter_scores(
    links: pd.DataFrame,
    clusters: pd.DataFrame,
    truth: pd.DataFrame,
    relationships: pd.DataFrame,
) -> ShelterScores:
    """How often a shelter child's top link names a true parent; `links` needs
    parent_person_id, child_person_id and confidence (pass only accepted links)."""
    present = set(truth["person"])
    parents = relationships[relationships["parent"].isin(present)]
    parents_of = parents.groupby("child")["parent"].agg(frozenset)
    shelter = truth[truth["unique_id"].str.startswith("orr:")]
    shelter = shelter.merge(clusters[["unique_id", "person_id"]], on="unique_id", how="left")
    top = links.sort_values("confidence", ascending=False).drop_duplicates("child_person_id")
    top_parent = top.set_index("child_person_id")["parent_person_id"]
    named_person = shelter["person_id"].map(top_parent)
    majority = truth_person_of(clusters, truth)
    named = named_person.map(majority).fillna("unscored").where(named_person.notna())
    true_parents = shelter["person"].map(parents_of)
    has_parent = true_parents.notna()
    is_named = named.notna()
    right = pd.Series(
        [
            isinstance(found, frozenset) and parent in found
            for parent, found in zip(named, true_parents, strict=True)
        ],
        index=shelter.index,
        dtype=bool,
    )
    return ShelterScores(
        children=int(has_parent.sum()),
        correctly_named=int((has_parent & is_named & right).sum()),
        wrongly_named=int((has_parent & is_named & ~right).sum()),
        named_without_parent=int((~has_parent & is_named).sum()),
    )


def naive_family_links(frame: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """The baseline's links between the persons of `clusters` (the naive persons):
    a shelter record's child to the border adult whose A-number is the reported
    parent's, or whose full name is the reported one and who was apprehended in the
    child's border event (if the child has one; anywhere if not)."""
    records = frame.merge(clusters[["unique_id", "person_id"]], on="unique_id")
    cbp = records[records["source"] == "cbp"].copy()
    cbp["full_name"] = cbp["given_names"] + " " + cbp["surnames"]
    orr = records[records["source"] == "orr"].copy()
    orr["full_name"] = orr["reported_parent_given_names"] + " " + orr["reported_parent_surnames"]
    child = orr[["person_id", "parent_a_number", "full_name"]].rename(
        columns={"person_id": "child_person_id"}
    )
    adult = cbp[["person_id", "a_number", "full_name", "event_id"]].rename(
        columns={"person_id": "parent_person_id"}
    )
    by_a_number = child.dropna(subset=["parent_a_number"]).merge(
        adult.dropna(subset=["a_number"]), left_on="parent_a_number", right_on="a_number"
    )
    child_events = cbp[["person_id", "event_id"]].rename(
        columns={"person_id": "child_person_id", "event_id": "child_event"}
    )
    by_name = child.dropna(subset=["full_name"]).merge(adult, on="full_name")
    by_name = by_name.merge(child_events, on="child_person_id", how="left")
    by_name = by_name[
        by_name["child_event"].isna() | (by_name["child_event"] == by_name["event_id"])
    ]
    links = pd.concat(
        [by_a_number[PAIR].assign(confidence=1.0), by_name[PAIR].assign(confidence=0.9)]
    )
    links = links[links["parent_person_id"] != links["child_person_id"]]
    return links.sort_values("confidence", ascending=False).drop_duplicates(PAIR)


def scores_of(scores: PairScores) -> dict[str, float | int]:
    return {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
            "predicted": scores.predicted_pairs, "true": scores.true_pairs}  # fmt: skip


def relationship_quality(
    directory: Path,
    frame: pd.DataFrame,
    clusters: pd.DataFrame,
    links: pd.DataFrame,
    truth: pd.DataFrame,
) -> dict[str, Any]:
    """Parent-child links scored against truth_relationships.csv, and the baseline's."""
    relationships = read_truth_relationships(directory / "truth_relationships.csv")
    accepted = links[links["status"] == "accepted"]
    naive_clusters = naive_baseline(frame)
    naive = naive_family_links(frame, naive_clusters)
    return {
        "accepted": len(accepted),
        "for_review": len(links) - len(accepted),
        "links": scores_of(link_scores(accepted, clusters, truth, relationships)),
        "links_with_review": scores_of(link_scores(links, clusters, truth, relationships)),
        "shelter": shelter_scores(accepted, clusters, truth, relationships).as_dict(),
        "naive_links": scores_of(link_scores(naive, naive_clusters, truth, relationships)),
        "naive_shelter": shelter_scores(naive, naive_clusters, truth, relationships).as_dict(),
    }
