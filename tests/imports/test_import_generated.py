"""The three generated extracts import with exactly the generator's malformed rows
quarantined, and importing them again changes nothing."""

import csv
from pathlib import Path

import pytest

from reunify.audit.models import HistoryEntry
from reunify.imports.models import CbpRecord, IceRecord, OrrRecord, QuarantinedRow
from reunify.imports.services import extract_import
from tests.imports.support import import_file

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

SOURCES = ("cbp", "ice", "orr")


def rows_in(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as found:
        return sum(1 for _ in csv.DictReader(found))


def test_generated_extracts_import_and_quarantine_exactly_the_malformed_rows(
    extracts: Path,
) -> None:
    counts = {source: import_file(source, extracts / f"{source}.csv") for source in SOURCES}

    for source in SOURCES:
        assert counts[source].read == rows_in(extracts / f"{source}.csv")
        assert counts[source].read == counts[source].accepted + counts[source].quarantined
    with (extracts / "truth_malformed.csv").open(encoding="utf-8", newline="") as truth:
        malformed = {
            (row["source"], row["record_id"]): row["reason"] for row in csv.DictReader(truth)
        }
    quarantined = {
        (row.batch.source, row.record_id): [reason["message"] for reason in row.reasons]
        for row in QuarantinedRow.objects.select_related("batch")
    }
    assert set(quarantined) == set(malformed)
    for key, reason in malformed.items():
        assert quarantined[key][0].startswith(reason), key
    staged = CbpRecord.objects.count() + IceRecord.objects.count() + OrrRecord.objects.count()
    assert staged == sum(count.accepted for count in counts.values())
    elections = IceRecord.objects.exclude(election="")
    assert elections.exists()
    assert not elections.filter(election_on__isnull=True).exists()


def test_importing_the_same_files_again_changes_nothing(extracts: Path) -> None:
    first = {source: import_file(source, extracts / f"{source}.csv") for source in SOURCES}
    entries = HistoryEntry.objects.count()

    again = {source: import_file(source, extracts / f"{source}.csv") for source in SOURCES}

    for source in SOURCES:
        assert again[source].already_imported
        assert again[source].batch == first[source].batch
        assert (again[source].read, again[source].accepted) == (
            first[source].read,
            first[source].accepted,
        )
    assert HistoryEntry.objects.count() == entries


def test_an_import_stopped_half_way_resumes_to_each_row_once(
    extracts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reunify.imports.services.CHUNK_ROWS", 100)
    path = extracts / "cbp.csv"
    seen = 0

    def stop_after_three_chunks(rows: int) -> None:
        nonlocal seen
        seen += rows
        if seen >= 300:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_import(
            actor=None, actor_label="test", source="cbp", path=path,
            progress=stop_after_three_chunks,
        )  # fmt: skip
    assert 0 < CbpRecord.objects.count() <= 300

    counts = import_file("cbp", path)

    assert not counts.already_imported
    assert counts.read == rows_in(path)
    assert CbpRecord.objects.count() == counts.accepted
    assert counts.new == counts.accepted
    assert QuarantinedRow.objects.count() == counts.quarantined
