"""The pure rules for family records, each problem by the field it names."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reunify.families.choices import CustodyKind, MemberRole, SeparationReason
from reunify.families.rules import (
    Problem,
    birth_date_problems,
    custody_move_problems,
    custody_placement_problems,
    event_time_problems,
    length_problems,
    membership_problems,
    reunion_problems,
    separation_problems,
)

NOW = datetime(2018, 7, 1, 12, tzinfo=UTC)
TODAY = NOW.date()


def fields(problems: list[Problem]) -> list[str]:
    return [problem.field for problem in problems]


# --- Birth dates and event times -----------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "expected"),
    [
        (None, []),
        (TODAY, []),
        (date(1990, 3, 14), []),
        (date(1898, 1, 1), []),
        (TODAY + timedelta(days=1), ["birth_date"]),
        (date(1897, 12, 31), ["birth_date"]),
    ],
    ids=["unknown", "today", "adult", "120 years", "tomorrow", "over 120 years"],
)
def test_birth_date_problems(birth_date: date | None, expected: list[str]) -> None:
    # Given / When / Then
    assert fields(birth_date_problems(birth_date, today=TODAY)) == expected


@given(st.dates())
def test_a_birth_date_is_fine_exactly_when_it_is_neither_future_nor_ancient(born: date) -> None:
    # Given / When
    problems = birth_date_problems(born, today=TODAY)

    # Then
    plausible = TODAY.year - 120 <= born.year and born <= TODAY
    assert (problems == []) is plausible


@pytest.mark.parametrize(
    ("at", "expected"),
    [(NOW, []), (NOW - timedelta(days=400), []), (NOW + timedelta(seconds=1), ["seen_at"])],
    ids=["now", "past", "a second ahead"],
)
def test_an_event_cannot_be_in_the_future(at: datetime, expected: list[str]) -> None:
    # Given / When / Then: the problem is reported against the field it was given
    assert fields(event_time_problems("seen_at", at, now=NOW)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a" * 10, []), ("a" * 11, ["place"]), ("  " + "a" * 10 + "  ", []), ("", [])],
)
def test_length_problems_count_the_trimmed_text(text: str, expected: list[str]) -> None:
    # Given / When / Then
    assert fields(length_problems("place", text, limit=10)) == expected


# --- Custody -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "has_facility", "country", "detail", "expected"),
    [
        (CustodyKind.BORDER_STATION, True, "", "", []),
        (CustodyKind.DETENTION_FACILITY, True, "", "", []),
        (CustodyKind.SHELTER, True, "", "", []),
        (CustodyKind.SHELTER, False, "", "", ["facility"]),
        (CustodyKind.SPONSOR, False, "", "Rosa Tzoc, Houston", []),
        (CustodyKind.SPONSOR, False, "", "  ", ["detail"]),
        (CustodyKind.SPONSOR, True, "", "Rosa Tzoc, Houston", ["facility"]),
        (CustodyKind.RELEASED, False, "", "", []),
        (CustodyKind.RELEASED, True, "", "", ["facility"]),
        (CustodyKind.REMOVED, False, "GT", "", []),
        (CustodyKind.REMOVED, False, "", "", ["country"]),
        (CustodyKind.REMOVED, True, "", "", ["facility", "country"]),
        ("LIMBO", True, "", "", ["kind"]),
    ],
)
def test_custody_placement_problems(
    kind: str, has_facility: bool, country: str, detail: str, expected: list[str]
) -> None:
    # Given / When
    problems = custody_placement_problems(
        kind=kind, has_facility=has_facility, country=country, detail=detail
    )

    # Then
    assert fields(problems) == expected


@pytest.mark.parametrize(
    ("moved_at", "current_started_at", "expected"),
    [
        (NOW - timedelta(days=1), NOW - timedelta(days=2), []),
        (NOW - timedelta(days=2), NOW - timedelta(days=2), []),
        (NOW - timedelta(days=3), NOW - timedelta(days=2), ["moved_at"]),
        (NOW - timedelta(days=3), None, []),
        (NOW + timedelta(days=1), None, ["moved_at"]),
        (NOW + timedelta(days=1), NOW + timedelta(days=2), ["moved_at", "moved_at"]),
    ],
    ids=["after", "same moment", "before", "first custody", "future", "future and before"],
)
def test_custody_move_problems(
    moved_at: datetime, current_started_at: datetime | None, expected: list[str]
) -> None:
    # Given / When / Then
    problems = custody_move_problems(
        moved_at=moved_at, current_started_at=current_started_at, now=NOW
    )
    assert fields(problems) == expected


# --- Memberships ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "birth_date", "expected"),
    [
        (MemberRole.CHILD, date(2011, 2, 1), []),
        (MemberRole.CHILD, None, []),
        (MemberRole.CHILD, date(2000, 7, 2), []),
        (MemberRole.CHILD, date(2000, 7, 1), ["role"]),
        (MemberRole.PARENT, date(2000, 7, 1), []),
        (MemberRole.OTHER_RELATIVE, None, []),
        ("COUSIN", None, ["role"]),
    ],
    ids=[
        "child of 7",
        "child of unknown age",
        "child 18 tomorrow",
        "child 18 today",
        "parent of 18",
        "relative",
        "unknown role",
    ],
)
def test_membership_problems(role: str, birth_date: date | None, expected: list[str]) -> None:
    # Given / When / Then
    assert fields(membership_problems(role=role, birth_date=birth_date, on=TODAY)) == expected


# --- Separations ---------------------------------------------------------------------------

APPREHENDED = NOW - timedelta(days=30)


def separation_fields(**changes: object) -> list[str]:
    arguments: dict[str, object] = {
        "parent_role": MemberRole.PARENT,
        "child_role": MemberRole.CHILD,
        "same_person": False,
        "already_separated": False,
        "reason": SeparationReason.PARENT_PROSECUTED,
        "reason_detail": "",
        "separated_at": NOW - timedelta(days=29),
        "apprehended_at": APPREHENDED,
        "now": NOW,
    }
    return fields(separation_problems(**(arguments | changes)))  # type: ignore[arg-type]


@pytest.mark.parametrize("reason", SeparationReason.values)
def test_every_named_reason_is_a_reason(reason: str) -> None:
    # Given / When / Then: OTHER needs its detail, given here
    assert separation_fields(reason=reason, reason_detail="Explained.") == []


@pytest.mark.parametrize("parent_role", [MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN])
def test_a_parent_or_legal_guardian_can_be_separated_from_a_child(parent_role: str) -> None:
    # Given / When / Then
    assert separation_fields(parent_role=parent_role) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"same_person": True}, ["child"]),
        ({"parent_role": MemberRole.OTHER_RELATIVE}, ["parent"]),
        ({"parent_role": MemberRole.CHILD}, ["parent"]),
        ({"parent_role": None}, ["parent"]),
        ({"child_role": MemberRole.PARENT}, ["child"]),
        ({"child_role": None}, ["child"]),
        ({"already_separated": True}, ["child"]),
        ({"reason": ""}, ["reason"]),
        ({"reason": "BECAUSE"}, ["reason"]),
        ({"reason": SeparationReason.OTHER}, ["reason_detail"]),
        ({"reason": SeparationReason.OTHER, "reason_detail": " \n "}, ["reason_detail"]),
        ({"separated_at": NOW + timedelta(minutes=1)}, ["separated_at"]),
        ({"separated_at": APPREHENDED - timedelta(minutes=1)}, ["separated_at"]),
        ({"separated_at": APPREHENDED}, []),
    ],
    ids=[
        "from themselves",
        "from an aunt",
        "from a sibling",
        "from a non-member",
        "a parent as the child",
        "a non-member child",
        "already apart",
        "no reason",
        "unknown reason",
        "other unexplained",
        "other blank",
        "in the future",
        "before the apprehension",
        "at the apprehension",
    ],
)
def test_separation_problems(changes: dict[str, object], expected: list[str]) -> None:
    # Given / When / Then
    assert separation_fields(**changes) == expected


def test_a_separation_reports_every_problem_at_once() -> None:
    # Given / When
    problems = separation_fields(
        parent_role=None,
        child_role=None,
        same_person=True,
        reason="",
        separated_at=NOW + timedelta(days=1),
    )

    # Then
    assert sorted(set(problems)) == ["child", "parent", "reason", "separated_at"]


# --- Reunions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reunited_at", "latest_separation_at", "expected"),
    [
        (NOW, NOW - timedelta(days=1), []),
        (NOW - timedelta(days=1), NOW - timedelta(days=1), []),
        (NOW - timedelta(days=2), NOW - timedelta(days=1), ["reunited_at"]),
        (NOW + timedelta(days=1), NOW - timedelta(days=1), ["reunited_at"]),
        (NOW, None, ["separations"]),
    ],
    ids=["after", "same moment", "before the separation", "in the future", "nothing to close"],
)
def test_reunion_problems(
    reunited_at: datetime, latest_separation_at: datetime | None, expected: list[str]
) -> None:
    # Given / When / Then
    problems = reunion_problems(
        reunited_at=reunited_at, latest_separation_at=latest_separation_at, now=NOW
    )
    assert fields(problems) == expected


def test_a_problem_message_can_be_shown_as_it_is() -> None:
    # Given / When
    [problem] = reunion_problems(
        reunited_at=NOW - timedelta(days=2), latest_separation_at=NOW - timedelta(days=1), now=NOW
    )

    # Then
    assert problem == Problem("reunited_at", "A reunion cannot precede the separation it ends.")
