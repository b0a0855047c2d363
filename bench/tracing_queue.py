"""Issue 6's target: with 10,000 open tracing cases, the work-queue page and the tracing
dashboard each answer in under 150 ms at the 95th percentile, over HTTP on loopback.

Loads generated families (`reunify demo`, more worlds until there are enough open
separations), opens their cases (`reunify tracing open-cases`), serves the application
with gunicorn, signs in as the demo tracer and times the queue (first pages, later pages
and the filters a tracer uses) and the dashboard.

`python -m bench.tracing_queue [--cases 10000]` against the PostgreSQL server
`DATABASE_URL` names; it creates (and drops first) the database `reunify_tracing_bench`.
With `--reuse-database` it migrates the one a previous run left instead.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

import psycopg

from bench.http_latency import Latency, signed_in_client, time_requests
from bench.load_database import REUNIFY, vacuum_analyze

BENCH_DB = "reunify_tracing_bench"
# Not bench.run's port: the two benchmarks may run side by side.
PORT = 8806
TARGET_MS = 150.0
FIRST_SEED = 600
# A demo world of this many families holds about 4,000 open separations.
WORLD_FAMILIES = 10_000
FILTERS = (
    "", "state=SEARCHING", "state=NOT_STARTED", "whereabouts=removed",
    "whereabouts=removed&parent_country=GT", "nationality=HN", "age=6-12",
    "last_attempt=never", "due=none", "assigned=nobody", "no_contact_info=on",
    "whereabouts=unknown&age=13-17",
)  # fmt: skip


def _run(database_url: str, *arguments: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url}
    done = subprocess.run([REUNIFY, *arguments], env=env, check=True, capture_output=True)
    return done.stdout.decode()


def open_cases(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM tracing_tracingcase WHERE closed_at IS NULL"
        ).fetchone()
    return int(row[0]) if row else 0


def load(server_url: str, cases: int) -> tuple[str, float]:
    """A fresh database with at least `cases` open tracing cases; seconds it took."""
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    database_url = server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"
    started = time.monotonic()
    _run(database_url, "migrate")
    seed = FIRST_SEED
    while open_cases(database_url) < cases:
        _run(database_url, "demo", "--families", str(WORLD_FAMILIES), "--seed", str(seed))
        print(json.loads(_run(database_url, "tracing", "open-cases")), file=sys.stderr)
        seed += 1
    vacuum_analyze(database_url)
    return database_url, time.monotonic() - started


def reuse(server_url: str) -> tuple[str, float]:
    """The database a previous run loaded, brought up to the current schema (a migration
    may add or fill columns, so vacuumed and analysed again); seconds it took."""
    database_url = server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"
    started = time.monotonic()
    _run(database_url, "migrate")
    vacuum_analyze(database_url)
    return database_url, time.monotonic() - started


def serve(database_url: str) -> subprocess.Popen[bytes]:
    import httpx

    env = {**os.environ, "DATABASE_URL": database_url}
    server = subprocess.Popen(
        [REUNIFY, "serve", "--port", str(PORT), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def queue_paths(count: int, pages: int) -> list[str]:
    chooser = random.Random(6)
    paths = []
    for _ in range(count):
        asked = chooser.choice(FILTERS)
        page = chooser.choice((1, 1, 1, 2, 3, max(1, pages // 2), pages))
        query = "&".join(part for part in (asked, f"page={page}" if page > 1 else "") if part)
        paths.append(f"/tracing/?{query}" if query else "/tracing/")
    return paths


def _load() -> str:
    return " / ".join(f"{load:.2f}" for load in os.getloadavg()) + " (1 / 5 / 15 min)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--reuse-database", action="store_true")
    arguments = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        print("bench: DATABASE_URL must point at a PostgreSQL server", file=sys.stderr)
        return 1
    if arguments.reuse_database:
        database_url, seconds = reuse(server_url)
    else:
        database_url, seconds = load(server_url, arguments.cases)
    opened = open_cases(database_url)
    # The machine may be shared: the load beside the figures says how far to trust them.
    print(f"{opened:,} open tracing cases, loaded in {seconds:.0f} s; load average {_load()}")
    server = serve(database_url)
    try:
        client = signed_in_client(f"http://127.0.0.1:{PORT}", "tracer", "reunify-demo-2026")
        latencies: list[Latency] = [
            time_requests(client, "work queue", queue_paths(arguments.requests, opened // 50)),
            time_requests(client, "dashboard", ["/tracing/dashboard/"] * arguments.requests),
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"load average after timing: {_load()}")
    for latency in latencies:
        verdict = "met" if latency.p95_ms < TARGET_MS else "MISSED"
        print(
            f"{latency.label}: p50 {latency.p50_ms:.1f} ms, p95 {latency.p95_ms:.1f} ms, "
            f"p99 {latency.p99_ms:.1f} ms over {latency.requests} requests "
            f"(target p95 < {TARGET_MS:.0f} ms: {verdict})"
        )
    return 0 if all(latency.p95_ms < TARGET_MS for latency in latencies) else 3


if __name__ == "__main__":
    raise SystemExit(main())
