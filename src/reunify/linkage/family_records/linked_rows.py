"""The imported rows of every linked person, read once, as plain values.

A row holds the extract model's standardised columns plus `person_id` (the linked
person) and `source_record` ("cbp:<record_id>"), read by name: `row["station"]`. Rows not
linked to a person (there are none after a run, but an import after the last run leaves
some) are skipped.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol
from uuid import UUID

from django.db import connection

from reunify.db_beside import connection_apart
from reunify.imports.models import RECORD_MODELS, CbpRecord, IceRecord, OrrRecord
from reunify.linkage.models import LinkedRecord

CHUNK = 5000


class Row(Protocol):
    """What the family-records code reads of a row: a value by column name. A `dict`
    is one (tests build rows so)."""

    def __getitem__(self, column: str, /) -> Any: ...


class _NamedValues(tuple[Any, ...]):
    """A tuple read by column name. A national run holds a million rows at once; a
    tuple of 21 values takes 208 bytes where a dictionary of them took 464."""

    __slots__ = ()
    positions: ClassVar[dict[str, int]]

    def __getitem__(self, column: str) -> Any:  # type: ignore[override]
        return tuple.__getitem__(self, self.positions[column])


def _row_type(source: str, columns: tuple[str, ...]) -> type[_NamedValues]:
    positions = {column: index for index, column in enumerate(columns)}
    return type(f"{source.title()}Row", (_NamedValues,), {"__slots__": (), "positions": positions})


PERSON_COLUMNS = (
    "record_id",
    "given_names",
    "first_surname",
    "second_surname",
    "birth_date",
    "birth_date_ambiguous",
    "sex",
    "citizenship",
    "a_number",
    "languages",
)
CBP_COLUMNS = (
    *PERSON_COLUMNS,
    "event_id",
    "family_group",
    "apprehended_on",
    "station",
    "relationship",
    "separated",
    "separation_reason",
)
ICE_COLUMNS = (
    *PERSON_COLUMNS,
    "subject_id",
    "book_in_on",
    "facility",
    "removed_on",
    "removal_country",
    "election",
    "election_form",
    "election_on",
    "notice_language",
    "interpreter_language",
    "counsel_advised",
)
ORR_COLUMNS = (
    *PERSON_COLUMNS,
    "child_id",
    "referred_on",
    "shelter",
    "discharged_on",
    "discharge_type",
)


COLUMNS_OF = {"cbp": CBP_COLUMNS, "ice": ICE_COLUMNS, "orr": ORR_COLUMNS}


@dataclass(frozen=True)
class LinkedRows:
    cbp: list[Row]
    ice: list[Row]
    orr: list[Row]

    def every_row(self) -> Iterator[tuple[str, Row]]:
        for source, rows in (("cbp", self.cbp), ("ice", self.ice), ("orr", self.orr)):
            for row in rows:
                yield source, row


def persons_of_records() -> dict[str, UUID]:
    return {
        f"{source}:{record_id}": person_id
        for source, record_id, person_id in LinkedRecord.objects.values_list(
            "source", "record_id", "person_id"
        ).iterator(chunk_size=CHUNK)
    }


def _given_persons(
    source: str,
    columns: tuple[str, ...],
    keyed: Iterator[tuple[str, tuple[Any, ...]]],
    persons: Mapping[str, UUID],
) -> list[Row]:
    """Rows of `columns` (each given with its record id) with their person from
    `persons` and their "source:record_id" added; rows of records not in it skipped."""
    row_type = _row_type(source, (*columns, "person_id", "source_record"))
    found: list[Row] = []
    for record_id, values in keyed:
        key = f"{source}:{record_id}"
        person = persons.get(key)
        if person is not None:
            found.append(row_type((*values, person, key)))
    return found


def linked_rows() -> LinkedRows:
    persons = persons_of_records()

    def rows(source: str, model: Any, columns: tuple[str, ...]) -> list[Row]:
        record_id_at = columns.index("record_id")
        read = (
            model.objects.order_by("batch__started_at", "row_number")
            .values_list(*columns)
            .iterator(chunk_size=CHUNK)
        )
        keyed = ((values[record_id_at], values) for values in read)
        return _given_persons(source, columns, keyed, persons)

    return LinkedRows(
        cbp=rows("cbp", CbpRecord, CBP_COLUMNS),
        ice=rows("ice", IceRecord, ICE_COLUMNS),
        orr=rows("orr", OrrRecord, ORR_COLUMNS),
    )


# What the rules still written in Python read on PostgreSQL, where persons and custody
# are selected set-wise: each border row's apprehension (units and separations), and only
# the detention and shelter rows that may make a reunion or an election. The filters are
# looser than the rules (`reunions`, `elections`), which still judge each row.
UNIT_COLUMNS = (
    "record_id", "event_id", "family_group", "apprehended_on", "station", "separated",
    "separation_reason",
)  # fmt: skip
FOR_THE_RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "cbp": (UNIT_COLUMNS, "true"),
    "ice": (
        ("removed_on", "removal_country", "election", "election_form", "election_on",
         "notice_language", "interpreter_language", "counsel_advised"),
        "removed_on IS NOT NULL OR election <> ''",
    ),
    "orr": (
        ("discharge_type", "discharged_on", "shelter"),
        "discharge_type = 'REUNIFIED_WITH_PARENT'",
    ),
}  # fmt: skip


def linked_rows_of_table(table: str) -> LinkedRows:
    """The rows the Python rules need (`FOR_THE_RULES`), from the linked rows' table
    (`linked_table`, PostgreSQL): one pass over rows already joined to their persons, in
    the same order as `linked_rows`."""

    def rows(source: str) -> list[Row]:
        wanted, where = FOR_THE_RULES[source]
        columns = (*wanted, "person_id", "source_record")
        row_type = _row_type(source, columns)
        with connection.chunked_cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(columns)} FROM {table} "  # noqa: S608
                f"WHERE source = %s AND ({where}) ORDER BY seq",
                [source],
            )
            found: list[Row] = []
            while chunk := cursor.fetchmany(CHUNK):
                found.extend(map(row_type, chunk))
        return found

    return LinkedRows(cbp=rows("cbp"), ice=rows("ice"), orr=rows("orr"))


def linked_rows_apart(persons: Mapping[str, UUID]) -> LinkedRows:
    """The same rows as `linked_rows_of_table`, read from the staged records on a
    connection of its own (`connection_apart`), each row given its person here from
    `persons` (a record's "source:record_id" → its person; records not in it are
    skipped, as the table holds only linked ones).

    For a linkage run, which knows its persons before it commits them: this connection
    builds the linked rows' table meanwhile. The rows are those committed, which a run
    reads its records from too."""

    def rows(source: str, apart: Any) -> list[Row]:
        wanted, where = FOR_THE_RULES[source]
        table = RECORD_MODELS[source]._meta.db_table
        selected = ", ".join(f"r.{column}" for column in wanted)
        with apart.cursor(name=f"reunify_rows_apart_{source}") as cursor:
            cursor.itersize = CHUNK
            # The order of the linked rows' table (`seq`) within a source.
            cursor.execute(
                f"SELECT r.record_id, {selected} FROM {table} r "  # noqa: S608
                "JOIN imports_importbatch b ON b.id = r.batch_id "
                f"WHERE ({where}) ORDER BY b.started_at, r.row_number"
            )
            keyed = ((record_id, tuple(values)) for record_id, *values in cursor)
            return _given_persons(source, wanted, keyed, persons)

    with connection_apart() as apart:
        return LinkedRows(cbp=rows("cbp", apart), ice=rows("ice", apart), orr=rows("orr", apart))
