"""The imported rows of every linked person as one temporary table, for writing family
records set-wise on PostgreSQL (`persons_sql`, `custody_sql`).

It holds what `linked_rows` reads, from all three sources at once, with `seq`: the order
in which the Python rules meet the rows (border records first, then detention, then
shelter; each in the order of its import batches and rows), the order ties are broken by.
"""

from django.db import connection

from reunify.imports.models import RECORD_MODELS
from reunify.linkage.family_records.persons import SOURCE_ORDER

LINKED = "family_records_linked"
PERSON_COLUMNS = (
    "record_id", "given_names", "first_surname", "second_surname", "birth_date",
    "birth_date_ambiguous", "sex", "citizenship", "a_number", "languages",
)  # fmt: skip
# The columns of one source only, with their types (null for the other sources).
SOURCE_COLUMNS: dict[str, dict[str, str]] = {
    "cbp": {"apprehended_on": "date", "station": "text"},
    "ice": {"subject_id": "text", "book_in_on": "date", "facility": "text", "removed_on": "date",
            "removal_country": "text"},
    "orr": {"child_id": "text", "referred_on": "date", "shelter": "text", "discharged_on": "date",
            "discharge_type": "text"},
}  # fmt: skip


def _rows_of(source: str, rank: int) -> str:
    table = RECORD_MODELS[source]._meta.db_table
    columns = [f"r.{column}" for column in PERSON_COLUMNS]
    for other, typed in SOURCE_COLUMNS.items():
        for column, kind in typed.items():
            columns.append(f"r.{column}" if other == source else f"NULL::{kind} AS {column}")
    return (
        f"SELECT {rank} AS source_rank, '{source}' AS source, b.started_at, "  # noqa: S608
        f"r.row_number, l.person_id, {', '.join(columns)} "
        f"FROM {table} r JOIN imports_importbatch b ON b.id = r.batch_id "
        f"JOIN linkage_linkedrecord l ON l.source = '{source}' AND l.record_id = r.record_id"
    )


def create_linked_table() -> None:
    """(Re)create the table for this transaction; it goes when the transaction ends."""
    union = " UNION ALL ".join(_rows_of(source, rank) for source, rank in SOURCE_ORDER.items())
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {LINKED}")
        cursor.execute(
            f"CREATE TEMP TABLE {LINKED} ON COMMIT DROP AS "  # noqa: S608
            "SELECT row_number() OVER (ORDER BY source_rank, started_at, row_number) AS seq, "
            f"linked.* FROM ({union}) linked"
        )
        cursor.execute(f"ANALYZE {LINKED}")


def drop_linked_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {LINKED}")
