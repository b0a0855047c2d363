"""The sweep that keeps a case for every separated child: `reunify link`, `reunify demo`,
the work queue's button and a schedule run it after separations were written in bulk.

It works in sets, not case by case: at a million records a first linkage run leaves
about 48,000 separations without a case, and opening them one at a time (a few queries
and a chained history entry each) took about five minutes. Here a handful of queries
read what every case needs; the cases go in a batch at a time by `bulk_copy.insert_rows`
(COPY on PostgreSQL: `bulk_create` spent most of its time quoting values in Python), and
their history entries by `record_changes`, chained in one pass. The result is what
opening them one at a time in the order of their separations gives
(`tests/tracing/test_case_sweep.py` holds the two equal).
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID, uuid4

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from reunify.accounts.models import User
from reunify.accounts.permissions import require_role
from reunify.accounts.roles import TRACERS
from reunify.audit.history import record_changes
from reunify.bulk_copy import insert_rows
from reunify.families.models import Separation
from reunify.tracing.models import ContactDetail, TracingCase
from reunify.tracing.services.case_facts import (
    NO_CUSTODY,
    kept_facts,
    open_custody_of,
    tracing_cases_refresh_denormalised,
)
from reunify.tracing.services.cases import (
    CaseChange,
    case_opened,
    case_step,
    reunified_state,
    reunion_why,
    state_changed,
)
from reunify.tracing.transitions import TracingState

# Cases written per statement, and history entries appended per call: memory stays
# bounded however many cases one sweep opens.
BATCH = 2000


@transaction.atomic
def tracing_cases_open_for_separated_children(*, actor: User | None) -> dict[str, int]:
    """Every open case whose separation a reunion has closed (recorded elsewhere) closed
    as reunified, a case for every open separation that has none, and every case's kept
    facts brought in line with their tables (a bulk write, such as a linkage run, may
    have changed them). Running it again changes nothing. `actor` None is the system
    (the command line, a schedule)."""
    if actor is not None:
        require_role(actor, TRACERS, action="open tracing cases")
    # Closing first: a child reunited and then separated again from the same parent is
    # sought anew now, not only by the next sweep (the open case of the first separation
    # would otherwise hold the second back, and running the sweep again would open it).
    settled = 0
    for batch in _batches(_cases_to_close()):
        changes = _close_as_reunified(batch)
        record_changes(actor=actor, changes=changes)
        settled += len(batch)
    opened = 0
    for batch in _batches(_cases_to_open(opened_by=actor)):
        insert_rows(TracingCase, [_row(case) for case in batch])
        record_changes(actor=actor, changes=[_opened(case) for case in batch])
        opened += len(batch)
    refreshed = tracing_cases_refresh_denormalised()  # analyzes the tables it joins
    return {"opened": opened, "closed_as_reunified": settled, "facts_refreshed": refreshed}


NewCase = dict[str, Any]  # a case's values by attribute name ("child_id"), unsaved


def _cases_to_open(*, opened_by: User | None) -> Iterator[NewCase]:
    """A case for each open separation without one, in the order of the separations
    (`separated_at`, then id), unless a case already seeks that parent for that child
    (opened on demand)."""
    untraced = Separation.objects.filter(reunion__isnull=True, tracing_cases__isnull=True)
    parents = untraced.values("parent_id")
    sought: set[tuple[UUID, UUID]] = set(
        TracingCase.objects.filter(closed_at__isnull=True)
        .filter(
            Exists(untraced.filter(child_id=OuterRef("child_id"), parent_id=OuterRef("parent_id")))
        )
        .values_list("child_id", "parent_id")
    )
    reachable = set(
        ContactDetail.objects.filter(person_id__in=parents, dead=False).values_list(
            "person_id", flat=True
        )
    )
    custody = open_custody_of(parents)
    rows = untraced.order_by("separated_at", "pk").values_list(
        "pk",
        "child_id",
        "parent_id",
        "family_unit_id",
        "child__citizenship",
        "family_unit__station__sector",
        "family_unit__apprehended_at",
    )
    # Read whole before the first insert: the cases written change what `untraced` selects.
    for separation_id, child_id, parent_id, unit_id, citizenship, sector, apprehended in list(rows):
        if (child_id, parent_id) in sought:
            continue
        # A later open separation of the same pair gets no case while this one's is
        # open, as one case at a time did (the separations' constraint allows none now).
        sought.add((child_id, parent_id))
        yield {
            "id": uuid4(),
            "child_id": child_id,
            "parent_id": parent_id,
            "family_unit_id": unit_id,
            "separation_id": separation_id,
            "opened_by_id": opened_by.pk if opened_by else None,
            "no_contact_info": parent_id not in reachable,
            **kept_facts(
                citizenship=citizenship,
                sector=sector,
                apprehended_at=apprehended,
                custody=custody.get(parent_id, NO_CUSTODY),
            ),
        }


def _row(case: NewCase) -> list[Any]:
    """The case's row for `insert_rows`: its values, every other column's default."""
    now = timezone.now()
    values = {"created_at": now, "updated_at": now, "state": TracingState.NOT_STARTED.value}
    values.update(case)
    return [
        values[field.attname] if field.attname in values else field.get_default()
        for field in TracingCase._meta.concrete_fields
    ]


def _opened(case: NewCase) -> CaseChange:
    return case_opened(
        case_id=case["id"],
        family_unit_id=case["family_unit_id"],
        child_id=case["child_id"],
        parent_id=case["parent_id"],
        separation_id=case["separation_id"],
        no_contact_info=case["no_contact_info"],
    )


def _cases_to_close() -> QuerySet[TracingCase]:
    """The open cases whose separation a reunion has closed, locked."""
    return (
        TracingCase.objects.select_for_update(of=("self",))
        .filter(closed_at__isnull=True, separation__reunion__isnull=False)
        .select_related("separation__reunion")
    )


def _close_as_reunified(cases: Sequence[TracingCase]) -> list[CaseChange]:
    """Close each locked case with its separation's reunion, as `reunion_close` does one
    case, in one UPDATE; the history entries to append."""
    changes = []
    now = timezone.now()
    for case in cases:
        assert case.separation is not None
        reunion = case.separation.reunion
        assert reunion is not None
        case.reunion = reunion
        was = case_step(case, reunified_state(reunion), reunion_on_record=True)
        case.updated_at = now  # what `save` would write; `bulk_update` leaves it alone
        changes.append(state_changed(case, was=was, why=reunion_why(reunion)))
    TracingCase.objects.bulk_update(
        cases, ["state", "closed_at", "search_started_at", "reunion", "updated_at"]
    )
    return changes


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
