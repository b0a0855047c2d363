"""The class of each removed parent in the removals report: pure, over plain values.

DESIGN.md "Oversight: the removals report": each removed parent falls in exactly one of
four classes, so the four add up to `removed_parents_with_separated_children`:

- no governing election → `without_any_election`;
- an election with any deficiency → `with_deficient_election`, whatever its option;
- otherwise DEPART_WITH_CHILDREN or MORE_TIME, and removed without the child →
  `removed_contrary_to_election`;
- otherwise (a valid CHILDREN_REMAIN) → `with_valid_election`.

A valid election whose record cannot show some rules (a historical extract: no
acknowledgment, waiver wording or children named) is also counted as
`acknowledgment_unknown`. A removal that passed the gate only by a supervisor's override
is counted in `gate_overrides`, beside its class.
"""

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from reunify.oversight.counted_removals import Removal
from reunify.vocabulary import Deficiency, ElectionOption, ElectionOrigin


class RemovalClass(StrEnum):
    """The four classes, named by their published JSON keys."""

    VALID = "with_valid_election"
    NO_ELECTION = "without_any_election"
    DEFICIENT = "with_deficient_election"
    CONTRARY = "removed_contrary_to_election"


CLASS_LABELS: dict[RemovalClass, str] = {
    RemovalClass.VALID: "Valid election to leave the children",
    RemovalClass.NO_ELECTION: "No election at all",
    RemovalClass.DEFICIENT: "Deficient election",
    RemovalClass.CONTRARY: "Removed contrary to the election",
}


def removal_class(
    option: ElectionOption | None, deficiencies: tuple[Deficiency, ...]
) -> RemovalClass:
    if option is None:
        return RemovalClass.NO_ELECTION
    if deficiencies:
        return RemovalClass.DEFICIENT
    if option is ElectionOption.CHILDREN_REMAIN:
        return RemovalClass.VALID
    return RemovalClass.CONTRARY


@dataclass(frozen=True, slots=True)
class GoverningVerdict:
    """The parent's governing election as judged for the report."""

    election_id: Hashable
    option: ElectionOption
    origin: ElectionOrigin
    made_at: datetime
    deficiencies: tuple[Deficiency, ...]
    unjudged: frozenset[Deficiency]

    @property
    def rests_on_unknowns(self) -> bool:
        return bool(self.unjudged)


@dataclass(frozen=True, slots=True)
class CountedParent:
    """One removed parent the report counts, with everything its figures rest on.

    Its class, id as text and month of removal are worked out once: a national report
    asks for them of a few hundred thousand parents, several times each."""

    person_id: Hashable
    removal: Removal
    children_left: tuple[Hashable, ...]
    nationality: str
    verdict: GoverningVerdict | None
    passed_by_override: bool = False
    override_justifications: tuple[str, ...] = field(default=())
    removal_class: RemovalClass = field(init=False, compare=False, repr=False)
    person_key: str = field(init=False, compare=False, repr=False)
    removal_month: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        verdict = self.verdict
        found = (
            removal_class(None, ())
            if verdict is None
            else removal_class(verdict.option, verdict.deficiencies)
        )
        object.__setattr__(self, "removal_class", found)
        object.__setattr__(self, "person_key", str(self.person_id))
        at = self.removal.at.astimezone(UTC)
        object.__setattr__(self, "removal_month", f"{at.year:04d}-{at.month:02d}")

    @property
    def deficiencies(self) -> tuple[Deficiency, ...]:
        return () if self.verdict is None else self.verdict.deficiencies

    @property
    def acknowledgment_unknown(self) -> bool:
        """Valid only as far as the record can show: acknowledgment (and the rest an
        extract cannot show) unknown."""
        return (
            self.removal_class is RemovalClass.VALID
            and self.verdict is not None
            and self.verdict.rests_on_unknowns
        )
