"""Normalise agency identifiers so that the same number typed differently is one number."""

import re
import unicodedata

from reunify.families.choices import IdentifierScheme

# ASCII digits only: `\d` would also take Arabic-Indic or full-width digits as they came.
_A_NUMBER = re.compile(r"^A?([0-9]{7,9})$")
_SEPARATORS = re.compile(r"[\s\-./]+")


def normalize_a_number(raw: str) -> str | None:
    """ "A 012-345-678", "12345678" and "A012345678" are all "012345678"; None if not one."""
    # NFKC turns full-width digits and letters (typed on some keyboards) into ASCII.
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw).strip().upper())
    match = _A_NUMBER.match(compact)
    if not match:
        return None
    return match.group(1).zfill(9)


def normalize_identifier(scheme: str, raw: str) -> str | None:
    """The normalised form of an identifier, or None when it cannot be one of that scheme."""
    if scheme == IdentifierScheme.A_NUMBER:
        return normalize_a_number(raw)
    compact = _SEPARATORS.sub("", raw.strip().upper())
    return compact or None


def looks_like_identifier(query: str) -> bool:
    """True when a search is better read as an identifier than as a name."""
    compact = _SEPARATORS.sub("", query.strip().upper())
    return bool(compact) and any(ch.isdigit() for ch in compact) and len(compact) >= 5
