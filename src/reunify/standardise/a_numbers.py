"""A-numbers in any formatting to the canonical nine digits, or the reason they are not."""

import re
import unicodedata

from reunify.families.identifiers import normalize_a_number
from reunify.standardise.readings import Reading, is_blank

# "A#", "A-Number:", "A No." and the like before the digits; separators anywhere.
_LABEL = re.compile(r"^A(?:[\s#:.\-]*(?:NUMBER|NUM|NO)\b)?[\s#:.\-]*")
_SEPARATORS = re.compile(r"[\s\-./#:]+")


def standard_a_number(text: str | None) -> Reading[str]:
    """ "A 012-345-678", "12345678", "A#012345678" → "012345678".

    Systems that store the number as an integer drop its leading zeros, so seven or
    eight digits are padded; more than nine significant digits, or letters, are refused.
    """
    raw = text or ""
    if is_blank(raw):
        return Reading.empty(raw)
    upper = unicodedata.normalize("NFKC", raw).strip().upper()
    digits = _SEPARATORS.sub("", _LABEL.sub("", upper))
    if not digits.isascii() or not digits.isdigit():
        return Reading.unreadable(raw, f"an A-number is digits only, not {raw.strip()!r}")
    significant = digits.lstrip("0")
    if not significant:
        return Reading.unreadable(raw, "an A-number of zeros is a placeholder")
    if len(significant) > 9:
        return Reading.unreadable(raw, f"{len(significant)} digits; an A-number has at most 9")
    canonical = normalize_a_number(significant)
    if canonical is None:
        return Reading.unreadable(raw, f"{len(significant)} digits; an A-number has 7 to 9")
    return Reading.of(raw, canonical)
