"""The kept removals report: stamped with the audit chain's place, replaced by newer builds,
and behind the records exactly when a change that can move a figure has been recorded.

The cast: Ana and Berta, removed parents (`records`); changes are recorded as a service
records them, with a history entry in the change's transaction.
"""

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.history import record_change, record_view
from reunify.audit.models import HistoryEntry
from reunify.oversight import rebuild_behind
from reunify.oversight.models import StoredCountedParent, StoredRemovalsReport
from reunify.oversight.report_store import (
    STORED_ACTION,
    changes_since,
    latest_stored,
    removals_report_build,
    removals_reports_refresh,
)
from tests.oversight.records import removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

TODAY = timezone.now().date()


def recorded(action: str) -> HistoryEntry:
    with transaction.atomic():
        return record_change(
            actor=None, action=action, subject_type="test", subject_id=uuid.uuid4()
        )


def test_a_build_keeps_each_counted_parent_and_the_newest_entry_it_saw() -> None:
    ana = removed_parent("Ana")
    newest = recorded("custody.moved")

    stored = removals_report_build(actor=None)

    assert stored.through_sequence == newest.sequence
    assert stored.parents == 1
    row = StoredCountedParent.objects.get(report=stored)
    assert row.person_id == ana.parent.pk
    assert row.removal_class == "without_any_election"
    entry = HistoryEntry.objects.get(action=STORED_ACTION)
    assert entry.subject_id == stored.pk
    assert entry.changes["through_sequence"] == newest.sequence
    assert changes_since(stored) == 0


def test_only_changes_that_can_move_a_figure_put_a_build_behind(ada: User) -> None:
    removed_parent("Ana")
    stored = removals_report_build(actor=None)

    record_view(actor=ada, what="removals_report", subject_type="report", subject_id=uuid.uuid4())
    recorded("user.password_changed")
    recorded("counsel_grant.given")
    recorded("tracing.case_opened")  # no figure counts tracing cases
    removals_report_build(actor=None, as_of=TODAY - timedelta(days=3))
    assert changes_since(stored) == 0

    recorded("election.recorded")
    recorded("linkage.family_records_refreshed")
    recorded("import.rows_staged")  # staged languages feed a finding
    assert changes_since(stored) == 3


def test_a_newer_build_replaces_the_older_one_of_its_day() -> None:
    removed_parent("Ana")
    first = removals_report_build(actor=None)
    settled = removals_report_build(actor=None, as_of=TODAY - timedelta(days=5))
    removed_parent("Berta")
    recorded("custody.moved")
    second = removals_report_build(actor=None)

    assert latest_stored(None) == second
    assert second.parents == 2
    assert not StoredRemovalsReport.objects.filter(pk=first.pk).exists()
    assert not StoredCountedParent.objects.filter(report_id=first.pk).exists()
    assert latest_stored(settled.as_of) == settled


def test_a_past_days_build_is_settled_once_read_a_day_after_the_day_ended() -> None:
    removed_parent("Ana")
    long_ago = removals_report_build(actor=None, as_of=TODAY - timedelta(days=2))
    yesterday = removals_report_build(actor=None, as_of=TODAY - timedelta(days=1))

    recorded("custody.moved")

    # Read more than a day after its day ended: nothing recorded since can be of that day.
    assert changes_since(long_ago) == 0
    # Read before then: a row of yesterday may have committed after the build read.
    assert changes_since(yesterday) == 1


def test_a_refresh_rebuilds_now_and_every_as_of_build_behind_the_records() -> None:
    removed_parent("Ana")
    removals_report_build(actor=None)
    yesterday = TODAY - timedelta(days=1)
    removals_report_build(actor=None, as_of=yesterday)
    settled = removals_report_build(actor=None, as_of=TODAY - timedelta(days=9))
    recorded("custody.moved")

    rebuilt = removals_reports_refresh(actor=None)

    assert [build.as_of for build in rebuilt] == [None, yesterday]
    assert latest_stored(settled.as_of) == settled
    assert all(changes_since(build) == 0 for build in rebuilt)


def test_inside_a_transaction_a_build_runs_where_the_records_are_visible() -> None:
    # A test's records, like any caller's uncommitted writes, are invisible to a thread.
    removed_parent("Ana")

    built = rebuild_behind.first_build(None)

    assert built is not None
    assert built.parents == 1
    assert rebuild_behind.rebuild_in_background(None)
    assert [thread.name for thread in threading.enumerate()].count(rebuild_behind.THREAD_NAME) == 0
