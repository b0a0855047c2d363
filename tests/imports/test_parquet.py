"""A Parquet extract imports exactly as the same rows in CSV do; a file that only calls
itself Parquet is refused with nothing written."""

from pathlib import Path

import duckdb
import pytest

from reunify.imports.errors import ExtractRefused
from reunify.imports.models import ImportBatch, OrrRecord, QuarantinedRow
from tests.imports.support import import_file

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def as_parquet(csv_path: Path, parquet_path: Path) -> Path:
    connection = duckdb.connect()
    connection.read_csv(str(csv_path), all_varchar=True).write_parquet(str(parquet_path))
    connection.close()
    return parquet_path


def test_a_parquet_extract_imports_like_its_csv(extracts: Path, tmp_path: Path) -> None:
    parquet = as_parquet(extracts / "orr.csv", tmp_path / "orr.parquet")

    from_csv = import_file("orr", extracts / "orr.csv", dry_run=True)
    from_parquet = import_file("orr", parquet)

    assert from_parquet.read > 100
    assert (from_parquet.read, from_parquet.accepted, from_parquet.quarantined) == (
        from_csv.read,
        from_csv.accepted,
        from_csv.quarantined,
    )
    assert OrrRecord.objects.count() == from_parquet.accepted
    assert QuarantinedRow.objects.count() == from_parquet.quarantined


def test_a_file_that_is_not_parquet_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "orr.parquet"
    fake.write_bytes(b"record_id,first_name,last_names\nU1,ANA,PEREZ\n")

    with pytest.raises(ExtractRefused, match="not a readable Parquet file"):
        import_file("orr", fake)
    assert not ImportBatch.objects.exists()
