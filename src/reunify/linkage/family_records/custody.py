"""Each person's custody as the extracts tell it: apprehended at a station, booked into
detention, referred to a shelter, discharged, removed.

Every dated event starts an episode that lasts until the next one; the last stays open.
Events of one day are ordered by their kind (an hour each, see `record_keys.moment`), so
a child booked in on the day of removal is detained, then removed. A booking repeated for
a second election on the same stay is one episode.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from reunify.families.models import CustodyEpisode
from reunify.linkage.family_records.linked_rows import LinkedRows
from reunify.linkage.family_records.record_keys import moment, record_uuid
from reunify.linkage.family_records.writing import new
from reunify.vocabulary import CustodyKind

HOUR_OF = {
    CustodyKind.BORDER_STATION: 8,
    CustodyKind.DETENTION_FACILITY: 10,
    CustodyKind.SHELTER: 12,
    CustodyKind.SPONSOR: 14,
    CustodyKind.RELEASED: 14,
    CustodyKind.REMOVED: 16,
}
# Where the shelter's discharge type says the child went.
DISCHARGED_TO = {"SPONSOR": CustodyKind.SPONSOR}
Facilities = Mapping[tuple[str, str], UUID]


@dataclass(frozen=True, slots=True)
class CustodyEvent:
    on: date
    kind: CustodyKind
    place: str
    country: str
    source_record: str


def events_by_person(linked: LinkedRows) -> dict[UUID, list[CustodyEvent]]:
    events: dict[UUID, list[CustodyEvent]] = defaultdict(list)
    for row in linked.cbp:
        events[row["person_id"]].append(
            CustodyEvent(
                row["apprehended_on"], CustodyKind.BORDER_STATION, row["station"], "",
                row["source_record"],
            )
        )  # fmt: skip
    for row in linked.ice:
        if row["book_in_on"] is not None:
            events[row["person_id"]].append(
                CustodyEvent(
                    row["book_in_on"], CustodyKind.DETENTION_FACILITY, row["facility"], "",
                    row["source_record"],
                )
            )  # fmt: skip
        if row["removed_on"] is not None and row["removal_country"]:
            events[row["person_id"]].append(
                CustodyEvent(
                    row["removed_on"], CustodyKind.REMOVED, "", row["removal_country"],
                    f"{row['source_record']}:removal",
                )
            )  # fmt: skip
    for row in linked.orr:
        if row["referred_on"] is not None:
            events[row["person_id"]].append(
                CustodyEvent(
                    row["referred_on"], CustodyKind.SHELTER, row["shelter"], "",
                    row["source_record"],
                )
            )  # fmt: skip
        if row["discharged_on"] is not None:
            kind = DISCHARGED_TO.get(row["discharge_type"], CustodyKind.RELEASED)
            events[row["person_id"]].append(
                CustodyEvent(
                    row["discharged_on"], kind, "", "", f"{row['source_record']}:discharge"
                )
            )
    return events


def episodes_of(
    person_id: UUID, events: list[CustodyEvent], facilities: Facilities
) -> list[CustodyEpisode]:
    ordered = sorted(events, key=lambda event: (event.on, HOUR_OF[event.kind]))
    kept: list[CustodyEvent] = []
    for event in ordered:
        last = kept[-1] if kept else None
        if last is not None and (last.kind, last.place, last.country) == (
            event.kind,
            event.place,
            event.country,
        ):
            continue  # the same stay, listed again
        kept.append(event)
    episodes = []
    for index, event in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else None
        episodes.append(
            new(
                CustodyEpisode,
                id=record_uuid(event.source_record),
                person_id=person_id,
                kind=event.kind,
                facility_id=facilities.get((event.kind, event.place)),
                detail="" if (event.kind, event.place) in facilities else event.place,
                country=event.country,
                started_at=moment(event.on, hour=HOUR_OF[event.kind]),
                ended_at=(
                    moment(following.on, hour=HOUR_OF[following.kind])
                    if following is not None
                    else None
                ),
                source_record=event.source_record,
            )
        )
    return episodes
