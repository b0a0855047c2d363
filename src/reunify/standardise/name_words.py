"""The words of a personal name: tokens, particles bound to the next word, display case.

A "unit" is what a person would call one name: "José", "de la Cruz", "Pérez-Gómez",
"da Silva". Particles never stand alone, so "DE LA CRUZ LOPEZ" is two surnames, not four.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reunify.families.names import fold

# Bound to the word after them: "de la Cruz", "del Cid", "da Silva", "San Martín".
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van", "von",
     "der", "den", "san", "santa", "mac"}
)  # fmt: skip
# Written between two surnames ("López y García", "Silva e Souza"); never a name.
CONNECTORS = frozenset({"y", "e"})
# Agency codes for a name part nobody knew: "no first name", "first name unknown"…
PLACEHOLDERS = frozenset(
    {"nfn", "fnu", "lnu", "nln", "nmn", "unk", "unknown", "desconocido", "desconocida",
     "no name", "sin nombre", "none", "n a", "na", "null"}
)  # fmt: skip

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018`\u00b4\u02bc\u2032", "'"))
# Anything but letters, combining marks, apostrophes, hyphens and spaces ends a word.
_NOT_NAME_CHARS = re.compile(r"[^\w'\-\s]|[\d_]")


@dataclass(frozen=True, slots=True)
class Token:
    display: str
    folded: str  # "Pérez-Gómez" folds to "perez gomez"


@dataclass(frozen=True, slots=True)
class NameUnit:
    """One name as a person would count it: "de la Cruz" is one unit."""

    display: str
    folded: str


def _tidy_case(word: str, single_case: bool) -> str:
    """ "LÓPEZ" → "López" when the whole field was in one case; else as written."""
    if not single_case:
        return word
    if fold(word) in PARTICLES:
        return word.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


@lru_cache(maxsize=1 << 16)  # name fields repeat across rows and extracts
def tokens(text: str) -> tuple[Token, ...]:
    """The words of one name field, placeholders ("FNU", "LNU") left out."""
    cleaned = _NOT_NAME_CHARS.sub(" ", unicodedata.normalize("NFC", text).translate(_APOSTROPHES))
    if fold(cleaned) in PLACEHOLDERS:
        return ()
    letters = [ch for ch in cleaned if ch.isalpha()]
    single_case = all(ch.isupper() for ch in letters) or all(ch.islower() for ch in letters)
    found: list[Token] = []
    for raw in cleaned.split():
        word = raw.strip("-'.")
        folded = fold(word)
        if folded and folded not in PLACEHOLDERS:
            found.append(Token(_tidy_case(word, single_case), folded))
    return tuple(found)


def units(found: Iterable[Token]) -> list[NameUnit]:
    """Particles joined to the word after them; trailing particles to the word before."""
    grouped: list[NameUnit] = []
    pending: list[Token] = []
    for token in found:
        pending.append(token)
        if token.folded not in PARTICLES:
            grouped.append(_join(pending))
            pending = []
    if pending:
        if grouped:
            grouped[-1] = _join([Token(grouped[-1].display, grouped[-1].folded), *pending])
        else:
            grouped.append(_join(pending))
    return grouped


def _join(parts: Iterable[Token | NameUnit]) -> NameUnit:
    listed = list(parts)
    return NameUnit(" ".join(p.display for p in listed), " ".join(p.folded for p in listed))


def join_units(parts: Iterable[NameUnit]) -> NameUnit:
    return _join(parts)


def split_at_connector(found: Sequence[Token]) -> list[list[Token]]:
    """ "LOPEZ Y GARCIA" → [[LOPEZ], [GARCIA]]; a connector at either end is a name."""
    segments: list[list[Token]] = [[]]
    for index, token in enumerate(found):
        inner = 0 < index < len(found) - 1
        if inner and token.folded in CONNECTORS and segments[-1]:
            segments.append([])
        else:
            segments[-1].append(token)
    return segments


def key_words(folded: str) -> list[str]:
    """The words that tell names apart: particles and connectors carry no identity."""
    return [w for w in folded.split() if w not in PARTICLES and w not in CONNECTORS]
