"""The three extracts keep DESIGN.md's column contracts."""

import re

import pytest

from reunify.vocabulary import CustodyKind

from .support import SOURCES, Generated

CONTRACT_COLUMNS = {
    "cbp": ("record_id", "event_id", "apprehended_on", "station", "family_group", "given_names",
            "surnames", "sex", "birth_date", "citizenship", "a_number", "relationship",
            "language", "separated", "separation_reason"),
    "ice": ("record_id", "a_number", "subject_id", "first_name", "middle_name", "last_name",
            "second_last_name", "birth_date", "sex", "citizenship", "book_in_on", "facility",
            "removed_on", "removal_country", "language", "election", "election_form",
            "election_on", "notice_language", "interpreter_language", "counsel_advised"),
    "orr": ("record_id", "child_id", "first_name", "last_names", "birth_date", "sex",
            "citizenship", "referred_on", "referring_station", "shelter", "reported_parent",
            "parent_phone", "parent_a_number", "discharged_on", "discharge_type"),
}  # fmt: skip
REQUIRED = {
    "cbp": ("record_id", "event_id", "apprehended_on", "given_names", "surnames"),
    "ice": ("record_id", "first_name", "last_name"),
    "orr": ("record_id", "first_name", "last_names"),
}
CLOSED_VALUES = {
    ("cbp", "separated"): {"Y", "N", ""},
    ("ice", "election"): {"", "DEPART_WITH_CHILDREN", "CHILDREN_REMAIN", "MORE_TIME"},
    ("ice", "election_form"): {"", "SIGNED", "VERBAL", "UNSIGNED"},
    ("ice", "counsel_advised"): {"Y", "N", ""},
    ("orr", "discharge_type"): {"", "REUNIFIED_WITH_PARENT", "SPONSOR", "AGED_OUT", "OTHER"},
}
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4})$")


@pytest.mark.parametrize("source", SOURCES)
def test_every_contract_column_is_in_the_header(generated: Generated, source: str) -> None:
    # when the extract's header is read
    header = generated.header(f"{source}.csv")

    # then it has every contract column once, and at most a couple of unknown ones
    assert set(CONTRACT_COLUMNS[source]) <= set(header)
    assert len(header) == len(set(header))
    assert 1 <= len(set(header) - set(CONTRACT_COLUMNS[source])) <= 2


@pytest.mark.parametrize("source", SOURCES)
def test_well_formed_rows_fill_every_required_field(generated: Generated, source: str) -> None:
    # given the rows not listed as malformed
    rows = list(generated.well_formed(source))
    assert rows

    # then every required field has a value
    for row in rows:
        for column in REQUIRED[source]:
            assert row[column].strip(), (source, row["record_id"], column)


@pytest.mark.parametrize("source", SOURCES)
def test_record_ids_are_unique(generated: Generated, source: str) -> None:
    ids = [row["record_id"] for row in generated.rows(f"{source}.csv")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("source", "column"), sorted(CLOSED_VALUES))
def test_coded_columns_use_only_their_codes(generated: Generated, source: str, column: str) -> None:
    seen = {row[column] for row in generated.rows(f"{source}.csv")}
    assert seen <= CLOSED_VALUES[(source, column)]
    assert len(seen) > 1


def test_date_columns_hold_one_of_the_three_formats(generated: Generated) -> None:
    date_columns = {
        "cbp": ("birth_date",),
        "ice": ("birth_date", "book_in_on", "removed_on", "election_on"),
        "orr": ("birth_date", "referred_on", "discharged_on"),
    }
    for source, columns in date_columns.items():
        for row in generated.well_formed(source):
            for column in columns:
                assert row[column] == "" or DATE.match(row[column]), (source, column, row[column])


def test_cbp_has_one_row_per_person_and_event_ids_join_families(generated: Generated) -> None:
    world = generated.world
    rows = generated.rows("cbp.csv")
    person_of = generated.person_of()

    # then each person is on one cbp row
    assert len(rows) == len(world.persons)

    # and well-formed rows of one family share its event id
    for row in generated.well_formed("cbp"):
        person = person_of[("cbp", row["record_id"])]
        assert row["event_id"] == world.family_of[person].event_id


def test_orr_has_one_row_per_child_referred_to_a_shelter(generated: Generated) -> None:
    world = generated.world
    sheltered = {e.person_key for e in world.episodes if e.kind is CustodyKind.SHELTER}
    assert len(generated.rows("orr.csv")) == len(sheltered)


def test_ice_removals_match_the_truth(generated: Generated) -> None:
    # given the well-formed ice rows that record a removal
    person_of = generated.person_of()
    removed = {
        person_of[("ice", row["record_id"])]: row["removed_on"]
        for row in generated.well_formed("ice")
        if row["removed_on"]
    }

    # then they are exactly the removed people, on the right day
    truth = {
        removal.person_key: removal.removed_on.isoformat() for removal in generated.world.removals
    }
    assert removed == truth


def test_some_people_have_two_ice_bookings(generated: Generated) -> None:
    person_of = generated.person_of()
    people = [person_of[("ice", row["record_id"])] for row in generated.well_formed("ice")]
    assert len(people) > len(set(people))
