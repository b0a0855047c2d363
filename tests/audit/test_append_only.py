"""The database itself refuses to rewrite the audit log through the application's
connection: entries and checkpoints cannot be updated or deleted, the head only moves on."""

from collections.abc import Callable

import pytest
from django.db import DatabaseError, connection, transaction

from reunify.audit.models import ChainHead, HistoryEntry
from reunify.audit.verification import checkpoint_make

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
Log = Callable[[int], list[HistoryEntry]]


def refused(sql: str) -> str:
    with pytest.raises(DatabaseError) as refusal, transaction.atomic():
        connection.cursor().execute(sql)
    return str(refusal.value)


def test_an_entry_cannot_be_updated(log_of: Log) -> None:
    # Given
    log_of(2)

    # When / Then: through SQL and through the ORM alike
    assert "append-only" in refused("UPDATE audit_historyentry SET action = 'x'")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        HistoryEntry.objects.update(actor_label="someone else")
    assert set(HistoryEntry.objects.values_list("action", flat=True)) == {"custody.moved"}


def test_an_entry_cannot_be_deleted(log_of: Log) -> None:
    # Given
    log_of(2)

    # When / Then
    assert "append-only" in refused("DELETE FROM audit_historyentry WHERE sequence = 2")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        HistoryEntry.objects.filter(sequence=1).delete()
    assert HistoryEntry.objects.count() == 2


def test_a_checkpoint_cannot_be_changed_or_deleted(log_of: Log) -> None:
    # Given
    log_of(1)
    checkpoint_make()

    # When / Then
    assert "append-only" in refused("UPDATE audit_checkpoint SET sequence = 0")
    assert "append-only" in refused("DELETE FROM audit_checkpoint")


def test_the_head_only_moves_forward(log_of: Log) -> None:
    # Given
    log_of(3)

    # When / Then
    assert "append-only" in refused("UPDATE audit_chainhead SET sequence = 2")
    assert "append-only" in refused("DELETE FROM audit_chainhead")
    assert ChainHead.objects.get().sequence == 3


@pytest.mark.postgres_only
def test_the_entries_cannot_be_truncated(log_of: Log) -> None:
    # Given
    log_of(2)
    connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending

    # When / Then: alone, or with the head but not the checkpoints
    assert "TRUNCATE of audit_historyentry refused" in refused("TRUNCATE audit_historyentry")
    assert "refused" in refused("TRUNCATE audit_historyentry, audit_chainhead")
    assert HistoryEntry.objects.count() == 2
