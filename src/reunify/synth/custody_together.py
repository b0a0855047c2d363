"""Stories of families that were not separated.

Most were released together from the station with a notice to appear; about a third
were held together in a family residential center, from which most were released
within the 20 days the Flores settlement allows and some removed together. Children
who arrived with an aunt, a grandparent or another relative without parental standing
were classed unaccompanied and sent to shelters, while the adult went to detention.
"""

from reunify.synth.custody import (
    STATION_DAYS_ADULT,
    FamilyCustody,
    release_to_sponsor,
    send_to_shelter,
)
from reunify.synth.places import FAMILY_RESIDENTIAL_CENTERS
from reunify.vocabulary import CustodyKind

FAMILY_DETENTION_SHARE = 0.35
FAMILY_REMOVAL_SHARE = 0.25
FAMILY_DETENTION_DAYS = (4, 20)
FAMILY_REMOVAL_DAYS = (10, 45)
RELATIVE_REMOVAL_SHARE = 0.4
RELATIVE_DETENTION_DAYS = (7, 60)
RELATIVE_REMOVAL_DAYS = (15, 90)
# The child's sponsor, when the relative they came with is released, is that relative.
SPONSORED_BY_TRAVELLING_RELATIVE = 0.6
RELATIVE_AS_SPONSOR = {
    "aunt_or_uncle": ("aunt", "uncle"),
    "grandparent": ("grandmother", "grandfather"),
    "adult_sibling": ("older sister", "older brother"),
    "cousin": ("cousin", "cousin"),
}


def tell_together(
    story: FamilyCustody, keys: tuple[str, ...], *, may_be_removed: bool = True
) -> None:
    """Release `keys` together, possibly after family detention (and removal)."""
    rng = story.rng
    leave = story.family.apprehended_on + story.days(STATION_DAYS_ADULT)
    if rng.random() >= FAMILY_DETENTION_SHARE:
        for key in keys:
            story.timelines[key].move(leave, CustodyKind.RELEASED, None)
        return
    center = FAMILY_RESIDENTIAL_CENTERS.pick(rng)
    for key in keys:
        story.timelines[key].move(leave, CustodyKind.DETENTION_FACILITY, center)
    if may_be_removed and rng.random() < FAMILY_REMOVAL_SHARE:
        adults = tuple(key for key in keys if key not in story.household.children)
        children = tuple(key for key in keys if key in story.household.children)
        story.remove(adults, leave + story.days(FAMILY_REMOVAL_DAYS), children)
        return
    out = leave + story.days(FAMILY_DETENTION_DAYS)
    for key in keys:
        story.timelines[key].move(out, CustodyKind.RELEASED, None)


def tell_with_relative(story: FamilyCustody) -> None:
    """Children who came with a relative go to a shelter; the relative to detention."""
    rng = story.rng
    household = story.household
    relative = household.relative
    assert relative is not None
    assert household.relative_kind is not None
    leave = story.family.apprehended_on + story.days(STATION_DAYS_ADULT)
    timeline = story.timelines[relative]
    timeline.move(leave, CustodyKind.DETENTION_FACILITY, story.sector.detention.pick(rng))
    released = rng.random() >= RELATIVE_REMOVAL_SHARE
    if released:
        timeline.move(leave + story.days(RELATIVE_DETENTION_DAYS), CustodyKind.RELEASED, None)
    else:
        story.remove((relative,), leave + story.days(RELATIVE_REMOVAL_DAYS), ())
    sex_index = 0 if story.persons[relative].sex == "F" else 1
    for child in household.children:
        send_to_shelter(story, child)
        relation = None
        if released and rng.random() < SPONSORED_BY_TRAVELLING_RELATIVE:
            relation = RELATIVE_AS_SPONSOR[household.relative_kind][sex_index]
        release_to_sponsor(story, child, relation)
