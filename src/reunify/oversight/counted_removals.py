"""Which removal of a parent the removals report judges: pure rules over plain records.

DESIGN.md "Oversight: the removals report" counts a removed person who was the parent of
a child separated from them and not on the same removal. Here that reads:

- a separation counts against a removal when the child was separated by the time of the
  removal, was not reunited with the parent before it (a reunion at the very moment of
  removal, such as a joint removal, is not "before"), and is not on that removal;
- a child is on the same removal when the child was removed at the same moment to the
  same country (the executed plan moves the parent and each child on its itinerary at one
  instant; a historical extract gives the same day and country);
- a person removed more than once is judged on the first removal that counts.

`reunify.synth.truth_removals` states the same rules over the generator's truth; the
report is tested against it.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Removal:
    """One removal of one person: when, to where, and from which facility."""

    person_id: Hashable
    at: datetime
    country: str
    facility: str = ""

    @property
    def flight(self) -> tuple[datetime, str]:
        """What the people removed together share."""
        return (self.at, self.country)


@dataclass(frozen=True, slots=True)
class SeparationSpan:
    """A child apart from a parent from `separated_at` until `reunited_at` (None: still)."""

    child_id: Hashable
    separated_at: datetime
    reunited_at: datetime | None

    def apart_at(self, moment: datetime) -> bool:
        """Separated by `moment` and not reunited before it."""
        return self.separated_at <= moment and (
            self.reunited_at is None or self.reunited_at >= moment
        )

    def apart_when_made(self, moment: datetime) -> bool:
        """Apart when an election was made at `moment`, as `elections.facts` reads it:
        a reunion at that very moment has already happened."""
        return self.separated_at <= moment and (
            self.reunited_at is None or self.reunited_at > moment
        )


@dataclass(frozen=True, slots=True)
class CountedRemoval:
    removal: Removal
    children_left: tuple[Hashable, ...]


def children_left_by(
    removal: Removal,
    separations: Iterable[SeparationSpan],
    removed_together: frozenset[Hashable],
) -> tuple[Hashable, ...]:
    """The children this removal left apart from the parent, in first-seen order."""
    left: dict[Hashable, None] = {}
    for separation in separations:
        if separation.apart_at(removal.at) and separation.child_id not in removed_together:
            left.setdefault(separation.child_id, None)
    return tuple(left)


def counted_removal(
    removals: Iterable[Removal],
    separations: Iterable[SeparationSpan],
    removed_on_flight: Mapping[tuple[datetime, str], frozenset[Hashable]],
) -> CountedRemoval | None:
    """The first removal of this parent that left a separated child behind, if any.

    `removed_on_flight` maps (moment, country) to everyone removed then and there.
    """
    spans = tuple(separations)
    for removal in sorted(removals, key=lambda found: found.at):
        together = removed_on_flight.get(removal.flight, frozenset())
        left = children_left_by(removal, spans, together)
        if left:
            return CountedRemoval(removal, left)
    return None
