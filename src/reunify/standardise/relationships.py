"""Relationship columns ("MOTHER", "hijo", "tía", "legal guardian", "HOH") to a `Kinship`,
the sex the word implies, and the family-unit role it implies."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reunify.families.names import fold
from reunify.standardise.kinship_words import LONGEST_PHRASE, PHRASES, Kinship
from reunify.standardise.readings import Reading
from reunify.vocabulary import MemberRole

_ROLES: dict[Kinship, MemberRole] = {
    Kinship.MOTHER: MemberRole.PARENT,
    Kinship.FATHER: MemberRole.PARENT,
    Kinship.PARENT: MemberRole.PARENT,
    Kinship.GUARDIAN: MemberRole.LEGAL_GUARDIAN,
    # A step-parent is no parent in law until an adoption or guardianship is shown;
    # the word is kept, so a person can upgrade the role with the evidence.
    Kinship.STEP_PARENT: MemberRole.OTHER_RELATIVE,
    Kinship.GRANDPARENT: MemberRole.OTHER_RELATIVE,
    Kinship.AUNT_UNCLE: MemberRole.OTHER_RELATIVE,
    Kinship.SPOUSE: MemberRole.OTHER_RELATIVE,
    Kinship.OTHER_RELATIVE: MemberRole.OTHER_RELATIVE,
    Kinship.CHILD: MemberRole.CHILD,
    Kinship.STEP_CHILD: MemberRole.CHILD,
    Kinship.WARD: MemberRole.CHILD,
    Kinship.GRANDCHILD: MemberRole.CHILD,
    Kinship.NIECE_NEPHEW: MemberRole.CHILD,
}
# Parents and guardians: what a column about a reported parent may say without a colon.
PARENTAL = frozenset({Kinship.MOTHER, Kinship.FATHER, Kinship.PARENT, Kinship.GUARDIAN,
                      Kinship.STEP_PARENT})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Relationship:
    kinship: Kinship
    sex: str | None  # "F" or "M" when the word says ("madre", "hijo"), else None

    @property
    def implied_role(self) -> MemberRole | None:
        """The family-unit role the word alone implies.

        None where age decides: a "sister" or "cousin" may be the adult who brought
        the children or one of the children; so for the head, the unrelated, unknown.
        """
        return _ROLES.get(self.kinship)


def find_phrase(words: Sequence[str], start: int) -> tuple[Relationship, int] | None:
    """The longest relationship phrase beginning at `words[start]`, and its length."""
    for length in range(min(LONGEST_PHRASE, len(words) - start), 0, -1):
        found = PHRASES.get(" ".join(words[start : start + length]))
        if found:
            return Relationship(*found), length
    return None


def read_relationship(text: str) -> Relationship | None:
    """The whole text as one phrase, else the first phrase within it ("mother of HOH")."""
    words = fold(text).split()
    if not words:
        return None
    whole = find_phrase(words, 0)
    if whole and whole[1] == len(words):
        return whole[0]
    for start in range(len(words)):
        if found := find_phrase(words, start):
            return found[0]
    return None


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_relationship(text: str | None) -> Reading[Relationship]:
    """ "MOTHER", "madre", "mamá" → MOTHER; "hijo" → CHILD (male); blank → no value."""
    raw = text or ""
    if not fold(raw):
        return Reading.empty(raw)
    found = read_relationship(raw)
    if found is None:
        return Reading.unreadable(raw, f"{raw.strip()!r} names no relationship Reunify knows")
    return Reading.of(raw, found)
