"""Fold names for search: accent- and case-insensitive, apostrophes and particles kept.

"María José LÓPEZ García" and "maria jose lopez garcia" fold to the same text; so do the
K'iche' spellings with a typographic or a plain apostrophe.
"""

import re
import sys
import unicodedata
from functools import cache, lru_cache

from reunify.sql_literal import literal

PLAIN_FORMS = (
    # U+02BC is the apostrophe of the official Mayan alphabets; U+2032 is the prime.
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'", "\u2032": "'"}
    # Letters Unicode does not decompose into a base letter and a mark: without this they
    # would vanish or split a word in two ("Søren" as "s ren").
    | {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O"}
    | {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH"}
    | {"\u0131": "i"}  # dotless i
)
_PLAIN_FORMS = str.maketrans(PLAIN_FORMS)
_NOT_NAME = re.compile(r"[^a-z0-9' ]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, one space between words; keeps letters, digits, apostrophes.

    Cached: an import folds each value many times, and names repeat."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_FORMS))
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_NAME.sub(" ", without_marks.lower()).split()
    return " ".join(words)


def name_search_key(given_names: str, first_surname: str, second_surname: str) -> str:
    """The text stored in `Person.name_search`: folded words framed by spaces."""
    folded = fold(" ".join((given_names, first_surname, second_surname)))
    return f" {folded} "


def fold_sql(text: str) -> str:
    """`fold` as a PostgreSQL expression over the SQL expression `text`, for writing
    names set-wise. Built from the same table and the same marks (every code point
    `unicodedata.combining` names), step by step: plain forms, NFKD, marks dropped, lower
    case (ASCII: whatever else is left is dropped next), anything but letters, digits and
    apostrophes a space, one space between words. The database must be UTF-8."""
    # Most names are ASCII (one byte a character): for them only the plain forms that are
    # ASCII apply, and normalising and dropping marks change nothing. A fifth of the time.
    # Lower case by the "C" collation: ASCII letters only, whatever the database's locale
    # (and several times faster than `translate`, which took most of a name's time).
    # Plain forms first, then lower case, in `fold`'s order.
    ascii_plain = text
    for form, replacement in PLAIN_FORMS.items():
        if form.isascii():
            ascii_plain = f"replace({ascii_plain}, {literal(form)}, {literal(replacement)})"
    ascii_lowered = f'lower(({ascii_plain}) COLLATE "C")'
    plain = text
    for form, replacement in PLAIN_FORMS.items():
        plain = f"replace({plain}, {literal(form)}, {literal(replacement)})"
    marks = f"regexp_replace(normalize({plain}, NFKD), {literal(_marks_class())}, '', 'g')"
    lowered = f'lower(({marks}) COLLATE "C")'

    def tidied(folded: str) -> str:
        spaced = f"regexp_replace({folded}, '[^a-z0-9'' ]+', ' ', 'g')"
        return f"btrim(regexp_replace({spaced}, ' {{2,}}', ' ', 'g'))"

    # And most ASCII names are tidy already (standardised on import: words of letters,
    # one space between), which one match finds faster than the two replacements.
    tidy = f"{ascii_lowered} ~ '^[a-z0-9'']+( [a-z0-9'']+)*$'"
    return (
        f"CASE WHEN octet_length({text}) = char_length({text}) THEN "
        f"CASE WHEN {tidy} THEN {ascii_lowered} ELSE {tidied(ascii_lowered)} END "
        f"ELSE {tidied(lowered)} END"
    )


def name_search_sql(given_names: str, first_surname: str, second_surname: str) -> str:
    """`name_search_key` as a PostgreSQL expression over three SQL expressions."""
    joined = f"({given_names} || ' ' || {first_surname} || ' ' || {second_surname})"
    return f"(' ' || {fold_sql(joined)} || ' ')"


@cache
def _marks_class() -> str:
    """A regular-expression class of every combining mark, as ranges of code points."""
    ranges: list[tuple[int, int]] = []
    for point in range(sys.maxunicode + 1):
        if unicodedata.combining(chr(point)):
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]+"


def query_words(query: str) -> list[str]:
    """The folded words of a search, each to be found at the start of a word of the name."""
    return [word for word in fold(query).split() if word]
