"""Person ids that survive a re-run of linkage.

Each run clusters the records afresh; a person's id must not change because of it, or
every export, review and family link would churn. A new cluster keeps the id most of its
records had before (ties go to the smallest id, so the choice is deterministic); an id
claimed by two clusters (a person split in two) stays with the cluster holding more of
its records, and the other cluster gets a new id, as does a cluster of new records.
"""

from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from uuid import UUID, uuid4


def stable_person_ids(
    clusters: Mapping[str, Hashable],
    previous: Mapping[str, UUID],
    new_id: Callable[[], UUID] = uuid4,
) -> dict[str, UUID]:
    """Each record's person id: `clusters` maps a record to its cluster in this run,
    `previous` a record to its person id from the last run."""
    members: dict[Hashable, list[str]] = {}
    for record, cluster in clusters.items():
        members.setdefault(cluster, []).append(record)

    # Every (cluster, old id) claim with its weight; strongest claims are honoured first.
    claims = []
    # A first run has nothing to vote with: no cluster need count its records' old ids.
    for cluster, records in members.items() if previous else ():
        votes = Counter(previous[record] for record in records if record in previous)
        for old_id, count in votes.items():
            claims.append((-count, str(old_id), str(cluster), cluster, old_id))
    claims.sort(key=lambda claim: claim[:3])

    chosen: dict[Hashable, UUID] = {}
    taken: set[UUID] = set()
    for _, _, _, cluster, old_id in claims:
        if cluster not in chosen and old_id not in taken:
            chosen[cluster] = old_id
            taken.add(old_id)
    for cluster in sorted(members, key=str):
        if cluster not in chosen:
            chosen[cluster] = new_id()
    return {record: chosen[cluster] for record, cluster in clusters.items()}
