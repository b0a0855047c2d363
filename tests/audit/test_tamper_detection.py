"""`verify` catches every kind of tampering a person with the database's keys could do,
and names the first bad entry."""

from collections.abc import Callable

import pytest

from reunify.audit.append import content_of
from reunify.audit.chain import hash_of
from reunify.audit.models import HistoryEntry
from reunify.audit.verification import verify_log
from tests.audit.conftest import tamper

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
Log = Callable[[int], list[HistoryEntry]]


def test_an_untouched_log_is_intact(log_of: Log) -> None:
    # Given
    entries = log_of(5)

    # When
    verdict = verify_log()

    # Then
    assert verdict.problem is None
    assert verdict.entries == 5
    assert verdict.head_hash == entries[-1].entry_hash


def test_a_changed_field_is_caught_at_its_entry(log_of: Log) -> None:
    # Given: someone rewrites what the third entry says
    entries = log_of(5)
    tamper("UPDATE audit_historyentry SET actor_label = 'Nobody' WHERE sequence = 3")

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert (problem.sequence, problem.entry_id) == (3, str(entries[2].id))
    assert "does not match its hash" in str(problem)


def test_a_changed_field_with_its_hash_recomputed_is_caught_at_the_next_entry(
    log_of: Log,
) -> None:
    # Given: the forger also recomputes the changed entry's hash
    entries = log_of(5)
    forged = entries[2]
    forged.changes = {"to": "somewhere else"}
    tamper(
        (
            "UPDATE audit_historyentry SET changes = %s, entry_hash = %s WHERE sequence = 3",
            ['{"to": "somewhere else"}', hash_of(content_of(forged))],
        )
    )

    # When
    problem = verify_log().problem

    # Then: the chain breaks where the next entry points back at the old hash
    assert problem is not None
    assert problem.sequence == 4
    assert "previous_hash does not match entry #3" in problem.reason


def test_a_deleted_middle_entry_is_caught(log_of: Log) -> None:
    # Given
    entries = log_of(5)
    tamper("DELETE FROM audit_historyentry WHERE sequence = 3")

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert (problem.sequence, problem.entry_id) == (4, str(entries[3].id))
    assert "entries from #3 are missing" in problem.reason


def test_swapped_entries_are_caught(log_of: Log) -> None:
    # Given: entries 2 and 3 trade places
    log_of(5)
    tamper(
        "UPDATE audit_historyentry SET sequence = -1 WHERE sequence = 2",
        "UPDATE audit_historyentry SET sequence = 2 WHERE sequence = 3",
        "UPDATE audit_historyentry SET sequence = 3 WHERE sequence = -1",
    )

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert problem.sequence == 2


def test_a_forged_entry_slipped_into_the_middle_is_caught(log_of: Log) -> None:
    # Given: later entries moved up one, and a well-formed, correctly hashed forgery at #3
    entries = log_of(5)
    tamper(
        "UPDATE audit_historyentry SET sequence = -sequence WHERE sequence >= 3",
        "UPDATE audit_historyentry SET sequence = 1 - sequence WHERE sequence < 0",
    )
    forged = HistoryEntry(
        at=entries[2].at,
        actor_label="system",
        action="election.recorded",
        subject_type="election",
        subject_id=entries[2].subject_id,
        sequence=3,
        previous_hash=entries[1].entry_hash,
    )
    forged.entry_hash = hash_of(content_of(forged))
    HistoryEntry.objects.bulk_create([forged])

    # When
    problem = verify_log().problem

    # Then: the forgery itself chains, but the entry after it no longer does
    assert problem is not None
    assert (problem.sequence, problem.entry_id) == (4, str(entries[2].id))


def test_a_forged_entry_after_the_head_is_caught(log_of: Log) -> None:
    # Given: a correctly chained entry appended behind Reunify's back (head not moved)
    entries = log_of(3)
    forged = HistoryEntry(
        at=entries[-1].at,
        actor_label="system",
        action="election.recorded",
        subject_type="election",
        subject_id=entries[-1].subject_id,
        sequence=4,
        previous_hash=entries[-1].entry_hash,
    )
    forged.entry_hash = hash_of(content_of(forged))
    HistoryEntry.objects.bulk_create([forged])

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert (problem.sequence, problem.entry_id) == (4, str(forged.id))
    assert "beyond the chain head #3" in problem.reason


def test_a_forged_entry_before_the_first_is_caught(log_of: Log) -> None:
    # Given: an entry numbered 0, where no entry may be
    entries = log_of(2)
    forged = HistoryEntry(
        at=entries[0].at,
        actor_label="system",
        action="election.recorded",
        subject_type="election",
        subject_id=entries[0].subject_id,
        sequence=0,
        previous_hash="0" * 64,
        entry_hash="0" * 64,
    )
    HistoryEntry.objects.bulk_create([forged])

    # When
    problem = verify_log().problem

    # Then
    assert problem is not None
    assert (problem.sequence, problem.entry_id) == (0, str(forged.id))
