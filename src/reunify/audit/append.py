"""Appending to the hash chain: the only code that writes history entries.

Every append locks the one chain-head row before it reads it, so two transactions never
read the same head: one waits until the other commits, and the chain cannot fork. The
lock is held to commit, which is why services append last, after their own row locks.

On PostgreSQL one statement does it all, because each round trip counts against the cost
of a write service: it moves the head (`UPDATE … RETURNING`, which locks the row and, if it
had to wait, works on the committed head), computes the new hash in the database from
the canonical text Python prepared around the link (`chain.canonical_around_link`), and
inserts the entry. Python then recomputes the hash and refuses (rolling the change back)
if the database hashed anything else. SQLite's transactions take the write lock at BEGIN,
so there the ORM's three small statements are just as safe.
"""

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from reunify.audit.chain import (
    GENESIS_HASH,
    LINK_JOINT,
    canonical_around_link,
    entry_content,
    hash_of,
    stored_json,
)
from reunify.audit.models import HEAD_ID, ChainHead, HistoryEntry
from reunify.bulk_copy import insert_rows

BATCH = 2000

APPEND_SQL = f"""
WITH head AS (
    UPDATE audit_chainhead
    SET sequence = sequence + 1,
        previous_hash = entry_hash,
        entry_hash = encode(sha256(convert_to(
            %s::text || entry_hash || '{LINK_JOINT}' || (sequence + 1)::text || %s::text,
            'UTF8')), 'hex')
    WHERE id = {HEAD_ID}
    RETURNING sequence, previous_hash, entry_hash
)
INSERT INTO audit_historyentry (
    id, at, actor_id, actor_label, action, subject_type, subject_id, family_unit_id,
    person_ids, changes, sequence, previous_hash, entry_hash
)
SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb,
       head.sequence, head.previous_hash, head.entry_hash
FROM head
RETURNING sequence, previous_hash, entry_hash
"""  # noqa: S608 - built from constants; every value is a parameter


class ChainMismatch(RuntimeError):
    """The database hashed an entry differently from the chain's definition."""


def content_of(entry: HistoryEntry) -> dict[str, Any]:
    """The canonical content of a model instance (its sequence and previous hash set)."""
    return entry_content(
        sequence=entry.sequence,
        id=entry.id,
        at=entry.at,
        actor_id=entry.actor_id,
        actor_label=entry.actor_label,
        action=entry.action,
        subject_type=entry.subject_type,
        subject_id=entry.subject_id,
        family_unit_id=entry.family_unit_id,
        person_ids=entry.person_ids,
        changes=entry.changes,
        previous_hash=entry.previous_hash,
    )


def _require_transaction() -> None:
    if not connection.in_atomic_block:
        raise RuntimeError("the audit chain can only be appended to inside a transaction")


def _as_stored(entry: HistoryEntry) -> None:
    # Hash what the database will give back, not what the caller happened to pass.
    entry.person_ids = stored_json(entry.person_ids)
    entry.changes = stored_json(entry.changes)


def _start_head() -> None:
    """Create the head row if it is missing (a database flushed between tests): it starts
    at the newest entry, so a lost head costs no entry its place."""
    newest = (
        HistoryEntry.objects.order_by("-sequence")
        .values_list("sequence", "entry_hash", "previous_hash")
        .first()
    )
    sequence, entry_hash, previous_hash = newest or (0, GENESIS_HASH, GENESIS_HASH)
    ChainHead.objects.bulk_create(
        [ChainHead(sequence=sequence, entry_hash=entry_hash, previous_hash=previous_hash)],
        ignore_conflicts=True,
    )


def locked_head() -> ChainHead:
    """The chain head, locked until the current transaction ends."""
    _require_transaction()
    head = ChainHead.objects.select_for_update().filter(id=HEAD_ID).first()
    if head is None:
        _start_head()
        head = ChainHead.objects.select_for_update().get(id=HEAD_ID)
    return head


def _link(entries: Sequence[HistoryEntry], head: ChainHead) -> None:
    for entry in entries:
        _as_stored(entry)
        entry.sequence = head.sequence + 1
        entry.previous_hash = head.entry_hash
        entry.entry_hash = hash_of(content_of(entry))
        head.sequence, head.previous_hash, head.entry_hash = (
            entry.sequence,
            entry.previous_hash,
            entry.entry_hash,
        )


def _append_in_one_statement(entry: HistoryEntry) -> None:
    unlinked = content_of(entry)
    before, after = canonical_around_link(unlinked)
    parameters: list[Any] = [
        before,
        after,
        entry.id,
        entry.at,
        entry.actor_id,
        entry.actor_label,
        entry.action,
        entry.subject_type,
        entry.subject_id,
        entry.family_unit_id,
        json.dumps(entry.person_ids),
        json.dumps(entry.changes),
    ]
    with connection.cursor() as cursor:
        cursor.execute(APPEND_SQL, parameters)
        row = cursor.fetchone()
        if row is None:  # no head row to move
            _start_head()
            cursor.execute(APPEND_SQL, parameters)
            row = cursor.fetchone()
    entry.sequence, entry.previous_hash, entry.entry_hash = row
    unlinked.update(sequence=entry.sequence, previous_hash=entry.previous_hash)
    if hash_of(unlinked) != entry.entry_hash:
        raise ChainMismatch(
            f"the database hashed entry #{entry.sequence} as {entry.entry_hash}; "
            "is the database encoding UTF8?"
        )
    entry._state.adding = False
    entry._state.db = connection.alias


def append_entry(entry: HistoryEntry) -> HistoryEntry:
    """Link one new entry to the head and store it, in the caller's transaction."""
    _require_transaction()
    if connection.vendor == "postgresql":
        _as_stored(entry)
        entry.previous_hash = ""  # filled in by the database
        entry.sequence = 0
        _append_in_one_statement(entry)
        return entry
    head = locked_head()
    _link([entry], head)
    entry.save(force_insert=True)
    head.save(update_fields=["sequence", "previous_hash", "entry_hash"])
    return entry


def append_entries(
    entries: Iterable[HistoryEntry], progress: Callable[[int], Any] = lambda _: None
) -> int:
    """Link and bulk-insert many entries (a data load), `BATCH` at a time, in one
    transaction; returns how many."""
    count = 0
    with transaction.atomic():
        head = locked_head()
        batch: list[HistoryEntry] = []
        for entry in entries:
            batch.append(entry)
            if len(batch) >= BATCH:
                count += _insert(batch, head, progress)
                batch = []
        if batch:
            count += _insert(batch, head, progress)
        if count:  # the head may only move forward: an empty load leaves it alone
            head.save(update_fields=["sequence", "previous_hash", "entry_hash"])
    return count


def _insert(batch: list[HistoryEntry], head: ChainHead, progress: Callable[[int], Any]) -> int:
    _link(batch, head)
    # By COPY on PostgreSQL: a linkage run's tracing sweep appends tens of thousands.
    insert_rows(HistoryEntry, [_values(entry) for entry in batch])
    progress(len(batch))
    return len(batch)


def _values(entry: HistoryEntry) -> tuple[Any, ...]:
    return tuple(getattr(entry, field.attname) for field in HistoryEntry._meta.concrete_fields)
