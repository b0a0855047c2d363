"""Two staged records side by side, field by field, for a reviewer to compare."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from reunify.families.countries import country_name
from reunify.imports.models import RECORD_MODELS, ExtractRecord
from reunify.standardise import Kinship

# (label, attribute) per field shown; attributes missing on a source show as blank.
COMPARED = (
    ("Given names", "given_names"),
    ("First surname", "first_surname"),
    ("Second surname", "second_surname"),
    ("Birth date", "birth_date"),
    ("Sex", "sex"),
    ("Citizenship", "citizenship"),
    ("A-number", "a_number"),
    ("Languages", "languages"),
)
CONTEXT = (
    ("Apprehension event", "event_id"),
    ("Family group", "family_group"),
    ("Apprehended on", "apprehended_on"),
    ("Relationship in the group", "relationship"),
    ("Facility", "facility"),
    ("Booked in on", "book_in_on"),
    ("Shelter", "shelter"),
    ("Referred on", "referred_on"),
    ("Reported parent", "reported_parent_given_names_key"),
    ("Parent's A-number", "parent_a_number"),
)


@dataclass(frozen=True)
class FieldPair:
    label: str
    left: str
    right: str
    agreement: str  # "same", "different", "missing"


def staged_record(unique_id: str) -> ExtractRecord | None:
    source, _, record_id = unique_id.partition(":")
    model = RECORD_MODELS.get(source)
    if model is None:
        return None
    found: ExtractRecord | None = model._default_manager.filter(record_id=record_id).first()
    return found


def shown(record: ExtractRecord | None, attribute: str) -> str:
    value: Any = getattr(record, attribute, "") if record is not None else ""
    if value is None or value == "":
        return ""
    if attribute == "birth_date" and isinstance(value, date):
        return value.isoformat() + (
            " (day and month may be swapped)" if record and record.birth_date_ambiguous else ""
        )
    if isinstance(value, date):
        return value.isoformat()
    if attribute == "citizenship":
        return f"{country_name(value)} ({value})"
    if attribute == "relationship" and value in Kinship.__members__:
        return Kinship(value).value.replace("_", " ").lower()
    if attribute == "reported_parent_given_names_key" and record is not None:
        surnames = " ".join(
            part
            for part in (
                getattr(record, "reported_parent_first_surname_key", ""),
                getattr(record, "reported_parent_second_surname_key", ""),
            )
            if part
        )
        relation = getattr(record, "reported_parent_relationship", "").lower()
        return f"{value} {surnames} ({relation})".strip()
    return str(value)


def field_pairs(
    left: ExtractRecord | None, right: ExtractRecord | None, fields: tuple[tuple[str, str], ...]
) -> list[FieldPair]:
    pairs = []
    for label, attribute in fields:
        a, b = shown(left, attribute), shown(right, attribute)
        if not a and not b:
            continue
        agreement = (
            "missing" if not a or not b else "same" if a.lower() == b.lower() else "different"
        )
        pairs.append(FieldPair(label, a, b, agreement))
    return pairs
