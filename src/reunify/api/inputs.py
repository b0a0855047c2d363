"""Types for what clients send: text PostgreSQL can store, moments with their time zone.

A request that breaks these gets the standard 422 naming the field, instead of reaching a
service with a value the database would refuse half-way through a transaction. Each limit
is also written into the OpenAPI document (as a pattern), so that a request the document
calls valid is never refused for it.
"""

from datetime import UTC, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    StringConstraints,
    WithJsonSchema,
)

__all__ = ["Moment", "OneValueEach", "Text", "WholeNumber"]


def _encodable(text: str) -> str:
    # JSON may carry a lone surrogate ("\ud800"), which no database can store as UTF-8.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("Text must be valid Unicode.") from None
    return text


# PostgreSQL refuses the NUL character in text.
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00]*$"), AfterValidator(_encodable)]
"""Free text as a person types it."""


def _not_a_flag(value: object) -> object:
    # Pydantic reads JSON's `true` as 1; the document says integer, so it is refused (found
    # by schemathesis). 99.0 stays 99, as JSON Schema's "integer" allows.
    if isinstance(value, bool):
        raise ValueError("Give a whole number, not true or false.")
    return value


WholeNumber = Annotated[int, BeforeValidator(_not_a_flag)]
"""A number a client sends in a JSON body."""

# Years far outside any record Reunify keeps, yet safe to move between time zones.
_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2999


def _plausible(moment: datetime) -> datetime:
    if not _EARLIEST_YEAR <= moment.year <= _LATEST_YEAR:
        raise ValueError(f"Give a moment between the years {_EARLIEST_YEAR} and {_LATEST_YEAR}.")
    # In UTC from here on: PostgreSQL refuses offsets past 15:59 that RFC 3339 allows.
    return moment.astimezone(UTC)


Moment = Annotated[
    AwareDatetime,
    AfterValidator(_plausible),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": r"^(19|2[0-9])[0-9]{2}-"}),
]
"""A moment with its UTC offset ("2026-11-05T14:30:00-06:00"), in the years 1900-2999,
given to the service in UTC. A bare local time is refused: the same clock time is a
different moment at each station."""


class OneValueEach(Parser):
    """Query and form parameters as ninja reads them, except that a single-valued one
    given twice (`?page=1&page=2`) is refused with the standard 422 instead of being read
    as its last value: the document says one value (found by schemathesis)."""

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        return {
            key: data.getlist(key)
            if key in list_fields or len(data.getlist(key)) > 1
            else data[key]
            for key in data
        }
