"""Person ids survive a re-run of linkage: a cluster keeps the id most of its records
had; a split keeps the id on the larger part; new records get new ids."""

from collections.abc import Callable
from itertools import count
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.linkage.person_ids import stable_person_ids

pytestmark = pytest.mark.sqlite

ALICE = UUID(int=1)
BORIS = UUID(int=2)


def numbered() -> Callable[[], UUID]:
    counter = count(100)
    return lambda: UUID(int=next(counter))


def test_the_same_clusters_keep_their_ids() -> None:
    previous = {"cbp:1": ALICE, "ice:1": ALICE, "cbp:2": BORIS}

    ids = stable_person_ids({"cbp:1": "x", "ice:1": "x", "cbp:2": "y"}, previous)

    assert ids == previous


def test_a_split_keeps_the_id_on_the_larger_part_and_mints_one_for_the_other() -> None:
    previous = {"cbp:1": ALICE, "ice:1": ALICE, "orr:1": ALICE}

    ids = stable_person_ids({"cbp:1": "a", "ice:1": "a", "orr:1": "b"}, previous, new_id=numbered())

    assert ids["cbp:1"] == ids["ice:1"] == ALICE
    assert ids["orr:1"] == UUID(int=100)


def test_a_merge_keeps_the_id_of_the_majority_and_new_records_join_it() -> None:
    previous = {"cbp:1": ALICE, "ice:1": ALICE, "orr:1": BORIS}

    ids = stable_person_ids({"cbp:1": "m", "ice:1": "m", "orr:1": "m", "ice:9": "m"}, previous)

    assert set(ids.values()) == {ALICE}


@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 5), max_size=30),
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 5), max_size=30),
)
def test_clusters_and_ids_correspond_one_to_one(
    clusters: dict[str, int], earlier: dict[str, int]
) -> None:
    previous = {record: UUID(int=person) for record, person in earlier.items()}

    ids = stable_person_ids(clusters, previous)

    assert set(ids) == set(clusters)
    by_cluster: dict[int, set[UUID]] = {}
    for record, cluster in clusters.items():
        by_cluster.setdefault(cluster, set()).add(ids[record])
    assert all(len(found) == 1 for found in by_cluster.values())
    assert len({next(iter(found)) for found in by_cluster.values()}) == len(by_cluster)
