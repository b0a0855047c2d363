"""The columns each agency extract has (DESIGN.md "Agency extracts"), and how a file's
header row is matched to them: in any order, any case, unknown columns ignored."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reunify.imports.errors import ExtractRefused
from reunify.imports.sources import Source

REQUIRED: dict[str, tuple[str, ...]] = {
    Source.CBP: ("record_id", "event_id", "apprehended_on", "given_names", "surnames"),
    Source.ICE: ("record_id", "first_name", "last_name"),
    Source.ORR: ("record_id", "first_name", "last_names"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    Source.CBP: (
        "station", "family_group", "sex", "birth_date", "citizenship", "a_number",
        "relationship", "language", "separated", "separation_reason",
    ),
    Source.ICE: (
        "a_number", "subject_id", "middle_name", "second_last_name", "birth_date", "sex",
        "citizenship", "book_in_on", "facility", "removed_on", "removal_country", "language",
        "election", "election_form", "election_on", "notice_language",
        "interpreter_language", "counsel_advised",
    ),
    Source.ORR: (
        "child_id", "birth_date", "sex", "citizenship", "referred_on", "referring_station",
        "shelter", "reported_parent", "parent_phone", "parent_a_number", "discharged_on",
        "discharge_type",
    ),
}  # fmt: skip
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    Source.CBP: ("apprehended_on", "birth_date"),
    Source.ICE: ("birth_date", "book_in_on", "removed_on", "election_on"),
    Source.ORR: ("birth_date", "referred_on", "discharged_on"),
}

_SEPARATORS = re.compile(r"[\s\-.]+")


def column_name(heading: str) -> str:
    """'Record ID', ' record-id ', 'RECORD_ID' all name the column `record_id`."""
    return _SEPARATORS.sub("_", heading.strip().lstrip("\ufeff").strip()).lower()


@dataclass(frozen=True)
class Header:
    """Where each column of a source sits in a file, and the headings it did not know."""

    source: str
    positions: dict[str, int]  # known column -> index in the row
    headings: tuple[str, ...]  # every heading as written, for keeping rows whole
    unknown: tuple[str, ...]

    @property
    def known(self) -> tuple[str, ...]:
        return tuple(self.positions)


def read_header(source: str, headings: Sequence[str]) -> Header:
    """Match a header row to the source's columns; refuse the file if it cannot be read."""
    if not any(heading.strip() for heading in headings):
        raise ExtractRefused("the first line is not a header row (it is empty)")
    known = set(REQUIRED[source]) | set(OPTIONAL[source])
    positions: dict[str, int] = {}
    unknown: list[str] = []
    for index, heading in enumerate(headings):
        name = column_name(heading)
        if name in positions:
            raise ExtractRefused(f"the column {name!r} appears twice in the header row")
        if name in known:
            positions[name] = index
        elif name:
            unknown.append(heading.strip())
    missing = [name for name in REQUIRED[source] if name not in positions]
    if missing:
        raise ExtractRefused(
            f"{article(source)} {source} extract needs the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}; the header row has {', '.join(h.strip() for h in headings)}"
        )
    return Header(source, positions, tuple(headings), tuple(unknown))


def article(source: str) -> str:
    return "an" if source[0] in "aeiou" else "a"
