"""Linked records become family records: persons, units, custody, separations, elections.

Given a generated world's extracts imported and linked, when linkage writes the family
records, then they agree with the world's own truth (up to linkage's error), every row
names the extract row it came from, and a second run changes nothing.
"""

import csv
from collections import Counter
from itertools import pairwise
from pathlib import Path
from uuid import UUID

import pytest

from reunify.elections.facts import rules_the_record_cannot_show
from reunify.elections.models import Election
from reunify.elections.validity import EXTRACT_CANNOT_SHOW
from reunify.families.models import (
    CustodyEpisode,
    FamilyUnit,
    Membership,
    Person,
    PersonLanguage,
    Reunion,
    Separation,
)
from reunify.linkage.family_records.refresh import family_records_refresh
from reunify.linkage.models import LinkageRun, LinkedRecord
from reunify.linkage.services import linkage_run
from reunify.synth import build_world, write_extracts
from reunify.synth.world import World
from reunify.vocabulary import CounselChoice, CustodyKind, ElectionOrigin, ReunionMethod
from tests.linkage.worlds import import_all

pytestmark = pytest.mark.django_db

FAMILIES, SEED = 300, 12


def person_of_key(folder: Path) -> dict[str, UUID]:
    """Each true person's linked id: the id most of their records were given."""
    linked = {
        f"{source}:{record_id}": person
        for source, record_id, person in LinkedRecord.objects.values_list(
            "source", "record_id", "person_id"
        )
    }
    votes: dict[str, Counter[UUID]] = {}
    with (folder / "truth_persons.csv").open() as truth:
        for row in csv.DictReader(truth):
            found = linked.get(f"{row['source']}:{row['record_id']}")
            if found is not None:
                votes.setdefault(row["person"], Counter())[found] += 1
    return {key: counted.most_common(1)[0][0] for key, counted in votes.items()}


@pytest.fixture
def world_linked(tmp_path: Path) -> tuple[World, dict[str, UUID]]:
    world = build_world(FAMILIES, SEED)
    write_extracts(world, tmp_path, SEED)
    import_all(tmp_path)
    linkage_run(actor=None, actor_label="test")
    return world, person_of_key(tmp_path)


def share(found: set[tuple[UUID, UUID]], wanted: set[tuple[UUID, UUID]]) -> tuple[float, float]:
    both = len(found & wanted)
    return both / max(len(found), 1), both / max(len(wanted), 1)


def test_separations_are_the_worlds_within_linkage_error(
    world_linked: tuple[World, dict[str, UUID]],
) -> None:
    world, ids = world_linked
    wanted = {
        (ids[s.parent_key], ids[s.child_key])
        for s in world.separations
        if s.parent_key in ids and s.child_key in ids
    }
    found = set(Separation.objects.values_list("parent_id", "child_id"))
    precision, recall = share(found, wanted)
    assert precision >= 0.97, precision
    assert recall >= 0.95, recall
    assert not Separation.objects.filter(source_record=None).exists()


def test_removals_and_joint_removals_are_in_custody_and_reunions(
    world_linked: tuple[World, dict[str, UUID]],
) -> None:
    world, ids = world_linked
    removed = set(
        CustodyEpisode.objects.filter(kind=CustodyKind.REMOVED).values_list("person_id", flat=True)
    )
    truly_removed = {ids[r.person_key] for r in world.removals if r.person_key in ids}
    assert len(removed & truly_removed) >= 0.97 * len(truly_removed)
    separated = {(s.parent_key, s.child_key) for s in world.separations}
    flown_with_parent = {
        ids[child]
        for r in world.removals
        for child in r.children_on_same_removal
        if child in ids and (r.person_key, child) in separated
    }
    assert flown_with_parent
    closed_by_joint_removal = set(
        Separation.objects.filter(reunion__method=ReunionMethod.JOINT_REMOVAL).values_list(
            "child_id", flat=True
        )
    )
    assert closed_by_joint_removal <= flown_with_parent
    assert len(closed_by_joint_removal) >= 0.9 * len(flown_with_parent)
    # Nobody is in two places at once, and each episode follows the last.
    for person in Person.objects.filter(from_extracts=True)[:200]:
        episodes = list(person.custody_episodes.order_by("started_at"))
        assert sum(e.ended_at is None for e in episodes) == 1
        for earlier, later in pairwise(episodes):
            assert earlier.ended_at == later.started_at


def test_historical_elections_are_recorded_as_the_extract_states_them(
    world_linked: tuple[World, dict[str, UUID]],
) -> None:
    world, ids = world_linked
    elections = Election.objects.all()
    assert elections.count() == len(world.elections)
    for election in elections:
        assert election.origin == ElectionOrigin.EXTRACT
        assert election.source_record.startswith("ice:")
        assert rules_the_record_cannot_show(election) == EXTRACT_CANNOT_SHOW
        assert not election.is_acknowledged
        assert election.counsel in (CounselChoice.UNKNOWN, CounselChoice.NOT_RECORDED)
    by_parent = Counter(ids[e.parent_key] for e in world.elections if e.parent_key in ids)
    assert Counter(elections.values_list("parent_id", flat=True)) == by_parent


def test_a_person_speaks_every_language_any_record_shows(
    world_linked: tuple[World, dict[str, UUID]],
) -> None:
    world, ids = world_linked
    parents = {e.parent_key for e in world.elections}
    for key in sorted(parents)[:40]:
        spoken = PersonLanguage.objects.filter(person_id=ids[key]).values_list("code", flat=True)
        assert set(spoken) == set(world.persons[key].languages), key


def test_a_second_run_refreshes_in_place(world_linked: tuple[World, dict[str, UUID]]) -> None:
    models = (Person, FamilyUnit, Membership, CustodyEpisode, Separation, Reunion, Election)
    before = {model: set(model.objects.values_list("pk", flat=True)) for model in models}
    references = dict(FamilyUnit.objects.values_list("pk", "reference"))

    linkage_run(actor=None, actor_label="test")

    for model in models:
        assert set(model.objects.values_list("pk", flat=True)) == before[model], model
    assert dict(FamilyUnit.objects.values_list("pk", "reference")) == references
    assert Membership.objects.filter(family_unit__source_record__isnull=False).count() == len(
        before[Membership]
    )


def test_a_person_no_record_names_any_more_goes_on_the_next_refresh(
    world_linked: tuple[World, dict[str, UUID]],
) -> None:
    # Given a person of one detention record, with nothing recorded about them
    # elsewhere, whose record a reviewer then finds is someone else's
    referenced = (
        set(Membership.objects.values_list("person_id", flat=True))
        | set(Election.objects.values_list("parent_id", flat=True))
        | set(Separation.objects.values_list("child_id", flat=True))
        | set(Separation.objects.values_list("parent_id", flat=True))
    )
    counted = Counter(LinkedRecord.objects.values_list("person_id", flat=True))
    alone = LinkedRecord.objects.filter(source="ice").exclude(person_id__in=referenced)
    record = next(linked for linked in alone if counted[linked.person_id] == 1)
    gone, other = record.person_id, LinkedRecord.objects.exclude(person_id=record.person_id)[0]
    LinkedRecord.objects.filter(pk=record.pk).update(person_id=other.person_id)

    # When the family records are refreshed
    family_records_refresh(actor=None, run=LinkageRun.objects.latest("started_at"))

    # Then the person is gone and their custody with them
    assert not Person.objects.filter(pk=gone).exists()
    assert not CustodyEpisode.objects.filter(person_id=gone).exists()
    assert CustodyEpisode.objects.filter(
        source_record=f"ice:{record.record_id}"
    ).get().person_id == (other.person_id)
