"""`make bench`: the speed targets, measured, written to docs/benchmarks.md.

1. `reunify demo` at its default size on a fresh SQLite database (target: under 60 s).
2. With 100,000 generated families in PostgreSQL, person search and the family page over
   HTTP on loopback (target: p95 under 100 ms each).
3. Issue 3: with the database grown to 1,000,000 persons, the removal gate check
   in-process (target: p99 under 5 ms) and the notice of options as a PDF (under 1 s).
4. With `--audit-log`, issue 4: the audit log's cost on write services and verify's
   speed (`bench.audit_log`).

Run with `make bench` (it starts a throwaway PostgreSQL); `--families`, `--persons`,
`--requests` and `--gate-checks` make a quicker, smaller run for trying the harness, and
`--reuse-database` measures what an earlier run loaded.
"""

import argparse
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

import psycopg

from bench import report
from bench.audit_log import audit_log_section
from bench.gate_check import describe, explain, time_gate_checks
from bench.http_latency import signed_in_client, time_requests
from bench.load_database import (
    REUNIFY,
    ROOT,
    existing_database,
    fresh_database,
    grow_to_persons,
    load_families,
    size_of,
)
from bench.notice_pdf import time_notice_pdfs

PORT = 8799


def time_demo() -> float:
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "REUNIFY_DATA_DIR": data}
        env.pop("DATABASE_URL", None)
        subprocess.run([REUNIFY, "migrate"], env=env, check=True, capture_output=True)
        started = time.monotonic()
        subprocess.run([REUNIFY, "demo"], env=env, check=True, capture_output=True)
        return time.monotonic() - started


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument(
        "--persons",
        type=int,
        default=1_000_000,
        help="grow the database to at least this many people before the gate check",
    )
    parser.add_argument("--gate-checks", type=int, default=2000)
    parser.add_argument("--notices", type=int, default=20, help="notice PDFs to render")
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument(
        "--audit-log",
        action="store_true",
        help="also time the audit log (bench.audit_log, in its own process and database)",
    )
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
    command = f"`make bench` (`{shlex.join(['python', '-m', 'bench.run', *sys.argv[1:]])}`)"

    demo_seconds = None if arguments.skip_demo else time_demo()
    if demo_seconds is not None:
        print(f"reunify demo: {demo_seconds:.1f} s")
    load_seconds: float | None = None
    if arguments.reuse_database:
        database_url = existing_database(server_url)
    else:
        database_url = fresh_database(server_url)
        load_seconds = load_families(database_url, arguments.families)
    size = size_of(database_url)
    loaded = "reused" if load_seconds is None else f"loaded in {load_seconds:.0f} s"
    print(f"{size.families:,} families ({size.persons:,} people), {loaded}")
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
    foundation = report.foundation_section(
        command=command,
        demo_seconds=demo_seconds,
        load_seconds=load_seconds,
        size=size,
        latencies=latencies,
    )

    before = size.persons
    grow_seconds = grow_to_persons(database_url, arguments.persons)
    size = size_of(database_url)
    print(f"grown to {size.families:,} families ({size.persons:,} people)")
    # The gate is timed in this process, as a page calls it: Django on the bench database.
    os.environ["DATABASE_URL"] = database_url
    gate = time_gate_checks(arguments.gate_checks)
    load_average = os.getloadavg()[0]
    print("\n".join(describe(gate)))
    if gate.p99_ms >= report.GATE_TARGET_MS and gate.shapes:
        print(f"slowest statement:\n{gate.shapes[0].sql}\n{explain(gate.shapes[0])}")
    notice_seconds = time_notice_pdfs(arguments.notices) if arguments.notices else []
    if notice_seconds:
        print(f"notice PDF: max {max(notice_seconds) * 1000:.0f} ms")
    issue3 = report.gate_section(
        command=command,
        grow_seconds=grow_seconds if size.persons > before else None,
        size=size,
        gate=gate,
        load_average=load_average,
        notice_seconds=notice_seconds,
    )
    sections = [issue3, foundation]
    if arguments.audit_log:
        sections.insert(0, audit_log_section(server_url, command))
    report.prepend(sections)
    print(f"written to {report.RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
