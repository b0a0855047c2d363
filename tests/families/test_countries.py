"""Countries as ISO 3166-1 alpha-2 codes, from codes or names in English or Spanish."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reunify.families.countries import (
    COMMON_CITIZENSHIPS,
    country_choices,
    country_name,
    is_country_code,
    resolve_country,
)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("GUATEMALA", "GT"),
        ("Guatemala", "GT"),
        ("gt", "GT"),
        ("GT", "GT"),
        ("GTM", "GT"),
        ("gtm", "GT"),
        ("Brasil", "BR"),
        ("Brazil", "BR"),
        ("El Salvador", "SV"),
        ("EL SALVADOR", "SV"),
        ("Salvador", "SV"),
        ("SLV", "SV"),
        ("Honduras", "HN"),
        ("México", "MX"),
        ("MEXICO", "MX"),
        ("Perú", "PE"),
        ("Haití", "HT"),
        ("República Dominicana", "DO"),
        ("Estados Unidos", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("Spain", "ES"),
        ("China", "CN"),
        ("Bolivia", "BO"),
        ("Viet Nam", "VN"),
        ("Venezuela, Bolivarian Republic of", "VE"),
        ("Guate", "GT"),
        ("  ecuador ", "EC"),
    ],
)
def test_a_country_is_found_by_code_or_name(written: str, code: str) -> None:
    # Given / When / Then
    assert resolve_country(written) == code


@pytest.mark.parametrize(
    "written",
    ["", "   ", "XX", "ZZ", "XXX", "UK", "None", "unknown", "desconocido", "N/A", "Korea", "Texas"],
)
def test_an_unknown_or_ambiguous_country_is_none(written: str) -> None:
    # Given / When / Then: "XX" used to give Malta and "None" Italy, through province codes
    assert resolve_country(written) is None


# pycountry loads its tables on first use, which can outlast hypothesis's deadline.
@settings(deadline=None)
@given(st.text())
def test_whatever_is_written_resolves_to_a_stored_code_or_none(written: str) -> None:
    # Given / When
    code = resolve_country(written)

    # Then
    assert code is None or is_country_code(code)


@pytest.mark.parametrize(("code", "expected"), [("GT", True), ("SV", True), ("gt", False)])
def test_stored_country_codes_are_upper_case(code: str, expected: bool) -> None:
    # Given / When / Then
    assert is_country_code(code) is expected


@pytest.mark.parametrize("code", ["XX", "GTM", "G", "", "Gt", "\uff27\uff34"])
def test_anything_else_is_not_a_country_code(code: str) -> None:
    # Given / When / Then
    assert not is_country_code(code)


def test_a_code_has_a_name() -> None:
    # Given / When / Then
    assert country_name("GT") == "Guatemala"
    assert country_name("BO") == "Bolivia"
    assert country_name("") == ""


def test_the_common_citizenships_come_first_then_every_other_country_by_name() -> None:
    # Given / When
    choices = country_choices()

    # Then
    codes = [code for code, _ in choices]
    assert tuple(codes[: len(COMMON_CITIZENSHIPS)]) == COMMON_CITIZENSHIPS
    rest = [name for _, name in choices[len(COMMON_CITIZENSHIPS) :]]
    assert rest == sorted(rest)
    assert len(codes) == len(set(codes)) == 249
