"""Telephone numbers as case workers write them, to digits with the country code.

"+502 5123 4567", "(502) 51234567", "011 502 51234567", "50251234567" and, for a
Guatemalan family, "5123-4567" are all "50251234567". Without a country code or a
country to assume, the national digits are kept and `calling_code` is None; so too
for a number dialled internationally to a code this module does not know (its digits
then include that code).
"""

import re
from dataclasses import dataclass

from reunify.standardise.readings import Reading, is_blank

# Calling code and national number lengths, for the countries families come from and
# the United States (NANP, shared with the Dominican Republic and others).
_NUMBERING: dict[str, tuple[str, tuple[int, ...]]] = {
    "GT": ("502", (8,)), "SV": ("503", (8,)), "HN": ("504", (8,)), "NI": ("505", (8,)),
    "CR": ("506", (8,)), "PA": ("507", (8,)), "BZ": ("501", (7,)), "HT": ("509", (8,)),
    "CU": ("53", (8,)), "MX": ("52", (10,)), "BR": ("55", (10, 11)), "EC": ("593", (8, 9)),
    "PE": ("51", (9,)), "CO": ("57", (10,)), "VE": ("58", (10,)), "US": ("1", (10,)),
    "DO": ("1", (10,)), "IN": ("91", (10,)),
}  # fmt: skip
# Dialled from the United States or elsewhere before a country code.
_INTERNATIONAL_PREFIX = re.compile(r"^\s*(\+|00|011)\s*")
_MOST_DIGITS = 15  # E.164
_LABEL = re.compile(r"^\s*[A-Za-z\u00c0-\u024f.:#\s]*?(?=[+\d(])")


@dataclass(frozen=True, slots=True)
class Phone:
    calling_code: str | None
    national: str

    @property
    def digits(self) -> str:
        return f"{self.calling_code or ''}{self.national}"

    @property
    def e164(self) -> str | None:
        return f"+{self.digits}" if self.calling_code else None


def _split_code(digits: str, prefer: str | None) -> Phone | None:
    """The known calling code that `digits` starts with, if the rest is a whole number."""
    codes = sorted({code for code, _ in _NUMBERING.values()}, key=lambda c: (c != prefer, -len(c)))
    for code in codes:
        lengths = {n for c, ns in _NUMBERING.values() if c == code for n in ns}
        if digits.startswith(code) and len(digits) - len(code) in lengths:
            return Phone(code, digits[len(code) :])
    return None


def standard_phone(text: str | None, *, country: str | None = None) -> Reading[Phone]:
    """`country` (ISO alpha-2) is where a number without a calling code is assumed to be."""
    raw = text or ""
    if is_blank(raw):
        return Reading.empty(raw)
    # A label before the number ("Tel:", "cel.") says nothing the digits do not.
    unlabelled = _LABEL.sub("", raw)
    international = _INTERNATIONAL_PREFIX.match(unlabelled)
    rest = unlabelled[international.end() :] if international else unlabelled
    if re.search(r"[^\d\s().\-/]", rest):
        return Reading.unreadable(raw, f"{raw.strip()!r} is not only a telephone number")
    digits = re.sub(r"\D", "", rest)
    if not 7 <= len(digits) <= _MOST_DIGITS:
        return Reading.unreadable(raw, f"{len(digits)} digits is no telephone number")
    home_code, home_lengths = _NUMBERING.get(country or "", (None, ()))
    if international:
        found = _split_code(digits, home_code)
        return Reading.of(raw, found or Phone(None, digits))
    # Written with the country's own code ("502 5123 4567") before the national reading.
    if home_code and digits.startswith(home_code) and len(digits) - len(home_code) in home_lengths:
        return Reading.of(raw, Phone(home_code, digits[len(home_code) :]))
    if home_code and len(digits) in home_lengths:
        return Reading.of(raw, Phone(home_code, digits))
    found = _split_code(digits, home_code)
    return Reading.of(raw, found or Phone(None, digits))
