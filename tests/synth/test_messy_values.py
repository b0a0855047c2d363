"""Messy renderings stay recoverable: properties over any A-number, date or name."""

import re
from datetime import date
from random import Random

from hypothesis import given
from hypothesis import strategies as st

from reunify.synth.messy_names import strip_accents, typo
from reunify.synth.messy_values import (
    DateFormat,
    format_date,
    misrecorded_birth_date,
    mistyped_a_number,
    render_a_number,
)

a_numbers = st.integers(min_value=1, max_value=999_999_999).map(lambda n: f"{n:09d}")
seeds = st.integers(min_value=0, max_value=2**32)


@given(a_number=a_numbers, seed=seeds)
def test_a_rendered_a_number_keeps_its_digits(a_number: str, seed: int) -> None:
    text = render_a_number(Random(seed), a_number, mistype_rate=0.0)
    assert re.fullmatch(r"(A[ -]?)?[\d-]+", text)
    assert re.sub(r"\D", "", text).zfill(9) == a_number


@given(a_number=a_numbers, seed=seeds)
def test_a_mistyped_a_number_is_one_slip_away(a_number: str, seed: int) -> None:
    typed = mistyped_a_number(Random(seed), a_number)
    changed = [i for i in range(9) if typed[i] != a_number[i]]
    assert len(typed) == 9
    assert typed.isdigit()
    assert len(changed) in (1, 2)
    if len(changed) == 2:
        first, second = changed
        assert second == first + 1
        assert (typed[first], typed[second]) == (a_number[second], a_number[first])


@given(day=st.dates(date(1950, 1, 1), date(2018, 12, 31)))
def test_each_date_format_reads_back(day: date) -> None:
    iso, month_first, day_first = (format_date(day, style) for style in DateFormat)
    assert date.fromisoformat(iso) == day
    month, dd, year = (int(part) for part in month_first.split("/"))
    assert date(year, month, dd) == day
    dd, month, year = (int(part) for part in day_first.split("/"))
    assert date(year, month, dd) == day


@given(day=st.dates(date(1950, 1, 1), date(2018, 12, 31)), seed=seeds)
def test_a_misrecorded_birth_date_is_a_real_date_near_the_truth(day: date, seed: int) -> None:
    recorded = misrecorded_birth_date(Random(seed), day)
    assert abs(recorded.year - day.year) <= 1
    assert (
        recorded == day
        or recorded.year != day.year
        or (recorded.month, recorded.day)
        == (
            day.day,
            day.month,
        )
    )


def test_stripping_accents_keeps_letters_and_apostrophes() -> None:
    assert strip_accents("Peña Ajú") == "Pena Aju"
    assert strip_accents("K'iche' Tecún") == "K'iche' Tecun"
    assert strip_accents("João Gonçalves") == "Joao Goncalves"


@given(word=st.sampled_from(["Hernández", "López", "Yeni", "Xiloj", "Velásquez"]), seed=seeds)
def test_a_typo_changes_a_name_by_little(word: str, seed: int) -> None:
    slipped = typo(Random(seed), word)
    assert abs(len(slipped) - len(word)) <= 1
    assert slipped[0] == word[0]
