"""Writing staged records, and telling a row already staged from a clash.

A record is staged once per `record_id`. Before a chunk is written, the keys of the
records it names are read back (`staged_keys`): a row seen before is a resumed import
(same batch, same row), a repeat (another file, same values) or a clash (a duplicate
within the file, or another file's record with other values), which is quarantined.
"""

import json
from collections.abc import Mapping
from typing import Any, NamedTuple
from uuid import UUID, uuid4

from django.db import connection

from reunify.bulk_copy import insert_rows
from reunify.families.rules import Problem
from reunify.imports.models import ExtractRecord
from reunify.imports.row_reading import ReadChunk


class StagedKey(NamedTuple):
    batch_id: UUID
    row_number: int
    content_sha256: str


def staged_keys(model: type[ExtractRecord], record_ids: list[str]) -> dict[str, StagedKey]:
    """The keys of the records already staged under any of `record_ids`.

    On PostgreSQL the ids go as one array: the ORM's `IN` of a chunk's 2,000 parameters
    cost more than the rest of staging the chunk."""
    wanted = [record_id for record_id in record_ids if record_id]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(model._meta.db_table)
            query = f"SELECT record_id, batch_id, row_number, content_sha256 FROM {table} "  # noqa: S608
            cursor.execute(query + "WHERE record_id = ANY(%s)", [wanted])
            found = cursor.fetchall()
    else:
        found = list(
            model._default_manager.filter(record_id__in=wanted).values_list(
                "record_id", "batch_id", "row_number", "content_sha256"
            )
        )
    return {
        record_id: StagedKey(batch_id, row_number, content)
        for record_id, batch_id, row_number, content in found
    }


def conflicts(
    staged: Mapping[str, StagedKey], batch_id: UUID, record_id: str, row: StagedKey
) -> list[Problem]:
    """Why a row (its batch, number and content as `row`) may not be staged beside what
    already is."""
    known = staged.get(record_id)
    if known is None:
        return []
    if known.batch_id == batch_id and known.row_number != row.row_number:
        message = (
            f"duplicated record id {record_id}: row {known.row_number} of this file has it too"
        )
        return [Problem("record_id", message)]
    if known.batch_id != batch_id and known.content_sha256 != row.content_sha256:
        message = (
            f"record id {record_id} was imported before with other values; a changed "
            "record is not applied automatically"
        )
        return [Problem("record_id", message)]
    return []


def write_records(
    model: type[ExtractRecord], batch_id: UUID, chunk: ReadChunk, rows: list[int]
) -> None:
    """Insert the chunk's `rows` (indices) as new staged records of the batch.

    By COPY on PostgreSQL (`bulk_copy`), taking the values column by column from the
    chunk; the raw row and the notes go as JSON text, encoded where the chunk was read."""
    if not rows:
        return
    columns: dict[str, list[Any]] = {
        "row_number": chunk.numbers,
        "content_sha256": chunk.content_sha256,
        "raw": chunk.raw_json,
        "notes": [json.dumps(notes) if notes else "[]" for notes in chunk.notes],
        **chunk.fields,
    }
    picked = {name: [values[row] for row in rows] for name, values in columns.items()}
    picked["id"] = [uuid4() for _ in rows]
    picked["batch_id"] = [batch_id] * len(rows)
    names = [field.attname for field in model._meta.concrete_fields]
    insert_rows(model, zip(*(picked[name] for name in names), strict=True), json_as_text=True)
