"""`build_world`: the seeded ground truth of `families` apprehended family units.

For each family, in order: whether it will be separated (`SEPARATED_SHARE` of families
with a parent or legal guardian), when (separated families follow the separations'
calendar, others the apprehensions'), its nationality and language, the sector and
station, its members, its custody story, and the separated parents' elections.

Determinism: one `random.Random` seeded from the arguments drives everything, in a
fixed order; nothing reads the clock or iterates an unordered collection.
"""

from datetime import date
from random import Random

from reunify.synth.countries import FAMILY_NATIONALITIES, SEPARATED_NATIONALITIES
from reunify.synth.custody import FamilyCustody, start_at_station
from reunify.synth.custody_separated import tell_separated
from reunify.synth.custody_together import tell_together, tell_with_relative
from reunify.synth.elections import draw_elections
from reunify.synth.households import (
    FAMILY_COMPOSITIONS,
    SEPARATED_COMPOSITIONS,
    Composition,
    draw_household,
)
from reunify.synth.languages import draw_family_tongue
from reunify.synth.people import PersonFactory
from reunify.synth.periods import (
    DEFAULT_FIRST_DAY,
    DEFAULT_LAST_DAY,
    FAMILY_APPREHENSIONS_BY_MONTH,
    SEPARATIONS_BY_MONTH,
    DaySampler,
    Era,
    era_of,
)
from reunify.synth.places import (
    BRAZILIAN_EL_PASO_SHARE,
    EARLY_SEPARATION_SECTORS,
    FAMILY_SECTORS,
    SECTORS,
    ZERO_TOLERANCE_SECTORS,
)
from reunify.synth.world import (
    SynthCustodyEpisode,
    SynthElection,
    SynthFamily,
    SynthPerson,
    SynthRemoval,
    SynthSeparation,
    World,
)

# Share of families with a parent or legal guardian that are separated. The world
# over-samples separations (in reality about 4% of family units in 2017-2018) because
# separated families are what the system is for; with the families that came with
# another relative this puts roughly a quarter of all families in the separated group.
SEPARATED_SHARE = 0.28
# Families apprehended in one group with the family before them (same event id).
GROUP_APPREHENSION_SHARE = 0.08


def _sector_for(rng: Random, separated: bool, era: Era, citizenship: str) -> str:
    if citizenship == "BR" and rng.random() < BRAZILIAN_EL_PASO_SHARE:
        return "El Paso"
    if separated and era is Era.BEFORE_ZERO_TOLERANCE:
        return EARLY_SEPARATION_SECTORS.pick(rng)
    if separated and era is Era.ZERO_TOLERANCE:
        return ZERO_TOLERANCE_SECTORS.pick(rng)
    return FAMILY_SECTORS.pick(rng)


def build_world(
    families: int,
    seed: int,
    *,
    first_day: date = DEFAULT_FIRST_DAY,
    last_day: date = DEFAULT_LAST_DAY,
) -> World:
    """Generate `families` family units apprehended between `first_day` and `last_day`.

    The same arguments always give the same world.
    """
    if families < 0:
        raise ValueError(f"families must be zero or more, not {families}")
    rng = Random(f"reunify.synth.world:{seed}")
    factory = PersonFactory(rng)
    separated_days = DaySampler(first_day, last_day, SEPARATIONS_BY_MONTH)
    family_days = DaySampler(first_day, last_day, FAMILY_APPREHENSIONS_BY_MONTH)

    persons: dict[str, SynthPerson] = {}
    built: list[SynthFamily] = []
    episodes: list[SynthCustodyEpisode] = []
    separations: list[SynthSeparation] = []
    elections: list[SynthElection] = []
    removals: list[SynthRemoval] = []

    for index in range(1, families + 1):
        composition = FAMILY_COMPOSITIONS.pick(rng)
        separated = composition is not Composition.RELATIVE and rng.random() < SEPARATED_SHARE
        if separated:
            composition = SEPARATED_COMPOSITIONS.pick(rng)
        citizenship = (SEPARATED_NATIONALITIES if separated else FAMILY_NATIONALITIES).pick(rng)

        previous = built[-1] if built else None
        if previous is not None and rng.random() < GROUP_APPREHENSION_SHARE:
            apprehended_on, sector_name = previous.apprehended_on, previous.sector
            station, event_id = previous.station, previous.event_id
        else:
            apprehended_on = (separated_days if separated else family_days).pick(rng)
            sector_name = _sector_for(rng, separated, era_of(apprehended_on), citizenship)
            picked = SECTORS[sector_name].stations.pick(rng)
            station = picked.name
            event_id = f"{picked.code}{apprehended_on:%y%m%d}{index:06d}"
        era = era_of(apprehended_on)

        household = draw_household(
            rng,
            factory,
            composition=composition,
            citizenship=citizenship,
            tongue=draw_family_tongue(rng, citizenship),
            apprehended_on=apprehended_on,
        )
        family = SynthFamily(
            key=f"F{index:06d}",
            event_id=event_id,
            apprehended_on=apprehended_on,
            station=station,
            sector=sector_name,
            members=household.members,
            relative_kind=household.relative_kind,
        )
        members = {person.key: person for person in household.persons}
        story = FamilyCustody(
            rng=rng,
            family=family,
            household=household,
            persons=members,
            sector=SECTORS[sector_name],
            era=era,
            timelines=start_at_station(family),
        )
        if composition is Composition.RELATIVE:
            tell_with_relative(story)
        elif separated:
            tell_separated(story)
        else:
            tell_together(story, tuple(key for key, _ in household.members))

        persons.update(members)
        built.append(family)
        episodes.extend(story.episodes())
        separations.extend(story.separations)
        removals.extend(story.removals)
        for parent_story in story.stories:
            elections.extend(draw_elections(rng, parent_story, members[parent_story.parent_key]))

    return World(
        seed=seed,
        persons=persons,
        families=tuple(built),
        episodes=tuple(episodes),
        separations=tuple(separations),
        elections=tuple(elections),
        removals=tuple(removals),
    )
