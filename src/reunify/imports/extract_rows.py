"""Each source's row, read into the fields of its staged record (`imports.models`)."""

from collections.abc import Callable
from typing import Any

from reunify.imports.row_reader import RowReader
from reunify.imports.sources import Source
from reunify.standardise import (
    StandardName,
    parse_reported_parent,
    standard_a_number,
    standard_country,
    standard_flag,
    standard_language,
    standard_languages,
    standard_name,
    standard_phone,
    standard_relationship,
    standard_sex,
)
from reunify.vocabulary import ElectionForm, ElectionOption

DISCHARGE_TYPES = ("REUNIFIED_WITH_PARENT", "SPONSOR", "AGED_OUT", "OTHER")


def person_fields(row: RowReader, name: StandardName) -> dict[str, Any]:
    """The fields every source fills the same way, for linkage to compare."""
    languages = row.optional("language", standard_languages) or ()
    born, born_ambiguous = row.birth_date()
    return {
        "given_names": name.display_given_names[:200],
        "first_surname": name.display_first_surname[:100],
        "second_surname": name.display_second_surname[:100],
        "given_names_key": name.given_names[:200],
        "first_surname_key": name.first_surname[:100],
        "second_surname_key": name.second_surname[:100],
        "birth_date": born,
        "birth_date_ambiguous": born_ambiguous,
        "sex": row.optional("sex", standard_sex) or "",
        "citizenship": row.optional("citizenship", standard_country) or "",
        "a_number": row.optional("a_number", standard_a_number) or "",
        "languages": " ".join(languages),
    }


def cbp_fields(row: RowReader) -> dict[str, Any]:
    given = row.text("given_names", limit=200, required=True)
    surnames = row.text("surnames", limit=200, required=True)
    name = standard_name(given, surnames)
    row.name_problems(name, "given_names", "surnames")
    relationship = row.optional("relationship", standard_relationship)
    return {
        **person_fields(row, name),
        "event_id": row.text("event_id", limit=64, required=True),
        "family_group": row.text("family_group", limit=64),
        "apprehended_on": row.date("apprehended_on", required=True),
        "station": row.text("station", limit=200),
        "relationship": relationship.kinship.value if relationship else "",
        "separated": row.optional("separated", standard_flag),
        "separation_reason": row.text("separation_reason", limit=500),
    }


def ice_fields(row: RowReader) -> dict[str, Any]:
    given = (
        row.text("first_name", limit=100, required=True),
        row.text("middle_name", limit=100),
    )
    surnames = (
        row.text("last_name", limit=100, required=True),
        row.text("second_last_name", limit=100),
    )
    name = standard_name([part for part in given if part], [part for part in surnames if part])
    row.name_problems(name, "first_name", "last_name")
    return {
        **person_fields(row, name),
        "subject_id": row.text("subject_id", limit=64),
        "book_in_on": row.date("book_in_on"),
        "facility": row.text("facility", limit=200),
        "removed_on": row.date("removed_on"),
        "removal_country": row.optional("removal_country", standard_country) or "",
        "election": row.one_of("election", ElectionOption, quarantine=True),
        "election_form": row.one_of("election_form", ElectionForm, quarantine=True),
        "election_on": row.date("election_on"),
        "notice_language": row.optional("notice_language", standard_language) or "",
        "interpreter_language": row.optional("interpreter_language", standard_language) or "",
        "counsel_advised": row.optional("counsel_advised", standard_flag),
    }


def orr_fields(row: RowReader) -> dict[str, Any]:
    name = standard_name(
        row.text("first_name", limit=200, required=True),
        row.text("last_names", limit=200, required=True),
    )
    row.name_problems(name, "first_name", "last_names")
    reported = parse_reported_parent(row.text("reported_parent", limit=300))
    person = person_fields(row, name)
    # A parent's number without a country code is most likely of the child's country.
    phone = row.optional(
        "parent_phone", lambda text: standard_phone(text, country=person["citizenship"] or None)
    )
    discharge = row.text("discharge_type", limit=40).upper().replace(" ", "_")
    if discharge and discharge not in DISCHARGE_TYPES:
        row.notes.append(f"discharge_type {discharge!r} is not one of {', '.join(DISCHARGE_TYPES)}")
        discharge = ""
    return {
        **person,
        "child_id": row.text("child_id", limit=64),
        "referred_on": row.date("referred_on"),
        "referring_station": row.text("referring_station", limit=200),
        "shelter": row.text("shelter", limit=200),
        "reported_parent_relationship": reported.kinship.value if reported else "",
        "reported_parent_given_names_key": reported.name.given_names[:200] if reported else "",
        "reported_parent_first_surname_key": reported.name.first_surname[:100] if reported else "",
        "reported_parent_second_surname_key": (
            reported.name.second_surname[:100] if reported else ""
        ),
        "parent_phone": phone.digits[:20] if phone else "",
        "parent_a_number": row.optional("parent_a_number", standard_a_number) or "",
        "discharged_on": row.date("discharged_on"),
        "discharge_type": discharge,
    }


FIELDS_OF: dict[str, Callable[[RowReader], dict[str, Any]]] = {
    Source.CBP: cbp_fields,
    Source.ICE: ice_fields,
    Source.ORR: orr_fields,
}
