"""Languages as ISO 639-3 codes, from codes or the names and spellings people write.

"K'ICHE'", "Quiche", "Quiché" and "quc" are one language. The table below holds the
languages of the families Reunify serves and the spellings seen for them; any other valid
ISO 639-3 code is accepted through pycountry's copy of the standard.
"""

from functools import cache

import pycountry

from reunify.families.names import fold

# Names and spellings (folded: lower case, no accents) for each code. Mayan language
# names follow the Academia de Lenguas Mayas de Guatemala spellings plus common older ones.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "spa": ("spanish", "espanol", "castellano", "castilian", "es", "sp", "span"),
    "eng": ("english", "ingles", "en"),
    "por": ("portuguese", "portugues", "pt", "brazilian portuguese"),
    "quc": ("k'iche'", "k'iche", "kiche", "quiche", "qiche", "k'iché", "kiché", "qui"),
    "mam": ("mam", "mam maya"),
    "kjb": ("q'anjob'al", "qanjobal", "kanjobal", "kanjobal maya", "q'anjobal", "kanhobal"),
    "cak": ("kaqchikel", "cakchiquel", "kakchiquel", "kaqchiquel"),
    "kek": ("q'eqchi'", "qeqchi", "kekchi", "kekchi maya", "q'eqchi"),
    "knj": ("akateko", "akatek", "acateco", "akateco"),
    "cac": ("chuj",),
    "ixl": ("ixil",),
    "tzj": ("tz'utujil", "tzutujil", "tzutuhil"),
    "poh": ("poqomchi'", "pokomchi", "poqomchi"),
    "jac": ("popti'", "popti", "jakalteko", "jacalteco", "jakalteco"),
    "agu": ("awakateko", "aguacateco"),
    "ttc": ("tektiteko", "teco"),
    "usp": ("uspanteko", "uspanteco"),
    "mop": ("mopan",),
    "itz": ("itza'", "itza"),
    "quv": ("sakapulteko", "sacapulteco"),
    "skr": ("sipakapense",),
    "tzo": ("tzotzil",),
    "tzh": ("tzeltal",),
    "nah": ("nahuatl", "nahua"),
    "mix": ("mixtec", "mixteco"),
    "zap": ("zapotec", "zapoteco"),
    "cab": ("garifuna", "garifuna language", "garinagu"),
    "miq": ("miskito", "misquito", "mískito"),
    "fra": ("french", "frances"),
    "hat": ("haitian creole", "creole", "kreyol", "criollo haitiano"),
    "rus": ("russian", "ruso"),
    "hin": ("hindi",),
    "pan": ("punjabi", "panjabi"),
    "ara": ("arabic", "arabe"),
    "zho": ("chinese", "chino", "mandarin"),
    "caa": ("ch'orti'", "chorti", "chorti maya"),
    "acr": ("achi", "achi'"),
    "poc": ("poqomam", "pocomam"),
    "ppl": ("pipil", "nahuat", "nawat"),
    "que": ("quechua", "kichwa", "quichua"),
    "aym": ("aymara",),
}

_BY_SPELLING: dict[str, str] = {
    fold(spelling): code for code, spellings in _SPELLINGS.items() for spelling in spellings
}
# Mayan names are written with, without and with misplaced apostrophes ("Q'anjob'al",
# "Qanjobal", "Q'anjobal"): without any, they are one spelling.
_BY_SPELLING_WITHOUT_APOSTROPHES: dict[str, str] = {
    spelling.replace("'", ""): code for spelling, code in _BY_SPELLING.items()
}


@cache
def language_name(code: str) -> str:
    """The English name of a language by its ISO 639-3 code ("quc" → "K'iche'")."""
    local = _LOCAL_NAMES.get(code)
    if local:
        return local
    record = pycountry.languages.get(alpha_3=code)
    return str(record.name) if record else code


_LOCAL_NAMES = {
    "quc": "K'iche'",
    "kjb": "Q'anjob'al",
    "kek": "Q'eqchi'",
    "cak": "Kaqchikel",
    "mam": "Mam",
    "knj": "Akateko",
    "tzj": "Tz'utujil",
    "poh": "Poqomchi'",
    "jac": "Popti'",
}


def is_language_code(code: str) -> bool:
    """An ISO 639-3 code as stored: lower case ("quc", not "QUC")."""
    return (
        len(code) == 3
        and code.isascii()
        and code.isalpha()
        and code.islower()
        and (code in _SPELLINGS or pycountry.languages.get(alpha_3=code) is not None)
    )


def resolve_language(text: str) -> str | None:
    """The ISO 639-3 code for a code, a name or a common spelling; None when unknown."""
    folded = fold(text)
    if not folded:
        return None
    if folded in _BY_SPELLING:
        return _BY_SPELLING[folded]
    if (bare := folded.replace("'", "")) in _BY_SPELLING_WITHOUT_APOSTROPHES:
        return _BY_SPELLING_WITHOUT_APOSTROPHES[bare]
    if is_language_code(folded):
        return folded
    record = pycountry.languages.get(name=text.strip())
    return str(record.alpha_3) if record else None


def common_language_choices() -> list[tuple[str, str]]:
    """The languages offered first in forms: those of the families Reunify serves."""
    return sorted(((code, language_name(code)) for code in _SPELLINGS), key=lambda c: c[1])
