"""The extracts are messy in the ways real ones are, yet still usable."""

import re
import unicodedata
from contextlib import suppress
from datetime import date

import pytest

from reunify.synth import SynthPerson

from .support import Generated


def _digits(a_number: str) -> str:
    return re.sub(r"\D", "", a_number).zfill(9)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").casefold()


def _readings(text: str) -> set[date]:
    """Every date a text can mean: one for ISO, up to two for slashed dates."""
    if "-" in text:
        return {date.fromisoformat(text)}
    first, second, year = (int(part) for part in text.split("/"))
    found = set()
    for month, day in ((first, second), (second, first)):
        with suppress(ValueError):
            found.add(date(year, month, day))
    return found


def _rows_with_persons(
    generated: Generated, source: str
) -> list[tuple[dict[str, str], SynthPerson]]:
    person_of = generated.person_of()
    return [
        (row, generated.world.persons[person_of[(source, row["record_id"])]])
        for row in generated.well_formed(source)
    ]


def test_a_numbers_come_in_many_formats_some_mistyped_most_right(generated: Generated) -> None:
    # given cbp rows whose person has an A-number and whose row shows one
    shown = [(row["a_number"], p.a_number) for row, p in _rows_with_persons(generated, "cbp")
             if row["a_number"] and p.a_number]  # fmt: skip

    # then formats vary, a few digits are wrong, leading zeros are sometimes dropped
    assert any(text.startswith("A ") and "-" in text for text, _ in shown)
    assert any(text.isdigit() and len(text) == 9 for text, _ in shown)
    assert any(text.startswith("A") and text[1:].isdigit() for text, _ in shown)
    assert any(text.isdigit() and len(text) < 9 for text, _ in shown)
    wrong = [text for text, truth in shown if _digits(text) != truth]
    assert 0 < len(wrong) < 0.06 * len(shown)


def test_mistyped_a_numbers_differ_by_one_digit_or_one_transposition(generated: Generated) -> None:
    for row, person in _rows_with_persons(generated, "cbp"):
        if not row["a_number"] or person.a_number is None:
            continue
        typed, truth = _digits(row["a_number"]), person.a_number
        if typed == truth:
            continue
        changed = [i for i in range(9) if typed[i] != truth[i]]
        transposed = len(changed) == 2 and changed[1] == changed[0] + 1
        transposed = transposed and typed[changed[0]] == truth[changed[1]]
        assert len(changed) == 1 or transposed, (typed, truth)


def test_accents_and_case_vary_but_names_still_match(generated: Generated) -> None:
    rows = _rows_with_persons(generated, "cbp")
    accented = [
        (row, p) for row, p in rows if _plain(p.first_surname) != p.first_surname.casefold()
    ]
    assert any(row["surnames"].isupper() for row, _ in rows)
    assert any(not row["surnames"].isupper() for row, _ in rows)
    stripped = [row for row, p in accented if _plain(row["surnames"]) == row["surnames"].casefold()]
    kept = [row for row, p in accented if _plain(row["surnames"]) != row["surnames"].casefold()]
    assert stripped
    assert kept

    # and, accents and case aside, the surnames still hold the person's first surname
    # almost always (the rest: typos, or the second surname kept alone)
    found = sum(_plain(p.first_surname) in _plain(row["surnames"]) for row, p in rows)
    assert found > 0.9 * len(rows)


def test_surnames_are_sometimes_swapped_or_cut_to_one(generated: Generated) -> None:
    rows = [(row, p) for row, p in _rows_with_persons(generated, "cbp") if p.second_surname]
    as_written = [_plain(row["surnames"]) for row, _ in rows]
    swapped = [
        text for text, (_, p) in zip(as_written, rows, strict=True)
        if text == _plain(f"{p.second_surname} {p.first_surname}")
    ]  # fmt: skip
    one = [
        text
        for text, (_, p) in zip(as_written, rows, strict=True)
        if text == _plain(p.first_surname)
    ]
    assert swapped
    assert one


def test_ice_splits_names_and_sometimes_drops_the_middle_name(generated: Generated) -> None:
    rows = _rows_with_persons(generated, "ice")
    with_middle = [(row, p) for row, p in rows if " " in p.given_names]
    assert any(row["middle_name"] for row, _ in with_middle)
    assert any(not row["middle_name"] for row, _ in with_middle)
    assert all(row["first_name"] and row["last_name"] for row, _ in rows)


def test_birth_dates_are_in_three_formats_some_ambiguous_nearly_all_right(
    generated: Generated,
) -> None:
    rows = [(row["birth_date"], p.birth_date) for row, p in _rows_with_persons(generated, "cbp")
            if row["birth_date"]]  # fmt: skip
    assert any("-" in text for text, _ in rows)
    assert any(int(text[:2]) > 12 for text, _ in rows if "/" in text)  # day first, plainly
    assert any(int(text[3:5]) > 12 for text, _ in rows if "/" in text)  # month first, plainly
    ambiguous = [text for text, _ in rows if len(_readings(text)) == 2]
    assert len(ambiguous) > 0.1 * len(rows)

    # every text is a real date, and almost all can be read as the true birth date
    assert all(_readings(text) for text, _ in rows)
    right = sum(truth in _readings(text) for text, truth in rows)
    assert 0.95 * len(rows) < right < len(rows)


@pytest.mark.parametrize(
    ("source", "column", "expected"),
    [
        ("cbp", "citizenship", {"GUATEMALA", "Guatemala", "GT", "GTM", "Brasil", "HONDURAS"}),
        ("cbp", "relationship", {"MOTHER", "madre", "hijo", "HIJA", "father", "padre", ""}),
        ("cbp", "language", {"Spanish", "español", "spa", "Mam", "K'ICHE'", "Quiche", "QANJOBAL"}),
        ("orr", "discharge_type", {"REUNIFIED_WITH_PARENT", "SPONSOR"}),
    ],
)
def test_free_text_columns_use_many_spellings(
    generated: Generated, source: str, column: str, expected: set[str]
) -> None:
    seen = {row[column] for row in generated.rows(f"{source}.csv")}
    assert expected <= seen


def test_reported_parents_are_free_text_naming_the_separated_parent(generated: Generated) -> None:
    world = generated.world
    texts = [(row["reported_parent"], p) for row, p in _rows_with_persons(generated, "orr")]
    assert any(text.startswith("MADRE: ") for text, _ in texts)
    assert any(text.startswith("father ") for text, _ in texts)
    assert any(text == "" for text, _ in texts)

    # a separated child's reported parent carries a separated parent's first given name,
    # but for an initial or a typing slip now and then
    checked = named = 0
    for text, child in texts:
        separations = world.separations_of.get(child.key, ())
        if not text or not separations:
            continue
        first_names = {
            _plain(world.persons[s.parent_key].given_names.split()[0]) for s in separations
        }
        checked += 1
        named += bool(first_names & set(_plain(text).replace(":", " ").split()))
    assert 0.9 * checked < named < checked
