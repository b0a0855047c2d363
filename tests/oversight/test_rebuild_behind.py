"""A report behind the records is rebuilt on a thread of its own, out of the request.

Committed records only (the thread has its own connection), so on PostgreSQL, whose test
database is emptied by TRUNCATE (SQLite's DELETE is refused by the append-only log).
"""

import threading
import uuid

import pytest
from django.db import transaction

from reunify.audit.history import record_change
from reunify.oversight import rebuild_behind
from reunify.oversight.report_store import changes_since, latest_stored, removals_report_build
from tests.oversight.records import removed_parent

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_a_rebuild_out_of_the_request_keeps_a_newer_build() -> None:
    removed_parent("Ana")
    kept = removals_report_build(actor=None)
    removed_parent("Berta")
    with transaction.atomic():
        record_change(
            actor=None, action="custody.moved", subject_type="test", subject_id=uuid.uuid4()
        )

    assert rebuild_behind.rebuild_in_background(None)
    for thread in threading.enumerate():
        if thread.name == rebuild_behind.THREAD_NAME:
            thread.join(timeout=60)

    rebuilt = latest_stored(None)
    assert rebuilt is not None
    assert rebuilt.through_sequence > kept.through_sequence
    assert rebuilt.parents == 2
    assert changes_since(rebuilt) == 0


def test_a_first_visit_waits_a_moment_for_the_first_build_of_a_small_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    removed_parent("Ana")
    # A moment is enough for one parent; a shared machine's load must not make it flaky.
    monkeypatch.setattr(rebuild_behind, "FIRST_BUILD_WAIT_SECONDS", 30.0)

    built = rebuild_behind.first_build(None)

    assert built is not None
    assert built.parents == 1
