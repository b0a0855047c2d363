"""What happened to a family after apprehension: the shared parts of every story.

Everyone starts at the border station on the day of apprehension. From there the
story depends on whether the family was separated (`custody_separated`) or not
(`custody_together`); both use the pieces here for children in shelters, who may
leave to a sponsor, be released to a parent, be removed with one, or turn 18 in
care and pass to adult detention.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from random import Random

from reunify.synth.households import Household
from reunify.synth.periods import Era
from reunify.synth.places import Sector, describe_sponsor, draw_shelter
from reunify.synth.timeline import Timeline
from reunify.synth.world import (
    SynthCustodyEpisode,
    SynthFamily,
    SynthPerson,
    SynthRemoval,
    SynthSeparation,
)
from reunify.vocabulary import CustodyKind

# Days a child waits at the station before referral to a shelter (legally 72 hours;
# often more in 2018).
STATION_DAYS_CHILD = (1, 5)
STATION_DAYS_ADULT = (1, 3)
# Length of a child's stay in a shelter before release to a sponsor (ORR's average
# length of care was about 60 days in 2018, rising later in the year).
SHELTER_DAYS = (20, 160)
STILL_IN_SHELTER_SHARE = 0.03
# Days an 18-year-old transferred from a shelter spends in adult detention.
AGED_OUT_DETENTION_DAYS = (10, 60)


class ParentFate(StrEnum):
    """How a separated parent's own story ended."""

    REUNIFIED = "REUNIFIED"
    REMOVED_ALONE = "REMOVED_ALONE"
    REMOVED_WITH_CHILDREN = "REMOVED_WITH_CHILDREN"
    RELEASED_APART = "RELEASED_APART"
    STILL_DETAINED = "STILL_DETAINED"


@dataclass(frozen=True, slots=True)
class ParentStory:
    """What the election generator needs to know about one separated parent."""

    parent_key: str
    fate: ParentFate
    separated_on: date
    detained_from: date
    children: tuple[str, ...]
    removed_on: date | None
    # The day the parent left detention alive in the country, if they did.
    released_on: date | None


@dataclass
class FamilyCustody:
    """Everything one family's story adds to the world, and the context it is told in."""

    rng: Random
    family: SynthFamily
    household: Household
    persons: dict[str, SynthPerson]
    sector: Sector
    era: Era
    timelines: dict[str, Timeline]
    separations: list[SynthSeparation] = field(default_factory=list)
    removals: list[SynthRemoval] = field(default_factory=list)
    stories: list[ParentStory] = field(default_factory=list)

    def days(self, span: tuple[int, int]) -> timedelta:
        return timedelta(days=self.rng.randint(*span))

    def episodes(self) -> list[SynthCustodyEpisode]:
        return [episode for timeline in self.timelines.values() for episode in timeline.episodes()]

    def remove(self, adults: tuple[str, ...], on: date, children: tuple[str, ...]) -> None:
        """Remove the adults with `children` on one flight to the first adult's country."""
        country = self.persons[adults[0]].citizenship
        for key in adults + children:
            self.timelines[key].move(on, CustodyKind.REMOVED, None, country)
        self.removals.extend(SynthRemoval(key, on, country, children) for key in adults)
        self.removals.extend(SynthRemoval(key, on, country, ()) for key in children)


def start_at_station(family: SynthFamily) -> dict[str, Timeline]:
    return {
        key: Timeline(key, CustodyKind.BORDER_STATION, family.station, family.apprehended_on)
        for key, _ in family.members
    }


def send_to_shelter(story: FamilyCustody, child: str) -> date:
    """Refer a child from the station to a shelter; returns the day of referral."""
    on = story.family.apprehended_on + story.days(STATION_DAYS_CHILD)
    age = story.persons[child].age_on(on)
    shelter = draw_shelter(story.rng, story.sector, on, age)
    story.timelines[child].move(on, CustodyKind.SHELTER, shelter)
    return on


def eighteenth_birthday(person: SynthPerson) -> date:
    born = person.birth_date
    if (born.month, born.day) == (2, 29):
        return date(born.year + 18, 3, 1)
    return born.replace(year=born.year + 18)


def leave_shelter(
    story: FamilyCustody,
    child: str,
    on: date,
    kind: CustodyKind,
    place: str | None = None,
    country: str | None = None,
) -> bool:
    """End a child's shelter stay on `on`; False if they turned 18 in care first.

    A child who turns 18 in care is transferred to adult detention that day and
    released some weeks later, whatever was planned for them.
    """
    timeline = story.timelines[child]
    turns_18 = eighteenth_birthday(story.persons[child])
    if turns_18 <= on:
        transfer = max(turns_18, timeline.since + timedelta(days=1))
        timeline.move(
            transfer, CustodyKind.DETENTION_FACILITY, story.sector.detention.pick(story.rng)
        )
        timeline.move(transfer + story.days(AGED_OUT_DETENTION_DAYS), CustodyKind.RELEASED, None)
        return False
    timeline.move(on, kind, place, country)
    return True


def release_to_sponsor(story: FamilyCustody, child: str, relation: str | None = None) -> None:
    """The usual end of a shelter stay: release to a sponsor, or (rarely) still in care."""
    # Long-term foster care, for children far from aging out.
    turns_18 = eighteenth_birthday(story.persons[child])
    far_from_18 = turns_18 > story.family.apprehended_on + timedelta(days=730)
    if far_from_18 and story.rng.random() < STILL_IN_SHELTER_SHARE:
        return
    on = story.timelines[child].since + story.days(SHELTER_DAYS)
    leave_shelter(story, child, on, CustodyKind.SPONSOR, describe_sponsor(story.rng, relation))
