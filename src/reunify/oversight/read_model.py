"""The removals report read from the database: a handful of set-wise queries, then the
pure rules.

Reads only the families, elections and removals tables, so records recorded live and
records imported from agency extracts and linked are judged alike. On PostgreSQL one
statement (`report_sql`) gathers every removed parent's facts; elsewhere the ORM path
below sends one query per table for all removed parents at once (never a query per
parent). Either way `gathered.report_from` judges each governing election with
`elections.facts` and `elections.validity` and classifies it (`classification`).
docs/oversight-method.md explains each step for an outside auditor.

As of a day, a row counts only if it was recorded by the end of that day (`created_at`)
and what it records had happened by then (its event time); acknowledgments, withdrawals
and reunions count from when they were recorded.
"""

from collections import defaultdict
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from django.db import connection
from django.db.models import QuerySet

from reunify.elections.models import Election, Notice
from reunify.families.choices import CustodyKind
from reunify.families.models import CustodyEpisode, Person, PersonLanguage, Separation
from reunify.oversight.counted_removals import (
    CountedRemoval,
    Removal,
    SeparationSpan,
    counted_removal,
)
from reunify.oversight.filters import ReportFilters
from reunify.oversight.gathered import (
    ELECTION_FIELDS,
    NOTICE_FIELDS,
    GatheredParent,
    report_from,
    with_facility,
)
from reunify.oversight.id_sets import one_of
from reunify.oversight.report import RemovalsReport
from reunify.removals.models import GateOverride, OverrideStatus, RemovalPlan, RemovalStatus


def _known_by(rows: QuerySet[Any], cut: datetime | None, *event_fields: str) -> QuerySet[Any]:
    """Rows recorded before `cut` whose events happened before it; all rows without one.
    Unordered: a model's default ordering would sort (and join) for nothing."""
    rows = rows.order_by()
    if cut is None:
        return rows
    conditions = {"created_at__lt": cut} | {f"{name}__lt": cut for name in event_fields}
    return rows.filter(**conditions)


def removal_episodes(cut: datetime | None) -> QuerySet[CustodyEpisode]:
    return _known_by(CustodyEpisode.objects.filter(kind=CustodyKind.REMOVED), cut, "started_at")


def _known(moment: datetime | None, recorded: datetime | None, cut: datetime | None) -> bool:
    if moment is None:
        return False
    if cut is None:
        return True
    return moment < cut and (recorded is None or recorded < cut)


def removals_report(
    filters: ReportFilters | None = None,
    *,
    now: datetime | None = None,
    use_sql: bool | None = None,
) -> RemovalsReport:
    """The report over every removal the database knows (as of `filters.as_of`).
    `use_sql` picks the reader; by default the one statement on PostgreSQL."""
    filters = filters or ReportFilters()
    if use_sql is None:
        use_sql = connection.vendor == "postgresql"
    if use_sql:
        from reunify.oversight.report_sql import gathered_by_sql

        gathered = gathered_by_sql(filters.cut)
    else:
        gathered = gathered_by_orm(filters.cut)
    return report_from(gathered, filters, now=now)


def gathered_by_orm(cut: datetime | None) -> list[GatheredParent]:
    # Everyone removed, children too: a child on the parent's flight is not left behind.
    on_flight: dict[tuple[datetime, str], set[UUID]] = defaultdict(set)
    removals_of: dict[UUID, list[Removal]] = defaultdict(list)
    for person_id, started_at, country in removal_episodes(cut).values_list(
        "person_id", "started_at", "country"
    ):
        removal = Removal(person_id, started_at, country)
        on_flight[removal.flight].add(person_id)
        removals_of[person_id].append(removal)
    removed_on_flight = {flight: frozenset(ids) for flight, ids in on_flight.items()}

    spans_of = _separations_of(list(removals_of), cut)
    counted: dict[UUID, CountedRemoval] = {}
    for parent_id, spans in spans_of.items():
        found = counted_removal(removals_of[parent_id], spans, removed_on_flight)
        if found is not None:
            counted[parent_id] = found
    parents = list(counted)

    held_at = _held_before(counted, cut)
    nationality_of = dict(
        Person.objects.filter(pk__in=one_of(parents)).order_by().values_list("pk", "citizenship")
    )
    latest = _latest_elections(parents, cut)
    named = _children_named(latest)
    notices = _notices(latest)
    spoken = _languages(parents, cut)
    overrides = _overrides(parents, cut)
    gathered = []
    for parent_id, found in counted.items():
        election = latest.get(parent_id)
        apart: frozenset[UUID] = frozenset()
        if election is not None:
            apart = frozenset(
                cast(UUID, span.child_id)
                for span in spans_of[parent_id]
                if span.apart_when_made(election["made_at"])
            )
        gathered.append(
            GatheredParent(
                person_id=parent_id,
                removal=with_facility(found.removal, held_at.get(parent_id)),
                children_left=tuple(cast(UUID, child) for child in found.children_left),
                nationality=nationality_of.get(parent_id, ""),
                election=election,
                notice=notices.get(election["notice_id"]) if election else None,
                children_named=frozenset(named.get(election["id"], ()))
                if election
                else frozenset(),
                spoken=frozenset(spoken.get(parent_id, ())),
                apart_when_elected=apart,
                override_justifications=overrides.get((parent_id, found.removal.at)),
            )
        )
    return gathered


def _separations_of(removed: list[UUID], cut: datetime | None) -> dict[UUID, list[SeparationSpan]]:
    """The separations in which each removed person is the parent, reunions as known."""
    spans_of: dict[UUID, list[SeparationSpan]] = defaultdict(list)
    for parent_id, child_id, separated_at, reunited_at, reunion_recorded in _known_by(
        Separation.objects.filter(parent_id__in=one_of(removed)), cut, "separated_at"
    ).values_list(
        "parent_id", "child_id", "separated_at", "reunion__reunited_at", "reunion__created_at"
    ):
        reunited = reunited_at if _known(reunited_at, reunion_recorded, cut) else None
        spans_of[parent_id].append(SeparationSpan(child_id, separated_at, reunited))
    return spans_of


def _held_before(counted: dict[UUID, CountedRemoval], cut: datetime | None) -> dict[UUID, str]:
    """The facility of each parent's latest custody episode with one that began before the
    counted removal."""
    latest: dict[UUID, tuple[datetime, str]] = {}
    for person_id, started_at, name in _known_by(
        CustodyEpisode.objects.filter(person_id__in=one_of(list(counted)), facility__isnull=False),
        cut,
        "started_at",
    ).values_list("person_id", "started_at", "facility__name"):
        if started_at < counted[person_id].removal.at and (
            person_id not in latest or started_at > latest[person_id][0]
        ):
            latest[person_id] = (started_at, name)
    return {person_id: name for person_id, (_, name) in latest.items()}


def _latest_elections(parents: list[UUID], cut: datetime | None) -> dict[UUID, dict[str, Any]]:
    """Each parent's governing election: the latest by when it was made (then by when it
    was recorded), as `elections.facts.latest_election_of` picks it."""
    latest: dict[UUID, dict[str, Any]] = {}
    for values in _known_by(
        Election.objects.filter(parent_id__in=one_of(parents)), cut, "made_at"
    ).values(*ELECTION_FIELDS):
        parent_id = values["parent_id"]
        current = latest.get(parent_id)
        if current is None or (values["made_at"], values["created_at"]) > (
            current["made_at"],
            current["created_at"],
        ):
            latest[parent_id] = values
    return latest


def _children_named(latest: dict[UUID, dict[str, Any]]) -> dict[UUID, set[UUID]]:
    named: dict[UUID, set[UUID]] = defaultdict(set)
    covering = Election.children.through
    for election_id, child_id in (
        covering.objects.filter(election_id__in=one_of([v["id"] for v in latest.values()]))
        .order_by()
        .values_list("election_id", "person_id")
    ):
        named[election_id].add(child_id)
    return named


def _notices(latest: dict[UUID, dict[str, Any]]) -> dict[UUID, dict[str, Any]]:
    notice_ids = [values["notice_id"] for values in latest.values() if values["notice_id"]]
    return {
        values["id"]: values
        for values in Notice.objects.filter(pk__in=one_of(notice_ids))
        .order_by()
        .values(*NOTICE_FIELDS)
    }


def _languages(parents: list[UUID], cut: datetime | None) -> dict[UUID, set[str]]:
    spoken: dict[UUID, set[str]] = defaultdict(set)
    for person_id, code in _known_by(
        PersonLanguage.objects.filter(person_id__in=one_of(parents)), cut
    ).values_list("person_id", "code"):
        spoken[person_id].add(code)
    return spoken


def _overrides(
    parents: list[UUID], cut: datetime | None
) -> dict[tuple[UUID, datetime], tuple[str, ...]]:
    """Executed removals that passed the gate by an override, by (parent, moment), with the
    justifications of the overrides granted for them."""
    plans = _known_by(
        RemovalPlan.objects.filter(
            parent_id__in=one_of(parents),
            status=RemovalStatus.EXECUTED,
            passed_by_override=True,
        ),
        cut,
        "executed_at",
    )
    justifications: dict[UUID, list[str]] = defaultdict(list)
    for plan_id, justification in (
        GateOverride.objects.filter(plan__in=plans.values("id"), status=OverrideStatus.GRANTED)
        .order_by("decided_at")
        .values_list("plan_id", "justification")
    ):
        justifications[plan_id].append(justification)
    return {
        (parent_id, executed_at): tuple(justifications.get(plan_id, ()))
        for plan_id, parent_id, executed_at in plans.values_list("id", "parent_id", "executed_at")
    }


def names_of(report: RemovalsReport) -> dict[str, str]:
    """Each counted parent's full name, by person id."""
    ids = [cast(UUID, parent.person_id) for parent in report.parents]
    return {
        str(pk): " ".join(part for part in (given, first, second) if part)
        for pk, given, first, second in Person.objects.filter(pk__in=one_of(ids))
        .order_by()
        .values_list("pk", "given_names", "first_surname", "second_surname")
    }
