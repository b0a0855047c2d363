"""How long the removal gate takes to answer for one parent (target: p99 under 5 ms).

Issue 3: "With 1,000,000 persons in PostgreSQL, a gate check takes under 5 ms at the 99th
percentile." `time_gate_checks()` calls `reunify.removals.gate_facts.gate_check(parent)`
in-process, as a page or the API does, for random separated parents of the database that
`DATABASE_URL` names: as many with each kind of latest election as there are without one.
A second, untimed pass records every SQL statement the checks send, so a missed target
names its query. `python -m bench.gate_check` prints the figures.
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from uuid import UUID

from bench.http_latency import percentile
from reunify.cli.django_setup import setup_django

NO_ELECTION = "no election"
WARMUP = 200


@dataclass(frozen=True)
class Statement:
    """One SQL statement sent: by which Reunify function, with what, and how long it took."""

    sent_by: str
    sql: str
    params: tuple[Any, ...]
    seconds: float


@dataclass(frozen=True)
class QueryShape:
    """One query the gate check sends (by the function that sends it), over every check."""

    sent_by: str
    sql: str
    calls: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    slowest_params: tuple[Any, ...]


@dataclass(frozen=True)
class GateTimings:
    checks: int
    parents_by_kind: dict[str, int]
    answers: dict[str, int]  # "passes" / "blocked" / "no child at stake"
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    queries_per_check: tuple[int, int]  # fewest, most
    sql_ms_per_check: tuple[float, float]  # p50, p99 of the statements' summed time
    shapes: tuple[QueryShape, ...]  # slowest p99 first
    p99_ms_by_kind: dict[str, float]


def separated_parents(count: int, *, seed: int) -> list[tuple[UUID, str]]:
    """`count` random parents with a separated child, with the option of their latest
    election (or `NO_ELECTION`), in equal shares per kind as far as the data allows."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH latest AS (
                SELECT DISTINCT ON (parent_id) parent_id, option
                FROM elections_election ORDER BY parent_id, made_at DESC, created_at DESC
            )
            SELECT parents.parent_id, coalesce(latest.option, %s)
            FROM (SELECT DISTINCT parent_id FROM families_separation) AS parents
            LEFT JOIN latest USING (parent_id)
            ORDER BY parents.parent_id
            """,
            [NO_ELECTION],
        )
        rows = cursor.fetchall()
    chooser = random.Random(seed)
    by_kind: dict[str, list[UUID]] = defaultdict(list)
    for parent_id, kind in rows:
        by_kind[kind].append(parent_id)
    for ids in by_kind.values():
        chooser.shuffle(ids)
    share = count // max(1, len(by_kind))
    chosen = [(parent_id, kind) for kind, ids in by_kind.items() for parent_id in ids[:share]]
    # Kinds too rare for their share leave room; parents without an election fill it.
    rest = [(parent_id, kind) for kind, ids in by_kind.items() for parent_id in ids[share:]]
    chooser.shuffle(rest)
    rest.sort(key=lambda row: row[1] != NO_ELECTION)
    chosen += rest[: max(0, count - len(chosen))]
    chooser.shuffle(chosen)
    return chosen


def sender() -> str:
    """The innermost Reunify function on the stack, as `module.function`."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename
        if f"{os.sep}reunify{os.sep}" in path and f"{os.sep}django{os.sep}" not in path:
            return f"{Path(path).stem}.{frame.f_code.co_name}"
        frame = frame.f_back
    return "?"


def tables_read(sql: str) -> str:
    """The tables a SELECT reads, joined by "+": with the sender, they tell queries apart."""
    body = sql.split(" FROM ", 1)[-1]
    names = [body.split(maxsplit=1)[0]]
    names += [part.split(maxsplit=1)[0] for part in body.split(" JOIN ")[1:]]
    return "+".join(name.strip('"') for name in names)


@contextmanager
def statements_recorded(into: list[Statement]) -> Iterator[None]:
    """Record every statement Django sends meanwhile, with who sent it and its time."""
    from django.db import connection

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds = time.perf_counter() - started
            sent_by = f"{sender()} {tables_read(sql)}"
            into.append(Statement(sent_by, sql, tuple(params or ()), seconds))

    with connection.execute_wrapper(record):
        yield


def query_shapes(statements: Iterable[Statement]) -> list[QueryShape]:
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        grouped[statement.sent_by].append(statement)
    shapes = []
    for sent_by, calls in grouped.items():
        calls.sort(key=lambda call: call.seconds)
        milliseconds = [call.seconds * 1000 for call in calls]
        shapes.append(
            QueryShape(
                sent_by=sent_by,
                sql=calls[-1].sql,
                calls=len(calls),
                p50_ms=statistics.median(milliseconds),
                p99_ms=percentile(milliseconds, 0.99),
                max_ms=milliseconds[-1],
                slowest_params=calls[-1].params,
            )
        )
    return sorted(shapes, key=lambda shape: -shape.p99_ms)


def explain(shape: QueryShape) -> str:
    """PostgreSQL's plan for the statement, run with the parameters of its slowest call."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {shape.sql}", shape.slowest_params)
        return "\n".join(row[0] for row in cursor.fetchall())


def time_gate_checks(count: int = 1000, *, seed: int = 3) -> GateTimings:
    """Milliseconds per `gate_check`, over `count` separated parents after a warm-up."""
    setup_django()
    # Imported after set-up: models need the app registry.
    from reunify.families.models import Person
    from reunify.removals.gate_facts import gate_check

    sample = separated_parents(count + WARMUP, seed=seed)
    people = Person.objects.in_bulk([parent_id for parent_id, _ in sample])
    warmup, timed = sample[:WARMUP], sample[WARMUP:]
    for parent_id, _ in warmup:
        gate_check(people[parent_id])

    milliseconds: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    answers: Counter[str] = Counter()
    for parent_id, kind in timed:
        parent = people[parent_id]
        started = time.perf_counter()
        answer = gate_check(parent)
        elapsed = (time.perf_counter() - started) * 1000
        milliseconds.append(elapsed)
        by_kind[kind].append(elapsed)
        answers[
            "no child at stake" if not answer.children else "passes" if answer.passes else "blocked"
        ] += 1

    statements: list[Statement] = []
    per_check: list[int] = []
    sql_ms: list[float] = []
    for parent_id, _ in timed:
        before = len(statements)
        with statements_recorded(statements):
            gate_check(people[parent_id])
        per_check.append(len(statements) - before)
        sql_ms.append(sum(s.seconds for s in statements[before:]) * 1000)
    sql_ms.sort()

    milliseconds.sort()
    return GateTimings(
        checks=len(milliseconds),
        parents_by_kind=dict(Counter(kind for _, kind in timed)),
        answers=dict(answers),
        p50_ms=statistics.median(milliseconds),
        p95_ms=percentile(milliseconds, 0.95),
        p99_ms=percentile(milliseconds, 0.99),
        max_ms=milliseconds[-1],
        queries_per_check=(min(per_check), max(per_check)),
        sql_ms_per_check=(statistics.median(sql_ms), percentile(sql_ms, 0.99)),
        shapes=tuple(query_shapes(statements)),
        p99_ms_by_kind={
            kind: percentile(sorted(values), 0.99) for kind, values in sorted(by_kind.items())
        },
    )


def describe(timings: GateTimings) -> Sequence[str]:
    """Lines for a terminal: the figures, then each query's cost, slowest first."""
    lines = [
        f"gate check, {timings.checks} parents {timings.parents_by_kind}: "
        f"p50 {timings.p50_ms:.2f} ms, p95 {timings.p95_ms:.2f} ms, "
        f"p99 {timings.p99_ms:.2f} ms, max {timings.max_ms:.2f} ms",
        f"  answers {timings.answers}; p99 by kind "
        + ", ".join(f"{kind} {ms:.2f} ms" for kind, ms in timings.p99_ms_by_kind.items()),
        f"  queries per check: {timings.queries_per_check[0]} to {timings.queries_per_check[1]}, "
        f"their summed time p50 {timings.sql_ms_per_check[0]:.2f} ms, "
        f"p99 {timings.sql_ms_per_check[1]:.2f} ms",
    ]
    for shape in timings.shapes:
        lines.append(
            f"  {shape.calls:>5} x {shape.sent_by:<40} p50 {shape.p50_ms:.2f} ms, "
            f"p99 {shape.p99_ms:.2f} ms, max {shape.max_ms:.2f} ms"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the removal gate check in-process.")
    parser.add_argument("--checks", type=int, default=1000, help="parents to time (1000)")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each query")
    arguments = parser.parse_args()
    timings = time_gate_checks(arguments.checks)
    print("\n".join(describe(timings)))
    if arguments.explain:
        for shape in timings.shapes:
            print(f"\n{shape.sent_by}:\n{shape.sql}\n{explain(shape)}")


if __name__ == "__main__":
    main()
