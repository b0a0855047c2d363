"""Reading one extract row's columns into standard values, collecting what went wrong.

A problem with a required value, an impossible date or a value too long to keep
quarantines the row; an optional value that cannot be read (an unknown country, a
mistyped A-number) is kept raw and noted, because the rest of the row is still evidence.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from reunify.families.rules import Problem
from reunify.standardise import (
    DateOrder,
    ExtractDate,
    Reading,
    StandardName,
    UnreadableDate,
    is_blank,
    parse_extract_date,
)

T = TypeVar("T")


@dataclass
class RowReader:
    """The values of one row by column name, and what reading them found."""

    values: Mapping[str, str]
    date_order: DateOrder | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def text(self, column: str, *, limit: int, required: bool = False) -> str:
        value = " ".join((self.values.get(column) or "").split())
        if required and is_blank(value):
            self.problems.append(Problem(column, f"missing required field: {column}"))
            return ""
        if len(value) > limit:
            self.problems.append(
                Problem(column, f"{column} is {len(value)} characters long; at most {limit}")
            )
            return ""
        return "" if is_blank(value) else value

    def read_date(self, column: str, *, required: bool = False) -> ExtractDate | None:
        """The date in `column` with every reading of it; a problem if impossible."""
        raw = self.values.get(column) or ""
        try:
            read = parse_extract_date(raw, prefer=self.date_order)
        except UnreadableDate as unreadable:
            self.problems.append(
                Problem(column, f"impossible date in {column}: {raw.strip()} ({unreadable.reason})")
            )
            return None
        if read is None and required:
            self.problems.append(Problem(column, f"missing required field: {column}"))
        return read

    def birth_date(self) -> tuple[date | None, bool]:
        """The birth date, and whether it is ambiguous: a flag of its own, not a note,
        because linkage compares both readings."""
        read = self.read_date("birth_date")
        return (None, False) if read is None else (read.value, read.ambiguous)

    def date(self, column: str, *, required: bool = False) -> date | None:
        """A date; an ambiguous one is read as the file's order says, and noted."""
        read = self.read_date(column, required=required)
        if read is None:
            return None
        if read.ambiguous:
            raw = (self.values.get(column) or "").strip()
            self.notes.append(f"{column} {raw!r} is ambiguous: {read.why}")
        return read.value

    def optional(self, column: str, standardiser: Callable[[str | None], Reading[T]]) -> T | None:
        """A standard value, or None with a note when the text cannot be read."""
        reading = standardiser(self.values.get(column))
        if reading.problem is not None:
            self.notes.append(f"{column}: {reading.problem}")
        return reading.value

    def one_of(self, column: str, allowed: type[StrEnum], *, quarantine: bool) -> str:
        """A code from a published list (`ElectionOption`…); anything else is a problem
        when the row's meaning rests on it, else a note."""
        value = self.text(column, limit=40).upper().replace(" ", "_")
        codes = [member.value for member in allowed]
        if not value or value in codes:
            return value
        message = f"{column} {value!r} is not one of {', '.join(codes)}"
        if quarantine:
            self.problems.append(Problem(column, message))
        else:
            self.notes.append(message)
        return ""

    def name_problems(self, name: StandardName, given: str, surnames: str) -> None:
        """A required name column that held only a placeholder ("FNU", "UNKNOWN")."""
        if not name.given_names and not any(p.field == given for p in self.problems):
            self.problems.append(Problem(given, f"missing required field: {given}"))
        if not name.surnames and not any(p.field == surnames for p in self.problems):
            self.problems.append(Problem(surnames, f"missing required field: {surnames}"))
