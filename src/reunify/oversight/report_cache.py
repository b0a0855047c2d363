"""Recently built removals reports (and their data-quality findings), kept in the process
for the page.

A report as of a past day never changes: `read_model` reads only rows recorded by then
about events by then, so it is kept as long as there is room. The report of the records
as they stand now is rebuilt once it is a minute old. The command line always builds
afresh; the page says when its report was generated.
"""

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from threading import Lock
from typing import Any, TypeVar, cast

from reunify.oversight.data_quality import DataQuality, data_quality
from reunify.oversight.filters import ReportFilters
from reunify.oversight.read_model import removals_report
from reunify.oversight.report import RemovalsReport

FRESH_FOR_SECONDS = 60.0
# A national report holds a few hundred thousand small objects: keep only a few.
REPORTS_KEPT = 4

T = TypeVar("T")
_kept: "OrderedDict[Hashable, tuple[float, Any]]" = OrderedDict()
_lock = Lock()


def _remembered(key: Hashable, settled: bool, build: Callable[[], T]) -> T:
    with _lock:
        found = _kept.get(key)
        if found is not None and (settled or time.monotonic() - found[0] < FRESH_FOR_SECONDS):
            _kept.move_to_end(key)
            return cast(T, found[1])
    value = build()
    with _lock:
        _kept[key] = (time.monotonic(), value)
        _kept.move_to_end(key)
        while len(_kept) > REPORTS_KEPT:
            _kept.popitem(last=False)
    return value


def _settled(filters: ReportFilters, today: date) -> bool:
    return filters.as_of is not None and filters.as_of < today


def recent_removals_report(filters: ReportFilters, *, today: date) -> RemovalsReport:
    return _remembered(
        ("report", filters), _settled(filters, today), lambda: removals_report(filters)
    )


def recent_data_quality(report: RemovalsReport, *, today: date) -> DataQuality:
    filters = report.filters
    return _remembered(
        ("data quality", filters), _settled(filters, today), lambda: data_quality(report)
    )


def forget_reports() -> None:
    """Drop every kept report (tests, and after a bulk load)."""
    with _lock:
        _kept.clear()
