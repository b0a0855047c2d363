"""Dates, A-numbers, phones, countries and languages as the extracts write them.

The rates are per value and moderate: most values are right, a few are formatted
oddly, fewer are wrong. A wrong value is always still well-formed (a real date, nine
digits): a row with an impossible value is made on purpose by `malformed`, nowhere
else.
"""

from datetime import date
from enum import StrEnum
from random import Random

from reunify.synth.spellings import COUNTRY_SPELLINGS, LANGUAGE_SEPARATORS, LANGUAGE_SPELLINGS
from reunify.synth.weighted import WeightedTable


class DateFormat(StrEnum):
    ISO = "YYYY-MM-DD"
    MONTH_FIRST = "MM/DD/YYYY"
    DAY_FIRST = "DD/MM/YYYY"


def format_date(day: date, style: DateFormat) -> str:
    if style is DateFormat.ISO:
        return day.isoformat()
    if style is DateFormat.MONTH_FIRST:
        return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# A birth date copied with day and month swapped, or with the year off by one.
BIRTH_DAY_MONTH_SWAPPED = 0.02
BIRTH_YEAR_OFF_BY_ONE = 0.015


def misrecorded_birth_date(rng: Random, born: date) -> date:
    """The birth date as recorded: usually right, sometimes plausibly wrong."""
    roll = rng.random()
    if roll < BIRTH_DAY_MONTH_SWAPPED:
        if born.day <= 12 and born.day != born.month:
            return date(born.year, born.day, born.month)
        return born
    if roll < BIRTH_DAY_MONTH_SWAPPED + BIRTH_YEAR_OFF_BY_ONE:
        year = born.year + (1 if rng.random() < 0.5 else -1)
        if (born.month, born.day) == (2, 29):
            return date(year, 2, 28)
        return born.replace(year=year)
    return born


class ANumberFormat(StrEnum):
    DIGITS = "123456789"
    PREFIXED = "A123456789"
    SPACED_DASHED = "A 123-456-789"
    DASHED = "123-456-789"
    PREFIX_DASH = "A-123456789"


A_NUMBER_FORMATS: WeightedTable[ANumberFormat] = WeightedTable(
    [
        (ANumberFormat.DIGITS, 40.0),
        (ANumberFormat.PREFIXED, 30.0),
        (ANumberFormat.SPACED_DASHED, 15.0),
        (ANumberFormat.DASHED, 10.0),
        (ANumberFormat.PREFIX_DASH, 5.0),
    ]
)
# Of A-numbers with a leading zero, how often a system stored them as integers.
LEADING_ZEROS_DROPPED = 0.5


def mistyped_a_number(rng: Random, canonical: str) -> str:
    """One digit changed, or two adjacent different digits transposed."""
    digits = list(canonical)
    if rng.random() < 0.5:
        for _ in range(8):
            at = rng.randrange(len(digits) - 1)
            if digits[at] != digits[at + 1]:
                digits[at], digits[at + 1] = digits[at + 1], digits[at]
                return "".join(digits)
    at = rng.randrange(len(digits))
    digits[at] = str((int(digits[at]) + rng.randint(1, 9)) % 10)
    return "".join(digits)


def render_a_number(rng: Random, canonical: str, mistype_rate: float) -> str:
    digits = mistyped_a_number(rng, canonical) if rng.random() < mistype_rate else canonical
    style = A_NUMBER_FORMATS.pick(rng)
    if style is ANumberFormat.DIGITS:
        if digits.startswith("0") and rng.random() < LEADING_ZEROS_DROPPED:
            return digits.lstrip("0")
        return digits
    if style is ANumberFormat.PREFIXED:
        return f"A{digits}"
    if style is ANumberFormat.PREFIX_DASH:
        return f"A-{digits}"
    dashed = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return dashed if style is ANumberFormat.DASHED else f"A {dashed}"


def render_phone(rng: Random, e164: str, calling_code: str) -> str:
    """A phone as a case worker wrote it: E.164, spaced, national, or dialled from here."""
    national = e164[1 + len(calling_code) :]
    half = len(national) // 2
    roll = rng.random()
    if roll < 0.3:
        return e164
    if roll < 0.5:
        return f"+{calling_code} {national[:half]} {national[half:]}"
    if roll < 0.75:
        return f"{national[:half]}-{national[half:]}"
    if roll < 0.85:
        return f"({calling_code}) {national}"
    if roll < 0.9:
        return f"011 {calling_code} {national}"
    return f"{calling_code}{national}"


def render_country(rng: Random, code: str) -> str:
    return COUNTRY_SPELLINGS[code].pick(rng)


def render_language(rng: Random, code: str) -> str:
    return LANGUAGE_SPELLINGS[code].pick(rng)


def render_languages(rng: Random, codes: tuple[str, ...]) -> str:
    """Several languages in one field, in one casing style."""
    if len(codes) == 1:
        return render_language(rng, codes[0])
    return LANGUAGE_SEPARATORS.pick(rng).join(render_language(rng, code) for code in codes)
