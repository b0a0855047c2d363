"""Rebuilding a kept removals report out of the request that found it behind the records.

The page answers at once from the kept build, saying how many changes it has not seen,
and starts a rebuild on a thread of the web worker. One rebuild runs at a time per
worker, and on PostgreSQL one across all workers (an advisory lock), since each reads
every removal on record. A worker that stops mid-way leaves the kept build as it was;
the next visitor starts another.
"""

import logging
import threading
from datetime import date

from django.db import connection

from reunify.oversight.report_store import removals_report_build

log = logging.getLogger(__name__)
LOCK_NAME = "oversight:removals_report"
_running: set[date | None] = set()
_guard = threading.Lock()


def _rebuild(as_of: date | None) -> None:
    try:
        if connection.vendor != "postgresql":
            removals_report_build(actor=None, as_of=as_of)
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [LOCK_NAME])
            row = cursor.fetchone()
        if not (row and row[0]):
            return  # another worker is rebuilding
        try:
            removals_report_build(actor=None, as_of=as_of)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [LOCK_NAME])
    except Exception:
        log.exception("rebuilding the removals report as of %s failed", as_of or "now")
    finally:
        connection.close()  # this thread's own connection
        with _guard:
            _running.discard(as_of)


def rebuild_in_background(as_of: date | None) -> bool:
    """Start rebuilding the report for `as_of` (None: now) unless this worker already is;
    whether one was started."""
    with _guard:
        if as_of in _running:
            return False
        _running.add(as_of)
    threading.Thread(
        target=_rebuild, args=(as_of,), name="removals-report-rebuild", daemon=True
    ).start()
    return True
