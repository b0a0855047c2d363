"""Records that make the removals report uncertain, recognised by pure rules.

An election whose fields contradict each other (spoken yet signed, a waiver stated for
another option) may have been keyed wrongly, so the report's verdict on it rests on a
field someone should check. A person whose agencies recorded languages that share none
may have been linked wrongly, or had the notice judged against the wrong language.
"""

from collections.abc import Mapping, Set
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from reunify.vocabulary import CounselChoice, ElectionForm, ElectionOption


class Contradiction(StrEnum):
    SPOKEN_BUT_SIGNED = "SPOKEN_BUT_SIGNED"
    UNSIGNED_BUT_SIGNED = "UNSIGNED_BUT_SIGNED"
    WAIVER_FOR_ANOTHER_OPTION = "WAIVER_FOR_ANOTHER_OPTION"
    DEADLINE_FOR_ANOTHER_OPTION = "DEADLINE_FOR_ANOTHER_OPTION"
    COUNSEL_WITHOUT_ADVISAL = "COUNSEL_WITHOUT_ADVISAL"
    ACKNOWLEDGED_BEFORE_MADE = "ACKNOWLEDGED_BEFORE_MADE"
    WITHDRAWN_BEFORE_MADE = "WITHDRAWN_BEFORE_MADE"
    SIGNED_BEFORE_MADE = "SIGNED_BEFORE_MADE"


CONTRADICTION_WORDS: dict[Contradiction, str] = {
    Contradiction.SPOKEN_BUT_SIGNED: "recorded as spoken only, yet with a signature or date",
    Contradiction.UNSIGNED_BUT_SIGNED: "recorded as unsigned, yet with a signature or date",
    Contradiction.WAIVER_FOR_ANOTHER_OPTION: "states a waiver, but did not choose that the "
    "children remain",
    Contradiction.DEADLINE_FOR_ANOTHER_OPTION: "has a more-time deadline, but did not ask "
    "for more time",
    Contradiction.COUNSEL_WITHOUT_ADVISAL: "records what the parent did about counsel, "
    "but not that they were told of it",
    Contradiction.ACKNOWLEDGED_BEFORE_MADE: "acknowledged before it was made",
    Contradiction.WITHDRAWN_BEFORE_MADE: "withdrawn before it was made",
    Contradiction.SIGNED_BEFORE_MADE: "signed before the day it was made",
}


def _before(moment: datetime | None, made_at: datetime) -> bool:
    return moment is not None and moment < made_at


def election_contradictions(values: Mapping[str, Any]) -> tuple[Contradiction, ...]:
    """The contradictions among one election's stored fields (a `values()` row)."""
    form = values["form"]
    option = values["option"]
    made_at: datetime = values["made_at"]
    signed_on: date | None = values["signed_on"]
    signed = bool(values["signature"]) or signed_on is not None
    found = {
        Contradiction.SPOKEN_BUT_SIGNED: form == ElectionForm.VERBAL and signed,
        Contradiction.UNSIGNED_BUT_SIGNED: form == ElectionForm.UNSIGNED and signed,
        Contradiction.WAIVER_FOR_ANOTHER_OPTION: bool(values["waiver_explicit"])
        and option != ElectionOption.CHILDREN_REMAIN,
        Contradiction.DEADLINE_FOR_ANOTHER_OPTION: values["more_time_until"] is not None
        and option != ElectionOption.MORE_TIME,
        Contradiction.COUNSEL_WITHOUT_ADVISAL: not values["counsel_advised"]
        and values["counsel"] in (CounselChoice.CONSULTED, CounselChoice.DECLINED_IN_WRITING),
        Contradiction.ACKNOWLEDGED_BEFORE_MADE: _before(values["acknowledged_at"], made_at),
        Contradiction.WITHDRAWN_BEFORE_MADE: _before(values["withdrawn_at"], made_at),
        # A day's slack: the signing date is a local date, the moment is stored in UTC.
        Contradiction.SIGNED_BEFORE_MADE: signed_on is not None
        and signed_on < made_at.date() - timedelta(days=1),
    }
    return tuple(code for code, holds in found.items() if holds)


def languages_conflict(by_agency: Mapping[str, Set[str]]) -> bool:
    """Two agencies each recorded languages for the person, and none in common."""
    recorded = [codes for codes in by_agency.values() if codes]
    return any(
        not (first & second)
        for index, first in enumerate(recorded)
        for second in recorded[index + 1 :]
    )
