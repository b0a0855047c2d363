"""Splink on Spark: a local session configured for Splink, and our tables in its form.

pyspark is an optional dependency (`pip install 'reunify[spark]'`), so nothing here is
imported until a run asks for the Spark engine.

The person model is written once, in DuckDB's SQL. Spark runs it unchanged: Splink
translates the blocking rules, Spark has `levenshtein`, Splink's jar brings
`damerau_levenshtein`, and the session registers the jar's Jaro-Winkler under DuckDB's
name. The jar's Jaro-Winkler is not DuckDB's: it counts transpositions differently, so
about 1 name pair in 15,000 falls on the other side of 0.9 or 0.92 (25 of 368,511 pairs
of the names in a 200-family world), which moves the "alike" levels' u a little.
"""

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

# A laptop or a test: two cores, a few partitions. A real cluster sets its own.
LOCAL_MASTER = "local[2]"
SHUFFLE_PARTITIONS = 2
DRIVER_MEMORY = "2g"

# DuckDB's function names for what Splink's jar computes (class names from
# splink.internals.spark.jar_location.get_scala_udfs).
_DUCKDB_NAMES = {
    "jaro_winkler_similarity": "uk.gov.moj.dash.linkage.JaroWinklerSimilarity",
}


def spark_missing() -> str | None:
    """Why the Spark engine cannot run here, in one line, or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "the Spark engine needs pyspark: pip install 'reunify[spark]'"
    return None


_MEGABYTES = {"": 1 / 2**20, "K": 1 / 2**10, "M": 1, "G": 2**10, "T": 2**20}


def spark_memory(memory_limit: str | None) -> str:
    """A DuckDB-style memory limit ("3GB", "500MiB") as Spark writes one ("3072m")."""
    if memory_limit is None:
        return DRIVER_MEMORY
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)I?B?\s*", memory_limit.upper())
    if found is None:
        raise ValueError(f"cannot read the memory limit {memory_limit!r}; write e.g. 3GB")
    return f"{round(float(found[1]) * _MEGABYTES[found[2]])}m"


# Spark's own log at ERROR: its default (WARN, and INFO while starting) fills a
# command's stderr with lines meant for a cluster's operators.
_LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = spark %p %c{1}: %m%n%ex
"""


@contextmanager
def local_spark(driver_memory: str = DRIVER_MEMORY) -> Iterator[Any]:
    """A local SparkSession for one linkage run, stopped (and its checkpoints removed)
    at the end rather than kept for the process: a run is one batch job, the session
    starts in seconds against minutes of linking, and a kept JVM would hold its memory
    while the results are written to PostgreSQL."""
    from pyspark.sql import SparkSession
    from pyspark.sql.types import DoubleType
    from splink.backends.spark import similarity_jar_location

    # Without it Spark looks up the host's address and warns when it is a loopback one.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # py4j says at INFO each time it closes a connection, even from `__del__` while the
    # interpreter shuts down, when stderr may already be closed.
    logging.getLogger("py4j").setLevel(logging.WARNING)
    scratch = Path(tempfile.mkdtemp(prefix="reunify-spark-"))
    (scratch / "log4j2.properties").write_text(_LOG4J2)
    spark = (
        SparkSession.builder.master(LOCAL_MASTER)
        .appName("reunify-linkage")
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", driver_memory)
        .config(
            "spark.driver.extraJavaOptions",
            f"-Dlog4j.configurationFile={scratch}/log4j2.properties",
        )
        .config("spark.sql.shuffle.partitions", str(SHUFFLE_PARTITIONS))
        .config("spark.default.parallelism", str(SHUFFLE_PARTITIONS))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.local.dir", str(scratch / "shuffle"))
        .getOrCreate()
    )
    try:
        spark.sparkContext.setLogLevel("ERROR")
        # Splink breaks long query plans by writing each stage's table as Parquet here.
        spark.sparkContext.setCheckpointDir(str(scratch / "checkpoints"))
        for name, java_class in _DUCKDB_NAMES.items():
            spark.udf.registerJavaFunction(name, java_class, DoubleType())
        yield spark
    finally:
        spark.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def spark_table(spark: Any, table: pd.DataFrame) -> Any:
    """`table` as a Spark DataFrame, typed from its pandas types: Spark cannot infer the
    type of a column that is empty in one source (no subject id at the border)."""
    from pyspark.sql import types

    fields, columns = [], []
    for name, values in table.items():
        dtype = values.dtype
        kind: Any
        plain: Callable[[Any], Any]
        if pd.api.types.is_bool_dtype(dtype):
            kind, plain = types.BooleanType(), bool
        elif pd.api.types.is_integer_dtype(dtype):
            kind, plain = types.LongType(), int
        elif pd.api.types.is_float_dtype(dtype):
            kind, plain = types.DoubleType(), float
        else:
            # Text as DuckDB reads it: str() of each value (`Sex.FEMALE` is "F").
            kind, plain = types.StringType(), str
        fields.append(types.StructField(str(name), kind, nullable=True))
        columns.append([None if pd.isna(value) else plain(value) for value in values])
    rows = list(zip(*columns, strict=True))
    return spark.createDataFrame(rows, schema=types.StructType(fields))
