"""When families were apprehended and separated, and which policy was in force.

Separations in 2017-2018 came in three eras, and the era decides almost everything
else (how likely a separation was, where, why, and whether a removed parent was ever
given a written notice of options):

- before "zero tolerance": separations under the El Paso initiative (from July 2017)
  and elsewhere, "more than 1,500 families … in late 2017 and early 2018" (CBS News,
  on the DHS OIG report OIG-21-36, April 2021);
- zero tolerance, from early May 2018, when DHS began referring adults in family units
  for prosecution, to the injunction in Ms. L. v. ICE (S.D. Cal., 26 June 2018):
  "about 2,800 migrant families" (same source);
- after the injunction: a few hundred more, mostly citing criminal history.

The written notice with three options was ordered in the same case in July 2018;
before it, an election was at best a spoken exchange.
"""

from datetime import date, timedelta
from enum import StrEnum
from random import Random

from reunify.synth.weighted import WeightedTable

DEFAULT_FIRST_DAY = date(2017, 7, 1)
DEFAULT_LAST_DAY = date(2018, 12, 31)

ZERO_TOLERANCE_BEGAN = date(2018, 5, 5)
INJUNCTION_ON = date(2018, 6, 26)
# The court-approved notice of options reached detention facilities in mid-July 2018.
NOTICE_FORM_FROM = date(2018, 7, 12)
# Court deadline to reunify the class (children 5 and over): 26 July 2018.
CLASS_REUNIFICATION_DEADLINE = date(2018, 7, 26)


class Era(StrEnum):
    BEFORE_ZERO_TOLERANCE = "BEFORE_ZERO_TOLERANCE"
    ZERO_TOLERANCE = "ZERO_TOLERANCE"
    AFTER_INJUNCTION = "AFTER_INJUNCTION"


def era_of(day: date) -> Era:
    if day < ZERO_TOLERANCE_BEGAN:
        return Era.BEFORE_ZERO_TOLERANCE
    if day <= INJUNCTION_ON:
        return Era.ZERO_TOLERANCE
    return Era.AFTER_INJUNCTION


# U.S. Border Patrol family-unit apprehensions at the southwest border, in hundreds,
# approximately, after CBP's published "Southwest Border Migration" monthly figures.
# Families that were not separated are spread over the months in this shape.
FAMILY_APPREHENSIONS_BY_MONTH: dict[tuple[int, int], int] = {
    (2017, 7): 21, (2017, 8): 35, (2017, 9): 48,
    (2017, 10): 70, (2017, 11): 70, (2017, 12): 81,
    (2018, 1): 56, (2018, 2): 55, (2018, 3): 89,
    (2018, 4): 97, (2018, 5): 95, (2018, 6): 94,
    (2018, 7): 123, (2018, 8): 128, (2018, 9): 167,
    (2018, 10): 231, (2018, 11): 252, (2018, 12): 275,
}  # fmt: skip

# Families separated per month, rough: about 1,500 before zero tolerance, about 2,800
# in April-June 2018, a few hundred after the injunction (sources above).
SEPARATIONS_BY_MONTH: dict[tuple[int, int], int] = {
    (2017, 7): 100, (2017, 8): 120, (2017, 9): 130,
    (2017, 10): 150, (2017, 11): 150, (2017, 12): 130,
    (2018, 1): 130, (2018, 2): 140, (2018, 3): 170,
    (2018, 4): 300, (2018, 5): 1300, (2018, 6): 1200,
    (2018, 7): 60, (2018, 8): 70, (2018, 9): 70,
    (2018, 10): 70, (2018, 11): 70, (2018, 12): 70,
}  # fmt: skip


class DaySampler:
    """Draws a day in [first, last], months weighted by a per-month table.

    Months outside the table get the table's mean weight, so a caller may widen the
    span without the sampler falling silent there.
    """

    __slots__ = ("_months",)

    def __init__(self, first: date, last: date, per_month: dict[tuple[int, int], int]) -> None:
        if last < first:
            raise ValueError(f"empty span: {first} .. {last}")
        mean = sum(per_month.values()) / len(per_month)
        spans: list[tuple[tuple[int, int], float]] = []
        month_start = first.replace(day=1)
        while month_start <= last:
            next_month = (month_start + timedelta(days=32)).replace(day=1)
            lo = max(first, month_start).toordinal()
            hi = min(last, next_month - timedelta(days=1)).toordinal()
            whole_month = next_month.toordinal() - month_start.toordinal()
            weight = per_month.get((month_start.year, month_start.month), mean)
            # A month cut by the span keeps only its share of the weight.
            spans.append(((lo, hi), weight * (hi - lo + 1) / whole_month))
            month_start = next_month
        self._months = WeightedTable(spans)

    def pick(self, rng: Random) -> date:
        lo, hi = self._months.pick(rng)
        return date.fromordinal(rng.randint(lo, hi))
