"""Writing staged records, and telling a row already staged from a clash.

A record is staged once per `record_id`. Before a chunk is written, the keys of the
records it names are read back (`staged_keys`): a row seen before is a resumed import
(same batch, same row), a repeat (another file, same values) or a clash (a duplicate
within the file, or another file's record with other values), which is quarantined.
"""

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple
from uuid import UUID

from django.db import connection, models
from psycopg.types.json import Jsonb

from reunify.bulk_copy import copy_rows
from reunify.families.rules import Problem
from reunify.imports.models import ExtractRecord


class StagedKey(NamedTuple):
    batch_id: UUID
    row_number: int
    content_sha256: str


def staged_keys(model: type[ExtractRecord], record_ids: Iterable[str]) -> dict[str, StagedKey]:
    found = model._default_manager.filter(record_id__in=[i for i in record_ids if i])
    return {
        record_id: StagedKey(batch_id, row_number, content)
        for record_id, batch_id, row_number, content in found.values_list(
            "record_id", "batch_id", "row_number", "content_sha256"
        )
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


def write_records(model: type[ExtractRecord], rows: list[dict[str, Any]]) -> None:
    """Insert new staged records, given as field values by attribute name.

    On PostgreSQL by COPY: the ORM's INSERT spent half an import building model objects
    and quoting values in Python. Elsewhere by the ORM."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create([model(**row) for row in rows])
        return
    fields = model._meta.concrete_fields
    is_json = [isinstance(field, models.JSONField) for field in fields]
    names = [field.attname for field in fields]
    copy_rows(
        model,
        (
            [
                Jsonb(row[name]) if json else row[name]
                for name, json in zip(names, is_json, strict=True)
            ]
            for row in rows
        ),
    )
