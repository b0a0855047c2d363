"""Which languages a family speaks (ISO 639-3), decided once per family.

Most families speak Spanish; Brazilians Portuguese. Many Guatemalan families come from
the western highlands and speak a Mayan language, some with little or no Spanish: that
is what makes a Spanish-only notice of options meaningless to a parent.
"""

from dataclasses import dataclass
from random import Random

from reunify.synth.weighted import WeightedTable

SPANISH = "spa"
PORTUGUESE = "por"
ENGLISH = "eng"
GARIFUNA = "cab"

MAYAN = frozenset({"quc", "mam", "kjb", "cak", "kek", "knj", "cac", "ixl", "jac"})

# Mother tongue of Guatemalan families. The 2018 Guatemalan census counts about 44% of
# people as Maya; migrants from the western highlands (Huehuetenango, San Marcos,
# Quiché) are over-represented, hence Mam, K'iche' and Q'anjob'al lead. Rough.
GUATEMALAN_MOTHER_TONGUES: WeightedTable[str] = WeightedTable(
    [
        (SPANISH, 45.0),
        ("mam", 14.0),
        ("quc", 13.0),
        ("kjb", 8.0),
        ("cak", 5.0),
        ("kek", 5.0),
        ("knj", 3.0),
        ("cac", 3.0),
        ("ixl", 2.0),
        ("jac", 2.0),
    ]
)

HONDURAN_MOTHER_TONGUES: WeightedTable[str] = WeightedTable([(SPANISH, 98.0), (GARIFUNA, 2.0)])

# Share of Mayan-speaking adults who also speak Spanish. Bilingualism is lower among
# women in rural Guatemala (census); the exact figures are an assumption.
BILINGUAL_ADULT_SHARE = {"F": 0.55, "M": 0.75}
# Garifuna communities on Honduras's coast are almost all bilingual in Spanish.
GARIFUNA_BILINGUAL_SHARE = 0.97
# Among children of a bilingual family, the share who are Spanish-dominant.
SPANISH_DOMINANT_CHILD_SHARE = 0.2
# Children under this age are recorded with the home language only.
AGE_FOR_SECOND_LANGUAGE = 5


@dataclass(frozen=True, slots=True)
class FamilyTongue:
    """The family's mother tongue; Spanish bilingualism is decided per person."""

    mother_tongue: str

    @property
    def indigenous(self) -> bool:
        return self.mother_tongue not in (SPANISH, PORTUGUESE)

    def adult_languages(self, rng: Random, sex: str) -> tuple[str, ...]:
        if not self.indigenous:
            return (self.mother_tongue,)
        share = (
            GARIFUNA_BILINGUAL_SHARE
            if self.mother_tongue == GARIFUNA
            else BILINGUAL_ADULT_SHARE[sex]
        )
        if rng.random() < share:
            return (self.mother_tongue, SPANISH)
        return (self.mother_tongue,)

    def child_languages(
        self, rng: Random, age: int, parents: tuple[tuple[str, ...], ...]
    ) -> tuple[str, ...]:
        if not self.indigenous:
            return (self.mother_tongue,)
        if age < AGE_FOR_SECOND_LANGUAGE:
            return (self.mother_tongue,)
        # School-age children pick up Spanish even where their parents did not.
        household_bilingual = any(SPANISH in spoken for spoken in parents)
        if household_bilingual or rng.random() < 0.3:
            if rng.random() < SPANISH_DOMINANT_CHILD_SHARE:
                return (SPANISH, self.mother_tongue)
            return (self.mother_tongue, SPANISH)
        return (self.mother_tongue,)


def draw_family_tongue(rng: Random, citizenship: str) -> FamilyTongue:
    if citizenship == "GT":
        return FamilyTongue(GUATEMALAN_MOTHER_TONGUES.pick(rng))
    if citizenship == "HN":
        return FamilyTongue(HONDURAN_MOTHER_TONGUES.pick(rng))
    if citizenship == "BR":
        return FamilyTongue(PORTUGUESE)
    return FamilyTongue(SPANISH)
