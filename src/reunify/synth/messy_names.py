"""Names as agency systems and clerks wrote them.

Each agency has a house style (`HouseStyle`): border and detention systems mostly
upper-case and strip accents; shelters mostly keep the case a person would write.
On top of that, per row and at the rates of `NameSlips`, a clerk drops the second
given name, abbreviates a given name, keeps one surname, swaps the surnames, or makes
a typing slip ("Hernandes", "Lopes", "Yeny").
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from random import Random

from reunify.synth.world import SynthPerson


@lru_cache(maxsize=65536)
def strip_accents(text: str) -> str:
    """ "Peña Ajú" → "Pena Aju"; apostrophes and spaces stay."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """How one agency's system writes names: casing and accents, chosen per row."""

    upper: float
    lower: float
    accents_dropped_when_upper: float
    accents_dropped_otherwise: float

    def writer(self, rng: Random) -> "NameWriter":
        roll = rng.random()
        case = (
            "upper" if roll < self.upper else "lower" if roll < self.upper + self.lower else "as_is"
        )
        drop = (
            self.accents_dropped_when_upper if case == "upper" else self.accents_dropped_otherwise
        )
        return NameWriter(case, rng.random() < drop)


@dataclass(frozen=True, slots=True)
class NameWriter:
    """One row's way of writing: every name on the row is written the same way."""

    case: str
    drop_accents: bool

    def write(self, text: str) -> str:
        if self.drop_accents:
            text = strip_accents(text)
        if self.case == "upper":
            return text.upper()
        if self.case == "lower":
            return text.lower()
        return text


CBP_STYLE = HouseStyle(
    upper=0.65, lower=0.02, accents_dropped_when_upper=0.7, accents_dropped_otherwise=0.4
)
ICE_STYLE = HouseStyle(
    upper=0.85, lower=0.0, accents_dropped_when_upper=0.85, accents_dropped_otherwise=0.5
)
ORR_STYLE = HouseStyle(
    upper=0.15, lower=0.05, accents_dropped_when_upper=0.5, accents_dropped_otherwise=0.3
)


@dataclass(frozen=True, slots=True)
class NameSlips:
    second_given_dropped: float = 0.12
    given_abbreviated: float = 0.04
    one_surname_only: float = 0.08
    surnames_swapped: float = 0.03
    typo: float = 0.02


DEFAULT_SLIPS = NameSlips()

# Spanish spellings that sound alike, the commonest source of name typos.
_SOUND_ALIKE = (("z", "s"), ("s", "z"), ("v", "b"), ("b", "v"), ("ll", "y"), ("y", "i"), ("c", "s"))


def typo(rng: Random, word: str) -> str:
    """One plausible slip: a sound-alike letter, or a letter dropped, doubled or swapped."""
    if len(word) < 4:
        return word
    if rng.random() < 0.5:
        for wrong, right in _SOUND_ALIKE[rng.randrange(len(_SOUND_ALIKE)) :]:
            at = word.find(wrong, 1)
            if at > 0:
                return word[:at] + right + word[at + len(wrong) :]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:at] + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


@dataclass(frozen=True, slots=True)
class RecordedName:
    """A person's name as one record holds it, before casing: given names split in
    the first and the rest, and up to two surnames."""

    first_given: str
    other_given: str
    first_surname: str
    second_surname: str

    @property
    def given_names(self) -> str:
        return f"{self.first_given} {self.other_given}".rstrip()

    @property
    def surnames(self) -> str:
        return f"{self.first_surname} {self.second_surname}".rstrip()


def recorded_name(
    rng: Random, person: SynthPerson, slips: NameSlips = DEFAULT_SLIPS
) -> RecordedName:
    first_given, _, other_given = person.given_names.partition(" ")
    first_surname, second_surname = person.first_surname, person.second_surname
    if other_given and rng.random() < slips.second_given_dropped:
        other_given = ""
    elif rng.random() < slips.given_abbreviated:
        if other_given and rng.random() < 0.6:
            other_given = f"{other_given[0]}."
        else:
            first_given = f"{first_given[0]}."
    if second_surname:
        roll = rng.random()
        if roll < slips.one_surname_only:
            second_surname = ""
        elif roll < slips.one_surname_only + slips.surnames_swapped:
            first_surname, second_surname = second_surname, first_surname
    if rng.random() < slips.typo:
        if rng.random() < 0.5:
            first_surname = typo(rng, first_surname)
        else:
            first_given = typo(rng, first_given)
    return RecordedName(first_given, other_given, first_surname, second_surname)
