"""Pairwise scores on a hand-made clustering, and the naive baseline's joins."""

import pandas as pd
import pytest

from reunify.linkage.evaluation import naive_baseline, pairwise_scores


def _truth(persons: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"unique_id": list(persons), "person": list(persons.values())})


def _clusters(clusters: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"unique_id": list(clusters), "person_id": list(clusters.values())})


def test_scores_count_pairs_within_clusters() -> None:
    # given Ana's three records and Beto's two
    truth = _truth({"a1": "ana", "a2": "ana", "a3": "ana", "b1": "beto", "b2": "beto"})
    # when a1 and a2 are joined, a3 left alone, and b1 wrongly joined to them
    clusters = _clusters({"a1": "x", "a2": "x", "b1": "x", "a3": "y", "b2": "z"})
    scores = pairwise_scores(clusters, truth)
    # then of 3 predicted pairs only a1-a2 is right, of 4 true pairs 1 was found
    assert (scores.predicted_pairs, scores.true_pairs, scores.correct_pairs) == (3, 4, 1)
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == pytest.approx(1 / 4)
    assert scores.f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))


def test_a_record_missing_from_the_clustering_is_a_person_alone() -> None:
    truth = _truth({"a1": "ana", "a2": "ana"})
    scores = pairwise_scores(_clusters({"a1": "x"}), truth)
    assert (scores.predicted_pairs, scores.correct_pairs, scores.recall) == (0, 0, 0.0)
    assert scores.precision == 1.0


def test_records_outside_the_truth_are_not_scored() -> None:
    truth = _truth({"a1": "ana", "a2": "ana"})
    clusters = _clusters({"a1": "x", "a2": "x", "quarantined": "x"})
    assert pairwise_scores(clusters, truth).f1 == 1.0


def test_naive_baseline_joins_on_a_number_or_on_name_and_birth_date() -> None:
    frame = pd.DataFrame(
        {
            "unique_id": ["cbp:1", "ice:1", "orr:1", "orr:2", "ice:2"],
            "a_number": ["012345678", "012345678", None, None, None],
            "given_names": ["ana", "ana maria", "ana", "ana", "ana"],
            "surnames": ["lopez garcia", "lopez", "lopez garcia", "lopez garcia", "lopez garcia"],
            "birth_date": ["2010-01-02", "2010-01-02", "2010-01-02", None, None],
        }
    )
    persons = naive_baseline(frame).set_index("unique_id")["person_id"]
    # same A-number; then same name and birth date; no birth date joins nothing
    assert persons["cbp:1"] == persons["ice:1"] == persons["orr:1"]
    assert persons["orr:2"] != persons["cbp:1"]
    assert persons["ice:2"] != persons["orr:2"]
