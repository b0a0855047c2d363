"""Telephone numbers: digits with the country code, however they were written."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.standardise import standard_phone

pytestmark = pytest.mark.sqlite

# (country, calling code, national digits) as the families' mobiles are numbered.
MOBILES = [("GT", "502", 8), ("HN", "504", 8), ("SV", "503", 8), ("MX", "52", 10),
           ("BR", "55", 11), ("EC", "593", 9), ("NI", "505", 8), ("PE", "51", 9),
           ("CO", "57", 10)]  # fmt: skip
STYLES = ("+{c}{n}", "+{c} {a} {b}", "{a}-{b}", "({c}) {n}", "011 {c} {n}", "{c}{n}", "00{c}{n}")


@given(
    mobile=st.sampled_from(MOBILES),
    digits=st.integers(min_value=0, max_value=10**11),
    style=st.sampled_from(STYLES),
)
def test_a_number_written_any_way_round_trips_with_its_country(
    mobile: tuple[str, str, int], digits: int, style: str
) -> None:
    # Given: a number leading with 9, as mobiles do, written as a case worker might
    country, code, length = mobile
    national = ("9" + f"{digits:011d}")[:length]
    half = length // 2
    text = style.format(c=code, n=national, a=national[:half], b=national[half:])

    # When
    read = standard_phone(text, country=country).value

    # Then
    assert read is not None
    assert read.e164 == f"+{code}{national}"
    assert read.digits == f"{code}{national}"


@pytest.mark.parametrize(
    ("text", "digits", "calling_code"),
    [
        ("+502 5123 4567", "50251234567", "502"),
        ("Tel: +52 55 1234 5678", "525512345678", "52"),
        ("(504) 9876-5432", "50498765432", "504"),
        ("5123-4567", "51234567", None),  # no code, no country to assume
        ("+44 20 7946 0958", "442079460958", None),  # a code this module does not know
    ],
)
def test_without_a_country_only_a_written_code_is_recognised(
    text: str, digits: str, calling_code: str | None
) -> None:
    # Given / When
    read = standard_phone(text).value

    # Then
    assert read is not None
    assert (read.digits, read.calling_code) == (digits, calling_code)


@pytest.mark.parametrize(
    ("text", "problem"), [("123", "3 digits"), ("call the aunt", "not only a telephone number")]
)
def test_what_is_no_phone_number_says_why(text: str, problem: str) -> None:
    # Given / When
    read = standard_phone(text, country="GT")

    # Then
    assert read.value is None
    assert read.problem is not None
    assert problem in read.problem


def test_a_blank_phone_is_no_problem() -> None:
    # Given / When / Then
    assert standard_phone("", country="GT").blank
