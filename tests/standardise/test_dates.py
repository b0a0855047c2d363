"""Dates: three formats read, ambiguous ones flagged with their candidates, never guessed
silently; impossible ones refused with the reason."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.standardise import DateOrder, UnreadableDate, infer_date_order, parse_extract_date

pytestmark = pytest.mark.sqlite

days = st.dates(date(1930, 1, 1), date(2030, 12, 31))


def _written(day: date, order: DateOrder) -> str:
    if order is DateOrder.ISO:
        return day.isoformat()
    if order is DateOrder.MONTH_FIRST:
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@given(day=days, order=st.sampled_from(DateOrder))
def test_a_date_in_any_format_parses_back_to_itself_unless_ambiguous(
    day: date, order: DateOrder
) -> None:
    # Given
    text = _written(day, order)

    # When
    read = parse_extract_date(text, prefer=order)

    # Then: with the source's order known, always the date; the truth always a candidate
    assert read is not None
    assert read.value == day
    assert day in read.candidates
    ambiguous = order is not DateOrder.ISO and day.day <= 12 and day.day != day.month
    assert read.ambiguous is ambiguous


@given(day=days, order=st.sampled_from(DateOrder))
def test_without_a_known_order_only_ambiguous_dates_can_be_misread(
    day: date, order: DateOrder
) -> None:
    # Given / When
    read = parse_extract_date(_written(day, order))

    # Then
    assert read is not None
    assert read.value == day or (read.ambiguous and read.order is DateOrder.MONTH_FIRST)


def test_an_ambiguous_date_says_which_reading_was_chosen_and_why() -> None:
    # Given / When
    us = parse_extract_date("06/05/2018")
    central_american = parse_extract_date("06/05/2018", prefer=DateOrder.DAY_FIRST)

    # Then
    assert us is not None
    assert central_american is not None
    assert us.candidates == central_american.candidates == (date(2018, 6, 5), date(2018, 5, 6))
    assert (us.value, us.order) == (date(2018, 6, 5), DateOrder.MONTH_FIRST)
    assert "US order" in us.why
    assert (central_american.value, central_american.order) == (
        date(2018, 5, 6),
        DateOrder.DAY_FIRST,
    )
    assert "source's order" in central_american.why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/05/2018", date(2018, 5, 13)),
        ("05/13/2018", date(2018, 5, 13)),
        ("05/05/2018", date(2018, 5, 5)),
        ("5/16/2018", date(2018, 5, 16)),
        ("2018-6-5", date(2018, 6, 5)),
        ("2018/06/05", date(2018, 6, 5)),
        ("20180605", date(2018, 6, 5)),
        ("2018-06-05 00:00:00", date(2018, 6, 5)),
        ("2018-06-05T13:45:00Z", date(2018, 6, 5)),
        ("05-JUN-2018", date(2018, 6, 5)),
        ("5 ago 2018", date(2018, 8, 5)),
    ],
)
def test_unambiguous_dates_in_other_shapes(text: str, expected: date) -> None:
    # Given / When
    read = parse_extract_date(text)

    # Then
    assert read is not None
    assert read.value == expected
    assert not read.ambiguous


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2018", "February 2018 has no day 31"),
        ("02/30/2018", "February 2018 has no day 30"),
        ("2018-02-31", "February 2018 has no day 31"),
        ("2018-06-31", "June 2018 has no day 31"),
        ("13/13/2017", "there is no month 13"),
        ("00/12/2018", "there is no month 0"),
        ("29/02/2019", "February 2019 has no day 29"),
        ("1018-01-01", "year 1018"),
        ("soon", "not written YYYY-MM-DD"),
        ("05/06/18", "not written YYYY-MM-DD"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    # Given / When
    with pytest.raises(UnreadableDate) as refused:
        parse_extract_date(text)

    # Then
    assert reason in refused.value.reason
    assert refused.value.text == text


@pytest.mark.parametrize("text", [None, "", "   ", "N/A", "unknown"])
def test_a_blank_date_is_none(text: str | None) -> None:
    # Given / When / Then
    assert parse_extract_date(text) is None


def test_a_columns_order_is_inferred_from_the_dates_only_one_order_can_read() -> None:
    # Given
    month_first = ["05/13/2018", "06/30/2017", "01/02/2018", "2018-01-01", ""]
    day_first = ["13/05/2018", "30/06/2017", "25/12/2016", "05/13/2018"]

    # When / Then
    assert infer_date_order(month_first) is DateOrder.MONTH_FIRST
    assert infer_date_order(day_first) is DateOrder.DAY_FIRST
    assert infer_date_order(["01/02/2018", "2018-01-01"]) is None
