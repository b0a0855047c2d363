"""Tracing records as PFIF 1.4 (People Finder Interchange Format, http://zesty.ca/pfif/1.4),
so people-finder services can help find the parents the tracing team seeks.

One `<pfif:person>` per parent sought (whatever the number of their children's cases),
with `<pfif:note>`s nested in it: the search opened for each case, each contact attempt's
result, and the reunification or closing. Only what a public people-finder needs leaves:
the parent's names, sex, birth date, citizenship and the country they were last known
in; never a child's name, an agency identifier, a telephone number or an address.
"""

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO
from uuid import UUID
from xml.etree import ElementTree as ET

from django.db.models import Prefetch
from django.utils import timezone

from reunify.families.choices import BirthDatePrecision, CustodyKind
from reunify.families.countries import country_name
from reunify.families.models import CustodyEpisode, Person
from reunify.tracing.choices import Outcome
from reunify.tracing.models import ContactAttempt, TracingCase
from reunify.tracing.transitions import REUNIFIED

NAMESPACE = "http://zesty.ca/pfif/1.4"
DEFAULT_DOMAIN = "reunify.local"
AUTHOR = "Reunify tracing team"
SOURCE_NAME = "Reunify"

# Field order of PFIF 1.4 (the XML schema is a sequence).
PERSON_FIELDS = (
    "person_record_id", "entry_date", "expiry_date", "author_name", "author_email",
    "author_phone", "source_name", "source_date", "source_url", "full_name", "given_name",
    "family_name", "alternate_names", "description", "sex", "date_of_birth", "age",
    "home_street", "home_neighborhood", "home_city", "home_state", "home_postal_code",
    "home_country", "photo_url", "profile_urls",
)  # fmt: skip
NOTE_FIELDS = (
    "note_record_id", "person_record_id", "linked_person_record_id", "entry_date",
    "author_name", "author_email", "author_phone", "source_date", "author_made_contact",
    "status", "email_of_found_person", "phone_of_found_person", "last_known_location",
    "text", "photo_url",
)  # fmt: skip

Fields = dict[str, str]


def utc(moment: datetime) -> str:
    """PFIF's date form: UTC, to the second, "Z"."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def birth_date(person: Person) -> str:
    born: date | None = person.birth_date
    if born is None:
        return ""
    return {
        BirthDatePrecision.DAY: born.isoformat(),
        BirthDatePrecision.MONTH: born.strftime("%Y-%m"),
        BirthDatePrecision.YEAR: str(born.year),
    }.get(BirthDatePrecision(person.birth_date_precision), "")


def _record_id(domain: str, kind: str, key: UUID) -> str:
    return f"{domain}/{kind}.{key}"


def _person_fields(parent: Person, *, domain: str, first_sought: datetime, now: datetime) -> Fields:
    sex = {"F": "female", "M": "male"}.get(parent.sex, "")
    return {
        "person_record_id": _record_id(domain, "person", parent.pk),
        "entry_date": utc(now),
        "author_name": AUTHOR,
        "source_name": SOURCE_NAME,
        "source_date": utc(first_sought),
        "full_name": parent.full_name,
        "given_name": parent.given_names,
        "family_name": parent.surnames,
        "description": "A parent separated from their child in United States custody, "
        "sought so that the family can be brought together again.",
        "sex": sex,
        "date_of_birth": birth_date(parent),
        "home_country": parent.citizenship,
    }


def _last_known(parent: Person) -> str:
    episodes: list[CustodyEpisode] = getattr(parent, "open_episodes", [])
    for episode in episodes:
        if episode.kind == CustodyKind.REMOVED:
            return f"Removed to {country_name(episode.country)}"
        return "In the United States"
    return ""


def _attempt_note(attempt: ContactAttempt, *, domain: str, person_id: str, now: datetime) -> Fields:
    reached = attempt.outcome == Outcome.REACHED
    found = attempt.outcome in (Outcome.REACHED, Outcome.LOCATED)
    return {
        "note_record_id": _record_id(domain, "note.attempt", attempt.pk),
        "person_record_id": person_id,
        "entry_date": utc(now),
        "author_name": AUTHOR,
        "source_date": utc(attempt.attempted_at),
        "author_made_contact": "true" if reached else "false",
        "status": "believed_alive" if found else "information_sought",
        "text": f"{attempt.get_channel_display()}: {Outcome(attempt.outcome).label.lower()}.",
    }


def _case_notes(case: TracingCase, *, domain: str, person_id: str, now: datetime) -> list[Fields]:
    notes = [
        {
            "note_record_id": _record_id(domain, "note.case", case.pk),
            "person_record_id": person_id,
            "entry_date": utc(now),
            "author_name": AUTHOR,
            "source_date": utc(case.created_at),
            "status": "information_sought",
            "last_known_location": _last_known(case.parent),
            "text": "The tracing team is looking for this parent on behalf of their child.",
        }
    ]
    attempts: list[ContactAttempt] = getattr(case, "attempts_in_order", [])
    notes += [_attempt_note(a, domain=domain, person_id=person_id, now=now) for a in attempts]
    if case.closed_at is not None:
        together = case.state in REUNIFIED
        notes.append(
            {
                "note_record_id": _record_id(domain, "note.closed", case.pk),
                "person_record_id": person_id,
                "entry_date": utc(now),
                "author_name": AUTHOR,
                "source_date": utc(case.closed_at),
                "author_made_contact": "true",
                "status": "believed_alive",
                "text": "Reunited with their child."
                if together
                else "The parent decided, in writing, that the child remain; the search is closed.",
            }
        )
    return notes


def _element(tag: str, fields: Fields, order: Iterable[str]) -> ET.Element:
    element = ET.Element(f"{{{NAMESPACE}}}{tag}")
    for name in order:
        if fields.get(name):
            ET.SubElement(element, f"{{{NAMESPACE}}}{name}").text = fields[name]
    return element


def _cases() -> Iterator[TracingCase]:
    return (
        TracingCase.objects.select_related("parent")
        .prefetch_related(
            Prefetch(
                "parent__custody_episodes",
                queryset=CustodyEpisode.objects.filter(ended_at__isnull=True),
                to_attr="open_episodes",
            ),
            Prefetch(
                "attempts",
                queryset=ContactAttempt.objects.order_by("attempted_at", "pk"),
                to_attr="attempts_in_order",
            ),
        )
        .order_by("parent_id", "created_at", "pk")
        .iterator(chunk_size=2000)
    )


def pfif_export(out: IO[bytes], *, domain: str = DEFAULT_DOMAIN) -> dict[str, int]:
    """Write every person sought and their notes as one PFIF 1.4 document to `out`;
    the counts written."""
    ET.register_namespace("pfif", NAMESPACE)
    now = timezone.now()
    root = ET.Element(f"{{{NAMESPACE}}}pfif")
    by_parent: dict[UUID, list[TracingCase]] = {}
    for case in _cases():
        by_parent.setdefault(case.parent_id, []).append(case)
    notes = 0
    for cases in by_parent.values():
        parent = cases[0].parent
        fields = _person_fields(
            parent, domain=domain, first_sought=min(c.created_at for c in cases), now=now
        )
        person = _element("person", fields, PERSON_FIELDS)
        for case in cases:
            for note in _case_notes(
                case, domain=domain, person_id=fields["person_record_id"], now=now
            ):
                person.append(_element("note", note, NOTE_FIELDS))
                notes += 1
        root.append(person)
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return {"persons": len(by_parent), "notes": notes}


__all__ = ["DEFAULT_DOMAIN", "NAMESPACE", "pfif_export"]
