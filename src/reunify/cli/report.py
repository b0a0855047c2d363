"""`reunify report removals`: the oversight audit of removals of separated parents.

JSON is the contract (DESIGN.md "Oversight: the removals report"); CSV and XLSX give one
row per counted parent for analysts; PDF is the publishable report. Without `--out` the
JSON and CSV go to stdout; XLSX and PDF need a file. `--refresh` builds the report the
page reads (`oversight.report_store`) instead of writing one.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from reunify.cli.errors import EXIT_USAGE, CommandFailed, fail

if TYPE_CHECKING:
    from reunify.oversight.report import RemovalsReport

FORMATS = ("json", "csv", "xlsx", "pdf")
BINARY_FORMATS = ("xlsx", "pdf")


def add_report_command(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="oversight reports (removals of separated parents)",
        description="Oversight reports read from the records, as they stand now or as they "
        "stood at the end of an earlier day.",
    )
    report.add_argument("what", choices=("removals",), help="which report")
    report.add_argument("--format", default="json", help="json (default), csv, xlsx or pdf")
    report.add_argument("--out", help="file to write (json and csv go to stdout without it)")
    report.add_argument("--as-of", help="the records as they stood at the end of this day")
    report.add_argument("--from", dest="removed_from", help="removed on or after this day")
    report.add_argument("--to", dest="removed_to", help="removed on or before this day")
    report.add_argument(
        "--facility",
        action="append",
        default=[],
        help="held at this facility when removed (may be repeated)",
    )
    report.add_argument("--nationality", help="the parent's citizenship (code or country)")
    report.add_argument(
        "--refresh",
        action="store_true",
        help="build the report the page shows (as of --as-of, or now) and keep it for every "
        "web worker; run after loading or linking records",
    )


def _writer(report: "RemovalsReport", form: str) -> Callable[[IO[Any]], object]:
    from reunify.oversight.read_model import names_of

    if form == "json":
        from reunify.oversight.data_quality import data_quality

        def write_json(out: IO[str]) -> object:
            document = report.to_json()
            document["data_quality"] = data_quality(report).to_json()
            return out.write(json.dumps(document, indent=2) + "\n")

        return write_json
    if form == "csv":
        from reunify.oversight.export_tabular import write_csv

        return lambda out: write_csv(report, names_of(report), out)
    if form == "xlsx":
        from reunify.oversight.export_tabular import xlsx_bytes

        return lambda out: out.write(xlsx_bytes(report, names_of(report)))
    from reunify.oversight.document import pdf_bytes

    return lambda out: out.write(pdf_bytes(report, names_of(report)))


def report(arguments: argparse.Namespace) -> int:
    # Models load only once Django is set up (`cli.main`).
    from django.utils import timezone

    from reunify.oversight.filters import BadFilter, parse_filters
    from reunify.oversight.read_model import removals_report

    if arguments.refresh:
        return _refresh(arguments)
    form = arguments.format.strip().lower()
    if form not in FORMATS:
        fail(f"unknown format {arguments.format!r}; use one of {', '.join(FORMATS)}", EXIT_USAGE)
    if form in BINARY_FORMATS and not arguments.out:
        fail(f"--format {form} writes a file: give --out FILE", EXIT_USAGE)
    try:
        filters = parse_filters(
            as_of=arguments.as_of,
            removed_from=arguments.removed_from,
            removed_to=arguments.removed_to,
            facilities=arguments.facility,
            nationality=arguments.nationality,
            today=timezone.now().date(),
        )
    except BadFilter as bad:
        fail(str(bad), EXIT_USAGE)
    built = removals_report(filters)
    write = _writer(built, form)
    if not arguments.out or arguments.out == "-":
        if form in BINARY_FORMATS:
            write(sys.stdout.buffer)
        else:
            write(sys.stdout)
        return 0
    target = Path(arguments.out)
    partial = target.with_name(target.name + ".partial")
    try:
        if form in BINARY_FORMATS:
            with partial.open("wb") as binary:
                write(binary)
        else:
            with partial.open("w", encoding="utf-8", newline="") as text:
                write(text)
        partial.replace(target)  # a reader never sees half a report
    except OSError as error:
        raise CommandFailed(f"cannot write {arguments.out}: {error.strerror}") from None
    print(
        json.dumps(
            {
                "report": "removals",
                "format": form,
                "out": str(target),
                "removed_parents_with_separated_children": built.counts[
                    "removed_parents_with_separated_children"
                ],
            }
        )
    )
    return 0


def _refresh(arguments: argparse.Namespace) -> int:
    from django.utils import timezone

    from reunify.oversight.filters import BadFilter, parse_filters
    from reunify.oversight.report_store import removals_report_build

    narrowing = ("removed_from", "removed_to", "facility", "nationality", "out")
    if any(getattr(arguments, name) for name in narrowing):
        fail(
            "--refresh keeps the whole report (the page filters it); give only --as-of",
            EXIT_USAGE,
        )
    try:
        as_of = parse_filters(as_of=arguments.as_of, today=timezone.now().date()).as_of
    except BadFilter as bad:
        fail(str(bad), EXIT_USAGE)
    stored = removals_report_build(actor=None, as_of=as_of)
    print(
        json.dumps(
            {
                "report": "removals",
                "stored": str(stored.pk),
                "as_of": as_of.isoformat() if as_of else None,
                "through_sequence": stored.through_sequence,
                "read_at": stored.read_at.isoformat(),
                "removed_parents_with_separated_children": stored.parents,
                "seconds": stored.seconds,
            }
        )
    )
    return 0
