"""How long the removals report takes at national scale (issue 7: with 1,000,000 persons
and 200,000 removals loaded, the JSON report under 10 s and the page under 2 s).

The database (`reunify_bench_oversight` on the server `DATABASE_URL` names) is grown with
`reunify demo` worlds to the persons wanted; the generator removes about one person in
eight, so the removals are then topped up to the number wanted by removing people still
held (the open custody episode ends, a removal to their country begins), parents in
detention first, so the report has more parents to judge, not fewer.

Timed: `reunify report removals --format json` as a script runs it (a fresh process,
Django start-up included), and in-process the report alone and the page as an auditor
sees it (figures, then the people behind the largest figure).

    python -m bench.removals_report [--persons N] [--removals N] [--reuse-database]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from bench.load_database import REUNIFY, grow_to_persons, size_of, vacuum_analyze
from bench.report import machine

DATABASE = "reunify_bench_oversight"
RESULTS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
JSON_TARGET_S = 10.0
PAGE_TARGET_S = 2.0

TOP_UP_REMOVALS_SQL = """
WITH chosen AS (
    SELECT id, started_at FROM families_custodyepisode
    WHERE ended_at IS NULL AND kind <> 'REMOVED'
    ORDER BY kind <> 'DETENTION_FACILITY', md5(id::text)
    LIMIT %(missing)s
), closed AS (
    UPDATE families_custodyepisode episode
    SET ended_at = chosen.started_at + interval '20 days', updated_at = now()
    FROM chosen WHERE episode.id = chosen.id
    RETURNING episode.person_id, episode.ended_at
)
INSERT INTO families_custodyepisode
    (id, created_at, updated_at, person_id, kind, detail, country, started_at)
SELECT gen_random_uuid(), now(), now(), closed.person_id, 'REMOVED', '',
       coalesce(nullif(person.citizenship, ''), 'GT'), closed.ended_at
FROM closed JOIN families_person person ON person.id = closed.person_id
"""


def database_url(server_url: str, *, name: str, fresh: bool) -> str:
    url = server_url.rsplit("/", 1)[0] + f"/{name}"
    if fresh:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {name}")
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run([REUNIFY, "migrate"], env=env, check=True, capture_output=True)
    return url


def removals_in(url: str) -> int:
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM families_custodyepisode WHERE kind = 'REMOVED'"
        ).fetchone()
    assert row is not None
    return int(row[0])


def top_up_removals(url: str, wanted: int) -> int:
    """Remove people still held until `wanted` removals are on record; how many added."""
    missing = wanted - removals_in(url)
    if missing <= 0:
        return 0
    with psycopg.connect(url) as connection:
        connection.execute(TOP_UP_REMOVALS_SQL, {"missing": missing})
    vacuum_analyze(url)
    return missing


def time_json_command(url: str, runs: int) -> list[float]:
    env = {**os.environ, "DATABASE_URL": url}
    seconds = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run(
            [REUNIFY, "report", "removals", "--format", "json"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds.append(time.monotonic() - started)
    return seconds


def time_in_process(url: str, runs: int) -> dict[str, list[float]]:
    """The report alone, the page's figures, and the page listing the largest figure."""
    os.environ["DATABASE_URL"] = url
    from reunify.cli.django_setup import setup_django

    setup_django()
    from django.test import Client, override_settings

    from reunify.accounts.models import User
    from reunify.accounts.roles import Role
    from reunify.oversight.read_model import removals_report
    from reunify.oversight.report_cache import forget_reports

    auditor, _ = User.objects.get_or_create(
        username="bench-auditor", defaults={"role": Role.AUDITOR}
    )
    # Signed in as the test suite signs in: the authenticator-code step is not timed.
    second_factor_off = override_settings(REUNIFY_SECOND_FACTOR_REQUIRED=False)
    second_factor_off.enable()
    client = Client()
    client.force_login(auditor)
    timings: dict[str, list[float]] = {
        "report": [],
        "page, report built afresh": [],
        "page, report kept": [],
        "page listing people": [],
    }

    def page(**query: str) -> float:
        started = time.monotonic()
        answer = client.get("/oversight/removals/", query, SERVER_NAME="localhost")
        assert answer.status_code == 200, answer.status_code
        return time.monotonic() - started

    page()  # the first request of a process loads every URL configuration: not timed
    for _ in range(runs):
        started = time.monotonic()
        report = removals_report()
        report.to_json()
        timings["report"].append(time.monotonic() - started)

        forget_reports()
        timings["page, report built afresh"].append(page())
        timings["page, report kept"].append(page())
        largest = max(
            ("without_any_election", "with_valid_election", "with_deficient_election"),
            key=lambda count: report.counts[count],
        )
        timings["page listing people"].append(page(show=largest))
    return timings


def section(
    command: str, persons: int, removals: int, counted: int, json_s: list[float],
    in_process: dict[str, list[float]],
) -> list[str]:  # fmt: skip
    worst_json = max(json_s)
    lines = [
        f"## Removals report (issue 7), {datetime.now(UTC):%Y-%m-%d}",
        "",
        f"Machine: {machine()}. Command: `{command}` on a PostgreSQL database of "
        f"{persons:,} persons and {removals:,} removals ({counted:,} removed parents who "
        "left a separated child behind). Load average while measuring: "
        f"{os.getloadavg()[0]:.1f} (the machine is shared).",
        "",
        "| what | median | worst | target | verdict |",
        "|---|---|---|---|---|",
        f"| `reunify report removals --format json` (fresh process) | "
        f"{statistics.median(json_s):.1f} s | {worst_json:.1f} s | {JSON_TARGET_S:.0f} s | "
        f"{'met' if worst_json < JSON_TARGET_S else 'MISSED'} |",
    ]
    for label, seconds in in_process.items():
        paged = label.startswith("page")
        target = f"{PAGE_TARGET_S:.0f} s" if paged else ""
        verdict = ("met" if max(seconds) < PAGE_TARGET_S else "MISSED") if paged else ""
        lines.append(
            f"| {label} (in process) | {statistics.median(seconds):.2f} s | "
            f"{max(seconds):.2f} s | {target} | {verdict} |"
        )
    return [*lines, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--removals", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse-database", action="store_true")
    parser.add_argument("--database", default=DATABASE, help=f"database name ({DATABASE})")
    parser.add_argument("--load-only", action="store_true", help="load, do not measure")
    parser.add_argument("--write", action="store_true", help="add the figures to benchmarks")
    arguments = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        print("bench: DATABASE_URL must point at a PostgreSQL server", file=sys.stderr)
        return 1
    url = database_url(server_url, name=arguments.database, fresh=not arguments.reuse_database)
    grow_to_persons(url, arguments.persons)
    added = top_up_removals(url, arguments.removals)
    size = size_of(url)
    removals = removals_in(url)
    print(f"{size.persons:,} persons, {removals:,} removals ({added:,} topped up)")
    if arguments.load_only:
        return 0
    json_seconds = time_json_command(url, arguments.runs)
    print(f"JSON command: {', '.join(f'{s:.1f} s' for s in json_seconds)}")
    in_process = time_in_process(url, arguments.runs)
    for label, seconds in in_process.items():
        print(f"{label}: {', '.join(f'{s:.2f} s' for s in seconds)}")
    from reunify.oversight.read_model import removals_report

    counted = removals_report().counts["removed_parents_with_separated_children"]
    if arguments.write:
        command = "python -m bench.removals_report " + " ".join(sys.argv[1:])
        lines = section(command, size.persons, removals, counted, json_seconds, in_process)
        text = RESULTS.read_text(encoding="utf-8")
        head, _, rest = text.partition("\n## ")
        RESULTS.write_text(
            head + "\n" + "\n".join(lines) + ("\n## " + rest if rest else ""), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
