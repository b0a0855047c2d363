"""`make bench`: the foundation's speed targets, measured, written to docs/benchmarks.md.

1. `reunify demo` at its default size on a fresh SQLite database (target: under 60 s).
2. With 100,000 generated families in PostgreSQL, person search and the family page over
   HTTP on loopback (target: p95 under 100 ms each).

Run with `make bench` (it starts a throwaway PostgreSQL); `--families` makes a quicker,
smaller run for trying the harness.
"""

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import psycopg

from bench.http_latency import Latency, signed_in_client, time_requests

ROOT = Path(__file__).resolve().parent.parent
REUNIFY = str(ROOT / ".venv" / "bin" / "reunify")
RESULTS = ROOT / "docs" / "benchmarks.md"
BENCH_DB = "reunify_bench"
PORT = 8799


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


def time_demo() -> float:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "REUNIFY_DATA_DIR": data}
        env.pop("DATABASE_URL", None)
        subprocess.run([REUNIFY, "migrate"], env=env, check=True, capture_output=True)
        started = time.monotonic()
        subprocess.run([REUNIFY, "demo"], env=env, check=True, capture_output=True)
        return time.monotonic() - started


def fresh_database(server_url: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"


def load_families(database_url: str, families: int) -> float:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([REUNIFY, "migrate"], env=env, check=True, capture_output=True)
    started = time.monotonic()
    subprocess.run(
        [REUNIFY, "demo", "--families", str(families), "--seed", "100"],
        env=env,
        check=True,
        capture_output=True,
    )
    elapsed = time.monotonic() - started
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return elapsed


def sample_queries(database_url: str, count: int) -> tuple[list[str], list[str]]:
    """Searches people would type (surname + given name, two surnames, an A-number) and
    family pages to open, drawn from the loaded data."""
    chooser = random.Random(7)
    with psycopg.connect(database_url) as connection:
        people = connection.execute(
            "SELECT given_names, first_surname, second_surname FROM families_person "
            "ORDER BY random() LIMIT %s",
            (count,),
        ).fetchall()
        numbers = [
            row[0]
            for row in connection.execute(
                "SELECT value FROM families_personidentifier ORDER BY random() LIMIT %s",
                (count // 4,),
            )
        ]
        units = [
            str(row[0])
            for row in connection.execute(
                "SELECT id FROM families_familyunit ORDER BY random() LIMIT %s", (count,)
            )
        ]
    searches = []
    for given, first, second in people:
        shape = chooser.random()
        if shape < 0.4:
            text = f"{first} {given.split()[0]}"
        elif shape < 0.7 and second:
            text = f"{first} {second}"
        else:
            text = f"{given.split()[0]} {first}"
        searches.append(f"/families/search/?q={quote(text)}")
    searches += [f"/families/search/?q={quote(n)}" for n in numbers]
    chooser.shuffle(searches)
    return searches[:count], [f"/families/{unit}/" for unit in units]


def serve(database_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url}
    server = subprocess.Popen(
        [REUNIFY, "serve", "--port", str(PORT), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            import httpx

            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def write_results(
    *,
    families: int,
    demo_seconds: float | None,
    load_seconds: float,
    persons: int,
    latencies: list[Latency],
) -> None:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        f"## Foundation — {today}",
        "",
        f"Machine: {machine()}. "
        f"Command: `make bench` (`python -m bench.run --families {families}`).",
        "",
        "| measure | target | result |",
        "|---|---|---|",
    ]
    if demo_seconds is not None:
        verdict = "met" if demo_seconds < 60 else "MISSED"
        measured = f"{demo_seconds:.1f} s ({verdict})"
        lines.append(f"| `reunify demo` (3,000 families, SQLite) | < 60 s | {measured} |")
    loaded = (
        "reused from the previous run" if load_seconds != load_seconds else f"{load_seconds:.0f} s"
    )
    lines.append(
        f"| load {families:,} families ({persons:,} people) into PostgreSQL | — | {loaded} |"
    )
    for latency in latencies:
        verdict = "met" if latency.p95_ms < 100 else "MISSED"
        lines.append(
            f"| {latency.label}, p95 over {latency.requests} requests | < 100 ms | "
            f"{latency.p95_ms:.1f} ms ({verdict}; p50 {latency.p50_ms:.1f}, "
            f"p99 {latency.p99_ms:.1f}, max {latency.max_ms:.1f}) |"
        )
    lines += [
        "",
        "Requests are sequential from one client on loopback to `reunify serve` (gunicorn, "
        "2 workers, 4 threads each), signed in as the demo officer, after 20 warm-up requests.",
        "",
    ]
    existing = RESULTS.read_text() if RESULTS.exists() else "# Benchmarks\n\nNewest first.\n\n"
    head, _, rest = existing.partition("\n## ")
    body = "\n## " + rest if rest else ""
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(head.rstrip() + "\n\n" + "\n".join(lines) + body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument(
        "--reuse-database",
        action="store_true",
        help="measure the database an earlier run loaded instead of loading it again",
    )
    arguments = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        print(
            "bench: DATABASE_URL must point at a PostgreSQL server (make bench starts one)",
            file=sys.stderr,
        )
        return 1

    demo_seconds = None if arguments.skip_demo else time_demo()
    if demo_seconds is not None:
        print(f"reunify demo: {demo_seconds:.1f} s")
    if arguments.reuse_database:
        database_url = server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"
        load_seconds = float("nan")
    else:
        database_url = fresh_database(server_url)
        load_seconds = load_families(database_url, arguments.families)
    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT count(*) FROM families_person").fetchone()
        persons = int(row[0]) if row else 0
    print(f"loaded {arguments.families:,} families ({persons:,} people) in {load_seconds:.0f} s")
    searches, family_pages = sample_queries(database_url, arguments.requests)
    server = serve(database_url)
    try:
        client = signed_in_client(f"http://127.0.0.1:{PORT}", "officer", "reunify-demo-2026")
        latencies = [
            time_requests(client, "person search page", searches),
            time_requests(client, "family unit page", family_pages),
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    for latency in latencies:
        print(f"{latency.label}: p50 {latency.p50_ms:.1f} ms, p95 {latency.p95_ms:.1f} ms")
    write_results(
        families=arguments.families,
        demo_seconds=demo_seconds,
        load_seconds=load_seconds,
        persons=persons,
        latencies=latencies,
    )
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
