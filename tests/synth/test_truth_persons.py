"""truth_persons.csv lists every well-formed row once; truth_malformed.csv the rest."""

from datetime import date

import pytest

from .support import SOURCES, Generated


def test_every_well_formed_row_is_listed_exactly_once(generated: Generated) -> None:
    # given the truth and every row of every extract
    listed = [(row["source"], row["record_id"]) for row in generated.rows("truth_persons.csv")]
    malformed = {(row["source"], row["record_id"]) for row in generated.rows("truth_malformed.csv")}
    all_rows = {
        (source, row["record_id"]) for source in SOURCES for row in generated.rows(f"{source}.csv")
    }

    # then the truth lists each well-formed row once and no malformed one
    assert len(listed) == len(set(listed))
    assert set(listed) == all_rows - malformed
    assert not set(listed) & malformed
    assert malformed <= all_rows


def test_every_listed_person_exists(generated: Generated) -> None:
    persons = {row["person"] for row in generated.rows("truth_persons.csv")}
    assert persons <= generated.world.persons.keys()


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_has_a_few_malformed_rows(generated: Generated, source: str) -> None:
    # then the malformed rows are few but present
    malformed = generated.malformed_ids(source)
    total = len(generated.rows(f"{source}.csv"))
    assert 0 < len(malformed) <= 0.01 * total


def _impossible(text: str) -> bool:
    parts = text.replace("/", "-").split("-")
    if len(parts[0]) == 4:
        year, first, second = parts
    else:
        first, second, year = parts
    for month, day in ((first, second), (second, first)):
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            continue
        return False
    return True


def test_malformed_rows_really_cannot_be_used(generated: Generated) -> None:
    required = {
        "cbp": ("event_id", "apprehended_on", "given_names", "surnames"),
        "ice": ("first_name", "last_name"),
        "orr": ("first_name", "last_names"),
    }
    reasons = {
        (r["source"], r["record_id"]): r["reason"] for r in generated.rows("truth_malformed.csv")
    }
    for source in SOURCES:
        for row in generated.rows(f"{source}.csv"):
            reason = reasons.get((source, row["record_id"]))
            if reason is None:
                continue
            empty = [column for column in required[source] if not row[column]]
            bad_date = (
                source == "cbp" and row["apprehended_on"] and _impossible(row["apprehended_on"])
            )
            assert empty or bad_date, (source, row["record_id"], reason)


def test_no_person_loses_every_row(generated: Generated) -> None:
    # a malformed row never leaves its person without a well-formed one
    listed = {row["person"] for row in generated.rows("truth_persons.csv")}
    assert listed == set(generated.world.persons)
