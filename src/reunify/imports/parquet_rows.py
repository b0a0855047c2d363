"""Parquet extracts, read row by row through DuckDB, as the CSV reader gives them: the
column names first, then each row's values as text (a missing value as "")."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from reunify.imports.errors import ExtractRefused

FETCH_ROWS = 5000
PARQUET_MAGIC = b"PAR1"


def is_parquet(path: Path) -> bool:
    if path.suffix.lower() == ".parquet":
        return True
    with path.open("rb") as stream:
        return stream.read(4) == PARQUET_MAGIC


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def parquet_rows(path: Path) -> Iterator[list[str]]:
    connection = duckdb.connect()
    try:
        try:
            cursor = connection.execute("SELECT * FROM read_parquet(?)", [str(path)])
        except duckdb.Error as error:
            raise ExtractRefused(
                f"not a readable Parquet file ({str(error).splitlines()[0]})"
            ) from None
        yield [column[0] for column in cursor.description or []]
        while batch := cursor.fetchmany(FETCH_ROWS):
            for row in batch:
                yield [as_text(value) for value in row]
    finally:
        connection.close()
