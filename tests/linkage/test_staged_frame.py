"""Linkage reads staged records; the table they give equals the one built straight from
the extract files (the benchmarks' path), so both paths link the same data."""

from pathlib import Path

import pandas as pd
import pytest

from reunify.imports.services import extract_import
from reunify.linkage.records_frame import records_frame
from reunify.linkage.staged_frame import staged_frame
from reunify.synth import build_world, write_extracts

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_staged_records_give_the_table_the_files_give(tmp_path: Path) -> None:
    write_extracts(build_world(150, 3), tmp_path, 3)
    for source in ("cbp", "ice", "orr"):
        extract_import(
            actor=None, actor_label="test", source=source, path=tmp_path / f"{source}.csv"
        )

    from_database = staged_frame().set_index("unique_id").sort_index()
    from_files = records_frame(tmp_path).set_index("unique_id").sort_index()

    assert len(from_database) > 300
    assert list(from_database.index) == list(from_files.index)
    for column in from_files.columns:
        if column in {"birth_year", "birth_date_ambiguous"}:
            continue
        differing = from_database[column].fillna("") != from_files[column].fillna("")
        assert not differing.any(), (
            column,
            from_database[differing][column].head(),
            from_files[differing][column].head(),
        )
    pd.testing.assert_series_equal(
        from_database["birth_year"].astype("Int64"), from_files["birth_year"], check_names=False
    )


def test_the_smaller_sources_reshaped_beside_give_the_same_table(tmp_path: Path) -> None:
    write_extracts(build_world(60, 5), tmp_path, 5)
    for source in ("cbp", "ice", "orr"):
        extract_import(
            actor=None, actor_label="test", source=source, path=tmp_path / f"{source}.csv"
        )

    beside = staged_frame(beside=True)

    assert set(beside["source"]) == {"cbp", "ice", "orr"}
    pd.testing.assert_frame_equal(beside, staged_frame(beside=False))


def test_a_file_whose_every_row_is_quarantined_adds_no_rows(tmp_path: Path) -> None:
    write_extracts(build_world(20, 4), tmp_path, 4)
    (tmp_path / "orr.csv").write_text(
        "record_id,first_name,last_names\nUC-1,,\nUC-2,,\n", encoding="utf-8"
    )

    table = records_frame(tmp_path)

    assert len(table) > 0
    assert "orr" not in set(table["source"])
