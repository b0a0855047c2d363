"""`reunify link`, `reunify export persons` and `reunify evaluate`: linkage from the
command line. Each prints its answer on stdout (JSON, or the export when `--out -`)."""

import argparse
import getpass
import json
import sys
import time
from pathlib import Path

from django.db import connection

from reunify.cli.errors import CommandFailed
from reunify.forked import can_fork, computed_beside
from reunify.linkage.errors import LinkageRefused
from reunify.linkage.exports import persons_export, relationships_export
from reunify.linkage.scoring import linkage_evaluation
from reunify.linkage.services import linkage_run
from reunify.oversight.report_store import removals_reports_refresh
from reunify.tracing.services import tracing_cases_open_for_separated_children


def link(arguments: argparse.Namespace) -> int:
    print("Linking staged records (this takes minutes on large extracts)…", file=sys.stderr)
    try:
        run = linkage_run(
            actor=None,
            actor_label=f"command line ({getpass.getuser()})",
            engine=arguments.engine,
            threshold=arguments.threshold,
            memory_limit=arguments.memory_limit,
        )
    except LinkageRefused as refused:
        raise CommandFailed(str(refused)) from None
    # Linkage may have written separations: every separated child not reunified gets a
    # tracing case now. And the kept removals report is rebuilt, so the page's next
    # visitor does not find it behind: it reads no tracing case, so on PostgreSQL it is
    # rebuilt in a forked process on a connection of its own meanwhile.
    beside = connection.vendor == "postgresql" and can_fork()
    with computed_beside(
        _removals_report_rebuilt, fork=beside, own_connections=True
    ) as report_seconds:
        started = time.perf_counter()
        traced = tracing_cases_open_for_separated_children(actor=None)
        print(
            f"Tracing cases: {traced['opened']:,} opened, {traced['closed_as_reunified']:,} "
            f"closed as reunified ({time.perf_counter() - started:.1f} s).",
            file=sys.stderr,
        )
        took = report_seconds()
    # Beside the sweep, the report's build waits for the sweep's commit to be recorded.
    how = " beside the tracing sweep, and recorded after it" if beside else ""
    print(f"Removals report rebuilt{how} in {took:.1f} s.", file=sys.stderr)
    print(
        json.dumps(
            {"run": str(run.pk), "engine": run.engine, "threshold": run.threshold,
             "records": run.records, "persons": run.persons,
             "family_links": run.family_links,
             "family_links_for_review": run.family_links_for_review,
             "seconds": run.seconds},
            sort_keys=True,
        )
    )  # fmt: skip
    return 0


def _removals_report_rebuilt() -> float:
    """Rebuild the kept removals reports; how many seconds it took."""
    started = time.perf_counter()
    removals_reports_refresh(actor=None)
    return time.perf_counter() - started


def export(arguments: argparse.Namespace) -> int:
    write = {"persons": persons_export, "relationships": relationships_export}[arguments.what]
    try:
        if arguments.out == "-":
            written = write(sys.stdout)
        else:
            target = Path(arguments.out)
            partial = target.with_name(target.name + ".partial")
            with partial.open("w", encoding="utf-8", newline="") as out:
                written = write(out)
            partial.replace(target)  # a reader never sees half an export
            print(json.dumps({"export": arguments.what, "rows": written, "out": str(target)}))
    except LinkageRefused as refused:
        raise CommandFailed(str(refused)) from None
    except OSError as error:
        raise CommandFailed(f"cannot write {arguments.out}: {error.strerror}") from None
    return 0


def evaluate(arguments: argparse.Namespace) -> int:
    try:
        print(json.dumps(linkage_evaluation(Path(arguments.truth)), sort_keys=True))
    except LinkageRefused as refused:
        raise CommandFailed(str(refused)) from None
    return 0
