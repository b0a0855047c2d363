"""Personal names from agency extracts as given names, first and second surname.

Hispanic names carry two surnames, the father's then the mother's; agencies write them
in one field ("LOPEZ GARCIA", "DE LA CRUZ LOPEZ") or two (ICE's last and second last
name), in any case, with or without accents. Both ways give the same `StandardName`.
Given names may come in either order or in two fields (first and middle); the
`given_key` and `token_key` do not depend on that order.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from reunify.families.names import name_search_key
from reunify.standardise.name_words import (
    NameUnit,
    Token,
    join_units,
    key_words,
    split_at_connector,
    tokens,
    units,
)
from reunify.standardise.phonetic import phonetic_key

# Second given names that are seldom surnames, so "MARIA JOSE LOPEZ" (one field, no
# comma) reads as two given names and one surname. Names that are also common surnames
# in Mayan towns (Pedro, Juan, Diego, Francisco…) are left out on purpose.
_SECOND_GIVEN_NAMES = frozenset(
    {"jose", "maria", "luis", "antonio", "carlos", "alberto", "alejandro", "eduardo",
     "enrique", "javier", "fernando", "angel", "daniel", "david", "roberto", "rafael",
     "alexander", "armando", "ernesto", "leonel", "orlando", "rene", "estuardo", "isabel",
     "elena", "elizabeth", "guadalupe", "fernanda", "carolina", "beatriz", "margarita",
     "alejandra", "gabriela", "patricia", "lucia", "esperanza", "mercedes", "teresa",
     "cristina", "luisa", "dolores", "yamileth", "marisol", "maribel", "esmeralda",
     "eduarda", "clara", "henrique", "del carmen", "de los angeles", "de jesus",
     "de la luz", "del rosario", "de lourdes", "de la paz"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StandardName:
    """A name split the Hispanic way; the plain fields are folded (lower case, no
    accents), the `display_` fields keep accents and read well ("María de la Cruz")."""

    given_names: str
    first_surname: str
    second_surname: str
    display_given_names: str
    display_first_surname: str
    display_second_surname: str

    @property
    def missing(self) -> bool:
        return not (self.given_names or self.first_surname or self.second_surname)

    @property
    def surnames(self) -> str:
        return f"{self.first_surname} {self.second_surname}".strip()

    @property
    def display(self) -> str:
        parts = (self.display_given_names, self.display_first_surname, self.display_second_surname)
        return " ".join(part for part in parts if part)

    @property
    def first_given_name(self) -> str:
        words = key_words(self.given_names)
        return words[0] if words else ""

    @property
    def given_key(self) -> str:
        """Given names sorted: "jose maria" for "María José" and "JOSE MARIA" alike."""
        return " ".join(sorted(key_words(self.given_names)))

    @property
    def token_key(self) -> str:
        """Every name word sorted, for blocking whatever the order or the field split."""
        return " ".join(sorted(key_words(f"{self.given_names} {self.surnames}")))

    @property
    def search_key(self) -> str:
        return name_search_key(self.given_names, self.first_surname, self.second_surname)

    @property
    def phonetic_given(self) -> str:
        return phonetic_key(self.first_given_name)

    @property
    def phonetic_surname(self) -> str:
        return phonetic_key(" ".join(key_words(self.first_surname)))


_NO_UNIT = NameUnit("", "")


def _build(given: NameUnit, first: NameUnit, second: NameUnit) -> StandardName:
    return StandardName(
        given.folded, first.folded, second.folded, given.display, first.display, second.display
    )


def _fields(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _surname_fields(fields: list[str]) -> list[list[Token]]:
    """Each non-empty field's words; a field of particles only ("DE") joins the next."""
    found: list[list[Token]] = []
    carried: list[Token] = []
    for field in fields:
        words = carried + list(tokens(field))
        if words and all(not key_words(word.folded) for word in words):
            carried = words
            continue
        carried = []
        if words:
            found.append(words)
    if carried:
        found.append(carried)
    return found


def split_surnames(words: list[Token]) -> tuple[NameUnit, NameUnit]:
    """One field's surnames as (first, second): at a "y", else after the first unit."""
    segments = split_at_connector(words)
    if len(segments) > 1:
        return join_units(units(segments[0])), join_units(units(chain.from_iterable(segments[1:])))
    grouped = units(words)
    if not grouped:
        return _NO_UNIT, _NO_UNIT
    rest = join_units(grouped[1:]) if len(grouped) > 1 else _NO_UNIT
    return grouped[0], rest


def standard_name(given: str | Sequence[str], surnames: str | Sequence[str]) -> StandardName:
    """A name from its given-name field(s) and surname field(s).

    `standard_name("MARIA JOSE", "DE LA CRUZ LOPEZ")` and `standard_name(("MARIA",
    "JOSE"), ("DE LA CRUZ", "LOPEZ"))` are the same name.
    """
    return _build(given_names_unit(tuple(_fields(given))), *surname_units(tuple(_fields(surnames))))


# Cached: an extract of a million rows holds a few thousand given names and surnames,
# each read once rather than on every row (the results are immutable).
@lru_cache(maxsize=1 << 16)
def given_names_unit(fields: tuple[str, ...]) -> NameUnit:
    """The given names of a name's given-name field(s), as one unit."""
    given_words = [word for field in fields for word in tokens(field)]
    return join_units(units(given_words)) if given_words else _NO_UNIT


@lru_cache(maxsize=1 << 16)
def surname_units(surname_fields: tuple[str, ...]) -> tuple[NameUnit, NameUnit]:
    """The first and second surname of a name's surname field(s)."""
    fields = _surname_fields(list(surname_fields))
    if not fields:
        return _NO_UNIT, _NO_UNIT
    if len(fields) == 1:
        return split_surnames(fields[0])
    # The clerk split the surnames already; keep the split.
    return join_units(units(fields[0])), join_units(units(chain.from_iterable(fields[1:])))


def standard_full_name(text: str) -> StandardName:
    """A whole name written in one piece: "MARIA LOPEZ GARCIA", "López García, María".

    Without a comma the given names come first: of two words the second is a surname,
    of three the last two are (unless the middle one is a usual second given name), of
    four or more the last two are.
    """
    if "," in text:
        surnames, _, given_names = text.partition(",")
        return standard_name(given_names, surnames)
    grouped = units(word for segment in split_at_connector(tokens(text)) for word in segment)
    count = len(grouped)
    if count == 0:
        return _build(_NO_UNIT, _NO_UNIT, _NO_UNIT)
    if count == 1:
        return _build(grouped[0], _NO_UNIT, _NO_UNIT)
    if count == 2:
        return _build(grouped[0], grouped[1], _NO_UNIT)
    given_count = count - 2
    if count == 3 and grouped[1].folded in _SECOND_GIVEN_NAMES:
        given_count = 2
    given = join_units(grouped[:given_count])
    rest = grouped[given_count:]
    second = join_units(rest[1:]) if len(rest) > 1 else _NO_UNIT
    return _build(given, rest[0], second)
