"""Reading a chunk of extract rows column by column, collecting what went wrong row by row.

A problem with a required value, an impossible date or a value too long to keep
quarantines the row; an optional value that cannot be read (an unknown country, a
mistyped A-number) is kept raw and noted, because the rest of the row is still evidence.

Each distinct value of a column is read once per chunk: extracts repeat their names,
dates, countries and codes from row to row, and a million-row import spent most of its
time reading the same values again, a row and a column at a time.
"""

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple, TypeVar

from reunify.families.rules import Problem
from reunify.standardise import (
    DateOrder,
    ExtractDate,
    Reading,
    UnreadableDate,
    is_blank,
    parse_extract_date,
)

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Cell(NamedTuple):
    """One value read, and what reading it found (the same for every row holding it)."""

    value: object
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


def each_distinct(values: Sequence[K], read: Callable[[K], V]) -> list[V]:
    """`[read(value) for value in values]`, calling `read` once per distinct value."""
    read_once = {value: read(value) for value in dict.fromkeys(values)}
    return [read_once[value] for value in values]


def tidy_text(raw: str, column: str, limit: int, required: bool) -> Cell:
    value = " ".join(raw.split())
    blank = is_blank(value)
    if required and blank:
        return Cell("", (Problem(column, f"missing required field: {column}"),))
    if len(value) > limit:
        message = f"{column} is {len(value)} characters long; at most {limit}"
        return Cell("", (Problem(column, message),))
    return Cell("" if blank else value)


def date_reading(raw: str, column: str, order: DateOrder | None, required: bool) -> Cell:
    """The `ExtractDate` in `raw` with every reading of it, or the problem with it."""
    try:
        read = parse_extract_date(raw, prefer=order)
    except UnreadableDate as unreadable:
        message = f"impossible date in {column}: {raw.strip()} ({unreadable.reason})"
        return Cell(None, (Problem(column, message),))
    if read is None and required:
        return Cell(None, (Problem(column, f"missing required field: {column}"),))
    return Cell(read)


def noted_date(raw: str, column: str, order: DateOrder | None, required: bool) -> Cell:
    """A date; an ambiguous one is read as the file's order says, and noted."""
    cell = date_reading(raw, column, order, required)
    read = cell.value
    if not isinstance(read, ExtractDate):
        return cell
    notes = (f"{column} {raw.strip()!r} is ambiguous: {read.why}",) if read.ambiguous else ()
    return Cell(read.value, cell.problems, notes)


def noted_reading(reading: Reading[T], column: str) -> Cell:
    notes = (f"{column}: {reading.problem}",) if reading.problem is not None else ()
    return Cell(reading.value, (), notes)


def coded(raw: str, column: str, codes: tuple[str, ...], quarantine: bool) -> Cell:
    """A code from a published list; anything else is a problem or a note."""
    text = tidy_text(raw, column, 40, False)
    value = str(text.value).upper().replace(" ", "_")
    if not value or value in codes:
        return Cell(value, text.problems)
    message = f"{column} {value!r} is not one of {', '.join(codes)}"
    if quarantine:
        return Cell("", (*text.problems, Problem(column, message)))
    return Cell("", text.problems, (message,))


@dataclass
class ColumnReader:
    """The raw values of a chunk of rows by column, and what reading them found, by row."""

    columns: Mapping[str, Sequence[str]]
    size: int
    date_order: DateOrder | None
    problems: list[list[Problem]] = field(init=False)
    notes: list[list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.problems = [[] for _ in range(self.size)]
        self.notes = [[] for _ in range(self.size)]

    def raw(self, column: str) -> Sequence[str]:
        """The column's values as written; blank in every row if the file lacks it."""
        return self.columns.get(column) or [""] * self.size

    def cells(self, keys: Sequence[K], read: Callable[[K], Cell]) -> list[object]:
        """Each row's value of `read(key)`, its problems and notes kept with the row."""
        read_once = {key: read(key) for key in dict.fromkeys(keys)}
        cells = [read_once[key] for key in keys]
        if any(cell.problems or cell.notes for cell in read_once.values()):
            for row, cell in enumerate(cells):
                self.problems[row].extend(cell.problems)
                self.notes[row].extend(cell.notes)
        return [cell.value for cell in cells]

    def text(self, column: str, *, limit: int, required: bool = False) -> list[str]:
        return self.cells(  # type: ignore[return-value]
            self.raw(column), lambda raw: tidy_text(raw, column, limit, required)
        )

    def birth_date(self) -> tuple[list[date | None], list[bool]]:
        """The birth date and whether it is ambiguous: a flag of its own, not a note,
        because linkage compares both readings."""
        order = self.date_order
        read = self.cells(
            self.raw("birth_date"), lambda raw: date_reading(raw, "birth_date", order, False)
        )
        return (
            [found.value if isinstance(found, ExtractDate) else None for found in read],
            [isinstance(found, ExtractDate) and found.ambiguous for found in read],
        )

    def date(self, column: str, *, required: bool = False) -> list[date | None]:
        order = self.date_order
        return self.cells(  # type: ignore[return-value]
            self.raw(column), lambda raw: noted_date(raw, column, order, required)
        )

    def optional(self, column: str, standardiser: Callable[[str], Reading[T]]) -> list[T | None]:
        """A standard value, or None with a note when the text cannot be read."""
        return self.cells(  # type: ignore[return-value]
            self.raw(column), lambda raw: noted_reading(standardiser(raw), column)
        )

    def optional_given(
        self,
        column: str,
        standardiser: Callable[[str, V], Reading[T]],
        given: Sequence[V],
    ) -> list[T | None]:
        """`optional`, where reading a value depends on another of the row (`given`)."""
        return self.cells(  # type: ignore[return-value]
            list(zip(self.raw(column), given, strict=True)),
            lambda pair: noted_reading(standardiser(*pair), column),
        )

    def one_of(self, column: str, codes: Iterable[str], *, quarantine: bool) -> list[str]:
        """A code from a published list (`ElectionOption`…); anything else is a problem
        when the row's meaning rests on it, else a note."""
        allowed = tuple(codes)
        return self.cells(  # type: ignore[return-value]
            self.raw(column), lambda raw: coded(raw, column, allowed, quarantine)
        )

    def required_names(self, column: str, present: Sequence[bool]) -> None:
        """A required name column that held only a placeholder ("FNU", "UNKNOWN")."""
        for row, found in enumerate(present):
            if not found and not any(p.field == column for p in self.problems[row]):
                self.problems[row].append(Problem(column, f"missing required field: {column}"))
