"""The first pass over an extract: its rows counted and the order of its slashed dates
agreed from the dates only one order can read."""

from pathlib import Path

import pytest

from reunify.imports import extract_file
from reunify.imports.extract_file import scan_extract
from reunify.standardise import DateOrder
from tests.imports.support import CBP_HEADER, write_csv


def _border_rows(births: list[str], apprehended: str = "03/04/2018") -> list[list[str]]:
    return [
        [f"R{number}", "E1", apprehended, "Ana", "Lopez", born]
        for number, born in enumerate(births)
    ]


def test_dates_only_day_first_can_read_agree_the_order(tmp_path: Path) -> None:
    births = ["25/12/2010"] * 15 + ["13/01/2012"] * 10 + ["02/03/2011"] * 40
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER, _border_rows(births))

    scan = scan_extract("cbp", path)

    assert scan.rows == 65
    assert scan.date_order is DateOrder.DAY_FIRST


def test_a_date_counts_as_often_as_it_is_written_whichever_rows_hold_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 96 day-first dates against 4 month-first: the 95 % that agreement asks for. Counted
    # a few texts at a time, and with short rows holding some of them.
    monkeypatch.setattr(extract_file, "VOTES_COUNTED_AT_ONCE", 7)
    rows = _border_rows(["25/12/2010"] * 46 + ["12/25/2010"] * 4, apprehended="31/01/2018")
    rows += [["R90", "E1", "31/01/2018"], ["R91", "E1", "not a date"]]
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER, rows)

    scan = scan_extract("cbp", path)

    assert scan.rows == 52
    assert scan.date_order is DateOrder.DAY_FIRST


def test_orders_that_disagree_agree_on_none(tmp_path: Path) -> None:
    births = ["25/12/2010"] * 30 + ["12/25/2010"] * 10
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER, _border_rows(births))

    assert scan_extract("cbp", path).date_order is None
