"""The removals report read from the database: a handful of set-wise queries, then the
pure rules.

Reads only the families, elections and removals tables, so records recorded live and
records imported from agency extracts and linked are judged alike. Each query fetches
plain values for every removed parent at once (never a query per parent: 200,000
removals must report in seconds); `counted_removals`, `elections.facts`,
`elections.validity` and `classification` then decide in pure code. docs/oversight-method.md
explains each step for an outside auditor.

As of a day, a row counts only if it was recorded by the end of that day (`created_at`)
and what it records had happened by then (its event time); acknowledgments, withdrawals
and reunions count from when they were recorded.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from reunify.elections.facts import election_facts, rules_the_record_cannot_show
from reunify.elections.models import Election, Notice
from reunify.elections.validity import deficiencies_of
from reunify.families.choices import CustodyKind
from reunify.families.models import CustodyEpisode, Person, PersonLanguage, Separation
from reunify.oversight.classification import CountedParent, GoverningVerdict
from reunify.oversight.counted_removals import (
    Removal,
    SeparationSpan,
    counted_removal,
)
from reunify.oversight.filters import ReportFilters
from reunify.oversight.report import RemovalsReport
from reunify.removals.models import GateOverride, OverrideStatus, RemovalPlan, RemovalStatus
from reunify.vocabulary import ElectionOption, ElectionOrigin

# The election columns the rules read (`elections.facts.election_facts`), and the two the
# report needs to pick the governing one.
ELECTION_FIELDS = (
    "id",
    "parent_id",
    "notice_id",
    "option",
    "form",
    "made_at",
    "created_at",
    "signature",
    "signed_on",
    "witness_name",
    "second_witness_name",
    "notice_language",
    "interpreter_language",
    "counsel_advised",
    "counsel",
    "waiver_explicit",
    "acknowledged_at",
    "withdrawn_at",
    "origin",
)
NOTICE_FIELDS = ("id", "delivered_at", "language", "interpreter_language")


def _known_by(rows: QuerySet[Any], cut: datetime | None, *event_fields: str) -> QuerySet[Any]:
    """Rows recorded before `cut` whose events happened before it; all rows without one."""
    if cut is None:
        return rows
    conditions = {"created_at__lt": cut} | {f"{name}__lt": cut for name in event_fields}
    return rows.filter(**conditions)


def removal_episodes(cut: datetime | None) -> QuerySet[CustodyEpisode]:
    return _known_by(CustodyEpisode.objects.filter(kind=CustodyKind.REMOVED), cut, "started_at")


def removed_parents(cut: datetime | None) -> "QuerySet[Separation, Any]":
    """Ids of removed people who are a parent in some separation: every person the report
    can count (a superset), as a subquery."""
    return Separation.objects.filter(
        parent_id__in=removal_episodes(cut).values("person_id")
    ).values("parent_id")


def _known(moment: datetime | None, recorded: datetime | None, cut: datetime | None) -> bool:
    if moment is None:
        return False
    if cut is None:
        return True
    return moment < cut and (recorded is None or recorded < cut)


def removals_report(
    filters: ReportFilters | None = None, *, now: datetime | None = None
) -> RemovalsReport:
    """The report over every removal the database knows (as of `filters.as_of`)."""
    filters = filters or ReportFilters()
    cut = filters.cut
    episodes = removal_episodes(cut)
    removed_ids = episodes.values("person_id")

    # Everyone removed, with where each was held just before and their citizenship:
    # children too, since a child removed on the parent's flight is not left behind.
    held_before = (
        CustodyEpisode.objects.filter(
            person_id=OuterRef("person_id"),
            started_at__lt=OuterRef("started_at"),
            facility__isnull=False,
        )
        .order_by("-started_at")
        .values("facility__name")[:1]
    )
    on_flight: dict[tuple[datetime, str], set[Hashable]] = defaultdict(set)
    removals_of: dict[Hashable, list[Removal]] = defaultdict(list)
    nationality_of: dict[Hashable, str] = {}
    for person_id, started_at, country, facility, citizenship in episodes.annotate(
        held_at=Subquery(held_before)
    ).values_list("person_id", "started_at", "country", "held_at", "person__citizenship"):
        removal = Removal(person_id, started_at, country, facility or "")
        on_flight[removal.flight].add(person_id)
        removals_of[person_id].append(removal)
        nationality_of[person_id] = citizenship
    removed_on_flight = {flight: frozenset(ids) for flight, ids in on_flight.items()}

    spans_of: dict[Hashable, list[SeparationSpan]] = defaultdict(list)
    for parent_id, child_id, separated_at, reunited_at, reunion_recorded in _known_by(
        Separation.objects.filter(parent_id__in=removed_ids), cut, "separated_at"
    ).values_list(
        "parent_id", "child_id", "separated_at", "reunion__reunited_at", "reunion__created_at"
    ):
        reunited = reunited_at if _known(reunited_at, reunion_recorded, cut) else None
        spans_of[parent_id].append(SeparationSpan(child_id, separated_at, reunited))

    counted = {}
    for parent_id, spans in spans_of.items():
        found = counted_removal(removals_of[parent_id], spans, removed_on_flight)
        if found is not None and filters.keeps(
            removed_at=found.removal.at,
            facility=found.removal.facility,
            nationality=nationality_of.get(parent_id, ""),
        ):
            counted[parent_id] = found

    parents_with_separations = Separation.objects.filter(parent_id__in=removed_ids).values(
        "parent_id"
    )
    verdicts = _verdicts(
        {parent_id: found.removal.at for parent_id, found in counted.items()},
        spans_of,
        parents_with_separations,
        cut,
    )
    overrides = _overrides(parents_with_separations, cut)
    parents = tuple(
        CountedParent(
            person_id=parent_id,
            removal=found.removal,
            children_left=found.children_left,
            nationality=nationality_of.get(parent_id, ""),
            verdict=verdicts.get(parent_id),
            passed_by_override=(parent_id, found.removal.at) in overrides,
            override_justifications=overrides.get((parent_id, found.removal.at), ()),
        )
        for parent_id, found in sorted(counted.items(), key=lambda item: str(item[0]))
    )
    return RemovalsReport(parents=parents, filters=filters, generated_at=now or timezone.now())


def _latest_elections(
    parents: QuerySet[Any], wanted: Iterable[Hashable], cut: datetime | None
) -> dict[Hashable, dict[str, Any]]:
    """Each wanted parent's governing election: the latest by when it was made (then by
    when it was recorded), as `elections.facts.latest_election_of` picks it."""
    wanted_ids = set(wanted)
    latest: dict[Hashable, dict[str, Any]] = {}
    for values in _known_by(Election.objects.filter(parent_id__in=parents), cut, "made_at").values(
        *ELECTION_FIELDS
    ):
        parent_id = values["parent_id"]
        if parent_id not in wanted_ids:
            continue
        current = latest.get(parent_id)
        if current is None or (values["made_at"], values["created_at"]) > (
            current["made_at"],
            current["created_at"],
        ):
            latest[parent_id] = values
    return latest


def _verdicts(
    removed_at: dict[Hashable, datetime],
    spans_of: dict[Hashable, list[SeparationSpan]],
    parents: QuerySet[Any],
    cut: datetime | None,
) -> dict[Hashable, GoverningVerdict]:
    latest = _latest_elections(parents, removed_at, cut)
    named: dict[Hashable, set[Hashable]] = defaultdict(set)
    covering = Election.children.through
    for election_id, child_id in covering.objects.filter(
        election__parent_id__in=parents, election__origin=ElectionOrigin.RECORDED
    ).values_list("election_id", "person_id"):
        named[election_id].add(child_id)
    notices = {
        values["id"]: values
        for values in Notice.objects.filter(
            pk__in=[values["notice_id"] for values in latest.values() if values["notice_id"]]
        ).values(*NOTICE_FIELDS)
    }
    spoken: dict[Hashable, set[str]] = defaultdict(set)
    for person_id, code in _known_by(
        PersonLanguage.objects.filter(person_id__in=parents), cut
    ).values_list("person_id", "code"):
        spoken[person_id].add(code)

    verdicts: dict[Hashable, GoverningVerdict] = {}
    for parent_id, values in latest.items():
        election = _election_as_known(values, notices.get(values["notice_id"]), cut)
        facts = election_facts(
            election,
            is_latest=True,
            parent_languages=frozenset(spoken.get(parent_id, ())),
            children_named=frozenset(cast(set[UUID], named.get(values["id"], set()))),
            children_separated_at_the_time=frozenset(
                cast(UUID, span.child_id)
                for span in spans_of.get(parent_id, ())
                if span.apart_when_made(election.made_at)
            ),
            removed_at=removed_at[parent_id],
        )
        unjudged = rules_the_record_cannot_show(election)
        verdicts[parent_id] = GoverningVerdict(
            election_id=values["id"],
            option=ElectionOption(election.option),
            origin=ElectionOrigin(election.origin),
            made_at=election.made_at,
            deficiencies=deficiencies_of(facts, cannot_show=unjudged),
            unjudged=unjudged,
        )
    return verdicts


def _election_as_known(
    values: dict[str, Any], notice: dict[str, Any] | None, cut: datetime | None
) -> Election:
    """The election as the records stood at `cut`: an acknowledgment, a withdrawal or a
    notice's delivery recorded later had not happened yet."""
    # `from_db` takes a subset of columns in the model's own field order.
    attributes = [
        field.attname
        for field in Election._meta.concrete_fields
        if field.attname in ELECTION_FIELDS
    ]
    election = Election.from_db(
        Election.objects.db, attributes, [values[name] for name in attributes]
    )
    if cut is not None:
        if election.acknowledged_at is not None and election.acknowledged_at >= cut:
            election.acknowledged_at = None
        if election.withdrawn_at is not None and election.withdrawn_at >= cut:
            election.withdrawn_at = None
    if notice is not None:
        if cut is not None and notice["delivered_at"] is not None and notice["delivered_at"] >= cut:
            notice = notice | {"delivered_at": None}
        columns = [
            field.attname for field in Notice._meta.concrete_fields if field.attname in notice
        ]
        election.notice = Notice.from_db(
            Notice.objects.db, columns, [notice[name] for name in columns]
        )
    return election


def _overrides(
    parents: QuerySet[Any], cut: datetime | None
) -> dict[tuple[Hashable, datetime], tuple[str, ...]]:
    """Executed removals that passed the gate by an override, by (parent, moment), with the
    justifications of the overrides granted for them."""
    plans = _known_by(
        RemovalPlan.objects.filter(
            parent_id__in=parents, status=RemovalStatus.EXECUTED, passed_by_override=True
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
    """Each counted parent's full name, by person id: one query over the removed parents
    (not a list of ids, which PostgreSQL caps at 65,535 parameters)."""
    wanted = report.by_person
    names: dict[str, str] = {}
    for pk, given, first, second in (
        Person.objects.filter(pk__in=removed_parents(report.filters.cut))
        .values_list("pk", "given_names", "first_surname", "second_surname")
        .iterator(chunk_size=5000)
    ):
        if str(pk) in wanted:
            names[str(pk)] = " ".join(part for part in (given, first, second) if part)
    return names
