"""People's decisions on record pairs, applied to a fresh clustering.

Splink clusters the records anew on every run; a reviewer's "same person" or "different
people" must hold whatever the model now thinks. Pure: plain mappings in and out.
"""

from collections.abc import Hashable, Iterable, Mapping


def apply_decisions(
    clusters: Mapping[str, Hashable],
    same: Iterable[tuple[str, str]],
    different: Iterable[tuple[str, str]],
) -> dict[str, Hashable]:
    """`clusters` (record → cluster) with every "same" pair joined into one cluster and
    every "different" pair parted: of a parted pair, the second record leaves its cluster
    (with whatever records a "same" decision ties to it) for a cluster of its own.

    Pairs naming a record not in `clusters` are ignored (it was not imported again).
    """
    result = dict(clusters)
    parent: dict[str, str] = {}

    def root(record: str) -> str:
        while parent.get(record, record) != record:
            record = parent[record]
        return record

    for left, right in same:
        if left in result and right in result:
            parent[root(right)] = root(left)
    tied: dict[str, list[str]] = {}
    for record in parent.keys() | set(parent.values()):
        tied.setdefault(root(record), []).append(record)
    for group in tied.values():
        cluster = result[min(group)]
        for record in group:
            result[record] = cluster

    for left, right in different:
        if left not in result or right not in result or result[left] != result[right]:
            continue
        if root(left) == root(right):
            continue  # a "same" decision ties them; the later decision cannot part them
        leaving = tied.get(root(right), [right])
        for record in leaving:
            result[record] = ("parted", right)
    return result
