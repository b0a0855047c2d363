"""Dates as agencies write them, read without silent guessing.

`YYYY-MM-DD` is never ambiguous. `05/06/2018` is 6 May to a US clerk and 5 June to a
Central American one: when both readings are real, different dates, the answer is
flagged `ambiguous`, keeps both candidates, and says which was chosen and why (the
source's convention when the caller knows it, else the US month-first order).
"""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from reunify.standardise.readings import is_blank

# Dates before or after these are typing slips, not birth or custody dates.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


class DateOrder(StrEnum):
    ISO = "YYYY-MM-DD"
    MONTH_FIRST = "MM/DD/YYYY"
    DAY_FIRST = "DD/MM/YYYY"


class UnreadableDate(ValueError):
    """A non-blank date that is no date; `reason` says why in an operator's words."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{text!r}: {reason}")
        self.text = text
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ExtractDate:
    """The date read (`value`, in the `order` chosen) and every real reading of the text."""

    value: date
    order: DateOrder
    candidates: tuple[date, ...]
    why: str = ""

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


_TIME = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_NAMED = re.compile(r"^(\d{1,2})[-/ .]([A-Za-z]{3,10})\.?[-/ .,]*(\d{4})$")
_MONTHS = {
    "jan": 1, "ene": 1, "feb": 2, "mar": 3, "apr": 4, "abr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "ago": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dec": 12,
    "dic": 12,
}  # fmt: skip


def _why_not(year: int, month: int, day: int) -> str | None:
    """Why (year, month, day) is no date; None when it is one."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return f"year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"{calendar.month_name[month]} {year} has no day {day}"
    return None


def _single(text: str, order: DateOrder, year: int, month: int, day: int) -> ExtractDate:
    reason = _why_not(year, month, day)
    if reason:
        raise UnreadableDate(text, reason)
    found = date(year, month, day)
    return ExtractDate(found, order, (found,))


def _slashed(
    text: str, first: int, second: int, year: int, prefer: DateOrder | None
) -> ExtractDate:
    readings = {DateOrder.MONTH_FIRST: (first, second), DateOrder.DAY_FIRST: (second, first)}
    valid: dict[DateOrder, date] = {}
    reasons: list[str] = []
    for order, (month, day) in readings.items():
        reason = _why_not(year, month, day)
        if reason is None:
            valid[order] = date(year, month, day)
        else:
            reasons.append(f"read {order.value}, {reason}")
    if not valid:
        raise UnreadableDate(text, "; ".join(reasons))
    candidates = tuple(dict.fromkeys(valid.values()))
    if len(candidates) == 1:
        order = next(iter(valid))
        if len(valid) == 2:  # day and month equal: either reading, one date
            order = prefer if prefer is not None and prefer in valid else order
        return ExtractDate(candidates[0], order, candidates)
    if prefer is not None and prefer in valid:
        order = prefer
        why = f"both readings are real dates; read {prefer.value}, the source's order"
    else:
        order = DateOrder.MONTH_FIRST
        why = "both readings are real dates; read MM/DD/YYYY, the US order, for want of another"
    return ExtractDate(valid[order], order, candidates, why)


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def parse_extract_date(text: str | None, *, prefer: DateOrder | None = None) -> ExtractDate | None:
    """The date in `text`; None when blank. Raises `UnreadableDate` for no date at all.

    `prefer` is the order the source is known (or found by `infer_date_order`) to use.
    """
    if text is None or is_blank(text):
        return None
    stripped = _TIME.sub("", text.strip()).strip()
    if match := _YEAR_FIRST.match(stripped) or _COMPACT.match(stripped):
        year, month, day = (int(part) for part in match.groups())
        return _single(text, DateOrder.ISO, year, month, day)
    if match := _YEAR_LAST.match(stripped):
        first, second, year = (int(part) for part in match.groups())
        return _slashed(text, first, second, year, prefer)
    if match := _MONTH_NAMED.match(stripped):
        day_text, month_text, year_text = match.groups()
        named = _MONTHS.get(month_text[:3].lower())
        if named is None:
            raise UnreadableDate(text, f"{month_text!r} is no month name")
        return _single(text, DateOrder.DAY_FIRST, int(year_text), named, int(day_text))
    raise UnreadableDate(text, "not written YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY")


def infer_date_order(texts: Iterable[str]) -> DateOrder | None:
    """The order a column's slashed dates follow, judged by those only one order can
    read ("25/12/2017" is day-first); None without evidence or on a tie."""
    votes = {DateOrder.MONTH_FIRST: 0, DateOrder.DAY_FIRST: 0}
    for text in texts:
        match = _YEAR_LAST.match(_TIME.sub("", text.strip()).strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second >= 1:
            votes[DateOrder.DAY_FIRST] += 1
        elif second > 12 >= first >= 1:
            votes[DateOrder.MONTH_FIRST] += 1
    if votes[DateOrder.MONTH_FIRST] == votes[DateOrder.DAY_FIRST]:
        return None
    return max(votes, key=lambda order: votes[order])
