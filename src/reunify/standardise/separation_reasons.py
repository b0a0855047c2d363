"""A border record's free-text separation reason as a reason code.

Officers wrote the code itself, a statute ("8 USC 1325 prosecution") or a phrase ("parent
to adult detention", "NO PROOF OF RELATIONSHIP"). What no pattern recognises is kept as
`OTHER` with the text as its detail, never dropped.
"""

import re
from functools import lru_cache

from reunify.families.names import fold
from reunify.vocabulary import SeparationReason

# Checked in order: "transfer to adult detention" must not read as a criminal matter.
_PATTERNS: tuple[tuple[SeparationReason, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        (
            SeparationReason.PARENT_TRANSFERRED_TO_ADULT_DETENTION,
            r"adult (detention|facility)|transferred to adult",
        ),
        (SeparationReason.PARENT_PROSECUTED, r"prosecut|1325|1326|procesad"),
        (SeparationReason.PARENT_CRIMINAL_HISTORY, r"crim|conviction|antecedentes"),
        (SeparationReason.PARENT_HOSPITALISED, r"hospital"),
        (SeparationReason.CHILD_SAFETY, r"child safety|welfare|danger|seguridad"),
        (
            SeparationReason.PARENTAGE_UNVERIFIED,
            r"parentage|proof of relationship|verify (the )?relationship",
        ),
    )
)


@lru_cache(maxsize=4096)
def separation_reason(text: str) -> tuple[SeparationReason, str]:
    """The reason code and, for `OTHER`, the words that explain it."""
    words = fold(text).replace("_", " ").strip()
    if not words:
        return SeparationReason.OTHER, "No reason in the border record"
    for reason, pattern in _PATTERNS:
        if pattern.search(words):
            return reason, ""
    detail = re.sub(r"^other\s*:?\s*", "", text.strip(), flags=re.IGNORECASE)
    return SeparationReason.OTHER, detail or text.strip()
