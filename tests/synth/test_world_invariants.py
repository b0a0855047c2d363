"""The ground truth is coherent: custody, ages, separations, removals, elections."""

import re
from datetime import timedelta
from itertools import pairwise

from reunify.synth import World
from reunify.vocabulary import CustodyKind, MemberRole, ReunionMethod


def test_keys_have_their_documented_shapes(world: World) -> None:
    assert all(re.fullmatch(r"P\d{7}", key) for key in world.persons)
    assert all(re.fullmatch(r"F\d{6}", family.key) for family in world.families)
    members = [key for family in world.families for key, _ in family.members]
    assert sorted(members) == sorted(world.persons)


def test_custody_starts_at_the_station_and_never_overlaps(world: World) -> None:
    for key, episodes in world.episodes_of.items():
        family = world.family_of[key]
        first = episodes[0]
        assert first.kind is CustodyKind.BORDER_STATION
        assert (first.started_on, first.place) == (family.apprehended_on, family.station)
        for before, after in pairwise(episodes):
            # contiguous: one ends the day the next begins, and time moves on
            assert before.ended_on == after.started_on, key
            assert before.started_on < before.ended_on, key
        assert all(episode.ended_on is not None for episode in episodes[:-1])


def test_places_and_countries_fit_the_kind_of_custody(world: World) -> None:
    for episode in world.episodes:
        if episode.kind is CustodyKind.REMOVED:
            assert episode.country is not None
            assert episode.place is None
        else:
            assert episode.country is None
        if episode.kind is CustodyKind.RELEASED:
            assert episode.place is None
        if episode.kind is CustodyKind.SPONSOR:
            assert episode.place is not None
            assert episode.place.startswith("sponsor: ")


def test_children_are_minors_and_parents_at_least_fifteen_years_older(world: World) -> None:
    for family in world.families:
        for child in family.children:
            assert world.persons[child].age_on(family.apprehended_on) < 18
        for adult in family.keys_with_role(
            MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN, MemberRole.OTHER_RELATIVE
        ):
            assert world.persons[adult].age_on(family.apprehended_on) >= 18
        for parent in family.parents:
            for child in family.children:
                gap = world.persons[child].birth_date - world.persons[parent].birth_date
                assert gap >= timedelta(days=15 * 365), (parent, child)


def test_separations_join_a_parent_or_guardian_to_a_child_of_the_same_family(world: World) -> None:
    assert world.separations
    for separation in world.separations:
        family = world.family_of[separation.parent_key]
        assert family.key == separation.family_key
        assert separation.parent_key in family.parents
        assert separation.child_key in family.children
        assert separation.separated_on >= family.apprehended_on
        if separation.reunited_on is None:
            assert separation.reunion_setting is None
            assert separation.reunion_method is None
        else:
            assert separation.reunited_on > separation.separated_on
            assert separation.reunion_method is not None


def test_every_removed_episode_has_its_removal(world: World) -> None:
    removed = {
        (episode.person_key, episode.started_on, episode.country)
        for episode in world.episodes
        if episode.kind is CustodyKind.REMOVED
    }
    removals = {(r.person_key, r.removed_on, r.country) for r in world.removals}
    assert removed == removals
    assert len(world.removals) == len(world.removal_of)  # one removal per person


def test_children_on_a_removal_were_removed_with_the_parent(world: World) -> None:
    for removal in world.removals:
        for child in removal.children_on_same_removal:
            theirs = world.removal_of[child]
            assert (theirs.removed_on, theirs.country) == (removal.removed_on, removal.country)
            assert world.family_of[child] is world.family_of[removal.person_key]
            for separation in world.separations_of.get(child, ()):
                if separation.parent_key == removal.person_key:
                    assert separation.reunion_method is ReunionMethod.JOINT_REMOVAL
                    assert separation.reunited_on == removal.removed_on


def test_a_parent_removed_without_a_separated_child_leaves_that_child_in_the_country(
    world: World,
) -> None:
    # given parents removed without some child separated from them
    left_behind = [
        (removal, separation)
        for removal in world.removals
        for separation in world.separations_of.get(removal.person_key, ())
        if separation.parent_key == removal.person_key
        and separation.child_key not in removal.children_on_same_removal
    ]
    assert left_behind

    # then that child was not removed that day, nor reunified before it
    for removal, separation in left_behind:
        child_removal = world.removal_of.get(separation.child_key)
        assert child_removal is None or child_removal.removed_on != removal.removed_on
        assert separation.reunited_on is None or separation.reunited_on > removal.removed_on


def test_elections_belong_to_separated_parents_and_name_their_children(world: World) -> None:
    assert world.elections
    for election in world.elections:
        separated_children = {
            s.child_key
            for s in world.separations_of.get(election.parent_key, ())
            if s.parent_key == election.parent_key
        }
        assert election.children
        assert set(election.children) <= separated_children
        assert election.made_on > min(
            s.separated_on for s in world.separations_of[election.parent_key]
        )
    for elections in world.elections_of.values():
        days = [election.made_on for election in elections]
        assert days == sorted(days)


def test_a_numbers_are_unique_nine_digit_strings(world: World) -> None:
    numbers = [p.a_number for p in world.persons.values() if p.a_number is not None]
    assert all(re.fullmatch(r"\d{9}", number) for number in numbers)
    assert len(numbers) == len(set(numbers))
    assert any(number.startswith("0") for number in numbers)
    children_without = [
        key for key, role in world.role_of.items()
        if role is MemberRole.CHILD and world.persons[key].a_number is None
    ]  # fmt: skip
    assert children_without


def test_phones_are_e164(world: World) -> None:
    phones = [p.phone for p in world.persons.values() if p.phone is not None]
    assert phones
    assert all(re.fullmatch(r"\+[1-9]\d{9,13}", phone) for phone in phones)
