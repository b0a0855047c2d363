"""Building the removals report into the tables every web worker reads, and telling
whether a kept build still shows the records as they stand.

A build reads the records in one snapshot and notes the newest history entry that
snapshot holds (`through_sequence`). Every change to the records is written by a service
with its history entry in the same transaction (STYLE.md), so the entries after that
number are exactly the changes the build has not seen. Those that cannot move a figure
(views, accounts, counsel grants, the report's own builds) are not counted. An import
is counted: the languages of staged rows feed a data-quality finding.

A build as of a past day is settled once it read the records a day after that day ended:
a row recorded by then is long committed, and later rows are outside the day. Until then
it is checked like the report of now, counting only entries written before it settled.
"""

import time as clock
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4

from django.db import connection, models, transaction
from django.db.models import Max, Q
from django.utils import timezone

from reunify.accounts.models import User
from reunify.audit.history import VIEW_PREFIX, record_change
from reunify.audit.models import HistoryEntry
from reunify.bulk_copy import insert_rows
from reunify.oversight.data_quality import DataQuality, data_quality
from reunify.oversight.filters import ReportFilters
from reunify.oversight.models import StoredCountedParent, StoredFinding, StoredRemovalsReport
from reunify.oversight.read_model import removals_report
from reunify.oversight.report import RemovalsReport

STORED_ACTION = "oversight.removals_report_stored"
# Actions whose changes no figure or finding of the report reads.
UNRELATED_ACTIONS = (
    VIEW_PREFIX,
    "oversight.",
    "user.",
    "accounts.",
    "api_token.",
    "counsel_grant.",
    "tracing.",  # no figure counts tracing cases: `reunify link` rebuilds it beside the sweep
)
# How long after an as-of day ends until every row recorded within it has surely
# committed (the longest write, a national linkage refresh, takes minutes).
SETTLING = timedelta(days=1)


@dataclass(frozen=True)
class Snapshot:
    """The report and its findings as one snapshot of the records showed them."""

    report: RemovalsReport
    quality: DataQuality
    through_sequence: int
    read_at: datetime
    seconds: float


def _newest_sequence() -> int:
    newest = HistoryEntry.objects.aggregate(newest=Max("sequence"))["newest"]
    return int(newest or 0)


def read_snapshot(as_of: date | None) -> Snapshot:
    """The report (no filters) and its findings, read in one snapshot with the number of
    the newest history entry it holds. On PostgreSQL a REPEATABLE READ transaction, so
    no change committed while the report is read slips in unnumbered."""
    started = clock.monotonic()
    repeatable = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if repeatable:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        # Before the snapshot starts: the moment it reflects is no earlier than this.
        read_at = timezone.now()
        through = _newest_sequence()
        report = removals_report(ReportFilters(as_of=as_of), now=read_at)
        quality = data_quality(report)
    return Snapshot(report, quality, through, read_at, clock.monotonic() - started)


def _parent_rows(report_id: UUID, found: RemovalsReport) -> Iterator[dict[str, Any]]:
    for parent in found.parents:
        verdict = parent.verdict
        codes = "".join(f"|{code.value}" for code in parent.deficiencies)
        yield {
            "report_id": report_id,
            "person_id": parent.person_id,
            "removed_at": parent.removal.at,
            "removal_day": parent.removal.at.astimezone(UTC).date(),
            "removal_month": parent.removal_month,
            "country": parent.removal.country,
            "facility": parent.removal.facility,
            "facility_folded": parent.removal.facility.casefold(),
            "nationality": parent.nationality or "",
            "removal_class": parent.removal_class.value,
            "deficiencies": f"{codes}|" if codes else "",
            "acknowledgment_unknown": parent.acknowledgment_unknown,
            "passed_by_override": parent.passed_by_override,
            "election_option": verdict.option.value if verdict else "",
            "election_made_at": verdict.made_at if verdict else None,
        }


def _finding_rows(report_id: UUID, quality: DataQuality) -> Iterator[dict[str, Any]]:
    for kind, found in quality.findings.items():
        for position, finding in enumerate(found):
            yield {
                "report_id": report_id,
                "kind": kind,
                "position": position,
                "person_id": UUID(finding.person_id),
                "detail": finding.detail,
            }


def _insert(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> None:
    """New rows with fresh ids, by COPY on PostgreSQL (a national build keeps about
    40,000 parents; the ORM's INSERT took seconds to quote them)."""
    names = [field.attname for field in model._meta.concrete_fields]
    insert_rows(
        model, (tuple(uuid4() if name == "id" else row[name] for name in names) for row in rows)
    )


def removals_report_store(*, actor: User | None, snapshot: Snapshot) -> StoredRemovalsReport:
    """Keep `snapshot` as the page's report for its day, replacing older builds of it."""
    as_of = snapshot.report.filters.as_of
    with transaction.atomic():
        stored = StoredRemovalsReport.objects.create(
            as_of=as_of,
            through_sequence=snapshot.through_sequence,
            read_at=snapshot.read_at,
            built_at=timezone.now(),
            seconds=round(snapshot.seconds, 3),
            parents=len(snapshot.report.parents),
        )
        _insert(StoredCountedParent, _parent_rows(stored.pk, snapshot.report))
        _insert(StoredFinding, _finding_rows(stored.pk, snapshot.quality))
        # Builds that saw no more than this one are of no further use.
        StoredRemovalsReport.objects.filter(
            as_of=as_of, through_sequence__lte=snapshot.through_sequence
        ).exclude(pk=stored.pk).delete()
        record_change(
            actor=actor,
            action=STORED_ACTION,
            subject_type="removals_report",
            subject_id=stored.pk,
            changes={
                "as_of": as_of,
                "through_sequence": snapshot.through_sequence,
                "read_at": snapshot.read_at,
                "parents": stored.parents,
            },
        )
    return stored


def removals_report_build(*, actor: User | None, as_of: date | None = None) -> StoredRemovalsReport:
    """Read the report afresh and keep it for the page."""
    return removals_report_store(actor=actor, snapshot=read_snapshot(as_of))


def removals_reports_refresh(*, actor: User | None = None) -> list[StoredRemovalsReport]:
    """Rebuild the report of now, and every kept as-of build that has changes since it.

    Call after anything that writes many records at once (an import's linkage run, a
    demo load), so the page's next visitor finds the report already built."""
    rebuilt = [removals_report_build(actor=actor)]
    for kept in StoredRemovalsReport.objects.filter(as_of__isnull=False).order_by("as_of"):
        if changes_since(kept):
            rebuilt.append(removals_report_build(actor=actor, as_of=kept.as_of))
    return rebuilt


def latest_stored(as_of: date | None) -> StoredRemovalsReport | None:
    """The kept build that has seen the most of the records, for the day asked."""
    builds = StoredRemovalsReport.objects.filter(Q(as_of=as_of) if as_of else Q(as_of__isnull=True))
    return builds.order_by("-through_sequence", "-built_at").first()


def settles_at(as_of: date) -> datetime:
    """When a build as of `as_of` is settled if it read the records by then."""
    return datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=UTC) + SETTLING


def is_settled(stored: StoredRemovalsReport) -> bool:
    return stored.as_of is not None and stored.read_at >= settles_at(stored.as_of)


def changes_since(stored: StoredRemovalsReport) -> int:
    """How many changes to the records the build has not seen (0: it shows them as they
    stand, or as they stood at the end of its day)."""
    if is_settled(stored):
        return 0
    later = HistoryEntry.objects.filter(sequence__gt=stored.through_sequence)
    if stored.as_of is not None:
        later = later.filter(at__lt=settles_at(stored.as_of))
    unrelated = Q()
    for prefix in UNRELATED_ACTIONS:
        unrelated |= Q(action__startswith=prefix)
    return later.exclude(unrelated).count()
