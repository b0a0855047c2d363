"""What a family member is called in a relationship field: "mother", "niece", "ward"…

The words are keys of `spellings.RELATIONSHIP_SPELLINGS`, which says how each is
written.
"""

from reunify.synth.world import SynthFamily, SynthPerson
from reunify.vocabulary import MemberRole

# What a child is to the adult they came with, by that adult's kind; (female, male).
_CHILD_WORDS = {
    "parent": ("daughter", "son"),
    "guardian": ("ward", "ward"),
    "aunt_or_uncle": ("niece", "nephew"),
    "grandparent": ("granddaughter", "grandson"),
    "adult_sibling": ("sister", "brother"),
    "cousin": ("cousin_f", "cousin_m"),
}
_RELATIVE_WORDS = {
    "aunt_or_uncle": ("aunt", "uncle"),
    "grandparent": ("grandmother", "grandfather"),
    "adult_sibling": ("sister", "brother"),
    "cousin": ("cousin_f", "cousin_m"),
}


def relationship_word(family: SynthFamily, role: MemberRole, person: SynthPerson) -> str:
    male = person.sex == "M"
    if role is MemberRole.PARENT:
        return "father" if male else "mother"
    if role is MemberRole.LEGAL_GUARDIAN:
        return "guardian"
    if role is MemberRole.OTHER_RELATIVE:
        assert family.relative_kind is not None
        return _RELATIVE_WORDS[family.relative_kind][male]
    if family.relative_kind is not None:
        return _CHILD_WORDS[family.relative_kind][male]
    if family.keys_with_role(MemberRole.LEGAL_GUARDIAN):
        return _CHILD_WORDS["guardian"][male]
    return _CHILD_WORDS["parent"][male]
