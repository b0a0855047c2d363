"""Pure rules for family records: plain data in, problems out, no database.

Each rule returns `Problem`s naming the field at fault, so a form can show the message
beside the field, the API can return it as data and the CLI can print it on one line.
"""

from dataclasses import dataclass
from datetime import date, datetime

from reunify.families.choices import FACILITY_KINDS, CustodyKind, MemberRole, SeparationReason


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def birth_date_problems(birth_date: date | None, *, today: date) -> list[Problem]:
    if birth_date is None:
        return []
    if birth_date > today:
        return [Problem("birth_date", "A birth date cannot be in the future.")]
    if birth_date.year < today.year - 120:
        return [Problem("birth_date", "A birth date more than 120 years ago cannot be right.")]
    return []


def length_problems(field: str, text: str, *, limit: int) -> list[Problem]:
    """Text longer than its column holds, caught before the database refuses it."""
    length = len(text.strip())
    if length > limit:
        return [Problem(field, f"At most {limit} characters, not {length}.")]
    return []


def written_problems(
    field: str, text: str, *, limit: int, missing: str, minimum: int = 1
) -> list[Problem]:
    """Text that must be written out: at least `minimum` characters, at most `limit`."""
    problems = length_problems(field, text, limit=limit)
    if len(text.strip()) < minimum:
        problems.append(Problem(field, missing))
    return problems


def event_time_problems(field: str, at: datetime, *, now: datetime) -> list[Problem]:
    if at > now:
        return [Problem(field, "This cannot be recorded as happening in the future.")]
    return []


def custody_placement_problems(
    *, kind: str, has_facility: bool, country: str, detail: str
) -> list[Problem]:
    """What a custody episode of this kind must say about where the person is."""
    if kind not in CustodyKind.values:
        return [Problem("kind", f"Unknown custody kind {kind!r}.")]
    problems = []
    if kind in FACILITY_KINDS and not has_facility:
        problems.append(Problem("facility", "Choose the facility that holds the person."))
    if kind not in FACILITY_KINDS and has_facility:
        problems.append(
            Problem("facility", "Only stations, detention and shelters are facilities.")
        )
    if kind == CustodyKind.REMOVED and not country:
        problems.append(Problem("country", "Name the country the person was removed to."))
    if kind == CustodyKind.SPONSOR and not detail.strip():
        problems.append(Problem("detail", "Name the sponsor and where they live."))
    return problems


def custody_move_problems(
    *, moved_at: datetime, current_started_at: datetime | None, now: datetime
) -> list[Problem]:
    """A move closes the current episode, so it cannot predate that episode's start."""
    problems = event_time_problems("moved_at", moved_at, now=now)
    if current_started_at is not None and moved_at < current_started_at:
        problems.append(
            Problem(
                "moved_at",
                "The move cannot come before the current custody began "
                f"({current_started_at:%Y-%m-%d %H:%M}).",
            )
        )
    return problems


def membership_problems(*, role: str, birth_date: date | None, on: date) -> list[Problem]:
    if role not in MemberRole.values:
        return [Problem("role", f"Unknown role {role!r}.")]
    if role == MemberRole.CHILD and birth_date is not None:
        age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
        if age >= 18:
            return [Problem("role", f"A child must be under 18; this person was {age}.")]
    return []


def separation_problems(
    *,
    parent_role: str | None,
    child_role: str | None,
    same_person: bool,
    already_separated: bool,
    reason: str,
    reason_detail: str,
    separated_at: datetime,
    apprehended_at: datetime,
    now: datetime,
) -> list[Problem]:
    problems: list[Problem] = []
    if same_person:
        problems.append(Problem("child", "A person cannot be separated from themselves."))
    if parent_role not in (MemberRole.PARENT, MemberRole.LEGAL_GUARDIAN):
        problems.append(Problem("parent", "Choose a parent or legal guardian of this family unit."))
    if child_role != MemberRole.CHILD:
        problems.append(Problem("child", "Choose a child of this family unit."))
    if already_separated:
        problems.append(
            Problem("child", "This child is already recorded as apart from this parent.")
        )
    if reason not in SeparationReason.values:
        problems.append(Problem("reason", "A separation must give its reason."))
    elif reason == SeparationReason.OTHER and not reason_detail.strip():
        problems.append(Problem("reason_detail", "Explain the reason when it is 'Other'."))
    problems += event_time_problems("separated_at", separated_at, now=now)
    if separated_at < apprehended_at:
        problems.append(Problem("separated_at", "A separation cannot precede the apprehension."))
    return problems


def reunion_problems(
    *, reunited_at: datetime, latest_separation_at: datetime | None, now: datetime
) -> list[Problem]:
    problems = event_time_problems("reunited_at", reunited_at, now=now)
    if latest_separation_at is None:
        problems.append(Problem("separations", "Choose at least one open separation to close."))
    elif reunited_at < latest_separation_at:
        problems.append(Problem("reunited_at", "A reunion cannot precede the separation it ends."))
    return problems
