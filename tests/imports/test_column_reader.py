"""A chunk read a column at a time: each distinct value read once, and what reading it
found kept with every row that holds it, in the order the columns were read."""

from reunify.families.rules import Problem
from reunify.imports.column_reader import ColumnReader, each_distinct
from reunify.standardise import standard_country


def test_each_distinct_value_is_read_once_and_given_back_in_row_order() -> None:
    read: list[str] = []

    def shout(value: str) -> str:
        read.append(value)
        return value.upper()

    assert each_distinct(["a", "b", "a", "c", "b"], shout) == ["A", "B", "A", "C", "B"]
    assert read == ["a", "b", "c"]


def test_problems_and_notes_stay_with_their_rows_in_the_order_columns_are_read() -> None:
    reader = ColumnReader(
        {
            "record_id": ["R1", "", "R3"],
            "citizenship": ["Atlantis", "GT", "Atlantis"],
            "birth_date": ["31/02/2018", "2018-02-03", "04/05/2018"],
        },
        size=3,
        date_order=None,
    )

    assert reader.text("record_id", limit=64, required=True) == ["R1", "", "R3"]
    assert reader.optional("citizenship", standard_country) == [None, "GT", None]
    born, ambiguous = reader.birth_date()

    assert born[0] is None
    assert str(born[1]) == "2018-02-03"
    assert ambiguous == [False, False, True]
    assert [problem.field for problem in reader.problems[0]] == ["birth_date"]
    assert reader.problems[1] == [Problem("record_id", "missing required field: record_id")]
    assert reader.problems[2] == []
    assert reader.notes == [
        ["citizenship: 'Atlantis' is no country Reunify knows"],
        [],
        ["citizenship: 'Atlantis' is no country Reunify knows"],
    ]


def test_a_column_the_file_lacks_reads_as_blank_in_every_row() -> None:
    reader = ColumnReader({"record_id": ["R1", "R2"]}, size=2, date_order=None)

    assert reader.text("station", limit=200) == ["", ""]
    assert reader.date("book_in_on") == [None, None]
    assert reader.problems == [[], []]
    assert reader.notes == [[], []]
