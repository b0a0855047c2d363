"""The world looks like the families of 2017-2018: who, where, how many separated."""

from collections import Counter

from reunify.synth import World, build_world
from reunify.synth.periods import DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY
from reunify.synth.places import SECTORS

MAYAN = {"quc", "mam", "kjb", "cak", "kek", "knj", "cac", "ixl", "jac"}


def test_a_fifth_to_a_third_of_families_are_separated(world: World) -> None:
    separated = {s.family_key for s in world.separations}
    assert 0.20 <= len(separated) / len(world.families) <= 0.35


def test_separated_families_are_mostly_guatemalan_honduran_salvadoran(world: World) -> None:
    separated_parents = {s.parent_key for s in world.separations}
    shares = Counter(world.persons[key].citizenship for key in separated_parents)
    total = sum(shares.values())
    assert 0.32 <= shares["GT"] / total <= 0.48
    assert 0.22 <= shares["HN"] / total <= 0.38
    assert 0.09 <= shares["SV"] / total <= 0.21
    assert {"MX", "BR"} <= set(shares)


def test_many_guatemalans_speak_a_mayan_language_some_without_spanish(world: World) -> None:
    guatemalans = [p for p in world.persons.values() if p.citizenship == "GT"]
    mayan = [p for p in guatemalans if p.languages[0] in MAYAN]
    assert 0.35 <= len(mayan) / len(guatemalans) <= 0.7
    assert any("spa" not in p.languages for p in mayan)
    brazilians = [p for p in world.persons.values() if p.citizenship == "BR"]
    assert brazilians
    assert all(p.languages == ("por",) for p in brazilians)


def test_names_carry_particles_accents_and_single_surnames(world: World) -> None:
    surnames = Counter(p.first_surname for p in world.persons.values())
    assert surnames.most_common(1)[0][0] in {"López", "Hernández", "Pérez", "García", "Martínez"}
    assert any(name.startswith(("de ", "De ", "del ", "da ", "dos ")) for name in surnames)
    assert any(p.second_surname == "" for p in world.persons.values())
    assert any(" " in p.given_names for p in world.persons.values())


def test_apprehensions_fall_in_the_span_at_real_stations(world: World) -> None:
    for family in world.families:
        assert DEFAULT_FIRST_DAY <= family.apprehended_on <= DEFAULT_LAST_DAY
        assert family.station in {s.name for s in SECTORS[family.sector].stations.values}
    assert len({family.sector for family in world.families}) == len(SECTORS)


def test_most_separations_followed_prosecution(world: World) -> None:
    reasons = Counter(s.reason for s in world.separations)
    assert reasons.most_common(1)[0][0] == "PARENT_PROSECUTED"
    assert len(reasons) >= 6
    assert all(s.reason_detail for s in world.separations if s.reason == "OTHER")


def test_some_families_share_an_apprehension_event() -> None:
    families = build_world(300, 5).families
    events = Counter(family.event_id for family in families)
    assert max(events.values()) > 1
