"""Languages as ISO 639-3 codes, from the codes, names and spellings people write."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reunify.families.languages import (
    common_language_choices,
    is_language_code,
    language_name,
    resolve_language,
)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("K'ICHE'", "quc"),
        ("K\u2019iche\u2019", "quc"),
        ("Quiche", "quc"),
        ("Quiché", "quc"),
        ("quc", "quc"),
        ("QUC", "quc"),
        ("kiché", "quc"),
        ("español", "spa"),
        ("ESPAÑOL", "spa"),
        ("Castellano", "spa"),
        ("es", "spa"),
        ("Spanish", "spa"),
        ("spa", "spa"),
        ("Mam", "mam"),
        ("QANJOBAL", "kjb"),
        ("Q'anjob'al", "kjb"),
        ("Q\u02bcanjob\u02bcal", "kjb"),
        ("Kanjobal", "kjb"),
        ("Kaqchikel", "cak"),
        ("Cakchiquel", "cak"),
        ("Q'eqchi'", "kek"),
        ("Akateko", "knj"),
        ("Ixil", "ixl"),
        ("Garífuna", "cab"),
        ("Portugués", "por"),
        ("Kreyòl", "hat"),
        ("  english ", "eng"),
        ("German", "deu"),
        ("deu", "deu"),
    ],
)
def test_a_language_is_found_by_code_name_or_spelling(written: str, code: str) -> None:
    # Given / When / Then
    assert resolve_language(written) == code


@pytest.mark.parametrize(
    "written", ["", "   ", "zzz", "xxx", "Dialect", "N/A", "unknown", "Elvish"]
)
def test_an_unknown_language_is_none(written: str) -> None:
    # Given / When / Then
    assert resolve_language(written) is None


# pycountry loads its tables on first use, which can outlast hypothesis's deadline.
@settings(deadline=None)
@given(st.text())
def test_whatever_is_written_resolves_to_a_stored_code_or_none(written: str) -> None:
    # Given / When
    code = resolve_language(written)

    # Then: never a code the services would refuse
    assert code is None or is_language_code(code)


@pytest.mark.parametrize("code", ["quc", "mam", "kjb", "spa", "eng", "deu", "tlh"])
def test_lower_case_iso_639_3_codes_are_codes(code: str) -> None:
    # Given / When / Then
    assert is_language_code(code)


@pytest.mark.parametrize(
    "code",
    ["QUC", "Quc", "zzz", "es", "sp", "span", "", "q'c", "qu1", "\u0105bc"],
)
def test_anything_else_is_not_a_stored_code(code: str) -> None:
    # Given / When / Then: ISO 639-3 codes are stored in lower case only
    assert not is_language_code(code)


@pytest.mark.parametrize(
    ("code", "name"),
    [("quc", "K'iche'"), ("kjb", "Q'anjob'al"), ("spa", "Spanish"), ("zzz", "zzz")],
)
def test_a_code_has_an_english_name(code: str, name: str) -> None:
    # Given / When / Then
    assert language_name(code) == name


def test_the_languages_offered_first_are_valid_codes_sorted_by_name() -> None:
    # Given / When
    choices = common_language_choices()

    # Then
    assert all(is_language_code(code) for code, _ in choices)
    assert [name for _, name in choices] == sorted(name for _, name in choices)
    assert ("quc", "K'iche'") in choices
