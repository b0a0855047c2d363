"""Where the families come from: nationality mixes, literacy and telephone numbering."""

from dataclasses import dataclass
from random import Random

from reunify.synth.weighted import WeightedTable

# Among separated families of 2017-2018, roughly: Guatemala 40%, Honduras 30%,
# El Salvador 15%, then Mexico, Brazil and a few others (shares as reported from the
# Ms. L. v. ICE class lists and the DHS OIG's review, rounded).
SEPARATED_NATIONALITIES: WeightedTable[str] = WeightedTable(
    [
        ("GT", 40.0),
        ("HN", 30.0),
        ("SV", 15.0),
        ("MX", 5.0),
        ("BR", 4.0),
        ("EC", 2.5),
        ("NI", 1.5),
        ("PE", 1.0),
        ("CO", 1.0),
    ]
)

# All family units apprehended in FY2018: about 47% Guatemala, 37% Honduras,
# 12% El Salvador, the rest small (CBP, USBP family-unit apprehensions by citizenship).
FAMILY_NATIONALITIES: WeightedTable[str] = WeightedTable(
    [
        ("GT", 47.0),
        ("HN", 36.0),
        ("SV", 12.0),
        ("MX", 2.0),
        ("BR", 1.0),
        ("EC", 1.0),
        ("NI", 0.5),
        ("PE", 0.25),
        ("CO", 0.25),
    ]
)

# Adult literacy, percent, approximately (UNESCO Institute for Statistics, 2015-2018).
ADULT_LITERACY: dict[str, float] = {
    "GT": 0.81,
    "HN": 0.89,
    "SV": 0.89,
    "MX": 0.95,
    "BR": 0.93,
    "EC": 0.93,
    "NI": 0.83,
    "PE": 0.94,
    "CO": 0.95,
}


@dataclass(frozen=True, slots=True)
class MobileNumbering:
    """A country's mobile numbers: calling code, national length, leading digits."""

    calling_code: str
    national_digits: int
    leading: tuple[str, ...]

    def draw(self, rng: Random) -> str:
        lead = self.leading[rng.randrange(len(self.leading))]
        rest = self.national_digits - len(lead)
        return f"+{self.calling_code}{lead}{rng.randrange(10**rest):0{rest}d}"


MOBILE_NUMBERING: dict[str, MobileNumbering] = {
    "GT": MobileNumbering("502", 8, ("3", "4", "5")),
    "HN": MobileNumbering("504", 8, ("3", "8", "9")),
    "SV": MobileNumbering("503", 8, ("6", "7")),
    "MX": MobileNumbering("52", 10, ("55", "33", "81", "222", "951", "961")),
    # Brazilian mobiles: two-digit area code, then 9 and eight digits.
    "BR": MobileNumbering("55", 11, ("119", "219", "319", "279", "339")),
    "EC": MobileNumbering("593", 9, ("9",)),
    "NI": MobileNumbering("505", 8, ("5", "7", "8")),
    "PE": MobileNumbering("51", 9, ("9",)),
    "CO": MobileNumbering("57", 10, ("3",)),
}
