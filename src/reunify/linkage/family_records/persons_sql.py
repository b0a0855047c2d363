"""`persons` set-wise: the same person, languages and identifiers from all their records,
selected in PostgreSQL from the linked rows' table (`linked_table`) instead of built row
by row here. A national run resolves 600,000 persons from a million records; building
them in Python took a minute and a half. `tests/linkage/test_family_records_set_wise.py`
holds both ways to the same rows.

Ties fall as in `persons`: between values equally common, the first recorded (`seq`).
"""

from reunify.families.choices import BirthDatePrecision, IdentifierScheme, Sex
from reunify.families.models import Person, PersonIdentifier, PersonLanguage
from reunify.families.names import name_search_sql
from reunify.linkage.family_records.linked_table import LINKED
from reunify.linkage.family_records.record_keys import record_uuid_sql
from reunify.linkage.family_records.writing import Selected, select_list
from reunify.sql_literal import literal

_SEXES = ", ".join(literal(sex.value) for sex in Sex)


def most_common_sql(column: str, where: str, table: str = LINKED) -> str:
    """Each person's most common value of `column` among rows `where`; ties to the first
    recorded. Columns `person_id`, `value`."""
    return (
        "SELECT DISTINCT ON (person_id) person_id, value FROM ("  # noqa: S608
        f"SELECT person_id, {column} AS value, count(*) AS n, min(seq) AS first FROM {table} "
        f"WHERE {where} GROUP BY 1, 2) counted "
        "ORDER BY person_id, n DESC, first"
    )


def persons_selected() -> Selected:
    # `_fullest_name`: most surnames, then most given names, then the first recorded.
    words = (
        r"CASE WHEN given_names ~ '\S' "
        r"THEN cardinality(regexp_split_to_array(btrim(given_names), '\s+')) ELSE 0 END"
    )
    named = (
        "SELECT DISTINCT ON (person_id) person_id, given_names, first_surname, second_surname "  # noqa: S608
        f"FROM {LINKED} ORDER BY person_id, "
        f"(first_surname <> '')::int + (second_surname <> '')::int DESC, {words} DESC, seq"
    )
    # The date most clear records give; with none clear, the one most records give.
    born = (
        "SELECT DISTINCT ON (person_id) person_id, birth_date FROM ("  # noqa: S608
        "SELECT person_id, birth_date, "
        "count(*) FILTER (WHERE NOT birth_date_ambiguous) AS clear, "
        "min(seq) FILTER (WHERE NOT birth_date_ambiguous) AS first_clear, "
        f"count(*) AS every, min(seq) AS first FROM {LINKED} "
        "WHERE birth_date IS NOT NULL GROUP BY person_id, birth_date) dates "
        "ORDER BY person_id, clear DESC, first_clear, every DESC, first"
    )
    columns = select_list(
        Person,
        {
            "id": "named.person_id",
            "given_names": "named.given_names",
            "first_surname": "named.first_surname",
            "second_surname": "named.second_surname",
            "name_search": name_search_sql(
                "named.given_names", "named.first_surname", "named.second_surname"
            ),
            "sex": f"coalesce(sexed.value, {literal(Sex.UNKNOWN)})",
            "birth_date": "born.birth_date",
            "birth_date_precision": (
                f"CASE WHEN born.birth_date IS NULL THEN {literal(BirthDatePrecision.UNKNOWN)} "
                f"ELSE {literal(BirthDatePrecision.DAY)} END"
            ),
            "birth_date_estimated": "false",
            "citizenship": "coalesce(citizen.value, '')",
            "from_extracts": "true",
        },
    )
    sexed = most_common_sql("sex", f"sex IN ({_SEXES})")
    citizen = most_common_sql("citizenship", "citizenship <> ''")
    return Selected(
        f"SELECT {columns} FROM ({named}) named "  # noqa: S608
        f"LEFT JOIN ({born}) born USING (person_id) "
        f"LEFT JOIN ({sexed}) sexed USING (person_id) "
        f"LEFT JOIN ({citizen}) citizen USING (person_id)"
    )


def languages_selected() -> Selected:
    """Every language any record shows; the one most often listed first is primary."""
    spoken = (
        r"SELECT person_id, seq, regexp_split_to_array(btrim(languages), '\s+') AS codes "  # noqa: S608
        f"FROM {LINKED} WHERE btrim(languages) <> ''"
    )
    first_listed = most_common_sql("codes[1]", "true", table="spoken")
    columns = select_list(
        PersonLanguage,
        {
            "id": record_uuid_sql("every.person_id::text || '/language/' || every.code"),
            "person_id": "every.person_id",
            "code": "every.code",
            "is_primary": "every.code = first_listed.value",
            "reads": "NULL::boolean",
        },
    )
    return Selected(
        f"WITH spoken AS ({spoken}) SELECT {columns} FROM "  # noqa: S608
        "(SELECT DISTINCT person_id, unnest(codes) AS code FROM spoken) every "
        f"LEFT JOIN ({first_listed}) first_listed USING (person_id)"
    )


def identifiers_selected() -> Selected:
    """Every identifier any record carries, normalised as `normalize_identifier` does;
    of two spellings that normalise alike, the later in code-point order is kept."""
    a_number, subject, child = (
        literal(IdentifierScheme.A_NUMBER),
        literal(IdentifierScheme.DETENTION_SUBJECT_ID),
        literal(IdentifierScheme.SHELTER_CHILD_ID),
    )
    said = (
        f"SELECT person_id, {a_number} AS scheme, a_number AS value FROM {LINKED} "  # noqa: S608
        "WHERE a_number <> '' "
        f"UNION ALL SELECT person_id, {subject}, subject_id FROM {LINKED} "
        "WHERE source = 'ice' AND subject_id <> '' "
        f"UNION ALL SELECT person_id, {child}, child_id FROM {LINKED} "
        "WHERE source = 'orr' AND child_id <> ''"
    )  # (the same value twice is one row below: DISTINCT ON keeps one per normal form)
    compact = r"regexp_replace(upper({}), '[\s\-./]+', '', 'g')"
    a_compact = compact.format("normalize(value, NFKC)")
    # Imports stage A-numbers as nine digits already (`standard_a_number`): those are
    # their own normal form, and skip the work of the others.
    normalized = (
        f"CASE WHEN scheme = {a_number} AND value ~ '^[0-9]{{9}}$' THEN value "
        f"WHEN scheme = {a_number} THEN CASE WHEN {a_compact} ~ '^A?[0-9]{{7,9}}$' "
        f"THEN lpad(ltrim({a_compact}, 'A'), 9, '0') END "
        # Most ids are digits and capitals already: their own normal form too.
        "WHEN value ~ '^[0-9A-Z]+$' THEN value "
        f"ELSE nullif({compact.format('value')}, '') END"
    )
    shown = (
        f"CASE WHEN scheme = {a_number} THEN 'A' || substr(value, 1, 3) || '-' || "
        "substr(value, 4, 3) || '-' || substr(value, 7) ELSE value END"
    )
    columns = select_list(
        PersonIdentifier,
        {
            "id": record_uuid_sql("person_id::text || '/' || scheme || '/' || normalized"),
            "person_id": "person_id",
            "scheme": "scheme",
            "value": shown,
            "normalized": "normalized",
        },
    )
    # The row's columns (an id hashed from its values among them) only for the rows kept.
    kept = (
        "SELECT DISTINCT ON (person_id, scheme, normalized) person_id, scheme, value, "  # noqa: S608
        f"normalized FROM (SELECT person_id, scheme, value, {normalized} AS normalized "
        f"FROM ({said}) said) found WHERE normalized IS NOT NULL "
        'ORDER BY person_id, scheme, normalized, found.value COLLATE "C" DESC'
    )
    return Selected(f"SELECT {columns} FROM ({kept}) kept")  # noqa: S608
