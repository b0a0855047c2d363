"""Rows that cannot be used are quarantined whole with their reasons; the rest of the file
is imported, and rows read = rows accepted + rows quarantined."""

from pathlib import Path

import pytest

from reunify.imports.models import CbpRecord, ImportBatch, QuarantinedRow
from tests.imports.support import CBP_HEADER, import_file, write_csv

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def reasons_of(record_id: str) -> list[str]:
    row = QuarantinedRow.objects.get(record_id=record_id)
    return [reason["message"] for reason in row.reasons]


def test_each_bad_row_is_quarantined_with_its_reason(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cbp.csv",
        CBP_HEADER,
        [
            ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ GARCIA", "1990-01-02"),
            ("E2", "EV1", "2018-05-10", "ANA", "LOPEZ", "31/02/2018"),
            ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ GARCIA", "1990-01-02"),
            ("E3", "EV1", "2018-05-10", "FNU", "LOPEZ", ""),
            ("E4", "EV1", "2018-05-10", "JOSE"),
            ("E5", "EV2", "05/11/2018", "José", "Pérez-Gómez", "13/01/2015"),
        ],
    )

    counts = import_file("cbp", path)

    assert (counts.read, counts.accepted, counts.quarantined) == (6, 2, 4)
    assert "February 2018 has no day 31" in reasons_of("E2")[0]
    duplicate = QuarantinedRow.objects.get(record_id="E1")
    assert duplicate.row_number == 3
    assert reasons_of("E1") == ["duplicated record id E1: row 1 of this file has it too"]
    assert reasons_of("E3") == ["missing required field: given_names"]
    assert reasons_of("E4")[0] == "the row has 4 fields; the header has 6"
    assert QuarantinedRow.objects.get(record_id="E4").raw["given_names"] == "JOSE"

    accepted = CbpRecord.objects.get(record_id="E5")
    assert (accepted.given_names, accepted.first_surname) == ("José", "Pérez-Gómez")
    assert accepted.given_names_key == "jose"
    assert str(accepted.birth_date) == "2015-01-13"
    assert any("apprehended_on '05/11/2018' is ambiguous" in note for note in accepted.notes)
    batch = ImportBatch.objects.get()
    assert batch.rows_read == batch.rows_accepted + batch.rows_quarantined == 6


def test_a_record_imported_again_unchanged_is_accepted_but_a_changed_one_is_quarantined(
    tmp_path: Path,
) -> None:
    row = ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ GARCIA", "1990-01-02")
    import_file("cbp", write_csv(tmp_path / "monday.csv", CBP_HEADER, [row]))
    changed = ("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ GARCIA", "1990-01-03")
    new = ("E9", "EV9", "2018-05-11", "ANA", "DIAZ", "")

    counts = import_file("cbp", write_csv(tmp_path / "tuesday.csv", CBP_HEADER, [row, new]))
    clash = import_file("cbp", write_csv(tmp_path / "wednesday.csv", CBP_HEADER, [changed]))

    assert (counts.read, counts.accepted, counts.new, counts.quarantined) == (2, 2, 1, 0)
    assert (clash.accepted, clash.quarantined) == (0, 1)
    assert "imported before with other values" in reasons_of("E1")[0]
    assert CbpRecord.objects.get(record_id="E1").birth_date.isoformat() == "1990-01-02"


def test_a_dry_run_counts_and_writes_nothing(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cbp.csv",
        CBP_HEADER,
        [("E1", "EV1", "2018-05-10", "MARIA", "LOPEZ", ""), ("E2", "", "2018-05-10", "A", "B", "")],
    )

    counts = import_file("cbp", path, dry_run=True)

    assert (counts.read, counts.accepted, counts.quarantined, counts.dry_run) == (2, 1, 1, True)
    assert not ImportBatch.objects.exists()
    assert not CbpRecord.objects.exists()
