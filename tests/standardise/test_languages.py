"""Languages: ISO 639-3 from names and codes, Mayan languages included, several per field."""

import pytest

from reunify.standardise import standard_language, standard_languages
from reunify.synth.spellings import LANGUAGE_SPELLINGS

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("K'ICHE'", "quc"), ("K\u2019iche\u2019", "quc"), ("Quiché", "quc"), ("Quiche", "quc"),
        ("kiche", "quc"), ("MAM", "mam"), ("Mam (maya)", "mam"), ("Q'anjob'al", "kjb"),
        ("Q'anjobal", "kjb"), ("Kanjobal", "kjb"), ("Q'eqchi'", "kek"), ("Qeqchi'", "kek"),
        ("Kekchi", "kek"), ("Kaqchikel", "cak"), ("Cakchiquel", "cak"), ("IXIL", "ixl"),
        ("Chuj", "cac"), ("Akateko", "knj"), ("Acateco", "knj"), ("Popti'", "jac"),
        ("Jakalteko", "jac"), ("Ch'orti'", "caa"), ("ESPAÑOL", "spa"), ("espanol", "spa"),
        ("spa", "spa"), ("SPANISH", "spa"), ("Castellano", "spa"), ("português", "por"),
        ("English", "eng"), ("Garífuna", "cab"), ("QUC", "quc"), ("idioma mam", "mam"),
    ],
)  # fmt: skip
def test_language_spellings_give_the_iso_639_3_code(text: str, code: str) -> None:
    # Given / When / Then
    assert standard_language(text).value == code


def test_every_spelling_the_generator_uses_is_read() -> None:
    # Given
    spellings = [
        (code, text) for code, table in LANGUAGE_SPELLINGS.items() for text in table.values
    ]

    # When
    misread = [(code, text) for code, text in spellings if standard_language(text).value != code]

    # Then
    assert misread == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("K'ICHE'/SPANISH", ("quc", "spa")),
        ("quc, spa", ("quc", "spa")),
        ("Mam y español", ("mam", "spa")),
        ("Spanish and English", ("spa", "eng")),
        ("SPANISH/Spanish", ("spa",)),
        ("Q'anjob'al; Spanish (limited)", ("kjb", "spa")),
    ],
)
def test_several_languages_in_one_field_are_all_read_in_order(
    text: str, codes: tuple[str, ...]
) -> None:
    # Given / When
    read = standard_languages(text)

    # Then
    assert read.value == codes
    assert read.problem is None


def test_an_unknown_language_is_reported_and_the_known_ones_kept() -> None:
    # Given / When
    read = standard_languages("Martian/Spanish")

    # Then
    assert read.value == ("spa",)
    assert read.problem == "no language called 'Martian'"


@pytest.mark.parametrize("text", [None, "", " / ", "N/A"])
def test_a_blank_language_field_is_no_problem(text: str | None) -> None:
    # Given / When / Then
    assert standard_languages(text).blank
