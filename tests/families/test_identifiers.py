"""Agency identifiers: the same number typed differently is one number."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.families.choices import IdentifierScheme
from reunify.families.identifiers import (
    looks_like_identifier,
    normalize_a_number,
    normalize_identifier,
)


@pytest.mark.parametrize(
    ("typed", "a_number"),
    [
        ("A 012-345-678", "012345678"),
        ("A012345678", "012345678"),
        ("a012345678", "012345678"),
        ("12345678", "012345678"),
        ("A12345678", "012345678"),
        ("012 345 678", "012345678"),
        ("A.012.345.678", "012345678"),
        ("A-12-34-56-78", "012345678"),
        ("  A212345678  ", "212345678"),
        ("A/212/345/678", "212345678"),
        ("1234567", "001234567"),
        ("\uff21\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "012345678"),
    ],
    ids=lambda value: repr(value),
)
def test_an_a_number_in_any_usual_formatting_is_nine_digits(typed: str, a_number: str) -> None:
    # Given / When / Then
    assert normalize_a_number(typed) == a_number


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "A",
        "garbage",
        "123456",
        "A0123456789",
        "AA12345678",
        "12345678A",
        "A 012-345-67X",
        "B012345678",
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",
        "012_345_678",
    ],
    ids=lambda value: repr(value),
)
def test_anything_else_is_not_an_a_number(typed: str) -> None:
    # Given / When / Then
    assert normalize_a_number(typed) is None


@given(st.integers(min_value=1_000_000, max_value=999_999_999), st.sampled_from(["", "A", "a "]))
def test_every_seven_to_nine_digit_number_is_its_own_a_number(number: int, prefix: str) -> None:
    # Given
    digits = str(number)

    # When / Then: formatting and leading zeros do not change which number it is
    assert normalize_a_number(prefix + digits) == digits.zfill(9)
    assert normalize_a_number(prefix + "-".join(digits)) == digits.zfill(9)


@given(st.text())
def test_a_normalised_a_number_is_nine_ascii_digits_and_stable(typed: str) -> None:
    # Given / When
    a_number = normalize_a_number(typed)

    # Then
    if a_number is not None:
        assert len(a_number) == 9
        assert all(ch in "0123456789" for ch in a_number)
        assert normalize_a_number(a_number) == a_number


@pytest.mark.parametrize(
    ("scheme", "typed", "normalized"),
    [
        (IdentifierScheme.A_NUMBER, "A 212-345-678", "212345678"),
        (IdentifierScheme.A_NUMBER, "A-21", None),
        (IdentifierScheme.PASSPORT, " g 1234-5678 ", "G12345678"),
        (IdentifierScheme.SHELTER_CHILD_ID, "orr.2018/000123", "ORR2018000123"),
        (IdentifierScheme.BORDER_SUBJECT_ID, " - ", None),
        (IdentifierScheme.DETENTION_SUBJECT_ID, "", None),
    ],
)
def test_normalize_identifier(scheme: str, typed: str, normalized: str | None) -> None:
    # Given / When / Then
    assert normalize_identifier(scheme, typed) == normalized


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("A 012-345-678", True),
        ("G1234", True),
        ("1234", False),
        ("Ana López", False),
        ("Ana 2", False),
        ("", False),
    ],
)
def test_a_search_with_enough_digits_reads_as_an_identifier(query: str, expected: bool) -> None:
    # Given / When / Then
    assert looks_like_identifier(query) is expected
