"""The linkage table straight from extract files, read as an import reads them but with
no database: for benchmarks and tests of the model on generated data.

Rows an import would quarantine are left out, so the table equals `staged_frame()` after
importing the same files (tests/linkage/test_staged_frame.py).
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from reunify.imports.extract_file import scan_extract
from reunify.imports.read_ahead import read_chunks
from reunify.linkage.contract import SOURCES, contract_columns, stacked

CHUNK_ROWS = 10_000


def file_records(source: str, path: Path) -> Iterator[dict[str, Any]]:
    """The standard fields of each row an import would stage, the first of a record_id."""
    scan = scan_extract(source, path)
    seen: set[str] = set()
    for chunk in read_chunks(scan, CHUNK_ROWS):
        for read in chunk.rows():
            if read.problems or read.record_id in seen:
                continue
            seen.add(read.record_id)
            yield read.fields


def records_frame(directory: Path) -> pd.DataFrame:
    """The linkage table from `cbp.csv`, `ice.csv` and `orr.csv` in `directory`."""
    found = {
        source: list(file_records(source, path))
        for source in SOURCES
        if (path := directory / f"{source}.csv").exists()
    }
    # A file whose every row an import would quarantine adds no rows (and no columns).
    frame = stacked(
        [
            contract_columns(source, pd.DataFrame.from_records(rows))
            for source, rows in found.items()
            if rows
        ]
    )
    frame["birth_year"] = frame["birth_year"].astype("Int64")
    frame["birth_date_ambiguous"] = frame["birth_date_ambiguous"].astype(bool)
    return frame
