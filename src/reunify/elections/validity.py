"""When a parent's election is "documented and acknowledged": one pure rule per deficiency.

DESIGN.md's table is the contract: each broken rule yields its stable code, and the same
function decides in the web form, the API, imports of historical records and oversight
reports. It reads plain data (`ElectionFacts`) and never the database, so it is tested
exhaustively and behaves identically wherever it runs.

A code, once published, keeps its meaning; new rules add new codes.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime

from reunify.vocabulary import (
    CounselChoice,
    Deficiency,
    ElectionForm,
    ElectionOption,
    SignatureKind,
)

WITNESSES_FOR_A_MARK = 2

# A historical extract says nothing of supervisor acknowledgment, of the waiver's wording
# or of which children an election named (DESIGN.md, the `ice` extract): those rules
# cannot be judged from it, and a report must neither call them broken nor kept.
EXTRACT_CANNOT_SHOW: frozenset[Deficiency] = frozenset(
    {
        Deficiency.CHILD_NOT_COVERED,
        Deficiency.WAIVER_NOT_EXPLICIT,
        Deficiency.NOT_ACKNOWLEDGED,
    }
)


@dataclass(frozen=True, slots=True)
class ElectionFacts:
    """Everything the rules need to know about one election, as plain values.

    Children are compared by key (a person id or an extract's person key); languages are
    ISO 639-3 codes.
    """

    option: ElectionOption
    form: ElectionForm
    signature: SignatureKind | None
    signed_on: date | None
    witnesses: int
    notice_language: str | None
    interpreter_languages: frozenset[str]
    parent_languages: frozenset[str]
    counsel_advised: bool
    counsel: CounselChoice
    children_named: frozenset[Hashable]
    children_separated_at_the_time: frozenset[Hashable]
    made_at: datetime
    removed_at: datetime | None
    is_latest: bool
    withdrawn: bool
    waiver_explicit: bool
    acknowledged: bool


def is_written(facts: ElectionFacts) -> bool:
    return facts.form is not ElectionForm.VERBAL


def is_signed(facts: ElectionFacts) -> bool:
    """Signed and dated by the parent, or marked before two witnesses and dated."""
    if facts.form is not ElectionForm.SIGNED or facts.signed_on is None:
        return False
    if facts.signature is SignatureKind.MARK_BEFORE_WITNESSES:
        return facts.witnesses >= WITNESSES_FOR_A_MARK
    return facts.signature is SignatureKind.SIGNATURE


def language_understood(facts: ElectionFacts) -> bool:
    """The notice was in a language the parent speaks, or an interpreter of one was named."""
    if facts.notice_language is not None and facts.notice_language in facts.parent_languages:
        return True
    return bool(facts.interpreter_languages & facts.parent_languages)


def counsel_advisal_recorded(facts: ElectionFacts) -> bool:
    """Told of the right to counsel, and either consulted counsel or declined in writing.

    A historical extract shows only the advisal; what followed is UNKNOWN there and the
    rule judges what it can. (Such an election is never acknowledged here, so it never
    opens the gate.)"""
    return facts.counsel_advised and facts.counsel in (
        CounselChoice.CONSULTED,
        CounselChoice.DECLINED_IN_WRITING,
        CounselChoice.UNKNOWN,
    )


def children_not_named(facts: ElectionFacts) -> frozenset[Hashable]:
    return facts.children_separated_at_the_time - facts.children_named


def made_after_removal(facts: ElectionFacts) -> bool:
    return facts.removed_at is not None and facts.made_at > facts.removed_at


def waiver_missing(facts: ElectionFacts) -> bool:
    return facts.option is ElectionOption.CHILDREN_REMAIN and not facts.waiver_explicit


def deficiencies_of(
    facts: ElectionFacts, *, cannot_show: frozenset[Deficiency] = frozenset()
) -> tuple[Deficiency, ...]:
    """Every broken rule, in the order of DESIGN.md's table. Empty means valid.

    `cannot_show` names rules the record holds no facts for (`EXTRACT_CANNOT_SHOW`); they
    are left unjudged. Only an oversight report may pass it: the gate and the forms judge
    every rule, so an unknown acknowledgment never opens the gate.
    """
    broken = {
        Deficiency.VERBAL_ONLY: not is_written(facts),
        # A spoken election is not "unsigned" on top of being verbal: one fault, one code.
        Deficiency.UNSIGNED: is_written(facts) and not is_signed(facts),
        Deficiency.LANGUAGE_NOT_UNDERSTOOD: not language_understood(facts),
        Deficiency.NO_COUNSEL_ADVISAL: not counsel_advisal_recorded(facts),
        Deficiency.CHILD_NOT_COVERED: bool(children_not_named(facts)),
        Deficiency.AFTER_REMOVAL: made_after_removal(facts),
        Deficiency.SUPERSEDED: not facts.is_latest or facts.withdrawn,
        Deficiency.WAIVER_NOT_EXPLICIT: waiver_missing(facts),
        Deficiency.NOT_ACKNOWLEDGED: not facts.acknowledged,
    }
    return tuple(code for code in Deficiency if broken[code] and code not in cannot_show)


def is_valid(facts: ElectionFacts) -> bool:
    return not deficiencies_of(facts)
