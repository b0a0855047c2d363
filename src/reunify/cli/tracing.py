"""`reunify tracing figures` and `reunify tracing open-cases`: the tracing dashboard's
figures as JSON, and the run that opens a case for every separated child (for a
schedule). Both run as the operator, over every case."""

import argparse
import json
from typing import Any


def add_tracing_commands(commands: "argparse._SubParsersAction[Any]", *, parser_class: Any) -> None:
    tracing = commands.add_parser("tracing", help="tracing cases: dashboard figures, opening cases")
    sub = tracing.add_subparsers(
        dest="tracing_command", metavar="TRACING_COMMAND", parser_class=parser_class
    )
    sub.required = True
    sub.add_parser(
        "figures",
        help="print the tracing dashboard's figures as JSON",
        description="The categories courts and task forces publish (parent in the country, "
        "removed or unknown; located or not; no contact information; reunified, where and "
        "whether before tracing began; declined), each with its definition, counted in "
        "children, with breakdowns by nationality, border sector and quarter and the "
        "as-of moment.",
        epilog="stdout: one JSON document.",
    )
    sub.add_parser(
        "open-cases",
        help="open a tracing case for every separated child who has none",
        description="Open a case for every open separation without one, close as "
        "reunified the cases whose separation a reunion has closed, and bring the facts "
        "each case keeps (the child's citizenship, the apprehension's sector and quarter, "
        "the parent's custody) in line after a bulk write such as `reunify link`. "
        "Running it again changes nothing.",
        epilog="stdout: one JSON line of counts.",
    )


def tracing(arguments: argparse.Namespace) -> int:
    from reunify.tracing.figures import tracing_figures
    from reunify.tracing.models import TracingCase
    from reunify.tracing.services import tracing_cases_open_for_separated_children

    if arguments.tracing_command == "figures":
        print(json.dumps(tracing_figures(TracingCase.objects.all()), indent=2, sort_keys=True))
        return 0
    if arguments.tracing_command == "open-cases":
        print(json.dumps(tracing_cases_open_for_separated_children(actor=None), sort_keys=True))
        return 0
    raise AssertionError(f"unhandled tracing command {arguments.tracing_command}")


def export_pfif(arguments: argparse.Namespace) -> int:
    """`reunify export pfif --out F`: the persons sought and their notes, as PFIF 1.4."""
    import sys
    from pathlib import Path

    from reunify.cli.errors import CommandFailed
    from reunify.tracing.pfif import DEFAULT_DOMAIN, pfif_export

    domain = arguments.domain or DEFAULT_DOMAIN
    if "/" in domain or not domain.strip():
        raise CommandFailed(f"{domain!r} is not a domain name (PFIF record ids are domain/id)")
    try:
        if arguments.out == "-":
            written = pfif_export(sys.stdout.buffer, domain=domain)
        else:
            target = Path(arguments.out)
            partial = target.with_name(target.name + ".partial")
            with partial.open("wb") as out:
                written = pfif_export(out, domain=domain)
            partial.replace(target)  # a reader never sees half an export
            print(json.dumps({"export": "pfif", **written, "out": str(target)}))
    except OSError as error:
        raise CommandFailed(f"cannot write {arguments.out}: {error.strerror}") from None
    return 0
