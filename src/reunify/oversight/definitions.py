"""What each figure of the removals report means, in words: one text for the page, the
PDF and docs/oversight-method.md, so they never say different things."""

from reunify.oversight.report import ACKNOWLEDGMENT_UNKNOWN, GATE_OVERRIDES, TOTAL
from reunify.vocabulary import Deficiency

TITLES: dict[str, str] = {
    TOTAL: "Removed parents who left a separated child behind",
    "with_valid_election": "With a valid election to leave the child",
    "without_any_election": "Without any election",
    "with_deficient_election": "With a deficient election",
    "removed_contrary_to_election": "Removed contrary to their election",
    ACKNOWLEDGMENT_UNKNOWN: "Valid, but acknowledgment unknown (historical record)",
    GATE_OVERRIDES: "Removed by a supervisor's override of the gate",
}

DEFINITIONS: dict[str, str] = {
    TOTAL: "People removed from the country who were the parent or legal guardian of a "
    "child separated from them by then, not reunited with them before the removal, and not "
    "removed on the same flight (same moment, same country). A person removed more than "
    "once is judged on the first removal that left a child behind.",
    "with_valid_election": "The parent's latest election chose that the children remain, "
    "and it breaks none of the rules the record can show.",
    "without_any_election": "No election of the parent is on record. Silence, a refusal "
    "to sign or a form not returned is never a waiver.",
    "with_deficient_election": "The parent's latest election breaks at least one rule, "
    "whatever it chose; the codes below count each rule broken.",
    "removed_contrary_to_election": "The parent's latest election, breaking no rule, chose "
    "to depart with the children or asked for more time, and the parent was removed "
    "without the child.",
    ACKNOWLEDGMENT_UNKNOWN: "Counted among the valid, but imported from a historical "
    "extract, which cannot show a supervisor's acknowledgment, the waiver's wording or "
    "which children the election named: valid as far as the record can tell.",
    GATE_OVERRIDES: "The removal passed the removal gate only because a supervisor "
    "granted an override; the written justifications are listed. Counted beside the "
    "four classes, not instead of one.",
}

DEFICIENCY_WORDS: dict[Deficiency, str] = {
    Deficiency.VERBAL_ONLY: "spoken only, never written",
    Deficiency.UNSIGNED: "not signed and dated by the parent (or marked before two witnesses)",
    Deficiency.LANGUAGE_NOT_UNDERSTOOD: "notice in a language the parent does not speak, "
    "with no interpreter of one they do",
    Deficiency.NO_COUNSEL_ADVISAL: "no record that the parent was told they may consult "
    "counsel and then consulted or declined in writing",
    Deficiency.CHILD_NOT_COVERED: "does not name every child separated at the time",
    Deficiency.AFTER_REMOVAL: "made after the removal it should have governed",
    Deficiency.SUPERSEDED: "withdrawn",
    Deficiency.WAIVER_NOT_EXPLICIT: "leaves the children without stating a knowing, "
    "voluntary waiver of reunification",
    Deficiency.NOT_ACKNOWLEDGED: "not acknowledged by a supervisor",
}

METHOD = (
    "Read from Reunify's records of custody, separations, reunions, elections and removal "
    "plans, whether recorded live or imported from agency extracts and linked into persons. "
    "Each removed parent's governing election is their latest by the time it was made, and "
    "is judged by the same rules as the data-entry forms and the removal gate "
    '(DESIGN.md, "documented and acknowledged"), except the rules a historical extract '
    "cannot show, which are left unjudged rather than called broken. As of a date, only "
    "records entered by the end of that day (UTC), about events that had happened by then, "
    "are read. docs/oversight-method.md gives each step and the code that takes it."
)
