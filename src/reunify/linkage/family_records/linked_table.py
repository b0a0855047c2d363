"""The imported rows of every linked person as one temporary table, for writing family
records set-wise on PostgreSQL (`persons_sql`, `custody_sql`).

It holds what `linked_rows` reads, from all three sources at once, with `seq`: the order
in which the Python rules meet the rows (border records first, then detention, then
shelter; each in the order of its import batches and rows), the order ties are broken by.
The rules still written in Python read their rows from it too (`linked_rows_of_table`).
"""

from django.db import connection

from reunify.imports.models import RECORD_MODELS
from reunify.linkage.family_records.linked_rows import COLUMNS_OF
from reunify.linkage.family_records.persons import SOURCE_ORDER

LINKED = "family_records_linked"


def _every_column() -> dict[str, str]:
    """Each column any source's rows have, with its SQL type (for the others' nulls)."""
    typed: dict[str, str] = {}
    for source, columns in COLUMNS_OF.items():
        fields = {field.attname: field for field in RECORD_MODELS[source]._meta.concrete_fields}
        for column in columns:
            typed.setdefault(column, fields[column].db_type(connection) or "text")
    return typed


def _rows_of(source: str, rank: int) -> str:
    table = RECORD_MODELS[source]._meta.db_table
    own = COLUMNS_OF[source]
    columns = [
        f"r.{column}" if column in own else f"NULL::{kind} AS {column}"
        for column, kind in _every_column().items()
    ]
    return (
        f"SELECT {rank} AS source_rank, '{source}' AS source, b.started_at, "  # noqa: S608
        f"r.row_number, l.person_id, '{source}:' || r.record_id AS source_record, "
        f"{', '.join(columns)} "
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
