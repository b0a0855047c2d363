"""Each source's rows, read a column at a time into the fields of their staged records
(`imports.models`): each field's values, one per row, in the rows' order."""

from collections.abc import Callable, Sequence
from typing import Any

from reunify.imports.column_reader import ColumnReader, each_distinct
from reunify.imports.sources import Source
from reunify.standardise import (
    Phone,
    Reading,
    given_names_unit,
    parse_reported_parent,
    standard_a_number,
    standard_country,
    standard_flag,
    standard_language,
    standard_languages,
    standard_phone,
    standard_relationship,
    standard_sex,
    surname_units,
)
from reunify.standardise.name_words import NameUnit
from reunify.vocabulary import ElectionForm, ElectionOption

DISCHARGE_TYPES = ("REUNIFIED_WITH_PARENT", "SPONSOR", "AGED_OUT", "OTHER")

Columns = dict[str, list[Any]]


class Names:
    """Each row's name: given names as one unit, surnames as first and second."""

    def __init__(self, given: Sequence[tuple[str, ...]], surnames: Sequence[tuple[str, ...]]):
        self.given: list[NameUnit] = each_distinct(given, given_names_unit)
        self.surnames: list[tuple[NameUnit, NameUnit]] = each_distinct(surnames, surname_units)

    def check_required(self, reader: ColumnReader, given: str, surnames: str) -> None:
        """A required name column that held only a placeholder ("FNU", "UNKNOWN")."""
        reader.required_names(given, [bool(unit.folded) for unit in self.given])
        reader.required_names(
            surnames, [bool(first.folded or second.folded) for first, second in self.surnames]
        )


def person_fields(reader: ColumnReader, names: Names) -> Columns:
    """The fields every source fills the same way, for linkage to compare."""
    languages = reader.optional("language", standard_languages)
    born, born_ambiguous = reader.birth_date()
    return {
        "given_names": [unit.display[:200] for unit in names.given],
        "first_surname": [first.display[:100] for first, _ in names.surnames],
        "second_surname": [second.display[:100] for _, second in names.surnames],
        "given_names_key": [unit.folded[:200] for unit in names.given],
        "first_surname_key": [first.folded[:100] for first, _ in names.surnames],
        "second_surname_key": [second.folded[:100] for _, second in names.surnames],
        "birth_date": born,
        "birth_date_ambiguous": born_ambiguous,
        "sex": blank_if_none(reader.optional("sex", standard_sex)),
        "citizenship": blank_if_none(reader.optional("citizenship", standard_country)),
        "a_number": blank_if_none(reader.optional("a_number", standard_a_number)),
        "languages": [" ".join(found or ()) for found in languages],
    }


def blank_if_none(values: list[Any]) -> list[Any]:
    return [value or "" for value in values]


def as_fields(*columns: Sequence[str]) -> list[tuple[str, ...]]:
    """Each row's non-blank values of name columns, as the name's fields."""
    return [tuple(part for part in parts if part) for parts in zip(*columns, strict=True)]


def cbp_fields(reader: ColumnReader) -> Columns:
    given = reader.text("given_names", limit=200, required=True)
    surnames = reader.text("surnames", limit=200, required=True)
    names = Names(as_fields(given), as_fields(surnames))
    names.check_required(reader, "given_names", "surnames")
    relationship = reader.optional("relationship", standard_relationship)
    return {
        **person_fields(reader, names),
        "event_id": reader.text("event_id", limit=64, required=True),
        "family_group": reader.text("family_group", limit=64),
        "apprehended_on": reader.date("apprehended_on", required=True),
        "station": reader.text("station", limit=200),
        "relationship": [found.kinship.value if found else "" for found in relationship],
        "separated": reader.optional("separated", standard_flag),
        "separation_reason": reader.text("separation_reason", limit=500),
    }


def ice_fields(reader: ColumnReader) -> Columns:
    given = as_fields(
        reader.text("first_name", limit=100, required=True),
        reader.text("middle_name", limit=100),
    )
    surnames = as_fields(
        reader.text("last_name", limit=100, required=True),
        reader.text("second_last_name", limit=100),
    )
    names = Names(given, surnames)
    names.check_required(reader, "first_name", "last_name")
    return {
        **person_fields(reader, names),
        "subject_id": reader.text("subject_id", limit=64),
        "book_in_on": reader.date("book_in_on"),
        "facility": reader.text("facility", limit=200),
        "removed_on": reader.date("removed_on"),
        "removal_country": blank_if_none(reader.optional("removal_country", standard_country)),
        "election": reader.one_of("election", ElectionOption, quarantine=True),
        "election_form": reader.one_of("election_form", ElectionForm, quarantine=True),
        "election_on": reader.date("election_on"),
        "notice_language": blank_if_none(reader.optional("notice_language", standard_language)),
        "interpreter_language": blank_if_none(
            reader.optional("interpreter_language", standard_language)
        ),
        "counsel_advised": reader.optional("counsel_advised", standard_flag),
    }


def parent_phone(text: str, citizenship: str) -> Reading[Phone]:
    # A parent's number without a country code is most likely of the child's country.
    return standard_phone(text, country=citizenship or None)


def orr_fields(reader: ColumnReader) -> Columns:
    names = Names(
        as_fields(reader.text("first_name", limit=200, required=True)),
        as_fields(reader.text("last_names", limit=200, required=True)),
    )
    names.check_required(reader, "first_name", "last_names")
    reported = each_distinct(reader.text("reported_parent", limit=300), parse_reported_parent)
    person = person_fields(reader, names)
    phones = reader.optional_given("parent_phone", parent_phone, person["citizenship"])
    discharge = reader.one_of("discharge_type", DISCHARGE_TYPES, quarantine=False)
    return {
        **person,
        "child_id": reader.text("child_id", limit=64),
        "referred_on": reader.date("referred_on"),
        "referring_station": reader.text("referring_station", limit=200),
        "shelter": reader.text("shelter", limit=200),
        "reported_parent_relationship": [
            parent.kinship.value if parent else "" for parent in reported
        ],
        "reported_parent_given_names_key": [
            parent.name.given_names[:200] if parent else "" for parent in reported
        ],
        "reported_parent_first_surname_key": [
            parent.name.first_surname[:100] if parent else "" for parent in reported
        ],
        "reported_parent_second_surname_key": [
            parent.name.second_surname[:100] if parent else "" for parent in reported
        ],
        "parent_phone": [phone.digits[:20] if phone else "" for phone in phones],
        "parent_a_number": blank_if_none(reader.optional("parent_a_number", standard_a_number)),
        "discharged_on": reader.date("discharged_on"),
        "discharge_type": discharge,
    }


FIELDS_OF: dict[str, Callable[[ColumnReader], Columns]] = {
    Source.CBP: cbp_fields,
    Source.ICE: ice_fields,
    Source.ORR: orr_fields,
}
