"""One extract row read into its staged record's fields, or the problems that stop it."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from reunify.families.rules import Problem
from reunify.imports.extract_file import ExtractRow, ExtractScan
from reunify.imports.extract_rows import FIELDS_OF
from reunify.imports.row_reader import RowReader


@dataclass(frozen=True)
class ReadRow:
    """A row read and standardised: fields for its record, or the problems that stop it."""

    row: ExtractRow
    record_id: str
    fields: dict[str, Any]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    content_sha256: str


def read_row(source: str, row: ExtractRow, scan: ExtractScan) -> ReadRow:
    reader = RowReader(row.values, scan.date_order)
    record_id = reader.text("record_id", limit=64, required=True)
    fields = {"record_id": record_id, **FIELDS_OF[source](reader)}
    problems = tuple(reader.problems)
    if row.problem:
        problems = (Problem("row", row.problem), *problems)
    content = json.dumps([row.values.get(column, "") for column in sorted(row.values)])
    return ReadRow(
        row=row,
        record_id=record_id,
        fields=fields,
        problems=problems,
        notes=tuple(reader.notes),
        content_sha256=hashlib.sha256(content.encode()).hexdigest(),
    )
