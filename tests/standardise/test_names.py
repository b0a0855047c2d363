"""Names: surnames split the Hispanic way, particles kept whole, one field or two alike."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.standardise import standard_full_name, standard_name

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("given_names", "surnames", "expected"),
    [
        ("MARIA JOSE", "LOPEZ GARCIA", ("maria jose", "lopez", "garcia")),
        ("María José", "López García", ("maria jose", "lopez", "garcia")),
        ("ANA", "DE LA CRUZ LOPEZ", ("ana", "de la cruz", "lopez")),
        ("ANA", "LOPEZ DE LA CRUZ", ("ana", "lopez", "de la cruz")),
        ("Rosa", "del Cid Paz", ("rosa", "del cid", "paz")),
        ("João Pedro", "da Silva Santos", ("joao pedro", "da silva", "santos")),
        ("JUAN", "LOPEZ Y GARCIA", ("juan", "lopez", "garcia")),
        ("Ana", "Pérez-Gómez López", ("ana", "perez gomez", "lopez")),
        ("  ana   sofia ", "  xiloj\ttzoc ", ("ana sofia", "xiloj", "tzoc")),
        ("Pedro", "Santos", ("pedro", "santos", "")),
        ("FNU", "LOPEZ", ("", "lopez", "")),
        ("NFN", "LNU", ("", "", "")),
        ("UNKNOWN", "", ("", "", "")),
    ],
)
def test_one_surname_field_is_split_into_first_and_second(
    given_names: str, surnames: str, expected: tuple[str, str, str]
) -> None:
    # Given / When
    name = standard_name(given_names, surnames)

    # Then
    assert (name.given_names, name.first_surname, name.second_surname) == expected


def test_two_surname_fields_give_the_same_name_as_one() -> None:
    # Given: ICE's split fields and CBP's single field for one woman
    split = standard_name(("MARIA", "JOSE"), ("DE LA CRUZ", "LOPEZ"))
    joined = standard_name("MARIA JOSE", "DE LA CRUZ LOPEZ")

    # When / Then
    assert split == joined


def test_a_particle_left_alone_in_one_field_joins_the_next() -> None:
    # Given: "DE LA CRUZ" cut across the last-name fields
    name = standard_name("PEDRO", ("DE", "LA CRUZ"))

    # When / Then
    assert (name.first_surname, name.second_surname) == ("de la cruz", "")


def test_both_surnames_typed_into_the_first_field_are_still_split() -> None:
    # Given / When
    name = standard_name(("ANA",), ("LOPEZ GARCIA", ""))

    # Then
    assert (name.first_surname, name.second_surname) == ("lopez", "garcia")


def test_display_forms_keep_accents_and_read_well() -> None:
    # Given / When
    shouted = standard_name("MARIA JOSE", "DE LA CRUZ PEREZ-GOMEZ")
    written = standard_name("María José", "de la Cruz Pérez")

    # Then
    assert shouted.display == "Maria Jose de la Cruz Perez-Gomez"
    assert written.display == "María José de la Cruz Pérez"
    assert written.display_first_surname == "de la Cruz"


def test_given_names_in_either_order_share_their_keys() -> None:
    # Given
    one = standard_name("Maria Jose", "Lopez Garcia")
    other = standard_name("JOSÉ MARÍA", "LÓPEZ GARCÍA")

    # When / Then
    assert one.given_key == other.given_key == "jose maria"
    assert one.token_key == other.token_key == "garcia jose lopez maria"
    assert one.first_given_name == "maria"


def test_the_search_key_is_the_one_persons_are_stored_with() -> None:
    # Given / When / Then
    assert standard_name("ANA", "DE LA CRUZ").search_key == " ana de la cruz "


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("MARIA LOPEZ GARCIA", ("maria", "lopez", "garcia")),
        ("Maria Jose Lopez", ("maria jose", "lopez", "")),
        ("maria del carmen lopez", ("maria del carmen", "lopez", "")),
        ("Walter Alexander Rodriguez Diaz", ("walter alexander", "rodriguez", "diaz")),
        ("Ana de la Cruz", ("ana", "de la cruz", "")),
        ("López García, María José", ("maria jose", "lopez", "garcia")),
        ("Candelaria", ("candelaria", "", "")),
        ("", ("", "", "")),
    ],
)
def test_a_whole_name_in_one_field_is_split(written: str, expected: tuple[str, str, str]) -> None:
    # Given / When
    name = standard_full_name(written)

    # Then
    assert (name.given_names, name.first_surname, name.second_surname) == expected


names = st.sampled_from(["María", "José", "Ana", "Tzoc", "Xiloj", "López", "Peña", "Q'anjob'al"])
surnames = st.sampled_from(["López", "de la Cruz", "Pérez", "da Silva", "Ajú", "del Cid"])


@given(
    given_names=st.lists(names, min_size=1, max_size=3).map(" ".join),
    first=surnames,
    second=surnames,
    shout=st.booleans(),
)
def test_case_accents_and_field_split_do_not_change_the_name(
    given_names: str, first: str, second: str, shout: bool
) -> None:
    # Given: the same name written as a border agent and as a detention system would
    written = given_names.upper() if shout else given_names
    one_field = standard_name(written, f"{first} {second}")
    two_fields = standard_name(given_names, (first.upper(), second))

    # When / Then
    assert one_field.given_names == two_fields.given_names
    assert (one_field.first_surname, one_field.second_surname) == (
        two_fields.first_surname,
        two_fields.second_surname,
    )
    assert two_fields.display_second_surname == second
