"""Family units, memberships and separations from border records and accepted links.

A unit is a group of persons apprehended together (one `event_id` and `family_group`)
joined by accepted parent-child links; persons of the event with no accepted link to
anyone there make no unit. A parent the border record marks separated is apart from each
of their children in that unit, from the day of apprehension (the extract carries no
other date). One open separation per parent and child: a family apprehended twice is
separated once, at the first apprehension that says so.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID

from reunify.families.models import FamilyUnit, Membership, Separation
from reunify.linkage.family_records.linked_rows import Row
from reunify.linkage.family_records.record_keys import moment, record_uuid, unit_reference
from reunify.linkage.family_records.writing import new
from reunify.standardise.separation_reasons import separation_reason
from reunify.vocabulary import MemberRole, RelationshipEvidence

AUTHORISER = "Border patrol (named in no extract)"
Links = Mapping[tuple[UUID, UUID], float]


@dataclass
class UnitRecords:
    units: list[FamilyUnit] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    separations: list[Separation] = field(default_factory=list)


def _components(persons: list[UUID], edges: list[tuple[UUID, UUID]]) -> list[set[UUID]]:
    root = {person: person for person in persons}

    def find(person: UUID) -> UUID:
        while root[person] != person:
            root[person] = root[root[person]]
            person = root[person]
        return person

    for parent, child in edges:
        root[find(parent)] = find(child)
    grouped: dict[UUID, set[UUID]] = defaultdict(set)
    for parent, child in edges:
        grouped[find(parent)].update((parent, child))
    return list(grouped.values())


def units_from(cbp_rows: list[Row], links: Links, stations: Mapping[str, UUID]) -> UnitRecords:
    found = UnitRecords()
    events: dict[tuple[str, str], dict[UUID, Row]] = defaultdict(dict)
    for row in cbp_rows:
        events[(row["event_id"], row["family_group"])].setdefault(row["person_id"], row)
    separated_pairs: set[tuple[UUID, UUID]] = set()
    by_date = sorted(
        events.values(), key=lambda rows: min(r["apprehended_on"] for r in rows.values())
    )
    children_of: dict[UUID, set[UUID]] = defaultdict(set)
    for parent, child in links:
        children_of[parent].add(child)
    for rows in by_date:
        persons = list(rows)
        # Each person's linked children among those apprehended with them, in the order
        # the persons were listed (a unit's rows do not depend on which links came first).
        edges = [
            (parent, child)
            for parent in persons
            if parent in children_of
            for child in persons
            if child != parent and child in children_of[parent]
        ]
        for members in _components(persons, edges):
            first = min((rows[person] for person in members), key=lambda row: row["record_id"])
            source = f"cbp-unit:{first['record_id']}"
            unit = new(
                FamilyUnit,
                id=record_uuid(source),
                reference=unit_reference(source),
                apprehension_event_id=first["event_id"],
                apprehended_at=moment(first["apprehended_on"]),
                station_id=stations.get(first["station"]),
                source_record=source,
            )
            found.units.append(unit)
            inner = [(p, c) for p, c in edges if p in members]
            parents = {p for p, _ in inner}
            for person in sorted(members):
                row = rows[person]
                found.memberships.append(
                    new(
                        Membership,
                        id=record_uuid(f"{row['source_record']}@{source}"),
                        family_unit_id=unit.id,
                        person_id=person,
                        role=MemberRole.PARENT if person in parents else MemberRole.CHILD,
                        evidence=RelationshipEvidence.RECORD_LINKAGE,
                        linkage_score=max(links[pair] for pair in inner if person in pair),
                        source_record=f"{row['source_record']}@{source}",
                    )
                )
            for parent, child in sorted(inner):
                parent_row, child_row = rows[parent], rows[child]
                if not parent_row["separated"] or (parent, child) in separated_pairs:
                    continue
                separated_pairs.add((parent, child))
                reason, detail = separation_reason(
                    parent_row["separation_reason"] or child_row["separation_reason"]
                )
                key = f"{parent_row['source_record']}>{child_row['record_id']}"
                found.separations.append(
                    new(
                        Separation,
                        id=record_uuid(key),
                        family_unit_id=unit.id,
                        parent_id=parent,
                        child_id=child,
                        separated_at=moment(parent_row["apprehended_on"]),
                        reason=reason,
                        reason_detail=detail,
                        authoriser_name=AUTHORISER,
                        source_record=key,
                    )
                )
    return found
