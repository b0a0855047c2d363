"""Issue 5's end-to-end target: extracts imported and linked into family records, timed
per stage with each stage's peak memory.

    REUNIFY_TEST_PG_PORT=55433 scripts/test-postgres.sh start
    reunify synth --families 240000 --seed 7 --out /tmp/s240   # about a million records
    DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres \\
        python -m bench.end_to_end --dir /tmp/s240 [--memory-limit 3GB]

Runs the real commands (`reunify migrate`, `reunify import` for each source, `reunify link`) in a
fresh database, each under `/usr/bin/time` for its peak resident memory, then reads the
run's own stage timings from the command's answer. Prints a Markdown table.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import psycopg

from bench.load_database import REUNIFY

_PEAK = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def fresh_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@dataclass
class Ran:
    """One command's wall seconds, peak resident GB and output; when (seconds after its
    start) it first wrote to stderr and last wrote to stdout: its start-up and its exit."""

    seconds: float
    peak: float
    out: str
    said: str
    first_said: float
    last_out: float


def timed(command: list[str], env: dict[str, str]) -> Ran:
    with tempfile.NamedTemporaryFile("r") as usage:
        started = time.perf_counter()
        process = subprocess.Popen(
            ["/usr/bin/time", "-v", "-o", usage.name, *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        heard: dict[str, list[tuple[float, str]]] = {"out": [], "said": []}

        def listen(stream: IO[str], lines: list[tuple[float, str]]) -> None:
            for line in stream:
                lines.append((time.perf_counter() - started, line))

        listeners = [
            threading.Thread(target=listen, args=(process.stdout, heard["out"])),
            threading.Thread(target=listen, args=(process.stderr, heard["said"])),
        ]
        for listener in listeners:
            listener.start()
        for listener in listeners:
            listener.join()
        returncode = process.wait()
        seconds = time.perf_counter() - started
        said = "".join(line for _, line in heard["said"])
        if returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {said.strip()[-2000:]}")
        found = _PEAK.search(Path(usage.name).read_text())
    peak = int(found.group(1)) / 1024 / 1024 if found else float("nan")
    return Ran(
        seconds=seconds,
        peak=peak,
        out="".join(line for _, line in heard["out"]),
        said=said,
        first_said=heard["said"][0][0] if heard["said"] else float("nan"),
        last_out=heard["out"][-1][0] if heard["out"] else float("nan"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, required=True, help="cbp.csv, ice.csv, orr.csv")
    parser.add_argument("--memory-limit", help='DuckDB memory limit, e.g. "3GB"')
    parser.add_argument("--database", default="reunify_end_to_end")
    args = parser.parse_args(argv)

    url = fresh_database(os.environ["DATABASE_URL"], args.database)
    env = {**os.environ, "DATABASE_URL": url}
    rows: list[tuple[str, float, float]] = []
    timed([REUNIFY, "migrate"], env)
    total = 0.0
    for source in ("cbp", "ice", "orr"):
        imported = timed(
            [REUNIFY, "import", "--source", source, str(args.dir / f"{source}.csv")], env
        )
        counts = json.loads(imported.out.strip().splitlines()[-1])
        rows.append((f"import {source} ({counts['read']:,} rows)", imported.seconds, imported.peak))
        total += imported.seconds
    link = [REUNIFY, "link"] + (["--memory-limit", args.memory_limit] if args.memory_limit else [])
    linked = timed(link, env)
    rows.append(("link (all stages below)", linked.seconds, linked.peak))
    total += linked.seconds
    # The command's own answer has every stage, the commit included (not saved in the run).
    run = json.loads(linked.out.strip().splitlines()[-1])
    print(f"records {run['records']:,}, persons {run['persons']:,}; import + link {total:.1f} s\n")
    print("| stage | seconds | peak memory |\n|---|---|---|")
    for name, took, most in rows:
        print(f"| {name} | {took:.1f} | {most:.2f} GB |")
    for stage, took in run["seconds"].items():
        print(f"| — {stage} | {took:.1f} | |")
    # What `reunify link` does after the run's commit, as it reports it.
    for line in linked.said.splitlines():
        if line.startswith(("Tracing cases:", "Removals report")):
            print(f"\n{line}")
    print(
        f"\n`reunify link` first spoke {linked.first_said:.1f} s after it was started (its"
        f" start-up) and ended {linked.seconds - linked.last_out:.1f} s after its answer."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
