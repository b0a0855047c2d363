"""The demo loads the generated world's elections as historical records the rules can judge.

Given a generated world loaded through `load_world`, every election is in the database
with the children it names, and judging one gives the deficiencies its story implies:
a spoken one is verbal and lacks counsel advisal, a well-made one is valid.
"""

from collections import Counter
from datetime import timedelta
from uuid import UUID

import pytest

from reunify.audit.models import HistoryEntry
from reunify.demo.bulk_insert import moment
from reunify.demo.load_elections import ACKNOWLEDGER_NAME, MORE_TIME_DAYS, RECORDER_NAME
from reunify.demo.load_world import load_world
from reunify.elections.facts import judge_election
from reunify.elections.models import Election
from reunify.synth import SynthElection, World, build_world
from reunify.vocabulary import Deficiency, ElectionForm, ElectionOption

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

FAMILIES = 800
SEED = 2018


@pytest.fixture(scope="module")
def world() -> World:
    return build_world(FAMILIES, SEED)


@pytest.fixture
def person_ids(world: World) -> dict[str, UUID]:
    """The world loaded; each generated person's key → the id of their loaded row.

    Each family's history entry lists its members' ids in the world's member order.
    """
    counts = load_world(world)
    assert counts.elections == len(world.elections)
    families = {family.key: family for family in world.families}
    ids: dict[str, UUID] = {}
    for entry in HistoryEntry.objects.filter(action="family.loaded"):
        members = families[entry.changes["family"]].members
        ids.update(
            (key, UUID(person_id))
            for (key, _), person_id in zip(members, entry.person_ids, strict=True)
        )
    return ids


def loaded(election: SynthElection, person_ids: dict[str, UUID]) -> Election:
    return Election.objects.get(
        parent_id=person_ids[election.parent_key], made_at=moment(election.made_on)
    )


def is_latest(world: World, election: SynthElection) -> bool:
    return world.elections_of[election.parent_key][-1] is election


def names_every_child_apart(world: World, election: SynthElection) -> bool:
    """The election names every child separated from the parent, not reunited, that day."""
    apart = {
        separation.child_key
        for separation in world.separations_of[election.parent_key]
        if separation.parent_key == election.parent_key
        and separation.separated_on <= election.made_on
        and (separation.reunited_on is None or separation.reunited_on > election.made_on)
    }
    return apart <= set(election.children)


def without_other_flaws(world: World, election: SynthElection) -> bool:
    """Latest, acknowledged, understood, covering every child, waiver stated if needed."""
    parent_languages = world.persons[election.parent_key].languages
    return (
        is_latest(world, election)
        and election.acknowledged
        and (
            election.notice_language in parent_languages
            or election.interpreter_language in parent_languages
        )
        and names_every_child_apart(world, election)
        and (
            election.option is not ElectionOption.CHILDREN_REMAIN or bool(election.waiver_explicit)
        )
    )


def test_every_election_is_loaded_with_the_children_it_names(
    world: World, person_ids: dict[str, UUID]
) -> None:
    assert Election.objects.count() == len(world.elections) > 0
    assert Election.children.through.objects.count() == sum(
        len(election.children) for election in world.elections
    )
    expected = Counter(
        (
            person_ids[e.parent_key],
            moment(e.made_on),
            str(e.option),
            frozenset(person_ids[child] for child in e.children),
        )
        for e in world.elections
    )
    actual = Counter(
        (
            row.parent_id,
            row.made_at,
            row.option,
            frozenset(row.children.values_list("pk", flat=True)),
        )
        for row in Election.objects.prefetch_related("children")
    )
    assert actual == expected


def test_loaded_elections_are_historical_records(world: World, person_ids: dict[str, UUID]) -> None:
    for election in world.elections:
        row = loaded(election, person_ids)
        assert (row.recorded_by, row.recorder_name, row.notice) == (None, RECORDER_NAME, None)
        if election.acknowledged:
            assert row.acknowledged_at == row.made_at + timedelta(days=1)
            assert row.acknowledger_name == ACKNOWLEDGER_NAME
        else:
            assert (row.acknowledged_at, row.acknowledger_name) == (None, "")
        if election.option is ElectionOption.MORE_TIME:
            assert row.more_time_until == election.made_on + timedelta(days=MORE_TIME_DAYS)
        else:
            assert row.more_time_until is None
        if election.form is ElectionForm.SIGNED:
            assert (row.signature, row.signed_on) == ("SIGNATURE", election.made_on)
        else:
            assert (row.signature, row.signed_on) == ("", None)


def test_a_spoken_election_is_verbal_and_lacks_counsel_advisal(
    world: World, person_ids: dict[str, UUID]
) -> None:
    verbal = [e for e in world.elections if e.form is ElectionForm.VERBAL]
    assert verbal
    for election in verbal:
        codes = judge_election(
            loaded(election, person_ids), is_latest=is_latest(world, election)
        ).deficiencies
        assert Deficiency.VERBAL_ONLY in codes
        assert Deficiency.NO_COUNSEL_ADVISAL in codes
        assert Deficiency.UNSIGNED not in codes

    spoken_to_spanish_speaker = next(
        e
        for e in verbal
        if "spa" in world.persons[e.parent_key].languages and without_other_flaws(world, e)
    )
    judged = judge_election(loaded(spoken_to_spanish_speaker, person_ids), is_latest=True)
    assert judged.deficiencies == (Deficiency.VERBAL_ONLY, Deficiency.NO_COUNSEL_ADVISAL)
    assert not judged.is_valid


def test_a_signed_acknowledged_election_with_counsel_advisal_is_valid(
    world: World, person_ids: dict[str, UUID]
) -> None:
    well_made = next(
        e
        for e in world.elections
        if e.form is ElectionForm.SIGNED and e.counsel_advised and without_other_flaws(world, e)
    )
    judged = judge_election(loaded(well_made, person_ids), is_latest=True)
    assert judged.deficiencies == ()
    assert judged.is_valid


def test_an_election_the_parent_changed_is_superseded(
    world: World, person_ids: dict[str, UUID]
) -> None:
    earlier = next(elections[0] for elections in world.elections_of.values() if len(elections) > 1)
    judged = judge_election(loaded(earlier, person_ids), is_latest=False)
    assert Deficiency.SUPERSEDED in judged.deficiencies
