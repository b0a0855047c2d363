"""`reunify import --source cbp|ice|orr FILE`: stage an agency extract, end with its counts.

stdout holds exactly one JSON line of counts (read = accepted + quarantined); progress goes
to stderr on a terminal. A file that cannot be imported at all is refused in one line with
nothing written.
"""

import argparse
import gc
import getpass
from pathlib import Path

from reunify.cli.errors import CommandFailed
from reunify.cli.progress import progress_bar
from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_file import ExtractScan
from reunify.imports.services import extract_import


def import_extract(arguments: argparse.Namespace) -> int:
    # What is loaded by now lives as long as the command: frozen, the collector stops
    # walking it again and again while the import's chunks churn.
    gc.freeze()
    path = Path(arguments.file)
    with progress_bar(f"Importing {path.name}", unit=" rows") as bar:

        def started(scan: ExtractScan) -> None:
            bar.reset(total=scan.rows)

        def advance(rows: int) -> None:
            bar.update(rows)

        try:
            counts = extract_import(
                actor=None,
                actor_label=f"command line ({getpass.getuser()})",
                source=arguments.source,
                path=path,
                dry_run=arguments.dry_run,
                progress=advance,
                started=started,
            )
        except ExtractRefused as refused:
            raise CommandFailed(f"{path.name} was not imported: {refused}") from None
    print(counts.as_json())
    return 0
