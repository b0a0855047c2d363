"""The pure classification of removed parents, on hand-made records."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.synth import (
    SynthElection,
    SynthRemoval,
    SynthSeparation,
    classify_removed_parents,
)
from reunify.synth.truth_removals import RemovalClass
from reunify.vocabulary import (
    Deficiency,
    ElectionForm,
    ElectionOption,
    ReunionMethod,
    ReunionSetting,
    SeparationReason,
)

# The cast: Ana, a K'iche' speaker with some Spanish, separated from her son Brayan.
ANA, BRAYAN = "P0000001", "P0000002"
SEPARATED_ON = date(2018, 5, 20)
REMOVED_ON = date(2018, 8, 1)


def separation(reunited_on: date | None = None) -> SynthSeparation:
    return SynthSeparation(
        "F000001", ANA, BRAYAN, SEPARATED_ON, SeparationReason.PARENT_PROSECUTED, None,
        reunited_on,
        ReunionSetting.IN_COUNTRY if reunited_on else None,
        ReunionMethod.RELEASE_TO_PARENT if reunited_on else None,
    )  # fmt: skip


def election(**changes: object) -> SynthElection:
    fields: dict[str, object] = {
        "parent_key": ANA,
        "option": ElectionOption.CHILDREN_REMAIN,
        "children": (BRAYAN,),
        "form": ElectionForm.SIGNED,
        "made_on": date(2018, 7, 20),
        "notice_language": "spa",
        "interpreter_language": None,
        "counsel_advised": True,
        "acknowledged": True,
        "waiver_explicit": True,
    }
    fields.update(changes)
    return SynthElection(**fields)  # type: ignore[arg-type]


def classify(
    elections: list[SynthElection],
    *,
    reunited_on: date | None = None,
    on_flight: tuple[str, ...] = (),
    languages: tuple[str, ...] = ("quc", "spa"),
) -> list[tuple[RemovalClass, tuple[Deficiency, ...]]]:
    truth = classify_removed_parents(
        removals=[SynthRemoval(ANA, REMOVED_ON, "GT", on_flight)],
        separations=[separation(reunited_on)],
        elections=elections,
        languages_of={ANA: languages},
    )
    return [(parent.removal_class, parent.deficiencies) for parent in truth.parents]


def test_a_signed_children_remain_election_is_valid() -> None:
    assert classify([election()]) == [(RemovalClass.VALID, ())]


def test_no_election_at_all() -> None:
    assert classify([]) == [(RemovalClass.NO_ELECTION, ())]


@pytest.mark.parametrize(
    ("changes", "deficiency"),
    [
        ({"form": ElectionForm.VERBAL}, Deficiency.VERBAL_ONLY),
        ({"form": ElectionForm.UNSIGNED}, Deficiency.UNSIGNED),
        ({"counsel_advised": False}, Deficiency.NO_COUNSEL_ADVISAL),
        ({"counsel_advised": None}, Deficiency.NO_COUNSEL_ADVISAL),
        ({"made_on": date(2018, 8, 2)}, Deficiency.AFTER_REMOVAL),
        ({"notice_language": "eng"}, Deficiency.LANGUAGE_NOT_UNDERSTOOD),
    ],
)
def test_each_checkable_flaw_makes_the_election_deficient(
    changes: dict[str, object], deficiency: Deficiency
) -> None:
    assert classify([election(**changes)]) == [(RemovalClass.DEFICIENT, (deficiency,))]


def test_spanish_notice_to_a_kiche_only_speaker_needs_an_interpreter() -> None:
    # given Ana speaks only K'iche'
    only_kiche = ("quc",)

    # then a Spanish notice alone was not understood, with a K'iche' interpreter it was
    assert classify([election()], languages=only_kiche)[0][1] == (
        Deficiency.LANGUAGE_NOT_UNDERSTOOD,
    )
    assert classify([election(interpreter_language="quc")], languages=only_kiche) == [
        (RemovalClass.VALID, ())
    ]
    spanish_interpreter = election(interpreter_language="spa")
    assert classify([spanish_interpreter], languages=only_kiche)[0][0] is RemovalClass.DEFICIENT


def test_an_election_made_on_the_day_of_removal_is_not_after_it() -> None:
    assert classify([election(made_on=REMOVED_ON)]) == [(RemovalClass.VALID, ())]


@pytest.mark.parametrize("option", [ElectionOption.DEPART_WITH_CHILDREN, ElectionOption.MORE_TIME])
def test_removal_against_a_valid_election_to_depart_or_wait_is_contrary(
    option: ElectionOption,
) -> None:
    assert classify([election(option=option)]) == [(RemovalClass.CONTRARY, ())]


def test_a_deficient_election_is_deficient_whatever_its_option() -> None:
    verbal_depart = election(option=ElectionOption.DEPART_WITH_CHILDREN, form=ElectionForm.VERBAL)
    assert classify([verbal_depart]) == [(RemovalClass.DEFICIENT, (Deficiency.VERBAL_ONLY,))]


def test_the_latest_election_governs() -> None:
    # given Ana first chose to leave Brayan here, then asked to depart with him
    earlier = election(made_on=date(2018, 7, 15))
    later = election(made_on=date(2018, 7, 25), option=ElectionOption.DEPART_WITH_CHILDREN)

    # then, in whatever order listed, she was removed contrary to her election
    assert classify([earlier, later]) == [(RemovalClass.CONTRARY, ())]
    assert classify([later, earlier]) == [(RemovalClass.CONTRARY, ())]


def test_a_parent_removed_with_the_child_is_not_counted() -> None:
    assert classify([election()], on_flight=(BRAYAN,)) == []


def test_a_parent_reunified_before_removal_is_not_counted() -> None:
    assert classify([], reunited_on=date(2018, 7, 1)) == []


def test_a_parent_reunified_only_after_removal_is_counted() -> None:
    assert classify([], reunited_on=date(2022, 3, 1)) == [(RemovalClass.NO_ELECTION, ())]


def test_a_removed_person_with_no_separation_is_not_counted() -> None:
    truth = classify_removed_parents(
        removals=[SynthRemoval(ANA, REMOVED_ON, "GT", ())],
        separations=[],
        elections=[election()],
        languages_of={ANA: ("spa",)},
    )
    assert truth.parents == ()


elections_strategy = st.lists(
    st.builds(
        election,
        form=st.sampled_from(ElectionForm),
        option=st.sampled_from(ElectionOption),
        made_on=st.dates(date(2018, 5, 21), date(2018, 9, 1)),
        notice_language=st.sampled_from(["spa", "eng", "quc", "por"]),
        interpreter_language=st.sampled_from([None, "quc", "spa", "mam"]),
        counsel_advised=st.sampled_from([True, False, None]),
    ),
    max_size=3,
)


@given(
    elections=elections_strategy, languages=st.sampled_from([("quc",), ("quc", "spa"), ("por",)])
)
def test_every_counted_parent_lands_in_exactly_one_class(
    elections: list[SynthElection], languages: tuple[str, ...]
) -> None:
    # when any set of elections is judged
    [(removal_class, deficiencies)] = classify(elections, languages=languages)

    # then the class follows from the election and its deficiencies alone
    if not elections:
        assert removal_class is RemovalClass.NO_ELECTION
    elif deficiencies:
        assert removal_class is RemovalClass.DEFICIENT
    else:
        assert removal_class in (RemovalClass.VALID, RemovalClass.CONTRARY)
    assert set(deficiencies) <= {
        Deficiency.VERBAL_ONLY,
        Deficiency.UNSIGNED,
        Deficiency.LANGUAGE_NOT_UNDERSTOOD,
        Deficiency.NO_COUNSEL_ADVISAL,
        Deficiency.AFTER_REMOVAL,
    }
