"""How agency clerks wrote countries, languages, relationships and reasons.

Every spelling here is one an importer must understand; together the tables are the
vocabulary the extracts use, so a normaliser can be tested against them.
"""

from reunify.synth.weighted import WeightedTable
from reunify.vocabulary import SeparationReason


def _spellings(*pairs: tuple[str, float]) -> WeightedTable[str]:
    return WeightedTable(pairs)


# ISO 3166-1 alpha-2 → English or Spanish name (any case), alpha-2 or alpha-3.
COUNTRY_SPELLINGS: dict[str, WeightedTable[str]] = {
    "GT": _spellings(
        ("GUATEMALA", 40), ("Guatemala", 25), ("GT", 15), ("GTM", 10), ("guatemala", 3)
    ),
    "HN": _spellings(("HONDURAS", 40), ("Honduras", 25), ("HN", 15), ("HND", 10), ("honduras", 3)),
    "SV": _spellings(
        ("EL SALVADOR", 40), ("El Salvador", 25), ("SV", 15), ("SLV", 10), ("Salvador", 3)
    ),
    "MX": _spellings(("MEXICO", 35), ("México", 15), ("Mexico", 15), ("MX", 15), ("MEX", 10)),
    "BR": _spellings(("BRAZIL", 35), ("Brasil", 20), ("Brazil", 15), ("BR", 15), ("BRA", 10)),
    "EC": _spellings(("ECUADOR", 40), ("Ecuador", 25), ("EC", 15), ("ECU", 10)),
    "NI": _spellings(("NICARAGUA", 40), ("Nicaragua", 25), ("NI", 15), ("NIC", 10)),
    "PE": _spellings(("PERU", 35), ("Perú", 15), ("Peru", 15), ("PE", 15), ("PER", 10)),
    "CO": _spellings(("COLOMBIA", 40), ("Colombia", 25), ("CO", 15), ("COL", 10)),
}

# ISO 639-3 → free-text names (English, Spanish, the language's own) and the code.
LANGUAGE_SPELLINGS: dict[str, WeightedTable[str]] = {
    "spa": _spellings(
        ("SPANISH", 35), ("Spanish", 25), ("español", 10), ("ESPANOL", 10), ("spa", 15)
    ),
    "por": _spellings(
        ("PORTUGUESE", 35), ("Portuguese", 20), ("português", 10), ("PORTUGUES", 10), ("por", 15)
    ),
    "eng": _spellings(("ENGLISH", 40), ("English", 30), ("inglés", 5), ("eng", 15)),
    "quc": _spellings(
        ("K'ICHE'", 25), ("K'iche'", 15), ("Quiche", 20), ("QUICHE", 15), ("Kiche", 5), ("quc", 15)
    ),
    "mam": _spellings(("MAM", 45), ("Mam", 40), ("mam", 15)),
    "kjb": _spellings(
        ("QANJOBAL", 30), ("Q'anjob'al", 20), ("Kanjobal", 20), ("KANJOBAL", 10), ("kjb", 15)
    ),
    "cak": _spellings(
        ("KAQCHIKEL", 30), ("Kaqchikel", 20), ("CAKCHIQUEL", 20), ("Cakchiquel", 10), ("cak", 15)
    ),
    "kek": _spellings(
        ("Q'EQCHI'", 25), ("Q'eqchi'", 15), ("KEKCHI", 25), ("Kekchi", 15), ("kek", 15)
    ),
    "knj": _spellings(("AKATEKO", 35), ("Akateko", 20), ("Acateco", 25), ("knj", 15)),
    "cac": _spellings(("CHUJ", 45), ("Chuj", 40), ("cac", 15)),
    "ixl": _spellings(("IXIL", 45), ("Ixil", 40), ("ixl", 15)),
    "jac": _spellings(
        ("POPTI'", 25), ("Popti'", 15), ("JAKALTEKO", 20), ("Jacalteco", 20), ("jac", 15)
    ),
    "cab": _spellings(("GARIFUNA", 45), ("Garifuna", 35), ("Garífuna", 5), ("cab", 15)),
}
# Between two languages in one field: "K'ICHE'/SPANISH", "quc, spa".
LANGUAGE_SEPARATORS = _spellings(("/", 60), (", ", 40))

# What a cbp row's `relationship` says, by what the person is to the family.
RELATIONSHIP_SPELLINGS: dict[str, WeightedTable[str]] = {
    "mother": _spellings(
        ("MOTHER", 35), ("MADRE", 25), ("madre", 15), ("mother", 10), ("mama", 5), ("MOM", 3)
    ),
    "father": _spellings(
        ("FATHER", 35), ("PADRE", 25), ("padre", 15), ("father", 10), ("papa", 5), ("DAD", 3)
    ),
    "son": _spellings(("SON", 35), ("HIJO", 25), ("hijo", 20), ("son", 10), ("CHILD", 5)),
    "daughter": _spellings(
        ("DAUGHTER", 35), ("HIJA", 25), ("hija", 20), ("daughter", 10), ("CHILD", 5)
    ),
    "guardian": _spellings(
        ("LEGAL GUARDIAN", 35), ("guardian", 20), ("TUTOR LEGAL", 20), ("tutora", 10)
    ),
    "ward": _spellings(("MINOR", 35), ("menor", 25), ("ward", 15), ("CHILD", 15)),
    "aunt": _spellings(("AUNT", 35), ("TIA", 25), ("tía", 15), ("tia", 15)),
    "uncle": _spellings(("UNCLE", 35), ("TIO", 25), ("tío", 15), ("tio", 15)),
    "grandmother": _spellings(("GRANDMOTHER", 35), ("ABUELA", 30), ("abuela", 20)),
    "grandfather": _spellings(("GRANDFATHER", 35), ("ABUELO", 30), ("abuelo", 20)),
    "sister": _spellings(("SISTER", 35), ("HERMANA", 30), ("hermana", 20)),
    "brother": _spellings(("BROTHER", 35), ("HERMANO", 30), ("hermano", 20)),
    "cousin_f": _spellings(("COUSIN", 40), ("PRIMA", 30), ("prima", 20)),
    "cousin_m": _spellings(("COUSIN", 40), ("PRIMO", 30), ("primo", 20)),
    "niece": _spellings(("NIECE", 35), ("SOBRINA", 30), ("sobrina", 20)),
    "nephew": _spellings(("NEPHEW", 35), ("SOBRINO", 30), ("sobrino", 20)),
    "granddaughter": _spellings(("GRANDDAUGHTER", 35), ("NIETA", 30), ("nieta", 20)),
    "grandson": _spellings(("GRANDSON", 35), ("NIETO", 30), ("nieto", 20)),
}

# How the orr extract's reported_parent starts, by the parent's sex.
PARENT_LABELS: dict[str, WeightedTable[str]] = {
    "F": _spellings(("MADRE:", 30), ("mother", 25), ("Madre", 15), ("mama", 15), ("MOTHER -", 10)),
    "M": _spellings(("PADRE:", 30), ("father", 25), ("Padre", 15), ("papa", 15), ("FATHER -", 10)),
}

SEPARATION_REASON_SPELLINGS: dict[SeparationReason, WeightedTable[str]] = {
    SeparationReason.PARENT_PROSECUTED: _spellings(
        ("PARENT_PROSECUTED", 30), ("8 USC 1325 prosecution", 25), ("Prosecution", 20),
        ("parent referred for prosecution", 15), ("PROSECUTION 1325", 10)),
    SeparationReason.PARENT_CRIMINAL_HISTORY: _spellings(
        ("PARENT_CRIMINAL_HISTORY", 35), ("criminal history", 30), ("CRIM HIST", 20),
        ("prior conviction", 15)),
    SeparationReason.PARENTAGE_UNVERIFIED: _spellings(
        ("PARENTAGE_UNVERIFIED", 35), ("unable to verify parentage", 30),
        ("NO PROOF OF RELATIONSHIP", 25)),
    SeparationReason.PARENT_HOSPITALISED: _spellings(
        ("PARENT_HOSPITALISED", 35), ("parent hospitalized", 35), ("HOSPITALIZED", 20)),
    SeparationReason.CHILD_SAFETY: _spellings(
        ("CHILD_SAFETY", 35), ("child welfare concern", 30), ("DANGER TO CHILD", 20)),
    SeparationReason.PARENT_TRANSFERRED_TO_ADULT_DETENTION: _spellings(
        ("PARENT_TRANSFERRED_TO_ADULT_DETENTION", 35), ("parent to adult detention", 30),
        ("TRANSFER TO ICE ADULT FACILITY", 20)),
    SeparationReason.OTHER: _spellings(("OTHER", 1)),
}  # fmt: skip

SEX_SPELLINGS: dict[str, dict[str, WeightedTable[str]]] = {
    "cbp": {"F": _spellings(("F", 1)), "M": _spellings(("M", 1))},
    "ice": {"F": _spellings(("F", 9), ("FEMALE", 1)), "M": _spellings(("M", 9), ("MALE", 1))},
    "orr": {"F": _spellings(("Female", 6), ("F", 4)), "M": _spellings(("Male", 6), ("M", 4))},
}
