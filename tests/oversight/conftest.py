"""The page builds the kept report on a thread of its own, which would not see a test's
uncommitted records: here a first build happens in the request, and tests see which
rebuilds were started (`test_rebuild_behind.py` runs the threads, on committed records)."""

from datetime import date

import pytest

from reunify.oversight import views
from reunify.oversight.models import StoredRemovalsReport
from reunify.oversight.report_store import removals_report_build


@pytest.fixture(autouse=True)
def rebuilds_started(monkeypatch: pytest.MonkeyPatch) -> list[date | None]:
    started: list[date | None] = []

    def start(as_of: date | None) -> bool:
        started.append(as_of)
        return True

    def build_now(as_of: date | None) -> StoredRemovalsReport:
        return removals_report_build(actor=None, as_of=as_of)

    monkeypatch.setattr(views, "rebuild_in_background", start)
    monkeypatch.setattr(views, "first_build", build_now)
    return started
