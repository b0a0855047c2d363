"""A chunk of extract rows read into their staged records' fields, or the problems that
stop them: read a column at a time (`column_reader`), kept by row."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from reunify.families.rules import Problem
from reunify.imports.column_reader import ColumnReader
from reunify.imports.extract_columns import Header
from reunify.imports.extract_file import ExtractRow, ExtractScan
from reunify.imports.extract_rows import FIELDS_OF


@dataclass(frozen=True)
class ReadRow:
    """One row read and standardised: fields for its record, or the problems that stop it."""

    number: int
    record_id: str
    record_id_as_written: str
    fields: dict[str, Any]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    content_sha256: str
    raw_json: str  # every column as written, by heading

    @cached_property
    def raw(self) -> dict[str, str]:
        return json.loads(self.raw_json)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ReadChunk:
    """Rows read together, as columns: cheap to hand from one process to another and to
    write by COPY. `fields` holds each staged field's values, one per row."""

    numbers: list[int]
    record_ids: list[str]
    record_ids_as_written: list[str]
    fields: dict[str, list[Any]]
    problems: list[tuple[Problem, ...]]
    notes: list[tuple[str, ...]]
    content_sha256: list[str]
    raw_json: list[str]

    def __len__(self) -> int:
        return len(self.numbers)

    def rows(self) -> Iterator[ReadRow]:
        names = list(self.fields)
        for index, values in enumerate(zip(*self.fields.values(), strict=True)):
            yield ReadRow(
                number=self.numbers[index],
                record_id=self.record_ids[index],
                record_id_as_written=self.record_ids_as_written[index],
                fields=dict(zip(names, values, strict=True)),
                problems=self.problems[index],
                notes=self.notes[index],
                content_sha256=self.content_sha256[index],
                raw_json=self.raw_json[index],
            )


def read_chunk(source: str, rows: list[ExtractRow], scan: ExtractScan) -> ReadChunk:
    header = scan.header
    fields_of_rows = [row.fields for row in rows]
    columns = {
        column: [fields[position] if position < len(fields) else "" for fields in fields_of_rows]
        for column, position in header.positions.items()
    }
    reader = ColumnReader(columns, len(rows), scan.date_order)
    record_ids = reader.text("record_id", limit=64, required=True)
    fields = {"record_id": record_ids, **FIELDS_OF[source](reader)}
    return ReadChunk(
        numbers=[row.number for row in rows],
        record_ids=record_ids,
        record_ids_as_written=[text.strip()[:200] for text in reader.raw("record_id")],
        fields=fields,
        problems=[
            (Problem("row", row.problem), *found) if row.problem else tuple(found)
            for row, found in zip(rows, reader.problems, strict=True)
        ],
        notes=[tuple(found) for found in reader.notes],
        content_sha256=content_digests(columns),
        raw_json=[json.dumps(raw) for raw in raw_values(header, fields_of_rows)],
    )


def content_digests(columns: dict[str, list[str]]) -> list[str]:
    """Each row's SHA-256 over its known columns' values, in the columns' name order: how
    a repeated record is told from a changed one."""
    in_order = [columns[column] for column in sorted(columns)]
    return [
        hashlib.sha256(json.dumps(values).encode()).hexdigest()
        for values in zip(*in_order, strict=True)
    ]


def raw_values(header: Header, fields_of_rows: list[list[str]]) -> Iterator[dict[str, str]]:
    """Each row's every field by its heading as written: a quarantined row is kept whole."""
    headings = [
        heading.strip() or f"column {index + 1}" for index, heading in enumerate(header.headings)
    ]
    width = len(headings)
    for fields in fields_of_rows:
        raw = dict(zip(headings, fields, strict=False))
        if len(fields) > width:
            raw["(beyond the header)"] = ",".join(fields[width:])
        yield raw
