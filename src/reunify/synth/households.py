"""Who travels together: a family's composition, ages, names and languages.

Compositions: a mother or a father with 1-4 children (most families), both parents,
a legal guardian (most often a grandmother with custody papers), or another relative
without parental standing (aunt or uncle, grandparent, adult sibling, cousin). Only
parents and legal guardians can be "separated" in the records' sense; children who
arrive with another relative are classed unaccompanied and sent to shelters all the
same.

Ages: children 0-17 at apprehension, siblings born at least ~10 months apart unless
twins; a mother is 16-45 at each child's birth, a father 17-55, and every adult is at
least 18 on the day they are apprehended.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from random import Random

from reunify.synth.languages import FamilyTongue
from reunify.synth.naming import NameStyle, Surnames
from reunify.synth.people import PARENT_WITH_PHONE, RELATIVE_WITH_PHONE, PersonFactory
from reunify.synth.weighted import WeightedTable
from reunify.synth.world import RelativeKind, Sex, SynthPerson, whole_years
from reunify.vocabulary import MemberRole

DAYS_PER_YEAR = 365.2425


class Composition(StrEnum):
    MOTHER = "MOTHER"
    FATHER = "FATHER"
    TWO_PARENTS = "TWO_PARENTS"
    GUARDIAN = "GUARDIAN"
    RELATIVE = "RELATIVE"


# Separated parents of 2018 were more often fathers than families at large were.
SEPARATED_COMPOSITIONS: WeightedTable[Composition] = WeightedTable(
    [
        (Composition.MOTHER, 42.0),
        (Composition.FATHER, 46.0),
        (Composition.TWO_PARENTS, 9.0),
        (Composition.GUARDIAN, 3.0),
    ]
)
FAMILY_COMPOSITIONS: WeightedTable[Composition] = WeightedTable(
    [
        (Composition.MOTHER, 57.0),
        (Composition.FATHER, 25.0),
        (Composition.TWO_PARENTS, 9.0),
        (Composition.GUARDIAN, 2.0),
        (Composition.RELATIVE, 7.0),
    ]
)
CHILD_COUNTS: WeightedTable[int] = WeightedTable([(1, 58.0), (2, 28.0), (3, 10.0), (4, 4.0)])
# Age of the oldest child: roughly flat, fewer infants and 17-year-olds.
OLDEST_CHILD_AGE: WeightedTable[int] = WeightedTable(
    [(0, 2.0), (1, 4.0)] + [(age, 6.0) for age in range(2, 17)] + [(17, 4.0)]
)
TWIN_SHARE = 0.03
SIBLING_GAP_DAYS = (300, 2400)
# A parent's age when the oldest child was born: mothers 16-40, fathers 17-45,
# weighted towards the early twenties.
_MOTHER_WEIGHTS = (3, 6, 9, 10, 10, 10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0.5, 0.5)
_FATHER_WEIGHTS = (
    2,
    4,
    6,
    8,
    9,
    9,
    9,
    8,
    7,
    6,
    5,
    5,
    4,
    4,
    3,
    3,
    3,
    2,
    2,
    2,
    2,
    1,
    1,
    1,
    1,
    1,
    1,
    1,
    1,
)
MOTHER_AGE_AT_FIRST: WeightedTable[int] = WeightedTable(
    zip(range(16, 41), _MOTHER_WEIGHTS, strict=True)
)
FATHER_AGE_AT_FIRST: WeightedTable[int] = WeightedTable(
    zip(range(17, 46), _FATHER_WEIGHTS, strict=True)
)
MOTHER_OLDEST_AT_LAST_BIRTH = 45
FATHER_OLDEST_AT_LAST_BIRTH = 60
GUARDIAN_FEMALE_SHARE = 0.75
RELATIVE_KINDS: WeightedTable[RelativeKind] = WeightedTable(
    [("aunt_or_uncle", 60.0), ("grandparent", 22.0), ("adult_sibling", 12.0), ("cousin", 6.0)]
)
RELATIVE_FEMALE_SHARE = 0.6
# A mother travelling alone whose children have different fathers.
HALF_SIBLING_SHARE = 0.1
BORN_IN_MEXICO_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Household:
    """A family before custody: its persons and members, and who is who."""

    composition: Composition
    persons: tuple[SynthPerson, ...]
    members: tuple[tuple[str, MemberRole], ...]
    mother: str | None
    father: str | None
    guardian: str | None
    relative: str | None
    relative_kind: RelativeKind | None
    children: tuple[str, ...]

    @property
    def parents(self) -> tuple[str, ...]:
        """Parents and legal guardians present, mother first."""
        return tuple(key for key in (self.mother, self.father, self.guardian) if key)


def _years_before(day: date, years: float) -> date:
    return day - timedelta(days=int(years * DAYS_PER_YEAR))


def _children_births(rng: Random, apprehended_on: date) -> list[date]:
    """Birth dates, oldest first, every child at least two weeks old and under 18."""
    oldest_age = OLDEST_CHILD_AGE.pick(rng)
    births = [_years_before(apprehended_on, oldest_age + rng.uniform(0.04, 0.99))]
    latest = apprehended_on - timedelta(days=14)
    for _ in range(CHILD_COUNTS.pick(rng) - 1):
        gap = 0 if rng.random() < TWIN_SHARE else rng.randint(*SIBLING_GAP_DAYS)
        born = births[-1] + timedelta(days=gap)
        if born > latest:
            break
        births.append(born)
    return births


def _adult_birth(
    rng: Random,
    *,
    before: date,
    age_at: WeightedTable[int],
    apprehended_on: date,
    youngest: date | None = None,
    oldest_at_youngest: int = 99,
) -> date:
    """An adult born `age_at` years before the oldest child (`before`), adult on arrival."""
    age = age_at.pick(rng)
    if youngest is not None:
        span = (youngest - before).days / DAYS_PER_YEAR
        age = max(age_at.values[0], min(age, int(oldest_at_youngest - span)))
    born = _years_before(before, age + rng.random())
    return min(born, _years_before(apprehended_on, 18 + rng.random() * 0.9) - timedelta(days=1))


def _relative(
    rng: Random,
    style: NameStyle,
    kind: RelativeKind,
    sex: Sex,
    oldest: date,
    on: date,
    family_surnames: Surnames,
    mother_names: Surnames,
    father_names: Surnames,
) -> tuple[date, Surnames]:
    """Birth date and surnames of a relative without parental standing."""
    if kind == "grandparent":
        born = _years_before(oldest, rng.uniform(36, 62))
        # a grandmother on the mother's side, a grandfather on the father's
        first = (mother_names[1] or mother_names[0]) if sex == "F" else father_names[0]
        names = (first, style.surname(rng))
    elif kind == "adult_sibling":
        born = _years_before(on, rng.uniform(18, 26))
        names = family_surnames
    else:  # aunts, uncles and cousins carry one of the family's surnames
        born = _years_before(on, rng.uniform(18, 48))
        names = (family_surnames[rng.randrange(2)] or family_surnames[0], style.surname(rng))
    return min(born, _years_before(on, 18.1)), names


def draw_household(
    rng: Random,
    factory: PersonFactory,
    *,
    composition: Composition,
    citizenship: str,
    tongue: FamilyTongue,
    apprehended_on: date,
) -> Household:
    style = NameStyle(citizenship, tongue.mother_tongue)
    births = _children_births(rng, apprehended_on)
    oldest, youngest = births[0], births[-1]
    on = apprehended_on
    persons: list[SynthPerson] = []
    members: list[tuple[str, MemberRole]] = []

    def add_adult(role: MemberRole, sex: Sex, born: date, surnames: Surnames, phone: float) -> str:
        person = factory.make(
            given_names=style.given_names(rng, sex, child=False),
            surnames=surnames,
            sex=sex,
            birth_date=born,
            age=whole_years(born, on),
            citizenship=citizenship,
            languages=tongue.adult_languages(rng, sex),
            phone_share=phone,
        )
        persons.append(person)
        members.append((person.key, role))
        return person.key

    father_names = style.adult_surnames(rng)
    mother_names = style.adult_surnames(rng)
    mother = father = guardian = relative = None
    relative_kind: RelativeKind | None = None
    if composition in (Composition.MOTHER, Composition.TWO_PARENTS):
        born = _adult_birth(
            rng,
            before=oldest,
            age_at=MOTHER_AGE_AT_FIRST,
            apprehended_on=on,
            youngest=youngest,
            oldest_at_youngest=MOTHER_OLDEST_AT_LAST_BIRTH,
        )
        mother = add_adult(MemberRole.PARENT, "F", born, mother_names, PARENT_WITH_PHONE)
    if composition in (Composition.FATHER, Composition.TWO_PARENTS):
        born = _adult_birth(
            rng,
            before=oldest,
            age_at=FATHER_AGE_AT_FIRST,
            apprehended_on=on,
            youngest=youngest,
            oldest_at_youngest=FATHER_OLDEST_AT_LAST_BIRTH,
        )
        father = add_adult(MemberRole.PARENT, "M", born, father_names, PARENT_WITH_PHONE)

    mother_alone = composition is Composition.MOTHER
    family_surnames = style.child_surnames(
        rng, father=father_names, mother=mother_names, mother_alone=mother_alone
    )
    if composition is Composition.GUARDIAN:
        sex: Sex = "F" if rng.random() < GUARDIAN_FEMALE_SHARE else "M"
        born = _years_before(oldest, rng.uniform(36, 60))
        side = mother_names if sex == "F" else father_names
        guardian = add_adult(
            MemberRole.LEGAL_GUARDIAN,
            sex,
            born,
            (side[1] or side[0], style.surname(rng)),
            RELATIVE_WITH_PHONE,
        )
    if composition is Composition.RELATIVE:
        relative_kind = RELATIVE_KINDS.pick(rng)
        sex = "F" if rng.random() < RELATIVE_FEMALE_SHARE else "M"
        born, names = _relative(rng, style, relative_kind, sex, oldest, on, family_surnames,
                                mother_names, father_names)  # fmt: skip
        relative = add_adult(MemberRole.OTHER_RELATIVE, sex, born, names, RELATIVE_WITH_PHONE)

    parent_languages = tuple(person.languages for person in persons)
    children: list[str] = []
    for born in births:
        surnames = family_surnames
        if mother_alone and rng.random() < HALF_SIBLING_SHARE:
            surnames = style.child_surnames(
                rng, father=style.adult_surnames(rng), mother=mother_names, mother_alone=True
            )
        child_sex: Sex = "F" if rng.random() < 0.5 else "M"
        age = whole_years(born, on)
        child_citizenship = citizenship
        if citizenship != "MX" and rng.random() < BORN_IN_MEXICO_SHARE:
            child_citizenship = "MX"
        person = factory.make(
            given_names=style.given_names(rng, child_sex, child=True),
            surnames=surnames,
            sex=child_sex,
            birth_date=born,
            age=age,
            citizenship=child_citizenship,
            languages=tongue.child_languages(rng, age, parent_languages),
            phone_share=0.0,
        )
        persons.append(person)
        members.append((person.key, MemberRole.CHILD))
        children.append(person.key)

    return Household(
        composition=composition,
        persons=tuple(persons),
        members=tuple(members),
        mother=mother,
        father=father,
        guardian=guardian,
        relative=relative,
        relative_kind=relative_kind,
        children=tuple(children),
    )
