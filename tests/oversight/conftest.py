"""Tests see which rebuilds the page started rather than have them run, and a first build
happens in the request: a shared machine's load must not turn "wait a moment for it"
into a flaky "being built" (`test_rebuild_behind.py` runs the threads themselves)."""

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
