"""How people in the generated families are named.

Hispanic naming: given names (one or two), then the father's first surname, then the
mother's first surname. A child whose mother travels alone usually still carries the
(absent) father's surname first; a minority (`MOTHER_ONLY_SURNAMES_SHARE`) were
registered by the mother alone and carry both of her surnames.

Brazilian naming: the mother's surname, then the father's; many adults use a single
surname, held in `first_surname` with `second_surname` "".

Mayan-speaking families carry Mayan surnames of their language's region as often as
Spanish ones.
"""

from dataclasses import dataclass
from random import Random

from reunify.synth.given_names import (
    BRAZILIAN_GIVEN,
    HISPANIC_GIVEN,
    MAYAN_TOWN_MEN,
    MAYAN_TOWN_WOMEN,
    SECOND_AFTER_MARIA,
    SECOND_FOR_MEN,
    SECOND_FOR_WOMEN,
)
from reunify.synth.languages import GARIFUNA, MAYAN
from reunify.synth.name_pools import GARIFUNA_SURNAMES, MAYAN_SURNAMES, SURNAMES

MOTHER_ONLY_SURNAMES_SHARE = 0.12
# Adults who go by one surname only (a parent unknown at registration, or custom).
ONE_SURNAME_ADULT_SHARE = 0.03
BRAZILIAN_ONE_SURNAME_SHARE = 0.65
# Children of Brazilian parents registered with the father's surname only.
BRAZILIAN_CHILD_FATHER_ONLY_SHARE = 0.4
SECOND_GIVEN_NAME_SHARE = {"hispanic": 0.55, "brazilian": 0.2}
MAYAN_SURNAME_SHARE = 0.6
GARIFUNA_SURNAME_SHARE = 0.5
MAYAN_TOWN_GIVEN_NAME_SHARE = 0.45

Surnames = tuple[str, str]


@dataclass(frozen=True, slots=True)
class NameStyle:
    """What decides a family's names: nationality and mother tongue."""

    citizenship: str
    mother_tongue: str

    @property
    def brazilian(self) -> bool:
        return self.citizenship == "BR"

    def given_names(self, rng: Random, sex: str, child: bool) -> str:
        tables = BRAZILIAN_GIVEN if self.brazilian else HISPANIC_GIVEN
        first = tables[(sex, child)].pick(rng)
        if self.mother_tongue in MAYAN and rng.random() < MAYAN_TOWN_GIVEN_NAME_SHARE:
            first = (MAYAN_TOWN_WOMEN if sex == "F" else MAYAN_TOWN_MEN).pick(rng)
        if " " in first:  # already compound: "Maria Eduarda", "João Pedro"
            return first
        share = SECOND_GIVEN_NAME_SHARE["brazilian" if self.brazilian else "hispanic"]
        if rng.random() >= share:
            return first
        if self.brazilian:
            second = tables[(sex, child)].pick(rng)
        elif first == "María":
            second = SECOND_AFTER_MARIA.pick(rng)
        else:
            second = (SECOND_FOR_WOMEN if sex == "F" else SECOND_FOR_MEN).pick(rng)
        return first if second == first else f"{first} {second}"

    def surname(self, rng: Random) -> str:
        if self.mother_tongue in MAYAN and rng.random() < MAYAN_SURNAME_SHARE:
            return MAYAN_SURNAMES[self.mother_tongue].pick(rng)
        if self.mother_tongue == GARIFUNA and rng.random() < GARIFUNA_SURNAME_SHARE:
            return GARIFUNA_SURNAMES.pick(rng)
        return SURNAMES[self.citizenship].pick(rng)

    def adult_surnames(self, rng: Random) -> Surnames:
        first = self.surname(rng)
        one_share = BRAZILIAN_ONE_SURNAME_SHARE if self.brazilian else ONE_SURNAME_ADULT_SHARE
        if rng.random() < one_share:
            return (first, "")
        second = self.surname(rng)
        if second == first:  # "López López" exists, but rarely: draw once more
            second = self.surname(rng)
        return (first, second)

    def child_surnames(
        self, rng: Random, *, father: Surnames, mother: Surnames, mother_alone: bool
    ) -> Surnames:
        """A child's surnames from the parents' (present or not)."""
        if self.brazilian:
            mother_last = mother[1] or mother[0]
            father_last = father[1] or father[0]
            if rng.random() < BRAZILIAN_CHILD_FATHER_ONLY_SHARE or mother_last == father_last:
                return (father_last, "")
            return (mother_last, father_last)
        if mother_alone and rng.random() < MOTHER_ONLY_SURNAMES_SHARE:
            return mother
        return (father[0], mother[0])
