"""The page rebuilds a report that is behind the records on a thread of its own, which
would not see a test's uncommitted records: tests see which rebuilds were started."""

from datetime import date

import pytest

from reunify.oversight import views


@pytest.fixture(autouse=True)
def rebuilds_started(monkeypatch: pytest.MonkeyPatch) -> list[date | None]:
    started: list[date | None] = []

    def start(as_of: date | None) -> bool:
        started.append(as_of)
        return True

    monkeypatch.setattr(views, "rebuild_in_background", start)
    return started
