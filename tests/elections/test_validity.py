"""The validity rules, one test per deficiency code and properties over generated elections."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reunify.elections.validity import (
    EXTRACT_CANNOT_SHOW,
    ElectionFacts,
    deficiencies_of,
    is_valid,
)
from reunify.elections.wording import deficiency_words
from reunify.vocabulary import (
    CounselChoice,
    Deficiency,
    ElectionForm,
    ElectionOption,
    SignatureKind,
)

MADE_AT = datetime(2026, 11, 2, 15, tzinfo=UTC)
ANA, LUIS = "ana", "luis"

VALID = ElectionFacts(
    option=ElectionOption.CHILDREN_REMAIN,
    form=ElectionForm.SIGNED,
    signature=SignatureKind.SIGNATURE,
    signed_on=date(2026, 11, 2),
    witnesses=0,
    notice_language="spa",
    interpreter_languages=frozenset(),
    parent_languages=frozenset({"spa"}),
    counsel_advised=True,
    counsel=CounselChoice.DECLINED_IN_WRITING,
    children_named=frozenset({ANA}),
    children_separated_at_the_time=frozenset({ANA}),
    made_at=MADE_AT,
    removed_at=None,
    is_latest=True,
    withdrawn=False,
    waiver_explicit=True,
    acknowledged=True,
)


def test_the_published_codes_are_design_mds_table_in_its_order() -> None:
    """Codes are a contract with oversight: the set may grow at its end, but renaming,
    dropping or reordering a published code is a break."""
    published = [
        "VERBAL_ONLY",
        "UNSIGNED",
        "LANGUAGE_NOT_UNDERSTOOD",
        "NO_COUNSEL_ADVISAL",
        "CHILD_NOT_COVERED",
        "AFTER_REMOVAL",
        "SUPERSEDED",
        "WAIVER_NOT_EXPLICIT",
        "NOT_ACKNOWLEDGED",
    ]
    assert [code.value for code in Deficiency][: len(published)] == published


def test_a_fully_documented_election_is_valid() -> None:
    assert deficiencies_of(VALID) == ()
    assert is_valid(VALID)


def test_a_spoken_waiver_is_verbal_only_and_not_also_unsigned() -> None:
    spoken = replace(VALID, form=ElectionForm.VERBAL, signature=None, signed_on=None)
    assert deficiencies_of(spoken) == (Deficiency.VERBAL_ONLY,)


def test_an_unsigned_form_is_unsigned() -> None:
    assert deficiencies_of(replace(VALID, form=ElectionForm.UNSIGNED)) == (Deficiency.UNSIGNED,)


def test_an_undated_signature_is_unsigned() -> None:
    assert deficiencies_of(replace(VALID, signed_on=None)) == (Deficiency.UNSIGNED,)


def test_a_mark_needs_two_witnesses() -> None:
    marked = replace(VALID, signature=SignatureKind.MARK_BEFORE_WITNESSES, witnesses=1)
    assert deficiencies_of(marked) == (Deficiency.UNSIGNED,)
    assert deficiencies_of(replace(marked, witnesses=2)) == ()


def test_a_spanish_notice_to_a_kiche_speaker_without_interpreter_is_not_understood() -> None:
    kiche = replace(VALID, parent_languages=frozenset({"quc"}))
    assert deficiencies_of(kiche) == (Deficiency.LANGUAGE_NOT_UNDERSTOOD,)
    assert deficiency_words(Deficiency.LANGUAGE_NOT_UNDERSTOOD, kiche) == (
        "notice was given in Spanish, parent speaks K'iche', no interpreter recorded"
    )


def test_an_interpreter_of_the_parents_language_makes_the_notice_understood() -> None:
    interpreted = replace(
        VALID, parent_languages=frozenset({"quc"}), interpreter_languages=frozenset({"quc"})
    )
    assert deficiencies_of(interpreted) == ()


def test_an_interpreter_of_another_language_does_not() -> None:
    wrong = replace(
        VALID, parent_languages=frozenset({"mam"}), interpreter_languages=frozenset({"spa"})
    )
    assert deficiencies_of(wrong) == (Deficiency.LANGUAGE_NOT_UNDERSTOOD,)


def test_no_counsel_advisal_when_not_told_of_the_right() -> None:
    assert deficiencies_of(replace(VALID, counsel_advised=False)) == (
        Deficiency.NO_COUNSEL_ADVISAL,
    )


def test_no_counsel_advisal_when_told_but_neither_consulted_nor_declined_in_writing() -> None:
    assert deficiencies_of(replace(VALID, counsel=CounselChoice.NOT_RECORDED)) == (
        Deficiency.NO_COUNSEL_ADVISAL,
    )
    assert deficiencies_of(replace(VALID, counsel=CounselChoice.CONSULTED)) == ()


def test_an_election_naming_one_of_two_separated_children_does_not_cover_the_other() -> None:
    one_of_two = replace(VALID, children_separated_at_the_time=frozenset({ANA, LUIS}))
    assert deficiencies_of(one_of_two) == (Deficiency.CHILD_NOT_COVERED,)
    assert deficiency_words(Deficiency.CHILD_NOT_COVERED, one_of_two, {LUIS: "Luis"}) == (
        "the election does not name Luis"
    )


def test_an_election_made_after_the_removal() -> None:
    late = replace(VALID, removed_at=MADE_AT - timedelta(hours=1))
    assert deficiencies_of(late) == (Deficiency.AFTER_REMOVAL,)
    assert deficiencies_of(replace(VALID, removed_at=MADE_AT)) == ()


def test_an_earlier_or_withdrawn_election_is_superseded() -> None:
    assert deficiencies_of(replace(VALID, is_latest=False)) == (Deficiency.SUPERSEDED,)
    assert deficiencies_of(replace(VALID, withdrawn=True)) == (Deficiency.SUPERSEDED,)


def test_children_remain_without_an_explicit_waiver() -> None:
    assert deficiencies_of(replace(VALID, waiver_explicit=False)) == (
        Deficiency.WAIVER_NOT_EXPLICIT,
    )


def test_the_waiver_rule_concerns_only_children_remain() -> None:
    departing = replace(VALID, option=ElectionOption.DEPART_WITH_CHILDREN, waiver_explicit=False)
    assert deficiencies_of(departing) == ()


def test_an_unacknowledged_election() -> None:
    assert deficiencies_of(replace(VALID, acknowledged=False)) == (Deficiency.NOT_ACKNOWLEDGED,)


# --- Properties over generated elections ----------------------------------------------------

LANGUAGES = st.sampled_from(["spa", "eng", "por", "quc", "mam", "kjb"])
CHILDREN = st.frozensets(st.sampled_from(["ana", "luis", "sofia"]), max_size=3)

elections = st.builds(
    ElectionFacts,
    option=st.sampled_from(ElectionOption),
    form=st.sampled_from(ElectionForm),
    signature=st.none() | st.sampled_from(SignatureKind),
    signed_on=st.none() | st.dates(date(2018, 1, 1), date(2026, 12, 31)),
    witnesses=st.integers(0, 3),
    notice_language=st.none() | LANGUAGES,
    interpreter_languages=st.frozensets(LANGUAGES, max_size=2),
    parent_languages=st.frozensets(LANGUAGES, max_size=3),
    counsel_advised=st.booleans(),
    counsel=st.sampled_from(CounselChoice),
    children_named=CHILDREN,
    children_separated_at_the_time=CHILDREN,
    made_at=st.datetimes(datetime(2018, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC)),
    removed_at=st.none()
    | st.datetimes(datetime(2018, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC)),
    is_latest=st.booleans(),
    withdrawn=st.booleans(),
    waiver_explicit=st.booleans(),
    acknowledged=st.booleans(),
)


@given(elections)
def test_codes_come_once_each_in_the_published_order(facts: ElectionFacts) -> None:
    codes = deficiencies_of(facts)
    order = list(Deficiency)
    assert list(codes) == sorted(set(codes), key=order.index)


@given(elections)
def test_valid_exactly_when_every_rule_holds(facts: ElectionFacts) -> None:
    every_rule_holds = (
        facts.form is ElectionForm.SIGNED
        and facts.signed_on is not None
        and (
            facts.signature is SignatureKind.SIGNATURE
            or (facts.signature is SignatureKind.MARK_BEFORE_WITNESSES and facts.witnesses >= 2)
        )
        and (
            facts.notice_language in facts.parent_languages
            or bool(facts.interpreter_languages & facts.parent_languages)
        )
        and facts.counsel_advised
        and facts.counsel is not CounselChoice.NOT_RECORDED
        and facts.children_separated_at_the_time <= facts.children_named
        and (facts.removed_at is None or facts.made_at <= facts.removed_at)
        and facts.is_latest
        and not facts.withdrawn
        and (facts.option is not ElectionOption.CHILDREN_REMAIN or facts.waiver_explicit)
        and facts.acknowledged
    )
    assert is_valid(facts) == every_rule_holds


@given(elections)
def test_a_verbal_election_is_never_valid_and_never_unsigned(facts: ElectionFacts) -> None:
    spoken = replace(facts, form=ElectionForm.VERBAL)
    codes = deficiencies_of(spoken)
    assert Deficiency.VERBAL_ONLY in codes
    assert Deficiency.UNSIGNED not in codes


@given(elections)
def test_naming_more_children_never_adds_a_deficiency(facts: ElectionFacts) -> None:
    everyone = replace(
        facts, children_named=facts.children_named | facts.children_separated_at_the_time
    )
    assert set(deficiencies_of(everyone)) <= set(deficiencies_of(facts))
    assert Deficiency.CHILD_NOT_COVERED not in deficiencies_of(everyone)


@given(elections)
def test_every_code_has_words(facts: ElectionFacts) -> None:
    for code in deficiencies_of(facts):
        assert deficiency_words(code, facts).strip()


@given(elections, st.frozensets(st.sampled_from(Deficiency)))
def test_rules_a_record_cannot_show_are_left_unjudged_and_the_rest_unchanged(
    facts: ElectionFacts, cannot_show: frozenset[Deficiency]
) -> None:
    judged = deficiencies_of(facts, cannot_show=cannot_show)
    assert judged == tuple(code for code in deficiencies_of(facts) if code not in cannot_show)


def test_a_historical_extract_cannot_show_acknowledgment_waiver_or_children_named() -> None:
    """An `ice` row: a signed CHILDREN_REMAIN with no acknowledgment, waiver or children."""
    from_extract = replace(
        VALID, acknowledged=False, waiver_explicit=False, children_named=frozenset()
    )
    assert deficiencies_of(from_extract, cannot_show=EXTRACT_CANNOT_SHOW) == ()
    assert set(deficiencies_of(from_extract)) == EXTRACT_CANNOT_SHOW
    spoken = replace(from_extract, form=ElectionForm.VERBAL)
    assert deficiencies_of(spoken, cannot_show=EXTRACT_CANNOT_SHOW) == (Deficiency.VERBAL_ONLY,)
