"""The page's kept reports: a settled day's report is kept, today's is rebuilt when old."""

from datetime import date, timedelta

import pytest

from reunify.oversight import report_cache
from reunify.oversight.filters import ReportFilters
from reunify.oversight.report_cache import recent_removals_report
from tests.oversight.records import removed_parent

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

TODAY = date.today()


def test_the_report_of_now_is_kept_for_a_minute_then_rebuilt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = recent_removals_report(ReportFilters(), today=TODAY)
    removed_parent("Ana")
    assert recent_removals_report(ReportFilters(), today=TODAY) is first

    monkeypatch.setattr(report_cache, "FRESH_FOR_SECONDS", 0.0)
    rebuilt = recent_removals_report(ReportFilters(), today=TODAY)
    assert rebuilt.counts["removed_parents_with_separated_children"] == 1


def test_a_report_as_of_a_past_day_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_cache, "FRESH_FOR_SECONDS", 0.0)
    settled = ReportFilters(as_of=TODAY - timedelta(days=1))
    first = recent_removals_report(settled, today=TODAY)
    assert recent_removals_report(settled, today=TODAY) is first


def test_only_a_few_reports_are_kept() -> None:
    for days in range(report_cache.REPORTS_KEPT + 2):
        recent_removals_report(ReportFilters(as_of=TODAY - timedelta(days=days + 1)), today=TODAY)
    assert len(report_cache._kept) == report_cache.REPORTS_KEPT
