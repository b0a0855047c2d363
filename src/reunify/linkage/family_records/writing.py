"""Writing the family records of one linkage run: upsert by id, remove what no row says.

Ids come from the extract rows (`record_keys`), so the same records land on the same rows
run after run, and on PostgreSQL a row the run leaves as it was is not written again (no
new row version, no index or constraint work): a rerun after a small import touches
little. Closed separations are written before open ones, so that at no moment do a
parent and child hold two open separations. A row the extracts no longer support is
deleted unless something recorded here points at it; then it stays, and is counted.
"""

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar
from uuid import UUID

from django.db import connection, models, transaction
from django.db.models.base import ModelState
from django.db.models.deletion import ProtectedError, RestrictedError
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from reunify.bulk_copy import columns_of, copy_rows

BATCH = 2000
Model = TypeVar("Model", bound=models.Model)


@dataclass(frozen=True)
class Selected:
    """Rows a PostgreSQL query gives, set-wise, instead of rows built here one by one:
    its columns are the model's concrete fields, in order (`select_list`)."""

    sql: str
    params: Sequence[Any] = ()


def select_list(model: type[models.Model], values: Mapping[str, str]) -> str:
    """A SELECT list giving each of the model's columns, in order, from `values` (SQL
    by attribute name). `created_at` and `updated_at` default to now(); any other field
    missing is an error, so a field added to the model cannot be silently left out."""
    given = {"created_at": "now()", "updated_at": "now()", **values}
    fields = model._meta.concrete_fields
    missing = [f.attname for f in fields if f.attname not in given]
    unknown = given.keys() - {f.attname for f in fields}
    if missing or unknown:
        raise TypeError(
            f"{model.__name__}: no value for {', '.join(missing) or '-'}; "
            f"no field {', '.join(sorted(unknown)) or '-'}"
        )
    quote = connection.ops.quote_name
    return ", ".join(f"{given[f.attname]} AS {quote(f.column)}" for f in fields)


def new(model: type[Model], **values: Any) -> Model:
    """`model(**values)` for values given by attribute name (`person_id`, not `person`),
    built without Django's field-by-field `__init__`: a national refresh builds four
    million rows, and that `__init__` was a third of its time."""
    fixed, made, names = _defaults(model)
    unknown = values.keys() - names
    if unknown:
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    instance = model.__new__(model)
    state = instance.__dict__
    state.update(fixed)
    for name, make in made:
        if name not in values:
            state[name] = make()
    state.update(values)
    state["_state"] = ModelState()
    return instance


@cache
def _defaults(
    model: type[models.Model],
) -> tuple[dict[str, Any], tuple[tuple[str, Callable[[], Any]], ...], frozenset[str]]:
    """Each field's default: fixed values once, callables (new ids, lists) per row."""
    fields = model._meta.concrete_fields
    per_row = [f for f in fields if f.has_default() and callable(f.default)]
    made = tuple((f.attname, f.default) for f in per_row)
    fixed = {f.attname: f.get_default() for f in fields if f not in per_row}
    return fixed, made, frozenset(f.attname for f in fields)


@dataclass(frozen=True)
class Encoded:
    """Rows encoded for COPY ahead of their write (`encoded`), in PostgreSQL's text format
    and the order of the model's concrete fields: a national refresh encodes its units
    and memberships while the server is still busy with persons and custody."""

    chunks: tuple[bytes, ...]


ENCODED_CHUNK = 10_000  # rows to a chunk: the text is built, and sent, a part at a time
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _escaped(text: str) -> str:
    # Tab, newline and carriage return are not printable: most names need no escape.
    if text.isprintable() and "\\" not in text:
        return text
    return text.translate(_COPY_ESCAPES)


def _boolean(value: bool) -> str:
    return "t" if value else "f"


def _uuid(value: UUID | str) -> str:
    """A UUID, or its text (the server refuses text that is none)."""
    if isinstance(value, str):
        return _escaped(value)
    return UUID.__str__(value)


def _json(value: Any) -> str:
    return _escaped(json.dumps(value))


def _file_name(value: FieldFile) -> str:
    """A file by its name, as the ORM saves it ("" for none)."""
    if not isinstance(value, FieldFile):
        raise TypeError(f"a file field holds a FieldFile, not {type(value).__name__}")
    return _escaped(value.name or "")


# How a column's values are written, by the field's type. Each is a type's own method
# where one fits, so that a value of another type fails loudly rather than being written
# as something else.
_TEXT_OF_FIELD: dict[str, Callable[[Any], str]] = {
    "CharField": _escaped,
    "TextField": _escaped,
    "UUIDField": _uuid,
    "JSONField": _json,
    "FileField": _file_name,
    "BooleanField": _boolean,
    "FloatField": float.__repr__,
    "IntegerField": int.__repr__,
    "PositiveIntegerField": int.__repr__,
    "PositiveSmallIntegerField": int.__repr__,
    "DateTimeField": datetime.isoformat,
    "DateField": date.isoformat,
}


def _column_text(field: "models.Field[Any, Any]", now: str) -> Callable[[Any], str]:
    """How `encoded` writes the field's values: times of writing as `now`, null as \\N."""
    if getattr(field, "auto_now", False):
        return lambda _: now
    # A key's values are of its target's type.
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    text = _TEXT_OF_FIELD.get(target.get_internal_type())
    if text is None:
        raise TypeError(f"{field.name}: no COPY text for {target.get_internal_type()} here")
    if getattr(field, "auto_now_add", False):
        return lambda value: now if value is None else text(value)
    if field.null:
        return lambda value: "\\N" if value is None else text(value)
    return text


def encoded(model: type[Model], rows: Iterable[Model]) -> Encoded:
    """`rows` encoded for COPY now, written later (`insert`, `upsert`, `replace`); as
    `_row_values` gives them (times of writing stamped now), in COPY's text format."""
    read = attrgetter(*(field.attname for field in model._meta.concrete_fields))
    return encoded_values(model, map(read, rows))


def encoded_values(model: type[models.Model], rows: Iterable[Sequence[Any]]) -> Encoded:
    """The same of rows given as values in the order of the model's concrete fields."""
    fields = model._meta.concrete_fields
    now = timezone.now().isoformat()
    texts = [_column_text(field, now) for field in fields]
    chunks: list[bytes] = []
    lines: list[str] = []
    for row in rows:
        values = zip(texts, row, strict=True)
        lines.append("\t".join([text(value) for text, value in values]) + "\n")
        if len(lines) == ENCODED_CHUNK:
            chunks.append("".join(lines).encode())
            lines = []
    if lines:
        chunks.append("".join(lines).encode())
    return Encoded(tuple(chunks))


Rows = Iterable[Model] | Selected | Encoded


def upsert(
    model: type[Model], rows: Rows[Model], existing: models.QuerySet[Model] | None = None
) -> None:
    """Insert new rows and overwrite existing ones (same id) with what the extracts say,
    all but `created_at`. On PostgreSQL by COPY into a temporary table, then one INSERT
    that updates only the rows whose values differ.

    `existing` holds every row this write could overwrite: when it is empty (a first
    run), the rows are copied straight into the table, sparing a copy and a join."""
    if existing is not None and not existing.exists():
        _write(model, rows, overwrite=False)
        return
    _write(model, rows, overwrite=True)


def insert(model: type[Model], rows: Rows[Model]) -> None:
    _write(model, rows, overwrite=False)


def _write(model: type[Model], rows: Rows[Model], *, overwrite: bool) -> None:
    """`rows` may be a generator: on PostgreSQL they stream into COPY, and a national
    run never holds them all at once. `Selected` rows never leave the database."""
    fields = model._meta.concrete_fields
    # `created_at` says when Reunify first knew the record: an overwrite keeps it.
    overwritten = [f for f in fields if not f.primary_key and f.name != "created_at"]
    if connection.vendor != "postgresql":
        if isinstance(rows, Selected | Encoded):
            raise TypeError("rows selected by SQL or encoded for COPY are for PostgreSQL only")
        listed = list(rows)
        for start in range(0, len(listed), BATCH):
            batch = listed[start : start + BATCH]
            if overwrite:
                model._default_manager.bulk_create(
                    batch,
                    update_conflicts=True,
                    unique_fields=["id"],
                    update_fields=[f.name for f in overwritten],
                )
            else:
                model._default_manager.bulk_create(batch)
        return
    if not overwrite:
        _fill(model, rows, connection.ops.quote_name(model._meta.db_table))
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    assignments = ", ".join(f"{quote(f.column)} = EXCLUDED.{quote(f.column)}" for f in overwritten)
    with connection.cursor() as cursor, _staged(model, rows) as staged:
        # Names only, from the model's own metadata: no value is spliced in.
        cursor.execute(
            f"INSERT INTO {table} ({columns_of(model)}) "  # noqa: S608
            f"SELECT {columns_of(model)} FROM {staged} "
            f"ON CONFLICT (id) DO UPDATE SET {assignments} "
            f"WHERE {_differs(model, table, 'EXCLUDED')}"
        )


def replace(model: type[Model], rows: Rows[Model], existing: models.QuerySet[Model]) -> None:
    """Make the `existing` rows exactly `rows`: those no longer said and those changed are
    deleted, then the changed and new ones inserted. Unlike an upsert, no row is updated
    in place, so constraints between rows (one open custody episode per person, no two
    overlapping) never see a half-moved timeline."""
    if connection.vendor != "postgresql":
        existing.delete()
        insert(model, rows)  # refuses `Selected` and `Encoded` rows
        return
    if not existing.exists():  # a first run: nothing to compare with
        insert(model, rows)
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    within, params = existing.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor, _staged(model, rows) as staged:
        cursor.execute(f"ANALYZE {table}")  # the last run may have rewritten it
        cursor.execute(
            f"DELETE FROM {table} WHERE id IN ({within}) AND NOT EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {staged} WHERE {staged}.id = {table}.id "
            f"AND NOT ({_differs(model, table, staged)}))",
            params,
        )
        # What is left under a staged id is a row kept as it was. (Not an anti-join: on
        # a table the planner takes for empty that became a nested loop, each staged row
        # scanning every row inserted before it.)
        cursor.execute(
            f"INSERT INTO {table} ({columns_of(model)}) "  # noqa: S608
            f"SELECT {columns_of(model)} FROM {staged} ON CONFLICT (id) DO NOTHING"
        )


def _fill(model: type[Model], rows: Rows[Model], table: str) -> None:
    """Write `rows` into `table` (quoted, with the model's columns): by COPY, or by
    INSERT … SELECT for rows selected by SQL."""
    if isinstance(rows, Encoded):
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({columns_of(model)}) FROM STDIN") as copy,
        ):
            for chunk in rows.chunks:
                copy.write(chunk)
        return
    if isinstance(rows, Selected):
        with connection.cursor() as cursor:
            # No parameters, no placeholders: a query of constants keeps any "%" it has.
            cursor.execute(
                f"INSERT INTO {table} ({columns_of(model)}) {rows.sql}",
                rows.params or None,
            )
        return
    copy_rows(model, map(_row_values(model, timezone.now()), rows), into=table)


@contextmanager
def _staged(model: type[Model], rows: Rows[Model]) -> Iterator[str]:
    """A temporary table like the model's holding `rows`; its quoted name."""
    quote = connection.ops.quote_name
    staged = quote(f"refresh_{model._meta.db_table}")
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE {staged} (LIKE {quote(model._meta.db_table)} INCLUDING DEFAULTS) "
            "ON COMMIT DROP"
        )
        _fill(model, rows, staged)
        cursor.execute(f"ANALYZE {staged}")
        yield staged
        cursor.execute(f"DROP TABLE {staged}")


def _differs(model: type[models.Model], table: str, other: str) -> str:
    """SQL: the row of `table` says something the row of `other` does not (the times
    a row was written aside)."""
    quote = connection.ops.quote_name
    said = [
        quote(f.column)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in ("created_at", "updated_at")
    ]
    mine = ", ".join(f"{table}.{column}" for column in said)
    theirs = ", ".join(f"{other}.{column}" for column in said)
    return f"ROW({mine}) IS DISTINCT FROM ROW({theirs})"


def _row_values(model: type[models.Model], now: datetime) -> Callable[[Any], Sequence[Any]]:
    """A row's values in the order of the model's concrete fields, as the ORM would save
    them: files by name, `auto_now` stamped, `auto_now_add` stamped when unset."""
    fields = model._meta.concrete_fields
    read = attrgetter(*(field.attname for field in fields))
    stamped = [i for i, f in enumerate(fields) if getattr(f, "auto_now", False)]
    first_stamped = [i for i, f in enumerate(fields) if getattr(f, "auto_now_add", False)]
    files = [i for i, f in enumerate(fields) if isinstance(f, models.FileField)]
    if not (stamped or first_stamped or files):
        return read

    def values(row: Any) -> Sequence[Any]:
        found = list(read(row))
        for i in stamped:
            found[i] = now
        for i in first_stamped:
            found[i] = found[i] or now
        for i in files:
            found[i] = found[i].name or ""
        return found

    return values


def remove_stale(
    model: type[models.Model], candidates: models.QuerySet[Any], keep: Iterable[UUID]
) -> int:
    """Delete the candidates not in `keep`, sparing rows others point at.

    Returns how many were spared."""
    stale = sorted(set(candidates.values_list("pk", flat=True)) - set(keep))
    spared = 0
    for start in range(0, len(stale), BATCH):
        chunk = stale[start : start + BATCH]
        try:
            with transaction.atomic():
                model._default_manager.filter(pk__in=chunk).delete()
        except (ProtectedError, RestrictedError):
            for pk in chunk:
                try:
                    with transaction.atomic():
                        model._default_manager.filter(pk=pk).delete()
                except (ProtectedError, RestrictedError):
                    spared += 1
    return spared


@contextmanager
def keys_checked_whole(written: Sequence[type[models.Model]]) -> Iterator[None]:
    """Check the foreign keys between the `written` tables once, as whole tables, rather
    than row by row as rows arrive; for a first load (PostgreSQL; elsewhere nothing).

    Each key is dropped, and added back once the block has written its rows: adding a
    key checks every row in one join, where a national first load queued five million
    single-row checks for the commit (45 s of it). Dropping a key locks its tables until
    the transaction ends; on a failure the transaction undoes the drop with the rest."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in written]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid::regclass::text = ANY(%s) AND confrelid::regclass::text = ANY(%s) "
            "ORDER BY 1, 2",
            [tables, tables],
        )
        keys = cursor.fetchall()
    statements = [
        (
            f"ALTER TABLE {table} DROP CONSTRAINT {name}",
            f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}",
        )
        for table, name, definition in keys
    ]
    with _dropped_then_made_again(statements):
        yield


@contextmanager
def _dropped_then_made_again(statements: Sequence[tuple[str, str]]) -> Iterator[None]:
    """Run each pair's first statement (a drop) now and its second (making the thing
    again) once the block has run; not if it fails, leaving that to the transaction.

    A table with row checks still queued (keys, deferred to the commit) cannot be
    altered: they run first, as the commit would, and what follows is deferred again."""

    def each(which: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for pair in statements:
                cursor.execute(pair[which])
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    each(0)
    yield
    each(1)


@contextmanager
def indexes_built_whole(written: Sequence[type[models.Model]]) -> Iterator[None]:
    """Build the indexes of the `written` tables once, over whole tables, rather than
    entry by entry as rows arrive; for a first load (PostgreSQL; elsewhere nothing).

    Each index, unique and exclusion constraints included, is dropped and made again once
    the block has written its rows: a national first load's languages, identifiers and
    custody spent 36 s keeping theirs up row by row, 14 s building them whole; custody's
    exclusion constraint alone took 37 s filled row by row into a new index, about 20 s
    built whole. An index a foreign key depends on stays. Inside a `keys_checked_whole`
    block, the indexes of its keys come back before the keys are added back. A row a
    constraint forbids fails the block when its constraint comes back; a failure leaves
    it all to the transaction's undoing."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in written]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, "
            "quote_ident(c.conname), "
            "coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) "
            "FROM pg_index i LEFT JOIN pg_constraint c "
            "ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
            "AND c.contype IN ('p', 'u', 'x') "
            "WHERE i.indrelid::regclass::text = ANY(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint f "
            "WHERE f.contype = 'f' AND f.conindid = i.indexrelid) ORDER BY 1, 2",
            [tables],
        )
        indexes = cursor.fetchall()
    statements = [
        (f"DROP INDEX {index}", definition)
        if constraint is None
        else (
            f"ALTER TABLE {table} DROP CONSTRAINT {constraint}",
            f"ALTER TABLE {table} ADD CONSTRAINT {constraint} {definition}",
        )
        for table, index, constraint, definition in indexes
    ]
    with _dropped_then_made_again(statements):
        yield
