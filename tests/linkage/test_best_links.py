"""Single-best-links clustering in memory gives Splink's own answer, ties and all."""

import random
from typing import Any

import duckdb
import pandas as pd
import pytest
from splink import DuckDBAPI
from splink.internals.one_to_one_clustering import one_to_one_clustering

from reunify.linkage.best_links import SEPARATOR, single_best_links

DUPLICATE_FREE = ("cbp", "orr")
PAIR_COLUMNS = [
    "source_dataset_l", "unique_id_l", "source_dataset_r", "unique_id_r", "match_probability",
]  # fmt: skip


def _splink_clusters(records: pd.DataFrame, pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Splink 5.0's single-best-links rounds run on DuckDB over the same records and pairs
    (the tables its linker builds before calling them)."""
    db_api = DuckDBAPI(duckdb.connect())
    nodes = db_api.register(
        pd.DataFrame(
            {
                "node_id": records["source"] + SEPARATOR + records["unique_id"],
                "source_dataset": records["source"],
            }
        ),
        table_name="nodes",
    )
    edges = db_api.register(
        pd.DataFrame(
            {
                "node_id_l": pairs["source_dataset_l"] + SEPARATOR + pairs["unique_id_l"],
                "node_id_r": pairs["source_dataset_r"] + SEPARATOR + pairs["unique_id_r"],
                "source_dataset_l": pairs["source_dataset_l"],
                "source_dataset_r": pairs["source_dataset_r"],
                "match_probability": pairs["match_probability"],
            }
        ),
        table_name="edges",
    )
    clustered = one_to_one_clustering(
        nodes_table=nodes,
        edges_table=edges,
        node_id_column_name="node_id",
        source_dataset_column_name="source_dataset",
        edge_id_column_name_left="node_id_l",
        edge_id_column_name_right="node_id_r",
        duplicate_free_datasets=list(DUPLICATE_FREE),
        ties_method="lowest_id",
        db_api=db_api,
        threshold_match_probability=threshold,
    ).as_pandas_dataframe()
    return pd.DataFrame(
        {
            "unique_id": clustered["node_id"].str.split(SEPARATOR).str[1],
            "cluster_id": clustered["cluster_id"],
        }
    )


def _world(seed: int, records: int, pairs: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Records of three sources and pairs among them whose probabilities come from a few
    values, so ties on probability (and on the record ranked next) are common."""
    chance = random.Random(seed)
    sources = [chance.choice(("cbp", "ice", "orr")) for _ in range(records)]
    ids = [f"{source}:{number:04d}" for number, source in enumerate(sources)]
    found = set()
    while len(found) < pairs:
        left, right = chance.sample(range(records), 2)
        if sources[left] != sources[right] or sources[left] == "ice":
            found.add((left, right))
    rows = [
        {
            "source_dataset_l": sources[left],
            "unique_id_l": ids[left],
            "source_dataset_r": sources[right],
            "unique_id_r": ids[right],
            "match_probability": chance.choice((0.3, 0.5, 0.8, 0.8, 0.95, 1.0)),
        }
        for left, right in sorted(found)
    ]
    return pd.DataFrame({"source": sources, "unique_id": ids}), pd.DataFrame(rows)


def _by_record(clusters: pd.DataFrame) -> dict[str, str]:
    return dict(zip(clusters["unique_id"], clusters["cluster_id"], strict=True))


@pytest.mark.parametrize("seed", range(12))
def test_the_same_clusters_as_splink_on_tied_graphs(seed: int) -> None:
    records, pairs = _world(seed, records=60, pairs=140)

    mine = single_best_links(records, pairs, duplicate_free_sources=DUPLICATE_FREE, threshold=0.5)

    assert _by_record(mine) == _by_record(_splink_clusters(records, pairs, 0.5))


def test_no_cluster_holds_two_records_of_a_duplicate_free_source() -> None:
    records, pairs = _world(99, records=200, pairs=600)

    mine = single_best_links(
        records, pairs, duplicate_free_sources=DUPLICATE_FREE, threshold=0.5
    ).merge(records, on="unique_id")

    per_cluster = mine[mine["source"].isin(DUPLICATE_FREE)].groupby(["cluster_id", "source"])
    assert per_cluster.size().max() == 1
    assert mine["cluster_id"].nunique() < len(records)  # pairs did join records


def _clusters(records: list[tuple[str, str]], pairs: list[tuple[Any, ...]]) -> dict[str, str]:
    """Each record's cluster, records as (source, unique id) and pairs as (source, id,
    source, id, probability)."""
    found = single_best_links(
        pd.DataFrame(records, columns=["source", "unique_id"]),
        pd.DataFrame(pairs, columns=PAIR_COLUMNS),
        duplicate_free_sources=DUPLICATE_FREE,
        threshold=0.5,
    )
    return _by_record(found)


def test_a_record_without_pairs_is_its_own_cluster_and_weak_pairs_join_nothing() -> None:
    clusters = _clusters(
        [("cbp", "c1"), ("ice", "i1"), ("orr", "o1")],
        [("cbp", "c1", "ice", "i1", 0.9), ("ice", "i1", "orr", "o1", 0.4)],
    )

    assert clusters == {"c1": "cbp-__-c1", "i1": "cbp-__-c1", "o1": "orr-__-o1"}


def test_pairs_naming_unknown_records_are_ignored() -> None:
    clusters = _clusters(
        [("cbp", "c1"), ("ice", "i1")],
        [("cbp", "c1", "ice", "i1", 0.9), ("cbp", "c1", "ice", "gone", 1.0)],
    )

    assert clusters == {"c1": "cbp-__-c1", "i1": "cbp-__-c1"}


def test_a_record_moves_alone_leaving_its_cluster_mates_behind_as_splink_does() -> None:
    # ice:2 and ice:5 join ice:0's cluster; ice:0 then goes to cbp:4's by its own pair
    # and they, with no pair it may still take, stay under ice:0's name.
    records = pd.DataFrame(
        {
            "source": ["ice", "ice", "ice", "orr", "cbp", "ice"],
            "unique_id": ["ice:0", "ice:1", "ice:2", "orr:3", "cbp:4", "ice:5"],
        }
    )
    pairs = pd.DataFrame(
        [
            ("ice", "ice:0", "ice", "ice:1", 0.95),
            ("ice", "ice:0", "orr", "orr:3", 0.95),
            ("ice", "ice:0", "ice", "ice:5", 0.95),
            ("ice", "ice:1", "ice", "ice:2", 0.95),
            ("ice", "ice:1", "cbp", "cbp:4", 0.6),
            ("ice", "ice:1", "ice", "ice:5", 0.8),
            ("ice", "ice:2", "ice", "ice:5", 0.9),
            ("orr", "orr:3", "cbp", "cbp:4", 0.9),
        ],
        columns=PAIR_COLUMNS,
    )

    mine = _by_record(
        single_best_links(records, pairs, duplicate_free_sources=DUPLICATE_FREE, threshold=0.5)
    )

    assert mine == _by_record(_splink_clusters(records, pairs, 0.5))
    assert {record for record, cluster in mine.items() if cluster == "ice-__-ice:0"} == {
        "ice:2",
        "ice:5",
    }


def test_with_no_pairs_every_record_is_its_own_cluster() -> None:
    assert _clusters([("cbp", "c1"), ("ice", "i1")], []) == {"c1": "cbp-__-c1", "i1": "ice-__-i1"}
