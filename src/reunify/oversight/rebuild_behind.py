"""Building a kept removals report out of the request that asked for it.

When the kept build is behind the records, the page answers at once from it, saying how
many changes it has not seen, and starts a rebuild on a thread of the web worker. When
nothing is kept for the day asked, the page waits a moment for the first build (enough
for a small database) and otherwise says it is being built: a national build takes
longer than a visitor should wait, or than a worker may hold a request. One build per
day runs at a time per worker, and on PostgreSQL one across all workers (an advisory
lock per day), since each reads every removal on record. A worker that stops mid-way
leaves the kept build as it was; the next visitor starts another.
"""

import logging
import threading
from datetime import date

from django.db import connection

from reunify.oversight.models import StoredRemovalsReport
from reunify.oversight.report_store import changes_since, latest_stored, removals_report_build

log = logging.getLogger(__name__)
LOCK_NAME = "oversight:removals_report"
# How long a first visit waits for the first build before saying it is being built.
FIRST_BUILD_WAIT_SECONDS = 1.5
THREAD_NAME = "removals-report-build"
_running: set[date | None] = set()
_guard = threading.Lock()


def _build_unless_current(as_of: date | None) -> None:
    # Another worker may have finished a build that saw every change since this one was
    # asked for: one read of every removal is enough.
    kept = latest_stored(as_of)
    if kept is None or changes_since(kept):
        removals_report_build(actor=None, as_of=as_of)


def _rebuild(as_of: date | None) -> None:
    try:
        if connection.vendor != "postgresql":
            _build_unless_current(as_of)
            return
        lock = f"{LOCK_NAME}:{as_of or 'now'}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [lock])
            row = cursor.fetchone()
        if not (row and row[0]):
            return  # another worker is building it
        try:
            _build_unless_current(as_of)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [lock])
    except Exception:
        log.exception("rebuilding the removals report as of %s failed", as_of or "now")
    finally:
        connection.close()  # this thread's own connection
        with _guard:
            _running.discard(as_of)


def _start(as_of: date | None) -> threading.Thread | None:
    with _guard:
        if as_of in _running:
            return None
        _running.add(as_of)
    thread = threading.Thread(target=_rebuild, args=(as_of,), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


def _caller_in_transaction() -> bool:
    """Whether the caller's transaction is open: a thread's own connection could not see
    what it has written (a test's records, for one), so a build must run in it instead."""
    return connection.in_atomic_block


def rebuild_in_background(as_of: date | None) -> bool:
    """Start rebuilding the report for `as_of` (None: now) unless this worker already is;
    whether one was started (or, inside a transaction, done)."""
    if _caller_in_transaction():
        _build_unless_current(as_of)
        return True
    return _start(as_of) is not None


def first_build(as_of: date | None) -> StoredRemovalsReport | None:
    """Start building the report for a day nothing is kept for, and wait a moment for it;
    the build if it was ready by then (None: still being built)."""
    if _caller_in_transaction():
        return removals_report_build(actor=None, as_of=as_of)
    thread = _start(as_of)
    if thread is not None:
        thread.join(FIRST_BUILD_WAIT_SECONDS)
    return latest_stored(as_of)
