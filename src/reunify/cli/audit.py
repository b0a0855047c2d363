"""`reunify audit verify|checkpoint|export`: the tamper-evident audit log, for operators
and auditors.

`verify` exits 0 and prints "intact: N entries, head H" when the chain holds; otherwise
it exits 1 with one line naming the first bad entry. `checkpoint` prints the recorded head
as one JSON line for cron to ship off the database host; `verify --checkpoint` holds the
database to such lines, which is what catches deleted newest entries with a rewound head.
"""

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reunify.audit.chain import ChainPoint, Tampering
from reunify.audit.export_format import BadExport, point_line, read_checkpoints, verify_export
from reunify.cli.errors import EXIT_USAGE, CommandFailed, fail
from reunify.cli.progress import progress_bar


def add_audit_commands(commands: Any, *, parser_class: type[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="verify, checkpoint or export the audit log")
    audit_commands = audit.add_subparsers(
        dest="audit_command", metavar="AUDIT_COMMAND", parser_class=parser_class
    )
    audit_commands.required = True
    verify = audit_commands.add_parser(
        "verify",
        help="recompute the hash chain and name the first bad entry",
        description="Recompute the audit log's hash chain from the first entry and check it "
        "against the chain head, the stored checkpoints and any given checkpoints.",
        epilog="exit status: 0 intact; 1 not intact (the first bad entry is named); "
        "2 bad usage or an unreadable checkpoint or export file.",
    )
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        metavar="FILE_OR_JSON",
        help="a checkpoint held outside the database: a JSON line as `checkpoint` prints it, "
        "or a file of such lines or an export (may be repeated)",
    )
    verify.add_argument(
        "--export",
        metavar="FILE",
        help="verify this export file instead of the database (no database needed)",
    )
    audit_commands.add_parser(
        "checkpoint",
        help="record the chain head and print it as one JSON line",
        description="Check the entries appended since the last checkpoint, record the chain "
        "head as a checkpoint and print it as one JSON line, to be kept off the database.",
    )
    export = audit_commands.add_parser(
        "export", help="write the log and its checkpoints as JSON lines"
    )
    export.add_argument("--out", required=True, help="file to write, or - for stdout")


def external_checkpoints(arguments: list[str]) -> list[ChainPoint]:
    points: list[ChainPoint] = []
    for argument in arguments:
        try:
            if argument.lstrip().startswith("{"):
                points += read_checkpoints([argument], "--checkpoint")
            else:
                with Path(argument).open(encoding="utf-8") as lines:
                    points += read_checkpoints(lines, argument)
        except (OSError, UnicodeDecodeError) as error:
            fail(f"cannot read checkpoint {argument}: {error}", EXIT_USAGE)
        except BadExport as error:
            fail(str(error), EXIT_USAGE)
    return points


def not_intact(problem: Tampering) -> CommandFailed:
    return CommandFailed(f"the audit log is not intact: {problem}")


def intact(entries: int, head_hash: str, checkpoints: int) -> int:
    matched = f"{checkpoints} checkpoint{'' if checkpoints == 1 else 's'} matched"
    print(f"intact: {entries} entries, head {head_hash}; {matched}")
    return 0


def verify(arguments: argparse.Namespace) -> int:
    external = external_checkpoints(arguments.checkpoint)
    if arguments.export:
        try:
            with (
                Path(arguments.export).open(encoding="utf-8") as lines,
                progress_bar("Verifying export") as bar,
            ):
                verdict = verify_export(
                    lines, name=arguments.export, external=external, progress=bar.update
                )
        except (OSError, UnicodeDecodeError) as error:
            fail(f"cannot read {arguments.export}: {error}", EXIT_USAGE)
        except BadExport as error:
            fail(str(error), EXIT_USAGE)
        if verdict.problem:
            raise not_intact(verdict.problem)
        return intact(verdict.entries, verdict.head_hash, verdict.checkpoints)

    from reunify.audit.verification import stored_head, verify_log

    head = stored_head()
    with progress_bar("Verifying audit log", head.sequence if head else None) as bar:
        result = verify_log(external=external, progress=bar.update)
    if result.problem:
        raise not_intact(result.problem)
    return intact(result.entries, result.head_hash, result.checkpoints)


def checkpoint() -> int:
    from reunify.audit.chain import canonical_moment
    from reunify.audit.verification import ChainBroken, checkpoint_make

    with progress_bar("Checking entries since the last checkpoint") as bar:
        try:
            made = checkpoint_make(progress=bar.update)
        except ChainBroken as broken:
            raise CommandFailed(f"no checkpoint made: {not_intact(broken.problem)}") from None
    point = ChainPoint(made.sequence, made.entry_hash, canonical_moment(made.made_at))
    print(point_line("checkpoint", point))
    return 0


def export(arguments: argparse.Namespace) -> int:
    from reunify.audit.verification import export_log, stored_head

    head = stored_head()
    try:
        with (
            (
                open(arguments.out, "w", encoding="utf-8") if arguments.out != "-" else _stdout()
            ) as out,
            progress_bar("Exporting audit log", head.sequence if head else None) as bar,
        ):
            count = export_log(out, progress=bar.update)
    except OSError as error:
        fail(f"cannot write {arguments.out}: {error}", EXIT_USAGE)
    if arguments.out != "-":
        print(f"exported {count} entries to {arguments.out}", file=sys.stderr)
    return 0


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout


def audit(arguments: argparse.Namespace) -> int:
    if arguments.audit_command == "verify":
        return verify(arguments)
    if arguments.audit_command == "checkpoint":
        return checkpoint()
    if arguments.audit_command == "export":
        return export(arguments)
    raise AssertionError(f"unhandled audit command {arguments.audit_command}")
