"""Family reconstruction: each kind of evidence on small hand-made tables, then one
generated world scored against its truth. Pure pandas and DuckDB, no database."""

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reunify.linkage.contract import CONTRACT_COLUMNS
from reunify.linkage.evaluation import read_truth_persons
from reunify.linkage.family_evidence import EVIDENCE, candidate_evidence
from reunify.linkage.family_links import ACCEPT, REVIEW_FLOOR, family_links, score_evidence
from reunify.linkage.records_frame import records_frame
from reunify.linkage.relationship_evaluation import (
    link_scores,
    naive_family_links,
    read_truth_relationships,
    shelter_scores,
)
from reunify.synth import generate

EVENT = "RGV180601000001"


def _record(unique_id: str, **fields: Any) -> dict[str, Any]:
    record = dict.fromkeys(CONTRACT_COLUMNS)
    source, _, record_id = unique_id.partition(":")
    given, surnames = fields.pop("name", "ana lopez garcia").split(" ", 1)
    record.update(
        unique_id=unique_id,
        source=source,
        record_id=record_id,
        given_names=given,
        first_given=given,
        surnames=surnames,
        first_surname=surnames.split()[0],
    )
    if source == "cbp":
        record.update(event_id=EVENT, apprehended_on="2018-06-01")
    record.update(fields)
    return record


def _mother(unique_id: str = "cbp:m", **fields: Any) -> dict[str, Any]:
    values = {"name": "maria garcia perez", "birth_date": "1988-03-04", "sex": "F",
              "relationship": "MOTHER", "family_group": "FG1"} | fields  # fmt: skip
    return _record(unique_id, **values)


def _child(unique_id: str = "cbp:c", **fields: Any) -> dict[str, Any]:
    values = {"name": "ana lopez garcia", "birth_date": "2011-05-06", "sex": "F",
              "relationship": "CHILD", "family_group": "FG1"} | fields  # fmt: skip
    return _record(unique_id, **values)


def _links(*records: dict[str, Any], persons: dict[str, str] | None = None) -> pd.DataFrame:
    """Links among records, each its own person unless `persons` joins them."""
    frame = pd.DataFrame.from_records(records, columns=list(CONTRACT_COLUMNS))
    ids = frame["unique_id"]
    clusters = pd.DataFrame({"unique_id": ids, "person_id": ids.map(persons or {}).fillna(ids)})
    return family_links(frame, clusters).links


def _only(links: pd.DataFrame, parent: str, child: str) -> pd.Series:
    found = links[(links["parent_person_id"] == parent) & (links["child_person_id"] == child)]
    assert len(found) == 1, links
    return found.iloc[0]


def test_a_mother_and_child_of_one_family_group_are_linked() -> None:
    # given a mother and her daughter in one event and family group
    links = _links(_mother(), _child())
    # then the link is accepted, with the evidence that made it
    link = _only(links, "cbp:m", "cbp:c")
    assert link["status"] == "accepted"
    assert link["confidence"] >= ACCEPT
    assert set(link["evidence"]) >= {
        "co_apprehended_same_event", "same_family_group", "relationship_word:MOTHER/CHILD",
        "age_gap_14_to_60", "shared_surname",
    }  # fmt: skip


def test_no_link_between_two_family_groups_of_one_event() -> None:
    # given two families apprehended together, told apart by their family groups
    links = _links(_mother(), _child(family_group="FG2", name="luis perez diaz"))
    # then the mother is not linked to the other family's child
    assert links.empty


def test_a_child_who_came_with_an_aunt_gets_no_parent() -> None:
    aunt = _mother(relationship="AUNT_UNCLE")
    niece = _child(relationship="NIECE_NEPHEW")
    assert _links(aunt, niece).empty


def test_an_implausible_age_gap_keeps_a_link_out() -> None:
    # a "mother" eight years older than the child is not accepted as her mother
    links = _links(_mother(birth_date="2003-01-01"), _child())
    assert (links["status"] == "accepted").sum() == 0


def test_a_blank_family_group_and_word_still_link_on_age_surname_and_word() -> None:
    links = _links(_mother(family_group=None), _child(family_group=None, relationship=None))
    link = _only(links, "cbp:m", "cbp:c")
    assert link["confidence"] >= REVIEW_FLOOR
    assert "relationship_word:MOTHER/-" in link["evidence"]


def test_a_reported_parent_a_number_links_a_shelter_child_to_a_detained_adult() -> None:
    # given a shelter child whose record gives a parent's A-number, held by an adult
    # known only from detention (no shared border event)
    adult = _record("ice:1", name="maria garcia perez", birth_date="1988-03-04", sex="F",
                    a_number="201234567")  # fmt: skip
    child = _record("orr:1", name="ana lopez garcia", birth_date="2011-05-06", sex="F",
                    parent_a_number="201234567", reported_parent_relationship="MOTHER",
                    reported_parent_given_names="maria",
                    reported_parent_surnames="garcia perez")  # fmt: skip
    link = _only(_links(adult, child), "ice:1", "orr:1")
    assert {"parent_a_number_matches", "reported_parent_name_matches"} <= set(link["evidence"])
    assert link["status"] == "accepted"


def test_a_namesake_without_anything_else_is_not_accepted() -> None:
    # given a shelter child who reports "MADRE: MARIA GARCIA" and an unrelated Maria
    # Garcia apprehended elsewhere, with nothing else in common
    adult = _record("ice:1", name="maria garcia lopez", birth_date="1988-03-04", sex="F")
    child = _record("orr:1", name="ana perez diaz", birth_date="2011-05-06", sex="F",
                    reported_parent_relationship="MOTHER", reported_parent_given_names="maria",
                    reported_parent_surnames="garcia")  # fmt: skip
    links = _links(adult, child)
    assert (links["status"] == "accepted").sum() == 0


def test_the_reported_name_tells_which_adult_of_the_event_is_the_parent() -> None:
    # given two women of one event, no family groups, a child whose shelter record
    # names one of them
    maria = _mother("cbp:m1", family_group=None)
    rosa = _mother("cbp:m2", family_group=None, name="rosa garcia mendez")
    child = _child(family_group=None)
    shelter = _record("orr:1", name="ana lopez garcia", birth_date="2011-05-06", sex="F",
                      reported_parent_relationship="MOTHER", reported_parent_given_names="rosa",
                      reported_parent_surnames="garcia")  # fmt: skip
    links = _links(maria, rosa, child, shelter, persons={"orr:1": "cbp:c"})
    accepted = links[links["status"] == "accepted"]
    assert accepted[["parent_person_id", "child_person_id"]].values.tolist() == [
        ["cbp:m2", "cbp:c"]
    ]
    assert "reported_parent_name_matches" in _only(links, "cbp:m2", "cbp:c")["evidence"]
    assert "reported_parent_name_differs" in _only(links, "cbp:m1", "cbp:c")["evidence"]


def test_a_phone_shared_with_a_sibling_who_named_the_parent_is_evidence() -> None:
    adult = _record("ice:1", name="maria garcia perez", birth_date="1988-03-04", sex="F",
                    a_number="201234567")  # fmt: skip
    named = _record("orr:1", name="ana lopez garcia", birth_date="2011-05-06",
                    parent_a_number="201234567", parent_phone="50255551234")  # fmt: skip
    sibling = _record("orr:2", name="luis lopez garcia", birth_date="2013-05-06",
                      parent_a_number="201234567", parent_phone="50255551234")  # fmt: skip
    frame = pd.DataFrame.from_records([adult, named, sibling], columns=list(CONTRACT_COLUMNS))
    clusters = pd.DataFrame({"unique_id": frame["unique_id"], "person_id": frame["unique_id"]})
    evidence = candidate_evidence(frame, clusters).set_index("child_person_id")
    assert evidence.loc["orr:2", "parent_phone_matches"]


def test_a_sibling_who_named_the_parent_only_by_name_still_lends_the_phone() -> None:
    # given a child whose record gives the parent's A-number, and a sister who gave the
    # same phone and named the parent by name alone (no event, no A-number of her own)
    adult = _record("ice:1", name="maria garcia perez", birth_date="1988-03-04", sex="F",
                    a_number="201234567")  # fmt: skip
    by_number = _record("orr:1", name="ana lopez garcia", birth_date="2011-05-06",
                        parent_a_number="201234567", parent_phone="50255551234")  # fmt: skip
    by_name = _record("orr:2", name="luisa lopez garcia", birth_date="2013-05-06",
                      reported_parent_given_names="maria", reported_parent_surnames="garcia",
                      parent_phone="50255551234")  # fmt: skip
    frame = pd.DataFrame.from_records([adult, by_number, by_name], columns=list(CONTRACT_COLUMNS))
    clusters = pd.DataFrame({"unique_id": frame["unique_id"], "person_id": frame["unique_id"]})
    evidence = candidate_evidence(frame, clusters).set_index("child_person_id")
    assert evidence.loc["orr:2", "reported_parent_name_matches"]
    assert evidence.loc["orr:1", "parent_phone_matches"]


def test_a_namesake_alone_cannot_reach_review_whatever_else_it_shares() -> None:
    # namesakes are compared only where something else makes the adult a candidate; that
    # is safe while a namesake with every other kind of evidence a stranger can carry
    # (age, surname, phone) still scores below the review floor
    evidence = pd.DataFrame([dict.fromkeys(EVIDENCE, False)])
    for code in ("reported_parent_name_matches", "age_gap_14_to_60", "shared_surname",
                 "parent_phone_matches"):  # fmt: skip
        evidence[code] = True
    assert score_evidence(evidence).iloc[0] < REVIEW_FLOOR
    given_only = evidence.assign(reported_parent_name_matches=False,
                                 reported_parent_given_name_matches=True)  # fmt: skip
    assert score_evidence(given_only).iloc[0] < REVIEW_FLOOR


def test_two_candidate_mothers_equally_strong_both_go_to_review() -> None:
    # given two women each called MOTHER of the same child in one family group
    links = _links(_mother("cbp:m1"), _mother("cbp:m2", name="rosa garcia mendez"), _child())
    assert set(links["status"]) == {"review"}
    assert all("conflicting_candidate" in found for found in links["evidence"])


def test_a_mother_and_a_father_are_both_kept() -> None:
    father = _record("cbp:f", name="jose lopez ruiz", birth_date="1985-01-01", sex="M",
                     relationship="FATHER", family_group="FG1")  # fmt: skip
    links = _links(_mother(), father, _child())
    accepted = links[links["status"] == "accepted"]
    assert sorted(accepted["parent_person_id"]) == ["cbp:f", "cbp:m"]


def test_the_naive_baseline_links_on_a_number_only_when_exact() -> None:
    adult = _mother(a_number="201234567")
    shelter = _record("orr:1", name="ana lopez garcia", parent_a_number="201234567")
    other = _record("orr:2", name="luis perez", parent_a_number="201234568")
    frame = pd.DataFrame.from_records([adult, shelter, other], columns=list(CONTRACT_COLUMNS))
    clusters = pd.DataFrame({"unique_id": frame["unique_id"], "person_id": frame["unique_id"]})
    links = naive_family_links(frame, clusters)
    assert links[["parent_person_id", "child_person_id"]].values.tolist() == [["cbp:m", "orr:1"]]


@pytest.fixture(scope="module")
def synth_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("synth")
    generate(300, 23, directory)
    return directory


def test_a_generated_world_is_rebuilt_into_families(synth_world: Path) -> None:
    # given 300 generated families, with the records linked into persons perfectly
    # (person linkage is measured elsewhere; here only family reconstruction is)
    frame = records_frame(synth_world)
    truth = read_truth_persons(synth_world / "truth_persons.csv")
    clusters = truth.rename(columns={"person": "person_id"})
    relationships = read_truth_relationships(synth_world / "truth_relationships.csv")
    # when families are rebuilt
    found = family_links(frame, clusters)
    accepted = found.accepted
    # then (measured: precision 1.0, recall 0.99, shelter 0.99 named, none wrongly)
    scores = link_scores(accepted, clusters, truth, relationships)
    assert scores.precision >= 0.99
    assert scores.recall >= 0.97
    shelter = shelter_scores(accepted, clusters, truth, relationships)
    assert shelter.children > 50
    assert shelter.correct_share >= 0.96
    assert shelter.wrong_share <= 0.01
    # and the baseline does worse
    naive = naive_family_links(frame, clusters)
    assert shelter_scores(naive, clusters, truth, relationships).correct_share < 0.8


def test_candidates_name_persons_by_their_ids_in_id_order() -> None:
    # given two mothers and their children apprehended together, persons listed in no
    # particular order
    records = [
        _record("cbp:m2", name="rosa diaz lopez", birth_date="1985-01-01", sex="F",
                event_id="E2", relationship="MOTHER"),
        _record("cbp:c2", name="juan diaz", birth_date="2012-01-01", event_id="E2"),
        _record("cbp:m1", name="ana perez gomez", birth_date="1984-01-01", sex="F",
                event_id="E1", relationship="MOTHER"),
        _record("cbp:c1", name="eva perez", birth_date="2011-01-01", event_id="E1"),
    ]  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=list(CONTRACT_COLUMNS))
    clusters = pd.DataFrame({"unique_id": frame["unique_id"], "person_id": frame["unique_id"]})

    evidence = candidate_evidence(frame, clusters)

    pairs = list(zip(evidence["parent_person_id"], evidence["child_person_id"], strict=True))
    assert ("cbp:m1", "cbp:c1") in pairs
    assert ("cbp:m2", "cbp:c2") in pairs
    assert pairs == sorted(pairs)
