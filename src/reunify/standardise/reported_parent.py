"""The shelter extract's `reported_parent`: who the child said their parent is, as free
text ("MADRE: MARIA LOPEZ GARCIA", "father Jose Perez", "MARIA LOPEZ (MOTHER)")."""

import re
from dataclasses import dataclass

from reunify.families.names import fold
from reunify.standardise.kinship_words import PHRASES, Kinship
from reunify.standardise.names import StandardName, standard_full_name
from reunify.standardise.readings import is_blank
from reunify.standardise.relationships import PARENTAL, Relationship, read_relationship

# A phone or an A-number typed after the name ends it, with the word that announced it.
_NUMBER_AND_AFTER = re.compile(r"[\s,;:(]*(?:tel[eé]fono|tel|phone|ph|cel|celular|a#|a-?no)?"
                               r"[\s.:#-]*\+?\d.*$", re.IGNORECASE)  # fmt: skip
_SEPARATOR = r"\s*[:\-\u2013\u2014=]\s*"
_LABEL_FIRST = re.compile(rf"^\s*([^:\-\u2013\u2014=(]+?){_SEPARATOR}(.*)$", re.DOTALL)
_LABEL_LAST = re.compile(rf"^(.*?)(?:{_SEPARATOR}|\s*,\s*)([^:\-\u2013\u2014=,]+)$", re.DOTALL)
_LABEL_IN_BRACKETS = re.compile(r"^(.*?)\s*[(\[]([^)\]]*)[)\]]\s*$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ReportedRelative:
    """Who was reported, and as what; the name may be missing ("mamá" alone)."""

    relationship: Relationship
    name: StandardName

    @property
    def kinship(self) -> Kinship:
        return self.relationship.kinship


def _whole_phrase(text: str) -> Relationship | None:
    folded = fold(text)
    return read_relationship(text) if folded in PHRASES else None


def _label_and_name(text: str) -> tuple[Relationship | None, str]:
    """Split the label from the name; a label needs a colon, dash or brackets unless it
    names a parent or guardian (a "Nina" may be a name; a "Madre" is not)."""
    if whole := _whole_phrase(text):
        return whole, ""
    for pattern, label_group, name_group in (
        (_LABEL_IN_BRACKETS, 2, 1),
        (_LABEL_FIRST, 1, 2),
        (_LABEL_LAST, 2, 1),
    ):
        match = pattern.match(text)
        if match and (found := _whole_phrase(match.group(label_group))):
            return found, match.group(name_group)
    words = text.split()
    for size in range(min(4, len(words)), 0, -1):
        for label, rest in ((words[:size], words[size:]), (words[-size:], words[:-size])):
            found = _whole_phrase(" ".join(label))
            if found and found.kinship in PARENTAL:
                return found, " ".join(rest)
    return None, text


def parse_reported_parent(text: str | None) -> ReportedRelative | None:
    """The relationship and name in a reported-parent field; None when blank or when it
    holds neither a relationship nor a name.

    A name without a label is taken to be a parent's (the column is about parents), with
    kinship PARENT: which parent, the text does not say.
    """
    if text is None or is_blank(text):
        return None
    cleaned = _NUMBER_AND_AFTER.sub("", text).strip()
    relationship, name_text = _label_and_name(cleaned)
    name = standard_full_name(name_text)
    if relationship is None:
        if name.missing or not any(len(word) > 1 for word in name.token_key.split()):
            return None
        relationship = Relationship(Kinship.PARENT, None)
    if name.missing and relationship.kinship in (Kinship.UNKNOWN, Kinship.NOT_RELATED):
        return None
    return ReportedRelative(relationship, name)
