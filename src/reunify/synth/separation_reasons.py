"""Why a child was taken from a parent, by era.

During 2017-2018 most separations followed the parent's referral for prosecution for
illegal entry (8 U.S.C. 1325). After the June 2018 injunction, separations were fewer
and most cited the parent's criminal history, then doubts about parentage or the
child's safety (HHS OIG, "Separated Children Placed in Office of Refugee Resettlement
Care", OEI-BL-18-00511, 2019; later filings in Ms. L. v. ICE). Shares are rough.
"""

from random import Random

from reunify.synth.periods import Era
from reunify.synth.weighted import WeightedTable, uniform
from reunify.vocabulary import SeparationReason as Reason

REASONS_BY_ERA: dict[Era, WeightedTable[Reason]] = {
    Era.BEFORE_ZERO_TOLERANCE: WeightedTable(
        [
            (Reason.PARENT_PROSECUTED, 70.0),
            (Reason.PARENT_CRIMINAL_HISTORY, 9.0),
            (Reason.PARENTAGE_UNVERIFIED, 5.0),
            (Reason.PARENT_TRANSFERRED_TO_ADULT_DETENTION, 8.0),
            (Reason.CHILD_SAFETY, 2.0),
            (Reason.PARENT_HOSPITALISED, 2.0),
            (Reason.OTHER, 4.0),
        ]
    ),
    Era.ZERO_TOLERANCE: WeightedTable(
        [
            (Reason.PARENT_PROSECUTED, 85.0),
            (Reason.PARENT_CRIMINAL_HISTORY, 5.0),
            (Reason.PARENTAGE_UNVERIFIED, 3.0),
            (Reason.PARENT_TRANSFERRED_TO_ADULT_DETENTION, 3.0),
            (Reason.CHILD_SAFETY, 1.0),
            (Reason.PARENT_HOSPITALISED, 1.0),
            (Reason.OTHER, 2.0),
        ]
    ),
    Era.AFTER_INJUNCTION: WeightedTable(
        [
            (Reason.PARENT_CRIMINAL_HISTORY, 55.0),
            (Reason.PARENTAGE_UNVERIFIED, 15.0),
            (Reason.CHILD_SAFETY, 12.0),
            (Reason.PARENT_HOSPITALISED, 6.0),
            (Reason.PARENT_PROSECUTED, 4.0),
            (Reason.OTHER, 8.0),
        ]
    ),
}

OTHER_DETAILS = uniform(
    [
        "claimed gang affiliation, unverified",
        "suspected fraudulent birth certificate",
        "parent held as material witness",
        "prior removal order reinstated",
        "communicable disease, parent in isolation",
    ]
)


def draw_reason(rng: Random, era: Era) -> tuple[Reason, str | None]:
    """A reason code, with a short detail when the code is OTHER."""
    reason = REASONS_BY_ERA[era].pick(rng)
    return reason, (OTHER_DETAILS.pick(rng) if reason is Reason.OTHER else None)
