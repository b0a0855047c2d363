"""Country columns (citizenship, removal country) to ISO 3166-1 alpha-2 codes."""

from functools import lru_cache

from reunify.families.countries import resolve_country
from reunify.standardise.readings import Reading, is_blank


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_country(text: str | None) -> Reading[str]:
    """ "GUATEMALA", "Guatemala", "GTM", "GT", "guatemalteca" → "GT"; "México" → "MX"."""
    raw = text or ""
    if is_blank(raw):
        return Reading.empty(raw)
    code = resolve_country(raw)
    if code is None:
        return Reading.unreadable(raw, f"{raw.strip()!r} is no country Reunify knows")
    return Reading.of(raw, code)
