"""A header row matches a source's columns in any order and case; unknown columns are
ignored; a missing required column or a repeated one refuses the file."""

import pytest

from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_columns import column_name, read_header

pytestmark = pytest.mark.sqlite


def test_headings_in_any_case_order_and_spacing_name_the_same_columns() -> None:
    header = read_header("orr", ["Last Names", "\ufeffRECORD-ID", " first_name ", "Shoe Size"])

    assert header.positions == {"last_names": 0, "record_id": 1, "first_name": 2}
    assert header.unknown == ("Shoe Size",)
    assert column_name("Parent A-Number") == "parent_a_number"


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(ExtractRefused, match="needs the columns event_id, apprehended_on"):
        read_header("cbp", ["record_id", "given_names", "surnames"])


def test_a_column_given_twice_refuses_the_file() -> None:
    with pytest.raises(ExtractRefused, match="'first_name' appears twice"):
        read_header("ice", ["record_id", "first_name", "last_name", "First Name"])
