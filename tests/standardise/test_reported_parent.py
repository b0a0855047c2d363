"""The shelter extract's reported parent: a relationship and a name from free text."""

import pytest

from reunify.standardise import Kinship, parse_reported_parent

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "kinship", "given_names", "first_surname", "second_surname"),
    [
        ("MADRE: MARIA LOPEZ GARCIA", Kinship.MOTHER, "maria", "lopez", "garcia"),
        ("father Jose Perez", Kinship.FATHER, "jose", "perez", ""),
        ("Mother - Ana de la Cruz", Kinship.MOTHER, "ana", "de la cruz", ""),
        ("PADRE JOSE LUIS PEREZ", Kinship.FATHER, "jose luis", "perez", ""),
        ("MARIA LOPEZ (MOTHER)", Kinship.MOTHER, "maria", "lopez", ""),
        ("Maria López, madre", Kinship.MOTHER, "maria", "lopez", ""),
        ("mamá Ana", Kinship.MOTHER, "ana", "", ""),
        ("MOTHER -", Kinship.MOTHER, "", "", ""),
        ("TIA: ROSA XILOJ TZOC", Kinship.AUNT_UNCLE, "rosa", "xiloj", "tzoc"),
        ("legal guardian: Pedro Pascual", Kinship.GUARDIAN, "pedro", "pascual", ""),
        ("MADRE: MARIA LOPEZ TEL 502 5123 4567", Kinship.MOTHER, "maria", "lopez", ""),
        ("Walter Rodriguez Diaz", Kinship.PARENT, "walter", "rodriguez", "diaz"),
        ("Nina Lopez", Kinship.PARENT, "nina", "lopez", ""),
    ],
)
def test_a_reported_parent_gives_relationship_and_name(
    text: str, kinship: Kinship, given_names: str, first_surname: str, second_surname: str
) -> None:
    # Given / When
    reported = parse_reported_parent(text)

    # Then
    assert reported is not None
    assert reported.kinship is kinship
    name = reported.name
    assert (name.given_names, name.first_surname, name.second_surname) == (
        given_names,
        first_surname,
        second_surname,
    )


def test_the_display_name_keeps_the_accents_written() -> None:
    # Given / When
    reported = parse_reported_parent("mother Gloria Elizabeth Vásquez Martínez")

    # Then
    assert reported is not None
    assert reported.name.display == "Gloria Elizabeth Vásquez Martínez"
    assert reported.relationship.sex == "F"


@pytest.mark.parametrize("text", [None, "", "   ", "N/A", "???", "12345", "no sabe", "UNKNOWN"])
def test_blank_or_garbage_is_none(text: str | None) -> None:
    # Given / When / Then
    assert parse_reported_parent(text) is None
