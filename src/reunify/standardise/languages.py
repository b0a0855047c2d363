"""Language columns to ISO 639-3 codes; one field may name several languages.

"K'ICHE'/SPANISH", "quc, spa", "Mam y español" and "MAM (MAYA)" are all read. The
spellings themselves live in `reunify.families.languages`, shared with the forms.
"""

import re
from functools import lru_cache

from reunify.families.languages import resolve_language
from reunify.families.names import fold
from reunify.standardise.readings import Reading, is_blank

_BETWEEN_LANGUAGES = re.compile(r"[/,;&+|]|\s(?:and|y|e|et)\s|\s-\s", re.IGNORECASE)
# Words around a language's name that say nothing about which language it is.
_FILLER = frozenset(
    {"maya", "mayan", "language", "idioma", "lengua", "dialecto", "dialect", "only", "solo",
     "solamente", "some", "little", "poco", "limited", "native", "nativo", "materno",
     "materna", "fluent", "basic", "basico", "speaks", "habla", "primary", "secondary"}
)  # fmt: skip


def _one_language(part: str) -> str | None:
    code = resolve_language(part)
    if code is None:
        kept = [word for word in fold(part).split() if word not in _FILLER]
        code = resolve_language(" ".join(kept)) if kept else None
    return code


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_languages(text: str | None) -> Reading[tuple[str, ...]]:
    """Every language named, in the order written, each once.

    A part that names no language is reported in `problem`; the others still count.
    """
    raw = text or ""
    if is_blank(raw):
        return Reading.empty(raw)
    codes: list[str] = []
    unknown: list[str] = []
    for part in _BETWEEN_LANGUAGES.split(raw):
        if is_blank(part):
            continue
        code = _one_language(part)
        if code is None:
            unknown.append(part.strip())
        elif code not in codes:
            codes.append(code)
    problem = f"no language called {', '.join(map(repr, unknown))}" if unknown else None
    return Reading(raw, tuple(codes) if codes else None, problem)


@lru_cache(maxsize=1 << 14)  # extracts repeat their values; the result is immutable
def standard_language(text: str | None) -> Reading[str]:
    """One language (a notice's, an interpreter's); the first if several are named."""
    found = standard_languages(text)
    first = found.value[0] if found.value else None
    return Reading(found.raw, first, found.problem)
