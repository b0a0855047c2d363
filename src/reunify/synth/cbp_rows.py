"""The border patrol extract: one row per apprehended person.

Family links live here: members share `event_id` (as do other families apprehended
in the same group), `family_group` tells families apart when it is not blank, and
`relationship` says who is who in English or Spanish. Separated members are always
marked `Y` and carry a reason; the others `N` or blank.
"""

from random import Random

from reunify.synth.extract_fields import (
    a_number_text,
    birth_date_text,
    country_text,
    date_formats,
)
from reunify.synth.extract_rows import RowSink
from reunify.synth.messy_names import CBP_STYLE, recorded_name
from reunify.synth.messy_values import DateFormat, format_date, render_languages
from reunify.synth.relationship_words import relationship_word
from reunify.synth.spellings import (
    RELATIONSHIP_SPELLINGS,
    SEPARATION_REASON_SPELLINGS,
    SEX_SPELLINGS,
)
from reunify.synth.world import World
from reunify.vocabulary import CustodyKind, MemberRole, SeparationReason

CBP_COLUMNS = (
    "record_id", "event_id", "family_group", "apprehended_on", "station", "surnames",
    "given_names", "sex", "birth_date", "citizenship", "a_number", "relationship",
    "language", "separated", "separation_reason", "disposition",
)  # fmt: skip

BIRTH_DATE_FORMATS = date_formats(iso=0.20, month_first=0.65, day_first=0.15)
BIRTH_DATE_MISSING = 0.02
CHILD_A_NUMBER_MISSING = 0.10
ADULT_A_NUMBER_MISSING = 0.06
A_NUMBER_MISTYPED = 0.03
CITIZENSHIP_MISSING = 0.02
FAMILY_GROUP_BLANK = 0.15
CHILD_RELATIONSHIP_BLANK = 0.12
CHILD_LANGUAGE_BLANK = 0.30
ADULT_LANGUAGE_BLANK = 0.04
NOT_SEPARATED_BLANK = 0.15
STATION_UPPER = 0.3


def _shown_languages(rng: Random, languages: tuple[str, ...], child: bool) -> tuple[str, ...]:
    """Which of the person's languages the agent wrote down (maybe none)."""
    if rng.random() < (CHILD_LANGUAGE_BLANK if child else ADULT_LANGUAGE_BLANK):
        return ()
    if len(languages) == 1:
        return languages
    roll = rng.random()
    if roll < 0.5:
        return languages[:1]
    if roll < 0.75 or "spa" not in languages:
        return languages
    return ("spa",)  # the interview was in Spanish, so Spanish is what was written


def _reason_text(rng: Random, reason: SeparationReason, detail: str | None) -> str:
    if reason is SeparationReason.OTHER:
        return f"OTHER: {detail}" if rng.random() < 0.6 else (detail or "OTHER").upper()
    return SEPARATION_REASON_SPELLINGS[reason].pick(rng)


def _disposition(world: World, person_key: str, rng: Random) -> str:
    episodes = world.episodes_of[person_key]
    after_station = episodes[1].kind if len(episodes) > 1 else CustodyKind.BORDER_STATION
    if after_station is CustodyKind.SHELTER:
        return "UAC-ORR"
    if after_station is CustodyKind.DETENTION_FACILITY:
        return "ER" if rng.random() < 0.3 else "NTA-DET"
    return "NTA-OR"


def cbp_rows(world: World, rng: Random, sink: RowSink) -> dict[str, tuple[str, ...]]:
    """Add the rows to `sink`; returns, for each person, the languages their row shows."""
    shown: dict[str, tuple[str, ...]] = {}
    groups: set[str] = set()
    for family in world.families:
        group = ""
        if rng.random() >= FAMILY_GROUP_BLANK:
            while not group or group in groups:
                group = f"FG{rng.randrange(10**8):08d}"
            groups.add(group)
        station = family.station.upper() if rng.random() < STATION_UPPER else family.station
        for key, role in family.members:
            person = world.persons[key]
            child = role is MemberRole.CHILD
            writer = CBP_STYLE.writer(rng)
            name = recorded_name(rng, person)
            relationship = RELATIONSHIP_SPELLINGS[relationship_word(family, role, person)].pick(rng)
            if child and rng.random() < CHILD_RELATIONSHIP_BLANK:
                relationship = ""
            languages = _shown_languages(rng, person.languages, child)
            shown[key] = languages
            separations = world.separations_of.get(key, ())
            if separations:
                separated = "Y"
                reason = _reason_text(rng, separations[0].reason, separations[0].reason_detail)
            else:
                separated = "" if rng.random() < NOT_SEPARATED_BLANK else "N"
                reason = ""
            values = {
                "event_id": family.event_id,
                "family_group": group,
                "apprehended_on": format_date(family.apprehended_on, DateFormat.MONTH_FIRST),
                "station": station,
                "surnames": writer.write(name.surnames),
                "given_names": writer.write(name.given_names),
                "sex": SEX_SPELLINGS["cbp"][person.sex].pick(rng),
                "birth_date": birth_date_text(
                    rng, person.birth_date, BIRTH_DATE_FORMATS, BIRTH_DATE_MISSING
                ),
                "citizenship": country_text(rng, person.citizenship, CITIZENSHIP_MISSING),
                "a_number": a_number_text(
                    rng,
                    person.a_number,
                    CHILD_A_NUMBER_MISSING if child else ADULT_A_NUMBER_MISSING,
                    A_NUMBER_MISTYPED,
                ),
                "relationship": relationship,
                "language": render_languages(rng, languages) if languages else "",
                "separated": separated,
                "separation_reason": reason,
                "disposition": _disposition(world, key, rng),
            }
            sink.add(key, values)
    return shown
