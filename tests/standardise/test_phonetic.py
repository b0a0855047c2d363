"""The sound key: spellings a clerk takes by ear come out the same."""

import pytest

from reunify.standardise import phonetic_key, standard_name

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hernández", "HERNANDES"),
        ("Hernandez", "Ernandez"),
        ("Vásquez", "Basquez"),
        ("Yeny", "Lleni"),
        ("Gerson", "Jerson"),
        ("Quiché", "Kiche"),
        ("Xiloj", "Shiloj"),
        ("Cecilia", "Sesilia"),
        ("Guillermo", "Guiyermo"),
        ("López", "Lopes"),
    ],
)
def test_sound_alike_spellings_share_a_key(one: str, other: str) -> None:
    # Given / When / Then
    assert phonetic_key(one) == phonetic_key(other)


@pytest.mark.parametrize(("one", "other"), [("López", "Pérez"), ("Ana", "Juana"), ("Cruz", "Paz")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    # Given / When / Then
    assert phonetic_key(one) != phonetic_key(other)


def test_a_standard_name_offers_the_keys_of_its_first_given_name_and_surname() -> None:
    # Given / When
    name = standard_name("YENY MARISOL", "HERNANDES DE LA CRUZ")

    # Then
    assert (name.phonetic_given, name.phonetic_surname) == ("ieni", "ernandes")


def test_no_letters_no_key() -> None:
    # Given / When / Then
    assert phonetic_key("  -- ") == ""
