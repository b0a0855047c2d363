"""Stories of separated families.

The separated parent goes to adult detention (sometimes transferred once), the
children to a shelter, or, when only the father is taken from a two-parent family,
on with their mother. Each parent's story ends one way (`ParentFate`), with shares that
depend on the era: before zero tolerance, about half of separated parents were removed
without their children; during it, most were reunified in July 2018 under the court's
order; a tenth or so were removed together with their children (the parent chose to
depart with them). Years later the reunification task force (from February 2021)
paroled some removed parents back into the country to rejoin their children.
"""

from datetime import date, timedelta

from reunify.synth.custody import (
    STATION_DAYS_ADULT,
    FamilyCustody,
    ParentFate,
    ParentStory,
    eighteenth_birthday,
    leave_shelter,
    release_to_sponsor,
    send_to_shelter,
)
from reunify.synth.custody_together import tell_together
from reunify.synth.households import Composition
from reunify.synth.periods import CLASS_REUNIFICATION_DEADLINE, Era
from reunify.synth.places import FAMILY_RESIDENTIAL_CENTERS, TRANSFER_FACILITIES
from reunify.synth.separation_reasons import draw_reason
from reunify.synth.weighted import WeightedTable
from reunify.synth.world import SynthSeparation
from reunify.vocabulary import CustodyKind, ReunionMethod, ReunionSetting

FATES_BY_ERA: dict[Era, WeightedTable[ParentFate]] = {
    Era.BEFORE_ZERO_TOLERANCE: WeightedTable(
        [
            (ParentFate.REMOVED_ALONE, 48.0),
            (ParentFate.REMOVED_WITH_CHILDREN, 8.0),
            (ParentFate.REUNIFIED, 24.0),
            (ParentFate.RELEASED_APART, 15.0),
            (ParentFate.STILL_DETAINED, 5.0),
        ]
    ),
    Era.ZERO_TOLERANCE: WeightedTable(
        [
            (ParentFate.REUNIFIED, 55.0),
            (ParentFate.REMOVED_ALONE, 24.0),
            (ParentFate.REMOVED_WITH_CHILDREN, 11.0),
            (ParentFate.RELEASED_APART, 8.0),
            (ParentFate.STILL_DETAINED, 2.0),
        ]
    ),
    Era.AFTER_INJUNCTION: WeightedTable(
        [
            (ParentFate.REUNIFIED, 45.0),
            (ParentFate.REMOVED_ALONE, 22.0),
            (ParentFate.REMOVED_WITH_CHILDREN, 13.0),
            (ParentFate.RELEASED_APART, 17.0),
            (ParentFate.STILL_DETAINED, 3.0),
        ]
    ),
}
# In a two-parent family, how often only the father was taken.
FATHER_ONLY_SHARE = 0.7
TRANSFER_SHARE = 0.3
TRANSFER_AFTER_DAYS = (3, 20)
DAYS_BEFORE_REMOVAL: dict[Era, tuple[int, int]] = {
    Era.BEFORE_ZERO_TOLERANCE: (20, 110),
    Era.ZERO_TOLERANCE: (25, 120),
    Era.AFTER_INJUNCTION: (20, 90),
}
DAYS_BEFORE_REUNION: dict[Era, tuple[int, int]] = {
    Era.BEFORE_ZERO_TOLERANCE: (25, 200),
    Era.AFTER_INJUNCTION: (15, 80),
}
# Zero-tolerance reunions ran from early July to the court's deadline.
CLASS_REUNIONS_FROM = date(2018, 7, 2)
DAYS_BEFORE_RELEASE_APART = (20, 150)
REUNION_AT_FAMILY_CENTER_SHARE = 0.4
FAMILY_CENTER_DAYS = (3, 15)
PAROLED_BACK_SHARE = 0.12
PAROLE_WINDOW = (date(2021, 3, 1), date(2023, 6, 30))
# A removal "with the children" that left one of several behind.
ONE_CHILD_LEFT_BEHIND_SHARE = 0.05

Reunion = tuple[date, ReunionSetting, ReunionMethod]


def _fate_ends_on(story: FamilyCustody, fate: ParentFate, detained_from: date) -> date | None:
    rng = story.rng
    if fate in (ParentFate.REMOVED_ALONE, ParentFate.REMOVED_WITH_CHILDREN):
        return detained_from + story.days(DAYS_BEFORE_REMOVAL[story.era])
    if fate is ParentFate.RELEASED_APART:
        return detained_from + story.days(DAYS_BEFORE_RELEASE_APART)
    if fate is ParentFate.STILL_DETAINED:
        return None
    if story.era is Era.ZERO_TOLERANCE:
        earliest = max(detained_from + timedelta(days=10), CLASS_REUNIONS_FROM)
        latest = max(earliest, CLASS_REUNIFICATION_DEADLINE)
        return date.fromordinal(rng.randint(earliest.toordinal(), latest.toordinal()))
    return detained_from + story.days(DAYS_BEFORE_REUNION[story.era])


def _reunite(
    story: FamilyCustody, parents: tuple[str, ...], on: date, in_shelter: tuple[str, ...]
) -> dict[str, Reunion]:
    """Release parents and sheltered children together (maybe via a family center)."""
    reunion = (on, ReunionSetting.IN_COUNTRY, ReunionMethod.RELEASE_TO_PARENT)
    at_center = bool(in_shelter) and story.rng.random() < REUNION_AT_FAMILY_CENTER_SHARE
    kind = CustodyKind.DETENTION_FACILITY if at_center else CustodyKind.RELEASED
    place = FAMILY_RESIDENTIAL_CENTERS.pick(story.rng) if at_center else None
    reunited = [child for child in in_shelter if leave_shelter(story, child, on, kind, place)]
    for parent in parents:
        story.timelines[parent].move(on, kind, place)
    if at_center:
        out = on + story.days(FAMILY_CENTER_DAYS)
        for key in (*parents, *reunited):
            story.timelines[key].move(out, CustodyKind.RELEASED, None)
    # With no child in a shelter, the children were with the other parent all along.
    together = reunited if in_shelter else list(story.household.children)
    return {child: reunion for child in together}


def _remove_with_children(
    story: FamilyCustody, parents: tuple[str, ...], on: date, in_shelter: tuple[str, ...]
) -> dict[str, Reunion]:
    flight = [child for child in in_shelter if eighteenth_birthday(story.persons[child]) > on]
    if len(flight) > 1 and story.rng.random() < ONE_CHILD_LEFT_BEHIND_SHARE:
        flight.pop()
    for child in in_shelter:
        if child not in flight:
            release_to_sponsor(story, child)
    story.remove(parents, on, tuple(flight))
    return {child: (on, ReunionSetting.ABROAD, ReunionMethod.JOINT_REMOVAL) for child in flight}


def _parole_back(story: FamilyCustody, parents: tuple[str, ...]) -> dict[str, Reunion]:
    """Years later, a removed parent paroled in to rejoin the children still here."""
    lo, hi = PAROLE_WINDOW
    on = date.fromordinal(story.rng.randint(lo.toordinal(), hi.toordinal()))
    for parent in parents:
        story.timelines[parent].move(on, CustodyKind.RELEASED, None)
    reunion = (on, ReunionSetting.IN_COUNTRY, ReunionMethod.PAROLE_OF_REMOVED_PARENT)
    rejoined: dict[str, Reunion] = {}
    for child in story.household.children:
        timeline = story.timelines[child]
        if timeline.kind in (CustodyKind.SHELTER, CustodyKind.SPONSOR):
            timeline.move(on, CustodyKind.RELEASED, None)
            rejoined[child] = reunion
        elif timeline.kind is CustodyKind.RELEASED and timeline.since < on:
            # Children who stayed with the other parent (or were released from
            # adult detention after turning 18) are reunited in place.
            rejoined[child] = reunion
    return rejoined


def tell_separated(story: FamilyCustody) -> None:
    rng = story.rng
    household = story.household
    apprehended_on = story.family.apprehended_on
    staying: str | None = None
    parents = household.parents
    if household.composition is Composition.TWO_PARENTS and rng.random() < FATHER_ONLY_SHARE:
        assert household.father is not None
        parents, staying = (household.father,), household.mother

    separated_on = apprehended_on + timedelta(days=rng.randint(0, 1))
    detained_from = apprehended_on + story.days(STATION_DAYS_ADULT)
    facility = story.sector.detention.pick(rng)
    for parent in parents:
        story.timelines[parent].move(detained_from, CustodyKind.DETENTION_FACILITY, facility)
    in_shelter: tuple[str, ...] = ()
    if staying is not None:
        tell_together(story, (staying, *household.children), may_be_removed=False)
    else:
        in_shelter = household.children
        for child in in_shelter:
            send_to_shelter(story, child)

    fate = FATES_BY_ERA[story.era].pick(rng)
    if fate is ParentFate.REMOVED_WITH_CHILDREN and not in_shelter:
        fate = ParentFate.REMOVED_ALONE
    ends_on = _fate_ends_on(story, fate, detained_from)
    if rng.random() < TRANSFER_SHARE:
        transfer_on = detained_from + story.days(TRANSFER_AFTER_DAYS)
        moved_to = TRANSFER_FACILITIES.pick(rng)
        if moved_to != facility and (ends_on is None or transfer_on < ends_on):
            for parent in parents:
                story.timelines[parent].move(transfer_on, CustodyKind.DETENTION_FACILITY, moved_to)

    reunions: dict[str, Reunion] = {}
    if fate is ParentFate.REUNIFIED:
        assert ends_on is not None
        reunions = _reunite(story, parents, ends_on, in_shelter)
    elif fate is ParentFate.REMOVED_WITH_CHILDREN:
        assert ends_on is not None
        reunions = _remove_with_children(story, parents, ends_on, in_shelter)
    else:
        for child in in_shelter:
            release_to_sponsor(story, child)
        if fate is ParentFate.RELEASED_APART:
            assert ends_on is not None
            for parent in parents:
                story.timelines[parent].move(ends_on, CustodyKind.RELEASED, None)
        elif fate is ParentFate.REMOVED_ALONE:
            assert ends_on is not None
            story.remove(parents, ends_on, ())
            if rng.random() < PAROLED_BACK_SHARE:
                reunions = _parole_back(story, parents)

    removed = fate in (ParentFate.REMOVED_ALONE, ParentFate.REMOVED_WITH_CHILDREN)
    released = fate in (ParentFate.REUNIFIED, ParentFate.RELEASED_APART)
    for parent in parents:
        reason, detail = draw_reason(rng, story.era)
        for child in household.children:
            reunited_on, setting, method = reunions.get(child, (None, None, None))
            story.separations.append(
                SynthSeparation(
                    family_key=story.family.key,
                    parent_key=parent,
                    child_key=child,
                    separated_on=separated_on,
                    reason=reason,
                    reason_detail=detail,
                    reunited_on=reunited_on,
                    reunion_setting=setting,
                    reunion_method=method,
                )
            )
        story.stories.append(
            ParentStory(
                parent_key=parent,
                fate=fate,
                separated_on=separated_on,
                detained_from=detained_from,
                children=household.children,
                removed_on=ends_on if removed else None,
                released_on=ends_on if released else None,
            )
        )
