"""Small helpers for import tests: write a CSV, import it as the command line does."""

import csv
from collections.abc import Sequence
from pathlib import Path

from reunify.imports.services import ImportCounts, extract_import


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def import_file(source: str, path: Path, *, dry_run: bool = False) -> ImportCounts:
    return extract_import(actor=None, actor_label="test", source=source, path=path, dry_run=dry_run)


CBP_HEADER = ("record_id", "event_id", "apprehended_on", "given_names", "surnames", "birth_date")
