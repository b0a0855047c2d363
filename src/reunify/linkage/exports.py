"""`reunify export persons`: every imported record exactly once, with its person.

The contract (DESIGN.md): `source,record_id,person_id`. A record staged after the latest
linkage run has no person yet; the export refuses rather than leave it out.
"""

import csv
from collections.abc import Iterator
from typing import TextIO

from reunify.imports.models import RECORD_MODELS
from reunify.linkage.errors import LinkageRefused
from reunify.linkage.models import FamilyLink, FamilyLinkStatus, LinkedRecord
from reunify.web.spreadsheet_safety import inert

PERSONS_HEADER = ("source", "record_id", "person_id")
RELATIONSHIPS_HEADER = ("parent_person_id", "child_person_id", "confidence")
READ_CHUNK = 20_000


def staged_count() -> int:
    return sum(model._default_manager.count() for model in RECORD_MODELS.values())


def linked_rows() -> Iterator[tuple[str, str, str]]:
    rows = LinkedRecord.objects.order_by("source", "record_id").values_list(
        "source", "record_id", "person_id"
    )
    for source, record_id, person_id in rows.iterator(chunk_size=READ_CHUNK):
        yield source, record_id, str(person_id)


def persons_export(out: TextIO) -> int:
    """Write the persons export; returns how many records it holds."""
    staged, linked = staged_count(), LinkedRecord.objects.count()
    if staged == 0:
        raise LinkageRefused("no record is imported yet: run reunify import, then reunify link")
    if staged != linked:
        raise LinkageRefused(
            f"{staged:,} records are imported but the latest linkage covers {linked:,}: "
            "run reunify link first"
        )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PERSONS_HEADER)
    written = 0
    for source, record_id, person_id in linked_rows():
        writer.writerow((source, inert(record_id), person_id))
        written += 1
    return written


def relationships_export(out: TextIO) -> int:
    """Write the accepted parent-child links (links for review are proposals, not part of
    the record); returns how many."""
    if not LinkedRecord.objects.exists():
        raise LinkageRefused("no linkage yet: run reunify link first")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RELATIONSHIPS_HEADER)
    links = FamilyLink.objects.filter(status=FamilyLinkStatus.ACCEPTED).order_by(
        "parent_person_id", "child_person_id"
    )
    written = 0
    for parent, child, confidence in links.values_list(
        "parent_person_id", "child_person_id", "confidence"
    ).iterator(chunk_size=READ_CHUNK):
        writer.writerow((parent, child, f"{confidence:.4f}"))
        written += 1
    return written
