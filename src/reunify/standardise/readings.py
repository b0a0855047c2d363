"""What every standardiser returns: the value read, or why none could be read.

An importer keeps the raw text beside the standard value, quarantines a row whose
required field has a `problem`, and records a problem in an optional field as a note.
A blank field is not a problem: agencies leave optional fields empty all the time.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from reunify.families.names import fold

T = TypeVar("T")

# What clerks type when they have nothing to type; read as blank, never as a value.
# Not "0" or "X": in a flag column they mean no and yes.
_NOTHING = frozenset(
    {
        "", "na", "n a", "none", "null", "nil", "unk", "unknown", "desconocido",
        "desconocida", "no data", "not available", "no disponible", "sin dato",
        "sin datos", "xx", "xxx",
    }
)  # fmt: skip


_ASCII_DIGIT = re.compile(r"[0-9]")


def is_blank(text: str | None) -> bool:
    """True for an empty field or one holding only a placeholder ("N/A", "UNKNOWN", "-")."""
    if not text:
        return True
    # Folding keeps ASCII digits and no placeholder has one: ids, dates and A-numbers
    # (most fields, each value new) skip the fold and the cache.
    return _ASCII_DIGIT.search(text) is None and _is_placeholder(text)


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def _is_placeholder(text: str) -> bool:
    return fold(text) in _NOTHING


@dataclass(frozen=True, slots=True)
class Reading(Generic[T]):
    """One field's standard `value` (None when blank or unreadable) and the raw text.

    `problem` says, in words an operator can act on, why a non-blank field (or, for a
    field that lists several values, part of it) could not be read.
    """

    raw: str
    value: T | None = None
    problem: str | None = None

    @property
    def blank(self) -> bool:
        return self.value is None and self.problem is None

    @classmethod
    def of(cls, raw: str, value: T) -> "Reading[T]":
        return cls(raw, value)

    @classmethod
    def empty(cls, raw: str) -> "Reading[T]":
        return cls(raw)

    @classmethod
    def unreadable(cls, raw: str, problem: str) -> "Reading[T]":
        return cls(raw, None, problem)
