"""Real places: Border Patrol sectors and stations, ICE detention facilities, and
plausible shelter and sponsor locations.

Stations and facilities are real and public. Shelter names are invented provider
names in real cities where shelters operated, except the two influx facilities, which
were public and open only in the windows given.
"""

from dataclasses import dataclass
from datetime import date
from random import Random

from reunify.synth.weighted import WeightedTable


@dataclass(frozen=True, slots=True)
class Station:
    name: str
    code: str  # three letters, used in event ids


@dataclass(frozen=True, slots=True)
class Sector:
    name: str
    stations: WeightedTable[Station]
    # Adult detention near the sector, where a parent is booked first.
    detention: WeightedTable[str]
    # Shelters a child from this sector is most often referred to.
    nearby_shelters: tuple[str, ...]
    # ICE area of responsibility, an extra column of the ice extract.
    ice_office: str


def _stations(*pairs: tuple[str, str, float]) -> WeightedTable[Station]:
    return WeightedTable((Station(name, code), weight) for name, code, weight in pairs)


SECTORS: dict[str, Sector] = {
    sector.name: sector
    for sector in (
        Sector(
            "Rio Grande Valley",
            _stations(
                ("Ursula Central Processing Center", "UCP", 5),
                ("McAllen Station", "MCS", 4),
                ("Weslaco Station", "WSL", 2),
                ("Harlingen Station", "HRL", 1.5),
                ("Fort Brown Station", "FTB", 1.5),
                ("Rio Grande City Station", "RGC", 1.5),
                ("Kingsville Station", "KIN", 0.5),
            ),
            WeightedTable(
                [("Port Isabel Service Processing Center", 6), ("Rio Grande Detention Center", 1)]
            ),
            (
                "Casa Padre, Brownsville, TX",
                "Casa Esperanza del Valle, Harlingen, TX",
                "Los Fresnos Youth Shelter, Los Fresnos, TX",
            ),
            "HOU",
        ),
        Sector(
            "El Paso",
            _stations(
                ("Clint Station", "CLT", 3),
                ("El Paso Station", "ELP", 2),
                ("Santa Teresa Station", "STT", 2),
                ("Ysleta Station", "YSL", 1),
                ("Lordsburg Station", "LBG", 1),
                ("Deming Station", "DMN", 0.5),
            ),
            WeightedTable(
                [
                    ("El Paso Service Processing Center", 4),
                    ("Otero County Processing Center", 3),
                    ("West Texas Detention Facility", 1),
                ]
            ),
            ("Nuevo Amanecer Children's Center, El Paso, TX", "Casa Franklin, El Paso, TX"),
            "ELP",
        ),
        Sector(
            "San Diego",
            _stations(
                ("Chula Vista Station", "CHV", 3),
                ("Imperial Beach Station", "IMB", 2),
                ("Brown Field Station", "BRF", 2),
                ("Boulevard Station", "BLV", 0.5),
            ),
            WeightedTable(
                [("Otay Mesa Detention Center", 5), ("Adelanto ICE Processing Center", 1)]
            ),
            ("Casa de la Bahía, San Diego, CA", "Hogar Infantil del Sur, Los Angeles, CA"),
            "SND",
        ),
        Sector(
            "El Centro",
            _stations(
                ("Calexico Station", "CXS", 2),
                ("El Centro Station", "ECS", 2),
                ("Indio Station", "IND", 0.5),
            ),
            WeightedTable(
                [("Imperial Regional Detention Facility", 4), ("Adelanto ICE Processing Center", 2)]
            ),
            ("Hogar Infantil del Sur, Los Angeles, CA", "Casa de la Bahía, San Diego, CA"),
            "LOS",
        ),
        Sector(
            "Yuma",
            _stations(("Yuma Station", "YUS", 3), ("Wellton Station", "WEL", 1)),
            WeightedTable(
                [
                    ("Eloy Detention Center", 4),
                    ("La Palma Correctional Center", 2),
                    ("San Luis Regional Detention Center", 1),
                ]
            ),
            ("Casa Sonora, Phoenix, AZ", "Desert Bloom Youth Center, Tucson, AZ"),
            "PHO",
        ),
        Sector(
            "Tucson",
            _stations(
                ("Tucson Station", "TCA", 2),
                ("Nogales Station", "NGL", 2),
                ("Ajo Station", "AJO", 0.5),
                ("Casa Grande Station", "CAG", 0.5),
            ),
            WeightedTable(
                [
                    ("Eloy Detention Center", 3),
                    ("Florence Service Processing Center", 3),
                    ("La Palma Correctional Center", 1),
                ]
            ),
            ("Desert Bloom Youth Center, Tucson, AZ", "Casa Sonora, Phoenix, AZ"),
            "PHO",
        ),
        Sector(
            "Laredo",
            _stations(
                ("Laredo North Station", "LRN", 2),
                ("Laredo South Station", "LRS", 1),
                ("Zapata Station", "ZAP", 0.5),
            ),
            WeightedTable([("Laredo Processing Center", 3), ("Rio Grande Detention Center", 2)]),
            ("Hogar San Agustín, Laredo, TX", "Casa Guadalupe, San Antonio, TX"),
            "SNA",
        ),
        Sector(
            "Del Rio",
            _stations(
                ("Del Rio Station", "DRT", 2),
                ("Eagle Pass South Station", "EGS", 2),
                ("Carrizo Springs Station", "CRS", 0.5),
                ("Uvalde Station", "UVA", 0.5),
            ),
            WeightedTable(
                [("South Texas ICE Processing Center", 4), ("Val Verde Correctional Facility", 1)]
            ),
            ("Casa Guadalupe, San Antonio, TX", "Hogar San Agustín, Laredo, TX"),
            "SNA",
        ),
        Sector(
            "Big Bend",
            _stations(
                ("Presidio Station", "PRS", 1),
                ("Alpine Station", "ALP", 1),
                ("Van Horn Station", "VHN", 0.5),
            ),
            WeightedTable(
                [("West Texas Detention Facility", 3), ("El Paso Service Processing Center", 1)]
            ),
            ("Nuevo Amanecer Children's Center, El Paso, TX", "Casa Guadalupe, San Antonio, TX"),
            "ELP",
        ),
    )
}

# Family-unit apprehensions by sector, rough FY2018 shares (CBP sector profiles).
FAMILY_SECTORS: WeightedTable[str] = WeightedTable(
    [
        ("Rio Grande Valley", 47.0),
        ("El Paso", 12.0),
        ("Yuma", 10.0),
        ("Tucson", 7.0),
        ("San Diego", 6.0),
        ("El Centro", 5.0),
        ("Del Rio", 5.0),
        ("Laredo", 4.0),
        ("Big Bend", 1.0),
    ]
)
# Before zero tolerance, separations concentrated in the El Paso sector's initiative.
EARLY_SEPARATION_SECTORS: WeightedTable[str] = WeightedTable(
    [
        ("El Paso", 45.0),
        ("Rio Grande Valley", 25.0),
        ("Yuma", 8.0),
        ("Tucson", 6.0),
        ("San Diego", 5.0),
        ("El Centro", 4.0),
        ("Del Rio", 3.0),
        ("Laredo", 3.0),
        ("Big Bend", 1.0),
    ]
)
ZERO_TOLERANCE_SECTORS: WeightedTable[str] = WeightedTable(
    [
        ("Rio Grande Valley", 55.0),
        ("El Paso", 12.0),
        ("San Diego", 8.0),
        ("Yuma", 8.0),
        ("Tucson", 7.0),
        ("El Centro", 4.0),
        ("Del Rio", 3.0),
        ("Laredo", 2.0),
        ("Big Bend", 1.0),
    ]
)
# Brazilian families crossed overwhelmingly near Santa Teresa, New Mexico.
BRAZILIAN_EL_PASO_SHARE = 0.75

# Where a parent may be transferred after the first booking; in 2018 ICE also held
# separated parents in federal prisons (Sheridan, Victorville).
TRANSFER_FACILITIES: WeightedTable[str] = WeightedTable(
    [
        ("Port Isabel Service Processing Center", 3.0),
        ("Stewart Detention Center", 2.0),
        ("Adelanto ICE Processing Center", 2.0),
        ("Northwest Detention Center", 1.5),
        ("LaSalle ICE Processing Center", 2.0),
        ("Otero County Processing Center", 1.5),
        ("Federal Correctional Institution Sheridan", 1.0),
        ("Federal Correctional Institution Victorville", 1.0),
        ("Eloy Detention Center", 1.5),
        ("Krome North Service Processing Center", 1.0),
    ]
)
FAMILY_RESIDENTIAL_CENTERS: WeightedTable[str] = WeightedTable(
    [
        ("South Texas Family Residential Center", 6.0),
        ("Karnes County Residential Center", 4.0),
        ("Berks Family Residential Center", 1.0),
    ]
)

NATIONAL_SHELTERS: tuple[str, ...] = (
    "Casa Guadalupe, San Antonio, TX",
    "Hogar Nueva Vida, Houston, TX",
    "Shiloh Children's Residence, Manvel, TX",
    "Bridgeway Youth Home, Chicago, IL",
    "Lakeshore Family Services, Grand Rapids, MI",
    "Harbor House Foster Program, New York, NY",
    "Casa Amiga Youth Center, Miami, FL",
    "Puente Children's Home, Phoenix, AZ",
    "Cedar Grove Youth Services, Seattle, WA",
    "Blue Ridge Children's Center, Fairfax, VA",
)
# (name, first day open, last day open)
INFLUX_SHELTERS: tuple[tuple[str, date, date], ...] = (
    ("Tornillo influx facility, Tornillo, TX", date(2018, 6, 14), date(2019, 1, 11)),
    ("Homestead temporary shelter, Homestead, FL", date(2018, 3, 1), date(2019, 8, 3)),
)
INFLUX_SHELTER_SHARE = 0.1
NEARBY_SHELTER_SHARE = 0.55


def draw_shelter(rng: Random, sector: Sector, referred_on: date, age: int) -> str:
    # Influx facilities took older children only.
    if age >= 13 and rng.random() < INFLUX_SHELTER_SHARE:
        open_now = [name for name, first, last in INFLUX_SHELTERS if first <= referred_on <= last]
        if open_now:
            return open_now[rng.randrange(len(open_now))]
    if rng.random() < NEARBY_SHELTER_SHARE:
        return sector.nearby_shelters[rng.randrange(len(sector.nearby_shelters))]
    return NATIONAL_SHELTERS[rng.randrange(len(NATIONAL_SHELTERS))]


# Cities with large Central American and Brazilian communities, where sponsors live.
SPONSOR_CITIES: WeightedTable[str] = WeightedTable(
    [
        ("Houston, TX", 8.0),
        ("Los Angeles, CA", 7.0),
        ("Miami, FL", 4.0),
        ("New York, NY", 5.0),
        ("Silver Spring, MD", 3.0),
        ("Hyattsville, MD", 2.0),
        ("Charlotte, NC", 2.0),
        ("Atlanta, GA", 2.0),
        ("New Orleans, LA", 2.0),
        ("Omaha, NE", 1.0),
        ("Nashville, TN", 1.5),
        ("Providence, RI", 1.5),
        ("Dallas, TX", 3.0),
        ("Oakland, CA", 2.0),
        ("Framingham, MA", 1.0),
        ("Newark, NJ", 1.5),
        ("Queens, NY", 1.5),
        ("Indianapolis, IN", 1.0),
    ]
)
SPONSOR_RELATIONS: WeightedTable[str] = WeightedTable(
    [
        ("mother", 10.0),
        ("father", 8.0),
        ("aunt", 14.0),
        ("uncle", 12.0),
        ("older sister", 6.0),
        ("older brother", 6.0),
        ("grandmother", 4.0),
        ("cousin", 6.0),
        ("family friend", 5.0),
    ]
)


def describe_sponsor(rng: Random, relation: str | None = None) -> str:
    relation = relation or SPONSOR_RELATIONS.pick(rng)
    return f"sponsor: {relation} in {SPONSOR_CITIES.pick(rng)}"
