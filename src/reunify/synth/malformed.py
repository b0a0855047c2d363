"""Rows an importer must quarantine, made on purpose and listed in truth_malformed.csv.

A row chosen here loses a required field or gets an impossible required date
(30 February cannot be read month-first or day-first). A quarantined row is not
imported, so it is left out of truth_persons.csv. To keep the truth recoverable from
the good rows, only an *eligible* row is ever spoiled, and `MALFORMED_SHARE_OF_ELIGIBLE`
of those are; that comes to roughly 0.1-0.5% of each file. A row is eligible when

- its person has no part in any separation, removal or election,
- it is not the cbp row of a parent, legal guardian or child (those rows carry the
  family's relationships), and
- no other row of its person was spoiled, and the person has another row.
"""

from random import Random

from reunify.synth.world import World
from reunify.vocabulary import CustodyKind, MemberRole

# cbp has few eligible rows (only other relatives'), hence its higher share.
MALFORMED_SHARE_OF_ELIGIBLE = {"cbp": 0.08, "ice": 0.01, "orr": 0.01}

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "cbp": ("event_id", "apprehended_on", "given_names", "surnames"),
    "ice": ("first_name", "last_name"),
    "orr": ("first_name", "last_names"),
}
IMPOSSIBLE_DATE_SHARE = 0.4
# Dates that exist neither month-first nor day-first.
IMPOSSIBLE_DATES = (
    "02/30/2018",
    "2018-02-31",
    "04/31/2018",
    "13/13/2017",
    "2018-06-31",
    "00/12/2018",
)
_FAMILY_LINK_ROLES = (MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN, MemberRole.CHILD)
# Custody that puts a person in the ice or orr extract as well as in cbp.
_HELD_BY_ICE_OR_ORR = (CustodyKind.DETENTION_FACILITY, CustodyKind.SHELTER, CustodyKind.REMOVED)


class RowSpoiler:
    """Decides, row by row as the extracts are written, which rows to spoil."""

    __slots__ = ("_involved", "_rng", "_spoiled", "_world")

    def __init__(self, world: World, rng: Random) -> None:
        self._world = world
        self._rng = rng
        self._spoiled: set[str] = set()
        involved = {s.parent_key for s in world.separations}
        involved |= {s.child_key for s in world.separations}
        involved |= {r.person_key for r in world.removals}
        involved |= {e.parent_key for e in world.elections}
        self._involved = involved

    def _eligible(self, source: str, person_key: str) -> bool:
        if person_key in self._involved or person_key in self._spoiled:
            return False
        if source != "cbp":
            return True  # the person's cbp row stays good
        if self._world.role_of[person_key] in _FAMILY_LINK_ROLES:
            return False
        episodes = self._world.episodes_of[person_key]
        return any(episode.kind in _HELD_BY_ICE_OR_ORR for episode in episodes)

    def maybe_spoil(self, source: str, person_key: str, values: dict[str, str]) -> str | None:
        if not self._eligible(source, person_key):
            return None
        if self._rng.random() >= MALFORMED_SHARE_OF_ELIGIBLE[source]:
            return None
        self._spoiled.add(person_key)
        rng = self._rng
        if source == "cbp" and rng.random() < IMPOSSIBLE_DATE_SHARE:
            value = IMPOSSIBLE_DATES[rng.randrange(len(IMPOSSIBLE_DATES))]
            values["apprehended_on"] = value
            return f"impossible date in apprehended_on: {value}"
        fields = REQUIRED_FIELDS[source]
        field = fields[rng.randrange(len(fields))]
        values[field] = ""
        return f"missing required field: {field}"
