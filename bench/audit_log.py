"""What the tamper-evident audit log costs (issue 4: under 20% on a typical write service's
median; `verify` at least 100,000 entries per second).

(a) Two typical write services, `separation_record` and `custody_move`, each called on
fresh records, alternately with and without its audit entry. "Without" is the same
service with the name `record_change` in its own module swapped for a no-op
(`audit_switched_off`, here in the benchmark only), so the difference is everything the
audit costs: building the entry, locking the chain head, hashing, the INSERT and the
head's UPDATE. Calls alternate so drift (cache, autovacuum) hits both alike; the append's
own time inside the audited calls is reported too.

(b) `verify_log` over a log of `--entries` entries (bulk-appended through the chain
module), in-process (median of 3 runs), and `reunify audit verify` end to end; and
`verify_export` over the export file (what an auditor runs without the database).

`python -m bench.audit_log` against the PostgreSQL server `DATABASE_URL` names; it
creates (and drops first) the database `reunify_audit_bench` there.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import uuid4

import psycopg

from bench.load_database import REUNIFY
from reunify.cli.django_setup import setup_django

BENCH_DB = "reunify_audit_bench"
WARMUP = 50
VERIFY_RUNS = 3


@dataclass(frozen=True)
class ServiceCost:
    service: str
    calls: int  # of each kind
    with_audit_ms: float  # medians
    without_audit_ms: float
    append_ms: float  # median of record_change's own time inside the audited calls

    @property
    def overhead(self) -> float:
        return self.with_audit_ms / self.without_audit_ms - 1


@dataclass(frozen=True)
class VerifyCost:
    entries: int
    seconds: float
    cli_seconds: float
    export_seconds: float
    export_verify_seconds: float

    @property
    def per_second(self) -> float:
        return self.entries / self.seconds


def bench_database(server_url: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return server_url.rsplit("/", 1)[0] + f"/{BENCH_DB}"


@contextmanager
def audit_switched_off(service_module: ModuleType) -> Iterator[None]:
    """Benchmark only: the service runs without its history entry."""
    original = service_module.record_change
    service_module.record_change = lambda **_: None  # type: ignore[attr-defined]
    try:
        yield
    finally:
        service_module.record_change = original  # type: ignore[attr-defined]


@contextmanager
def append_timed(service_module: ModuleType, into: list[float]) -> Iterator[None]:
    original = service_module.record_change

    def timed(**arguments: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(**arguments)
        finally:
            into.append((time.perf_counter() - started) * 1000)

    service_module.record_change = timed  # type: ignore[attr-defined]
    try:
        yield
    finally:
        service_module.record_change = original  # type: ignore[attr-defined]


def time_alternately(
    service_module: ModuleType, name: str, calls: list[Callable[[], object]]
) -> ServiceCost:
    """Call each in turn, even ones with the audit and odd ones without, after a warm-up."""
    for call in calls[:WARMUP]:
        call()
    audited: list[float] = []
    unaudited: list[float] = []
    appends: list[float] = []
    for index, call in enumerate(calls[WARMUP:]):
        with_audit = index % 2 == 0
        switch = (
            append_timed(service_module, appends)
            if with_audit
            else audit_switched_off(service_module)
        )
        with switch:
            started = time.perf_counter()
            call()
            elapsed = (time.perf_counter() - started) * 1000
        (audited if with_audit else unaudited).append(elapsed)
    return ServiceCost(
        service=name,
        calls=len(unaudited),
        with_audit_ms=statistics.median(audited),
        without_audit_ms=statistics.median(unaudited),
        append_ms=statistics.median(appends),
    )


def time_services(families: int) -> list[ServiceCost]:
    from reunify.accounts.models import User
    from reunify.accounts.roles import Role
    from reunify.families.choices import CustodyKind, MemberRole, SeparationReason
    from reunify.families.models import Facility
    from reunify.families.services import (
        NewMember,
        PersonDetails,
        custody_move,
        family_unit_create_at_apprehension,
        separation_record,
    )
    from reunify.families.services import custody as custody_module
    from reunify.families.services import separations as separations_module

    run = uuid4().hex[:8]
    officer = User.objects.create(username=f"bench-{run}", role=Role.SUPERVISOR)
    station = Facility.objects.create(name=f"Station {run}", kind=CustodyKind.BORDER_STATION)
    detention = Facility.objects.create(
        name=f"Detention {run}", kind=CustodyKind.DETENTION_FACILITY
    )
    apprehended = datetime(2018, 5, 1, 12, tzinfo=UTC)
    units = []
    for number in range(families):
        unit = family_unit_create_at_apprehension(
            actor=officer,
            apprehended_at=apprehended,
            station=station,
            members=[
                NewMember(
                    PersonDetails(
                        given_names="María",
                        first_surname=f"Xiloj{number}",
                        second_surname="Tzoc",
                        sex="F",
                        birth_date=date(1990, 3, 14),
                        citizenship="GT",
                        languages=("quc",),
                    ),
                    role=MemberRole.PARENT,
                ),
                NewMember(
                    PersonDetails(
                        given_names="Ana",
                        first_surname=f"López{number}",
                        sex="F",
                        birth_date=date(2011, 2, 1),
                        citizenship="GT",
                    ),
                    role=MemberRole.CHILD,
                ),
            ],
        )
        roles = {m.role: m.person for m in unit.memberships.select_related("person")}
        units.append((unit, roles[MemberRole.PARENT], roles[MemberRole.CHILD]))

    separated = apprehended + timedelta(days=1)
    separations: list[Callable[[], object]] = [
        partial(
            separation_record,
            actor=officer,
            family_unit=unit,
            parent=parent,
            child=child,
            separated_at=separated,
            reason=SeparationReason.PARENT_PROSECUTED,
        )
        for unit, parent, child in units
    ]
    moves: list[Callable[[], object]] = [
        partial(
            custody_move,
            actor=officer,
            person=parent,
            kind=CustodyKind.DETENTION_FACILITY,
            facility=detention,
            moved_at=separated + timedelta(hours=2),
        )
        for _, parent, _ in units
    ]
    return [
        time_alternately(separations_module, "separation_record", separations),
        time_alternately(custody_module, "custody_move", moves),
    ]


def fill_log(entries: int) -> None:
    """`entries` history entries like the services write, chained by `append_entries`."""
    from django.utils import timezone

    from reunify.audit.append import append_entries
    from reunify.audit.models import HistoryEntry

    now = timezone.now()

    def entry(number: int) -> HistoryEntry:
        unit, parent, child = uuid4(), uuid4(), uuid4()
        return HistoryEntry(
            at=now + timedelta(microseconds=number),
            actor_label="Olivia Field (Field officer)",
            action="separation.recorded",
            subject_type="separation",
            subject_id=uuid4(),
            family_unit_id=unit,
            person_ids=[str(parent), str(child)],
            changes={
                "separated_at": "2018-05-02T12:00:00+00:00",
                "reason": "PARENT_PROSECUTED",
                "reason_detail": f"Referred for prosecution, case {number}",
            },
        )

    append_entries(entry(number) for number in range(entries))


def time_verify(database_url: str) -> VerifyCost:
    from reunify.audit.export_format import verify_export
    from reunify.audit.verification import export_log, verify_log

    runs = []
    for _ in range(VERIFY_RUNS):  # the median run: the first also warms the cache
        started = time.perf_counter()
        verdict = verify_log()
        runs.append(time.perf_counter() - started)
    seconds = statistics.median(runs)
    if verdict.problem:
        raise RuntimeError(f"the bench log is not intact: {verdict.problem}")
    started = time.perf_counter()
    subprocess.run(
        [REUNIFY, "audit", "verify"],
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
    )
    cli_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.jsonl"
        started = time.perf_counter()
        with path.open("w", encoding="utf-8") as out:
            export_log(out)
        export_seconds = time.perf_counter() - started
        started = time.perf_counter()
        with path.open(encoding="utf-8") as lines:
            exported = verify_export(lines, name=str(path))
        export_verify_seconds = time.perf_counter() - started
    if exported.problem or exported.entries != verdict.entries:
        raise RuntimeError(f"the export does not verify: {exported.problem}")
    return VerifyCost(verdict.entries, seconds, cli_seconds, export_seconds, export_verify_seconds)


def describe(services: list[ServiceCost], verify: VerifyCost) -> list[str]:
    lines = [
        f"{cost.service}: median {cost.with_audit_ms:.2f} ms with the audit entry, "
        f"{cost.without_audit_ms:.2f} ms without ({cost.calls} calls each): "
        f"+{cost.overhead:.1%} (target < 20%); the append itself median {cost.append_ms:.2f} ms"
        for cost in services
    ]
    lines += [
        f"verify: {verify.entries:,} entries in {verify.seconds:.2f} s (median of "
        f"{VERIFY_RUNS} runs) = "
        f"{verify.per_second:,.0f} entries/s in-process (target >= 100,000); "
        f"`reunify audit verify` {verify.cli_seconds:.2f} s end to end",
        f"export: {verify.export_seconds:.2f} s; verify the export without the database: "
        f"{verify.export_verify_seconds:.2f} s = "
        f"{verify.entries / verify.export_verify_seconds:,.0f} entries/s",
    ]
    return lines


def measure(server_url: str, *, families: int, entries: int) -> list[str]:
    database_url = bench_database(server_url)
    os.environ["DATABASE_URL"] = database_url
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    fill_log(entries)
    print(f"appended {entries:,} entries in {time.perf_counter() - started:.1f} s")
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    verify = time_verify(database_url)
    services = time_services(families)
    return describe(services, verify)


def audit_log_section(server_url: str, command: str) -> list[str]:
    """docs/benchmarks.md lines, measured in a process of its own: Django there is set
    up on this benchmark's database, not on the one the caller is measuring."""
    from bench.report import machine, today

    measured = subprocess.run(
        [sys.executable, "-m", "bench.audit_log"],
        env={**os.environ, "DATABASE_URL": server_url},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    print("\n".join(measured))
    return [
        f"## Audit log (issue 4) — {today()}",
        "",
        f"Machine: {machine()}. Command: {command}.",
        "",
        *(f"- {line}" for line in measured),
        "",
        "Without the audit entry means the same service with `record_change` swapped for a "
        "no-op in its module, calls alternating with and without; see `bench/audit_log.py`.",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", type=int, default=2000, help="services timed on (2000)")
    parser.add_argument("--entries", type=int, default=200_000, help="log size (200,000)")
    arguments = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        raise SystemExit("bench: DATABASE_URL must point at a PostgreSQL server")
    print("\n".join(measure(server_url, families=arguments.families, entries=arguments.entries)))


if __name__ == "__main__":
    main()
