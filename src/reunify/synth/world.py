"""The generated ground truth: who the people are and what really happened to them.

A `World` is what the agency extracts are rendered from, and what the demo loader reads
directly. Everything here is clean: full names with accents, canonical codes, exact
dates. The mess lives only in the extracts.

Keys are stable strings: persons ``P0000001``, families ``F000001``. Records refer to
each other only by key, so the world can be loaded into any store in any order.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal, TypeVar

from reunify.vocabulary import (
    CustodyKind,
    ElectionForm,
    ElectionOption,
    MemberRole,
    ReunionMethod,
    ReunionSetting,
    SeparationReason,
)

Sex = Literal["F", "M"]

# How an OTHER_RELATIVE stands to the children; the extracts turn it into "tia",
# "GRANDMOTHER"… and the sponsor descriptions use it. None for every other role.
RelativeKind = Literal["aunt_or_uncle", "grandparent", "adult_sibling", "cousin"]


T = TypeVar("T")


def grouped(records: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, tuple[T, ...]]:
    """Records by key, each record under every key `keys` gives it, order kept."""
    found: dict[str, list[T]] = {}
    for record in records:
        for key in keys(record):
            found.setdefault(key, []).append(record)
    return {key: tuple(members) for key, members in found.items()}


def whole_years(born: date, day: date) -> int:
    """Age in whole years on `day` of someone born on `born`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class SynthPerson:
    """One human. Names are spelled as the person would spell them.

    `second_surname` is "" when the person has one surname (most Brazilians, some
    children registered by their mother alone). `languages` holds ISO 639-3 codes,
    the primary first. `a_number` is the 9-digit canonical A-number, or None.
    `phone` is E.164, or None.
    """

    key: str
    given_names: str
    first_surname: str
    second_surname: str
    sex: Sex
    birth_date: date
    citizenship: str
    languages: tuple[str, ...]
    literate: bool
    a_number: str | None
    phone: str | None

    @property
    def surnames(self) -> str:
        return f"{self.first_surname} {self.second_surname}".rstrip()

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surnames}"

    def age_on(self, day: date) -> int:
        return whole_years(self.birth_date, day)


@dataclass(frozen=True, slots=True)
class SynthFamily:
    """People apprehended together as one family unit.

    Several families may share one `event_id` when a group was apprehended together.
    `relative_kind` says how the OTHER_RELATIVE member (if any) is related to the
    children.
    """

    key: str
    event_id: str
    apprehended_on: date
    station: str
    sector: str
    members: tuple[tuple[str, MemberRole], ...]
    relative_kind: RelativeKind | None = None

    def keys_with_role(self, *roles: MemberRole) -> tuple[str, ...]:
        return tuple(key for key, role in self.members if role in roles)

    @property
    def parents(self) -> tuple[str, ...]:
        """Parents and legal guardians: the people a separation or election concerns."""
        return self.keys_with_role(MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN)

    @property
    def children(self) -> tuple[str, ...]:
        return self.keys_with_role(MemberRole.CHILD)


@dataclass(frozen=True, slots=True)
class SynthCustodyEpisode:
    """Who held a person, where, from when; `ended_on` None means still so.

    `place` names the station, facility or shelter, describes the sponsor
    ("sponsor: aunt in Houston, TX"), and is None for RELEASED and REMOVED.
    `country` is set only for REMOVED.
    """

    person_key: str
    kind: CustodyKind
    place: str | None
    country: str | None
    started_on: date
    ended_on: date | None


@dataclass(frozen=True, slots=True)
class SynthSeparation:
    """One child parted from one parent or legal guardian of the same family."""

    family_key: str
    parent_key: str
    child_key: str
    separated_on: date
    reason: SeparationReason
    reason_detail: str | None
    reunited_on: date | None
    reunion_setting: ReunionSetting | None
    reunion_method: ReunionMethod | None


@dataclass(frozen=True, slots=True)
class SynthElection:
    """A parent's decision about the named children, as it was really made.

    `acknowledged` (a supervisor signed off) and `waiver_explicit` (a CHILDREN_REMAIN
    that states a knowing waiver; None for the other options) are truths no
    historical extract shows.
    """

    parent_key: str
    option: ElectionOption
    children: tuple[str, ...]
    form: ElectionForm
    made_on: date
    notice_language: str
    interpreter_language: str | None
    counsel_advised: bool | None
    acknowledged: bool
    waiver_explicit: bool | None


@dataclass(frozen=True, slots=True)
class SynthRemoval:
    """One person removed to `country`.

    Every REMOVED custody episode has one. For an adult, `children_on_same_removal`
    names the children flown with them; a child's own removal lists none.
    """

    person_key: str
    removed_on: date
    country: str
    children_on_same_removal: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class World:
    """The whole ground truth of one generation.

    `persons` is in key order; `families` in order of their keys; `episodes` grouped
    by person, in time order; `elections` grouped by parent, in the order made. The
    cached lookups below are built on first use. Worlds compare by identity.
    """

    seed: int
    persons: Mapping[str, SynthPerson]
    families: tuple[SynthFamily, ...]
    episodes: tuple[SynthCustodyEpisode, ...]
    separations: tuple[SynthSeparation, ...]
    elections: tuple[SynthElection, ...]
    removals: tuple[SynthRemoval, ...]

    @cached_property
    def family_of(self) -> Mapping[str, SynthFamily]:
        """Person key → the family they were apprehended with."""
        return {key: family for family in self.families for key, _ in family.members}

    @cached_property
    def role_of(self) -> Mapping[str, MemberRole]:
        return {key: role for family in self.families for key, role in family.members}

    @cached_property
    def episodes_of(self) -> Mapping[str, tuple[SynthCustodyEpisode, ...]]:
        return grouped(self.episodes, lambda episode: (episode.person_key,))

    @cached_property
    def separations_of(self) -> Mapping[str, tuple[SynthSeparation, ...]]:
        """Person key (parent or child) → the separations they are part of."""
        return grouped(self.separations, lambda found: (found.parent_key, found.child_key))

    @cached_property
    def elections_of(self) -> Mapping[str, tuple[SynthElection, ...]]:
        """Parent key → their elections, in the order they were made."""
        return grouped(self.elections, lambda election: (election.parent_key,))

    @cached_property
    def removal_of(self) -> Mapping[str, SynthRemoval]:
        """Person key → their removal (the generator removes no one twice)."""
        return {removal.person_key: removal for removal in self.removals}

    def relationships(self) -> tuple[tuple[str, str], ...]:
        """Every (parent or legal guardian, child) pair, family by family."""
        return tuple(
            (parent, child)
            for family in self.families
            for parent in family.parents
            for child in family.children
        )
