"""The tracing case's states and the moves between them: plain data in, a refusal in
words out, no database (DESIGN.md, "Tracing states").

    NOT_STARTED → SEARCHING → LOCATED → IN_CONTACT → REUNIFICATION_PLANNED
        → REUNIFIED_IN_COUNTRY | REUNIFIED_ABROAD
    IN_CONTACT or REUNIFICATION_PLANNED → DECLINED, only with a valid documented decision

Searches fail in real life, so a case may also step back: a located parent or one in
contact can be lost again (→ SEARCHING), and a plan that falls through returns to
IN_CONTACT. A reunification already on record (a case manager released the child to the
parent) settles any open case. Nothing leaves a closed case: reunified or declined is
final, and a new separation would open a new case. `NO_CONTACT_INFO` is a flag on the
case, not a state.
"""

from collections.abc import Mapping
from enum import StrEnum


class TracingState(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    SEARCHING = "SEARCHING"
    LOCATED = "LOCATED"
    IN_CONTACT = "IN_CONTACT"
    REUNIFICATION_PLANNED = "REUNIFICATION_PLANNED"
    REUNIFIED_IN_COUNTRY = "REUNIFIED_IN_COUNTRY"
    REUNIFIED_ABROAD = "REUNIFIED_ABROAD"
    DECLINED = "DECLINED"


S = TracingState

STATE_WORDS: Mapping[TracingState, str] = {
    S.NOT_STARTED: "not started",
    S.SEARCHING: "searching",
    S.LOCATED: "parent located",
    S.IN_CONTACT: "in contact",
    S.REUNIFICATION_PLANNED: "reunification planned",
    S.REUNIFIED_IN_COUNTRY: "reunified in the country",
    S.REUNIFIED_ABROAD: "reunified abroad",
    S.DECLINED: "reunification declined",
}

REUNIFIED = frozenset({S.REUNIFIED_IN_COUNTRY, S.REUNIFIED_ABROAD})
CLOSED = REUNIFIED | {S.DECLINED}
OPEN = frozenset(TracingState) - CLOSED
# The forward path, in order: the attempt and contact services walk it one step at a time.
FORWARD: tuple[TracingState, ...] = (
    S.NOT_STARTED,
    S.SEARCHING,
    S.LOCATED,
    S.IN_CONTACT,
    S.REUNIFICATION_PLANNED,
)

ALLOWED: Mapping[TracingState, frozenset[TracingState]] = {
    S.NOT_STARTED: frozenset({S.SEARCHING}),
    S.SEARCHING: frozenset({S.LOCATED}),
    S.LOCATED: frozenset({S.IN_CONTACT, S.SEARCHING}),
    S.IN_CONTACT: frozenset({S.REUNIFICATION_PLANNED, S.SEARCHING, S.DECLINED}),
    S.REUNIFICATION_PLANNED: frozenset(
        {S.REUNIFIED_IN_COUNTRY, S.REUNIFIED_ABROAD, S.IN_CONTACT, S.DECLINED}
    ),
    S.REUNIFIED_IN_COUNTRY: frozenset(),
    S.REUNIFIED_ABROAD: frozenset(),
    S.DECLINED: frozenset(),
}


def transition_refusal(
    current: str,
    target: str,
    *,
    decision_is_valid: bool = False,
    decision_problems: tuple[str, ...] = (),
    reunion_on_record: bool = False,
) -> str | None:
    """Why the case may not move from `current` to `target`, or None if it may.

    `decision_is_valid`: the parent's latest election is valid, documented and
    acknowledged, and chooses that the child remain (a waiver of reunification).
    `decision_problems`: what is wrong with it otherwise, in words, for the refusal.
    `reunion_on_record`: a reunion of this parent and child is already recorded.
    """
    try:
        now, then = TracingState(current), TracingState(target)
    except ValueError:
        return f"{target!r} or {current!r} is not a tracing state."
    if now in CLOSED:
        return f"The case is closed ({STATE_WORDS[now]}); nothing can change its state."
    if now == then:
        return f"The case is already {STATE_WORDS[now]}."
    if then in REUNIFIED and reunion_on_record:
        return None
    if then not in ALLOWED[now]:
        allowed = sorted(ALLOWED[now], key=list(TracingState).index)
        choices = " or ".join(STATE_WORDS[state] for state in allowed)
        return f"A case {STATE_WORDS[now]} cannot become {STATE_WORDS[then]}; next is {choices}."
    if then == S.DECLINED and not decision_is_valid:
        why = "; ".join(decision_problems) or "no election by the parent is recorded"
        return (
            "Reunification is declined only by the parent's valid, documented and "
            f"acknowledged decision that the child remain: {why}."
        )
    return None


def forward_path(current: str, target: str) -> list[TracingState] | None:
    """The states to pass through, one allowed step each, to reach `target` going forward
    (["LOCATED", "IN_CONTACT"] from SEARCHING to IN_CONTACT); [] if the case is there or
    past it already; None if `target` is not on the forward path or the case is closed."""
    now, then = TracingState(current), TracingState(target)
    if now in CLOSED or then not in FORWARD or now not in FORWARD:
        return None
    here, there = FORWARD.index(now), FORWARD.index(then)
    return list(FORWARD[here + 1 : there + 1])


def is_closed(state: str) -> bool:
    return TracingState(state) in CLOSED
