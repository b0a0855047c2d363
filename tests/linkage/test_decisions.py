"""A reviewer's decisions hold whatever the model now thinks: "same" joins two records'
persons, "different" keeps them apart."""

import pytest

from reunify.linkage.decisions import apply_decisions

pytestmark = pytest.mark.sqlite


def test_same_joins_two_clusters() -> None:
    clusters = {"cbp:1": "a", "orr:1": "b", "ice:1": "a"}

    joined = apply_decisions(clusters, same=[("cbp:1", "orr:1")], different=[])

    assert joined["cbp:1"] == joined["orr:1"] == joined["ice:1"]


def test_different_parts_two_records_the_model_put_together() -> None:
    clusters = {"cbp:1": "a", "orr:1": "a", "ice:1": "a"}

    parted = apply_decisions(clusters, same=[], different=[("cbp:1", "orr:1")])

    assert parted["cbp:1"] == parted["ice:1"] != parted["orr:1"]


def test_a_record_parted_takes_the_records_tied_to_it_by_same() -> None:
    clusters = {"cbp:1": "a", "orr:1": "a", "ice:1": "a"}

    parted = apply_decisions(clusters, same=[("ice:1", "orr:1")], different=[("cbp:1", "orr:1")])

    assert parted["orr:1"] == parted["ice:1"] != parted["cbp:1"]


def test_decisions_on_records_no_longer_imported_are_ignored() -> None:
    clusters = {"cbp:1": "a"}

    assert (
        apply_decisions(clusters, same=[("cbp:1", "gone:9")], different=[("gone:9", "cbp:1")])
        == clusters
    )
