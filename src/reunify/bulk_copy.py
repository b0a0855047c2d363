"""Rows streamed into PostgreSQL by COPY, for the bulk writers: staging an extract, a
linkage run's linked records and links, and refreshing the family records after it.

The ORM's INSERT spent most of such a write building SQL and quoting values in Python
(half an import; 155 of 255 s of a refresh at 84,000 records); COPY streams the values.
"""

import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from django.db import connection, models


def new_ids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as text, for the ids of rows about to be written:
    as `str(uuid4())` gives them, in a third of the time (a million linked records a run)."""
    drawn = np.frombuffer(os.urandom(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    drawn[:, 6] = (drawn[:, 6] & 0x0F) | 0x40  # version 4
    drawn[:, 8] = (drawn[:, 8] & 0x3F) | 0x80  # the RFC 4122 variant
    digits = drawn.tobytes().hex()
    return [
        f"{digits[at : at + 8]}-{digits[at + 8 : at + 12]}-{digits[at + 12 : at + 16]}-"
        f"{digits[at + 16 : at + 20]}-{digits[at + 20 : at + 32]}"
        for at in range(0, 32 * count, 32)
    ]


def columns_of(model: type[models.Model]) -> str:
    """The model's columns, quoted, in the order of its concrete fields."""
    quote = connection.ops.quote_name
    return ", ".join(quote(field.column) for field in model._meta.concrete_fields)


def copy_rows(
    model: type[models.Model], rows: Iterable[Sequence[Any]], *, into: str | None = None
) -> None:
    """COPY `rows` (values in the order of `columns_of(model)`) into the model's table, or
    into `into`, an already quoted table with the same columns."""
    table = into or connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({columns_of(model)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def insert_rows(
    model: type[models.Model],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = 5000,
    json_as_text: bool = False,
) -> None:
    """New rows (values in the order of the model's concrete fields, ids included): by
    COPY on PostgreSQL, by `bulk_create` elsewhere. JSON values are given as Python values,
    or with `json_as_text` as JSON text already encoded."""
    fields = model._meta.concrete_fields
    json_at = [isinstance(field, models.JSONField) for field in fields]
    if connection.vendor == "postgresql":
        if any(json_at) and not json_as_text:
            rows = (
                [
                    json.dumps(value) if encode else value
                    for value, encode in zip(row, json_at, strict=True)
                ]
                for row in rows
            )
        copy_rows(model, rows)
        return
    if any(json_at) and json_as_text:
        rows = (
            [
                json.loads(value) if decode else value
                for value, decode in zip(row, json_at, strict=True)
            ]
            for row in rows
        )
    names = [field.attname for field in fields]
    model._default_manager.bulk_create(
        (model(**dict(zip(names, row, strict=True))) for row in rows), batch_size=batch_size
    )
