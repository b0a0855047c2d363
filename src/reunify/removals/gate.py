"""The removal gate: may this parent be removed, given each child separated from them?

DESIGN.md "The removal gate". For every child at stake (in a family unit with the parent
as parent or legal guardian, separated from them, not reunified), the removal passes only
if the parent's governing election is valid and either `CHILDREN_REMAIN` covering the
child, with the child not on this removal's itinerary (taking them along would remove
them contrary to the election), or `DEPART_WITH_CHILDREN` covering the child with the
child on the itinerary; or a supervisor's override of this removal covers the child.
`MORE_TIME` blocks; no election blocks.

Pure: the caller gathers the facts with the rows locked (`removals.gate_facts`), asks,
and acts on the answer inside the same transaction.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reunify.vocabulary import Deficiency, ElectionOption, GateBlock


@dataclass(frozen=True, slots=True)
class ChildAtStake:
    key: Hashable
    name: str  # how the answer calls the child: "Ana López García, 7"


@dataclass(frozen=True, slots=True)
class GoverningElection:
    """The parent's latest election, already judged by `elections.validity`."""

    key: Hashable
    option: ElectionOption
    made_at: datetime
    children_named: frozenset[Hashable]
    deficiencies: tuple[Deficiency, ...]
    deficiency_words: tuple[str, ...]
    more_time_until: date | None


@dataclass(frozen=True, slots=True)
class GateQuestion:
    parent_name: str
    children: tuple[ChildAtStake, ...]
    election: GoverningElection | None
    notice_given: bool
    itinerary: frozenset[Hashable]
    overridden_children: frozenset[Hashable]
    today: date


@dataclass(frozen=True, slots=True)
class Block:
    child: Hashable
    child_name: str
    code: GateBlock
    reason: str
    deficiencies: tuple[Deficiency, ...] = ()
    overridden: bool = False


@dataclass(frozen=True, slots=True)
class GateAnswer:
    parent_name: str
    children: tuple[ChildAtStake, ...]
    blocks: tuple[Block, ...]  # overridden blocks stay listed: oversight sees them

    @property
    def passes(self) -> bool:
        return all(block.overridden for block in self.blocks)

    @property
    def passes_by_override(self) -> bool:
        return self.passes and any(block.overridden for block in self.blocks)

    @property
    def standing_blocks(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if not block.overridden)

    def summary(self) -> str:
        if not self.children:
            return f"Open: no child is separated from {self.parent_name}."
        if self.passes_by_override:
            return "Open by a supervisor's override; the blocks it overrides stay on record."
        if self.passes:
            return "Open: every separated child is covered by a valid election."
        count = len(self.standing_blocks)
        return f"Blocked: {count} reason{'s' if count != 1 else ''} below must be resolved."

    def to_json(self) -> dict[str, Any]:
        return {
            "passes": self.passes,
            "passes_by_override": self.passes_by_override,
            "summary": self.summary(),
            "children_at_stake": [
                {"person_id": str(child.key), "name": child.name} for child in self.children
            ],
            "blocks": [
                {
                    "child_id": str(block.child),
                    "child_name": block.child_name,
                    "code": block.code.value,
                    "reason": block.reason,
                    "deficiencies": [code.value for code in block.deficiencies],
                    "overridden": block.overridden,
                }
                for block in self.blocks
            ],
        }


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _block_for(child: ChildAtStake, question: GateQuestion) -> Block | None:
    election = question.election
    name = child.name
    if election is None:
        why = (
            "the parent has not made an election; silence is not a choice"
            if question.notice_given
            else "no notice of options has been given to the parent"
        )
        return Block(child.key, name, GateBlock.NO_ELECTION, f"no election for {name} — {why}")
    if child.key not in election.children_named:
        return Block(
            child.key,
            name,
            GateBlock.CHILD_NOT_COVERED,
            f"no election names {name} — the latest election, of "
            f"{_day(election.made_at.date())}, does not cover this child",
        )
    if election.deficiencies:
        return Block(
            child.key,
            name,
            GateBlock.ELECTION_DEFICIENT,
            f"no valid election for {name} — {'; '.join(election.deficiency_words)}",
            election.deficiencies,
        )
    if election.option is ElectionOption.MORE_TIME:
        until = election.more_time_until
        if until is not None and question.today <= until:
            return Block(
                child.key,
                name,
                GateBlock.MORE_TIME_PENDING,
                f"the parent asked for time to consult a lawyer about {name} until "
                f"{_day(until)}; no removal before then, and a new election is needed",
            )
        ended = f"ended on {_day(until)}" if until else "has no recorded end"
        return Block(
            child.key,
            name,
            GateBlock.MORE_TIME_ENDED,
            f"the time the parent asked for {ended}; a new election about {name} is needed",
        )
    if election.option is ElectionOption.CHILDREN_REMAIN and child.key in question.itinerary:
        # Removing the child with the parent is a removal contrary to the election, as
        # much as removing the parent without a child they chose to take.
        return Block(
            child.key,
            name,
            GateBlock.CHILD_ON_ITINERARY_AGAINST_ELECTION,
            f"the parent elected that {name} remain in the country, but the child is on "
            "this removal's itinerary; take the child off it, or record the parent's new "
            "election",
        )
    if election.option is ElectionOption.DEPART_WITH_CHILDREN and (
        child.key not in question.itinerary
    ):
        return Block(
            child.key,
            name,
            GateBlock.CHILD_NOT_ON_ITINERARY,
            f"the parent elected to depart with {name}, who is not on this removal's itinerary",
        )
    return None


def gate_answer(question: GateQuestion) -> GateAnswer:
    """The gate's answer, with every blocking reason for every child, in words."""
    blocks: list[Block] = []
    for child in question.children:
        block = _block_for(child, question)
        if block is None:
            continue
        if child.key in question.overridden_children:
            block = Block(
                block.child,
                block.child_name,
                block.code,
                block.reason,
                block.deficiencies,
                overridden=True,
            )
        blocks.append(block)
    return GateAnswer(question.parent_name, question.children, tuple(blocks))
