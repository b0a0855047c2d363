"""The facts a tracing case keeps from other tables: the child's citizenship, the border
sector and quarter of the apprehension, and where the parent is now (the kind and country
of their open custody episode).

They are copies, kept so the work queue and the dashboard read the cases table alone
(issue 6: under 150 ms at the 95th percentile over 10,000 open cases; joining every case
to persons, family units and custody episodes cost most of that). Copies need keeping:

- a case takes them when it opens (`case_facts_at_opening`, or `kept_facts` with
  `open_custody_of` for many cases at once);
- a custody move updates the cases seeking that person, in the move's own transaction
  (`tracing_cases_follow_custody`, called by `families.services.custody_move`, which a
  removal's execution goes through);
- code that rewrites persons, family units or custody in bulk (the family-records refresh
  of a linkage run) calls `tracing_cases_refresh_denormalised()` in its transaction.

They are derived, not recorded: no history entry of their own; the custody move or the
refresh that changed the source writes that.
"""

from collections.abc import Collection
from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField, F, FilteredRelation, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, ExtractQuarter, ExtractYear
from django.utils import timezone

from reunify.families.models import CustodyEpisode, Facility, FamilyUnit, Person
from reunify.tracing.models import TracingCase

KEPT_FIELDS = (
    "child_citizenship",
    "apprehension_sector",
    "apprehension_quarter",
    "parent_custody",
    "parent_country",
)


def quarter_of(moment: datetime) -> str:
    """'2018-Q2': the quarter of `moment` in the local time zone, as the database's
    `ExtractQuarter` reads it."""
    local = timezone.localtime(moment)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def kept_facts(
    *, citizenship: str, sector: str | None, apprehended_at: datetime, custody: tuple[str, str]
) -> dict[str, str]:
    """The kept facts of a case, from the child's citizenship, the station's sector (None
    when the unit has no station), the apprehension and the parent's open custody (kind
    and country, blank when none)."""
    kind, country = custody
    return {
        "child_citizenship": citizenship,
        "apprehension_sector": sector or "",
        "apprehension_quarter": quarter_of(apprehended_at),
        "parent_custody": kind,
        "parent_country": country,
    }


NO_CUSTODY = ("", "")


def open_custody_of(parent_ids: QuerySet[Any]) -> dict[UUID, tuple[str, str]]:
    """The kind and country of the open custody episode (at most one) of each person
    `parent_ids` (a query of ids) names, in one query; persons with none are left out."""
    return {
        person_id: (kind, country)
        for person_id, kind, country in CustodyEpisode.objects.filter(
            person_id__in=parent_ids, ended_at__isnull=True
        )
        .order_by()
        .values_list("person_id", "kind", "country")
    }


def case_facts_at_opening(
    *, child: Person, parent: Person, family_unit: FamilyUnit
) -> dict[str, str]:
    """The kept facts for a case about to open (one query for the parent's custody, and
    one for the station unless the unit came with it)."""
    custody = (
        CustodyEpisode.objects.filter(person_id=parent.pk, ended_at__isnull=True)
        .values_list("kind", "country")
        .first()
    ) or NO_CUSTODY
    station = family_unit.station
    return kept_facts(
        citizenship=child.citizenship,
        sector=station.sector if station is not None else None,
        apprehended_at=family_unit.apprehended_at,
        custody=custody,
    )


def _fresh_facts(cases: QuerySet[TracingCase]) -> QuerySet[Any]:
    """Each case's id and its facts as their tables hold them now: joins to the child,
    the unit and its station, and the parent's open custody episode (at most one)."""
    quarter = Concat(
        ExtractYear("family_unit__apprehended_at"),
        Value("-Q"),
        ExtractQuarter("family_unit__apprehended_at"),
        output_field=CharField(),
    )
    # Blank, not NULL, for "none": the kept columns are NOT NULL and compare with `<>`.
    fresh = {
        "child_citizenship": F("child__citizenship"),
        "apprehension_sector": Coalesce(F("family_unit__station__sector"), Value("")),
        "apprehension_quarter": quarter,
        "parent_custody": Coalesce(F("open_custody__kind"), Value("")),
        "parent_country": Coalesce(F("open_custody__country"), Value("")),
    }
    return (
        cases.annotate(
            open_custody=FilteredRelation(
                "parent__custody_episodes",
                condition=Q(parent__custody_episodes__ended_at__isnull=True),
            )
        )
        .annotate(**{f"fresh_{field}": source for field, source in fresh.items()})
        .order_by()
        .values_list("pk", *(f"fresh_{field}" for field in KEPT_FIELDS))
    )


def tracing_cases_refresh_denormalised(*, parent_ids: Collection[UUID] | None = None) -> int:
    """Recompute every case's kept facts from their tables, in one UPDATE that joins them
    and writes only the cases whose facts changed; the number of cases written.

    `parent_ids` limits it to the cases seeking those persons. Closed cases are kept too:
    the dashboard breaks their counts down by nationality, sector and quarter. Runs in
    the caller's transaction."""
    cases = TracingCase.objects.all()
    if parent_ids is not None:
        cases = cases.filter(parent_id__in=list(parent_ids))
    else:
        _analyze_joined_tables()
    try:
        select, params = _fresh_facts(cases).query.sql_with_params()
    except EmptyResultSet:  # no parent asked for
        return 0
    table = connection.ops.quote_name(TracingCase._meta.db_table)
    columns = {field: connection.ops.quote_name(f"fresh_{field}") for field in KEPT_FIELDS}
    kept = {field: connection.ops.quote_name(field) for field in KEPT_FIELDS}
    assignments = ", ".join(f"{kept[f]} = fresh.{columns[f]}" for f in KEPT_FIELDS)
    changed = " OR ".join(f"{table}.{kept[f]} <> fresh.{columns[f]}" for f in KEPT_FIELDS)
    # Only quoted names of this module's own columns are spliced in; values are parameters.
    update = (
        f"UPDATE {table} SET {assignments} FROM ({select}) AS fresh "  # noqa: S608
        f"WHERE {table}.id = fresh.pk AND ({changed})"
    )
    with connection.cursor() as cursor:
        cursor.execute(update, params)
        written: int = cursor.rowcount
    return written


# The tables the refresh of every case joins.
_JOINED = (TracingCase, Person, FamilyUnit, Facility, CustodyEpisode)


def _analyze_joined_tables() -> None:
    """Fresh statistics before refreshing every case. Its callers have just written
    these tables in bulk (a linkage run, the sweep, a demo world), often in this very
    transaction; on statistics that still said "empty" PostgreSQL joined them by nested
    loops, minutes for a few thousand cases (a test world hung a suite). ANALYZE counts
    the transaction's own new rows; it samples, so a national table takes about a second."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in _JOINED)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def tracing_cases_follow_custody(*, person_id: UUID) -> None:
    """The cases seeking `person_id` take their new custody: called inside the custody
    move's transaction, after the new episode is written."""
    tracing_cases_refresh_denormalised(parent_ids=[person_id])
