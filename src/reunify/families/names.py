"""Fold names for search: accent- and case-insensitive, apostrophes and particles kept.

"María José LÓPEZ García" and "maria jose lopez garcia" fold to the same text; so do the
K'iche' spellings with a typographic or a plain apostrophe.
"""

import re
import unicodedata
from functools import lru_cache

_PLAIN_FORMS = str.maketrans(
    # U+02BC is the apostrophe of the official Mayan alphabets; U+2032 is the prime.
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'", "\u2032": "'"}
    # Letters Unicode does not decompose into a base letter and a mark: without this they
    # would vanish or split a word in two ("Søren" as "s ren").
    | {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O"}
    | {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH"}
    | {"\u0131": "i"}  # dotless i
)
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


def query_words(query: str) -> list[str]:
    """The folded words of a search, each to be found at the start of a word of the name."""
    return [word for word in fold(query).split() if word]
