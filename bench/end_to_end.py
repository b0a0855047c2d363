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
import time
from pathlib import Path

import psycopg

from bench.load_database import REUNIFY

_PEAK = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def fresh_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str, str]:
    """Wall seconds, peak resident GB, stdout and stderr of one command."""
    with tempfile.NamedTemporaryFile("r") as usage:
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-v", "-o", usage.name, *command],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {done.stderr.strip()[-2000:]}")
        found = _PEAK.search(Path(usage.name).read_text())
    peak = int(found.group(1)) / 1024 / 1024 if found else float("nan")
    return seconds, peak, done.stdout, done.stderr


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
        seconds, peak, out, _ = timed(
            [REUNIFY, "import", "--source", source, str(args.dir / f"{source}.csv")], env
        )
        counts = json.loads(out.strip().splitlines()[-1])
        rows.append((f"import {source} ({counts['read']:,} rows)", seconds, peak))
        total += seconds
    link = [REUNIFY, "link"] + (["--memory-limit", args.memory_limit] if args.memory_limit else [])
    seconds, peak, out, said = timed(link, env)
    rows.append(("link (all stages below)", seconds, peak))
    total += seconds
    # The command's own answer has every stage, the commit included (not saved in the run).
    run = json.loads(out.strip().splitlines()[-1])
    print(f"records {run['records']:,}, persons {run['persons']:,}; import + link {total:.1f} s\n")
    print("| stage | seconds | peak memory |\n|---|---|---|")
    for name, took, most in rows:
        print(f"| {name} | {took:.1f} | {most:.2f} GB |")
    for stage, took in run["seconds"].items():
        print(f"| — {stage} | {took:.1f} | |")
    # What `reunify link` does after the run's commit, as it reports it.
    for line in said.splitlines():
        if line.startswith(("Tracing cases:", "Removals report")):
            print(f"\n{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
