"""Yes/no columns ("Y", "N", blank, and what else clerks type) to True, False or None."""

from functools import lru_cache

from reunify.families.names import fold
from reunify.standardise.readings import Reading

_YES = frozenset({"y", "yes", "si", "s", "true", "t", "1", "x"})
_NO = frozenset({"n", "no", "false", "f", "0"})


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_flag(text: str | None) -> Reading[bool]:
    """ "Y"/"yes"/"SÍ"/"1" → True, "N"/"no"/"0" → False, blank → no value."""
    raw = text or ""
    folded = fold(raw)
    if not folded:
        return Reading.empty(raw)
    if folded in _YES:
        return Reading.of(raw, True)
    if folded in _NO:
        return Reading.of(raw, False)
    return Reading.unreadable(raw, f"{raw.strip()!r} is neither yes nor no")
