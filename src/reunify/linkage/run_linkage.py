"""Running the person model on DuckDB or Spark: train with no labels, predict, cluster.

`link_persons(frame)` takes the linkage table (`records_frame`) and returns each
record's person, the scored pairs above the prediction floor, the learned m and u
values (to be inspected, not trusted), and how long each stage took. DuckDB is the
default; Spark (`engine="spark"`, pyspark installed) runs the same model.
"""

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from splink import DuckDBAPI, Linker, SettingsCreator
from splink.blocking_analysis import count_comparisons_from_blocking_rules
from splink.internals.database_api import DatabaseAPI
from splink.internals.splink_dataframe import SplinkDataFrame

from reunify.linkage.best_links import single_best_links
from reunify.linkage.contract import SOURCES, each_value
from reunify.linkage.person_model import (
    DETERMINISTIC_RULES,
    DUPLICATE_FREE_SOURCES,
    PREDICTION_BLOCKING_RULES,
    block_on_sql,
    person_settings,
    training_rules,
)
from reunify.linkage.stage_clock import timed
from reunify.standardise import phonetic_key

# Pairs scored below this are not kept at all; clustering draws the real line.
PREDICTION_FLOOR = 0.05
MATCH_THRESHOLD = 0.5
U_SAMPLE_PAIRS = 5e6
RECALL_OF_DETERMINISTIC_RULES = 0.7


@dataclass
class PersonLinkage:
    clusters: pd.DataFrame  # unique_id, person_id
    pairs: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, match_weight
    parameters: pd.DataFrame  # comparison, level, m, u
    comparisons: dict[str, int] = field(default_factory=dict)  # per blocking rule
    seconds: dict[str, float] = field(default_factory=dict)


def with_blocking_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """The table plus keys that only blocking reads: the sound of the first given name
    and first surname (clerks spell by ear: "Hernandes", "Yeny"), the birth date with
    day and month swapped (when both readings are dates), and its month and day alone
    (for a year copied wrong)."""
    out = frame.copy()
    for column, words in (("given_sound", frame["first_given"]),
                          ("surname_sound", frame["first_surname"])):  # fmt: skip
        keys = {word: phonetic_key(word) or None for word in words.dropna().unique()}
        out[column] = words.map(keys)
    # Read once per distinct date: a million records hold some thirty thousand.
    out["birth_date_swapped"] = each_value(frame["birth_date"], _day_and_month_swapped)
    out["birth_month_day"] = each_value(frame["birth_date"], _month_and_day)
    out["adult_at_apprehension"] = _adult_at_apprehension(frame)
    return out


def _day_and_month_swapped(born: str | None) -> str | None:
    """ "2010-03-07" read as "2010-07-03"; None when the day is no month or is the month."""
    if not born:
        return None
    month, day = born[5:7], born[8:10]
    return f"{born[:5]}{day}-{month}" if int(day) <= 12 and day != month else None


def _month_and_day(born: str | None) -> str | None:
    return born[5:10] if born else None


# Relationship words that make a border record an adult's whatever its dates say.
_ADULT_KINSHIPS = ("MOTHER", "FATHER", "PARENT", "GUARDIAN", "STEP_PARENT", "GRANDPARENT",
                   "SPOUSE")  # fmt: skip
# A year of slack: a birth year copied one off must not make a 17-year-old an adult.
_ADULT_AGE_DAYS = 19 * 365


def _adult_at_apprehension(frame: pd.DataFrame) -> pd.Series:
    """True for a border record of someone no shelter would take; never null."""
    born = pd.to_datetime(frame["birth_date"], errors="coerce")
    apprehended = pd.to_datetime(frame["apprehended_on"], errors="coerce")
    old_enough = ((apprehended - born).dt.days >= _ADULT_AGE_DAYS).fillna(False)
    parental = frame["relationship"].isin(_ADULT_KINSHIPS)
    return ((frame["source"] == "cbp") & (old_enough | parental)).astype(bool)


def _source_tables(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    parts = dict(tuple(with_blocking_keys(frame).groupby("source")))
    return {source: parts[source] for source in SOURCES if source in parts}


def count_comparisons(frame: pd.DataFrame, sample: float = 1.0) -> dict[str, int]:
    """How many pairs each prediction blocking rule adds to those of the rules before it
    (estimated from a `sample` of the records on each side when below 1)."""
    db_api = DuckDBAPI(duckdb.connect())
    tables = [
        db_api.register(table, dataset_display_name=source)
        for source, table in _source_tables(frame).items()
    ]
    counts = count_comparisons_from_blocking_rules(
        tables,
        blocking_rules=[block_on_sql(rule) for rule in PREDICTION_BLOCKING_RULES],
        link_type="link_and_dedupe",
        record_sample_proportion=sample,
    )
    return {
        rule: int(count["marginal_comparison_count"])
        for rule, count in zip(PREDICTION_BLOCKING_RULES, counts, strict=True)
    }


@dataclass(frozen=True)
class LinkageModel:
    """What a Splink run needs beside the tables: settings, how to train, where to cut."""

    settings: SettingsCreator
    training_rules: tuple[str, ...]
    deterministic_rules: tuple[str, ...]
    duplicate_free_sources: tuple[str, ...]
    threshold: float = MATCH_THRESHOLD
    recall_of_deterministic_rules: float = RECALL_OF_DETERMINISTIC_RULES


def person_model(threshold: float = MATCH_THRESHOLD, records: int = 0) -> LinkageModel:
    """The person model for a run over `records` records (large runs train on a share)."""
    return LinkageModel(
        settings=person_settings(),
        training_rules=training_rules(records),
        deterministic_rules=DETERMINISTIC_RULES,
        duplicate_free_sources=DUPLICATE_FREE_SOURCES,
        threshold=threshold,
    )


def link_persons(
    frame: pd.DataFrame,
    *,
    threshold: float = MATCH_THRESHOLD,
    seed: int = 1,
    chunks: int = 1,
    memory_limit: str | None = None,
    engine: str = "duckdb",
) -> PersonLinkage:
    """Each record of the linkage table (`records_frame`) assigned to a person."""
    model = person_model(threshold, records=len(frame))
    started = time.perf_counter()
    tables = _source_tables(frame)
    keyed = time.perf_counter() - started
    found = run_model(
        tables,
        model,
        seed=seed,
        chunks=chunks,
        memory_limit=memory_limit,
        engine=engine,
    )
    found.seconds = {"blocking_keys": keyed, **found.seconds}
    return found


# The Splink database API of a run, and how a pandas table becomes one it can register.
_Backend = tuple[DatabaseAPI[Any], Callable[[pd.DataFrame], Any]]


@contextmanager
def _backend(engine: str, memory_limit: str | None) -> Iterator[_Backend]:
    if engine == "duckdb":
        config: dict[str, str | bool | int | float | list[str]] = (
            {} if memory_limit is None else {"memory_limit": memory_limit}
        )
        # Beyond its memory DuckDB spills to disk: to the system's temporary folder, not
        # to a ".tmp" folder in whatever directory the command was started from.
        config["temp_directory"] = str(Path(tempfile.gettempdir()) / "reunify-duckdb")
        yield DuckDBAPI(duckdb.connect(config=config)), lambda table: table
    elif engine == "spark":
        from splink.backends.spark import SparkAPI

        from reunify.linkage.spark_engine import local_spark, spark_memory, spark_table

        with local_spark(spark_memory(memory_limit)) as spark:
            api = SparkAPI(spark_session=spark)  # type: ignore[no-untyped-call]
            yield api, lambda table: spark_table(spark, table)
    else:
        raise ValueError(f"unknown engine {engine!r}")


def run_model(
    tables: dict[str, pd.DataFrame],
    model: LinkageModel,
    *,
    seed: int = 1,
    chunks: int = 1,
    memory_limit: str | None = None,
    engine: str = "duckdb",
) -> PersonLinkage:
    """Train with no labels, predict and cluster; `tables` maps a source to its records.

    `memory_limit` ("3GB") caps DuckDB, which then spills to the temporary directory;
    without it DuckDB may take most of the machine's memory on a million records. On
    Spark it sizes the local driver.
    """
    seconds: dict[str, float] = {}
    with ExitStack() as engine_open:
        # Starting the engine counts as registering: a second for Spark's JVM, nothing
        # for DuckDB.
        with timed(seconds, "register"):
            db_api, as_input = engine_open.enter_context(_backend(engine, memory_limit))
            registered = [
                db_api.register(as_input(table), dataset_display_name=source)
                for source, table in tables.items()
            ]
            linker = Linker(registered, model.settings)
        # The Linker turns Splink's own logging on at INFO; a command's stderr is for people.
        logging.getLogger("splink").setLevel(logging.ERROR)
        with timed(seconds, "train"):
            linker.training.estimate_probability_two_random_records_match(
                list(model.deterministic_rules),
                recall=model.recall_of_deterministic_rules,
            )
            linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=seed)
            for rule in model.training_rules:
                linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, estimate_without_term_frequencies=True
                )
        with timed(seconds, "predict"):
            predictions = linker.inference.predict(
                threshold_match_probability=PREDICTION_FLOOR,
                num_chunks_left=chunks,
                num_chunks_right=chunks,
                warning_mode="never",
            )
        with timed(seconds, "pairs"):
            pairs = _as_pandas(predictions)
            parameters = learned_parameters(linker)
        closing = time.perf_counter()
    seconds["engine_closed"] = time.perf_counter() - closing
    with timed(seconds, "cluster"):
        clusters = single_best_links(
            pd.concat(
                pd.DataFrame({"source": source, "unique_id": table["unique_id"]})
                for source, table in tables.items()
            ),
            pairs,
            duplicate_free_sources=model.duplicate_free_sources,
            threshold=model.threshold,
        ).rename(columns={"cluster_id": "person_id"})
    return PersonLinkage(
        clusters=clusters,
        pairs=pairs[["unique_id_l", "unique_id_r", "match_probability", "match_weight"]],
        parameters=parameters,
        seconds=seconds,
    )


def _as_pandas(table: SplinkDataFrame) -> pd.DataFrame:
    found: pd.DataFrame = table.as_pandas_dataframe()  # type: ignore[no-untyped-call]
    return found


def learned_parameters(linker: Linker) -> pd.DataFrame:
    rows = []
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            rows.append(
                {
                    "comparison": comparison.output_column_name,
                    "level": level.label_for_charts,
                    "m": level.m_probability,
                    "u": level.u_probability,
                }
            )
    return pd.DataFrame(rows)
