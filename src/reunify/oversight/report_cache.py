"""Recently built removals reports, kept in the process for the page.

A report as of a past day never changes: `read_model` reads only rows recorded by then
about events by then, so it is kept as long as there is room. The report of the records
as they stand now is rebuilt once it is a minute old. The command line always builds
afresh; the page says when its report was generated.
"""

import time
from collections import OrderedDict
from datetime import date
from threading import Lock

from reunify.oversight.filters import ReportFilters
from reunify.oversight.read_model import removals_report
from reunify.oversight.report import RemovalsReport

FRESH_FOR_SECONDS = 60.0
# A national report holds a few hundred thousand small objects: keep only a few.
REPORTS_KEPT = 4

_kept: "OrderedDict[ReportFilters, tuple[float, RemovalsReport]]" = OrderedDict()
_lock = Lock()


def recent_removals_report(filters: ReportFilters, *, today: date) -> RemovalsReport:
    settled = filters.as_of is not None and filters.as_of < today
    with _lock:
        found = _kept.get(filters)
        if found is not None and (settled or time.monotonic() - found[0] < FRESH_FOR_SECONDS):
            _kept.move_to_end(filters)
            return found[1]
    report = removals_report(filters)
    with _lock:
        _kept[filters] = (time.monotonic(), report)
        _kept.move_to_end(filters)
        while len(_kept) > REPORTS_KEPT:
            _kept.popitem(last=False)
    return report


def forget_reports() -> None:
    """Drop every kept report (tests, and after a bulk load)."""
    with _lock:
        _kept.clear()
