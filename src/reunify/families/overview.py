"""The family page's picture of a unit: each member, where each is now, who is apart
from whom, and a timeline with one column per member.

Built from already-loaded records (see `selectors.members_of` and `separations_of`), so
it runs no query of its own.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from reunify.families.choices import PARENTAL_ROLES, MemberRole
from reunify.families.models import CustodyEpisode, Membership, Person, Separation


@dataclass(frozen=True)
class MemberNow:
    membership: Membership
    person: Person
    age: int | None
    current: CustodyEpisode | None

    @property
    def is_parental(self) -> bool:
        return self.membership.role in PARENTAL_ROLES

    @property
    def is_child(self) -> bool:
        return self.membership.role == MemberRole.CHILD


@dataclass(frozen=True)
class OpenSeparation:
    separation: Separation
    child: MemberNow
    parent: MemberNow
    days_apart: int


@dataclass(frozen=True)
class TimelineRow:
    at: datetime
    kind: str  # "custody", "separation" or "reunion", for styling and screen readers
    cells: tuple[str, ...]  # one per member column, "" where the event does not concern them


@dataclass(frozen=True)
class FamilyOverview:
    members: list[MemberNow]
    open_separations: list[OpenSeparation]
    closed_separations: list[Separation]
    timeline: list[TimelineRow] = field(default_factory=list)

    @property
    def separated_children(self) -> int:
        return len({s.child.person.pk for s in self.open_separations})

    @property
    def apart_person_ids(self) -> set[object]:
        """Everyone on either side of an open separation."""
        return {s.child.person.pk for s in self.open_separations} | {
            s.parent.person.pk for s in self.open_separations
        }


def _current_episode(person: Person) -> CustodyEpisode | None:
    episodes: list[CustodyEpisode] = getattr(person, "episodes_in_order", [])
    open_ones = [e for e in episodes if e.ended_at is None]
    return open_ones[-1] if open_ones else None


def build_family_overview(
    memberships: list[Membership], separations: list[Separation], *, today: date
) -> FamilyOverview:
    members = [
        MemberNow(
            membership=m,
            person=m.person,
            age=m.person.age_on(today),
            current=_current_episode(m.person),
        )
        for m in memberships
    ]
    by_person = {member.person.pk: member for member in members}
    open_separations = [
        OpenSeparation(
            separation=s,
            child=by_person[s.child_id],
            parent=by_person[s.parent_id],
            days_apart=(today - s.separated_at.date()).days,
        )
        for s in separations
        if s.is_open and s.child_id in by_person and s.parent_id in by_person
    ]
    return FamilyOverview(
        members=members,
        open_separations=open_separations,
        closed_separations=[s for s in separations if not s.is_open],
        timeline=_timeline(members, separations),
    )


def _timeline(members: list[MemberNow], separations: list[Separation]) -> list[TimelineRow]:
    column = {member.person.pk: index for index, member in enumerate(members)}
    rows: list[tuple[datetime, int, str, dict[int, str]]] = []
    for member in members:
        for episode in getattr(member.person, "episodes_in_order", []):
            text = f"{episode.get_kind_display()}: {episode.where}"
            rows.append((episode.started_at, 0, "custody", {column[member.person.pk]: text}))
    for s in separations:
        if s.parent_id not in column or s.child_id not in column:
            continue
        cells = {
            column[s.parent_id]: f"Separated from {s.child.given_names} ({s.get_reason_display()})",
            column[s.child_id]: f"Separated from {s.parent.given_names}",
        }
        rows.append((s.separated_at, 1, "separation", cells))
        if s.reunion is not None:
            reunion_text = f"Reunited ({s.reunion.get_method_display()})"
            rows.append(
                (
                    s.reunion.reunited_at,
                    2,
                    "reunion",
                    {column[s.parent_id]: reunion_text, column[s.child_id]: reunion_text},
                )
            )
    rows.sort(key=lambda row: (row[0], row[1]))
    # Events of one kind at one moment in different columns share a row: a family
    # apprehended together reads as one line, not one line per member.
    merged: list[tuple[datetime, str, dict[int, str]]] = []
    for at, _, kind, cells in rows:
        last = merged[-1] if merged else None
        if last and last[0] == at and last[1] == kind and not last[2].keys() & cells.keys():
            last[2].update(cells)
        else:
            merged.append((at, kind, dict(cells)))
    width = len(members)
    return [
        TimelineRow(at=at, kind=kind, cells=tuple(cells.get(i, "") for i in range(width)))
        for at, kind, cells in merged
    ]
