"""The extracts carry what the removals report needs.

With perfect linkage (truth_persons.csv) and family links (truth_relationships.csv),
a reader of the well-formed rows alone — cbp's `separated` flag, ice's removals and
elections, every language on any row — reaches the same report as the truth.
"""

import re
from collections import defaultdict
from datetime import date

import pytest

from reunify.synth import SynthElection, SynthRemoval, SynthSeparation, classify_removed_parents
from reunify.synth.spellings import LANGUAGE_SPELLINGS
from reunify.vocabulary import ElectionForm, ElectionOption, SeparationReason

from .support import Generated

LANGUAGE_CODES = {text: code for code, table in LANGUAGE_SPELLINGS.items() for text in table.values}


def _languages(text: str) -> set[str]:
    return {LANGUAGE_CODES[part] for part in re.split(r"/|, ", text) if part}


def test_every_language_spelling_names_one_language() -> None:
    spellings = [text for table in LANGUAGE_SPELLINGS.values() for text in table.values]
    assert len(spellings) == len(set(spellings))


@pytest.fixture(scope="module")
def languages_on_rows(generated: Generated) -> dict[str, set[str]]:
    person_of = generated.person_of()
    found: dict[str, set[str]] = defaultdict(set)
    for source in ("cbp", "ice"):
        for row in generated.well_formed(source):
            found[person_of[(source, row["record_id"])]] |= _languages(row["language"])
    return found


def test_rows_never_show_a_language_the_person_does_not_speak(
    generated: Generated, languages_on_rows: dict[str, set[str]]
) -> None:
    for key, shown in languages_on_rows.items():
        assert shown <= set(generated.world.persons[key].languages), key


def test_parents_with_elections_show_all_their_languages(
    generated: Generated, languages_on_rows: dict[str, set[str]]
) -> None:
    for key in generated.world.elections_of:
        assert languages_on_rows[key] == set(generated.world.persons[key].languages), key


def test_the_report_read_from_the_extracts_matches_the_truth(
    generated: Generated, languages_on_rows: dict[str, set[str]]
) -> None:
    person_of = generated.person_of()
    flagged = {
        person_of[("cbp", row["record_id"])]
        for row in generated.well_formed("cbp")
        if row["separated"] == "Y"
    }
    separations = [
        SynthSeparation("?", row["parent"], row["child"], date.min,
                        SeparationReason.OTHER, None, None, None, None)
        for row in generated.rows("truth_relationships.csv")
        if row["parent"] in flagged and row["child"] in flagged
    ]  # fmt: skip
    removed_on: dict[str, date] = {}
    elections: list[SynthElection] = []
    for row in generated.well_formed("ice"):
        key = person_of[("ice", row["record_id"])]
        if row["removed_on"]:
            removed_on[key] = date.fromisoformat(row["removed_on"])
        if row["election"]:
            interpreter = _languages(row["interpreter_language"])
            elections.append(
                SynthElection(
                    parent_key=key,
                    option=ElectionOption(row["election"]),
                    children=(),
                    form=ElectionForm(row["election_form"]),
                    made_on=date.fromisoformat(row["election_on"]),
                    notice_language=_languages(row["notice_language"]).pop(),
                    interpreter_language=interpreter.pop() if interpreter else None,
                    counsel_advised={"Y": True, "N": False, "": None}[row["counsel_advised"]],
                    acknowledged=False,
                    waiver_explicit=None,
                )
            )

    # children on the same removal: removed the same day as the parent
    def removed_with(parent: str, day: date) -> tuple[str, ...]:
        children = (s.child_key for s in separations if s.parent_key == parent)
        return tuple(child for child in children if removed_on.get(child) == day)

    removals = [
        SynthRemoval(key, day, "?", removed_with(key, day)) for key, day in removed_on.items()
    ]

    read = classify_removed_parents(
        removals=removals,
        separations=separations,
        elections=elections,
        languages_of=languages_on_rows,
    ).to_json()

    assert read == generated.removals_json()
