"""The removal gate as a pure function: each way it opens and each reason it blocks."""

from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from reunify.removals.gate import (
    ChildAtStake,
    GateQuestion,
    GoverningElection,
    gate_answer,
)
from reunify.vocabulary import Deficiency, ElectionOption, GateBlock

ANA = ChildAtStake("ana", "Ana López García, 7")
LUIS = ChildAtStake("luis", "Luis López García, 4")
TODAY = date(2026, 11, 23)

REMAIN = GoverningElection(
    key="e1",
    option=ElectionOption.CHILDREN_REMAIN,
    made_at=datetime(2026, 11, 2, tzinfo=UTC),
    children_named=frozenset({"ana"}),
    deficiencies=(),
    deficiency_words=(),
    more_time_until=None,
)
QUESTION = GateQuestion(
    parent_name="María Xiloj Tzoc",
    children=(ANA,),
    election=REMAIN,
    notice_given=True,
    itinerary=frozenset(),
    overridden_children=frozenset(),
    today=TODAY,
)


def codes(question: GateQuestion) -> list[GateBlock]:
    return [block.code for block in gate_answer(question).standing_blocks]


def test_a_valid_children_remain_election_opens_the_gate() -> None:
    answer = gate_answer(QUESTION)
    assert answer.passes
    assert not answer.passes_by_override
    assert answer.blocks == ()


def test_no_child_at_stake_opens_the_gate() -> None:
    answer = gate_answer(replace(QUESTION, children=(), election=None))
    assert answer.passes
    assert "no child is separated" in answer.summary()


def test_no_election_blocks_and_says_whether_a_notice_was_given() -> None:
    answer = gate_answer(replace(QUESTION, election=None, notice_given=False))
    assert [b.code for b in answer.blocks] == [GateBlock.NO_ELECTION]
    assert answer.blocks[0].reason == (
        "no election for Ana López García, 7 — no notice of options has been given to the parent"
    )
    silent = gate_answer(replace(QUESTION, election=None))
    assert "silence is not a choice" in silent.blocks[0].reason


def test_a_deficient_election_blocks_with_its_words() -> None:
    flawed = replace(
        REMAIN,
        deficiencies=(Deficiency.LANGUAGE_NOT_UNDERSTOOD,),
        deficiency_words=(
            "notice was given in Spanish, parent speaks K'iche', no interpreter recorded",
        ),
    )
    answer = gate_answer(replace(QUESTION, election=flawed))
    assert answer.blocks[0].code is GateBlock.ELECTION_DEFICIENT
    assert answer.blocks[0].deficiencies == (Deficiency.LANGUAGE_NOT_UNDERSTOOD,)
    assert answer.blocks[0].reason == (
        "no valid election for Ana López García, 7 — notice was given in Spanish, "
        "parent speaks K'iche', no interpreter recorded"
    )


def test_a_child_the_election_does_not_name_blocks() -> None:
    assert codes(replace(QUESTION, children=(ANA, LUIS))) == [GateBlock.CHILD_NOT_COVERED]


def test_more_time_blocks_until_its_deadline_and_after_it() -> None:
    more_time = replace(REMAIN, option=ElectionOption.MORE_TIME, more_time_until=date(2026, 12, 1))
    assert codes(replace(QUESTION, election=more_time)) == [GateBlock.MORE_TIME_PENDING]
    later = replace(QUESTION, election=more_time, today=date(2026, 12, 2))
    assert codes(later) == [GateBlock.MORE_TIME_ENDED]
    assert "a new election about Ana" in gate_answer(later).blocks[0].reason


def test_depart_with_children_needs_the_child_on_the_itinerary() -> None:
    depart = replace(REMAIN, option=ElectionOption.DEPART_WITH_CHILDREN)
    without = replace(QUESTION, election=depart)
    assert codes(without) == [GateBlock.CHILD_NOT_ON_ITINERARY]
    assert gate_answer(replace(without, itinerary=frozenset({"ana"}))).passes


def test_children_remain_blocks_when_the_child_is_on_the_itinerary_all_the_same() -> None:
    """Taking the child along is a removal contrary to the election, like leaving behind
    a child the parent chose to take."""
    along = replace(QUESTION, itinerary=frozenset({"ana"}))
    assert codes(along) == [GateBlock.CHILD_ON_ITINERARY_AGAINST_ELECTION]
    assert gate_answer(along).blocks[0].reason == (
        "the parent elected that Ana López García, 7 remain in the country, but the child "
        "is on this removal's itinerary; take the child off it, or record the parent's new "
        "election"
    )
    overridden = gate_answer(replace(along, overridden_children=frozenset({"ana"})))
    assert overridden.passes_by_override
    assert overridden.blocks[0].code is GateBlock.CHILD_ON_ITINERARY_AGAINST_ELECTION


def test_the_published_block_codes_keep_their_order_and_meaning() -> None:
    """A code, once published, keeps its meaning: new codes are added at the end."""
    assert [code.value for code in GateBlock] == [
        "NO_ELECTION",
        "ELECTION_DEFICIENT",
        "CHILD_NOT_COVERED",
        "MORE_TIME_PENDING",
        "MORE_TIME_ENDED",
        "CHILD_NOT_ON_ITINERARY",
        "CHILD_ON_ITINERARY_AGAINST_ELECTION",
    ]


def test_an_override_covering_the_blocked_child_opens_the_gate_and_keeps_the_block() -> None:
    answer = gate_answer(replace(QUESTION, election=None, overridden_children=frozenset({"ana"})))
    assert answer.passes
    assert answer.passes_by_override
    assert answer.blocks[0].overridden
    assert answer.to_json()["blocks"][0]["code"] == "NO_ELECTION"


def test_an_override_does_not_cover_a_child_it_did_not_name() -> None:
    answer = gate_answer(
        replace(
            QUESTION,
            children=(ANA, LUIS),
            election=None,
            overridden_children=frozenset({"ana"}),
        )
    )
    assert not answer.passes
    assert [b.child for b in answer.standing_blocks] == ["luis"]


@given(
    option=st.sampled_from(ElectionOption),
    deficient=st.booleans(),
    named=st.booleans(),
    on_itinerary=st.booleans(),
    has_election=st.booleans(),
)
def test_the_gate_opens_only_on_the_designed_conditions(
    option: ElectionOption, deficient: bool, named: bool, on_itinerary: bool, has_election: bool
) -> None:
    election = replace(
        REMAIN,
        option=option,
        deficiencies=(Deficiency.UNSIGNED,) if deficient else (),
        deficiency_words=("the form was not signed by the parent",) if deficient else (),
        children_named=frozenset({"ana"}) if named else frozenset(),
        more_time_until=date(2026, 12, 1),
    )
    question = replace(
        QUESTION,
        election=election if has_election else None,
        itinerary=frozenset({"ana"}) if on_itinerary else frozenset(),
    )
    expected = (
        has_election
        and not deficient
        and named
        and (
            (option is ElectionOption.CHILDREN_REMAIN and not on_itinerary)
            or (option is ElectionOption.DEPART_WITH_CHILDREN and on_itinerary)
        )
    )
    answer = gate_answer(question)
    assert answer.passes == expected
    assert all(block.reason for block in answer.blocks)
