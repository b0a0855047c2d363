"""Countries: English or Spanish names, nationalities, ISO codes, any case or accents."""

import pytest

from reunify.standardise import standard_country
from reunify.synth.spellings import COUNTRY_SPELLINGS

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("GUATEMALA", "GT"), ("Guatemala", "GT"), ("GTM", "GT"), ("gt", "GT"),
        ("guatemalteca", "GT"), ("El Salvador", "SV"), ("SALVADOR", "SV"), ("SLV", "SV"),
        ("salvadoreño", "SV"), ("Honduras", "HN"), ("HONDUREÑA", "HN"), ("MEXICO", "MX"),
        ("México", "MX"), ("Brasil", "BR"), ("brasileiro", "BR"), ("Perú", "PE"),
        ("República Dominicana", "DO"), ("EE.UU.", "US"), ("U.S.A.", "US"),
        ("Nicaragüense", "NI"), (" ecuador ", "EC"),
    ],
)  # fmt: skip
def test_country_spellings_give_the_iso_code(text: str, code: str) -> None:
    # Given / When / Then
    assert standard_country(text).value == code


def test_every_spelling_the_generator_uses_is_read() -> None:
    # Given
    spellings = [(code, text) for code, table in COUNTRY_SPELLINGS.items() for text in table.values]

    # When
    misread = [(code, text) for code, text in spellings if standard_country(text).value != code]

    # Then
    assert misread == []


@pytest.mark.parametrize("text", ["Atlantis", "ZZ", "UK?"])
def test_an_unknown_country_is_a_problem(text: str) -> None:
    # Given / When
    read = standard_country(text)

    # Then
    assert read.value is None
    assert read.problem is not None
    assert "no country" in read.problem


@pytest.mark.parametrize("text", [None, "", "N/A", "unknown"])
def test_a_blank_country_is_no_problem(text: str | None) -> None:
    # Given / When / Then
    assert standard_country(text).blank
