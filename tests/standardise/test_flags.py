"""Yes/no columns: Y, N and blank, and the other ways clerks write them."""

import pytest

from reunify.standardise import standard_flag

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "value"),
    [("Y", True), ("yes", True), ("Sí", True), ("1", True), ("TRUE", True), ("N", False),
     ("no", False), ("0", False), ("false", False), (" n ", False)],
)  # fmt: skip
def test_yes_and_no_in_their_spellings(text: str, value: bool) -> None:
    # Given / When / Then
    assert standard_flag(text).value is value


@pytest.mark.parametrize("text", [None, "", "  "])
def test_blank_is_neither_yes_nor_no(text: str | None) -> None:
    # Given / When / Then
    assert standard_flag(text).blank


def test_anything_else_is_a_problem() -> None:
    # Given / When
    read = standard_flag("maybe")

    # Then
    assert read.value is None
    assert read.problem == "'maybe' is neither yes nor no"
