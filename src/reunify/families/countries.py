"""Countries as ISO 3166-1 alpha-2 codes, from codes or names in English or Spanish."""

from functools import cache

import pycountry

from reunify.families.names import fold

# Spanish and Portuguese names, and short forms, that pycountry does not know.
_OTHER_NAMES: dict[str, str] = {
    "guatemala": "GT",
    "honduras": "HN",
    "el salvador": "SV",
    "salvador": "SV",
    "mexico": "MX",
    "brasil": "BR",
    "brazil": "BR",
    "ecuador": "EC",
    "nicaragua": "NI",
    "colombia": "CO",
    "peru": "PE",
    "venezuela": "VE",
    "cuba": "CU",
    "haiti": "HT",
    "republica dominicana": "DO",
    "dominican republic": "DO",
    "estados unidos": "US",
    "usa": "US",
    "united states": "US",
    "india": "IN",
    "rumania": "RO",
    "belice": "BZ",
    "costa rica": "CR",
    "panama": "PA",
    "rep dominicana": "DO",
    "ee uu": "US",
    "eeuu": "US",
    "eua": "US",
    "u s a": "US",
    "u s": "US",
}

# Nationalities as clerks write them in a citizenship column ("GUATEMALAN",
# "hondureña"), English and Spanish, masculine and feminine.
_NATIONALITIES: dict[str, tuple[str, ...]] = {
    "GT": ("guatemalan", "guatemalteco", "guatemalteca"),
    "HN": ("honduran", "hondureno", "hondurena"),
    "SV": ("salvadoran", "salvadorian", "salvadoreno", "salvadorena"),
    "MX": ("mexican", "mexicano", "mexicana"),
    "BR": ("brazilian", "brasileno", "brasilena", "brasileiro", "brasileira"),
    "EC": ("ecuadorian", "ecuadorean", "ecuatoriano", "ecuatoriana"),
    "NI": ("nicaraguan", "nicaraguense"),
    "CO": ("colombian", "colombiano", "colombiana"),
    "PE": ("peruvian", "peruano", "peruana"),
    "VE": ("venezuelan", "venezolano", "venezolana"),
    "CU": ("cuban", "cubano", "cubana"),
    "HT": ("haitian", "haitiano", "haitiana"),
    "IN": ("indian",),
    "CR": ("costa rican", "costarricense"),
    "PA": ("panamanian", "panameno", "panamena"),
    "BZ": ("belizean", "beliceno", "belicena"),
    "DO": ("dominican", "dominicano", "dominicana"),
    "US": ("american", "estadounidense"),
}
_OTHER_NAMES |= {name: code for code, names in _NATIONALITIES.items() for name in names}

# The countries most families come from, offered first in forms.
COMMON_CITIZENSHIPS = ("GT", "HN", "SV", "MX", "BR", "EC", "NI", "CO", "VE", "CU", "HT", "IN")


def resolve_country(text: str) -> str | None:
    """ "GUATEMALA", "gt", "GTM" and "Guatemala" all give "GT"; None when unknown."""
    folded = fold(text)
    if not folded:
        return None
    if folded in _OTHER_NAMES:
        return _OTHER_NAMES[folded]
    code = folded.upper()
    if len(code) == 2 and pycountry.countries.get(alpha_2=code):
        return code
    if len(code) == 3 and (record := pycountry.countries.get(alpha_3=code)):
        return str(record.alpha_2)
    names = _country_names()
    if folded in names:
        return names[folded]
    # Part of one country's name only ("Guate"), but never two or three letters that are
    # no code ("UK" is not Ukraine). Not pycountry's fuzzy search: it also matches
    # provinces and their codes, so "XX" gave Malta and "None" Italy.
    if len(folded) < 4:
        return None
    partial = {code for name, code in names.items() if folded in name}
    return partial.pop() if len(partial) == 1 else None


@cache
def _country_names() -> dict[str, str]:
    """Each country's folded English names (short, official, common) and its code."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            if value := getattr(country, attribute, None):
                names[fold(str(value))] = str(country.alpha_2)
    return names


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code as stored: upper case ("GT", not "gt")."""
    return (
        len(code) == 2
        and code.isascii()
        and code.isupper()
        and pycountry.countries.get(alpha_2=code) is not None
    )


@cache
def country_name(code: str) -> str:
    record = pycountry.countries.get(alpha_2=code) if code else None
    return str(getattr(record, "common_name", None) or record.name) if record else code


def country_choices() -> list[tuple[str, str]]:
    """Common countries first, then every other country by name."""
    common = [(code, country_name(code)) for code in COMMON_CITIZENSHIPS]
    rest = sorted(
        (
            (str(c.alpha_2), country_name(str(c.alpha_2)))
            for c in pycountry.countries
            if c.alpha_2 not in COMMON_CITIZENSHIPS
        ),
        key=lambda pair: pair[1],
    )
    return common + rest
