"""The table linkage reads: one row per staged record, the columns the model compares.

`contract_record` reshapes the standard fields an import gives a record
(`imports.row_reading`) into these columns, whether the record comes from the database
(`staged_frame`) or straight from extract files (`records_frame`, for benchmarks).
"""

from collections.abc import Mapping
from typing import Any

from reunify.imports.sources import Source
from reunify.standardise.name_words import key_words

SOURCES = tuple(source.value for source in Source)

# Column order of the table; every column may be null except the first three.
CONTRACT_COLUMNS = (
    "unique_id", "source", "record_id", "given_names", "first_given", "first_surname",
    "second_surname", "surnames", "name_key", "birth_date", "birth_year",
    "birth_date_ambiguous", "sex", "citizenship", "a_number", "language", "event_id",
    "family_group", "relationship", "apprehended_on", "reported_parent_given_names",
    "reported_parent_surnames", "reported_parent_relationship", "parent_phone",
    "parent_a_number", "subject_id",
)  # fmt: skip


def _or_none(text: str | None) -> str | None:
    return text or None


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def contract_record(source: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """One staged record's standard fields as the row linkage compares."""
    given = fields["given_names_key"]
    surnames = _joined(fields["first_surname_key"], fields["second_surname_key"])
    given_words = key_words(given)
    born = fields["birth_date"]
    languages = (fields.get("languages") or "").split()
    record = dict.fromkeys(CONTRACT_COLUMNS)
    record.update(
        unique_id=f"{source}:{fields['record_id']}",
        source=source,
        record_id=fields["record_id"],
        given_names=_or_none(given),
        first_given=given_words[0] if given_words else None,
        first_surname=_or_none(fields["first_surname_key"]),
        second_surname=_or_none(fields["second_surname_key"]),
        surnames=_or_none(surnames),
        name_key=_or_none(" ".join(sorted(key_words(_joined(given, surnames))))),
        birth_date=born.isoformat() if born else None,
        birth_year=born.year if born else None,
        birth_date_ambiguous=bool(fields["birth_date_ambiguous"]),
        sex=_or_none(fields["sex"]),
        citizenship=_or_none(fields["citizenship"]),
        a_number=_or_none(fields["a_number"]),
        language=languages[0] if languages else None,
    )
    if source == "cbp":
        apprehended = fields["apprehended_on"]
        record.update(
            event_id=fields["event_id"],
            family_group=_or_none(fields["family_group"]),
            relationship=_or_none(fields["relationship"]),
            apprehended_on=apprehended.isoformat() if apprehended else None,
        )
    elif source == "ice":
        record.update(subject_id=_or_none(fields["subject_id"]))
    else:
        record.update(
            reported_parent_relationship=_or_none(fields["reported_parent_relationship"]),
            reported_parent_given_names=_or_none(fields["reported_parent_given_names_key"]),
            reported_parent_surnames=_or_none(
                _joined(
                    fields["reported_parent_first_surname_key"],
                    fields["reported_parent_second_surname_key"],
                )
            ),
            parent_phone=_or_none(fields["parent_phone"]),
            parent_a_number=_or_none(fields["parent_a_number"]),
        )
    return record
