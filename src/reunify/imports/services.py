"""`extract_import`: one agency extract file into staged records and quarantined rows.

The file is judged whole first (`extract_file.scan_extract`); then rows are standardised
and written in chunks, each chunk one transaction with its history entry. Every row is
keyed (source, record_id, and within a batch its row number), so running the same import
again, or again after it was killed half-way, ends with each row staged exactly once.
"""

import json
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import EXTRACT_IMPORTERS
from reunify.audit.history import record_change
from reunify.families.rules import Problem
from reunify.imports.extract_file import ExtractScan, scan_extract
from reunify.imports.models import RECORD_MODELS, ImportBatch, QuarantinedRow
from reunify.imports.read_ahead import read_chunks, read_chunks_beside, readers_that_help
from reunify.imports.row_reading import ReadChunk
from reunify.imports.staging import StagedKey, conflicts, staged_keys, write_records

CHUNK_ROWS = 2000


@dataclass(frozen=True)
class ImportCounts:
    """What an import did; `read == accepted + quarantined` always."""

    source: str
    file: str
    sha256: str
    batch: str | None  # None for a dry run
    read: int
    accepted: int
    new: int
    quarantined: int
    already_imported: bool = False
    dry_run: bool = False

    def as_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def extract_import(
    *,
    actor: User | None,
    actor_label: str,
    source: str,
    path: Path,
    dry_run: bool = False,
    progress: Callable[[int], None] = lambda rows: None,
    started: Callable[[ExtractScan], None] = lambda scan: None,
    readers: int | None = None,
) -> ImportCounts:
    """Import one extract; `progress` hears of each chunk's rows, `started` of the scan.

    A dry run reads and checks every row and writes nothing; it cannot see clashes with
    records imported before, so its counts may differ from the real import's. Rows are
    read by `readers` other processes (none: in this one), by default one per core when
    the file is large (`read_ahead`)."""
    if actor is not None:
        require_role(actor, EXTRACT_IMPORTERS, action="import agency extracts")
    scan = scan_extract(source, path)
    started(scan)
    if dry_run:
        return dry_run_counts(scan, progress)
    batch = batch_for(scan, actor=actor, actor_label=actor_label)
    if batch.is_finished:
        return counts_of(batch, already_imported=True)
    tally = Tally()
    if readers is None:
        readers = readers_that_help(scan)
    reading = (
        read_chunks_beside(scan, CHUNK_ROWS, readers=readers)
        if readers
        else read_chunks(scan, CHUNK_ROWS)
    )
    # Closed on the way out, also when staging fails: the reading processes end with it.
    with closing(reading) as read_chunks_of_file:
        for chunk in read_chunks_of_file:
            with transaction.atomic():
                stage_chunk(batch, actor, chunk, tally)
            progress(len(chunk))
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        batch.rows_read, batch.rows_accepted = tally.read, tally.accepted
        batch.rows_new, batch.rows_quarantined = tally.new, tally.quarantined
        batch.finished_at = timezone.now()
        batch.save()
        record_change(
            actor=actor,
            action="import.finished",
            subject_type="import_batch",
            subject_id=batch.pk,
            changes={"read": tally.read, "accepted": tally.accepted, "new": tally.new,
                     "quarantined": tally.quarantined},
        )  # fmt: skip
    return counts_of(batch)


def dry_run_counts(scan: ExtractScan, progress: Callable[[int], None]) -> ImportCounts:
    read = accepted = 0
    for chunk in read_chunks(scan, CHUNK_ROWS):
        read += len(chunk)
        accepted += sum(not problems for problems in chunk.problems)
        progress(len(chunk))
    return ImportCounts(
        source=scan.source, file=scan.path.name, sha256=scan.sha256, batch=None, read=read,
        accepted=accepted, new=0, quarantined=read - accepted, dry_run=True,
    )  # fmt: skip


def batch_for(scan: ExtractScan, *, actor: User | None, actor_label: str) -> ImportBatch:
    """This file's batch: the one already begun (to finish or to report), or a new one."""
    with transaction.atomic():
        lock_source(scan.source)
        existing = ImportBatch.objects.filter(source=scan.source, file_sha256=scan.sha256).first()
        if existing is not None:
            return existing
        batch = ImportBatch.objects.create(
            source=scan.source,
            file_name=scan.path.name[:255],
            file_sha256=scan.sha256,
            file_bytes=scan.size,
            date_order=scan.date_order.value if scan.date_order else "",
            started_at=timezone.now(),
            imported_by=actor,
            importer_label=actor_label,
        )
        record_change(
            actor=actor,
            action="import.started",
            subject_type="import_batch",
            subject_id=batch.pk,
            changes={"source": scan.source, "file": batch.file_name, "sha256": scan.sha256,
                     "rows": scan.rows, "date_order": batch.date_order,
                     "unknown_columns": list(scan.header.unknown)},
        )  # fmt: skip
        return batch


def lock_source(source: str) -> None:
    """One import per source at a time, so two files never stage one record_id twice.

    SQLite's IMMEDIATE transactions (config.database) already serialise writers."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"import:{source}"])


@dataclass
class Tally:
    read: int = 0
    accepted: int = 0
    new: int = 0
    quarantined: int = 0


def stage_chunk(batch: ImportBatch, actor: User | None, chunk: ReadChunk, tally: Tally) -> None:
    lock_source(batch.source)
    model = RECORD_MODELS[batch.source]
    staged = staged_keys(
        model,
        [
            record_id
            for record_id, problems in zip(chunk.record_ids, chunk.problems, strict=True)
            if not problems
        ],
    )
    new: list[int] = []
    quarantined: list[QuarantinedRow] = []
    for index, (number, record_id, content) in enumerate(
        zip(chunk.numbers, chunk.record_ids, chunk.content_sha256, strict=True)
    ):
        tally.read += 1
        key = StagedKey(batch.pk, number, content)
        problems = list(chunk.problems[index]) or conflicts(staged, batch.pk, record_id, key)
        if problems:
            tally.quarantined += 1
            quarantined.append(quarantine(batch, chunk, index, problems))
            continue
        tally.accepted += 1
        known = staged.get(record_id)
        if known is None:
            staged[record_id] = key
            new.append(index)
        if known is None or known.batch_id == batch.pk:
            tally.new += 1
    write_records(model, batch.pk, chunk, new)
    QuarantinedRow.objects.bulk_create(quarantined, ignore_conflicts=True)
    first, last = chunk.numbers[0], chunk.numbers[-1]
    record_change(
        actor=actor,
        action="import.rows_staged",
        subject_type="import_batch",
        subject_id=batch.pk,
        changes={"rows": f"{first}-{last}", "staged": len(new),
                 "quarantined": len(quarantined)},
    )  # fmt: skip


def quarantine(
    batch: ImportBatch, chunk: ReadChunk, index: int, problems: Iterable[Problem]
) -> QuarantinedRow:
    return QuarantinedRow(
        batch=batch,
        row_number=chunk.numbers[index],
        record_id=chunk.record_ids_as_written[index],
        raw=json.loads(chunk.raw_json[index]),
        reasons=[{"column": p.field, "message": p.message} for p in problems],
    )


def counts_of(batch: ImportBatch, *, already_imported: bool = False) -> ImportCounts:
    return ImportCounts(
        source=batch.source, file=batch.file_name, sha256=batch.file_sha256,
        batch=str(batch.pk), read=batch.rows_read, accepted=batch.rows_accepted,
        new=batch.rows_new, quarantined=batch.rows_quarantined,
        already_imported=already_imported,
    )  # fmt: skip
