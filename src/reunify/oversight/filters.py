"""What a removals report is asked for: the date it stands on, a period, facilities and a
nationality, parsed the same way from the command line and the page.

Each bad value raises `BadFilter` with one line that says what to write instead.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from reunify.families.countries import is_country_code, resolve_country


class BadFilter(ValueError):
    """A filter value the report cannot use; the message is one line for a person."""


@dataclass(frozen=True, slots=True)
class ReportFilters:
    """`as_of`: the records as they stood at the end of that day (UTC); None for now.
    `removed_from`/`removed_to`: the counted removal's day, both ends included.
    `facilities`: where the parent was held when removed (any of these names).
    `nationality`: the parent's citizenship, ISO 3166-1 alpha-2."""

    as_of: date | None = None
    removed_from: date | None = None
    removed_to: date | None = None
    facilities: tuple[str, ...] = field(default=())
    nationality: str | None = None

    def __post_init__(self) -> None:
        if self.removed_from and self.removed_to and self.removed_from > self.removed_to:
            raise BadFilter(
                f"the period starts ({self.removed_from}) after it ends ({self.removed_to})"
            )

    @property
    def cut(self) -> datetime | None:
        """The first moment after the as-of day: records from then on are not yet known."""
        if self.as_of is None:
            return None
        return datetime.combine(self.as_of + timedelta(days=1), time(0), tzinfo=UTC)

    def keeps(self, *, removed_at: datetime, facility: str, nationality: str) -> bool:
        day = removed_at.astimezone(UTC).date()
        if self.removed_from and day < self.removed_from:
            return False
        if self.removed_to and day > self.removed_to:
            return False
        if self.facilities and facility.casefold() not in {
            name.casefold() for name in self.facilities
        }:
            return False
        return not (self.nationality and nationality != self.nationality)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "removed_from": self.removed_from.isoformat() if self.removed_from else None,
            "removed_to": self.removed_to.isoformat() if self.removed_to else None,
            "facilities": list(self.facilities),
            "nationality": self.nationality,
        }

    def describe(self) -> str:
        """The filters in words, for the page and the PDF."""
        parts = []
        if self.removed_from or self.removed_to:
            parts.append(
                f"removed {self.removed_from or 'any time'} to {self.removed_to or 'today'}"
            )
        if self.facilities:
            parts.append("held at " + ", ".join(self.facilities))
        if self.nationality:
            parts.append(f"citizens of {self.nationality}")
        return "; ".join(parts) or "all removals"


def parse_day(text: str | None, what: str) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadFilter(f"{what} {text!r} is not a date; write it as YYYY-MM-DD") from None


def parse_nationality(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    code = text.strip().upper()
    if len(code) == 2 and is_country_code(code):
        return code
    resolved = resolve_country(text.strip())
    if resolved is None:
        raise BadFilter(f"nationality {text!r} is not a country; give its two-letter code")
    return resolved


def parse_filters(
    *,
    as_of: str | None = None,
    removed_from: str | None = None,
    removed_to: str | None = None,
    facilities: list[str] | tuple[str, ...] = (),
    nationality: str | None = None,
    today: date | None = None,
) -> ReportFilters:
    as_of_day = parse_day(as_of, "--as-of")
    if as_of_day is not None and today is not None and as_of_day > today:
        raise BadFilter(f"--as-of {as_of_day} is in the future; the records cannot say yet")
    return ReportFilters(
        as_of=as_of_day,
        removed_from=parse_day(removed_from, "--from"),
        removed_to=parse_day(removed_to, "--to"),
        facilities=tuple(name.strip() for name in facilities if name.strip()),
        nationality=parse_nationality(nationality),
    )
