"""The linkage table's columns from a source's standard fields (`contract_frame`)."""

from datetime import date

import pandas as pd

from reunify.linkage.contract import CONTRACT_COLUMNS, contract_frame, stacked

PERSON = {
    "record_id": "R1", "given_names_key": "maria de los angeles", "first_surname_key": "de la cruz",
    "second_surname_key": "lopez", "birth_date": date(2010, 3, 4), "birth_date_ambiguous": True,
    "sex": "F", "citizenship": "GT", "a_number": "", "languages": "quc spa",
}  # fmt: skip
BORDER = {"event_id": "E1", "family_group": "", "relationship": "CHILD",
          "apprehended_on": date(2018, 5, 6)}  # fmt: skip
SHELTER = {
    "reported_parent_relationship": "MOTHER", "reported_parent_given_names_key": "ana",
    "reported_parent_first_surname_key": "", "reported_parent_second_surname_key": "lopez",
    "parent_phone": "50255501234", "parent_a_number": "",
}  # fmt: skip


def test_a_border_record_becomes_its_row() -> None:
    row = contract_frame("cbp", pd.DataFrame([PERSON | BORDER])).iloc[0].to_dict()

    assert list(row) == list(CONTRACT_COLUMNS)
    assert row == row | {
        "unique_id": "cbp:R1", "source": "cbp", "record_id": "R1",
        "given_names": "maria de los angeles", "first_given": "maria",
        "first_surname": "de la cruz", "second_surname": "lopez",
        "surnames": "de la cruz lopez", "name_key": "angeles cruz lopez maria",
        "birth_date": "2010-03-04", "birth_year": 2010, "birth_date_ambiguous": True,
        "sex": "F", "citizenship": "GT", "a_number": None, "language": "quc",
        "event_id": "E1", "family_group": None, "relationship": "CHILD",
        "apprehended_on": "2018-05-06", "subject_id": None, "parent_phone": None,
    }  # fmt: skip


def test_a_shelter_record_names_the_reported_parent_and_misses_nothing_else() -> None:
    no_date = PERSON | SHELTER | {"birth_date": None, "languages": "", "second_surname_key": ""}

    row = contract_frame("orr", pd.DataFrame([no_date])).iloc[0].to_dict()

    assert row["reported_parent_surnames"] == "lopez"
    assert row["reported_parent_given_names"] == "ana"
    assert row["parent_a_number"] is None
    assert row["surnames"] == "de la cruz"
    assert (row["birth_date"], row["language"], row["event_id"]) == (None, None, None)
    assert pd.isna(row["birth_year"])


def test_sources_stack_in_order_numbered_from_zero() -> None:
    border = contract_frame("cbp", pd.DataFrame([PERSON | BORDER]))
    shelter = contract_frame("orr", pd.DataFrame([PERSON | SHELTER | {"record_id": "R2"}]))

    table = stacked([border, shelter])

    assert list(table["unique_id"]) == ["cbp:R1", "orr:R2"]
    assert list(table.index) == [0, 1]
    assert list(stacked([]).columns) == list(CONTRACT_COLUMNS)


def test_equal_texts_become_one_object_and_empty_text_null() -> None:
    # Read from the database, every row's "GT" is a string of its own.
    rows = [PERSON | BORDER | {"record_id": f"R{n}", "citizenship": "".join(["G", "T"])}
            for n in range(3)]  # fmt: skip
    rows[2]["citizenship"] = ""

    table = contract_frame("cbp", pd.DataFrame(rows))

    first, second, third = table["citizenship"]
    assert first == "GT"
    assert second is first
    assert third is None
