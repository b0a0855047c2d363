"""The tracing state machine, every pair of states and every flag (pure; no database)."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from reunify.tracing.transitions import (
    ALLOWED,
    CLOSED,
    FORWARD,
    OPEN,
    REUNIFIED,
    TracingState,
    forward_path,
    transition_refusal,
)

S = TracingState
states = st.sampled_from(list(TracingState))


def test_the_forward_path_is_the_design_order() -> None:
    for here, there in itertools.pairwise(FORWARD):
        assert transition_refusal(here, there) is None
    assert transition_refusal(S.REUNIFICATION_PLANNED, S.REUNIFIED_ABROAD) is None
    assert transition_refusal(S.REUNIFICATION_PLANNED, S.REUNIFIED_IN_COUNTRY) is None


@given(current=states, target=states, valid=st.booleans(), reunion=st.booleans())
def test_every_pair_is_decided_by_the_table(
    current: TracingState, target: TracingState, valid: bool, reunion: bool
) -> None:
    refusal = transition_refusal(
        current, target, decision_is_valid=valid, reunion_on_record=reunion
    )
    if current in CLOSED or current == target:
        assert refusal is not None
    elif target in REUNIFIED and reunion:
        assert refusal is None
    elif target == S.DECLINED and target in ALLOWED[current]:
        assert (refusal is None) == valid
    else:
        assert (refusal is None) == (target in ALLOWED[current])
    if refusal is not None:
        assert refusal.endswith(".")
        assert len(refusal) > 20


@given(current=st.sampled_from(sorted(CLOSED)), target=states, flags=st.booleans())
def test_nothing_leaves_a_closed_case(
    current: TracingState, target: TracingState, flags: bool
) -> None:
    refusal = transition_refusal(current, target, decision_is_valid=flags, reunion_on_record=flags)
    assert refusal is not None
    assert "closed" in refusal


def test_declined_needs_a_valid_decision_and_says_what_is_wrong() -> None:
    refusal = transition_refusal(
        S.IN_CONTACT, S.DECLINED, decision_problems=("the parent did not sign it",)
    )
    assert refusal is not None
    assert "the parent did not sign it" in refusal
    assert "no election" in (transition_refusal(S.IN_CONTACT, S.DECLINED) or "")
    assert transition_refusal(S.IN_CONTACT, S.DECLINED, decision_is_valid=True) is None
    # Before contact there is no one to decline: even a valid decision is refused.
    for early in (S.NOT_STARTED, S.SEARCHING, S.LOCATED):
        assert transition_refusal(early, S.DECLINED, decision_is_valid=True) is not None


def test_reunification_needs_contact_unless_a_reunion_is_on_record() -> None:
    assert transition_refusal(S.SEARCHING, S.REUNIFIED_IN_COUNTRY) is not None
    assert transition_refusal(S.SEARCHING, S.REUNIFIED_IN_COUNTRY, reunion_on_record=True) is None


def test_a_refusal_names_what_may_come_next() -> None:
    refusal = transition_refusal(S.NOT_STARTED, S.IN_CONTACT)
    assert refusal == "A case not started cannot become in contact; next is searching."


def test_unknown_states_are_refused_in_words() -> None:
    assert "not a tracing state" in (transition_refusal("LOST", S.SEARCHING) or "")


@given(current=states, target=states)
def test_a_forward_path_is_made_of_allowed_steps(
    current: TracingState, target: TracingState
) -> None:
    path = forward_path(current, target)
    if path is None:
        assert current in CLOSED or target not in FORWARD
        return
    here = current
    for step in path:
        assert transition_refusal(here, step) is None
        here = step
    if path:
        assert here == target
    else:
        assert FORWARD.index(target) <= FORWARD.index(current)


def test_open_and_closed_partition_the_states() -> None:
    assert set(TracingState) == OPEN | CLOSED
    assert not OPEN & CLOSED
