"""The child shelter extract: one row per child referred to a shelter.

`reported_parent` is what the child or the referral said about a parent, in free
text: for a separated child, the parent they were taken from (the mother when both
were); for a child who came with another relative, a parent left at home (a person
who is in no extract), the relative themself, or nothing.
"""

from random import Random

from reunify.synth.countries import MOBILE_NUMBERING
from reunify.synth.extract_fields import (
    a_number_text,
    birth_date_text,
    country_text,
    date_formats,
    optional_date,
)
from reunify.synth.extract_rows import RowSink
from reunify.synth.messy_names import ORR_STYLE, NameWriter, recorded_name
from reunify.synth.messy_values import DateFormat, render_phone
from reunify.synth.naming import NameStyle
from reunify.synth.places import INFLUX_SHELTERS
from reunify.synth.relationship_words import relationship_word
from reunify.synth.spellings import PARENT_LABELS, RELATIONSHIP_SPELLINGS, SEX_SPELLINGS
from reunify.synth.world import SynthCustodyEpisode, SynthPerson, World
from reunify.vocabulary import CustodyKind, MemberRole

ORR_COLUMNS = (
    "record_id", "child_id", "last_names", "first_name", "sex", "birth_date",
    "citizenship", "referred_on", "referring_station", "shelter", "program_type",
    "reported_parent", "parent_phone", "parent_a_number", "discharged_on", "discharge_type",
)  # fmt: skip

BIRTH_DATE_FORMATS = date_formats(iso=0.10, month_first=0.70, day_first=0.20)
BIRTH_DATE_MISSING = 0.01
CITIZENSHIP_MISSING = 0.01
REPORTED_PARENT_BLANK = 0.12
PARENT_PHONE_RECORDED = 0.6
PARENT_A_NUMBER_RECORDED = 0.4
PARENT_A_NUMBER_MISTYPED = 0.04
# For a child who came with a relative: a parent at home / the relative / nothing.
HOME_PARENT_REPORTED = 0.5
RELATIVE_REPORTED = 0.2
HOME_PARENT_PHONE = 0.4
_INFLUX = frozenset(name for name, _, _ in INFLUX_SHELTERS)


def _discharge(world: World, child: SynthPerson, stay: SynthCustodyEpisode) -> tuple[str, str]:
    if stay.ended_on is None:
        return "", ""
    episodes = world.episodes_of[child.key]
    after = episodes[episodes.index(stay) + 1]
    if after.kind is CustodyKind.SPONSOR:
        kind = "SPONSOR"
    elif after.kind is CustodyKind.DETENTION_FACILITY and child.age_on(stay.ended_on) >= 18:
        kind = "AGED_OUT"
    elif after.kind in (CustodyKind.RELEASED, CustodyKind.REMOVED, CustodyKind.DETENTION_FACILITY):
        # Released to the parent here, handed over for a removal together, or moved
        # to a family center with the parent.
        kind = "REUNIFIED_WITH_PARENT"
    else:
        kind = "OTHER"
    return optional_date(stay.ended_on, DateFormat.ISO), kind


def _describe(
    rng: Random, label: str, given: str, surnames: tuple[str, str], writer: NameWriter
) -> str:
    """ "MADRE: MARIA LOPEZ GARCIA", "father Jose Perez", "mama Ana"."""
    detail = rng.random()
    if detail < 0.45:
        name = f"{given} {surnames[0]} {surnames[1]}".rstrip()
    elif detail < 0.8:
        name = f"{given.partition(' ')[0]} {surnames[0]}"
    else:
        name = given.partition(" ")[0]
    written = writer.write(name)
    return f"{label} {written.upper() if label.isupper() else written}"


def _separated_parent(
    rng: Random, world: World, child: SynthPerson, writer: NameWriter
) -> tuple[str, str, str]:
    parents = [s.parent_key for s in world.separations_of[child.key] if s.child_key == child.key]
    mothers = [key for key in parents if world.persons[key].sex == "F"]
    parent = world.persons[(mothers or parents)[0]]
    if rng.random() < REPORTED_PARENT_BLANK:
        return "", "", ""
    name = recorded_name(rng, parent)
    label = PARENT_LABELS[parent.sex].pick(rng)
    text = _describe(
        rng, label, name.given_names, (name.first_surname, name.second_surname), writer
    )
    phone = ""
    if parent.phone and rng.random() < PARENT_PHONE_RECORDED:
        phone = render_phone(rng, parent.phone, MOBILE_NUMBERING[parent.citizenship].calling_code)
    a_number = ""
    if rng.random() < PARENT_A_NUMBER_RECORDED:
        a_number = a_number_text(rng, parent.a_number, 0.0, PARENT_A_NUMBER_MISTYPED)
    return text, phone, a_number


def _parent_at_home(rng: Random, child: SynthPerson, writer: NameWriter) -> tuple[str, str, str]:
    """A parent who stayed home: a name no extract row carries, perhaps a phone."""
    style = NameStyle(child.citizenship, child.languages[0])
    sex = "F" if rng.random() < 0.6 else "M"
    own = child.second_surname if sex == "F" else child.first_surname
    surnames = (own or style.surname(rng), style.surname(rng))
    given = style.given_names(rng, sex, child=False)
    text = _describe(rng, PARENT_LABELS[sex].pick(rng), given, surnames, writer)
    phone = ""
    if rng.random() < HOME_PARENT_PHONE:
        numbering = MOBILE_NUMBERING[child.citizenship]
        phone = render_phone(rng, numbering.draw(rng), numbering.calling_code)
    return text, phone, ""


def _travelling_relative(
    rng: Random, world: World, child: SynthPerson, writer: NameWriter
) -> tuple[str, str, str]:
    family = world.family_of[child.key]
    adults = family.keys_with_role(
        MemberRole.OTHER_RELATIVE, MemberRole.LEGAL_GUARDIAN, MemberRole.PARENT
    )
    relative = world.persons[adults[0]]
    word = relationship_word(family, world.role_of[relative.key], relative)
    name = recorded_name(rng, relative)
    label = f"{RELATIONSHIP_SPELLINGS[word].pick(rng)}:"
    return (
        _describe(rng, label, name.given_names, (name.first_surname, name.second_surname), writer),
        "",
        "",
    )


def _reported_parent(
    rng: Random, world: World, child: SynthPerson, writer: NameWriter
) -> tuple[str, str, str]:
    """(reported_parent, parent_phone, parent_a_number) for one child."""
    if child.key in world.separations_of:
        return _separated_parent(rng, world, child, writer)
    roll = rng.random()
    if roll < HOME_PARENT_REPORTED:
        return _parent_at_home(rng, child, writer)
    if roll < HOME_PARENT_REPORTED + RELATIVE_REPORTED:
        return _travelling_relative(rng, world, child, writer)
    return "", "", ""


def _program_type(shelter: str) -> str:
    if shelter in _INFLUX:
        return "influx"
    return "foster care" if "Foster" in shelter else "shelter"


def orr_rows(world: World, rng: Random, sink: RowSink) -> None:
    child_ids: set[int] = set()
    for key, child in world.persons.items():
        stay = next((e for e in world.episodes_of[key] if e.kind is CustodyKind.SHELTER), None)
        if stay is None:
            continue
        child_id = 0
        while not child_id or child_id in child_ids:
            child_id = rng.randrange(10_000_000, 100_000_000)
        child_ids.add(child_id)
        writer = ORR_STYLE.writer(rng)
        name = recorded_name(rng, child)
        reported, phone, parent_a_number = _reported_parent(rng, world, child, writer)
        discharged_on, discharge_type = _discharge(world, child, stay)
        shelter = stay.place or ""
        sink.add(
            key,
            {
                "child_id": str(child_id),
                "last_names": writer.write(name.surnames),
                "first_name": writer.write(name.given_names),
                "sex": SEX_SPELLINGS["orr"][child.sex].pick(rng),
                "birth_date": birth_date_text(
                    rng, child.birth_date, BIRTH_DATE_FORMATS, BIRTH_DATE_MISSING
                ),
                "citizenship": country_text(rng, child.citizenship, CITIZENSHIP_MISSING),
                "referred_on": optional_date(stay.started_on, DateFormat.ISO),
                "referring_station": world.family_of[key].station,
                "shelter": shelter,
                "program_type": _program_type(shelter),
                "reported_parent": reported,
                "parent_phone": phone,
                "parent_a_number": parent_a_number,
                "discharged_on": discharged_on,
                "discharge_type": discharge_type,
            },
        )
