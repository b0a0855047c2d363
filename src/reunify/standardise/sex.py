"""Sex as agencies write it ("F", "Female", "femenino", "H", "mujer") to Reunify's codes.

"M" is read as male, the US agencies' usage, although a Spanish form's "M" may mean
"mujer"; such forms write "H" for "hombre", which is read as male too.
"""

from functools import lru_cache

from reunify.families.choices import Sex
from reunify.families.names import fold
from reunify.standardise.readings import Reading

_CODES: dict[str, Sex] = {
    **dict.fromkeys(
        ("f", "fem", "female", "woman", "girl", "femenino", "femenina", "feminino", "mujer",
         "nina", "muj", "w"),
        Sex.FEMALE,
    ),
    **dict.fromkeys(
        ("m", "male", "masc", "man", "boy", "masculino", "masculina", "hombre", "h",
         "varon", "nino", "hom"),
        Sex.MALE,
    ),
    **dict.fromkeys(("u", "unk", "unknown", "desconocido", "not recorded"), Sex.UNKNOWN),
}  # fmt: skip


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_sex(text: str | None) -> Reading[Sex]:
    raw = text or ""
    folded = fold(raw)
    if not folded:
        return Reading.empty(raw)
    code = _CODES.get(folded)
    if code is None:
        return Reading.unreadable(raw, f"{raw.strip()!r} is not a sex Reunify records")
    return Reading.of(raw, code)
