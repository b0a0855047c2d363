"""Deleting the newest entries and rewinding the head leaves a chain that is consistent
with itself: only a checkpoint held outside the database catches it."""

from collections.abc import Callable

import pytest

from reunify.audit.chain import ChainPoint
from reunify.audit.export_format import point_line, read_checkpoints
from reunify.audit.models import HistoryEntry
from reunify.audit.verification import checkpoint_make, verify_log
from tests.audit.conftest import tamper

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_rewound_log_is_caught_only_against_an_exported_checkpoint(
    log_of: Callable[[int], list[HistoryEntry]],
) -> None:
    # Given: five entries, a checkpoint shipped off the database as its JSON line
    entries = log_of(5)
    made = checkpoint_make()
    shipped = point_line("checkpoint", ChainPoint(made.sequence, made.entry_hash))
    # and a DBA who deletes entries 4 and 5, the checkpoint, and rewinds the head to #3
    third = entries[2]
    tamper(
        "DELETE FROM audit_historyentry WHERE sequence > 3",
        "DELETE FROM audit_checkpoint",
        (
            "UPDATE audit_chainhead SET sequence = 3, entry_hash = %s, previous_hash = %s",
            [third.entry_hash, third.previous_hash],
        ),
    )

    # When
    alone = verify_log()
    against_the_checkpoint = verify_log(external=read_checkpoints([shipped], "shipped"))

    # Then: the database alone cannot tell
    assert alone.problem is None
    assert alone.entries == 3
    problem = against_the_checkpoint.problem
    assert problem is not None
    assert problem.sequence == 4
    assert "the log ends at #3" in problem.reason
    assert "external checkpoint" in problem.reason


def test_deleted_newest_entries_with_the_head_left_alone_are_caught(
    log_of: Callable[[int], list[HistoryEntry]],
) -> None:
    # Given
    log_of(5)
    tamper("DELETE FROM audit_historyentry WHERE sequence > 3")

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert problem.sequence == 4
    assert "chain head records #5" in problem.reason
