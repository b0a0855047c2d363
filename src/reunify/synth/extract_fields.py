"""The fields all three extracts fill the same way."""

from datetime import date
from random import Random

from reunify.synth.messy_values import (
    DateFormat,
    format_date,
    misrecorded_birth_date,
    render_a_number,
    render_country,
)
from reunify.synth.weighted import WeightedTable


def date_formats(iso: float, month_first: float, day_first: float) -> WeightedTable[DateFormat]:
    return WeightedTable(
        [
            (DateFormat.ISO, iso),
            (DateFormat.MONTH_FIRST, month_first),
            (DateFormat.DAY_FIRST, day_first),
        ]
    )


def birth_date_text(
    rng: Random, born: date, formats: WeightedTable[DateFormat], missing_rate: float
) -> str:
    if rng.random() < missing_rate:
        return ""
    return format_date(misrecorded_birth_date(rng, born), formats.pick(rng))


def a_number_text(
    rng: Random, canonical: str | None, missing_rate: float, mistype_rate: float
) -> str:
    if canonical is None or rng.random() < missing_rate:
        return ""
    return render_a_number(rng, canonical, mistype_rate)


def country_text(rng: Random, code: str, missing_rate: float) -> str:
    return "" if rng.random() < missing_rate else render_country(rng, code)


def optional_date(day: date | None, style: DateFormat) -> str:
    return "" if day is None else format_date(day, style)
