"""docs/benchmarks.md: each run's figures, newest first, with the machine and command."""

import os
import platform
import statistics
from datetime import UTC, datetime
from pathlib import Path

from bench.gate_check import NO_ELECTION, WARMUP, GateTimings
from bench.http_latency import Latency, percentile
from bench.load_database import Size

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks.md"
GATE_TARGET_MS = 5.0
NOTICE_TARGET_S = 1.0


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def foundation_section(
    *,
    command: str,
    demo_seconds: float | None,
    load_seconds: float | None,
    size: Size,
    latencies: list[Latency],
) -> list[str]:
    lines = [
        f"## Foundation — {today()}",
        "",
        f"Machine: {machine()}. Command: {command}.",
        "",
        "| measure | target | result |",
        "|---|---|---|",
    ]
    if demo_seconds is not None:
        measured = f"{demo_seconds:.1f} s ({verdict(demo_seconds < 60)})"
        lines.append(f"| `reunify demo` (3,000 families, SQLite) | < 60 s | {measured} |")
    loaded = "reused from the previous run" if load_seconds is None else f"{load_seconds:.0f} s"
    lines.append(
        f"| load {size.families:,} families ({size.persons:,} people) into PostgreSQL "
        f"| — | {loaded} |"
    )
    for latency in latencies:
        lines.append(
            f"| {latency.label}, p95 over {latency.requests} requests | < 100 ms | "
            f"{latency.p95_ms:.1f} ms ({verdict(latency.p95_ms < 100)}; "
            f"p50 {latency.p50_ms:.1f}, p99 {latency.p99_ms:.1f}, max {latency.max_ms:.1f}) |"
        )
    lines += [
        "",
        "Requests are sequential from one client on loopback to `reunify serve` (gunicorn, "
        "2 workers, 4 threads each), signed in as the demo officer, after 20 warm-up requests.",
        "",
    ]
    return lines


def parents_with(kind: str) -> str:
    if kind == NO_ELECTION:
        return "parents with no election"
    return f"parents whose latest election is {kind}"


def gate_section(
    *,
    command: str,
    grow_seconds: float | None,
    size: Size,
    gate: GateTimings,
    load_average: float,
    notice_seconds: list[float],
) -> list[str]:
    grown = "already loaded" if grow_seconds is None else f"{grow_seconds:.0f} s"
    lines = [
        f"## Gate check and notice PDF at {size.persons:,} persons (issue 3) — {today()}",
        "",
        f"Machine: {machine()}. Command: {command}.",
        "",
        "| measure | target | result |",
        "|---|---|---|",
        f"| grow to {size.families:,} families ({size.persons:,} people, "
        f"{size.elections:,} elections) in PostgreSQL | — | {grown} |",
        f"| gate check, p99 over {gate.checks:,} separated parents | < {GATE_TARGET_MS:.0f} ms "
        f"| {gate.p99_ms:.2f} ms ({verdict(gate.p99_ms < GATE_TARGET_MS)}; "
        f"p50 {gate.p50_ms:.2f}, p95 {gate.p95_ms:.2f}, max {gate.max_ms:.2f}) |",
    ]
    for kind, p99 in gate.p99_ms_by_kind.items():
        lines.append(
            f"| — {parents_with(kind)} ({gate.parents_by_kind[kind]:,}), p99 "
            f"| < {GATE_TARGET_MS:.0f} ms | {p99:.2f} ms |"
        )
    if notice_seconds:
        ordered = sorted(notice_seconds)
        p99 = percentile(ordered, 0.99)
        lines.append(
            f"| notice of options PDF, p99 over {len(ordered)} renders "
            f"| < {NOTICE_TARGET_S:.0f} s | {p99 * 1000:.0f} ms "
            f"({verdict(p99 < NOTICE_TARGET_S)}; p50 {statistics.median(ordered) * 1000:.0f}, "
            f"max {ordered[-1] * 1000:.0f}) |"
        )
    answers = ", ".join(f"{count:,} {answer}" for answer, count in sorted(gate.answers.items()))
    lines += [
        "",
        "`reunify.removals.gate_facts.gate_check(parent)` is called in-process (Django against "
        "the bench database, no open removal plan), timed alone: the parent's row is read "
        "beforehand. Parents with a separated child are drawn at random, as many whose latest "
        "election is of each option as with none (as far as the data holds them), after "
        f"{WARMUP} checks of others to warm up; the gate answered {answers}. Load average "
        f"over the last minute when the checks ended: {load_average:.2f}.",
        "",
        f"Each check sends {gate.queries_per_check[0]} to {gate.queries_per_check[1]} SQL "
        f"statements, which spend p50 {gate.sql_ms_per_check[0]:.2f} ms (p99 "
        f"{gate.sql_ms_per_check[1]:.2f} ms) of each check on the wire and in PostgreSQL; "
        "the rest is Python, mostly the ORM building SQL and rows. Each query, by the "
        "function that sends it, slowest p99 first:",
        "",
        "| sent by, table read | calls | p50 ms | p99 ms | max ms |",
        "|---|---|---|---|---|",
    ]
    for shape in gate.shapes:
        lines.append(
            f"| `{shape.sent_by}` | {shape.calls:,} | {shape.p50_ms:.2f} | {shape.p99_ms:.2f} "
            f"| {shape.max_ms:.2f} |"
        )
    lines.append("")
    return lines


def prepend(sections: list[list[str]]) -> None:
    """Put this run's sections above the earlier runs'."""
    existing = RESULTS.read_text() if RESULTS.exists() else "# Benchmarks\n\nNewest first.\n\n"
    head, _, rest = existing.partition("\n## ")
    body = "\n## " + rest if rest else ""
    text = "\n".join(line for section in sections for line in section)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(head.rstrip() + "\n\n" + text + body)
