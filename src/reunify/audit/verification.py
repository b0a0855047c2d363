"""Reading the stored chain back: verify it, export it, checkpoint its head.

Reads stream in chunks (constant memory) inside one snapshot, so entries, head and
checkpoints are seen as of one moment while services keep appending.
"""

import contextlib
import json
import queue
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import connection, transaction
from django.utils import timezone

from reunify.audit.chain import (
    CONTENT_KEYS,
    GENESIS_HASH,
    ChainPoint,
    ChainVerifier,
    Tampering,
    canonical_moment,
    entry_content,
    hash_of,
    hash_of_columns,
)
from reunify.audit.export_format import entry_line, header_line, point_line
from reunify.audit.models import HEAD_ID, ChainHead, Checkpoint, HistoryEntry

CHUNK = 5000
Progress = Callable[[int], Any]


class ChainBroken(Exception):
    """The stored chain is not intact; `problem` names the first bad entry."""

    def __init__(self, problem: Tampering) -> None:
        super().__init__(str(problem))
        self.problem = problem


@contextmanager
def one_snapshot() -> Iterator[None]:
    """A transaction that sees the log as of one moment (REPEATABLE READ on PostgreSQL;
    SQLite's transaction is serialised already)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def stored_head() -> ChainPoint | None:
    head = ChainHead.objects.filter(id=HEAD_ID).first()
    return ChainPoint(head.sequence, head.entry_hash, source="chain head") if head else None


def stored_checkpoints() -> list[ChainPoint]:
    return [
        ChainPoint(sequence, entry_hash, canonical_moment(made_at), "stored checkpoint")
        for sequence, entry_hash, made_at in Checkpoint.objects.values_list(
            "sequence", "entry_hash", "made_at"
        )
    ]


# PostgreSQL writes the canonical text of UUIDs and moments itself, faster than Python
# can turn its objects back into text; JSON comes as text for the C decoder.
POSTGRES_ENTRIES_SQL = """
SELECT sequence, id::text,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       actor_id::text, actor_label, action, subject_type, subject_id::text,
       family_unit_id::text, person_ids::text, changes::text, previous_hash, entry_hash
FROM audit_historyentry
"""


def stored_entries(*, after: int | None = None) -> Iterator[tuple[dict[str, Any], str]]:
    """(canonical content, stored hash) of each entry past sequence `after` (every entry
    when None), in sequence order."""
    if connection.vendor == "postgresql":
        yield from _postgres_entries(after)
        return
    entries = HistoryEntry.objects.all()
    if after is not None:
        entries = entries.filter(sequence__gt=after)
    rows = (
        entries.order_by("sequence")
        .values_list(*CONTENT_KEYS, "entry_hash")
        .iterator(chunk_size=CHUNK)
    )
    for row in rows:
        yield (
            entry_content(
                sequence=row[0],
                id=row[1],
                at=row[2],
                actor_id=row[3],
                actor_label=row[4],
                action=row[5],
                subject_type=row[6],
                subject_id=row[7],
                family_unit_id=row[8],
                person_ids=row[9],
                changes=row[10],
                previous_hash=row[11],
            ),
            row[12],
        )


def _postgres_rows(after: int | None) -> Iterator[tuple[Any, ...]]:
    """The rows of `POSTGRES_ENTRIES_SQL`, fetched by a second thread while this one
    hashes: PostgreSQL formats the next chunk while Python checks the last."""
    connection.ensure_connection()
    cursor = connection.connection.cursor(name="audit_entries")  # server-side, this snapshot
    if after is None:
        cursor.execute(POSTGRES_ENTRIES_SQL + " ORDER BY sequence")
    else:
        cursor.execute(POSTGRES_ENTRIES_SQL + " WHERE sequence > %s ORDER BY sequence", [after])
    chunks: queue.Queue[list[tuple[Any, ...]] | BaseException] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def fetch() -> None:
        try:
            while not stop.is_set():
                rows = cursor.fetchmany(CHUNK)
                chunks.put(rows)
                if not rows:
                    return
        except BaseException as error:  # handed to the reading thread, raised there
            chunks.put(error)

    fetcher = threading.Thread(target=fetch, name="audit-verify-fetch", daemon=True)
    fetcher.start()
    try:
        while True:
            chunk = chunks.get()
            if isinstance(chunk, BaseException):
                raise chunk
            if not chunk:
                return
            yield from chunk
    finally:
        stop.set()
        while fetcher.is_alive():  # let a fetch blocked on a full queue finish
            with contextlib.suppress(queue.Empty):
                chunks.get(timeout=0.05)
        cursor.close()


def _postgres_entries(after: int | None) -> Iterator[tuple[dict[str, Any], str]]:
    loads = json.loads
    for row in _postgres_rows(after):
        yield (
            {
                "sequence": row[0],
                "id": row[1],
                "at": row[2],
                "actor_id": row[3],
                "actor_label": row[4],
                "action": row[5],
                "subject_type": row[6],
                "subject_id": row[7],
                "family_unit_id": row[8],
                "person_ids": loads(row[9]),
                "changes": loads(row[10]),
                "previous_hash": row[11],
            },
            row[12],
        )


Link = tuple[Any, Any, Any, str, str]  # sequence, id, previous hash, recomputed, stored


def stored_links(*, after: int | None = None) -> Generator[Link, None, None]:
    """What the verifier needs of each entry past `after` (of every entry, even one with
    a forged sequence below 1, when None), in sequence order."""
    if connection.vendor != "postgresql":
        for content, entry_hash in stored_entries(after=after):
            yield (
                content["sequence"],
                content["id"],
                content["previous_hash"],
                hash_of(content),
                entry_hash,
            )
        return
    loads = json.loads
    for row in _postgres_rows(after):
        computed = hash_of_columns(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            loads(row[9]),
            loads(row[10]),
            row[11],
        )
        yield row[0], row[1], row[11], computed, row[12]


def _feed(verifier: ChainVerifier, links: Iterable[Link], progress: Progress) -> None:
    done = 0
    for link in links:
        if not verifier.check_link(*link):
            break
        done += 1
        if done == CHUNK:  # a progress bar per entry would cost more than the hashing
            progress(done)
            done = 0
    progress(done)


@dataclass(frozen=True)
class Verdict:
    entries: int
    head_hash: str
    checkpoints: int
    problem: Tampering | None


def verify_log(
    *, external: Iterable[ChainPoint] = (), progress: Progress = lambda _: None
) -> Verdict:
    """Recompute the whole chain from sequence 1 against its head, the stored checkpoints
    and any `external` ones (held outside the database)."""
    with one_snapshot():
        head = stored_head()
        points = [*stored_checkpoints(), *external]
        verifier = ChainVerifier(points, head=head)
        # Closed here, inside the snapshot, even when the first problem stops the reading.
        with contextlib.closing(stored_links()) as links:
            _feed(verifier, links, progress)
    problem = verifier.finish()
    if problem is None and head is None and verifier.entries:
        problem = Tampering(verifier.entries, None, "the chain head row is missing")
    return Verdict(verifier.entries, verifier.previous_hash, len(points), problem)


def checkpoint_make(*, progress: Progress = lambda _: None) -> Checkpoint:
    """Record the chain head as a checkpoint, after checking the entries appended since the
    newest checkpoint (a full check is `verify_log`). Raises `ChainBroken`."""
    with one_snapshot():
        head = stored_head()
        points = stored_checkpoints()
        newest = max(
            (p for p in points if head is None or p.sequence <= head.sequence),
            key=lambda point: point.sequence,
            default=None,
        )
        # All checkpoints are given: one beyond the head means the head was rewound.
        verifier = ChainVerifier(points, head=head, start=newest)
        with contextlib.closing(stored_links(after=newest.sequence if newest else None)) as links:
            _feed(verifier, links, progress)
        problem = verifier.finish()
    if problem is not None:
        raise ChainBroken(problem)
    return Checkpoint.objects.create(
        sequence=verifier.entries, entry_hash=verifier.previous_hash, made_at=timezone.now()
    )


def export_log(out: TextIO, *, progress: Progress = lambda _: None) -> int:
    """Write the log as JSON lines (`reunify.audit.export_format`); returns the entries."""
    count = 0
    with one_snapshot():
        out.write(header_line(exported_at=canonical_moment(timezone.now())) + "\n")
        head = stored_head() or ChainPoint(0, GENESIS_HASH)
        out.write(point_line("head", head) + "\n")
        for point in stored_checkpoints():
            out.write(point_line("checkpoint", point) + "\n")
        for content, entry_hash in stored_entries():
            out.write(entry_line(content, entry_hash) + "\n")
            count += 1
            if count % CHUNK == 0:
                progress(CHUNK)
    progress(count % CHUNK)
    return count
