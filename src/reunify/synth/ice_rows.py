"""The detention and removals extract: one row per booking.

Everyone who was ever held by ICE appears: adults in detention, children held with a
parent in a family residential center or after turning 18 in a shelter, and children
removed with a parent (booked in on the day of removal, with the parent's removal day
and country). A transfer or a move to a family center is a new booking. An election
is shown on the booking during which it was made (the last one begun by then); a
booking with two elections is listed twice, one election on each row. The removal is
on the last row. Names are split: first, middle, last, second last.

For a parent with an election, the languages shown on the cbp row and the ice rows
together are exactly the parent's languages, so that the removals report judges the
notice's language on the same facts as the truth.
"""

from datetime import date
from random import Random

from reunify.synth.extract_fields import (
    a_number_text,
    birth_date_text,
    country_text,
    date_formats,
    optional_date,
)
from reunify.synth.extract_rows import RowSink
from reunify.synth.messy_names import ICE_STYLE, recorded_name
from reunify.synth.messy_values import DateFormat, format_date, render_language, render_languages
from reunify.synth.places import SECTORS
from reunify.synth.spellings import SEX_SPELLINGS
from reunify.synth.world import SynthCustodyEpisode, SynthElection, SynthPerson, World
from reunify.vocabulary import CustodyKind

ICE_COLUMNS = (
    "record_id", "subject_id", "a_number", "last_name", "second_last_name", "first_name",
    "middle_name", "birth_date", "sex", "citizenship", "language", "aor", "book_in_on",
    "facility", "removed_on", "removal_country", "election", "election_form",
    "election_on", "notice_language", "interpreter_language", "counsel_advised",
)  # fmt: skip

BIRTH_DATE_FORMATS = date_formats(iso=0.80, month_first=0.15, day_first=0.05)
BIRTH_DATE_MISSING = 0.01
A_NUMBER_MISSING = 0.03
A_NUMBER_MISTYPED = 0.01
CITIZENSHIP_MISSING = 0.01
SUBJECT_ID_BLANK = 0.10
LANGUAGE_BLANK = 0.10
BOTH_SURNAMES_IN_LAST_NAME = 0.06
ALL_GIVEN_NAMES_IN_FIRST_NAME = 0.10

Booking = tuple[date, str]  # (booked in on, facility)


def _bookings(world: World, person_key: str, joint_facility: dict[str, str]) -> list[Booking]:
    episodes = world.episodes_of[person_key]
    found = [
        (episode.started_on, episode.place or "")
        for episode in episodes
        if episode.kind is CustodyKind.DETENTION_FACILITY
    ]
    removal = world.removal_of.get(person_key)
    if not found and removal is not None:
        # A child brought from a shelter to the parent's facility on the day of removal.
        found.append((removal.removed_on, joint_facility.get(person_key, "")))
    return found


def _with_elections(
    bookings: list[Booking], elections: tuple[SynthElection, ...]
) -> list[tuple[Booking, SynthElection | None]]:
    """One row per booking and election made during it (at least one per booking)."""
    made_during: list[list[SynthElection | None]] = [[] for _ in bookings]
    for election in elections:
        begun = [i for i, (booked_on, _) in enumerate(bookings) if booked_on <= election.made_on]
        made_during[begun[-1] if begun else 0].append(election)
    return [
        (booking, election)
        for booking, made in zip(bookings, made_during, strict=True)
        for election in (made or [None])
    ]


def _last_detention(episodes: tuple[SynthCustodyEpisode, ...]) -> str:
    places = [e.place for e in episodes if e.kind is CustodyKind.DETENTION_FACILITY and e.place]
    return places[-1] if places else ""


def _election_values(rng: Random, election: SynthElection | None) -> dict[str, str]:
    if election is None:
        return dict.fromkeys(
            ("election", "election_form", "election_on", "notice_language",
             "interpreter_language", "counsel_advised"), "")  # fmt: skip
    counsel = {True: "Y", False: "N", None: ""}[election.counsel_advised]
    interpreter = election.interpreter_language
    return {
        "election": election.option.value,
        "election_form": election.form.value,
        "election_on": format_date(election.made_on, DateFormat.ISO),
        "notice_language": render_language(rng, election.notice_language),
        "interpreter_language": render_language(rng, interpreter) if interpreter else "",
        "counsel_advised": counsel,
    }


def _language(rng: Random, person: SynthPerson, must_show_all: bool) -> str:
    if must_show_all:
        return render_languages(rng, person.languages)
    if rng.random() < LANGUAGE_BLANK:
        return ""
    shown = person.languages if rng.random() < 0.4 else person.languages[:1]
    return render_languages(rng, shown)


def _name_values(rng: Random, person: SynthPerson) -> dict[str, str]:
    writer = ICE_STYLE.writer(rng)
    name = recorded_name(rng, person)
    first, middle = name.first_given, name.other_given
    if middle and rng.random() < ALL_GIVEN_NAMES_IN_FIRST_NAME:
        first, middle = name.given_names, ""
    last, second_last = name.first_surname, name.second_surname
    if second_last and rng.random() < BOTH_SURNAMES_IN_LAST_NAME:
        last, second_last = name.surnames, ""
    return {
        "first_name": writer.write(first),
        "middle_name": writer.write(middle),
        "last_name": writer.write(last),
        "second_last_name": writer.write(second_last),
    }


def ice_rows(
    world: World, rng: Random, sink: RowSink, cbp_languages: dict[str, tuple[str, ...]]
) -> None:
    joint_facility = {
        child: _last_detention(world.episodes_of[removal.person_key])
        for removal in world.removals
        for child in removal.children_on_same_removal
    }
    for key, person in world.persons.items():
        bookings = _bookings(world, key, joint_facility)
        if not bookings:
            continue
        elections = world.elections_of.get(key, ())
        rows_of_person = _with_elections(bookings, elections)
        removal = world.removal_of.get(key)
        subject_id = f"{rng.randrange(10**10):010d}"
        must_show_all = bool(elections) and set(cbp_languages.get(key, ())) != set(person.languages)
        office = SECTORS[world.family_of[key].sector].ice_office
        for index, ((booked_on, facility), election) in enumerate(rows_of_person):
            last = index == len(rows_of_person) - 1
            values = {
                "subject_id": "" if rng.random() < SUBJECT_ID_BLANK else subject_id,
                "a_number": a_number_text(
                    rng, person.a_number, A_NUMBER_MISSING, A_NUMBER_MISTYPED
                ),
                **_name_values(rng, person),
                "birth_date": birth_date_text(
                    rng, person.birth_date, BIRTH_DATE_FORMATS, BIRTH_DATE_MISSING
                ),
                "sex": SEX_SPELLINGS["ice"][person.sex].pick(rng),
                "citizenship": country_text(rng, person.citizenship, CITIZENSHIP_MISSING),
                "language": _language(rng, person, must_show_all),
                "aor": office,
                "book_in_on": format_date(booked_on, DateFormat.ISO),
                "facility": facility,
                "removed_on": optional_date(
                    removal.removed_on if removal and last else None, DateFormat.ISO
                ),
                "removal_country": country_text(rng, removal.country, 0.0)
                if removal and last
                else "",
                **_election_values(rng, election),
            }
            sink.add(key, values)
