"""One person from all their records: the fullest name, the date of birth and sex most
records agree on, every language any record shows, every identifier any record carries.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from typing import TypeVar
from uuid import UUID

from reunify.families.choices import BirthDatePrecision, IdentifierScheme, Sex
from reunify.families.identifiers import normalize_identifier
from reunify.families.models import Person, PersonIdentifier, PersonLanguage
from reunify.families.names import name_search_key
from reunify.linkage.family_records.linked_rows import LinkedRows, Row
from reunify.linkage.family_records.record_keys import record_uuid
from reunify.linkage.family_records.writing import new

# Where two records name a person equally fully, the border record wins: it was taken
# with the family present, the others later and apart.
SOURCE_ORDER = {"cbp": 0, "ice": 1, "orr": 2}
SEXES = {sex.value for sex in Sex}
Value = TypeVar("Value", bound=Hashable)


def most_common(values: Iterable[Value | None]) -> Value | None:
    """The value most records agree on; between equals, the first recorded."""
    counted = Counter(value for value in values if value not in (None, ""))
    return counted.most_common(1)[0][0] if counted else None


def _fullest_name(rows: list[tuple[str, Row]]) -> Row:
    def fullness(item: tuple[int, tuple[str, Row]]) -> tuple[int, int, int, int]:
        index, (source, row) = item
        parts = sum(bool(row[field]) for field in ("first_surname", "second_surname"))
        return (-parts, -len(row["given_names"].split()), SOURCE_ORDER[source], index)

    return min(enumerate(rows), key=fullness)[1][1]


def person_from(person_id: UUID, rows: list[tuple[str, Row]]) -> Person:
    name = _fullest_name(rows)
    clear_dates = [row["birth_date"] for _, row in rows if not row["birth_date_ambiguous"]]
    birth_date = most_common(clear_dates) or most_common(row["birth_date"] for _, row in rows)
    sex = most_common(row["sex"] for _, row in rows if row["sex"] in SEXES)
    return new(
        Person,
        id=person_id,
        given_names=name["given_names"],
        first_surname=name["first_surname"],
        second_surname=name["second_surname"],
        name_search=name_search_key(
            name["given_names"], name["first_surname"], name["second_surname"]
        ),
        sex=sex or Sex.UNKNOWN,
        birth_date=birth_date,
        birth_date_precision=(
            BirthDatePrecision.DAY if birth_date is not None else BirthDatePrecision.UNKNOWN
        ),
        citizenship=most_common(row["citizenship"] for _, row in rows) or "",
        from_extracts=True,
    )


def languages_of(person_id: UUID, rows: list[tuple[str, Row]]) -> list[PersonLanguage]:
    """Every language recorded for the person; the one most often listed first is primary."""
    spoken = [row["languages"].split() for _, row in rows if row["languages"]]
    primary = most_common(codes[0] for codes in spoken)
    every = sorted({code for codes in spoken for code in codes})
    return [
        new(
            PersonLanguage,
            id=record_uuid(f"{person_id}/language/{code}"),
            person_id=person_id,
            code=code,
            is_primary=code == primary,
        )
        for code in every
    ]


def identifiers_of(person_id: UUID, rows: list[tuple[str, Row]]) -> list[PersonIdentifier]:
    found: set[tuple[str, str]] = set()
    for source, row in rows:
        if row["a_number"]:
            found.add((IdentifierScheme.A_NUMBER, row["a_number"]))
        if source == "ice" and row["subject_id"]:
            found.add((IdentifierScheme.DETENTION_SUBJECT_ID, row["subject_id"]))
        if source == "orr" and row["child_id"]:
            found.add((IdentifierScheme.SHELTER_CHILD_ID, row["child_id"]))
    identifiers = []
    for scheme, value in sorted(found):
        normalized = normalize_identifier(scheme, value)
        if normalized is None:
            continue
        shown = f"A{value[:3]}-{value[3:6]}-{value[6:]}" if scheme == "A_NUMBER" else value
        identifiers.append(
            new(
                PersonIdentifier,
                id=record_uuid(f"{person_id}/{scheme}/{normalized}"),
                person_id=person_id,
                scheme=scheme,
                value=shown,
                normalized=normalized,
            )
        )
    # Two spellings of one identifier normalise alike: keep one.
    return list({(i.scheme, i.normalized): i for i in identifiers}.values())


def rows_by_person(linked: LinkedRows) -> dict[UUID, list[tuple[str, Row]]]:
    grouped: dict[UUID, list[tuple[str, Row]]] = defaultdict(list)
    for source, row in linked.every_row():
        grouped[row["person_id"]].append((source, row))
    return grouped
