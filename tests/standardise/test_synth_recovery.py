"""Standardising the generator's messy extracts gives back the generator's truth.

The world is generated, rendered as the three extracts, and every well-formed row is
standardised field by field and compared with the person, family or removal the row
was made from. Some values are wrong on purpose (a mistyped A-number, a dropped second
given name, a birth date copied with day and month swapped): no standardiser can undo
those, so the thresholds sit a little under the rates measured (see `MEASURED`).
"""

from collections import defaultdict
from pathlib import Path

import pytest

from reunify.families.names import fold
from reunify.standardise import (
    DateOrder,
    Kinship,
    infer_date_order,
    parse_extract_date,
    parse_reported_parent,
    standard_a_number,
    standard_country,
    standard_languages,
    standard_name,
    standard_phone,
    standard_relationship,
    standard_sex,
)
from reunify.synth import World, build_world, write_extracts
from reunify.synth.relationship_words import relationship_word

from .synth_rows import FAMILIES, SEED, Rate, TruthRow, close, folded_truth, read_rows

pytestmark = pytest.mark.sqlite

# What each synth relationship word may be read as.
_KINSHIPS: dict[str, set[Kinship]] = {
    "mother": {Kinship.MOTHER}, "father": {Kinship.FATHER}, "son": {Kinship.CHILD},
    "daughter": {Kinship.CHILD}, "guardian": {Kinship.GUARDIAN},
    "ward": {Kinship.WARD, Kinship.CHILD}, "aunt": {Kinship.AUNT_UNCLE},
    "uncle": {Kinship.AUNT_UNCLE}, "grandmother": {Kinship.GRANDPARENT},
    "grandfather": {Kinship.GRANDPARENT}, "sister": {Kinship.SIBLING},
    "brother": {Kinship.SIBLING}, "cousin_f": {Kinship.COUSIN}, "cousin_m": {Kinship.COUSIN},
    "niece": {Kinship.NIECE_NEPHEW}, "nephew": {Kinship.NIECE_NEPHEW},
    "granddaughter": {Kinship.GRANDCHILD}, "grandson": {Kinship.GRANDCHILD},
}  # fmt: skip

Rates = dict[str, Rate]


def _name_fields(row: TruthRow) -> tuple[tuple[str, ...], tuple[str, ...]]:
    v = row.values
    if row.source == "cbp":
        return (v["given_names"],), (v["surnames"],)
    if row.source == "ice":
        return (v["first_name"], v["middle_name"]), (v["last_name"], v["second_last_name"])
    return (v["first_name"],), (v["last_names"],)


def _names(row: TruthRow, rates: Rates) -> None:
    given, surnames = _name_fields(row)
    name = standard_name(given, surnames)
    truth = folded_truth(row.person)
    found = (name.given_names, name.first_surname, name.second_surname)
    rates[f"name exact {row.source}"].count(found == truth)
    first, second = truth[1], truth[2]
    surnames_ok = (
        (close(name.first_surname, first) and name.second_surname in ("", second))
        or (
            close(name.first_surname, second) and name.second_surname == first  # swapped
        )
        or (close(name.second_surname, second) and name.first_surname == first)
    )
    given_words = truth[0].split()
    given_ok = bool(name.given_names) and all(
        any(close(word, truth_word) for truth_word in given_words)
        for word in name.given_names.split()
    )
    rates[f"name up to slips {row.source}"].count(given_ok and surnames_ok)


def _dates(rows: list[TruthRow], world: World, rates: Rates) -> None:
    by_source: dict[str, list[TruthRow]] = defaultdict(list)
    for row in rows:
        by_source[row.source].append(row)
    for source, source_rows in by_source.items():
        order = infer_date_order(row.values["birth_date"] for row in source_rows)
        assert order is DateOrder.MONTH_FIRST
        for row in source_rows:
            read = parse_extract_date(row.values["birth_date"], prefer=order)
            if read is None:
                continue
            born = row.person.birth_date
            rates[f"birth date exact {source}"].count(read.value == born)
            rates[f"birth date among candidates {source}"].count(born in read.candidates)
            rates[f"birth date ambiguous {source}"].count(read.ambiguous)
    for row in by_source["cbp"]:
        read = parse_extract_date(row.values["apprehended_on"])
        truth = world.family_of[row.person.key].apprehended_on
        rates["apprehended_on cbp"].count(read is not None and read.value == truth)


def _values(row: TruthRow, world: World, rates: Rates) -> None:
    person, v = row.person, row.values
    if v["citizenship"]:
        rates["citizenship"].count(standard_country(v["citizenship"]).value == person.citizenship)
    if v["sex"]:
        rates["sex"].count(standard_sex(v["sex"]).value == person.sex)
    if v.get("language"):
        codes = standard_languages(v["language"]).value or ()
        rates["languages"].count(bool(codes) and set(codes) <= set(person.languages))
    if v.get("a_number"):
        rates["a_number"].count(standard_a_number(v["a_number"]).value == person.a_number)
    if row.source == "ice" and v["removal_country"]:
        removal = world.removal_of[person.key]
        rates["removal_country"].count(
            standard_country(v["removal_country"]).value == removal.country
        )
    if row.source == "cbp" and v["relationship"]:
        family = world.family_of[person.key]
        role = world.role_of[person.key]
        read = standard_relationship(v["relationship"]).value
        word = relationship_word(family, role, person)
        rates["relationship kinship"].count(read is not None and read.kinship in _KINSHIPS[word])
        implied = read.implied_role if read else None
        if implied is not None:
            rates["relationship role, where the word implies one"].count(implied == role)


def _reported_parent(row: TruthRow, world: World, rates: Rates) -> None:
    child, v = row.person, row.values
    separations = world.separations_of.get(child.key, ())
    parents = [world.persons[s.parent_key] for s in separations if s.child_key == child.key]
    reported = parse_reported_parent(v["reported_parent"])
    if not parents:
        if v["reported_parent"]:
            rates["reported relative read (not separated)"].count(reported is not None)
        return
    if not v["reported_parent"]:
        return
    parent = ([p for p in parents if p.sex == "F"] or parents)[0]
    rates["reported parent read"].count(reported is not None)
    if reported is None:
        return
    expected = Kinship.MOTHER if parent.sex == "F" else Kinship.FATHER
    rates["reported parent kinship"].count(reported.kinship is expected)
    given, first, _ = folded_truth(parent)
    name = reported.name
    rates["reported parent first given name"].count(close(name.first_given_name, given.split()[0]))
    if name.first_surname:
        rates["reported parent first surname"].count(
            close(name.first_surname, first) or name.first_surname == fold(parent.second_surname)
        )
    if v["parent_phone"] and parent.phone:
        country = standard_country(v["citizenship"]).value or child.citizenship
        phone = standard_phone(v["parent_phone"], country=country).value
        rates["reported parent phone"].count(phone is not None and phone.e164 == parent.phone)
    if v["parent_a_number"]:
        a_number = standard_a_number(v["parent_a_number"]).value
        rates["reported parent a_number"].count(a_number == parent.a_number)


def measure(world: World, out_dir: Path) -> Rates:
    rows = read_rows(world, out_dir)
    rates: Rates = defaultdict(Rate)
    for row in rows:
        _names(row, rates)
        _values(row, world, rates)
        if row.source == "orr":
            _reported_parent(row, world, rates)
    _dates(rows, world, rates)
    return dict(rates)


@pytest.fixture(scope="module")
def rates(tmp_path_factory: pytest.TempPathFactory) -> Rates:
    world = build_world(FAMILIES, SEED)
    out_dir = tmp_path_factory.mktemp("standardise-synth")
    write_extracts(world, out_dir, SEED)
    measured = measure(world, out_dir)
    for field, rate in sorted(measured.items()):
        print(f"{field:55} {rate}")  # shown with -s: the figures MEASURED records
    return measured


# Measured on 600 families, seed 2026 (1,516 cbp, 674 ice, 257 orr well-formed rows);
# each threshold sits a little under the rate measured, shown beside it.
THRESHOLDS: dict[str, float] = {
    "name exact cbp": 0.75,  # 0.7724: the rest are the generator's slips (dropped or
    "name exact ice": 0.74,  # 0.7626   abbreviated given names, one surname only,
    "name exact orr": 0.77,  # 0.7977   swapped surnames, typos), which no rule undoes
    "name up to slips cbp": 0.99,  # 1.0000
    "name up to slips ice": 0.99,  # 1.0000
    "name up to slips orr": 0.99,  # 1.0000
    "birth date exact cbp": 0.91,  # 0.9337: ambiguous day-first dates read month-first
    "birth date exact ice": 0.93,  # 0.9474
    "birth date exact orr": 0.87,  # 0.8945
    "birth date among candidates cbp": 0.97,  # 0.9886: the rest were misrecorded
    "birth date among candidates ice": 0.96,  # 0.9759
    "birth date among candidates orr": 0.95,  # 0.9688
    "apprehended_on cbp": 0.999,  # 1.0000
    "citizenship": 0.999,  # 1.0000
    "removal_country": 0.999,  # 1.0000
    "sex": 0.999,  # 1.0000
    "languages": 0.999,  # 1.0000
    "a_number": 0.97,  # 0.9800: the rest were mistyped on purpose
    "relationship kinship": 0.999,  # 1.0000
    "relationship role, where the word implies one": 0.999,  # 1.0000
    "reported parent read": 0.99,  # 1.0000
    "reported parent kinship": 0.99,  # 1.0000
    "reported parent first given name": 0.98,  # 1.0000
    "reported parent first surname": 0.94,  # 0.9704: "Reina Magdalena Bonilla" and the like
    "reported parent phone": 0.98,  # 1.0000
    "reported parent a_number": 0.92,  # 0.9661: mistyped on purpose
    "reported relative read (not separated)": 0.95,  # 1.0000
}


@pytest.mark.parametrize("field", sorted(THRESHOLDS))
def test_standardising_recovers_the_generated_truth(rates: Rates, field: str) -> None:
    # Given: the world's extracts, standardised row by row (the fixture)
    # When
    rate = rates[field]

    # Then
    assert rate.trials >= 30, f"too few {field} to measure: {rate}"
    assert rate.value >= THRESHOLDS[field], f"{field}: {rate}"


def test_ambiguous_birth_dates_are_flagged_and_keep_the_truth_among_candidates(
    rates: Rates,
) -> None:
    # Given / When: cbp and orr birth dates are mostly slashed, ice mostly ISO
    cbp, ice = rates["birth date ambiguous cbp"], rates["birth date ambiguous ice"]

    # Then: a slashed date with day and month both under 13 is flagged (about a third)
    assert 0.2 < cbp.value < 0.4
    assert ice.value < cbp.value
