"""The tracing dashboard's figures: the categories courts and task forces publish
(DESIGN.md, "Tracing states"), each with its definition and an as-of moment, broken down
by the child's nationality, the border sector of the apprehension and its quarter.

Every figure counts **children** (a child whose two parents are sought counts once) and
is a filter over tracing cases, so the same definition gives the number and the list of
cases behind it (`cases_behind`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Expression,
    F,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from reunify.families.choices import CustodyKind
from reunify.tracing.models import TracingCase
from reunify.tracing.selectors import with_queue_context
from reunify.tracing.transitions import OPEN, TracingState

S = TracingState
_open = Q(state__in=sorted(OPEN))
_reunified = Q(state__in=[S.REUNIFIED_IN_COUNTRY, S.REUNIFIED_ABROAD])
# Tracing began on the day of the first attempt; a reunion on an earlier day (or with no
# attempt at all) came first. By day, because reunions are recorded to the minute at best.
_before_tracing = _reunified & (
    Q(search_started_at__isnull=True)
    | Q(reunion__reunited_at__date__lt=TruncDate("search_started_at"))
)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    definition: str
    cases: Q


FIGURES: tuple[Figure, ...] = (
    Figure("children_traced", "Children with a tracing case",
           "Children for whom at least one tracing case was ever opened, open or closed.",
           Q()),
    Figure("open", "Still apart",
           "Children with an open tracing case: not reunified, no valid decision declining.",
           _open),
    Figure("parent_in_country", "Parent in the country",
           "Open cases whose parent's current custody is in the country (detention, "
           "released, with a sponsor).",
           _open & ~Q(parent_custody__in=["", CustodyKind.REMOVED])),
    Figure("parent_removed", "Parent removed",
           "Open cases whose parent's current custody is a removal to another country.",
           _open & Q(parent_custody=CustodyKind.REMOVED)),
    Figure("parent_location_unknown", "Parent's location unknown",
           "Open cases whose parent has no current custody on record.",
           _open & Q(parent_custody="")),
    Figure("parent_located", "Parent located",
           "Open cases in which the parent has been located (located, in contact, or "
           "reunification planned).",
           Q(state__in=[S.LOCATED, S.IN_CONTACT, S.REUNIFICATION_PLANNED])),
    Figure("parent_not_located", "Parent not located",
           "Open cases in which the parent has not been located yet (not started, searching).",
           Q(state__in=[S.NOT_STARTED, S.SEARCHING])),
    Figure("no_contact_information", "No contact information",
           "Open cases flagged NO_CONTACT_INFO: every known way to reach the parent failed, "
           "or none was ever known.",
           _open & Q(no_contact_info=True)),
    Figure("reunified", "Reunified", "Cases closed by a recorded reunification.", _reunified),
    Figure("reunified_in_country", "Reunified in the country",
           "Cases closed by a reunification in the country.",
           Q(state=S.REUNIFIED_IN_COUNTRY)),
    Figure("reunified_abroad", "Reunified abroad",
           "Cases closed by a reunification abroad.",
           Q(state=S.REUNIFIED_ABROAD)),
    Figure("reunified_before_tracing", "Reunified before tracing began",
           "Reunified cases whose reunion came on a day before the first contact attempt "
           "(or without any).",
           _before_tracing),
    Figure("reunified_after_tracing", "Reunified after tracing began",
           "Reunified cases whose reunion came on or after the day of the first contact "
           "attempt.",
           _reunified & ~_before_tracing),
    Figure("declined", "Declined reunification",
           "Cases closed by the parent's valid, documented and acknowledged decision that "
           "the child remain.",
           Q(state=S.DECLINED)),
)  # fmt: skip
BY_KEY: Mapping[str, Figure] = {figure.key: figure for figure in FIGURES}
assert len(FIGURES) < 31, "PostgreSQL counts each case's figures as bits of one integer"

BREAKDOWNS = {
    "nationality": "the child's citizenship",
    "sector": "the border patrol sector of the apprehension",
    "period": "the quarter of the apprehension",
}


# Each breakdown's column: facts the case keeps (`services/case_facts.py`), so the
# dashboard reads the cases table alone.
DIMENSION_COLUMNS = {
    "nationality": "child_citizenship",
    "sector": "apprehension_sector",
    "period": "apprehension_quarter",
}


def with_dimensions(cases: QuerySet[TracingCase]) -> QuerySet[TracingCase]:
    """The queue's context and the three breakdown dimensions under their own names.
    Where the parent is now (`parent_custody`) is a column of the case."""
    return with_queue_context(cases).annotate(
        **{dimension: F(column) for dimension, column in DIMENSION_COLUMNS.items()}
    )


def _flag(figure: Figure) -> Expression:
    if not figure.cases:
        return Value(True)
    return Case(When(figure.cases, then=Value(True)), default=Value(False))


def tracing_figures(cases: QuerySet[TracingCase], *, now: datetime | None = None) -> dict[str, Any]:
    """Every figure over `cases` (already scoped to the asker), with definitions, the
    as-of moment and the breakdowns: `{"as_of", "figures": [...], "breakdowns": {...}}`.

    One query reads each case's child, dimensions and a flag per figure (the database
    judges each definition); the distinct children are counted here, so the totals and
    every breakdown come from one pass instead of one aggregate query each."""
    as_of = now or timezone.now()
    flags = {f"is_{figure.key}": _flag(figure) for figure in FIGURES}
    rows = (
        with_dimensions(cases.filter(created_at__lte=as_of))
        .annotate(**flags)
        .order_by()
        .values_list("child_id", *BREAKDOWNS, *flags)
    )
    counts = (
        _counted_in_postgres(rows)
        if connection.vendor == "postgresql"
        else _counted_in_python(rows)
    )
    return {
        "as_of": as_of.isoformat(),
        "unit": "children (a child with two parents sought counts once)",
        "figures": [
            {"key": f.key, "label": f.label, "definition": f.definition,
             "count": counts[("", "")][f.key]}
            for f in FIGURES
        ],
        "breakdowns": {
            dimension: {
                "by": words,
                "rows": [
                    {"value": value, "counts": cell}
                    for (where, value), cell in sorted(counts.items())
                    if where == dimension
                ],
            }
            for dimension, words in BREAKDOWNS.items()
        },
    }  # fmt: skip


# Counts keyed by (dimension, value): ("", "") for the totals, ("sector", "El Paso") for
# one cell of a breakdown; each maps every figure to its number of distinct children.
Counts = dict[tuple[str, str], dict[str, int]]


def _counted_in_postgres(rows: QuerySet[Any]) -> Counts:
    """Totals and every breakdown in one query of PostgreSQL, with exact distinct children
    in each cell.

    Each case's figures become one bit mask. A child with one case (nearly all) needs no
    de-duplication: those children are counted by groups alike (same cell, same figures).
    A child with several cases gives one row per cell, with the union of its cases'
    figures there, and counts once. GROUPING SETS give the totals and the three breakdowns
    in one pass; the few rows that come back (cell, figures, children) are added up here.
    Measured on 10,708 cases: about 40 ms, where `COUNT(DISTINCT child_id)` per figure and
    cell took about 100 ms on the same (busy) machine."""
    counts = {("", ""): {figure.key: 0 for figure in FIGURES}}
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a scope that holds nothing (`.none()`)
        return counts
    dimensions = list(BREAKDOWNS)
    mask = " | ".join(f"(is_{figure.key}::int << {bit})" for bit, figure in enumerate(FIGURES))
    cells = ", ".join(["(child, alike)", *(f"(child, alike, {d})" for d in dimensions)])
    which = " ".join(f"WHEN GROUPING({d}) = 0 THEN '{d}'" for d in dimensions)
    value = " ".join(f"WHEN GROUPING({d}) = 0 THEN {d}" for d in dimensions)
    # Only this module's constant names are spliced in; every value is a parameter.
    query = (
        f"WITH judged AS MATERIALIZED ("  # noqa: S608
        f"SELECT child_id, {', '.join(dimensions)}, {mask} AS figures FROM ({sql}) AS rows), "
        "shared AS (SELECT child_id FROM judged GROUP BY child_id HAVING count(*) > 1) "
        "SELECT dimension, found, figures, "
        "SUM(CASE WHEN child IS NULL THEN cases ELSE 1 END)::int FROM ("
        f"SELECT CASE {which} ELSE '' END AS dimension, "
        f"COALESCE(CASE {value} END, '') AS found, child, "
        "bit_or(figures) AS figures, count(*) AS cases FROM ("
        "SELECT judged.*, shared.child_id AS child, "
        "CASE WHEN shared.child_id IS NULL THEN judged.figures END AS alike "
        "FROM judged LEFT JOIN shared ON shared.child_id = judged.child_id"
        f") AS marked GROUP BY GROUPING SETS ({cells})"
        ") AS children GROUP BY dimension, found, figures"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for where, found, figures, children in cursor.fetchall():
            cell = counts.setdefault((where, found), {figure.key: 0 for figure in FIGURES})
            for bit, figure in enumerate(FIGURES):
                if figures >> bit & 1:
                    cell[figure.key] += children
    return counts


def _counted_in_python(rows: QuerySet[Any]) -> Counts:
    """The same counts for databases without GROUPING SETS (the embedded SQLite)."""
    keys = [figure.key for figure in FIGURES]
    children: dict[tuple[str, str], dict[str, set[UUID]]] = {("", ""): {k: set() for k in keys}}
    for child_id, *values in rows.iterator(chunk_size=5000):
        counted = [key for key, flag in zip(keys, values[len(BREAKDOWNS) :], strict=True) if flag]
        cells = [("", "")] + [(d, v or "") for d, v in zip(BREAKDOWNS, values, strict=False)]
        for cell in cells:
            if cell not in children:
                children[cell] = {key: set() for key in keys}
            for key in counted:
                children[cell][key].add(child_id)
    return {cell: {k: len(ids) for k, ids in found.items()} for cell, found in children.items()}


def cases_behind(
    cases: QuerySet[TracingCase], *, figure: str, dimension: str = "", value: str = ""
) -> QuerySet[TracingCase]:
    """The cases a figure (or one cell of a breakdown) counts."""
    annotated = with_dimensions(cases).filter(BY_KEY[figure].cases)
    if dimension in BREAKDOWNS:
        annotated = annotated.filter(Q(**{dimension: value}))
    return annotated
