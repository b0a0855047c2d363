"""`reunify`: the one command line for operators, analysts and developers."""

import argparse
import os
import sys
from collections.abc import Sequence

from reunify.cli.errors import EXIT_USAGE, run_reporting_errors


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"reunify: error: {message} (see `reunify --help`)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reunify",
        description="Reunify: records of families across custodians. "
        "The database is DATABASE_URL, or data/reunify.sqlite3 without it.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    commands.add_parser("migrate", help="create or upgrade the database schema")

    demo = commands.add_parser(
        "demo", help="fill the database with generated families and demo users"
    )
    demo.add_argument("--families", type=positive_int, default=3000, help="how many (default 3000)")
    demo.add_argument("--seed", type=int, default=2018, help="generator seed (default 2018)")
    demo.add_argument("--if-empty", action="store_true", help="do nothing if families exist")

    serve = commands.add_parser("serve", help="run the web application")
    serve.add_argument("--host", default=os.environ.get("REUNIFY_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=positive_int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--workers", type=positive_int, default=2)

    synth = commands.add_parser("synth", help="write generated agency extracts and ground truth")
    synth.add_argument("--families", type=positive_int, required=True)
    synth.add_argument("--seed", type=int, required=True)
    synth.add_argument("--out", required=True, help="folder to write the CSV and truth files to")

    gate = commands.add_parser("gate", help="ask the removal gate about a parent")
    gate_commands = gate.add_subparsers(
        dest="gate_command", metavar="GATE_COMMAND", parser_class=_Parser
    )
    gate_commands.required = True
    check = gate_commands.add_parser(
        "check",
        help="print the gate's answer for a parent as JSON",
        description="Print the removal gate's answer for a parent (for their open removal "
        "plan, if any) as JSON on stdout.",
        epilog="exit status: 0 the gate is open (also when opened by a supervisor's "
        "override); 3 the gate is blocked; 1 the person cannot be found; 2 bad usage.",
    )
    check.add_argument(
        "person", metavar="PERSON", help='a person id, or an A-number ("A 212-345-678")'
    )
    from reunify.cli.audit import add_audit_commands

    add_audit_commands(commands, parser_class=_Parser)
    add_import_command(commands)
    add_linkage_commands(commands)
    from reunify.cli.tracing import add_tracing_commands

    add_tracing_commands(commands, parser_class=_Parser)
    from reunify.cli.report import add_report_command

    add_report_command(commands)
    return parser


def add_linkage_commands(commands: "argparse._SubParsersAction[_Parser]") -> None:
    link = commands.add_parser(
        "link",
        help="resolve the imported records into persons",
        description="Resolve every imported record into a person with the Splink model "
        "(trained on the data, no labels needed). Person ids stay stable across runs.",
        epilog="stdout: one JSON line (run, records, persons, seconds per stage).",
    )
    link.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    link.add_argument(
        "--threshold", type=float, default=0.5,
        help="match probability at which two records are one person (default 0.5)",
    )  # fmt: skip
    link.add_argument(
        "--memory-limit", help='cap DuckDB\'s memory, e.g. "3GB" (it spills to disk beyond)'
    )
    export = commands.add_parser(
        "export",
        help="write linkage results for others to measure",
        description="persons: source,record_id,person_id for every imported record. "
        "relationships: parent_person_id,child_person_id,confidence for every accepted "
        "parent-child link.",
    )
    export.add_argument("what", choices=("persons", "relationships", "pfif"), help="what to export")
    export.add_argument("--domain", help="pfif: the domain of the record ids (reunify.local)")
    export.add_argument("--out", required=True, help="file to write, or - for stdout")
    evaluate = commands.add_parser(
        "evaluate",
        help="score the latest linkage against generated ground truth",
        description="Pairwise precision, recall and F1 of the latest linkage's persons "
        "against truth_persons.csv (written by reunify synth), beside a naive baseline "
        "that joins only on exact A-number or exact name and birth date.",
    )
    evaluate.add_argument("--truth", required=True, help="the folder reunify synth wrote")


def add_import_command(commands: "argparse._SubParsersAction[_Parser]") -> None:
    command = commands.add_parser(
        "import",
        help="import an agency extract (cbp, ice or orr; CSV or Parquet)",
        description="Read an agency extract, standardise each row and stage it for linkage. "
        "Unusable rows are quarantined with their reasons. Importing a file again changes "
        "nothing; an import that was killed resumes where it stopped.",
        epilog="stdout: one JSON line of counts (read = accepted + quarantined). Exit "
        "status: 0 imported, even with quarantined rows; 1 the file was refused, with "
        "nothing written; 2 bad usage.",
    )
    command.add_argument(
        "--source", required=True, choices=("cbp", "ice", "orr"),
        help="which agency's extract the file is",
    )  # fmt: skip
    command.add_argument(
        "file", metavar="FILE", help="the extract: a UTF-8 CSV file, or a Parquet file"
    )
    command.add_argument(
        "--dry-run", action="store_true", help="read and check every row; write nothing"
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    if arguments.command == "synth":
        # Generation needs no database or Django: it runs anywhere.
        from reunify.cli.synth import synth

        return run_reporting_errors(lambda: synth(arguments))

    from reunify.cli.django_setup import setup_django

    def run() -> int:
        setup_django()
        if arguments.command == "migrate":
            from reunify.cli.database import migrate

            return migrate()
        if arguments.command == "demo":
            from reunify.cli.demo import demo

            return demo(arguments)
        if arguments.command == "gate":
            from reunify.cli.gate import gate

            return gate(arguments)
        if arguments.command == "audit":
            from reunify.cli.audit import audit

            return audit(arguments)
        if arguments.command == "export" and arguments.what == "pfif":
            from reunify.cli.tracing import export_pfif

            return export_pfif(arguments)
        if arguments.command in ("link", "export", "evaluate"):
            from reunify.cli import linkage

            handler = {"link": linkage.link, "export": linkage.export,
                       "evaluate": linkage.evaluate}[arguments.command]  # fmt: skip
            return handler(arguments)
        if arguments.command == "import":
            from reunify.cli.imports import import_extract

            return import_extract(arguments)
        if arguments.command == "report":
            from reunify.cli.report import report

            return report(arguments)
        if arguments.command == "tracing":
            from reunify.cli.tracing import tracing

            return tracing(arguments)
        if arguments.command == "serve":
            from reunify.cli.serve import serve

            return serve(arguments)
        raise AssertionError(f"unhandled command {arguments.command}")

    return run_reporting_errors(run)


if __name__ == "__main__":
    raise SystemExit(main())
