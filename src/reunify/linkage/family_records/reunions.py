"""Which separations the extracts show ended, and how.

A child discharged from the shelter as `REUNIFIED_WITH_PARENT` was released to the
parent here; a child removed on the same day to the same country as the parent left with
them (the reunion abroad of a joint removal). A separation ends at the first such event
on or after it began; the others stay open.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from reunify.families.models import Reunion, Separation
from reunify.linkage.family_records.custody import HOUR_OF
from reunify.linkage.family_records.linked_rows import LinkedRows
from reunify.linkage.family_records.record_keys import moment, record_uuid
from reunify.linkage.family_records.writing import new
from reunify.vocabulary import CustodyKind, ReunionMethod, ReunionSetting

# At the hour of the custody change that reunites them (`custody.HOUR_OF`).
REUNION_HOUR = {
    ReunionMethod.RELEASE_TO_PARENT: HOUR_OF[CustodyKind.RELEASED],
    ReunionMethod.JOINT_REMOVAL: HOUR_OF[CustodyKind.REMOVED],
    ReunionMethod.PAROLE_OF_REMOVED_PARENT: HOUR_OF[CustodyKind.RELEASED],
}


@dataclass(frozen=True)
class ReunionEvent:
    on: date
    setting: ReunionSetting
    method: ReunionMethod
    place: str
    source_record: str


def _removals(linked: LinkedRows) -> dict[UUID, list[tuple[date, str, str]]]:
    found: dict[UUID, list[tuple[date, str, str]]] = defaultdict(list)
    for row in linked.ice:
        if row["removed_on"] is not None and row["removal_country"]:
            found[row["person_id"]].append(
                (row["removed_on"], row["removal_country"], row["source_record"])
            )
    return found


def _released_to_parent(linked: LinkedRows) -> dict[UUID, list[ReunionEvent]]:
    found: dict[UUID, list[ReunionEvent]] = defaultdict(list)
    for row in linked.orr:
        if row["discharge_type"] == "REUNIFIED_WITH_PARENT" and row["discharged_on"]:
            found[row["person_id"]].append(
                ReunionEvent(
                    row["discharged_on"], ReunionSetting.IN_COUNTRY,
                    ReunionMethod.RELEASE_TO_PARENT, row["shelter"], row["source_record"],
                )
            )  # fmt: skip
    return found


def reunions_closing(
    separations: list[Separation], linked: LinkedRows
) -> tuple[list[Reunion], Mapping[UUID, UUID]]:
    """The reunions, and for each separation they close, the reunion's id."""
    removals = _removals(linked)
    released = _released_to_parent(linked)
    reunions: dict[str, Reunion] = {}
    closes: dict[UUID, UUID] = {}
    for separation in separations:
        began = separation.separated_at.date()
        events = [event for event in released.get(separation.child_id, []) if event.on >= began]
        parent_removals = {
            (on, country) for on, country, _ in removals.get(separation.parent_id, [])
        }
        events += [
            ReunionEvent(on, ReunionSetting.ABROAD, ReunionMethod.JOINT_REMOVAL, country, source)
            for on, country, source in removals.get(separation.child_id, [])
            if on >= began and (on, country) in parent_removals
        ]
        if not events:
            continue
        # A child discharged "to the parent" on the day both are flown out left with them.
        first = min(
            events, key=lambda event: (event.on, event.method is not ReunionMethod.JOINT_REMOVAL)
        )
        key = f"{first.source_record}@{separation.family_unit_id}"
        if key not in reunions:
            reunions[key] = new(
                Reunion,
                id=record_uuid(key),
                family_unit_id=separation.family_unit_id,
                reunited_at=moment(first.on, hour=REUNION_HOUR[first.method]),
                setting=first.setting,
                method=first.method,
                place=first.place,
                source_record=key,
            )
        closes[separation.id] = reunions[key].id
    return list(reunions.values()), closes
