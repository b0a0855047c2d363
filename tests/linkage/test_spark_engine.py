"""The person model gives the same persons on Spark (local mode) as on DuckDB.

200 families, seed 2026: 849 records, 518 persons on both engines. Spark takes about a
minute here (a JVM start and some 700 small Spark jobs, most of them EM iterations)
against 2 s on DuckDB, so this is the only test that starts Spark.

The engines agree on persons but not to the last digit on scores: Splink's early stop
in u estimation looks at a first chunk of pairs picked by each engine's own hash
function, and the Jaro-Winkler of Splink's Spark jar differs from DuckDB's on a few name
pairs near 0.9 and 0.92 (see reunify.linkage.spark_engine). Here the match
probabilities differ by at most 0.06 and no pair crosses the 0.5 threshold.
"""

import sys

import pandas as pd
import pytest

from reunify.linkage.errors import LinkageRefused
from reunify.linkage.records_frame import records_frame
from reunify.linkage.run_linkage import link_persons
from reunify.linkage.services import linkage_run
from reunify.synth import build_world, write_extracts

FAMILIES = 200  # at 100 EM meets a level no true match reaches, and Splink stops
SEED = 2026


def persons(clusters: pd.DataFrame) -> set[frozenset[str]]:
    """The partition of records into persons, whatever the persons are called."""
    return {frozenset(records) for records in clusters.groupby("person_id")["unique_id"].agg(list)}


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    directory = tmp_path_factory.mktemp("synth")
    write_extracts(build_world(FAMILIES, SEED), directory, SEED)
    return records_frame(directory)


def test_spark_and_duckdb_give_the_same_persons(frame: pd.DataFrame) -> None:
    pytest.importorskip("pyspark")  # `pip install '.[dev]'` brings it

    on_duckdb = link_persons(frame, engine="duckdb")
    on_spark = link_persons(frame, engine="spark")

    assert sorted(on_spark.clusters["unique_id"]) == sorted(frame["unique_id"])
    assert persons(on_spark.clusters) == persons(on_duckdb.clusters)


def test_the_spark_engine_is_refused_in_words_without_pyspark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails

    with pytest.raises(LinkageRefused, match=r"pip install 'reunify\[spark\]'"):
        linkage_run(actor=None, actor_label="test", engine="spark")


def test_spark_reads_a_memory_limit_as_duckdb_writes_it() -> None:
    from reunify.linkage.spark_engine import spark_memory

    assert spark_memory("3GB") == "3072m"
    assert spark_memory("500MiB") == "500m"
    assert spark_memory(None) == "2g"
    with pytest.raises(ValueError, match="cannot read the memory limit"):
        spark_memory("lots")
