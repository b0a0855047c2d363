"""Collecting an extract's rows, each encoded as a CSV line as soon as it is made.

Rows are kept as text because a large world has hundreds of thousands of them, and a
dict per row would cost several times the memory of the line it becomes.
"""

from dataclasses import dataclass, field
from typing import Protocol


def encode_field(value: str) -> str:
    """A CSV field as the csv module's minimal quoting writes it."""
    # Four plain tests: this runs for every field of every row.
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


@dataclass(slots=True)
class ExtractRow:
    """One row, its values CSV-encoded after the record id.

    `record_id` is set when the file's rows are shuffled and numbered; `malformed`
    says why an importer must quarantine the row, if it must.
    """

    person_key: str
    rest_of_line: str
    malformed: str | None = None
    record_id: str = ""


class Spoiler(Protocol):
    def maybe_spoil(self, source: str, person_key: str, values: dict[str, str]) -> str | None:
        """Spoil `values` in place if this row is chosen; returns the reason."""
        ...


@dataclass
class RowSink:
    """One extract's rows; `columns` start with record_id."""

    source: str
    columns: tuple[str, ...]
    spoiler: Spoiler
    rows: list[ExtractRow] = field(default_factory=list)

    def add(self, person_key: str, values: dict[str, str]) -> None:
        reason = self.spoiler.maybe_spoil(self.source, person_key, values)
        line = ",".join(encode_field(values[column]) for column in self.columns[1:])
        self.rows.append(ExtractRow(person_key, line, reason))
