"""Pure rules for tracing input: plain data in, `Problem`s out, no database."""

from dataclasses import dataclass
from datetime import date, datetime

from reunify.families.choices import ReunionMethod, ReunionSetting
from reunify.families.rules import Problem, event_time_problems
from reunify.standardise.phones import standard_phone
from reunify.tracing.choices import Channel, ContactKind, Outcome, ParoleMilestone, ServiceKind


@dataclass(frozen=True)
class PhoneAnswer:
    e164: str | None
    problem: Problem | None


def phone_in_e164(text: str, *, country: str, field: str = "detail") -> PhoneAnswer:
    """A number as a worker typed it, in E.164 for `country` (ISO alpha-2: where a number
    without its calling code is assumed to be), or why it cannot be."""
    reading = standard_phone(text, country=country or None)
    if reading.problem:
        return PhoneAnswer(None, Problem(field, f"Not a telephone number: {reading.problem}."))
    if reading.value is None:
        return PhoneAnswer(None, Problem(field, "Write the telephone number tried."))
    if reading.value.e164 is None:
        where = f"for {country}" if country else "without a country"
        return PhoneAnswer(
            None,
            Problem(
                field,
                f"Cannot tell the country of {text.strip()!r} {where}: write it with its "
                "country code (+502 …) or choose the country.",
            ),
        )
    return PhoneAnswer(reading.value.e164, None)


def attempt_problems(
    *, channel: str, outcome: str, attempted_at: datetime, now: datetime, has_detail: bool
) -> list[Problem]:
    problems = event_time_problems("attempted_at", attempted_at, now=now)
    if channel not in Channel.values:
        problems.append(Problem("channel", f"Unknown channel {channel!r}."))
    if outcome not in Outcome.values:
        problems.append(Problem("outcome", f"Unknown outcome {outcome!r}."))
    if channel in (Channel.PHONE, Channel.MESSAGE) and not has_detail:
        problems.append(Problem("detail", "Write the number or account that was tried."))
    if outcome in (Outcome.DETAIL_DEAD, Outcome.WRONG_PERSON) and not has_detail:
        problems.append(Problem("detail", "Say which detail failed, so no one retries it."))
    return problems


def contact_problems(
    *, kind: str, happened_at: datetime, now: datetime, minutes: int | None
) -> list[Problem]:
    problems = event_time_problems("happened_at", happened_at, now=now)
    if kind not in ContactKind.values:
        problems.append(Problem("kind", f"Unknown kind of contact {kind!r}."))
    if minutes is not None and not 0 < minutes <= 24 * 60:
        problems.append(Problem("minutes", "A call or visit lasts between 1 minute and a day."))
    return problems


def plan_problems(*, setting: str, method: str, planned_for: date | None) -> list[Problem]:
    problems: list[Problem] = []
    if setting not in ReunionSetting.values:
        problems.append(Problem("setting", f"Unknown setting {setting!r}."))
    if method not in ReunionMethod.values:
        problems.append(Problem("method", f"Unknown method {method!r}."))
    # A removed parent paroled back is reunited here; a joint departure, abroad.
    if method == ReunionMethod.PAROLE_OF_REMOVED_PARENT and setting == ReunionSetting.ABROAD:
        problems.append(
            Problem("setting", "A parent paroled back is reunited in the country, not abroad.")
        )
    if method == ReunionMethod.JOINT_REMOVAL and setting == ReunionSetting.IN_COUNTRY:
        problems.append(Problem("setting", "A joint departure reunites the family abroad."))
    return problems


def dated_step_problems(field: str, on: date, *, today: date) -> list[Problem]:
    if on > today:
        return [Problem(field, "This cannot be recorded as happening in the future.")]
    return []


def parole_problems(*, milestone: str, reached_on: date, today: date, method: str) -> list[Problem]:
    problems = dated_step_problems("reached_on", reached_on, today=today)
    if milestone not in ParoleMilestone.values:
        problems.append(Problem("milestone", f"Unknown parole milestone {milestone!r}."))
    if method != ReunionMethod.PAROLE_OF_REMOVED_PARENT:
        problems.append(
            Problem("milestone", "Parole milestones belong to a parole of a removed parent.")
        )
    return problems


def referral_problems(
    *, service: str, provider: str, referred_on: date, today: date
) -> list[Problem]:
    problems = dated_step_problems("referred_on", referred_on, today=today)
    if service not in ServiceKind.values:
        problems.append(Problem("service", f"Unknown service {service!r}."))
    if not provider.strip():
        problems.append(Problem("provider", "Name the provider the family is referred to."))
    return problems
