"""The field rules of PFIF 1.4 (http://zesty.ca/pfif/1.4), written from the specification
to check Reunify's export: the namespace and root; person and note fields known, once each,
in the schema's order; required fields present; record ids "domain/local-id"; dates in
UTC "yyyy-mm-ddThh:mm:ssZ"; the enumerated values of sex, status and author_made_contact;
birth dates "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ages a number or a range; home countries
ISO 3166-1 alpha-2; a nested note about its own person; record ids unique.

`problems(xml)` returns each broken rule in words; an empty list is a valid document.
"""

import re
from xml.etree import ElementTree as ET

NAMESPACE = "http://zesty.ca/pfif/1.4"
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
PERSON_REQUIRED = ("person_record_id", "source_date", "full_name")
NOTE_REQUIRED = ("note_record_id", "author_name", "source_date")
STATUSES = {"information_sought", "is_note_author", "believed_alive", "believed_missing",
            "believed_dead"}  # fmt: skip
RECORD_ID = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/\S+$")
UTC_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
BIRTH = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
AGE = re.compile(r"^\d+(-\d+)?$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
DATES = ("entry_date", "expiry_date", "source_date")


def _local(tag: str) -> tuple[str, str]:
    match = re.match(r"^\{(.*)\}(.*)$", tag)
    return (match.group(1), match.group(2)) if match else ("", tag)


def _fields(
    element: ET.Element, allowed: tuple[str, ...], where: str, problems: list[str]
) -> dict[str, str]:
    seen: dict[str, str] = {}
    last = -1
    for child in element:
        namespace, name = _local(child.tag)
        if name == "note" and allowed is PERSON_FIELDS:
            continue
        if namespace != NAMESPACE or name not in allowed:
            problems.append(f"{where}: unknown field {child.tag}")
            continue
        if name in seen:
            problems.append(f"{where}: {name} appears twice")
        if allowed.index(name) < last:
            problems.append(f"{where}: {name} is out of the schema's order")
        last = max(last, allowed.index(name))
        seen[name] = (child.text or "").strip()
    return seen


def _common(fields: dict[str, str], where: str, problems: list[str]) -> None:
    for name in DATES:
        if name in fields and not UTC_DATE.match(fields[name]):
            problems.append(f"{where}: {name} {fields[name]!r} is not yyyy-mm-ddThh:mm:ssZ")
    for name in ("person_record_id", "note_record_id", "linked_person_record_id"):
        if name in fields and not RECORD_ID.match(fields[name]):
            problems.append(f"{where}: {name} {fields[name]!r} is not domain/local-id")


def _person(fields: dict[str, str], where: str, problems: list[str]) -> None:
    for name in PERSON_REQUIRED:
        if not fields.get(name):
            problems.append(f"{where}: the required {name} is missing")
    _common(fields, where, problems)
    if "sex" in fields and fields["sex"] not in ("female", "male", "other"):
        problems.append(f"{where}: sex {fields['sex']!r} is not female, male or other")
    if "date_of_birth" in fields and not BIRTH.match(fields["date_of_birth"]):
        problems.append(f"{where}: date_of_birth {fields['date_of_birth']!r}")
    if "age" in fields and not AGE.match(fields["age"]):
        problems.append(f"{where}: age {fields['age']!r}")
    if "home_country" in fields and not COUNTRY.match(fields["home_country"]):
        problems.append(f"{where}: home_country {fields['home_country']!r} is not ISO alpha-2")


def _note(fields: dict[str, str], where: str, problems: list[str], *, nested_in: str) -> None:
    for name in NOTE_REQUIRED:
        if not fields.get(name):
            problems.append(f"{where}: the required {name} is missing")
    if not nested_in and not fields.get("person_record_id"):
        problems.append(f"{where}: a top-level note must name its person_record_id")
    if nested_in and fields.get("person_record_id", nested_in) != nested_in:
        problems.append(f"{where}: a nested note names another person")
    _common(fields, where, problems)
    if "status" in fields and fields["status"] not in STATUSES:
        problems.append(f"{where}: status {fields['status']!r} is not a PFIF status")
    if "author_made_contact" in fields and fields["author_made_contact"] not in ("true", "false"):
        problems.append(f"{where}: author_made_contact must be true or false")


def problems(document: bytes) -> list[str]:
    found: list[str] = []
    root = ET.fromstring(document)  # noqa: S314 (our own export, in a test)
    if root.tag != f"{{{NAMESPACE}}}pfif":
        return [f"the root is {root.tag}, not pfif:pfif in the PFIF 1.4 namespace"]
    ids: set[str] = set()
    for index, record in enumerate(root):
        _, kind = _local(record.tag)
        where = f"{kind} {index + 1}"
        if kind == "person":
            fields = _fields(record, PERSON_FIELDS, where, found)
            _person(fields, where, found)
            record_ids = [fields.get("person_record_id", "")]
            for number, note in enumerate(record.findall(f"{{{NAMESPACE}}}note")):
                note_fields = _fields(note, NOTE_FIELDS, f"{where} note {number + 1}", found)
                _note(note_fields, f"{where} note {number + 1}", found,
                      nested_in=fields.get("person_record_id", ""))  # fmt: skip
                record_ids.append(note_fields.get("note_record_id", ""))
        elif kind == "note":
            note_fields = _fields(record, NOTE_FIELDS, where, found)
            _note(note_fields, where, found, nested_in="")
            record_ids = [note_fields.get("note_record_id", "")]
        else:
            found.append(f"{where}: {record.tag} is neither a person nor a note")
            continue
        for record_id in record_ids:
            if record_id in ids:
                found.append(f"{where}: record id {record_id} is used twice")
            ids.add(record_id)
    return found
