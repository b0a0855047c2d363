"""Contradictory election fields and conflicting languages, on plain values."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from reunify.oversight.contradictions import (
    Contradiction,
    election_contradictions,
    languages_conflict,
)

MADE = datetime(2018, 7, 20, 12, tzinfo=UTC)


def election(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "option": "CHILDREN_REMAIN",
        "form": "SIGNED",
        "made_at": MADE,
        "signature": "SIGNATURE",
        "signed_on": date(2018, 7, 20),
        "waiver_explicit": True,
        "more_time_until": None,
        "counsel_advised": True,
        "counsel": "DECLINED_IN_WRITING",
        "acknowledged_at": None,
        "withdrawn_at": None,
    }
    return values | changes


def test_a_consistent_election_has_no_contradiction() -> None:
    assert election_contradictions(election()) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"form": "VERBAL"}, Contradiction.SPOKEN_BUT_SIGNED),
        ({"form": "UNSIGNED", "signature": ""}, Contradiction.UNSIGNED_BUT_SIGNED),
        ({"option": "DEPART_WITH_CHILDREN"}, Contradiction.WAIVER_FOR_ANOTHER_OPTION),
        ({"more_time_until": date(2018, 8, 20)}, Contradiction.DEADLINE_FOR_ANOTHER_OPTION),
        ({"counsel_advised": False}, Contradiction.COUNSEL_WITHOUT_ADVISAL),
        (
            {"acknowledged_at": datetime(2018, 7, 1, tzinfo=UTC)},
            Contradiction.ACKNOWLEDGED_BEFORE_MADE,
        ),
        ({"withdrawn_at": datetime(2018, 7, 1, tzinfo=UTC)}, Contradiction.WITHDRAWN_BEFORE_MADE),
        ({"signed_on": date(2018, 7, 1)}, Contradiction.SIGNED_BEFORE_MADE),
    ],
)
def test_each_contradiction_is_found(changes: dict[str, Any], expected: Contradiction) -> None:
    assert election_contradictions(election(**changes)) == (expected,)


def test_languages_conflict_only_when_two_agencies_share_none() -> None:
    assert languages_conflict({"cbp": {"spa"}, "ice": {"quc"}})
    assert not languages_conflict({"cbp": {"spa", "quc"}, "ice": {"quc"}})
    assert not languages_conflict({"cbp": {"spa"}, "ice": set()})
    assert not languages_conflict({"cbp": {"spa"}})
