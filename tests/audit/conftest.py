"""The audit tests' tools: a log of a few entries, and a DBA who switches the guards off.

Tampering is done as someone with the database's keys would: the append-only triggers are
switched off first (`session_replication_role = replica` on PostgreSQL, the triggers
dropped on SQLite), inside the test's own transaction, so the next test finds them back.
"""

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection, transaction

from reunify.audit.append_only import SQLITE_BACKWARDS
from reunify.audit.history import record_change
from reunify.audit.models import HistoryEntry


@contextmanager
def guards_off() -> Iterator[None]:
    """Switch the database's append-only guards off, as a DBA could, until the block ends
    (on SQLite, until the test's transaction is rolled back)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
            yield
            cursor.execute("SET LOCAL session_replication_role = origin")
        else:
            for statement in SQLITE_BACKWARDS:
                cursor.execute(statement.replace("DROP TRIGGER", "DROP TRIGGER IF EXISTS"))
            yield


def tamper(*statements: str | tuple[str, Sequence[Any]]) -> None:
    """Run SQL against the log with the guards off."""
    with guards_off(), connection.cursor() as cursor:
        for statement in statements:
            if isinstance(statement, tuple):
                cursor.execute(*statement)
            else:
                cursor.execute(statement)


def appended(count: int) -> list[HistoryEntry]:
    """`count` entries appended the way services append them, one transaction each."""
    entries = []
    for number in range(count):
        with transaction.atomic():
            entries.append(
                record_change(
                    actor=None,
                    action="custody.moved",
                    subject_type="custody_episode",
                    subject_id=uuid.uuid4(),
                    family_unit_id=uuid.uuid4(),
                    person_ids=[uuid.uuid4()],
                    changes={"to": f"Shelter {number}", "score": 0.5, "día": "sí"},
                )
            )
    return entries


@pytest.fixture
def log_of(db: None) -> Callable[[int], list[HistoryEntry]]:
    return appended
