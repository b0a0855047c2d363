"""A file that cannot be imported as a whole is refused with a clear reason, and nothing
is written: no batch, no staged row, no history entry."""

from pathlib import Path

import pytest

from reunify.audit.models import HistoryEntry
from reunify.imports.errors import ExtractRefused
from reunify.imports.models import CbpRecord, ImportBatch, QuarantinedRow
from tests.imports.support import CBP_HEADER, import_file, write_csv

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

GOOD_ROW = ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ GARCIA", "1990-01-02")


def assert_nothing_written() -> None:
    assert not ImportBatch.objects.exists()
    assert not CbpRecord.objects.exists()
    assert not QuarantinedRow.objects.exists()
    assert not HistoryEntry.objects.filter(action__startswith="import.").exists()


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER, [GOOD_ROW])
    path.write_bytes(path.read_bytes() + "E2,EV2,2018-05-10,JOSÉ,PÉREZ,\n".encode("latin-1"))

    with pytest.raises(ExtractRefused, match=r"not UTF-8 text \(line 3"):
        import_file("cbp", path)
    assert_nothing_written()


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cbp.csv"
    path.write_bytes(content)

    with pytest.raises(ExtractRefused, match="the file is empty"):
        import_file("cbp", path)
    assert_nothing_written()


def test_a_missing_required_column_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cbp.csv", CBP_HEADER[:-2], [GOOD_ROW[:-2]])

    with pytest.raises(ExtractRefused, match="needs the column surnames;"):
        import_file("cbp", path)
    assert_nothing_written()


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractRefused, match="no file at"):
        import_file("cbp", tmp_path / "nowhere.csv")
    assert_nothing_written()
