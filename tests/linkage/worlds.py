"""Generated worlds brought into the database as an operator would: extracts imported."""

from pathlib import Path

from reunify.imports.services import extract_import

SOURCES = ("cbp", "ice", "orr")


def import_all(folder: Path) -> None:
    """Import the three extracts `write_extracts` wrote into `folder`."""
    for source in SOURCES:
        extract_import(actor=None, actor_label="test", source=source, path=folder / f"{source}.csv")
