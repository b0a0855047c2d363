"""Rows read in a second process arrive as they would be read here, in order; a reader that
fails or dies stops the import with a clear error and leaves no process behind."""

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reunify.imports import read_ahead
from reunify.imports.errors import ExtractRefused
from reunify.imports.extract_file import ExtractRow, ExtractScan, scan_extract
from reunify.imports.models import CbpRecord, QuarantinedRow
from reunify.imports.read_ahead import read_chunks, read_chunks_beside
from reunify.imports.row_reading import ReadChunk
from reunify.imports.services import extract_import
from tests.imports.test_import_generated import rows_in


def _as_compared(chunks: Iterator[ReadChunk]) -> list[list[tuple[object, ...]]]:
    return [
        [(row.number, row.record_id, row.fields, row.problems, row.notes, row.content_sha256,
          row.raw) for row in chunk.rows()]
        for chunk in chunks
    ]  # fmt: skip


@pytest.mark.parametrize("readers", [1, 2, 3])
def test_chunks_read_beside_are_the_chunks_read_here(extracts: Path, readers: int) -> None:
    scan = scan_extract("cbp", extracts / "cbp.csv")

    beside = _as_compared(read_chunks_beside(scan, 97, readers=readers))

    assert beside == _as_compared(read_chunks(scan, 97))
    assert sum(map(len, beside)) == scan.rows
    assert multiprocessing.active_children() == []


@pytest.mark.django_db
def test_an_import_read_beside_stopped_half_way_resumes_to_each_row_once(
    extracts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reunify.imports.services.CHUNK_ROWS", 100)
    path = extracts / "cbp.csv"

    def stop_after_two_chunks(rows: int, seen: list[int] = []) -> None:  # noqa: B006
        seen.append(rows)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_import(actor=None, actor_label="test", source="cbp", path=path,
                       progress=stop_after_two_chunks, readers=2)  # fmt: skip
    assert multiprocessing.active_children() == []
    assert CbpRecord.objects.count() <= 200

    counts = extract_import(actor=None, actor_label="test", source="cbp", path=path, readers=2)

    assert counts.read == rows_in(path) == counts.accepted + counts.quarantined
    assert CbpRecord.objects.count() == counts.accepted
    assert QuarantinedRow.objects.count() == counts.quarantined


def test_a_row_the_reader_cannot_read_stops_the_import_with_the_reason(
    extracts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read_chunk = read_ahead.read_chunk

    def fails_at_row_150(source: str, rows: list[ExtractRow], scan: ExtractScan) -> ReadChunk:
        if any(row.number == 150 for row in rows):
            raise ValueError("a value no reader expected")
        return real_read_chunk(source, rows, scan)

    monkeypatch.setattr(read_ahead, "read_chunk", fails_at_row_150)
    scan = scan_extract("cbp", extracts / "cbp.csv")

    with pytest.raises(ExtractRefused, match="ValueError: a value no reader expected"):
        list(read_chunks_beside(scan, 100, readers=2))
    assert multiprocessing.active_children() == []


def test_a_reader_that_dies_stops_the_import_instead_of_waiting_forever(
    extracts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read_chunks = read_ahead.read_chunks

    def second_reader_dies(
        scan: ExtractScan, size: int, turn: int, turns: int
    ) -> Iterator[ReadChunk]:
        if turn == 1:
            os._exit(3)
        return real_read_chunks(scan, size, turn=turn, turns=turns)

    monkeypatch.setattr(read_ahead, "read_chunks", second_reader_dies)
    scan = scan_extract("cbp", extracts / "cbp.csv")
    arrived: list[ReadChunk] = []

    with pytest.raises(ExtractRefused, match="exit code 3"):
        arrived.extend(read_chunks_beside(scan, 100, readers=2))
    assert [chunk.numbers[0] for chunk in arrived] == [1]
    assert multiprocessing.active_children() == []
