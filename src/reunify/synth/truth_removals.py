"""The removals report as the truth would have it: the answer key for the real one.

Who counts: a removed person who is the parent (or legal guardian) in some separation
whose child was not reunified with them before the removal (`reunited_on` is None or
not earlier than `removed_on`) and is not on the same removal. A person removed more
than once is judged on the first removal that counts.

The governing election is the parent's latest election by `made_on`, whatever its
date; between two made the same day, the later listed governs.

Only what a historical extract can show is checked (`CHECKABLE`):

- VERBAL_ONLY: the form is VERBAL;
- UNSIGNED: the form is UNSIGNED;
- LANGUAGE_NOT_UNDERSTOOD: neither the notice's language nor the interpreter's is one
  the parent speaks (in the truth, `SynthPerson.languages`; in the extracts, every
  language recorded for the person on any row);
- NO_COUNSEL_ADVISAL: `counsel_advised` is not True (False, or not recorded);
- AFTER_REMOVAL: made strictly after the day of removal (the same day counts as before,
  since the extracts carry dates only).

NOT_ACKNOWLEDGED, WAIVER_NOT_EXPLICIT and CHILD_NOT_COVERED cannot be seen in an
extract and play no part here, even though the world knows them.

Each counted parent lands in exactly one class: no election → `without_any_election`;
any checkable deficiency → `with_deficient_election`, whatever the option; else
DEPART_WITH_CHILDREN or MORE_TIME → `removed_contrary_to_election`; else
`with_valid_election`. Every valid one rests on an acknowledgment the extract cannot
show, so `acknowledgment_unknown` equals `with_valid_election`. Historical extracts
carry no overrides: `gate_overrides` is 0.

JSON keys (`RemovalsTruth.to_json`): the counts above, `deficiencies` (code → number
of counted parents whose governing election has it, every checkable code present),
and the person keys behind each figure, sorted: `persons_<count name>` for each count
and `persons_by_deficiency` (code → keys).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from reunify.synth.world import (
    SynthElection,
    SynthRemoval,
    SynthSeparation,
    World,
    grouped,
)
from reunify.vocabulary import Deficiency, ElectionForm, ElectionOption

CHECKABLE: tuple[Deficiency, ...] = (
    Deficiency.VERBAL_ONLY,
    Deficiency.UNSIGNED,
    Deficiency.LANGUAGE_NOT_UNDERSTOOD,
    Deficiency.NO_COUNSEL_ADVISAL,
    Deficiency.AFTER_REMOVAL,
)


class RemovalClass(StrEnum):
    VALID = "with_valid_election"
    NO_ELECTION = "without_any_election"
    DEFICIENT = "with_deficient_election"
    CONTRARY = "removed_contrary_to_election"


def checkable_deficiencies(
    election: SynthElection, languages: Iterable[str], removed_on: date
) -> tuple[Deficiency, ...]:
    """The checkable deficiencies of `election`, in `CHECKABLE` order."""
    spoken = set(languages)
    found: list[Deficiency] = []
    if election.form is ElectionForm.VERBAL:
        found.append(Deficiency.VERBAL_ONLY)
    if election.form is ElectionForm.UNSIGNED:
        found.append(Deficiency.UNSIGNED)
    if election.notice_language not in spoken and election.interpreter_language not in spoken:
        found.append(Deficiency.LANGUAGE_NOT_UNDERSTOOD)
    if election.counsel_advised is not True:
        found.append(Deficiency.NO_COUNSEL_ADVISAL)
    if election.made_on > removed_on:
        found.append(Deficiency.AFTER_REMOVAL)
    return tuple(found)


def governing_election(elections: Iterable[SynthElection]) -> SynthElection | None:
    latest: SynthElection | None = None
    for election in elections:
        if latest is None or election.made_on >= latest.made_on:
            latest = election
    return latest


def counted_removal(
    removals: Iterable[SynthRemoval], separations_as_parent: Iterable[SynthSeparation]
) -> SynthRemoval | None:
    """The first removal that left behind a child separated from this parent."""
    separations = tuple(separations_as_parent)
    for removal in sorted(removals, key=lambda found: found.removed_on):
        for separation in separations:
            reunited_before = (
                separation.reunited_on is not None and separation.reunited_on < removal.removed_on
            )
            on_same_removal = separation.child_key in removal.children_on_same_removal
            if (
                separation.separated_on <= removal.removed_on
                and not reunited_before
                and not on_same_removal
            ):
                return removal
    return None


@dataclass(frozen=True, slots=True)
class RemovedParent:
    person_key: str
    removal: SynthRemoval
    election: SynthElection | None
    deficiencies: tuple[Deficiency, ...]

    @property
    def removal_class(self) -> RemovalClass:
        if self.election is None:
            return RemovalClass.NO_ELECTION
        if self.deficiencies:
            return RemovalClass.DEFICIENT
        if self.election.option is ElectionOption.CHILDREN_REMAIN:
            return RemovalClass.VALID
        return RemovalClass.CONTRARY


@dataclass(frozen=True, slots=True)
class RemovalsTruth:
    parents: tuple[RemovedParent, ...]

    def keys_in(self, removal_class: RemovalClass) -> list[str]:
        return sorted(p.person_key for p in self.parents if p.removal_class is removal_class)

    def keys_with(self, deficiency: Deficiency) -> list[str]:
        return sorted(p.person_key for p in self.parents if deficiency in p.deficiencies)

    def to_json(self) -> dict[str, Any]:
        report: dict[str, Any] = {
            "removed_parents_with_separated_children": len(self.parents),
            "persons_removed_parents_with_separated_children": sorted(
                p.person_key for p in self.parents
            ),
        }
        for removal_class in RemovalClass:
            keys = self.keys_in(removal_class)
            report[removal_class.value] = len(keys)
            report[f"persons_{removal_class.value}"] = keys
        report["gate_overrides"] = 0
        report["persons_gate_overrides"] = []
        report["acknowledgment_unknown"] = report[RemovalClass.VALID.value]
        report["persons_acknowledgment_unknown"] = report[f"persons_{RemovalClass.VALID.value}"]
        by_code = {code.value: self.keys_with(code) for code in CHECKABLE}
        report["deficiencies"] = {code: len(keys) for code, keys in by_code.items()}
        report["persons_by_deficiency"] = by_code
        return report


def classify_removed_parents(
    *,
    removals: Iterable[SynthRemoval],
    separations: Iterable[SynthSeparation],
    elections: Iterable[SynthElection],
    languages_of: Mapping[str, Iterable[str]],
) -> RemovalsTruth:
    """The report over plain records; `languages_of` maps person key → languages."""
    as_parent = grouped(separations, lambda found: (found.parent_key,))
    removals_of = grouped(removals, lambda found: (found.person_key,))
    elections_of = grouped(elections, lambda found: (found.parent_key,))

    counted: list[RemovedParent] = []
    for person_key in sorted(removals_of.keys() & as_parent.keys()):
        removal = counted_removal(removals_of[person_key], as_parent[person_key])
        if removal is None:
            continue
        election = governing_election(elections_of.get(person_key, ()))
        deficiencies: tuple[Deficiency, ...] = ()
        if election is not None:
            spoken = languages_of.get(person_key, ())
            deficiencies = checkable_deficiencies(election, spoken, removal.removed_on)
        counted.append(RemovedParent(person_key, removal, election, deficiencies))
    return RemovalsTruth(tuple(counted))


def removals_truth(world: World) -> RemovalsTruth:
    return classify_removed_parents(
        removals=world.removals,
        separations=world.separations,
        elections=world.elections,
        languages_of={key: person.languages for key, person in world.persons.items()},
    )
