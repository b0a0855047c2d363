"""Checkpoints record the head; an export carries the log and its checkpoints to an
auditor, who verifies it with the chain's rules alone."""

import io
import json
from collections.abc import Callable

import pytest

from reunify.audit.export_format import BadExport, read_checkpoints, verify_export
from reunify.audit.models import Checkpoint, HistoryEntry
from reunify.audit.verification import ChainBroken, checkpoint_make, export_log
from tests.audit.conftest import tamper

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]
Log = Callable[[int], list[HistoryEntry]]


def exported() -> list[str]:
    out = io.StringIO()
    export_log(out)
    return out.getvalue().splitlines()


def test_a_checkpoint_records_the_head(log_of: Log) -> None:
    # Given
    entries = log_of(3)

    # When
    made = checkpoint_make()

    # Then
    assert (made.sequence, made.entry_hash) == (3, entries[-1].entry_hash)
    assert Checkpoint.objects.count() == 1


def test_an_empty_log_can_be_checkpointed(db: None) -> None:
    assert checkpoint_make().sequence == 0


def test_no_checkpoint_is_made_of_a_broken_chain(log_of: Log) -> None:
    # Given: a checkpoint, then an entry changed after it
    log_of(2)
    checkpoint_make()
    log_of(2)
    tamper("UPDATE audit_historyentry SET action = 'x' WHERE sequence = 4")

    # When / Then
    with pytest.raises(ChainBroken, match="entry #4"):
        checkpoint_make()
    assert Checkpoint.objects.count() == 1


def test_an_export_verifies_without_the_database(log_of: Log) -> None:
    # Given
    entries = log_of(4)
    checkpoint_make()
    lines = exported()

    # When
    verdict = verify_export(lines, name="export")

    # Then
    assert verdict.problem is None
    assert (verdict.entries, verdict.head_hash) == (4, entries[-1].entry_hash)
    assert verdict.checkpoints == 1
    kinds = [json.loads(line)["kind"] for line in lines]
    assert kinds == ["header", "head", "checkpoint", "entry", "entry", "entry", "entry"]
    assert read_checkpoints(lines, "export")[0].sequence == 4


def test_an_edited_export_is_caught(log_of: Log) -> None:
    # Given: an export whose second entry (header, head, then entries) was edited
    log_of(3)
    lines = exported()
    lines[3] = lines[3].replace('"custody.moved"', '"custody.removed"')

    # When
    problem = verify_export(lines, name="export").problem

    # Then
    assert problem is not None
    assert problem.sequence == 2


def test_an_export_cut_short_is_caught_by_its_head(log_of: Log) -> None:
    # Given
    log_of(3)
    lines = exported()[:-1]

    # When
    problem = verify_export(lines, name="export").problem

    # Then
    assert problem is not None
    assert problem.sequence == 3


def test_a_file_that_is_not_an_export_is_refused() -> None:
    with pytest.raises(BadExport, match="line 1: not JSON"):
        verify_export(["hello"], name="notes.txt")
    with pytest.raises(BadExport, match="no header"):
        verify_export(['{"kind": "entry"}'], name="notes.txt")
    with pytest.raises(BadExport, match="no checkpoint"):
        read_checkpoints(["{}"][:0], "empty")
