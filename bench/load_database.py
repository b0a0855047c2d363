"""Fill the bench database with generated families through `reunify demo`.

The first world (seed 100) is the one the foundation's page timings were always taken
on. Issue 3's targets are for 1,000,000 persons: further worlds, seeds 101, 102, …, each
loaded in its own `reunify demo` run (own transaction, bounded memory), grow the database
until it holds that many. Every person, family and election gets a fresh UUID, so worlds
never collide; their family references are drawn unique against those already loaded.
"""

import math
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
REUNIFY = str(ROOT / ".venv" / "bin" / "reunify")
BENCH_DB = "reunify_bench"
FIRST_SEED = 100
# One world per `reunify demo` run: about 254,000 people, about 0.7 GB of memory (a
# 50,000-family run peaked at 345 MB), one transaction of about 160 s.
GROWTH_BATCH_FAMILIES = 100_000


@dataclass(frozen=True)
class Size:
    families: int
    persons: int
    elections: int


def fresh_database(server_url: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return existing_database(server_url)


def existing_database(server_url: str) -> str:
    return server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"


def size_of(database_url: str) -> Size:
    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT (SELECT count(*) FROM families_familyunit), "
            "(SELECT count(*) FROM families_person), "
            "(SELECT count(*) FROM elections_election)"
        ).fetchone()
    assert row is not None
    return Size(families=int(row[0]), persons=int(row[1]), elections=int(row[2]))


def _demo(database_url: str, families: int, seed: int) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(
        [REUNIFY, "demo", "--families", str(families), "--seed", str(seed)],
        env=env,
        check=True,
        capture_output=True,
    )


def vacuum_analyze(database_url: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def load_families(database_url: str, families: int) -> float:
    """Migrate, load the first world of `families` families; seconds the load took."""
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([REUNIFY, "migrate"], env=env, check=True, capture_output=True)
    started = time.monotonic()
    _demo(database_url, families, FIRST_SEED)
    elapsed = time.monotonic() - started
    vacuum_analyze(database_url)
    return elapsed


def _next_seed(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT max((changes->>'seed')::int) FROM audit_historyentry "
            "WHERE action = 'family.loaded'"
        ).fetchone()
    return FIRST_SEED if row is None or row[0] is None else int(row[0]) + 1


def grow_to_persons(database_url: str, persons: int, *, report: bool = True) -> float:
    """Load further worlds until the database holds at least `persons` people; seconds."""
    started = time.monotonic()
    grown = False
    while (size := size_of(database_url)).persons < persons:
        per_family = size.persons / size.families if size.families else 2.5
        # A little over what the average promises, so the last world is rarely short.
        wanted = math.ceil((persons - size.persons) / per_family * 1.01)
        families = max(1, min(GROWTH_BATCH_FAMILIES, wanted))
        seed = _next_seed(database_url)
        if report:
            print(f"growing: {families:,} more families (seed {seed}) on {size.persons:,} people")
        batch_started = time.monotonic()
        _demo(database_url, families, seed)
        if report:
            print(f"  loaded in {time.monotonic() - batch_started:.0f} s")
        grown = True
    if grown:
        vacuum_analyze(database_url)
    return time.monotonic() - started
