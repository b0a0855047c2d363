"""A-numbers: any formatting round-trips to nine digits; what is no A-number says why."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.standardise import standard_a_number

pytestmark = pytest.mark.sqlite

a_numbers = st.integers(min_value=1_000_000, max_value=999_999_999).map(lambda n: f"{n:09d}")
STYLES = (
    "{d}",
    "A{d}",
    "A {a}-{b}-{c}",
    "{a}-{b}-{c}",
    "A-{d}",
    "A#{d}",
    " a{d} ",
    "A.{a}.{b}.{c}",
)


@given(a_number=a_numbers, style=st.sampled_from(STYLES), drop_zeros=st.booleans())
def test_formatting_an_a_number_any_way_round_trips(
    a_number: str, style: str, drop_zeros: bool
) -> None:
    # Given: written as an agency system might, perhaps stored as an integer
    digits = a_number.lstrip("0") if drop_zeros else a_number
    text = style.format(d=digits, a=a_number[:3], b=a_number[3:6], c=a_number[6:])

    # When
    read = standard_a_number(text)

    # Then
    assert read.value == a_number
    assert read.problem is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1234567890", "10 digits; an A-number has at most 9"),
        ("A12345", "5 digits; an A-number has 7 to 9"),
        ("000000000", "zeros is a placeholder"),
        ("A12B45678", "digits only"),
        ("\uff12\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16", None),  # full-width digits
    ],
)
def test_what_is_no_a_number_gives_the_reason(text: str, problem: str | None) -> None:
    # Given / When
    read = standard_a_number(text)

    # Then
    if problem is None:
        assert read.value == "208123456"
    else:
        assert read.value is None
        assert read.problem is not None
        assert problem in read.problem


@pytest.mark.parametrize("text", [None, "", "  ", "N/A", "UNKNOWN", "none"])
def test_a_blank_a_number_is_no_problem(text: str | None) -> None:
    # Given / When
    read = standard_a_number(text)

    # Then
    assert read.blank
