"""Sex: the codes Reunify stores, from English and Spanish words and letters."""

import pytest

from reunify.families.choices import Sex
from reunify.standardise import standard_sex

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("F", Sex.FEMALE), ("female", Sex.FEMALE), ("Femenino", Sex.FEMALE),
        ("MUJER", Sex.FEMALE), ("niña", Sex.FEMALE), ("M", Sex.MALE), ("MALE", Sex.MALE),
        ("masculino", Sex.MALE), ("H", Sex.MALE), ("Hombre", Sex.MALE), ("varón", Sex.MALE),
        ("U", Sex.UNKNOWN),
    ],
)  # fmt: skip
def test_sex_words_give_the_standard_code(text: str, code: Sex) -> None:
    # Given / When / Then
    assert standard_sex(text).value == code


def test_an_unknown_word_is_a_problem_and_blank_is_not() -> None:
    # Given / When
    odd, blank = standard_sex("Q"), standard_sex(" ")

    # Then
    assert odd.value is None
    assert odd.problem is not None
    assert blank.blank
