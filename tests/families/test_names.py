"""Folding names for search: the same name however it was typed is the same text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.families.names import fold, name_search_key, query_words


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("María José LÓPEZ García", "maria jose lopez garcia"),
        ("maria jose lopez garcia", "maria jose lopez garcia"),
        ("ÁÉÍÓÚ ÜÑ Ç", "aeiou un c"),
        ("Peña Muñoz", "pena munoz"),
        ("  Ana \t  Sofía\n", "ana sofia"),
        ("de la Cruz", "de la cruz"),
        ("DE LA CRUZ", "de la cruz"),
        ("Del Valle", "del valle"),
        ("Pérez-Gómez", "perez gomez"),
        ("O'Brien", "o'brien"),
        ("K'iche'", "k'iche'"),
        ("K\u2019iche\u2019", "k'iche'"),
        ("K\u2018iche\u00b4", "k'iche'"),
        ("K`iche`", "k'iche'"),
        ("Q\u02bcanjob\u02bcal", "q'anjob'al"),
        ("Strauß", "strauss"),
        ("Søren Ørsted", "soren orsted"),
        ("Łukasz Đorđević", "lukasz dordevic"),
        ("Æsa Œuvre", "aesa oeuvre"),
        ("Juan 2do.", "juan 2do"),
        ("ﬁfi", "fifi"),
        ("", ""),
        ("   ", ""),
        ("--//--", ""),
    ],
)
def test_fold(written: str, folded: str) -> None:
    # Given / When / Then
    assert fold(written) == folded


def test_typographic_and_plain_apostrophes_fold_alike() -> None:
    # Given: the spellings of K'iche' seen in records
    spellings = ["K'iche'", "K\u2019iche\u2019", "K\u02bciche\u02bc", "k\u2018iche\u2018"]

    # When
    folded = {fold(spelling) for spelling in spellings}

    # Then
    assert folded == {"k'iche'"}


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    # Given / When / Then
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_folded_text_is_lower_case_ascii_words_with_single_spaces(text: str) -> None:
    # Given / When
    folded = fold(text)

    # Then
    assert folded == folded.strip()
    assert "  " not in folded
    assert all(ch in "abcdefghijklmnopqrstuvwxyz0123456789' " for ch in folded)


@given(st.text(alphabet=st.characters(codec="latin-1")))
def test_case_does_not_matter_in_western_names(text: str) -> None:
    # Given / When / Then: "ß" upper-cased is "SS", and both fold to "ss"
    assert fold(text.upper()) == fold(text.lower()) == fold(text)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz' ", min_size=1))
def test_plain_lower_case_words_are_only_respaced(text: str) -> None:
    # Given / When / Then
    assert fold(text) == " ".join(text.split())


def test_the_search_key_frames_the_folded_full_name_with_spaces() -> None:
    # Given / When
    key = name_search_key("María José", "LÓPEZ", "de la Cruz")

    # Then: " ana" can match the start of a word and never its middle
    assert key == " maria jose lopez de la cruz "


def test_the_search_key_skips_missing_surnames() -> None:
    # Given / When / Then
    assert name_search_key("Ana", "", "") == " ana "
    assert name_search_key("Ana", "", "Xiloj") == " ana xiloj "


def test_a_word_prefix_matches_only_at_the_start_of_a_word() -> None:
    # Given
    ana = name_search_key("Ana", "López", "")
    mariana = name_search_key("Mariana", "López", "")

    # When / Then
    assert " ana" in ana
    assert " ana" not in mariana


@given(st.text(), st.text(), st.text())
def test_the_search_key_is_always_framed_by_single_spaces(
    given_names: str, first_surname: str, second_surname: str
) -> None:
    # Given / When
    key = name_search_key(given_names, first_surname, second_surname)

    # Then
    assert key.startswith(" ")
    assert key.endswith(" ")
    assert key[1:-1] == fold(f"{given_names} {first_surname} {second_surname}")


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Ána  LÓPEZ", ["ana", "lopez"]),
        ("de la Cruz", ["de", "la", "cruz"]),
        ("Pérez-Gómez", ["perez", "gomez"]),
        ("K\u2019iche\u2019", ["k'iche'"]),
        ("", []),
        ("  ,. ", []),
    ],
)
def test_query_words(query: str, words: list[str]) -> None:
    # Given / When / Then
    assert query_words(query) == words


@given(st.text())
def test_query_words_are_the_words_of_the_folded_query(query: str) -> None:
    # Given / When
    words = query_words(query)

    # Then
    assert " ".join(words) == fold(query)
    assert all(word and " " not in word for word in words)
